// leverkit/autofill/draft.hpp — the result of autofill: a draft for a human, never a submission.
//
// What: `Draft` holds one `FieldOutcome` per form field, in form order: either `filled` (a value
// in Lever's `fieldValues` form, evidence quotes with speaker and time, a confidence) or
// `skipped` with exactly one `SkipCode` and a sentence for the interviewer. `draft_to_json`
// renders the CLI/report shape; `make_feedback_create` turns a draft into the client's own
// `CreateFeedbackRequest` (`POST /opportunities/:id/feedback`, models/requests.hpp) — only with
// the id of the user who reviewed it. Nothing here performs a request: sending is the host's (or
// leverkit::integration's) explicit act.
// Errors: make_feedback_create returns invalid_argument without an opportunity id, a reviewer id
// or a template id.
// Thread-safety: value types.
// Example:
//   LEVERKIT_TRY(draft, leverkit::autofill::autofill(input));
//   fmt::print("{}\n", leverkit::autofill::draft_to_json(draft));
//   LEVERKIT_TRY(req, leverkit::autofill::make_feedback_create(draft, opportunity_id, reviewer_user_id));
//   LEVERKIT_TRY(sent, client.create_feedback(req));  // the host's explicit act, after review
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "leverkit/autofill/classifier.hpp"
#include "leverkit/autofill/transcript.hpp"
#include "leverkit/models/error.hpp"
#include "leverkit/models/form_field.hpp"
#include "leverkit/models/requests.hpp"

namespace leverkit::inline v0::autofill {

enum class SkipCode {
  evaluative_type, evaluative_options, subjective, sensitive, vague, unclassified, no_evidence,
  conflict, hedged, low_confidence, already_filled, unsupported_type, ambiguous_value,
  role_unknown,
};

std::string_view to_string(SkipCode c) noexcept;

/// One quote that supports a value; `quote` appears in the input (after whitespace folding).
struct EvidenceQuote {
  std::string quote;
  std::string speaker;                  // label from the transcript, or "notes"
  SpeakerRole role = SpeakerRole::unknown;
  std::optional<std::int64_t> start_ms;
  friend bool operator==(const EvidenceQuote&, const EvidenceQuote&) = default;
};

enum class Decision { filled, skipped };

struct FieldOutcome {
  std::string id;
  std::string text;                     // the field's label
  FieldType type = FieldType::unknown;
  std::string type_name;                // Lever's spelling ("yes-no")
  FieldClass cls = FieldClass::unclassified;
  Decision decision = Decision::skipped;
  FieldValue value;                     // monostate unless filled
  std::optional<SkipCode> skip;         // set iff skipped
  std::string why;                      // one sentence for the interviewer
  std::vector<EvidenceQuote> evidence;  // for skips: the best evidence seen, if any (not filled)
  double confidence = 0.0;
  std::string backend;                  // "deterministic", "model" or "" when skipped early
};

struct Draft {
  std::string template_id;
  std::vector<FieldOutcome> fields;
  /// Model proposals the validator refused ("<field id>: <reason>"), for auditing a backend.
  std::vector<std::string> rejected_proposals;
  static constexpr bool requires_human_review = true;  // the engine has no submit path

  [[nodiscard]] std::size_t filled_count() const noexcept;
};

/// The draft as JSON: {"template_id", "requires_human_review": true, "fields": [{id, text, type,
/// class, decision, value, skip_reason, why, evidence[{quote, speaker, start_ms}],
/// confidence}]}. `value` is Lever's fieldValues form (date = epoch ms), null when skipped.
std::string draft_to_json(const Draft& draft);

/// A reviewed draft as the request `Client::create_feedback` takes: `opportunity_id`, the
/// reviewer as `perform_as` (the author Lever records) and the body (filled fields only; skipped
/// ones stay for the reviewer to answer in Lever).
/// invalid_argument when `opportunity_id` or `reviewed_by_user_id` is empty, the draft has no
/// template id, or exactly one of panel / interview is given (models' `validate(FeedbackCreate)`).
Result<CreateFeedbackRequest> make_feedback_create(const Draft& draft, std::string_view opportunity_id,
                                                   std::string_view reviewed_by_user_id,
                                                   std::optional<std::string> panel = std::nullopt,
                                                   std::optional<std::string> interview = std::nullopt);

/// A FieldValue as Lever JSON (null, string, integer, number, array of strings, scorecard rows).
std::string field_value_to_json(const FieldValue& v);

}  // namespace leverkit::autofill
