// The validator: the one gate every proposal passes, whichever backend made it (deterministic
// readers, a host model, metadata). Field policy is re-derived here, never trusted from the caller.
#include "detail/validator.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>

#include "detail/field_support.hpp"
#include "detail/readers.hpp"
#include "detail/text.hpp"

namespace leverkit::inline v0::autofill::detail {
namespace {

using namespace std::chrono;

bool contains_stem(const std::vector<Token>& toks, const std::vector<std::string>& stems) {
  for (const auto& t : toks)
    if (std::find(stems.begin(), stems.end(), stem(t.norm)) != stems.end()) return true;
  return false;
}

// Where a whitespace/case-folded quote occurs; the utterance index or -1.
long find_quote(const Prepared& p, const std::string& folded_quote, bool candidate_side_only, bool* wrong_role) {
  long found_other = -1;
  for (std::size_t k = 0; k < p.folded.size(); ++k) {
    if (p.folded[k].find(folded_quote) == std::string::npos) continue;
    auto r = p.utterances[k].role;
    bool ok = r == SpeakerRole::candidate || r == SpeakerRole::notes;
    if (ok || !candidate_side_only) return static_cast<long>(k);
    found_other = static_cast<long>(k);
  }
  if (found_other >= 0 && wrong_role) *wrong_role = true;
  return -1;
}

}  // namespace

std::string format_date_value(std::int64_t ms) {
  auto d = year_month_day{floor<days>(sys_time<milliseconds>{milliseconds{ms}})};
  return iso_date(d);
}

std::optional<std::string> validate(const Prepared& p, const FormField& f, Proposal& proposal) {
  auto cls = classify_field(f);
  if (cls.cls != FieldClass::objective) return fmt::format("field policy: {}", to_string(cls.cls));
  if (has_value(f.value)) return std::string("the field already has a value");
  std::string why;
  if (!value_fits(f, proposal.value, &why)) return why;
  if (proposal.backend == "metadata") return std::nullopt;
  if (proposal.evidence.empty()) return std::string("no evidence quote");
  for (auto& q : proposal.evidence) {
    auto folded = fold_text(q.quote);
    if (folded.size() < 2) return std::string("an evidence quote is empty");
    bool wrong_role = false;
    long k = find_quote(p, folded, true, &wrong_role);
    if (k < 0)
      return wrong_role ? fmt::format("quote \"{}\" was not said by the candidate", q.quote)
                        : fmt::format("quote \"{}\" does not occur in the transcript or notes", q.quote);
    const auto& u = p.utterances[static_cast<std::size_t>(k)];
    q.speaker = u.speaker;
    q.role = u.role;
    q.start_ms = u.start_ms;
  }
  // text values are quotes: they must be found too
  if (f.type == FieldType::text || f.type == FieldType::textarea || f.type == FieldType::university) {
    auto c = cls.concept_hint;
    bool derived = c == Concept::start_date || numeric_concept(c) || c == Concept::interview_date;
    if (!derived) {
      auto folded = fold_text(std::get<std::string>(proposal.value));
      bool in_quotes = std::any_of(proposal.evidence.begin(), proposal.evidence.end(), [&](const EvidenceQuote& q) {
        return fold_text(q.quote).find(folded) != std::string::npos;
      });
      bool wrong = false;
      if (!in_quotes && find_quote(p, folded, true, &wrong) < 0)
        return std::string("a text value must be quoted from the candidate, not paraphrased");
    }
  }
  return std::nullopt;
}

std::optional<std::string> rederive(const Prepared& p, const FormField& f, const FieldClassification& c,
                                    const Proposal& proposal) {
  std::string joined;
  for (const auto& q : proposal.evidence) {
    joined += q.quote;
    if (!joined.empty() && joined.back() != '.' && joined.back() != '?' && joined.back() != '!') joined += '.';
    joined += ' ';
  }
  auto toks = tokenize(joined);
  auto keys = key_stems(f);
  for (const auto& s : synonym_stems(c.concept_hint)) keys.push_back(s);
  switch (f.type) {
    case FieldType::yes_no: {
      auto want = std::get<std::string>(proposal.value);
      // find the question the quote answered, for bare replies
      std::vector<Token> question;
      for (const auto& ex : p.exchanges)
        for (auto a : ex.answer)
          if (p.folded[a].find(fold_text(proposal.evidence.front().quote)) != std::string::npos && !ex.question.empty())
            question = tokenize(p.utterances[ex.question.back()].text);
      bool qm = contains_stem(question, keys);
      bool first = true;
      for (auto [b, e] : sentences(joined)) {
        auto st = tokenize(std::string_view(joined).substr(b, e - b));
        auto y = read_yes_no(question, qm, st, first, keys);
        first = false;
        if (y.status == ReadStatus::value) {
          if ((y.yes ? "yes" : "no") == want) return std::nullopt;
          return std::string("the quote says the opposite");
        }
        if (y.status != ReadStatus::none) return std::string("the quote is hedged or ambiguous");
      }
      return std::string("the quote does not state yes or no");
    }
    case FieldType::date: {
      auto want = format_date_value(std::get<std::int64_t>(proposal.value));
      for (const auto& d : read_dates(joined, toks, p.meeting_day))
        if (d.status == ReadStatus::value && iso_date(d.date) == want) return std::nullopt;
      return fmt::format("the quote does not state the date {}", want);
    }
    case FieldType::dropdown:
    case FieldType::multiple_choice:
    case FieldType::multiple_select: {
      std::vector<std::string> want;
      if (auto* s = std::get_if<std::string>(&proposal.value)) want.push_back(*s);
      else want = std::get<std::vector<std::string>>(proposal.value);
      if (yes_no_options(f)) return std::nullopt;  // checked like a yes-no by the caller's reader
      for (const auto& w : want) {
        bool named = false;
        for (const auto& v : option_variants(w)) {
          long at = find_option(joined, toks, v);
          if (at >= 0 && !negated_at(toks, static_cast<std::size_t>(at))) named = true;
        }
        if (!named) return fmt::format("the quote does not name the option \"{}\"", w);
      }
      return std::nullopt;
    }
    case FieldType::currency: {
      double want = std::holds_alternative<double>(proposal.value) ? std::get<double>(proposal.value)
                                                                    : static_cast<double>(std::get<std::int64_t>(proposal.value));
      for (const auto& n : read_numbers(joined, toks))
        if (!n.range && std::fabs(n.value - want) < 0.5) return std::nullopt;
      return std::string("the quote does not state that amount");
    }
    default: {
      // numbers and dates read into text fields must be what the quote states
      if (numeric_concept(c.concept_hint)) {
        auto want = fold_text(std::get<std::string>(proposal.value));
        for (const auto& n : read_numbers(joined, toks))
          if (fold_text(format_number(n)) == want) return std::nullopt;
        return fmt::format("the quote does not state the number \"{}\"", std::get<std::string>(proposal.value));
      }
      if (c.concept_hint == Concept::start_date) {
        auto want = std::get<std::string>(proposal.value);
        for (const auto& d : read_dates(joined, toks, p.meeting_day))
          if (d.status == ReadStatus::value && iso_date(d.date) == want) return std::nullopt;
        return fmt::format("the quote does not state the date {}", want);
      }
      return std::nullopt;  // text: validate() already required the value to be quoted
    }
  }
}

}  // namespace leverkit::autofill::detail
