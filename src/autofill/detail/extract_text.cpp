// The extractor's readers for free text: text fields, self-introductions, answer spans and code
// (field_extractor.hpp).
#include "detail/field_extractor.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <numeric>

namespace leverkit::inline v0::autofill::detail::extraction {

Extraction FieldExtractor::read_text_field() {
  if (c_.concept_hint == Concept::start_date) return read_date_field(true);
  if (numeric_concept(c_.concept_hint)) return read_number_field(true);
  auto out = read_answer_span();
  // Nobody asked "where do you work?", but the candidate introduced themselves.
  if (!out.proposal && out.skip == SkipCode::no_evidence &&
      (c_.concept_hint == Concept::current_employer || c_.concept_hint == Concept::current_title))
    if (auto intro = read_self_intro()) return std::move(*intro);
  return out;
}

// "I'm a backend engineer at Stripe", "I work as a data analyst at Initech", notes' "Currently a
// staff engineer at Shopify": a present-tense self-introduction states the current title (the
// words between the article and "at") and employer (the capitalised name after "at"). Past tense
// ("I was a designer at Airbnb") and the interviewer's own introduction do not count.
std::optional<Extraction> FieldExtractor::read_self_intro() const {
  static const PhraseList kLead{
      "i'm a", "i'm an", "i am a", "i am an", "i'm currently a", "i'm currently an", "i am currently a", "i am currently an",
      "currently a", "currently an", "i work as a", "i work as an", "i'm working as a", "i'm working as an",
      "currently working as a", "currently working as an", "i currently work as a", "i currently work as an"};
  const bool want_employer = c_.concept_hint == Concept::current_employer;
  for (std::uint32_t u = 0; u < p_.utterances.size(); ++u) {
    const auto& utt = p_.utterances[u];
    if (utt.role != SpeakerRole::candidate && utt.role != SpeakerRole::notes) continue;
    const std::string_view text = utt.text;
    for (auto [b, e] : sentences(text)) {
      const std::string_view sv = text.substr(b, e - b);
      if (!sv.empty() && sv.back() == '?') continue;
      const auto toks = tokenize(sv);
      std::size_t ts = 0;
      long lead = -1;
      for (std::size_t i = 0; i < toks.size() && lead < 0; ++i)
        if (long k = phrase_at(toks, kLead, i); k >= 0) {
          lead = static_cast<long>(i);
          ts = i + kLead.phrases()[static_cast<std::size_t>(k)].size();
        }
      if (lead < 0 || is_hedged(toks)) continue;
      std::size_t at = ts;
      while (at < toks.size() && at < ts + 6 && toks[at].norm != "at") ++at;
      if (at == ts || at + 1 >= toks.size() || toks[at].norm != "at") continue;
      // The employer: capitalised words right after "at", up to punctuation.
      std::size_t es = at + 1, ee = es;
      while (ee < toks.size() && ee < es + 4) {
        const char c0 = sv[toks[ee].begin];
        if (!((c0 >= 'A' && c0 <= 'Z') || (c0 >= '0' && c0 <= '9'))) break;
        if (ee > es && sv.substr(toks[ee - 1].end, toks[ee].begin - toks[ee - 1].end).find_first_of(",;:.()") != std::string_view::npos)
          break;
        ++ee;
      }
      if (ee == es) continue;
      const std::size_t vb = want_employer ? toks[es].begin : toks[ts].begin;
      const std::size_t ve = want_employer ? toks[ee - 1].end : toks[at - 1].end;
      Proposal prop;
      prop.value = collapse_ws(sv.substr(vb, ve - vb));
      prop.backend = "deterministic";
      prop.confidence = utt.role == SpeakerRole::notes || p_.role_inferred[u] ? 0.86 : 0.9;
      prop.interpretation = want_employer ? "the employer the candidate named introducing themselves"
                                          : "the title the candidate gave introducing themselves";
      prop.evidence.push_back(quote_of(p_, u, b, e));
      Extraction out;
      out.proposal = std::move(prop);
      return out;
    }
  }
  return std::nullopt;
}

Extraction FieldExtractor::read_answer_span() {
  std::vector<Reading> rs;
  // the answer to the best matching question, sentence by sentence
  std::optional<std::uint32_t> exchange;
  for (const auto& s : sents_) {
    if (!s.q_matched) continue;
    if (exchange && *exchange != s.exchange) break;
    if (s.toks.size() < 3 && !(p_.utterances[s.utt].role == SpeakerRole::notes && !s.toks.empty())) continue;  // "Yes." carries no text
    exchange = s.exchange;
    Reading r = base_reading(s);
    r.certainty = 0.9;
    r.status = is_hedged(s.toks) ? ReadStatus::hedged : ReadStatus::value;
    auto [b, e] = strip_fillers(p_.utterances[s.utt].text, s.sb, s.se);
    r.sb = b;
    r.se = e;
    auto quote = collapse_ws(std::string_view(p_.utterances[s.utt].text).substr(b, e - b));
    r.value = quote;
    r.key = "span";  // one answer's sentences never conflict with each other
    rs.push_back(std::move(r));
    if (f_.type != FieldType::textarea && r.status == ReadStatus::value) break;
    if (rs.size() >= 3) break;
  }
  if (rs.empty()) return combine({});
  if (f_.type == FieldType::textarea) {
    std::vector<std::string> parts;
    Reading merged = rs.front();
    for (const auto& r : rs) {
      if (r.status == ReadStatus::hedged) return combine({r});
      parts.push_back(std::get<std::string>(r.value));
    }
    auto out = combine({merged});
    if (out.proposal) {
      out.proposal->value = fmt::format("{}", fmt::join(parts, " "));
      out.proposal->evidence.clear();
      for (const auto& r : rs) out.proposal->evidence.push_back(quote_of(p_, r.utt, r.sb, r.se));
    }
    return out;
  }
  return combine({rs.front()});
}

Extraction FieldExtractor::read_code_field() {
  std::vector<std::uint32_t> blocks;
  for (std::uint32_t k = 0; k < p_.utterances.size(); ++k)
    if (p_.utterances[k].code_block) blocks.push_back(k);
  Extraction out;
  if (blocks.size() != 1) {
    out.skip = blocks.empty() ? SkipCode::no_evidence : SkipCode::ambiguous_value;
    out.why = blocks.empty() ? "No code block in the notes to copy; code is never written by leverkit."
                             : "Several code blocks in the notes; pick the one that belongs here.";
    return out;
  }
  const auto& u = p_.utterances[blocks.front()];
  Proposal prop;
  prop.value = u.text;
  prop.backend = "deterministic";
  prop.confidence = 0.9;
  prop.interpretation = "copied verbatim from the notes' code block";
  EvidenceQuote q{collapse_ws(u.text), u.speaker, u.role, u.start_ms};
  prop.evidence.push_back(std::move(q));
  out.proposal = std::move(prop);
  return out;
}

}  // namespace leverkit::autofill::detail::extraction
