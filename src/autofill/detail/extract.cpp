#include "detail/extract.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <numeric>

#include "detail/field_support.hpp"
#include "detail/readers.hpp"
#include "detail/text.hpp"

namespace leverkit::autofill::detail {
namespace {

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

Extraction FieldExtractor::read_yes_no_field(bool as_option) {
  std::vector<Reading> rs;
  for (const auto& s : sents_) {
    std::vector<Token> question;
    for (auto q : p_.exchanges[s.exchange].question) {
      auto t = tokenize(p_.utterances[q].text);
      // only the last question sentence is the one being answered
      auto sp = sentences(p_.utterances[q].text);
      if (!sp.empty()) t = tokenize(std::string_view(p_.utterances[q].text).substr(sp.back().first, sp.back().second - sp.back().first));
      question = std::move(t);
    }
    if (question.empty() && !p_.exchanges[s.exchange].topic.empty()) question = tokenize(p_.exchanges[s.exchange].topic);
    bool qm = s.q_matched && contains_stem(question, all_);
    auto y = read_yes_no(question, qm, s.toks, s.first, keys_.empty() ? all_ : all_);
    if (y.status == ReadStatus::none) continue;
    Reading r = base_reading(s);
    r.status = y.status;
    r.certainty = y.certainty;
    r.q_matched = qm || s.q_matched;
    std::string v = y.yes ? "yes" : "no";
    if (as_option) {
      for (const auto& o : f_.options)
        if (fold_text(o.text) == v) v = o.text;
    }
    r.value = v;
    r.key = fold_text(v);
    r.display = v;
    rs.push_back(std::move(r));
  }
  add_hedge_fallback(rs);
  return combine(std::move(rs));
}

Extraction FieldExtractor::read_date_field(bool as_text) {
  std::vector<Reading> rs;
  for (const auto& s : sents_) {
    auto ds = read_dates(s.text, s.toks, p_.meeting_day);
    if (ds.empty()) continue;
    bool relevant = s.q_matched || contains_stem(s.toks, all_);
    if (!relevant) continue;
    // several dates in one sentence: take the one after the field's key word, else ambiguous
    if (ds.size() > 1) {
      std::vector<std::string> distinct;
      for (const auto& d : ds)
        if (d.status == ReadStatus::value && std::find(distinct.begin(), distinct.end(), iso_date(d.date)) == distinct.end())
          distinct.push_back(iso_date(d.date));
      if (distinct.size() > 1) {
        long k = first_stem_at(s.toks, all_);
        std::optional<DateReading> pick;
        if (k >= 0) {
          // re-read the part after the key word
          std::size_t from = s.toks[static_cast<std::size_t>(k)].begin;
          auto tail = s.text.substr(from);
          auto tds = read_dates(tail, tokenize(tail), p_.meeting_day);
          if (!tds.empty()) pick = tds.front();
        }
        if (!pick || is_correction(s.toks)) {
          // corrections inside one sentence: the last date wins
          if (is_correction(s.toks)) pick = ds.back();
        }
        if (!pick) {
          Reading r = base_reading(s);
          r.status = ReadStatus::ambiguous;
          r.note = "several dates in one answer";
          rs.push_back(std::move(r));
          continue;
        }
        ds = {*pick};
      }
    }
    for (const auto& d : ds) {
      Reading r = base_reading(s);
      r.status = d.status;
      r.note = d.note;
      r.certainty = d.certainty;
      if (d.status == ReadStatus::value) {
        r.key = iso_date(d.date);
        r.display = r.key;
        if (as_text) r.value = r.key;
        else r.value = day_ms(d.date);
      }
      if (s.toks.size() > 0 && is_hedged(s.toks)) r.status = ReadStatus::hedged;
      rs.push_back(std::move(r));
    }
  }
  add_hedge_fallback(rs);
  return combine(std::move(rs));
}

Extraction FieldExtractor::read_number_field(bool as_text) {
  std::vector<Reading> rs;
  const auto concept_id = c_.concept_hint;
  for (const auto& s : sents_) {
    bool relevant = s.q_matched || contains_stem(s.toks, all_);
    if (!relevant) continue;
    auto ns = read_numbers(s.text, s.toks);
    std::vector<NumberReading> keep;
    for (auto& n : ns) {
      bool fits = false;
      switch (concept_id) {
        case Concept::years_experience: fits = n.unit == "year"; break;
        case Concept::notice_period: fits = n.unit == "week" || n.unit == "month" || n.unit == "day"; break;
        case Concept::salary_expectation: fits = !n.currency.empty() || n.value >= 1000; break;
        default: fits = f_.type == FieldType::currency ? (!n.currency.empty() || n.value >= 100) : !n.unit.empty(); break;
      }
      if (fits) keep.push_back(n);
    }
    if (keep.empty()) continue;
    if (keep.size() > 1) {
      // prefer the number right after the key word ("5 years at Acme, 8 years of Python")
      long k = first_stem_at(s.toks, all_);
      const NumberReading* pick = nullptr;
      if (is_correction(s.toks)) pick = &keep.back();
      else if (k >= 0)
        for (const auto& n : keep)
          if (static_cast<long>(n.token_begin) < k) pick = &n;
      if (!pick) {
        Reading r = base_reading(s);
        r.status = ReadStatus::ambiguous;
        r.note = "several numbers in one answer";
        rs.push_back(std::move(r));
        continue;
      }
      keep = {*pick};
    }
    const auto& n = keep.front();
    Reading r = base_reading(s);
    r.certainty = n.certainty;
    r.status = is_hedged(s.toks) ? ReadStatus::hedged : ReadStatus::value;
    if (n.range && !(as_text && concept_id == Concept::salary_expectation)) {
      r.status = ReadStatus::ambiguous;
      r.note = "a range, not one number";
    }
    r.key = format_number(n);
    r.display = r.key;
    if (as_text) r.value = r.key;
    else r.value = n.value;
    rs.push_back(std::move(r));
  }
  add_hedge_fallback(rs);
  return combine(std::move(rs));
}

Extraction FieldExtractor::read_buckets() {
  std::vector<Bucket> buckets;
  for (const auto& o : f_.options) {
    auto b = option_bucket(o.text);
    if (!b) return Extraction{std::nullopt, SkipCode::no_evidence, "", {}};
    buckets.push_back(*b);
  }
  std::vector<Reading> rs;
  auto in_days = [](double v, const std::string& u) {
    if (u == "week") return v * 7;
    if (u == "month") return v * 30;
    if (u == "year") return v * 365;
    return v;
  };
  for (const auto& s : sents_) {
    bool relevant = s.q_matched || contains_stem(s.toks, all_);
    if (!relevant) continue;
    for (const auto& n : read_numbers(s.text, s.toks)) {
      if (n.unit.empty() && !buckets.front().unit.empty()) continue;
      Reading r = base_reading(s);
      r.certainty = 0.9;
      if (n.range) {
        r.status = ReadStatus::ambiguous;
        r.note = "a range, not one number";
        rs.push_back(std::move(r));
        continue;
      }
      int hit = -1, hits = 0;
      for (std::size_t i = 0; i < buckets.size(); ++i) {
        const auto& b = buckets[i];
        double v = n.value, lo = b.lo, hi = b.hi;
        if (!n.unit.empty() && !b.unit.empty() && n.unit != b.unit) {
          v = in_days(v, n.unit);
          lo = in_days(lo, b.unit);
          hi = in_days(hi, b.unit);
        }
        if (v >= lo && v <= hi) {
          hit = static_cast<int>(i);
          ++hits;
        }
      }
      if (hits != 1) continue;
      r.status = is_hedged(s.toks) ? ReadStatus::hedged : ReadStatus::value;
      r.value = f_.options[static_cast<std::size_t>(hit)].text;
      r.key = f_.options[static_cast<std::size_t>(hit)].text;
      r.note = fmt::format("'{}' falls in \"{}\"", format_number(n), r.key);
      rs.push_back(std::move(r));
    }
  }
  add_hedge_fallback(rs);
  return combine(std::move(rs));
}

Extraction FieldExtractor::read_option_field() {
  if (yes_no_options(f_)) return read_yes_no_field(true);
  bool all_buckets = !f_.options.empty() && std::all_of(f_.options.begin(), f_.options.end(), [](const FieldOption& o) {
    return option_bucket(o.text).has_value();
  });
  if (all_buckets) return read_buckets();
  std::vector<Reading> rs;
  for (const auto& s : sents_) {
    bool relevant = s.q_matched || contains_stem(s.toks, all_);
    if (!relevant) continue;
    if (c_.concept_hint == Concept::technologies && aspirational(s.toks)) continue;
    std::vector<std::size_t> pos;
    for (std::size_t i = 0; i < f_.options.size(); ++i) {
      for (const auto& v : option_variants(f_.options[i].text)) {
        long at = find_option(s.text, s.toks, v);
        if (at >= 0) {
          if (!negated_at(s.toks, static_cast<std::size_t>(at)) && !wished_at(s.toks, static_cast<std::size_t>(at))) pos.push_back(i);
          break;
        }
      }
    }
    if (pos.empty()) continue;
    // "hybrid, two days in the office": a hybrid answer names the office (or home) too
    if (pos.size() > 1) {
      auto hybrid = std::find_if(pos.begin(), pos.end(), [&](std::size_t i) { return fold_text(f_.options[i].text) == "hybrid"; });
      if (hybrid != pos.end()) pos = {*hybrid};
    }
    Reading r = base_reading(s);
    r.certainty = 0.93;
    if (pos.size() > 1 && !r.correction) {
      r.status = ReadStatus::ambiguous;
      r.note = "more than one option named";
    } else {
      // "remote — actually hybrid": within one sentence the last named option wins
      std::size_t best = pos.front();
      if (pos.size() > 1) {
        long best_at = -1;
        for (auto i : pos)
          for (const auto& v : option_variants(f_.options[i].text)) {
            long at = find_option(s.text, s.toks, v);
            if (at > best_at) {
              best_at = at;
              best = i;
            }
          }
      }
      r.status = is_hedged(s.toks) ? ReadStatus::hedged : ReadStatus::value;
      r.value = f_.options[best].text;
      r.key = f_.options[best].text;
    }
    rs.push_back(std::move(r));
  }
  add_hedge_fallback(rs);
  return combine(std::move(rs));
}

Extraction FieldExtractor::read_multi_field() {
  // each option on its own evidence; an option named negatively or only aspirationally is out
  std::vector<std::optional<Reading>> per(f_.options.size());
  std::vector<bool> dropped(f_.options.size(), false);
  bool any_hedged = false;
  for (const auto& s : sents_) {
    bool relevant = s.q_matched || contains_stem(s.toks, all_);
    if (!relevant) continue;
    if (c_.concept_hint == Concept::technologies && aspirational(s.toks)) continue;
    bool hedged = is_hedged(s.toks);
    for (std::size_t i = 0; i < f_.options.size(); ++i) {
      for (const auto& v : option_variants(f_.options[i].text)) {
        long at = find_option(s.text, s.toks, v);
        if (at < 0) continue;
        if (wished_at(s.toks, static_cast<std::size_t>(at))) break;
        bool neg = negated_at(s.toks, static_cast<std::size_t>(at));
        if (neg || hedged) {
          if (per[i] && !is_correction(s.toks)) dropped[i] = true;  // said both ways: leave it out
          else per[i].reset();
          if (hedged) any_hedged = true;
          if (neg && is_correction(s.toks)) dropped[i] = true;
        } else if (!per[i]) {
          Reading r = base_reading(s);
          r.certainty = 0.93;
          per[i] = std::move(r);
        }
        break;
      }
    }
  }
  Extraction out;
  std::vector<std::string> chosen;
  Proposal prop;
  prop.backend = "deterministic";
  double conf = 1.0;
  for (std::size_t i = 0; i < per.size(); ++i) {
    if (!per[i] || dropped[i]) continue;
    chosen.push_back(f_.options[i].text);
    conf = std::min(conf, per[i]->certainty * factor(*per[i]));
    auto q = quote_of(p_, per[i]->utt, per[i]->sb, per[i]->se);
    if (std::find(prop.evidence.begin(), prop.evidence.end(), q) == prop.evidence.end()) prop.evidence.push_back(std::move(q));
  }
  if (chosen.empty()) {
    std::vector<Reading> hedges;
    add_hedge_fallback(hedges);
    if (!hedges.empty()) any_hedged = true;
    out.skip = any_hedged ? SkipCode::hedged : SkipCode::no_evidence;
    out.why = any_hedged ? "The candidate's answer was hedged or conditional; confirm it with them."
                         : "None of the options was named by the candidate.";
    return out;
  }
  prop.value = chosen;
  prop.confidence = conf;
  prop.interpretation = fmt::format("each selected option was named by the candidate ({})", fmt::join(chosen, ", "));
  out.proposal = std::move(prop);
  return out;
}

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

}  // namespace

Extraction extract_deterministic(const Prepared& p, const FormField& f, const FieldClassification& c,
                                 const CallContext& call) {
  FieldExtractor x(p, f, c, call);
  return x.run();
}

}  // namespace leverkit::autofill::detail
