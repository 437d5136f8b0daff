#include "detail/readers.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <utility>

namespace leverkit::autofill::detail {
namespace {

using namespace std::chrono;

bool is_neg_token(std::string_view w) noexcept {
  if (w == "not" || w == "no" || w == "never" || w == "none" || w == "without" || w == "neither" ||
      w == "nor" || w == "nothing" || w == "cannot" || w == "nope" || w == "nobody" || w == "dont" ||
      w == "doesnt" || w == "wont" || w == "cant" || w == "didnt" || w == "havent" || w == "isnt" ||
      w == "arent" || w == "wasnt" || w == "wouldnt" || w == "hasnt" || w == "shouldnt")
    return true;
  return w.size() > 3 && w.substr(w.size() - 3) == "n't";
}

bool is_boundary(std::string_view w) noexcept {
  return w == "but" || w == "although" || w == "though" || w == "however" || w == "except" ||
         w == "whereas" || w == "yet" || w == "otherwise";
}

// Pseudo-negations ("no problem") do not negate anything.
std::vector<bool> pseudo_mask(const std::vector<Token>& toks) {
  std::vector<bool> mask(toks.size(), false);
  static const std::vector<std::vector<std::string>> kPseudo{
      {"no", "problem"}, {"not", "a", "problem"}, {"no", "worries"}, {"not", "only"},
      {"no", "doubt"},   {"no", "question"},      {"not", "just"},   {"no", "issue"},
      {"no", "issues"}};
  for (const auto& p : kPseudo) {
    long at = -1;
    std::size_t from = 0;
    while ((at = find_phrase(toks, p, from)) >= 0) {
      for (std::size_t k = 0; k < p.size(); ++k) mask[static_cast<std::size_t>(at) + k] = true;
      from = static_cast<std::size_t>(at) + 1;
    }
  }
  return mask;
}

int small_number_word(std::string_view w) noexcept {
  static constexpr std::array<std::string_view, 20> kOnes{
      "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
      "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
  for (std::size_t i = 0; i < kOnes.size(); ++i)
    if (kOnes[i] == w) return static_cast<int>(i);
  static constexpr std::array<std::string_view, 8> kTens{"twenty", "thirty", "forty", "fifty",
                                                         "sixty", "seventy", "eighty", "ninety"};
  for (std::size_t i = 0; i < kTens.size(); ++i)
    if (kTens[i] == w) return static_cast<int>(20 + 10 * i);
  return -1;
}

int ordinal_word(std::string_view w) noexcept {
  static constexpr std::array<std::string_view, 20> kOrd{
      "", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
      "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
      "eighteenth", "nineteenth"};
  for (std::size_t i = 1; i < kOrd.size(); ++i)
    if (kOrd[i] == w) return static_cast<int>(i);
  if (w == "twentieth") return 20;
  if (w == "thirtieth") return 30;
  return -1;
}

// "3", "3rd", "21st" → day number; "third" handled by ordinal_word.
int day_token(const std::vector<Token>& toks, std::size_t i, std::size_t* used) {
  *used = 1;
  const auto& w = toks[i].norm;
  std::size_t d = 0;
  while (d < w.size() && w[d] >= '0' && w[d] <= '9') ++d;
  if (d > 0 && d <= 2) {
    auto suf = std::string_view(w).substr(d);
    if (suf.empty() || suf == "st" || suf == "nd" || suf == "rd" || suf == "th") {
      int v = std::stoi(w.substr(0, d));
      return (v >= 1 && v <= 31) ? v : -1;
    }
    return -1;
  }
  if (int o = ordinal_word(w); o > 0) return o;
  // "twenty first", "thirty first"
  if ((w == "twenty" || w == "thirty") && i + 1 < toks.size()) {
    int o = ordinal_word(toks[i + 1].norm);
    if (o > 0 && o < 10) {
      *used = 2;
      int v = (w == "twenty" ? 20 : 30) + o;
      return v <= 31 ? v : -1;
    }
  }
  return -1;
}

int month_token(std::string_view w) noexcept {
  static constexpr std::array<std::pair<std::string_view, int>, 24> kMonths{{
      {"january", 1}, {"february", 2}, {"march", 3}, {"april", 4}, {"may", 5}, {"june", 6},
      {"july", 7}, {"august", 8}, {"september", 9}, {"october", 10}, {"november", 11}, {"december", 12},
      {"jan", 1}, {"feb", 2}, {"apr", 4}, {"jun", 6}, {"jul", 7}, {"aug", 8}, {"sep", 9},
      {"sept", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12}, {"mar", 3}}};
  for (const auto& [k, v] : kMonths)
    if (k == w) return v;
  return -1;
}

int weekday_token(std::string_view w) noexcept {
  static constexpr std::array<std::string_view, 7> kDays{"sunday", "monday", "tuesday", "wednesday",
                                                         "thursday", "friday", "saturday"};
  for (std::size_t i = 0; i < kDays.size(); ++i)
    if (kDays[i] == w) return static_cast<int>(i);
  return -1;
}

int year_token(std::string_view w) noexcept {
  if (w.size() == 4 && is_digits(w)) {
    int y = std::stoi(std::string(w));
    if (y >= 1950 && y <= 2100) return y;
  }
  return -1;
}

year_month_day add_days(year_month_day d, int n) { return year_month_day{sys_days{d} + days{n}}; }

year_month_day add_months(year_month_day d, int n) {
  auto ym = year_month{d.year(), d.month()} + months{n};
  auto last = year_month_day_last{ym.year(), month_day_last{ym.month()}}.day();
  return year_month_day{ym.year(), ym.month(), std::min(d.day(), last)};
}

// Leading number for "in N weeks": digits, number words, "a"/"an", "a couple of".
int count_before_unit(const std::vector<Token>& toks, std::size_t i, std::size_t* used) {
  *used = 1;
  const auto& w = toks[i].norm;
  if (is_digits(w) && w.size() <= 3) return std::stoi(w);
  if (w == "a" || w == "an" || w == "one") {
    if (i + 2 < toks.size() && toks[i + 1].norm == "couple" && toks[i + 2].norm == "of") {
      *used = 3;
      return 2;
    }
    if (i + 1 < toks.size() && toks[i + 1].norm == "few") {
      *used = 2;
      return -2;  // vague
    }
    return 1;
  }
  if (w == "couple" && i + 1 < toks.size() && toks[i + 1].norm == "of") {
    *used = 2;
    return 2;
  }
  if (w == "few" || w == "several") return -2;
  if (int v = small_number_word(w); v >= 0) {
    if (v >= 20 && i + 1 < toks.size()) {
      int u = small_number_word(toks[i + 1].norm);
      if (u > 0 && u < 10) {
        *used = 2;
        return v + u;
      }
    }
    return v;
  }
  return -1;
}

std::string unit_word(std::string_view w) {
  if (w == "day" || w == "days") return "day";
  if (w == "week" || w == "weeks" || w == "wk" || w == "wks") return "week";
  if (w == "month" || w == "months" || w == "mo" || w == "mos") return "month";
  if (w == "year" || w == "years" || w == "yr" || w == "yrs") return "year";
  if (w == "hour" || w == "hours" || w == "hrs") return "hour";
  if (w == "percent" || w == "%") return "percent";
  if (w == "people" || w == "engineers" || w == "person" || w == "reports") return "people";
  return {};
}

}  // namespace

std::string unit_of(std::string_view w) { return unit_word(w); }

std::string iso_date(year_month_day d) {
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                     static_cast<unsigned>(d.day()));
}

bool is_hedged(const std::vector<Token>& toks) {
  static const PhraseList kHedges{
      "i think", "i don't think", "i believe", "probably", "maybe", "perhaps", "possibly", "might",
      "not sure", "not certain", "unsure", "let me check", "i'd have to check", "have to check",
      "need to check", "depends", "depending", "i guess", "hopefully", "don't know", "do not know",
      "no idea", "hard to say", "tbd", "to be determined", "could be", "not decided", "undecided",
      "haven't decided", "still figuring", "i suppose", "i'd say", "likely", "unlikely",
      "i'm hoping", "i hope", "tentatively", "roughly", "or so", "ish"};
  // Not hedges: softened preferences ("ideally hybrid", "preferably remote") state the
  // preference; only an explicit hedge or condition in the same sentence makes it one.
  if (has_any(toks, kHedges)) return true;
  for (const auto& t : toks)
    if (t.norm == "if" || t.norm == "unless" || t.norm == "assuming" || t.norm == "provided") return true;
  return false;
}

bool is_correction(const std::vector<Token>& toks) {
  static const PhraseList kCorr{
      "actually", "sorry i meant", "i meant", "i mean", "let me correct", "correction", "scratch that",
      "to correct", "rather", "on second thought", "wait", "sorry"};
  return has_any(toks, kCorr);
}

bool has_negation(const std::vector<Token>& toks) {
  auto mask = pseudo_mask(toks);
  for (std::size_t i = 0; i < toks.size(); ++i)
    if (!mask[i] && is_neg_token(toks[i].norm)) return true;
  return false;
}

bool negated_at(const std::vector<Token>& toks, std::size_t at, std::size_t window) {
  auto mask = pseudo_mask(toks);
  // backwards to the start of the clause
  for (std::size_t k = 0; k < window && k < at; ++k) {
    std::size_t j = at - 1 - k;
    if (is_boundary(toks[j].norm)) break;
    if (!mask[j] && is_neg_token(toks[j].norm)) return true;
  }
  // post-negation right after the term: "sponsorship isn't needed", "Java, not really"
  for (std::size_t j = at + 1; j < toks.size() && j <= at + 3; ++j) {
    const auto& w = toks[j].norm;
    if (w == "i" || w == "we" || w == "you" || w == "he" || w == "she" || w == "they" || is_boundary(w)) break;
    if (!mask[j] && (w == "isn't" || w == "aren't" || w == "wasn't" || w == "won't" || w == "not" ||
                     w == "wouldn't" || w == "no")) {
      if (w == "no" && j + 1 < toks.size() && toks[j + 1].norm == "longer") return true;
      if (w != "no") return true;
    }
  }
  return false;
}

YesNoReading read_yes_no(const std::vector<Token>& question, bool question_matches,
                         const std::vector<Token>& sentence, bool first_sentence,
                         const std::vector<std::string>& key_stems) {
  YesNoReading r;
  long relevant = -1;
  for (std::size_t i = 0; i < sentence.size() && relevant < 0; ++i)
    if (std::find(key_stems.begin(), key_stems.end(), stem(sentence[i].norm)) != key_stems.end())
      relevant = static_cast<long>(i);
  bool bare_ok = question_matches && first_sentence;
  if (is_hedged(sentence)) {
    if (relevant >= 0 || bare_ok) r.status = ReadStatus::hedged;
    return r;
  }
  if (relevant >= 0) {
    r.status = ReadStatus::value;
    r.yes = !negated_at(sentence, static_cast<std::size_t>(relevant));
    r.certainty = 0.93;
    return r;
  }
  if (!bare_ok) return r;
  // skip fillers
  std::size_t s = 0;
  while (s < sentence.size() && (sentence[s].norm == "um" || sentence[s].norm == "uh" || sentence[s].norm == "oh" ||
                                 sentence[s].norm == "well" || sentence[s].norm == "so" || sentence[s].norm == "hmm"))
    ++s;
  if (s >= sentence.size()) return r;
  std::vector<Token> head(sentence.begin() + static_cast<long>(s), sentence.end());
  static const PhraseList kYes{
      "yes", "yeah", "yep", "yup", "correct", "right", "sure", "definitely", "absolutely", "certainly",
      "indeed", "of course", "that's right", "that's correct", "i do", "i am", "i have", "i will",
      "i can", "i did", "i would", "affirmative", "exactly", "required", "needed",
      // willingness: "I'm happy to", "open to that", "fine with that" answer a yes/no question
      "happy to", "i'm happy to", "i am happy to", "i'd be happy to", "more than happy", "glad to", "i'd be glad to",
      "open to", "i'm open to", "i am open to", "i'd be open to", "i'm open", "fine with", "i'm fine with",
      "i am fine with", "that's fine", "fine by me", "works for me", "that works", "i'm okay with", "i'm ok with",
      "okay with", "ok with", "no problem", "sounds good", "willing to", "i'm willing to", "i am willing to",
      "i'd be willing to"};
  static const PhraseList kNoPron{
      "i don't", "i do not", "i'm not", "i am not", "i haven't", "i have not", "i won't", "i can't",
      "i didn't", "i wouldn't", "not really", "not at all", "not required", "not needed", "no need",
      "none needed", "not necessary", "none", "not open", "not willing", "not happy", "i'd rather not", "rather not",
      "i'd prefer not"};
  static const PhraseList kNo{"no", "nope", "nah", "never"};
  auto starts = [&](const PhraseList& list) { return phrase_at(head, list) >= 0; };
  bool yes = starts(kYes);
  bool no_pron = starts(kNoPron);
  bool no = starts(kNo);
  // "Yes, I don't" / "No, I do": read past the leading word
  if ((yes || no) && head.size() > 1) {
    std::vector<Token> rest(head.begin() + 1, head.end());
    auto w_has = [&](const PhraseList& list) { return phrase_at(rest, list) >= 0; };
    static const PhraseList kIDo{"i do", "i am", "i have", "i will", "i can", "i did"};
    if (w_has(kNoPron)) {
      no_pron = true;
      yes = false;
      no = false;
    } else if (no && w_has(kIDo)) {
      return YesNoReading{ReadStatus::ambiguous, false, 0.0};
    }
  }
  if (!yes && !no && !no_pron) return r;
  bool q_negative = has_negation(question);
  r.status = ReadStatus::value;
  if (q_negative) {
    // confirming a negative question: "You don't need a visa, right?" — "Right." / "I don't."
    if (yes || no_pron) {
      r.yes = false;
      r.certainty = 0.88;
      return r;
    }
    r.status = ReadStatus::ambiguous;  // a bare "No" to a negative question is unclear
    return r;
  }
  r.yes = yes;
  r.certainty = 0.92;
  return r;
}

std::vector<DateReading> read_dates(std::string_view sentence, const std::vector<Token>& toks,
                                    std::optional<year_month_day> ref) {
  std::vector<DateReading> out;
  auto absolute = [&](int y, int m, int d, bool has_year, std::string_view text) {
    DateReading r;
    year_month_day ymd{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
    if (!has_year) {
      if (!ref) {
        r.status = ReadStatus::ambiguous;
        r.note = fmt::format("'{}' has no year and no meeting date is known", text);
        out.push_back(std::move(r));
        return;
      }
      ymd = year_month_day{ref->year(), month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
      if (ymd.ok() && sys_days{ymd} < sys_days{*ref}) ymd = ymd + years{1};  // future-leaning
    }
    if (!ymd.ok()) return;
    r.status = ReadStatus::value;
    r.date = ymd;
    r.has_year = has_year;
    r.certainty = has_year ? 0.97 : 0.94;
    r.note = has_year ? fmt::format("'{}'", text)
                      : fmt::format("'{}' read as the next such date after the meeting", text);
    out.push_back(std::move(r));
  };
  auto relative = [&](year_month_day d, std::string_view phrase, double certainty) {
    DateReading r;
    r.status = ReadStatus::value;
    r.date = d;
    r.relative = true;
    r.certainty = certainty;
    r.note = fmt::format("'{}' resolved against the meeting date {}", phrase, iso_date(*ref));
    out.push_back(std::move(r));
  };
  auto vague = [&](std::string_view phrase) {
    DateReading r;
    r.status = ReadStatus::ambiguous;
    r.note = fmt::format("'{}' names a period, not a date", phrase);
    out.push_back(std::move(r));
  };
  auto phrase_text = [&](std::size_t b, std::size_t e) {
    return sentence.substr(toks[b].begin, toks[e - 1].end - toks[b].begin);
  };
  std::vector<bool> used(toks.size(), false);

  // ISO 2026-03-09 (tokenised as three digit tokens separated by '-')
  for (std::size_t i = 0; i + 2 < toks.size(); ++i) {
    if (year_token(toks[i].norm) > 0 && toks[i + 1].norm.size() <= 2 && is_digits(toks[i + 1].norm) &&
        toks[i + 2].norm.size() <= 2 && is_digits(toks[i + 2].norm) && toks[i + 1].begin == toks[i].end + 1 &&
        sentence[toks[i].end] == '-' && toks[i + 2].begin == toks[i + 1].end + 1 && sentence[toks[i + 1].end] == '-') {
      absolute(year_token(toks[i].norm), std::stoi(toks[i + 1].norm), std::stoi(toks[i + 2].norm), true,
               phrase_text(i, i + 3));
      used[i] = used[i + 1] = used[i + 2] = true;
    }
  }
  for (std::size_t i = 0; i < toks.size(); ++i) {
    if (used[i]) continue;
    const auto& w = toks[i].norm;
    // month day [year]
    if (int m = month_token(w); m > 0) {
      std::size_t n = 0;
      if (i + 1 < toks.size() && !used[i + 1]) {
        std::size_t k = i + 1;
        if (toks[k].norm == "the" && k + 1 < toks.size()) ++k;
        int d = day_token(toks, k, &n);
        if (d > 0) {
          std::size_t e = k + n;
          int y = (e < toks.size()) ? year_token(toks[e].norm) : -1;
          if (y > 0) ++e;
          if (ref || y > 0) absolute(y > 0 ? y : 2000, m, d, y > 0, phrase_text(i, e));
          else absolute(2000, m, d, false, phrase_text(i, e));
          for (std::size_t q = i; q < e; ++q) used[q] = true;
          continue;
        }
      }
      // a bare month ("in March") is a period; "may"/"march" alone are verbs
      if (w != "may" && w != "march" && w != "mar" && w != "jan" && w != "sep" && w != "dec" &&
          !(i > 0 && !used[i - 1] && day_token(toks, i - 1, &n) > 0)) {
        vague(toks[i].norm);
        used[i] = true;
      }
      continue;
    }
    // day [of] month [year]
    {
      std::size_t n = 0;
      int d = day_token(toks, i, &n);
      if (d > 0) {
        std::size_t k = i + n;
        if (k < toks.size() && toks[k].norm == "of") ++k;
        if (k < toks.size()) {
          int m = month_token(toks[k].norm);
          if (m > 0) {
            std::size_t e = k + 1;
            int y = (e < toks.size()) ? year_token(toks[e].norm) : -1;
            if (y > 0) ++e;
            absolute(y > 0 ? y : 2000, m, d, y > 0, phrase_text(i, e));
            for (std::size_t q = i; q < e; ++q) used[q] = true;
            continue;
          }
        }
      }
    }
    if (!ref) continue;
    std::string_view next = i + 1 < toks.size() ? std::string_view(toks[i + 1].norm) : std::string_view{};
    if (w == "today") {
      relative(*ref, "today", 0.9);
    } else if (w == "tomorrow") {
      bool after = i >= 2 && toks[i - 1].norm == "after" && toks[i - 2].norm == "day";
      relative(add_days(*ref, after ? 2 : 1), after ? "the day after tomorrow" : "tomorrow", 0.9);
    } else if ((w == "next" || w == "this" || w == "on" || w == "from" || w == "starting" || w == "coming") &&
               weekday_token(next) >= 0) {
      int target = weekday_token(next);
      weekday ref_wd{sys_days{*ref}};
      int cur = static_cast<int>(ref_wd.c_encoding());
      int delta = (target - cur + 7) % 7;
      if (delta == 0) delta = 7;
      if (w == "next") {
        // the named day of the week after the meeting's week (weeks start on Monday)
        int cur_iso = cur == 0 ? 7 : cur;
        int tgt_iso = target == 0 ? 7 : target;
        delta = (7 - cur_iso) + tgt_iso;
      }
      relative(add_days(*ref, delta), phrase_text(i, i + 2), 0.9);
      used[i + 1] = true;
    } else if (w == "in" && i + 2 < toks.size()) {
      std::size_t n = 0;
      int count = count_before_unit(toks, i + 1, &n);
      std::size_t u = i + 1 + n;
      if (u < toks.size()) {
        auto unit = unit_word(toks[u].norm);
        if (count == -2 && !unit.empty()) {
          vague(phrase_text(i, u + 1));
        } else if (count > 0 && (unit == "day" || unit == "week" || unit == "month")) {
          auto d = unit == "day" ? add_days(*ref, count) : unit == "week" ? add_days(*ref, 7 * count) : add_months(*ref, count);
          relative(d, phrase_text(i, u + 1), 0.88);
          for (std::size_t q = i; q <= u; ++q) used[q] = true;
        }
      }
    } else if (w == "end" && i + 2 < toks.size() && toks[i + 1].norm == "of") {
      std::size_t k = i + 2;
      if (toks[k].norm == "the" || toks[k].norm == "this") ++k;
      bool nxt = k < toks.size() && toks[k].norm == "next";
      if (nxt) ++k;
      if (k < toks.size() && toks[k].norm == "month") {
        auto ym = year_month{ref->year(), ref->month()} + months{nxt ? 1 : 0};
        relative(year_month_day{year_month_day_last{ym.year(), month_day_last{ym.month()}}}, phrase_text(i, k + 1), 0.86);
        for (std::size_t q = i; q <= k; ++q) used[q] = true;
      } else if (k < toks.size() && (toks[k].norm == "week" || toks[k].norm == "year" || toks[k].norm == "quarter")) {
        vague(phrase_text(i, k + 1));
      }
    } else if ((w == "beginning" || w == "start") && i + 3 < toks.size() && toks[i + 1].norm == "of" &&
               toks[i + 2].norm == "next" && toks[i + 3].norm == "month") {
      auto ym = year_month{ref->year(), ref->month()} + months{1};
      relative(year_month_day{ym.year(), ym.month(), day{1}}, phrase_text(i, i + 4), 0.86);
      for (std::size_t q = i; q <= i + 3; ++q) used[q] = true;
    } else if (w == "next" && (next == "week" || next == "month" || next == "year" || next == "quarter")) {
      vague(phrase_text(i, i + 2));
    } else if (w == "asap" || w == "soon" || w == "immediately" || (w == "right" && next == "away")) {
      vague(toks[i].norm);
    } else if (i + 2 < toks.size() && (next == "week" || next == "weeks" || next == "days" || next == "months") &&
               (toks[i + 2].norm == "from")) {
      std::size_t n = 0;
      int count = count_before_unit(toks, i, &n);
      if (n == 1 && count > 0 && i + 3 < toks.size() && (toks[i + 3].norm == "now" || toks[i + 3].norm == "today")) {
        auto unit = unit_word(next);
        auto d = unit == "day" ? add_days(*ref, count) : unit == "week" ? add_days(*ref, 7 * count) : add_months(*ref, count);
        relative(d, phrase_text(i, i + 4), 0.88);
        for (std::size_t q = i; q <= i + 3; ++q) used[q] = true;
      }
    }
  }
  return out;
}

std::vector<NumberReading> read_numbers(std::string_view sentence, const std::vector<Token>& toks) {
  std::vector<NumberReading> out;
  std::vector<bool> used(toks.size(), false);
  auto currency_before = [&](std::size_t tb) -> std::string {
    std::size_t b = toks[tb].begin;
    if (b >= 1 && sentence[b - 1] == '$') return "USD";
    if (b >= 2 && sentence.substr(b - 2, 2) == "\xC2\xA3") return "GBP";
    if (b >= 3 && sentence.substr(b - 3, 3) == "\xE2\x82\xAC") return "EUR";
    return {};
  };
  // numeric value of token i (possibly spanning words); returns consumed count or 0
  auto value_at = [&](std::size_t i, double& v) -> std::size_t {
    const auto& w = toks[i].norm;
    std::size_t d = 0;
    while (d < w.size() && ((w[d] >= '0' && w[d] <= '9'))) ++d;
    if (d > 0) {
      auto suf = std::string_view(w).substr(d);
      if (!suf.empty() && suf != "k" && suf != "m") return 0;
      if (d > 15) return 0;  // an id or a phone number, not a quantity
      v = std::stod(w.substr(0, d));
      std::size_t n = 1;
      // "1,500" / "120,000" and "1.5": digit groups joined by one separator in the raw text
      while (i + n < toks.size() && toks[i + n - 1].end + 1 == toks[i + n].begin &&
             (sentence[toks[i + n - 1].end] == ',' || sentence[toks[i + n - 1].end] == '.') &&
             is_digits(toks[i + n].norm.substr(0, toks[i + n].norm.find_first_not_of("0123456789"))) &&
             std::isdigit(static_cast<unsigned char>(toks[i + n].norm[0]))) {
        const auto& nx = toks[i + n].norm;
        auto digits = nx.substr(0, nx.find_first_not_of("0123456789"));
        if (digits.size() > 15) break;
        if (sentence[toks[i + n - 1].end] == ',' && digits.size() == 3) v = v * 1000 + std::stod(digits);
        else if (sentence[toks[i + n - 1].end] == '.') v = v + std::stod(digits) / std::pow(10.0, static_cast<double>(digits.size()));
        else break;
        suf = std::string_view(nx).substr(digits.size());
        ++n;
      }
      if (suf == "k") v *= 1000;
      if (suf == "m") v *= 1000000;
      return n;
    }
    std::size_t n = 0;
    int c = count_before_unit(toks, i, &n);
    if (c < 0) return 0;
    // "a"/"an" only count before a unit or "hundred"/"thousand"
    if ((w == "a" || w == "an") && n == 1) {
      if (i + 1 >= toks.size()) return 0;
      const auto& nx = toks[i + 1].norm;
      if (unit_word(nx).empty() && nx != "hundred" && nx != "thousand") return 0;
    }
    v = c;
    // "a hundred and fifty", "two hundred", "ninety thousand"
    std::size_t j = i + n;
    if (j < toks.size() && toks[j].norm == "hundred") {
      v = (v == 0 ? 1 : v) * 100;
      ++j;
      if (j + 1 < toks.size() && toks[j].norm == "and") {
        std::size_t m = 0;
        int r = count_before_unit(toks, j + 1, &m);
        if (r > 0 && r < 100) {
          v += r;
          j += 1 + m;
        }
      }
    }
    if (j < toks.size() && toks[j].norm == "thousand") {
      v *= 1000;
      ++j;
    }
    return j - i;
  };
  for (std::size_t i = 0; i < toks.size(); ++i) {
    if (used[i]) continue;
    double v = 0;
    std::size_t n = value_at(i, v);
    if (n == 0) continue;
    NumberReading r;
    r.value = v;
    r.token_begin = i;
    r.currency = currency_before(i);
    std::size_t e = i + n;
    // range: "5 or 6", "5 to 6", "5-6", "between 5 and 6"
    if (e + 1 < toks.size() && (toks[e].norm == "or" || toks[e].norm == "to" || (i > 0 && toks[i - 1].norm == "between" && toks[e].norm == "and"))) {
      double v2 = 0;
      std::size_t n2 = value_at(e + 1, v2);
      if (n2 > 0) {
        r.range = true;
        r.high = v2;
        e = e + 1 + n2;
      }
    } else if (e < toks.size() && toks[e - 1].end + 1 == toks[e].begin && sentence[toks[e - 1].end] == '-') {
      double v2 = 0;
      std::size_t n2 = value_at(e, v2);
      if (n2 > 0) {
        r.range = true;
        r.high = v2;
        e = e + n2;
      }
    }
    if (e < toks.size()) {
      const auto& u = toks[e].norm;
      if (u == "k" || u == "grand" || u == "thousand") {
        r.value *= 1000;
        if (r.range) r.high *= 1000;
        ++e;
      }
    }
    if (r.range && r.high < r.value && r.high * 1000 >= r.value) r.high *= 1000;  // "120 to 130k"
    if (r.range && r.value * 1000 <= r.high) r.value *= 1000;
    if (e < toks.size()) {
      const auto& u = toks[e].norm;
      r.unit = unit_word(u);
      if (u == "dollars" || u == "usd") r.currency = "USD";
      if (u == "euros" || u == "eur") r.currency = "EUR";
      if (u == "pounds" || u == "gbp") r.currency = "GBP";
      if (!r.unit.empty() || !r.currency.empty()) ++e;
      // "3 plus years", "5+ years"
      else if (u == "plus" && e + 1 < toks.size()) {
        r.unit = unit_word(toks[e + 1].norm);
        if (!r.unit.empty()) e += 2;
      }
    }
    r.status = r.range ? ReadStatus::ambiguous : ReadStatus::value;
    r.certainty = 0.93;
    for (std::size_t q = i; q < e; ++q) used[q] = true;
    out.push_back(std::move(r));
  }
  return out;
}

std::string format_number(const NumberReading& n) {
  auto num = [](double v) {
    if (std::fabs(v - std::round(v)) < 1e-9) return fmt::format("{}", static_cast<long long>(std::llround(v)));
    return fmt::format("{}", v);
  };
  std::string s = num(n.value);
  if (n.range) s += "-" + num(n.high);
  if (!n.unit.empty()) {
    s += ' ';
    s += n.unit;
    if (n.range || std::fabs(n.value - 1.0) > 1e-9) {
      if (n.unit != "percent" && n.unit != "people") s += 's';
    }
  }
  if (!n.currency.empty()) {
    s += ' ';
    s += n.currency;
  }
  return s;
}

long find_option(std::string_view sentence, const std::vector<Token>& toks, const std::vector<std::string>& option_words) {
  if (option_words.empty()) return -1;
  static const std::vector<std::string_view> kCommonWords{
      "go", "rust", "swift", "ruby", "r", "c", "dart", "spring", "react", "express", "elm",
      "julia", "crystal", "pascal", "ada", "chef", "puppet", "salt", "flask", "hack", "d"};
  bool common = option_words.size() == 1 &&
                std::find(kCommonWords.begin(), kCommonWords.end(), option_words[0]) != kCommonWords.end();
  std::size_t from = 0;
  long at = -1;
  while ((at = find_phrase(toks, option_words, from)) >= 0) {
    auto i = static_cast<std::size_t>(at);
    std::size_t last = i + option_words.size() - 1;
    bool ok = true;
    if (common) {
      auto c = static_cast<unsigned char>(sentence[toks[i].begin]);
      ok = c >= 'A' && c <= 'Z' && i > 0;
    }
    // "Java Script" is JavaScript, not Java
    if (ok && last + 1 < toks.size() && toks[last + 1].norm == "script") ok = false;
    if (ok) return at;
    from = i + 1;
  }
  return -1;
}

std::vector<std::vector<std::string>> option_variants(std::string_view option_text) {
  std::vector<std::vector<std::string>> out;
  auto base = words(option_text);
  if (!base.empty()) out.push_back(base);
  auto f = fold_text(option_text);
  auto add = [&](std::initializer_list<std::string_view> list) {
    for (auto p : list) out.push_back(words(p));
  };
  if (f == "remote" || f == "fully remote" || f == "remote only")
    add({"remote", "remotely", "work from home", "working from home", "wfh", "fully remote"});
  else if (f == "hybrid")
    add({"hybrid", "partly remote", "part remote", "partially remote"});
  else if (f == "onsite" || f == "on-site" || f == "on site" || f == "in office" || f == "in-office" || f == "office")
    add({"onsite", "on site", "in the office", "in office", "at the office", "office every day"});
  else if (f == "go" || f == "golang")
    add({"golang", "go"});
  else if (f == "c++")
    add({"cpp", "c plus plus"});
  else if (f == "c#")
    add({"csharp", "c sharp"});
  else if (f == "kubernetes")
    add({"k8s"});
  else if (f == "postgresql" || f == "postgres")
    add({"postgres", "postgresql"});
  else if (f == "javascript")
    add({"js"});
  return out;
}

std::optional<Bucket> option_bucket(std::string_view option_text) {
  auto toks = tokenize(option_text);
  auto nums = read_numbers(option_text, toks);
  if (nums.empty()) return std::nullopt;
  Bucket b;
  const auto& n = nums.front();
  b.unit = n.unit;
  if (b.unit.empty()) {
    for (const auto& t : toks)
      if (auto u = unit_word(t.norm); !u.empty()) b.unit = u;
  }
  constexpr double inf = std::numeric_limits<double>::infinity();
  auto text = fold_text(option_text);
  bool less = has_any(toks, {"less than", "under", "fewer than", "below", "up to", "within"});
  bool more = has_any(toks, {"more than", "over", "above", "at least", "or more"}) ||
              option_text.find('+') != std::string_view::npos;
  if (n.range) {
    b.lo = n.value;
    b.hi = n.high;
  } else if (less) {
    b.lo = -inf;
    b.hi = n.value - 1e-6;
    if (has_any(toks, {"up to", "within"})) b.hi = n.value;
  } else if (more) {
    b.lo = has_any(toks, {"at least", "or more"}) || option_text.find('+') != std::string_view::npos ? n.value : n.value + 1e-6;
    b.hi = inf;
  } else {
    b.lo = b.hi = n.value;
  }
  return b;
}

}  // namespace leverkit::autofill::detail
