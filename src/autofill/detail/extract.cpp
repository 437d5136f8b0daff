// The deterministic extractor: which sentences answer a field, how readings combine (corrections,
// conflicts, hedges, confidence) and which reader a field type gets. Readers: extract_typed.cpp,
// extract_text.cpp.
#include "detail/extract.hpp"

#include "detail/field_extractor.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <numeric>

namespace leverkit::inline v0::autofill::detail::extraction {

std::int64_t day_ms(year_month_day d) {
  return duration_cast<milliseconds>(sys_days{d}.time_since_epoch()).count();
}

bool contains_stem(const std::vector<Token>& toks, const std::vector<std::string>& stems) {
  for (const auto& t : toks)
    if (std::find(stems.begin(), stems.end(), stem(t.norm)) != stems.end()) return true;
  return false;
}

long first_stem_at(const std::vector<Token>& toks, const std::vector<std::string>& stems) {
  for (std::size_t i = 0; i < toks.size(); ++i)
    if (std::find(stems.begin(), stems.end(), stem(toks[i].norm)) != stems.end()) return static_cast<long>(i);
  return -1;
}

EvidenceQuote quote_of(const Prepared& p, std::uint32_t utt, std::size_t b, std::size_t e) {
  const auto& u = p.utterances[utt];
  EvidenceQuote q;
  q.quote = collapse_ws(std::string_view(u.text).substr(b, e - b));
  q.speaker = u.speaker;
  q.role = u.role;
  q.start_ms = u.start_ms;
  return q;
}

// Strips leading fillers ("Um, so,") from a span, keeping at least three words.
std::pair<std::size_t, std::size_t> strip_fillers(std::string_view text, std::size_t b, std::size_t e) {
  auto toks = tokenize(text.substr(b, e - b));
  static const std::vector<std::string_view> kFill{"um", "uh", "so", "well", "yeah", "yes", "oh", "okay", "ok", "sure", "right", "hmm", "no", "mm"};
  std::size_t k = 0;
  while (k < toks.size() && std::find(kFill.begin(), kFill.end(), toks[k].norm) != kFill.end()) ++k;
  if (k == 0 || toks.size() - k < 3) return {b, e};
  return {b + toks[k].begin, e};
}

// Hobby or wish rather than professional use: the whole sentence does not count.
bool aspirational(const std::vector<Token>& toks) {
  static const PhraseList kHobby{"side project", "side projects", "hobby", "for fun", "on weekends", "personal project",
                        "personal projects", "played with", "not professionally", "never professionally",
                        "toy project", "tinker", "tinkering", "at university", "in school"};
  return has_any(toks, kHobby);
}

// "I'd like to learn JavaScript": a wish attached to this option only.
bool wished_at(const std::vector<Token>& toks, std::size_t at) {
  for (std::size_t k = 0; k < 6 && k < at; ++k) {
    const auto& w = toks[at - 1 - k].norm;
    if (w == "but" || w == "and" || w == "although" || w == "though") break;
    if (w == "learn" || w == "learning" || w == "like" || w == "love" || w == "hope" || w == "want" ||
        w == "wanna" || w == "interested" || w == "curious" || w == "pick")
      return true;
  }
  return false;
}

void FieldExtractor::select_sentences() {
  // query: label/description terms (1.0), synonyms (0.7), option texts (0.5)
  std::vector<std::pair<std::uint32_t, double>> query, key_query;
  auto add = [&](const std::string& s, double w, bool key) {
    auto id = p_.term(s);
    if (!id) return;
    for (auto& [t, qw] : query)
      if (t == *id) {
        qw = std::max(qw, w);
        return;
      }
    query.emplace_back(*id, w);
    if (key) key_query.emplace_back(*id, 1.0);
  };
  for (const auto& k : keys_) add(k, 1.0, true);
  for (const auto& s : syns_) add(s, 0.7, true);
  for (const auto& o : f_.options)
    for (const auto& w : words(o.text))
      if (!is_stopword(w)) add(stem(w), 0.5, false);
  if (query.empty()) return;
  auto qs = bm25(p_, p_.q, query);
  auto as = bm25(p_, p_.a, query);
  auto qk = bm25(p_, p_.q, key_query);
  std::vector<std::uint32_t> idx(p_.exchanges.size());
  std::iota(idx.begin(), idx.end(), 0u);
  std::vector<double> combined(p_.exchanges.size());
  for (std::size_t e = 0; e < combined.size(); ++e) combined[e] = 1.5 * qs[e] + as[e];
  std::sort(idx.begin(), idx.end(), [&](auto x, auto y) { return combined[x] > combined[y]; });
  if (idx.empty() || combined[idx[0]] <= 0) return;
  const double top = combined[idx[0]];
  std::vector<std::uint32_t> chosen;
  for (auto e : idx) {
    if (chosen.size() >= 6 || combined[e] <= 0 || combined[e] < 0.25 * top) break;
    chosen.push_back(e);
  }
  std::sort(chosen.begin(), chosen.end());  // chronological, for corrections
  for (auto e : chosen) {
    const auto& ex = p_.exchanges[e];
    bool qm = qk[e] > 0;
    bool first = true;
    for (auto u : ex.answer) {
      const auto& utt = p_.utterances[u];
      if (utt.role == SpeakerRole::interviewer) continue;
      if (p_.candidate_known && utt.role == SpeakerRole::unknown) continue;
      std::string_view text = utt.text;
      std::size_t si = 0;
      for (auto [b, en] : sentences(text)) {
        if (en > b && text[en - 1] == '?') continue;  // the candidate's own questions answer nothing
        SentenceView s{u, b, en, text.substr(b, en - b), tokenize(text.substr(b, en - b)), first, qm,
                       static_cast<std::size_t>(u) * 4096 + si++, e};
        first = false;
        sents_.push_back(std::move(s));
      }
    }
  }
}

Extraction FieldExtractor::combine(std::vector<Reading> rs, bool allow_multi_values) {
  (void)allow_multi_values;
  Extraction out;
  if (rs.empty()) {
    out.skip = SkipCode::no_evidence;
    out.why = "Nothing in the transcript or notes answers this question.";
    return out;
  }
  std::stable_sort(rs.begin(), rs.end(), [](const Reading& a, const Reading& b) { return a.order < b.order; });
  auto evid = [&](const Reading& r) { return quote_of(p_, r.utt, r.sb, r.se); };
  // the last word counts: a trailing hedge or vague answer wins over an earlier value
  const Reading& last = rs.back();
  std::vector<const Reading*> values;
  for (const auto& r : rs)
    if (r.status == ReadStatus::value) values.push_back(&r);
  if (last.status == ReadStatus::hedged && !(values.size() && values.back()->order == last.order)) {
    out.skip = SkipCode::hedged;
    out.why = "The candidate's answer was hedged or conditional; confirm it with them.";
    out.evidence.push_back(evid(last));
    return out;
  }
  if (values.empty()) {
    bool hedged = std::any_of(rs.begin(), rs.end(), [](const Reading& r) { return r.status == ReadStatus::hedged; });
    out.skip = hedged ? SkipCode::hedged : SkipCode::ambiguous_value;
    out.why = hedged ? "The candidate's answer was hedged or conditional; confirm it with them."
                     : fmt::format("The answer does not pin down one value{}.", last.note.empty() ? "" : " (" + last.note + ")");
    out.evidence.push_back(evid(last));
    return out;
  }
  if (last.status == ReadStatus::ambiguous && last.order > values.back()->order && !last.correction) {
    out.skip = SkipCode::ambiguous_value;
    out.why = fmt::format("The answer does not pin down one value{}.", last.note.empty() ? "" : " (" + last.note + ")");
    out.evidence.push_back(evid(last));
    return out;
  }
  // distinct values, in order
  const Reading* chosen = values.back();
  bool corrected = false;
  std::vector<std::string> keys;
  for (auto* r : values)
    if (std::find(keys.begin(), keys.end(), r->key) == keys.end()) keys.push_back(r->key);
  if (keys.size() > 1) {
    if (chosen->correction) {
      corrected = true;
    } else {
      out.skip = SkipCode::conflict;
      out.why = fmt::format("The candidate gave different answers ({}) without correcting one; ask which is right.",
                            fmt::join(keys, " vs "));
      for (auto* r : values) out.evidence.push_back(evid(*r));
      return out;
    }
  }
  Proposal prop;
  prop.value = chosen->value;
  prop.backend = "deterministic";
  double conf = chosen->certainty * factor(*chosen);
  std::size_t agreeing = 0;
  for (auto* r : values)
    if (r->key == chosen->key) {
      ++agreeing;
      auto q = evid(*r);
      if (std::find(prop.evidence.begin(), prop.evidence.end(), q) == prop.evidence.end()) prop.evidence.push_back(std::move(q));
    }
  if (corrected) conf *= 0.95;
  if (agreeing > 1) conf = std::min(0.99, conf + 0.03 * static_cast<double>(agreeing - 1));
  prop.confidence = conf;
  prop.interpretation = chosen->note;
  if (corrected) prop.interpretation += (prop.interpretation.empty() ? "" : "; ") + std::string("the candidate corrected an earlier answer");
  out.proposal = std::move(prop);
  return out;
}

Extraction FieldExtractor::run() {
  if (c_.concept_hint == Concept::interview_date && (f_.type == FieldType::date || f_.type == FieldType::text)) {
    Extraction out;
    if (!p_.meeting_day || !call_.meeting_start) {
      out.skip = SkipCode::no_evidence;
      out.why = "The interview date comes from the call's metadata, and no meeting date was given.";
      return out;
    }
    Proposal prop;
    auto iso = iso_date(*p_.meeting_day);
    if (f_.type == FieldType::date) prop.value = day_ms(*p_.meeting_day);
    else prop.value = iso;
    prop.backend = "metadata";
    prop.confidence = 0.99;
    prop.interpretation = fmt::format("the meeting's local date in {}", call_.time_zone);
    prop.evidence.push_back(EvidenceQuote{fmt::format("meeting start {} ({})", to_iso8601(*call_.meeting_start), call_.time_zone),
                                          "call metadata", SpeakerRole::unknown, std::nullopt});
    out.proposal = std::move(prop);
    return out;
  }
  if (f_.type == FieldType::code) return read_code_field();
  select_sentences();
  switch (f_.type) {
    case FieldType::yes_no: return read_yes_no_field(false);
    case FieldType::date: return read_date_field(false);
    case FieldType::dropdown:
    case FieldType::multiple_choice: return read_option_field();
    case FieldType::multiple_select: return read_multi_field();
    case FieldType::currency: return read_number_field(false);
    case FieldType::text:
    case FieldType::textarea:
    case FieldType::university: return read_text_field();
    default: break;
  }
  return Extraction{std::nullopt, SkipCode::unsupported_type, "leverkit does not fill this field type.", {}};
}

}  // namespace leverkit::autofill::detail::extraction

namespace leverkit::inline v0::autofill::detail {

Extraction extract_deterministic(const Prepared& p, const FormField& f, const FieldClassification& c,
                                 const CallContext& call) {
  extraction::FieldExtractor x(p, f, c, call);
  return x.run();
}

}  // namespace leverkit::autofill::detail
