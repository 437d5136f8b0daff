// Private: typed readers. Each reads one sentence (or answer) of the candidate and returns
// what it found together with how sure it is; the extractor combines readings across
// exchanges (corrections, conflicts, confidence). All readers are pure functions.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "detail/text.hpp"

namespace leverkit::inline v0::autofill::detail {

enum class ReadStatus { none, value, hedged, ambiguous };

/// Hedge ("I think", "probably", "not sure", "let me check") or conditional ("if ...").
/// Softened preferences ("ideally", "preferably") are not hedges: they state the preference.
bool is_hedged(const std::vector<Token>& toks);
/// Correction marker ("actually", "sorry, I meant", "let me correct", "scratch that").
bool is_correction(const std::vector<Token>& toks);
/// Negation trigger in the clause of token index `at` (clauses end at but/although/however).
bool negated_at(const std::vector<Token>& toks, std::size_t at, std::size_t window = 6);
bool has_negation(const std::vector<Token>& toks);

struct YesNoReading {
  ReadStatus status = ReadStatus::none;
  bool yes = false;
  double certainty = 0.0;
};

/// `key_stems`: content stems of the field label (and its concept synonyms). A sentence that
/// states the fact ("I don't need sponsorship") is read by its negation; a bare reply ("Yes.",
/// "Right.") only when `question_matches` (the interviewer's question asked this field), and a
/// confirmation of a negatively phrased question ("You don't need a visa, right?" "Right.")
/// means "no".
YesNoReading read_yes_no(const std::vector<Token>& question, bool question_matches,
                         const std::vector<Token>& sentence, bool first_sentence,
                         const std::vector<std::string>& key_stems);

struct DateReading {
  ReadStatus status = ReadStatus::none;
  std::chrono::year_month_day date{};
  bool relative = false;
  bool has_year = false;
  double certainty = 0.0;
  std::string note;  // "'next Monday' from 2026-03-02"
};

/// Dates in one sentence, resolved against `ref` (the meeting's local day), future-leaning
/// for dates without a year. Vague periods ("next week", "mid-March") read as ambiguous.
std::vector<DateReading> read_dates(std::string_view sentence, const std::vector<Token>& toks,
                                    std::optional<std::chrono::year_month_day> ref);

struct NumberReading {
  ReadStatus status = ReadStatus::none;
  double value = 0.0;
  double high = 0.0;        // for ranges
  bool range = false;
  std::string unit;         // "year", "month", "week", "day", "hour", "percent", "" ...
  std::string currency;     // "USD", "EUR", "GBP" when stated
  std::size_t token_begin = 0;
  double certainty = 0.0;
};

/// Numbers with units in one sentence: digits ("12", "1,500", "150k", "$120,000"), number
/// words ("twelve", "a hundred and fifty", "a couple of"), ranges ("5 or 6", "between 5 and 6").
std::vector<NumberReading> read_numbers(std::string_view sentence, const std::vector<Token>& toks);
std::string format_number(const NumberReading& n);

/// Whole-token option mention: the option's tokens appear contiguously; common English words
/// that are also names ("Go", "Rust", "Swift") must be capitalised and not sentence-initial.
/// Returns the token index or -1.
long find_option(std::string_view sentence, const std::vector<Token>& toks,
                 const std::vector<std::string>& option_words);
/// Synonym phrases for a folded option text ("remote" → "work from home", ...).
std::vector<std::vector<std::string>> option_variants(std::string_view option_text);

/// A bucket option ("0-2 years", "6+ years", "less than 2 weeks"): [lo, hi] and unit.
struct Bucket {
  double lo = 0, hi = 0;
  std::string unit;
};
std::optional<Bucket> option_bucket(std::string_view option_text);

/// Unit words normalised ("yrs" → "year").
std::string unit_of(std::string_view w);

std::string iso_date(std::chrono::year_month_day d);

}  // namespace leverkit::autofill::detail
