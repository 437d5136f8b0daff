// Private: Lever's spelling of a field type, from the raw `type_name` when the decoder kept it.
#pragma once

#include <string_view>

#include "leverkit/models/form_field.hpp"

namespace leverkit::inline v0::autofill::detail {

std::string_view field_type_name(FieldType t) noexcept;
inline std::string_view field_type_name(const FormField& f) noexcept {
  return f.type_name.empty() ? field_type_name(f.type) : std::string_view(f.type_name);
}
FieldType field_type_from_name(std::string_view s) noexcept;

}  // namespace leverkit::autofill::detail
