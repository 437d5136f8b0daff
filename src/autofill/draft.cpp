#include "leverkit/autofill/draft.hpp"

#include <algorithm>

#include "models/detail/json_writer.hpp"

namespace leverkit::inline v0::autofill {

std::string_view to_string(SkipCode c) noexcept {
  switch (c) {
    case SkipCode::evaluative_type: return "evaluative_type";
    case SkipCode::evaluative_options: return "evaluative_options";
    case SkipCode::subjective: return "subjective";
    case SkipCode::sensitive: return "sensitive";
    case SkipCode::vague: return "vague";
    case SkipCode::unclassified: return "unclassified";
    case SkipCode::no_evidence: return "no_evidence";
    case SkipCode::conflict: return "conflict";
    case SkipCode::hedged: return "hedged";
    case SkipCode::low_confidence: return "low_confidence";
    case SkipCode::already_filled: return "already_filled";
    case SkipCode::unsupported_type: return "unsupported_type";
    case SkipCode::ambiguous_value: return "ambiguous_value";
    case SkipCode::role_unknown: return "role_unknown";
  }
  return "unclassified";
}

std::size_t Draft::filled_count() const noexcept {
  return static_cast<std::size_t>(
      std::count_if(fields.begin(), fields.end(), [](const FieldOutcome& f) { return f.decision == Decision::filled; }));
}

std::string field_value_to_json(const FieldValue& v) {
  leverkit::detail::JsonWriter w;
  w.field_value(v);
  return w.take();
}

std::string draft_to_json(const Draft& draft) {
  leverkit::detail::JsonWriter w;
  w.begin_object();
  w.field("template_id", draft.template_id).field("requires_human_review", true);
  w.key("fields").begin_array();
  for (const auto& f : draft.fields) {
    w.separator().whitespace("\n  ").begin_object();  // one field per line, for reviewers' diffs
    w.field("id", f.id).field("text", f.text).field("type", f.type_name).field("class", to_string(f.cls));
    w.field("decision", f.decision == Decision::filled ? "filled" : "skipped");
    w.key("value");
    if (f.decision == Decision::filled) w.field_value(f.value);
    else w.null();
    w.key("skip_reason");
    if (f.skip) w.string(to_string(*f.skip));
    else w.null();
    w.field("why", f.why);
    w.key("evidence").begin_array();
    for (const auto& e : f.evidence) {
      w.begin_object().field("quote", e.quote).field("speaker", e.speaker);
      w.key("start_ms").integer_or_null(e.start_ms).end_object();
    }
    w.end_array();
    w.key("confidence");
    if (f.decision == Decision::filled || f.confidence > 0) w.number_fixed(f.confidence, 2);
    else w.null();
    w.end_object();
  }
  w.whitespace("\n").end_array().end_object().whitespace("\n");
  return w.take();
}

Result<CreateFeedbackRequest> make_feedback_create(const Draft& draft, std::string_view opportunity_id,
                                                   std::string_view reviewed_by_user_id,
                                                   std::optional<std::string> panel,
                                                   std::optional<std::string> interview) {
  if (opportunity_id.empty())
    return Error{Errc::invalid_argument, "opportunity_id: the opportunity the feedback is posted on is required"};
  if (reviewed_by_user_id.empty())
    return Error{Errc::invalid_argument,
                 "reviewed_by_user_id: a draft becomes a feedback request only after a named user reviewed it"};
  if (draft.template_id.empty())
    return Error{Errc::invalid_argument, "draft.template_id: the feedback template id is required (baseTemplateId)"};
  CreateFeedbackRequest out;
  out.opportunity_id = std::string(opportunity_id);
  out.perform_as = std::string(reviewed_by_user_id);
  out.body.base_template_id = draft.template_id;
  out.body.panel = std::move(panel);
  out.body.interview = std::move(interview);
  for (const auto& f : draft.fields)
    if (f.decision == Decision::filled) out.body.field_values.push_back(FieldValueEntry{f.id, f.value});
  LEVERKIT_TRYV(validate(out.body));
  return out;
}

}  // namespace leverkit::autofill
