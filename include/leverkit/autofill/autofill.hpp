// leverkit/autofill/autofill.hpp — draft a Lever feedback form from a transcript and/or notes.
//
// What: `autofill(input, options)` classifies every field (classifier.hpp), skips the ones that
// must stay with the human, and for objective ones retrieves the relevant question/answer
// exchanges (BM25), reads a typed value from the candidate's answer (yes/no with negation,
// hedges and conditionals; dates resolved against the meeting date in its zone; numbers; options
// with a whole-token guard; quoted text spans), handles corrections and conflicts, and fills
// only above a confidence threshold. It never overwrites a value already in the form and never
// submits anything. An optional host model (text_model.hpp) is consulted for fields the
// deterministic reader abstained on; its proposals pass the same validator.
// Errors: invalid_argument for an unknown IANA zone or a meeting date without a zone; a model
// error only when ModelOptions::fail_open is false.
// Thread-safety: reentrant; a `TextModel` is called from the calling thread.
// Example:
//   leverkit::autofill::AutofillInput in{.template_id = t.id, .fields = t.fields};
//   LEVERKIT_TRY(tr, leverkit::autofill::parse_transcript(vtt));
//   in.transcript = std::move(tr);
//   in.call.participants = {{.name = "Dana Reyes", .role = leverkit::ParticipantRole::candidate}};
//   LEVERKIT_TRY(draft, leverkit::autofill::autofill(in));
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "leverkit/autofill/draft.hpp"
#include "leverkit/autofill/text_model.hpp"
#include "leverkit/autofill/transcript.hpp"
#include "leverkit/models/error.hpp"
#include "leverkit/models/form_field.hpp"
#include "leverkit/models/participant.hpp"
#include "leverkit/models/time.hpp"

namespace leverkit::inline v0::autofill {

/// What is known about the call (from the matching engine when available).
struct CallContext {
  std::optional<Timestamp> meeting_start;  // resolves "next Monday", fills "interview date"
  std::string time_zone = "UTC";           // IANA name; the meeting's local calendar day
  /// Speaker labels are matched to these by name; `role` candidate marks the candidate,
  /// interviewer or internal the company's side, other roles say nothing (match::Call's
  /// participants can be passed as they are).
  std::vector<Participant> participants;
};

struct AutofillInput {
  std::string template_id;
  std::vector<FormField> fields;  // a template (no values) or a form with current values
  Transcript transcript;          // may be empty when notes are given
  Transcript notes;               // AI notes (parse_notes), may be empty
  CallContext call;
};

struct AutofillOptions {
  double fill_threshold = 0.8;  // below: skipped as low_confidence, evidence attached
  ModelOptions model;
};

Result<Draft> autofill(const AutofillInput& input, const AutofillOptions& options = {});

}  // namespace leverkit::autofill
