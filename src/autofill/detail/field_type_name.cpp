#include "detail/field_type_name.hpp"

#include <array>
#include <utility>

namespace leverkit::autofill::detail {
namespace {
constexpr std::array<std::pair<FieldType, std::string_view>, 15> kNames{{
    {FieldType::code, "code"},
    {FieldType::date, "date"},
    {FieldType::dropdown, "dropdown"},
    {FieldType::multiple_choice, "multiple-choice"},
    {FieldType::multiple_select, "multiple-select"},
    {FieldType::score_system, "score-system"},
    {FieldType::score, "score"},
    {FieldType::scorecard, "scorecard"},
    {FieldType::text, "text"},
    {FieldType::textarea, "textarea"},
    {FieldType::yes_no, "yes-no"},
    {FieldType::currency, "currency"},
    {FieldType::file_upload, "file-upload"},
    {FieldType::university, "university"},
    {FieldType::note, "note"},
}};
}  // namespace

std::string_view field_type_name(FieldType t) noexcept {
  for (const auto& [k, v] : kNames)
    if (k == t) return v;
  return "unknown";
}

FieldType field_type_from_name(std::string_view s) noexcept {
  for (const auto& [k, v] : kNames)
    if (v == s) return k;
  return FieldType::unknown;
}

}  // namespace leverkit::autofill::detail
