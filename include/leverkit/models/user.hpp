// leverkit/models/user.hpp — Lever users (employees: recruiters, hiring managers, interviewers).
//
// What: `User` and its decoders. `access_role` is Lever's text ("super admin", "admin",
// "team member", "limited team member", "interviewer") or a custom role id.
// Errors: decoders return decode_error naming the JSON path.
// Thread-safety: value types; decoders are reentrant.
// Example:
//   LEVERKIT_TRY(u, leverkit::decode_user(body));
//   bool active = !u.deactivated_at;
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "leverkit/models/common.hpp"
#include "leverkit/models/error.hpp"
#include "leverkit/models/time.hpp"

namespace leverkit::inline v0 {

struct User {
  std::string id;
  std::string name;
  std::string username;
  std::string email;
  std::optional<Timestamp> created_at;
  std::optional<Timestamp> deactivated_at;  // null = active
  std::string access_role;
  std::optional<std::string> photo;
  std::optional<std::string> external_directory_id;
  std::vector<std::string> linked_contact_ids;
  std::optional<std::string> job_title;
  std::optional<std::string> manager_id;

  [[nodiscard]] bool active() const noexcept { return !deactivated_at.has_value(); }
  friend bool operator==(const User&, const User&) = default;
};

Result<User> decode_user(std::string_view json);
Result<Page<User>> decode_user_page(std::string_view json);

}  // namespace leverkit
