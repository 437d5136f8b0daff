// Typed readers, part 2: dates ("next Monday", "March 3rd", "in two weeks"), resolved against the
// meeting's local day (readers.hpp).
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <utility>

#include "detail/reader_words.hpp"
#include "detail/readers.hpp"

namespace leverkit::inline v0::autofill::detail {
namespace {

using namespace std::chrono;

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

}  // namespace

using namespace std::chrono;
using reader_words::count_before_unit;
using reader_words::unit_word;

std::string iso_date(year_month_day d) {
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                     static_cast<unsigned>(d.day()));
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

}  // namespace leverkit::autofill::detail
