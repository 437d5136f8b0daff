#include "leverkit/autofill/draft.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "detail/json_writer.hpp"

namespace leverkit::autofill {

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
  std::string out;
  std::visit(
      [&](const auto& x) {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
          out = "null";
        } else if constexpr (std::is_same_v<T, std::string>) {
          detail::append_json_string(out, x);
        } else if constexpr (std::is_same_v<T, std::int64_t>) {
          out = fmt::format("{}", x);
        } else if constexpr (std::is_same_v<T, double>) {
          out = std::isfinite(x) ? fmt::format("{}", x) : "null";
        } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
          out = "[";
          for (std::size_t i = 0; i < x.size(); ++i) {
            if (i) out += ',';
            detail::append_json_string(out, x[i]);
          }
          out += ']';
        } else {
          out = "[";
          for (std::size_t i = 0; i < x.size(); ++i) {
            if (i) out += ',';
            out += "{\"score\":";
            out += x[i].score ? fmt::format("{}", *x[i].score) : "null";
            out += ",\"comment\":";
            detail::append_json_string(out, x[i].comment);
            out += '}';
          }
          out += ']';
        }
      },
      v);
  return out;
}

std::string draft_to_json(const Draft& draft) {
  std::string out = "{\"template_id\":";
  detail::append_json_string(out, draft.template_id);
  out += ",\"requires_human_review\":true,\"fields\":[";
  for (std::size_t i = 0; i < draft.fields.size(); ++i) {
    const auto& f = draft.fields[i];
    if (i) out += ',';
    out += "\n  {\"id\":";
    detail::append_json_string(out, f.id);
    out += ",\"text\":";
    detail::append_json_string(out, f.text);
    out += ",\"type\":";
    detail::append_json_string(out, f.type_name);
    out += ",\"class\":";
    detail::append_json_string(out, to_string(f.cls));
    out += ",\"decision\":";
    out += f.decision == Decision::filled ? "\"filled\"" : "\"skipped\"";
    out += ",\"value\":";
    out += f.decision == Decision::filled ? field_value_to_json(f.value) : "null";
    out += ",\"skip_reason\":";
    if (f.skip) detail::append_json_string(out, to_string(*f.skip));
    else out += "null";
    out += ",\"why\":";
    detail::append_json_string(out, f.why);
    out += ",\"evidence\":[";
    for (std::size_t k = 0; k < f.evidence.size(); ++k) {
      const auto& e = f.evidence[k];
      if (k) out += ',';
      out += "{\"quote\":";
      detail::append_json_string(out, e.quote);
      out += ",\"speaker\":";
      detail::append_json_string(out, e.speaker);
      out += ",\"start_ms\":";
      out += e.start_ms ? fmt::format("{}", *e.start_ms) : "null";
      out += '}';
    }
    out += "],\"confidence\":";
    out += f.decision == Decision::filled || f.confidence > 0 ? fmt::format("{:.2f}", f.confidence) : "null";
    out += '}';
  }
  out += "\n]}\n";
  return out;
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
