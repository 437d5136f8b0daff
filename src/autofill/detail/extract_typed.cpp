// The extractor's readers for typed fields: yes/no, date, number, buckets, single options and
// multi-select (field_extractor.hpp).
#include "detail/field_extractor.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <numeric>

namespace leverkit::inline v0::autofill::detail::extraction {

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

}  // namespace leverkit::autofill::detail::extraction
