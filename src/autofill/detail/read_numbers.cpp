// Typed readers, part 3: numbers with units and currencies ("150k", "a hundred and fifty",
// "5 or 6 years") and their display form (readers.hpp).
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <utility>

#include "detail/reader_words.hpp"
#include "detail/readers.hpp"

namespace leverkit::inline v0::autofill::detail {

using reader_words::count_before_unit;
using reader_words::unit_word;

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

}  // namespace leverkit::autofill::detail
