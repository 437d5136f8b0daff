// leverkit/models/field_value.hpp — typed values for feedback and profile-form fields.
//
// What: builders that make a `FieldValue` for one `FormField` from typed input, checking it
// against the field before any request is sent (lever-api.md §6.11): the field's type must take
// that kind of value, a chosen option must be one of the field's option texts (exact match),
// a score is 1–4, a scorecard has one row per row of the field, yes/no is "yes" or "no".
// `validate_field_value` applies the same checks to a value built elsewhere (the autofill
// engine), and `validate_field_values` checks a whole `fieldValues` list against the fields it
// targets — for a new feedback the current template's fields, for an update the feedback
// form's own fields (§6.12).
// Errors: invalid_argument, naming the field id and question and what was wrong.
// Thread-safety: pure functions.
// Example:
//   LEVERKIT_TRY(v, leverkit::option_value(tmpl.fields[0], "3 - Hire"));
//   body.field_values.push_back({tmpl.fields[0].id, std::move(v)});
#pragma once

#include <string_view>
#include <vector>

#include "leverkit/models/error.hpp"
#include "leverkit/models/form_field.hpp"
#include "leverkit/models/requests.hpp"
#include "leverkit/models/time.hpp"

namespace leverkit::inline v0 {

/// text, textarea, code (and university on posting forms).
Result<FieldValue> text_value(const FormField& field, std::string_view text);
/// yes-no → "yes" / "no".
Result<FieldValue> yes_no_value(const FormField& field, bool yes);
/// date → epoch milliseconds.
Result<FieldValue> date_value(const FormField& field, Timestamp when);
/// currency → a finite number.
Result<FieldValue> number_value(const FormField& field, double amount);
/// dropdown, multiple-choice, score-system → one option text.
Result<FieldValue> option_value(const FormField& field, std::string_view option);
/// multiple-select → option texts, each one of the field's options, no repeats.
Result<FieldValue> options_value(const FormField& field, const std::vector<std::string>& options);
/// score → 1 (strong no) … 4 (strong yes).
Result<FieldValue> score_value(const FormField& field, int score);
/// scorecard → one {score 1–4 or none, comment} per row of `field.scores`, in order.
Result<FieldValue> scorecard_value(const FormField& field, const std::vector<ScorecardScore>& rows);
/// null (unanswered); allowed for every type.
FieldValue no_value() noexcept;

/// The checks above for a value of any origin. null is always accepted here (whether a
/// required field may stay empty is the form's rule, checked by the body validators).
Result<void> validate_field_value(const FormField& field, const FieldValue& value);

/// Every entry targets one of `fields` by id (no repeats) and passes validate_field_value.
Result<void> validate_field_values(const std::vector<FieldValueEntry>& values, const std::vector<FormField>& fields);

/// A `FieldValueEntry` for `field` after validating `value` against it.
Result<FieldValueEntry> field_entry(const FormField& field, FieldValue value);

}  // namespace leverkit
