#include <date/tz.h>
#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <chrono>
#include <cmath>

#include "detail/extract.hpp"
#include "detail/field_support.hpp"
#include "detail/field_type_name.hpp"
#include "models/detail/json_writer.hpp"
#include "detail/prepared.hpp"
#include "detail/readers.hpp"
#include "detail/text.hpp"
#include "detail/validator.hpp"
#include "leverkit/fmt.hpp"
#include "leverkit/autofill/autofill.hpp"

namespace leverkit::inline v0::autofill {
namespace {

using detail::Proposal;

SkipCode skip_for_class(FieldClass c) {
  switch (c) {
    case FieldClass::evaluative_type: return SkipCode::evaluative_type;
    case FieldClass::evaluative_options: return SkipCode::evaluative_options;
    case FieldClass::subjective: return SkipCode::subjective;
    case FieldClass::sensitive: return SkipCode::sensitive;
    case FieldClass::vague: return SkipCode::vague;
    default: return SkipCode::unclassified;
  }
}

Result<std::optional<std::chrono::year_month_day>> meeting_day(const CallContext& call) {
  if (!call.meeting_start) return std::optional<std::chrono::year_month_day>{};
  const date::time_zone* tz = nullptr;
  try {
    tz = date::locate_zone(call.time_zone.empty() ? std::string("UTC") : call.time_zone);
  } catch (const std::exception&) {
    return Error{Errc::invalid_argument, fmt::format("call.time_zone: unknown IANA time zone \"{}\"", call.time_zone)};
  }
  auto local = tz->to_local(std::chrono::floor<std::chrono::seconds>(*call.meeting_start));
  auto local_days = date::floor<date::days>(local).time_since_epoch().count();
  return std::optional<std::chrono::year_month_day>{
      std::chrono::year_month_day{std::chrono::sys_days{std::chrono::days{local_days}}}};
}

void fill(FieldOutcome& o, Proposal&& p) {
  o.decision = Decision::filled;
  o.value = std::move(p.value);
  o.evidence = std::move(p.evidence);
  o.confidence = p.confidence;
  o.backend = p.backend;
  o.skip.reset();
  std::string shown;
  if (o.type == FieldType::date) shown = detail::format_date_value(std::get<std::int64_t>(o.value));
  else if (auto* s = std::get_if<std::string>(&o.value)) shown = s->size() > 60 ? s->substr(0, 57) + "..." : *s;
  else if (auto* l = std::get_if<std::vector<std::string>>(&o.value)) shown = fmt::format("{}", fmt::join(*l, ", "));
  else if (auto* d = std::get_if<double>(&o.value)) shown = fmt::format("{}", *d);
  bool notes_only = !o.evidence.empty() && std::all_of(o.evidence.begin(), o.evidence.end(),
                                                      [](const EvidenceQuote& q) { return q.role == SpeakerRole::notes; });
  o.why = fmt::format("Filled \"{}\" from {}{}; review before submitting.", shown,
                      p.backend == "metadata" ? "the call's metadata"
                      : p.backend == "model"  ? "the host model's quoted evidence"
                      : notes_only            ? "the AI notes"
                                              : "the candidate's own words",
                      p.interpretation.empty() ? "" : " (" + p.interpretation + ")");
}

// ---- model extractor ----------------------------------------------------------------------

constexpr std::string_view kSchema = R"({"type":"object","required":["fields"],"properties":{"fields":{"type":"array","items":{"type":"object","required":["id","value","evidence"],"properties":{"id":{"type":"string"},"value":{},"confidence":{"type":"number","minimum":0,"maximum":1},"evidence":{"type":"array","minItems":1,"items":{"type":"object","required":["quote"],"properties":{"quote":{"type":"string"}}}}}}}}})";

std::string build_prompt(const detail::Prepared& p, const std::vector<const FormField*>& fields,
                         const std::optional<std::chrono::year_month_day>& day) {
  std::string out =
      "You pre-fill FACTUAL questions of an interview feedback form from the transcript below.\n"
      "Rules: use only facts the candidate stated; quote the candidate's exact words as evidence; "
      "omit any field the transcript does not answer clearly; never judge or rate the candidate. "
      "Values: yes-no as \"yes\"/\"no\"; dates as \"YYYY-MM-DD\"; choices as the exact option text; "
      "multiple-select as a list of option texts; text as a quote.\n";
  if (day) out += fmt::format("Meeting date: {}\n", detail::iso_date(*day));
  out += "Fields: ";
  leverkit::detail::JsonWriter w;
  w.begin_array();
  for (const auto* f : fields) {
    w.begin_object().field("id", f->id).field("text", f->text).field("type", detail::field_type_name(*f));
    if (!f->options.empty()) {
      w.key("options").begin_array();
      for (const auto& o : f->options) w.string(o.text);
      w.end_array();
    }
    w.end_object();
  }
  out += w.end_array().take();
  out += "\nTranscript:\n";
  for (const auto& u : p.utterances)
    out += fmt::format("[{}] {}: {}\n", to_string(u.role), u.speaker.empty() ? "?" : u.speaker, u.text);
  return out;
}

// The model's JSON value as the field's FieldValue; nullopt if the JSON type is wrong.
std::optional<FieldValue> model_value(const FormField& f, simdjson::dom::element v) {
  auto canon = [&](std::string_view s) -> std::string {
    for (const auto& o : f.options)
      if (o.text == s) return o.text;
    for (const auto& o : f.options)
      if (detail::fold_text(o.text) == detail::fold_text(s)) return o.text;
    return std::string(s);
  };
  std::string_view s;
  switch (f.type) {
    case FieldType::yes_no:
      if (v.get(s) != simdjson::SUCCESS) return std::nullopt;
      return FieldValue{detail::fold_text(s)};
    case FieldType::date: {
      std::int64_t ms;
      if (v.get(ms) == simdjson::SUCCESS) return FieldValue{ms};
      if (v.get(s) != simdjson::SUCCESS || s.size() != 10) return std::nullopt;
      auto t = parse_iso8601(std::string(s) + "T00:00:00Z");
      if (!t) return std::nullopt;
      return FieldValue{to_unix_ms(t.value())};
    }
    case FieldType::dropdown:
    case FieldType::multiple_choice:
      if (v.get(s) != simdjson::SUCCESS) return std::nullopt;
      return FieldValue{canon(s)};
    case FieldType::multiple_select: {
      simdjson::dom::array arr;
      if (v.get(arr) != simdjson::SUCCESS) return std::nullopt;
      std::vector<std::string> out;
      for (auto e : arr) {
        if (e.get(s) != simdjson::SUCCESS) return std::nullopt;
        out.push_back(canon(s));
      }
      return FieldValue{std::move(out)};
    }
    case FieldType::currency: {
      double d;
      if (v.get(d) != simdjson::SUCCESS) return std::nullopt;
      return FieldValue{d};
    }
    default:
      if (v.get(s) != simdjson::SUCCESS) return std::nullopt;
      return FieldValue{std::string(s)};
  }
}

Result<void> run_model(const detail::Prepared& p, const AutofillInput& in, const AutofillOptions& opt,
                       const std::optional<std::chrono::year_month_day>& day, Draft& draft) {
  std::vector<const FormField*> ask;
  std::vector<std::size_t> ask_idx;
  for (std::size_t i = 0; i < draft.fields.size(); ++i) {
    const auto& o = draft.fields[i];
    if (o.cls != FieldClass::objective || o.decision == Decision::filled) continue;
    if (o.skip != SkipCode::no_evidence && o.skip != SkipCode::low_confidence) continue;
    ask.push_back(&in.fields[i]);
    ask_idx.push_back(i);
  }
  if (ask.empty()) return leverkit::success();
  auto answer = opt.model.model->complete(build_prompt(p, ask, day), kSchema);
  if (!answer) return std::move(answer).error();
  simdjson::dom::parser parser;
  simdjson::padded_string padded(answer.value());
  simdjson::dom::element root;
  simdjson::dom::array items;
  if (parser.parse(padded).get(root) != simdjson::SUCCESS || root["fields"].get(items) != simdjson::SUCCESS) {
    draft.rejected_proposals.push_back("model: the answer is not JSON of the requested shape");
    return leverkit::success();
  }
  std::size_t n = 0;
  for (auto item : items) {
    ++n;
    std::string_view id;
    if (item["id"].get(id) != simdjson::SUCCESS) {
      draft.rejected_proposals.push_back(fmt::format("model fields[{}]: no id", n - 1));
      continue;
    }
    auto reject = [&](std::string_view why) { draft.rejected_proposals.push_back(fmt::format("{}: {}", id, why)); };
    auto it = std::find_if(ask_idx.begin(), ask_idx.end(), [&](std::size_t i) { return in.fields[i].id == id; });
    if (it == ask_idx.end()) {
      auto any = std::find_if(draft.fields.begin(), draft.fields.end(), [&](const FieldOutcome& o) { return o.id == id; });
      reject(any == draft.fields.end() ? "no such field" : fmt::format("not asked (field is {}, {})", to_string(any->cls),
                                                                           any->decision == Decision::filled ? "already drafted" : "policy"));
      continue;
    }
    const auto& f = in.fields[*it];
    auto& out = draft.fields[*it];
    simdjson::dom::element v;
    if (item["value"].get(v) != simdjson::SUCCESS || v.is_null()) {
      reject("no value");
      continue;
    }
    auto value = model_value(f, v);
    if (!value) {
      reject("the value has the wrong JSON type for this field");
      continue;
    }
    Proposal prop;
    prop.value = std::move(*value);
    prop.backend = "model";
    double conf = 0.85;
    if (double c; item["confidence"].get(c) == simdjson::SUCCESS && c >= 0 && c <= 1) conf = std::min(c, 0.9);
    prop.confidence = conf;
    simdjson::dom::array ev;
    if (item["evidence"].get(ev) == simdjson::SUCCESS) {
      for (auto e : ev) {
        std::string_view q;
        if (e["quote"].get(q) == simdjson::SUCCESS) prop.evidence.push_back(EvidenceQuote{std::string(q), {}, SpeakerRole::unknown, std::nullopt});
      }
    }
    if (auto bad = detail::validate(p, f, prop)) {
      reject(*bad);
      continue;
    }
    auto cls = classify_field(f);
    if (auto bad = detail::rederive(p, f, cls, prop)) {
      reject(*bad);
      continue;
    }
    if (prop.confidence < opt.fill_threshold) {
      reject(fmt::format("confidence {:.2f} below the threshold", prop.confidence));
      continue;
    }
    prop.interpretation = "proposed by the host model, quote verified";
    fill(out, std::move(prop));
  }
  return leverkit::success();
}

}  // namespace

Result<Draft> autofill(const AutofillInput& input, const AutofillOptions& options) {
  LEVERKIT_TRY(day, meeting_day(input.call));
  if (!(options.fill_threshold > 0.0 && options.fill_threshold <= 1.0))
    return Error{Errc::invalid_argument, "options.fill_threshold must be in (0, 1]"};
  auto prepared = detail::prepare(input.transcript, input.notes, input.call, day);
  Draft draft;
  draft.template_id = input.template_id;
  draft.fields.reserve(input.fields.size());
  for (const auto& f : input.fields) {
    FieldOutcome o;
    o.id = f.id;
    o.text = f.text;
    o.type = f.type;
    o.type_name = std::string(detail::field_type_name(f));
    auto c = classify_field(f);
    o.cls = c.cls;
    // policy first: nothing runs for a field that must stay with the human
    if (c.cls != FieldClass::objective) {
      o.skip = skip_for_class(c.cls);
      o.why = c.reason;
      draft.fields.push_back(std::move(o));
      continue;
    }
    if (detail::has_value(f.value)) {
      o.skip = SkipCode::already_filled;
      o.why = "Someone already answered this field; leverkit never overwrites a human's answer.";
      draft.fields.push_back(std::move(o));
      continue;
    }
    if (!detail::supported_type(f.type)) {
      o.skip = SkipCode::unsupported_type;
      o.why = fmt::format("leverkit does not fill {} fields.", o.type_name);
      draft.fields.push_back(std::move(o));
      continue;
    }
    auto x = detail::extract_deterministic(prepared, f, c, input.call);
    // whatever was read from speakers of unknown role cannot count as the candidate's answer
    if (!prepared.candidate_known) {
      const auto& ev = x.proposal ? x.proposal->evidence : x.evidence;
      bool unknown = std::any_of(ev.begin(), ev.end(), [](const EvidenceQuote& q) { return q.role == SpeakerRole::unknown; });
      bool metadata = x.proposal && x.proposal->backend == "metadata";
      if (unknown && !metadata) {
        o.skip = SkipCode::role_unknown;
        o.why = "An answer was found, but no speaker is known to be the candidate; name the candidate to use it.";
        o.evidence = ev;
        draft.fields.push_back(std::move(o));
        continue;
      }
    }
    if (!x.proposal) {
      o.skip = x.skip.value_or(SkipCode::no_evidence);
      o.why = x.why.empty() ? "Nothing in the transcript or notes answers this question." : x.why;
      o.evidence = std::move(x.evidence);
      draft.fields.push_back(std::move(o));
      continue;
    }
    auto& prop = *x.proposal;
    // a candidate's answer needs a known candidate (or notes) to count
    bool from_unknown = std::any_of(prop.evidence.begin(), prop.evidence.end(),
                                    [](const EvidenceQuote& q) { return q.role == SpeakerRole::unknown; });
    if (prop.backend != "metadata" && from_unknown && !prepared.candidate_known) {
      o.skip = SkipCode::role_unknown;
      o.why = "An answer was found, but no speaker is known to be the candidate; name the candidate to use it.";
      o.evidence = std::move(prop.evidence);
      o.confidence = prop.confidence;
      draft.fields.push_back(std::move(o));
      continue;
    }
    if (prop.confidence < options.fill_threshold) {
      o.skip = SkipCode::low_confidence;
      o.why = fmt::format("A possible answer was found but it is not certain enough to pre-fill (confidence {:.2f}); see the evidence.",
                          prop.confidence);
      o.evidence = std::move(prop.evidence);
      o.confidence = prop.confidence;
      draft.fields.push_back(std::move(o));
      continue;
    }
    // policy again, and type/evidence checks, on what the extractor returned
    if (auto bad = detail::validate(prepared, f, prop)) {
      o.skip = SkipCode::low_confidence;
      o.why = fmt::format("A possible answer failed validation ({}); left for you.", *bad);
      o.evidence = std::move(prop.evidence);
      draft.fields.push_back(std::move(o));
      continue;
    }
    fill(o, std::move(prop));
    draft.fields.push_back(std::move(o));
  }
  if (options.model.model) {
    auto r = run_model(prepared, input, options, day, draft);
    if (!r && !options.model.fail_open) return std::move(r).error();
    if (!r) draft.rejected_proposals.push_back(fmt::format("model: call failed ({}); ignored", r.error().message));
  }
  return draft;
}

}  // namespace leverkit::autofill
