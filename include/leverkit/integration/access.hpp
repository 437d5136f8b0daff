// leverkit/integration/access.hpp — who may see a matched call's recording and notes.
//
// What: `decide_access(snapshot, match, policy)` lists the Lever users allowed to see what a
// notetaker captured for one call, each with the reasons they qualify: interviewers of the
// matched interview (and, by default, of the other interviews of its panel), the opportunity
// owner (the recruiter), the posting's hiring manager and owner, and users whose access role is
// an admin role. Confidential postings (or opportunities) are restricted: only the people named
// on the interview/opportunity/posting and the `confidential_roles` (default: super admin) keep
// access — a plain admin of the account does not, as in Lever. Deactivated users never have
// access. A call that is not `matched` gets no viewers but the admins of
// `unmatched_roles` (default: none): a guess must not leak a recording to a stranger.
// Defaults are the documented product rules above (docs/adr/0065); every one is a field of
// `AccessPolicy` a host can change.
// Cost: `decide_access(snapshot, …)` scans the snapshot (O(objects) per call); for many calls
// build an `AccessIndex` (access_index.hpp) once and pass it instead: same decisions, O(answer)
// per call.
// Errors: none — a pure function over values; unknown user ids are reported, not dropped.
// Thread-safety: pure function over value types.
// Example:
//   auto access = leverkit::integration::decide_access(snapshot, result);
//   if (!leverkit::integration::may_see(access, user_id)) return http_403();
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "leverkit/match/index.hpp"
#include "leverkit/match/result.hpp"

namespace leverkit::inline v0::integration {

enum class AccessReason {
  interviewer,             // on the matched interview
  panel_interviewer,       // on another interview of the same panel
  opportunity_owner,       // the recruiter who owns the opportunity
  posting_hiring_manager,  // the posting's hiring manager
  posting_owner,           // the posting's owner
  opportunity_follower,    // follows the opportunity (off by default)
  admin_role,              // access role in `admin_roles` (or `confidential_roles`)
  always_allowed,          // listed in `always_allow`
};

std::string_view to_string(AccessReason r) noexcept;

struct AccessPolicy {
  bool interviewers = true;
  bool panel_interviewers = true;
  bool opportunity_owner = true;
  bool posting_hiring_manager = true;
  bool posting_owner = true;
  bool opportunity_followers = false;
  /// Lever access roles that see every non-confidential call.
  std::vector<std::string> admin_roles{"super admin", "admin"};
  /// Roles that keep access to confidential postings without being named on them.
  std::vector<std::string> confidential_roles{"super admin"};
  /// On a confidential posting, whether panel interviewers (not on this interview) keep access.
  bool confidential_panel_interviewers = false;
  /// Roles that may see calls that are not `matched` (needs_review / no_match), to triage them.
  std::vector<std::string> unmatched_roles{};
  /// User ids that always have access (a compliance reviewer, say).
  std::vector<std::string> always_allow{};
};

struct AccessGrant {
  std::string user_id;
  std::string name;    // empty when the user is not in the snapshot
  std::string email;
  std::string access_role;
  bool known = false;  // the user is in the snapshot (so activity could be checked)
  std::vector<AccessReason> reasons;
};

struct AccessDecision {
  std::string call_id;
  bool matched = false;
  bool confidential = false;
  std::string opportunity_id;
  std::string posting_id;
  std::vector<AccessGrant> viewers;  // sorted by user id; each user once
  /// Users excluded and why ("u1: deactivated", "u2: admin role on a confidential posting").
  std::vector<std::string> excluded;
};

AccessDecision decide_access(const match::LeverSnapshot& snapshot, const match::MatchResult& result,
                             const AccessPolicy& policy = {});
class AccessIndex;
AccessDecision decide_access(const AccessIndex& index, const match::MatchResult& result,
                             const AccessPolicy& policy = {});

[[nodiscard]] bool may_see(const AccessDecision& decision, std::string_view user_id) noexcept;

}  // namespace leverkit::integration
