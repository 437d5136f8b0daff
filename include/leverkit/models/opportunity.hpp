// leverkit/models/opportunity.hpp — an opportunity: one candidacy of a contact.
//
// What: `Opportunity` with its expandable references (stage, owner, followers, applications,
// contact, sourcedBy), and its decoders. The archive state is read from the real
// `archived{reason, archivedAt}` object and from the legacy top-level `archivedAt` /
// `archiveReason` pair alike (lever-api.md §8 quirk 4).
// Errors: decoders return decode_error naming the JSON path ("data[3].emails[0]").
// Thread-safety: value types; decoders are reentrant.
// Example:
//   LEVERKIT_TRY(page, leverkit::decode_opportunity_page(body));
//   for (const auto& o : page.data) fmt::print("{} in {}\n", o.name, o.stage.id);
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "leverkit/models/application.hpp"
#include "leverkit/models/common.hpp"
#include "leverkit/models/contact.hpp"
#include "leverkit/models/error.hpp"
#include "leverkit/models/stage.hpp"
#include "leverkit/models/time.hpp"
#include "leverkit/models/user.hpp"

namespace leverkit::inline v0 {

struct StageChange {
  std::string to_stage_id;
  std::optional<int> to_stage_index;
  std::optional<std::string> user_id;
  std::optional<Timestamp> updated_at;
  friend bool operator==(const StageChange&, const StageChange&) = default;
};

struct OpportunityUrls {
  std::optional<std::string> list;
  std::optional<std::string> show;  // the candidate's Lever profile
  friend bool operator==(const OpportunityUrls&, const OpportunityUrls&) = default;
};

struct Opportunity {
  std::string id;
  std::string name;
  std::optional<std::string> headline;
  std::optional<Expandable<Contact>> contact;
  std::optional<Expandable<Stage>> stage;
  std::vector<StageChange> stage_changes;
  std::optional<std::string> confidentiality;
  std::optional<std::string> location;
  std::vector<Phone> phones;
  std::vector<std::string> emails;
  std::vector<std::string> links;
  std::optional<ArchivedState> archived;      // from `archived` or the legacy pair
  std::vector<std::string> tags;
  std::vector<std::string> sources;
  std::optional<Expandable<User>> sourced_by;
  std::optional<std::string> origin;
  std::optional<Expandable<User>> owner;
  std::vector<Expandable<User>> followers;
  std::vector<Expandable<Application>> applications;
  std::optional<Timestamp> created_at;
  std::optional<Timestamp> updated_at;
  std::optional<Timestamp> last_interaction_at;
  std::optional<Timestamp> last_advanced_at;
  std::optional<Timestamp> snoozed_until;
  OpportunityUrls urls;
  bool is_anonymized = false;
  std::optional<std::string> opportunity_location;
  std::optional<Timestamp> deleted_at;        // /opportunities/deleted only
  std::optional<std::string> deleted_by;

  [[nodiscard]] bool is_archived() const noexcept { return archived && archived->archived_at.has_value(); }
  friend bool operator==(const Opportunity&, const Opportunity&) = default;
};

Result<Opportunity> decode_opportunity(std::string_view json);
Result<Page<Opportunity>> decode_opportunity_page(std::string_view json);

}  // namespace leverkit
