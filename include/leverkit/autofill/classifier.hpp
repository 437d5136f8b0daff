// leverkit/autofill/classifier.hpp — may this feedback field be pre-filled at all?
//
// What: `classify_field` runs the rule cascade of match-autofill.md §3.3 over a field's type,
// label, description and options: evaluative types (score-system, score, scorecard), rating-like
// option sets, sensitive topics, evaluative wording (including quality words: "strong Python
// skills?" asks for judgement, "used Python professionally?" for a fact), vague labels, and only
// then objective cues. Anything it cannot place is `unclassified` and is not filled.
// Errors: none; every field gets a class and a one-sentence reason.
// Thread-safety: pure function; the lexicons are immutable statics.
// Example:
//   auto c = leverkit::autofill::classify_field(field);
//   if (c.cls != leverkit::autofill::FieldClass::objective) fmt::print("skip: {}\n", c.reason);
#pragma once

#include <string>
#include <string_view>

#include "leverkit/models/form_field.hpp"

namespace leverkit::inline v0::autofill {

enum class FieldClass {
  objective,           // asks for a fact the candidate can state
  evaluative_type,     // score-system, score, scorecard: ratings by construction
  evaluative_options,  // the option set is a rating scale
  subjective,          // the wording asks for the interviewer's judgement
  sensitive,           // protected or regulated information
  vague,               // "Notes", "Other", "Comments": no fact to look for
  unclassified,        // no objective cue found: left for the human
};

std::string_view to_string(FieldClass c) noexcept;

/// The objective concept a field asks about, used to widen retrieval with synonyms and to pick
/// the reader. `none` for objective fields recognised only by a generic cue ("did the candidate
/// mention ...").
enum class Concept {
  none, start_date, notice_period, location, relocation, work_arrangement, work_authorization,
  sponsorship, salary_expectation, current_employer, current_title, years_experience, education,
  certification, languages_spoken, technologies, interview_date, time_zone, references,
  competing_offers, travel,
};

struct FieldClassification {
  FieldClass cls = FieldClass::unclassified;
  Concept concept_hint = Concept::none;
  std::string reason;  // one sentence for the interviewer
};

FieldClassification classify_field(const FormField& field);

}  // namespace leverkit::autofill
