// leverkit/models/application.hpp — an opportunity's application (posting it applied to).
//
// What: `Application` (at most one per opportunity). Note `phone` is one object here while
// opportunities carry a `phones` array.
// Errors: decoders return decode_error naming the JSON path.
// Thread-safety: value types; decoders are reentrant.
// Example:
//   LEVERKIT_TRY(a, leverkit::decode_application(body));
//   if (a.posting) fmt::print("applied to {}\n", a.posting->id);
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "leverkit/models/common.hpp"
#include "leverkit/models/error.hpp"
#include "leverkit/models/posting.hpp"
#include "leverkit/models/time.hpp"
#include "leverkit/models/user.hpp"

namespace leverkit::inline v0 {

struct ArchivedState {
  std::optional<std::string> reason;  // archive reason id
  std::optional<Timestamp> archived_at;
  friend bool operator==(const ArchivedState&, const ArchivedState&) = default;
};

struct Application {
  std::string id;
  std::optional<std::string> opportunity_id;
  std::optional<std::string> candidate_id;  // deprecated; equals opportunity_id
  std::optional<Timestamp> created_at;
  std::optional<std::string> type;          // posting | user | referral
  std::optional<Expandable<Posting>> posting;
  std::optional<Expandable<User>> posting_owner;
  std::optional<Expandable<User>> posting_hiring_manager;
  std::optional<Expandable<User>> user;     // referrer
  std::optional<std::string> name;
  std::optional<std::string> email;
  std::optional<Phone> phone;
  std::optional<std::string> company;
  std::vector<std::string> links;
  std::optional<std::string> comments;
  std::optional<ArchivedState> archived;
  friend bool operator==(const Application&, const Application&) = default;
};

Result<Application> decode_application(std::string_view json);
Result<Page<Application>> decode_application_page(std::string_view json);

}  // namespace leverkit
