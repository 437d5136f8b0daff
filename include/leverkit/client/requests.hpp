// leverkit/client/requests.hpp — request structs of the read operations (one per Client method).
//
// What: every documented filter of Lever's list endpoints as a typed, designated-initializer
// friendly field. Multi-valued filters are vectors (sent as repeated query keys, which Lever
// treats as a union); time-range filters are `Timestamp`s (sent as epoch ms); `offset` resumes
// a listing from a saved `Paginator::next_token()`. Unset fields are not sent.
// Ids: a request names each id after its resource — `opportunity_id`, `user_id`, `posting_id` —
// the same name in every Get/Update/Delete request of that resource (ADR 0095).
// Errors: a client-side rule broken (limit outside 1..100, empty id, postings' updated_at range
// combined with a filter other than confidentiality) is `Errc::invalid_argument` before sending.
// Thread-safety: value types.
// Example:
//   leverkit::ListOpportunitiesRequest r{.stage_id = {"applicant-new"}, .archived = false,
//                                         .expand = {"stage", "owner"}, .limit = 100};
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "leverkit/models/time.hpp"

namespace leverkit::inline v0 {

/// `confidentiality` filter; Lever's default is non_confidential.
enum class Confidentiality { non_confidential, confidential, all };

/// GET /opportunities (lever-api.md §6.1).
struct ListOpportunitiesRequest {
  std::vector<std::string> tag;
  std::vector<std::string> email;
  std::vector<std::string> origin;  // agency, applied, internal, referred, sourced, university
  std::vector<std::string> source;
  std::optional<Confidentiality> confidentiality;
  std::vector<std::string> stage_id;
  std::vector<std::string> posting_id;
  std::vector<std::string> archived_posting_id;
  std::optional<Timestamp> created_at_start;
  std::optional<Timestamp> created_at_end;
  std::optional<Timestamp> updated_at_start;
  std::optional<Timestamp> updated_at_end;
  std::optional<Timestamp> advanced_at_start;
  std::optional<Timestamp> advanced_at_end;
  std::optional<Timestamp> archived_at_start;
  std::optional<Timestamp> archived_at_end;
  std::optional<bool> archived;  // unset = both
  std::vector<std::string> archive_reason_id;
  std::optional<bool> snoozed;
  std::vector<std::string> contact_id;
  std::vector<std::string> location;
  std::vector<std::string> expand;   // applications, stage, owner, followers, sourcedBy, contact
  std::vector<std::string> include;  // followers
  std::optional<int> limit;          // 1..100
  std::optional<std::string> offset; // resume token
};

/// GET /opportunities/:id.
struct GetOpportunityRequest {
  std::string opportunity_id;
  std::vector<std::string> expand;
  std::vector<std::string> include;
};

/// GET /users (active users only unless include_deactivated).
struct ListUsersRequest {
  bool include_deactivated = false;
  std::vector<std::string> access_role;  // "super admin", "admin", "team member", ... or role ids
  std::optional<std::string> email;
  std::optional<std::string> external_directory_id;
  std::vector<std::string> include;
  std::optional<int> limit;
  std::optional<std::string> offset;
};

/// GET /users/:id.
struct GetUserRequest {
  std::string user_id;
};

/// GET /stages.
struct ListStagesRequest {
  std::optional<int> limit;
  std::optional<std::string> offset;
};

/// GET /archive_reasons.
struct ListArchiveReasonsRequest {
  std::optional<std::string> type;  // "hired" | "non-hired"
  std::optional<int> limit;
  std::optional<std::string> offset;
};

/// GET /postings (lever-api.md §6.7). Lever: the updated_at range combines only with
/// confidentiality; filters are case-sensitive.
struct ListPostingsRequest {
  std::vector<std::string> state;  // published, internal, closed, draft, pending, rejected
  std::vector<std::string> distribution_channel;  // public, internal
  std::optional<Confidentiality> confidentiality;
  std::optional<std::string> group;  // location, team, department, commitment
  std::vector<std::string> team;
  std::vector<std::string> department;
  std::vector<std::string> location;
  std::vector<std::string> commitment;
  std::vector<std::string> level;  // deprecated by Lever
  std::vector<std::string> tag;
  std::optional<Timestamp> updated_at_start;
  std::optional<Timestamp> updated_at_end;
  std::vector<std::string> expand;   // user, owner, hiringManager, followers
  std::vector<std::string> include;  // content, followers
  std::optional<int> limit;
  std::optional<std::string> offset;
};

/// GET /postings/:id.
struct GetPostingRequest {
  std::string posting_id;
  std::optional<std::string> distribution;  // internal | external
  std::vector<std::string> expand;
  std::vector<std::string> include;
};

}  // namespace leverkit
