// leverkit/models/form_field.hpp — fields of feedback forms, profile forms and their templates.
//
// What: `FieldType` (Lever's `type` strings), `FieldValue` (the typed `value`), `FormField`
// (a template field, or a form field with its value). Value shapes follow lever-api.md §6.11:
// text-like and choice types hold a string, `date` epoch ms, `score` 1–4, `currency` a number,
// `multiple-select` a list of option texts, `scorecard` one {score, comment} per row.
// Errors: decoders (in the models that embed fields) report decode_error with the JSON path.
// Thread-safety: value types.
// Example:
//   for (const auto& f : tmpl.fields)
//     if (f.type == leverkit::FieldType::yes_no) fmt::print("{}\n", f.text);
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace leverkit::inline v0 {

enum class FieldType {
  code, date, dropdown, multiple_choice, multiple_select, score_system, score, scorecard, text,
  textarea, yes_no, currency, file_upload, university, note,
  unknown,  // a type this version of leverkit does not know; kept, never filled
};

/// Lever's spelling ("multiple-choice"); "unknown" for FieldType::unknown.
std::string_view to_string(FieldType t) noexcept;
/// Parses Lever's spelling; returns FieldType::unknown for anything else.
FieldType field_type_from_string(std::string_view s) noexcept;

struct FieldOption {
  std::string text;
  std::optional<std::string> option_id;
  friend bool operator==(const FieldOption&, const FieldOption&) = default;
};

/// One row of a `scorecard` field's definition.
struct ScorecardRow {
  std::string text;
  std::string description;
  friend bool operator==(const ScorecardRow&, const ScorecardRow&) = default;
};

/// One row of a `scorecard` field's value.
struct ScorecardScore {
  std::optional<int> score;
  std::string comment;
  friend bool operator==(const ScorecardScore&, const ScorecardScore&) = default;
};

/// A field's value: null, a string (text, textarea, code, dropdown, multiple-choice,
/// score-system, yes-no "yes"/"no", university), an integer (date ms, score), a number
/// (currency), a list of option texts (multiple-select), or scorecard rows.
using FieldValue = std::variant<std::monostate, std::string, std::int64_t, double,
                                std::vector<std::string>, std::vector<ScorecardScore>>;

struct FormField {
  std::string id;                    // empty in create requests built from templates
  FieldType type = FieldType::unknown;
  std::string type_name;             // Lever's raw `type`, kept for unknown types
  std::string text;                  // the question
  std::optional<std::string> description;
  bool required = false;
  std::optional<std::string> prompt;          // dropdown, score-system
  std::vector<FieldOption> options;           // dropdown, multiple-choice, multiple-select, score-system
  std::vector<ScorecardRow> scores;           // scorecard rows
  std::optional<std::string> language;        // code
  std::optional<std::string> currency;        // currency (ISO 4217)
  bool overall = false;                       // feedback PUT response: overall rating field
  FieldValue value;                           // monostate when unanswered or in a template
  friend bool operator==(const FormField&, const FormField&) = default;
};

}  // namespace leverkit
