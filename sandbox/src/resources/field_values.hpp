// field_values.hpp — checks and applies submitted form/feedback field values (lever-api.md §6.11);
// shared by the feedback and profile-form handlers. Errors: ApiFailure 400 naming the field.
#pragma once
#include <cstddef>
#include <string_view>

#include "value.hpp"

namespace leverkit::sandbox::detail {

/// Whether a choice field has an option with this text.
[[nodiscard]] bool has_option(const Value& field, std::string_view text);
/// Checks a submitted value against the field's type; `i` names the entry in errors.
void check_value(const Value& field, const Value& v, std::size_t i);
/// Applies `fieldValues` [{id, value}] to `fields` (each field gets its `value`).
void apply_field_values(Array& fields, const Value& body);

}  // namespace leverkit::sandbox::detail
