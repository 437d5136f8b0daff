// Private: the deterministic extractor's internals (extract.hpp is its interface), shared by
// extract.cpp (sentence selection, combining readings, dispatch), extract_typed.cpp (yes/no,
// date, number, bucket, option and multi-select fields) and extract_text.cpp (free text,
// self-introductions, answer spans, code). Split by responsibility only: one class, three files.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "detail/extract.hpp"
#include "detail/field_support.hpp"
#include "detail/readers.hpp"
#include "detail/text.hpp"

namespace leverkit::inline v0::autofill::detail::extraction {

using namespace std::chrono;

struct Reading {
  FieldValue value;
  std::string key;        // canonical form for comparing readings
  std::string display;    // human form for the explanation
  std::string note;
  double certainty = 0.0;
  ReadStatus status = ReadStatus::value;
  std::uint32_t utt = 0;
  std::size_t sb = 0, se = 0;  // sentence span within the utterance text
  std::size_t order = 0;
  bool correction = false;
  bool q_matched = false;
};

struct SentenceView {
  std::uint32_t utt;
  std::size_t sb, se;
  std::string_view text;
  std::vector<Token> toks;
  bool first;        // first sentence of the exchange's answer
  bool q_matched;
  std::size_t order;
  std::uint32_t exchange;
};

/// Milliseconds since the epoch of 00:00 UTC of `d` (a date field's value).
std::int64_t day_ms(year_month_day d);
bool contains_stem(const std::vector<Token>& toks, const std::vector<std::string>& stems);
long first_stem_at(const std::vector<Token>& toks, const std::vector<std::string>& stems);
EvidenceQuote quote_of(const Prepared& p, std::uint32_t utt, std::size_t b, std::size_t e);
/// Strips leading fillers ("Um, so,") from a span, keeping at least three words.
std::pair<std::size_t, std::size_t> strip_fillers(std::string_view text, std::size_t b, std::size_t e);
/// Hobby or wish rather than professional use: the whole sentence does not count.
bool aspirational(const std::vector<Token>& toks);
/// "I'd like to learn JavaScript": a wish attached to this option only.
bool wished_at(const std::vector<Token>& toks, std::size_t at);

class FieldExtractor {
 public:
  FieldExtractor(const Prepared& p, const FormField& f, const FieldClassification& c, const CallContext& call)
      : p_(p), f_(f), c_(c), call_(call), keys_(key_stems(f)), syns_(synonym_stems(c.concept_hint)) {
    all_ = keys_;
    for (const auto& s : syns_)
      if (std::find(all_.begin(), all_.end(), s) == all_.end()) all_.push_back(s);
  }

  Extraction run();

 private:
  void select_sentences();
  Extraction combine(std::vector<Reading> rs, bool allow_multi_values = false);
  Extraction read_yes_no_field(bool as_option);
  Extraction read_date_field(bool as_text);
  Extraction read_number_field(bool as_text);
  Extraction read_option_field();
  Extraction read_buckets();
  Extraction read_multi_field();
  Extraction read_text_field();
  Extraction read_answer_span();
  std::optional<Extraction> read_self_intro() const;
  Extraction read_code_field();
  // A hedged first reply to the field's question ("let me check") is an answer too: hedged.
  void add_hedge_fallback(std::vector<Reading>& rs) const {
    for (const auto& s : sents_) {
      if (!s.first || !s.q_matched || !is_hedged(s.toks)) continue;
      bool seen = std::any_of(rs.begin(), rs.end(), [&](const Reading& r) { return r.utt == s.utt && r.sb == s.sb; });
      if (seen) continue;
      Reading r = base_reading(s);
      r.status = ReadStatus::hedged;
      rs.push_back(std::move(r));
    }
  }
  Reading base_reading(const SentenceView& s) const {
    Reading r;
    r.utt = s.utt;
    r.sb = s.sb;
    r.se = s.se;
    r.order = s.order;
    r.q_matched = s.q_matched;
    r.correction = is_correction(s.toks);
    return r;
  }
  double factor(const Reading& r) const {
    double f = r.q_matched ? 1.0 : 0.85;
    const auto& u = p_.utterances[r.utt];
    if (u.role == SpeakerRole::notes || p_.role_inferred[r.utt]) f *= 0.96;
    return f;
  }

  const Prepared& p_;
  const FormField& f_;
  const FieldClassification& c_;
  const CallContext& call_;
  std::vector<std::string> keys_, syns_, all_;
  std::vector<SentenceView> sents_;
};

}  // namespace leverkit::autofill::detail::extraction
