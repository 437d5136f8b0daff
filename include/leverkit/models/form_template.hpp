// leverkit/models/form_template.hpp — profile form templates (`/form_templates`).
//
// What: `FormTemplate`: the questions of a profile form (field types currency, date, dropdown,
// multiple-choice, multiple-select, text, textarea, yes-no). Lever's doc examples print these
// unwrapped with string timestamps; both decode.
// Errors: decoders return decode_error naming the JSON path.
// Thread-safety: value types; decoders are reentrant.
// Example:
//   LEVERKIT_TRY(t, leverkit::decode_form_template(body));
//   fmt::print("{} ({} fields)\n", t.text, t.fields.size());
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "leverkit/models/common.hpp"
#include "leverkit/models/error.hpp"
#include "leverkit/models/feedback.hpp"
#include "leverkit/models/form_field.hpp"
#include "leverkit/models/time.hpp"

namespace leverkit::inline v0 {

struct FormTemplate {
  std::string id;
  std::string text;
  std::optional<TemplateGroup> group;  // {id, name}; null or "" → none
  std::optional<std::string> instructions;
  bool secret_by_default = false;
  std::vector<FormField> fields;
  std::optional<Timestamp> created_at;
  std::optional<Timestamp> updated_at;
  friend bool operator==(const FormTemplate&, const FormTemplate&) = default;
};

Result<FormTemplate> decode_form_template(std::string_view json);
Result<Page<FormTemplate>> decode_form_template_page(std::string_view json);

}  // namespace leverkit
