// Autofill: transcripts and notes in, a typed Draft out (never a submission). The engine runs
// with the GIL released.
#include "bind.hpp"

#include "leverkit/autofill/autofill.hpp"
#include "leverkit/autofill/classifier.hpp"
#include "leverkit/autofill/draft.hpp"
#include "leverkit/autofill/form_json.hpp"
#include "leverkit/autofill/transcript.hpp"

namespace leverkit::inline v0::py {

#define LK_F(T, n) field(#n, &T::n)
#define LK_RW Access::read_write
#define LK_RO Access::read_only

void bind_autofill(nb::module_& m) {
  using namespace leverkit::autofill;
  nb::enum_<SpeakerRole>(m, "SpeakerRole", "Who said it (notes = a line of AI notes).")
      .value("unknown", SpeakerRole::unknown)
      .value("candidate", SpeakerRole::candidate)
      .value("interviewer", SpeakerRole::interviewer)
      .value("notes", SpeakerRole::notes);
  nb::enum_<TranscriptFormat>(m, "TranscriptFormat", "Transcript formats parse_transcript reads.")
      .value("automatic", TranscriptFormat::automatic)
      .value("webvtt", TranscriptFormat::webvtt)
      .value("srt", TranscriptFormat::srt)
      .value("speaker_lines", TranscriptFormat::speaker_lines)
      .value("json", TranscriptFormat::json)
      .value("notes", TranscriptFormat::notes);
  bind_struct<Utterance>(m, "Utterance", "One speaker turn.", LK_RW, LK_F(Utterance, speaker), LK_F(Utterance, role),
                         LK_F(Utterance, start_ms), LK_F(Utterance, end_ms), LK_F(Utterance, text),
                         LK_F(Utterance, topic), LK_F(Utterance, code_block));
  bind_struct<Transcript>(m, "Transcript", "What was said, as speaker turns.", LK_RW, LK_F(Transcript, format),
                          LK_F(Transcript, utterances));
  m.def(
      "parse_transcript",
      [](std::string_view text, TranscriptFormat f) { return unwrap(parse_transcript(text, f)); }, nb::arg("text"),
      nb::arg("format") = TranscriptFormat::automatic,
      "Reads WebVTT, SRT, 'Name: text' lines or JSON utterances (InvalidArgument names the line).");
  m.def(
      "parse_notes", [](std::string_view text) { return unwrap(parse_notes(text)); }, nb::arg("text"),
      "Reads AI notes (markdown) as utterances with role notes.");

  nb::enum_<FieldClass>(m, "FieldClass", "May a field be pre-filled? Only objective ones are.")
      .value("objective", FieldClass::objective)
      .value("evaluative_type", FieldClass::evaluative_type)
      .value("evaluative_options", FieldClass::evaluative_options)
      .value("subjective", FieldClass::subjective)
      .value("sensitive", FieldClass::sensitive)
      .value("vague", FieldClass::vague)
      .value("unclassified", FieldClass::unclassified);
  bind_struct<FieldClassification>(m, "FieldClassification", "A field's class and the reason.", LK_RO,
                                   field("cls", &FieldClassification::cls), LK_F(FieldClassification, reason));
  m.def("classify_field", &classify_field, nb::arg("field"), "Classifies one form field.");

  nb::enum_<SkipCode>(m, "SkipCode", "Why a field was left for the human.")
      .value("evaluative_type", SkipCode::evaluative_type)
      .value("evaluative_options", SkipCode::evaluative_options)
      .value("subjective", SkipCode::subjective)
      .value("sensitive", SkipCode::sensitive)
      .value("vague", SkipCode::vague)
      .value("unclassified", SkipCode::unclassified)
      .value("no_evidence", SkipCode::no_evidence)
      .value("conflict", SkipCode::conflict)
      .value("hedged", SkipCode::hedged)
      .value("low_confidence", SkipCode::low_confidence)
      .value("already_filled", SkipCode::already_filled)
      .value("unsupported_type", SkipCode::unsupported_type)
      .value("ambiguous_value", SkipCode::ambiguous_value)
      .value("role_unknown", SkipCode::role_unknown);
  nb::enum_<Decision>(m, "Decision", "filled or skipped.")
      .value("filled", Decision::filled)
      .value("skipped", Decision::skipped);
  bind_struct<EvidenceQuote>(m, "EvidenceQuote", "A quote supporting a value.", LK_RO, LK_F(EvidenceQuote, quote),
                             LK_F(EvidenceQuote, speaker), LK_F(EvidenceQuote, role), LK_F(EvidenceQuote, start_ms));
  bind_struct<FieldOutcome>(m, "FieldOutcome", "One field of a draft: filled (value, evidence) or skipped (why).",
                            LK_RO, LK_F(FieldOutcome, id), LK_F(FieldOutcome, text), LK_F(FieldOutcome, type),
                            LK_F(FieldOutcome, type_name), field("cls", &FieldOutcome::cls),
                            LK_F(FieldOutcome, decision), LK_F(FieldOutcome, value), LK_F(FieldOutcome, skip),
                            LK_F(FieldOutcome, why), LK_F(FieldOutcome, evidence), LK_F(FieldOutcome, confidence),
                            LK_F(FieldOutcome, backend));
  bind_struct<Draft>(m, "Draft", "A feedback draft for a human to review; never submitted by leverkit.", LK_RO,
                     LK_F(Draft, template_id), LK_F(Draft, fields), LK_F(Draft, rejected_proposals))
      .def_prop_ro("filled_count", &Draft::filled_count)
      .def_prop_ro("requires_human_review", [](const Draft&) { return Draft::requires_human_review; })
      .def("to_json", [](const Draft& d) { return draft_to_json(d); }, "The draft as the CLI's JSON.");
  m.def(
      "make_feedback_create",
      [](const Draft& d, std::string_view opportunity_id, std::string_view reviewer, std::optional<std::string> panel,
         std::optional<std::string> interview) {
        return unwrap(make_feedback_create(d, opportunity_id, reviewer, std::move(panel), std::move(interview)));
      },
      nb::arg("draft"), nb::arg("opportunity_id"), nb::arg("reviewed_by_user_id"), nb::kw_only(),
      nb::arg("panel") = nb::none(), nb::arg("interview") = nb::none(),
      "The CreateFeedbackRequest client.create_feedback takes, from a reviewed draft (filled fields only); "
      "InvalidArgument without an opportunity or a reviewer.");

  // CallContext.participants holds the same `Participant` as Call.participants (bound in match.cpp).
  bind_struct<CallContext>(m, "CallContext", "What is known about the call.", LK_RW,
                           LK_F(CallContext, meeting_start), LK_F(CallContext, time_zone),
                           LK_F(CallContext, participants));
  bind_struct<AutofillInput>(m, "AutofillInput", "A form (template fields) and what was said.", LK_RW,
                             LK_F(AutofillInput, template_id), LK_F(AutofillInput, fields),
                             LK_F(AutofillInput, transcript), LK_F(AutofillInput, notes), LK_F(AutofillInput, call));
  bind_struct<FormDocument>(m, "FormDocument", "A form read from Lever JSON.", LK_RO,
                            LK_F(FormDocument, template_id), LK_F(FormDocument, is_feedback_form),
                            LK_F(FormDocument, fields));
  m.def(
      "read_form_json", [](std::string_view json) { return unwrap(read_form_json(json)); }, nb::arg("json"),
      "A feedback template or form from Lever JSON (DecodeError names the JSON path).");
  m.def(
      "autofill",
      [](const AutofillInput& input, double fill_threshold) {
        AutofillOptions o;
        o.fill_threshold = fill_threshold;
        return call_released([&] { return leverkit::autofill::autofill(input, o); });
      },
      nb::arg("input"), nb::kw_only(), nb::arg("fill_threshold") = 0.8,
      "Drafts the form: objective fields filled from the candidate's words above the threshold, "
      "everything else skipped with a reason. Runs with the GIL released.");
}

}  // namespace leverkit::py
