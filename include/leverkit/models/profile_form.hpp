// leverkit/models/profile_form.hpp — profile forms filled on an opportunity (`…/forms`).
//
// What: `ProfileForm`: a form created from a `FormTemplate`, with values in its fields.
// Errors: decoders return decode_error naming the JSON path.
// Thread-safety: value types; decoders are reentrant.
// Example:
//   LEVERKIT_TRY(page, leverkit::decode_profile_form_page(body));
//   for (const auto& f : page.data) fmt::print("{}\n", f.text);
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "leverkit/models/common.hpp"
#include "leverkit/models/error.hpp"
#include "leverkit/models/form_field.hpp"
#include "leverkit/models/stage.hpp"
#include "leverkit/models/time.hpp"
#include "leverkit/models/user.hpp"

namespace leverkit::inline v0 {

struct ProfileForm {
  std::string id;
  std::string type;  // "form"
  std::string text;
  std::optional<std::string> instructions;
  std::optional<std::string> base_template_id;
  std::vector<FormField> fields;  // with values
  std::optional<Expandable<User>> user;
  std::optional<Expandable<Stage>> stage;
  std::optional<bool> secret;
  std::optional<Timestamp> created_at;
  std::optional<Timestamp> completed_at;
  std::optional<Timestamp> deleted_at;
  [[nodiscard]] bool deleted() const noexcept { return deleted_at.has_value(); }
  friend bool operator==(const ProfileForm&, const ProfileForm&) = default;
};

Result<ProfileForm> decode_profile_form(std::string_view json);
Result<Page<ProfileForm>> decode_profile_form_page(std::string_view json);

}  // namespace leverkit
