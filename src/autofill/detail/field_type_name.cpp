#include "detail/field_type_name.hpp"

namespace leverkit::inline v0::autofill::detail {

std::string_view field_type_name(FieldType t) noexcept { return leverkit::to_string(t); }

FieldType field_type_from_name(std::string_view s) noexcept { return leverkit::field_type_from_string(s); }

}  // namespace leverkit::autofill::detail
