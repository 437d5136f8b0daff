#include "leverkit/fmt.hpp"
#include "leverkit/models/field_value.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <unordered_set>

namespace leverkit::inline v0 {
namespace {

std::string_view type_text(const FormField& f) {
  return f.type == FieldType::unknown ? std::string_view(f.type_name) : to_string(f.type);
}

Error bad(const FormField& f, std::string_view what) {
  return Error{Errc::invalid_argument,
               fmt::format("field {} ('{}', {}): {}", f.id.empty() ? "<no id>" : f.id, f.text, type_text(f), what)};
}

bool takes_text(FieldType t) {
  return t == FieldType::text || t == FieldType::textarea || t == FieldType::code || t == FieldType::university;
}
bool takes_option(FieldType t) {
  return t == FieldType::dropdown || t == FieldType::multiple_choice || t == FieldType::score_system;
}
// Quirk 10: a PUT response reports the overall rating as `score` + `overall: true` with option
// texts; a value for that field is an option text too.
bool is_overall_score(const FormField& f) { return f.type == FieldType::score && f.overall; }

bool has_option(const FormField& f, std::string_view text) {
  return std::any_of(f.options.begin(), f.options.end(), [&](const FieldOption& o) { return o.text == text; });
}

std::string option_list(const FormField& f) {
  std::string out;
  for (const auto& o : f.options) {
    if (!out.empty()) out += ", ";
    out += fmt::format("'{}'", o.text);
  }
  return out.empty() ? "none" : out;
}

Result<void> check_option(const FormField& f, std::string_view option) {
  if (has_option(f, option)) return success();
  return bad(f, fmt::format("'{}' is not one of its options ({})", option, option_list(f)));
}

Result<void> check_score(const FormField& f, std::int64_t score, std::string_view what) {
  if (score < 1 || score > 4) return bad(f, fmt::format("{} must be 1–4, got {}", what, score));
  return success();
}

std::string_view kind_of(const FieldValue& v) {
  switch (v.index()) {
    case 0: return "no value";
    case 1: return "text";
    case 2: return "an integer";
    case 3: return "a number";
    case 4: return "a list of options";
    default: return "scorecard rows";
  }
}

Error wrong_kind(const FormField& f, const FieldValue& v, std::string_view expected) {
  return bad(f, fmt::format("takes {}, not {}", expected, kind_of(v)));
}

}  // namespace

Result<void> validate_field_value(const FormField& f, const FieldValue& v) {
  if (std::holds_alternative<std::monostate>(v)) return success();
  if (f.type == FieldType::file_upload) return bad(f, "file uploads cannot be set through a field value");
  if (f.type == FieldType::unknown) return bad(f, "this leverkit version does not know the field type, so cannot fill it");
  if (takes_text(f.type) || f.type == FieldType::note) {
    if (!std::holds_alternative<std::string>(v)) return wrong_kind(f, v, "text");
    return success();
  }
  if (takes_option(f.type) || is_overall_score(f)) {
    const auto* s = std::get_if<std::string>(&v);
    if (!s) return wrong_kind(f, v, "one option text");
    return check_option(f, *s);
  }
  switch (f.type) {
    case FieldType::yes_no: {
      const auto* s = std::get_if<std::string>(&v);
      if (!s) return wrong_kind(f, v, "\"yes\" or \"no\"");
      if (*s != "yes" && *s != "no") return bad(f, fmt::format("takes \"yes\" or \"no\", got '{}'", *s));
      return success();
    }
    case FieldType::date:
      if (!std::holds_alternative<std::int64_t>(v)) return wrong_kind(f, v, "a date (epoch milliseconds)");
      return success();
    case FieldType::currency:
      if (const auto* d = std::get_if<double>(&v)) {
        if (!std::isfinite(*d)) return bad(f, "the amount must be a finite number");
        return success();
      }
      if (std::holds_alternative<std::int64_t>(v)) return success();
      return wrong_kind(f, v, "an amount");
    case FieldType::score: {
      const auto* i = std::get_if<std::int64_t>(&v);
      if (!i) return wrong_kind(f, v, "a score 1–4");
      return check_score(f, *i, "the score");
    }
    case FieldType::multiple_select: {
      const auto* list = std::get_if<std::vector<std::string>>(&v);
      if (!list) return wrong_kind(f, v, "a list of option texts");
      std::unordered_set<std::string_view> seen;
      for (const auto& o : *list) {
        LEVERKIT_TRYV(check_option(f, o));
        if (!seen.insert(o).second) return bad(f, fmt::format("option '{}' is chosen twice", o));
      }
      return success();
    }
    case FieldType::scorecard: {
      const auto* rows = std::get_if<std::vector<ScorecardScore>>(&v);
      if (!rows) return wrong_kind(f, v, "scorecard rows");
      if (rows->size() != f.scores.size())
        return bad(f, fmt::format("has {} scorecard rows, got {}", f.scores.size(), rows->size()));
      for (std::size_t i = 0; i < rows->size(); ++i)
        if ((*rows)[i].score)
          LEVERKIT_TRYV(check_score(f, *(*rows)[i].score, fmt::format("row {} ('{}') score", i, f.scores[i].text)));
      return success();
    }
    default:
      return bad(f, "unsupported field type");
  }
}

Result<FieldValue> text_value(const FormField& f, std::string_view text) {
  if (!takes_text(f.type)) return bad(f, "is not a text field");
  return FieldValue{std::string(text)};
}

Result<FieldValue> yes_no_value(const FormField& f, bool yes) {
  if (f.type != FieldType::yes_no) return bad(f, "is not a yes-no field");
  return FieldValue{std::string(yes ? "yes" : "no")};
}

Result<FieldValue> date_value(const FormField& f, Timestamp when) {
  if (f.type != FieldType::date) return bad(f, "is not a date field");
  return FieldValue{to_unix_ms(when)};
}

Result<FieldValue> number_value(const FormField& f, double amount) {
  if (f.type != FieldType::currency) return bad(f, "is not a currency field");
  FieldValue v{amount};
  LEVERKIT_TRYV(validate_field_value(f, v));
  return v;
}

Result<FieldValue> option_value(const FormField& f, std::string_view option) {
  if (!takes_option(f.type) && !is_overall_score(f)) return bad(f, "is not a single-choice field");
  LEVERKIT_TRYV(check_option(f, option));
  return FieldValue{std::string(option)};
}

Result<FieldValue> options_value(const FormField& f, const std::vector<std::string>& options) {
  if (f.type != FieldType::multiple_select) return bad(f, "is not a multiple-select field");
  FieldValue v{options};
  LEVERKIT_TRYV(validate_field_value(f, v));
  return v;
}

Result<FieldValue> score_value(const FormField& f, int score) {
  if (f.type != FieldType::score || f.overall) return bad(f, "is not a score field");
  LEVERKIT_TRYV(check_score(f, score, "the score"));
  return FieldValue{std::int64_t{score}};
}

Result<FieldValue> scorecard_value(const FormField& f, const std::vector<ScorecardScore>& rows) {
  if (f.type != FieldType::scorecard) return bad(f, "is not a scorecard field");
  FieldValue v{rows};
  LEVERKIT_TRYV(validate_field_value(f, v));
  return v;
}

FieldValue no_value() noexcept { return FieldValue{}; }

Result<void> validate_field_values(const std::vector<FieldValueEntry>& values, const std::vector<FormField>& fields) {
  std::unordered_set<std::string_view> seen;
  for (std::size_t i = 0; i < values.size(); ++i) {
    const auto& e = values[i];
    const auto it = std::find_if(fields.begin(), fields.end(), [&](const FormField& f) { return f.id == e.id; });
    if (it == fields.end())
      return Error{Errc::invalid_argument,
                   fmt::format("fieldValues[{}]: no field with id {} on this form (field ids change when a "
                               "template is updated: take them from the current template for a new "
                               "feedback, from the feedback itself for an update)",
                               i, e.id)};
    if (!seen.insert(e.id).second)
      return Error{Errc::invalid_argument, fmt::format("fieldValues[{}]: field {} is given twice", i, e.id)};
    LEVERKIT_TRYV(validate_field_value(*it, e.value));
  }
  return success();
}

Result<FieldValueEntry> field_entry(const FormField& field, FieldValue value) {
  LEVERKIT_TRYV(validate_field_value(field, value));
  return FieldValueEntry{field.id, std::move(value)};
}

}  // namespace leverkit
