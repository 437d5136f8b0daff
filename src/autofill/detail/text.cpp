#include "detail/text.hpp"

#include <algorithm>
#include <array>

namespace leverkit::inline v0::autofill::detail {
namespace {

bool is_word_byte(unsigned char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

// U+2019 / U+2018 (curly apostrophes) are E2 80 99 / E2 80 98.
bool is_curly_apostrophe(std::string_view s, std::size_t i) noexcept {
  return i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE2 &&
         static_cast<unsigned char>(s[i + 1]) == 0x80 &&
         (static_cast<unsigned char>(s[i + 2]) == 0x99 || static_cast<unsigned char>(s[i + 2]) == 0x98);
}

char lower(char c) noexcept { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> out;
  out.reserve(s.size() / 5 + 1);
  std::size_t i = 0;
  const std::size_t n = s.size();
  while (i < n) {
    auto c = static_cast<unsigned char>(s[i]);
    if (!is_word_byte(c) || is_curly_apostrophe(s, i)) {
      ++i;
      continue;
    }
    Token t{{}, static_cast<std::uint32_t>(i), 0};
    while (i < n) {
      if (is_curly_apostrophe(s, i)) {
        // an apostrophe inside a word ("don’t") joins it; at the edge it ends the word
        if (i + 3 < n && is_word_byte(static_cast<unsigned char>(s[i + 3])) && !t.norm.empty()) {
          t.norm.push_back('\'');
          i += 3;
          continue;
        }
        break;
      }
      c = static_cast<unsigned char>(s[i]);
      if (is_word_byte(c)) {
        t.norm.push_back(lower(static_cast<char>(c)));
        ++i;
      } else if (c == '\'' && i + 1 < n && is_word_byte(static_cast<unsigned char>(s[i + 1])) &&
                 !t.norm.empty()) {
        t.norm.push_back('\'');
        ++i;
      } else {
        break;
      }
    }
    // "C++", "C#", "F#": the symbols are part of the name, or "C++" would match "C"
    if (i < n && (s[i] == '+' || s[i] == '#') && t.norm.size() <= 2 && t.norm[0] >= 'a' && t.norm[0] <= 'z') {
      std::size_t j = i;
      while (j < n && (s[j] == '+' || s[j] == '#') && j - i < 2) ++j;
      if (j == n || !is_word_byte(static_cast<unsigned char>(s[j]))) {
        t.norm.append(s.substr(i, j - i));
        i = j;
      }
    }
    t.end = static_cast<std::uint32_t>(i);
    out.push_back(std::move(t));
  }
  return out;
}

std::vector<std::string> words(std::string_view s) {
  std::vector<std::string> out;
  for (auto& t : tokenize(s)) out.push_back(std::move(t.norm));
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
    s.remove_suffix(1);
  return s;
}

std::string collapse_ws(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : trim(s)) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

std::string fold_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::string c = collapse_ws(s);
  for (std::size_t i = 0; i < c.size(); ++i) {
    if (is_curly_apostrophe(c, i)) {
      out.push_back('\'');
      i += 2;
      continue;
    }
    out.push_back(lower(c[i]));
  }
  return out;
}

bool is_stopword(std::string_view w) noexcept {
  static constexpr std::array<std::string_view, 74> kStop{
      "a",     "an",   "the",   "and",  "or",    "of",     "to",    "in",    "on",   "at",
      "for",   "with", "by",    "from", "is",    "are",    "was",   "were",  "be",   "been",
      "do",    "does", "did",   "has",  "have",  "had",    "you",   "your",  "i",    "i'm",
      "me",    "my",   "we",    "our",  "it",    "it's",   "that",  "this",  "what", "which",
      "who",   "how",  "when",  "where", "there", "they",  "their", "he",    "she",  "his",
      "her",   "so",   "as",    "if",   "can",   "could",  "would", "will",  "any",  "about",
      "candidate", "candidate's", "um", "uh", "like", "just", "okay", "ok", "well", "oh", "yeah",
      "please", "tell", "us"};
  return std::find(kStop.begin(), kStop.end(), w) != kStop.end();
}

std::string stem(std::string_view w) {
  std::string s(w);
  auto ends = [&](std::string_view suf) {
    return s.size() > suf.size() + 2 && std::string_view(s).substr(s.size() - suf.size()) == suf;
  };
  if (ends("'s")) s.resize(s.size() - 2);
  if (ends("ies")) {
    s.resize(s.size() - 3);
    s += 'y';
  } else if (ends("ing")) {
    s.resize(s.size() - 3);
  } else if (ends("ed") && !ends("eed")) {
    s.resize(s.size() - 2);
  } else if (ends("s") && !ends("ss") && !ends("us") && !ends("is")) {
    s.resize(s.size() - 1);
  } else if (s.size() > 4 && s.back() == 'e' && s[s.size() - 2] != 'e') {
    s.pop_back();  // "relocate" meets "relocating"/"relocated": both "relocat"
  }
  return s;
}

std::vector<std::pair<std::size_t, std::size_t>> sentences(std::string_view s) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if ((c == '.' || c == '!' || c == '?' || c == '\n') &&
        (i + 1 == s.size() || s[i + 1] == ' ' || s[i + 1] == '\n' || s[i + 1] == '"')) {
      // "e.g." / "Mr." / decimals are rare in answers; a digit after '.' never splits
      auto piece = trim(s.substr(start, i + 1 - start));
      if (!piece.empty()) {
        auto b = static_cast<std::size_t>(piece.data() - s.data());
        out.emplace_back(b, b + piece.size());
      }
      start = i + 1;
    }
  }
  auto piece = trim(s.substr(std::min(start, s.size())));
  if (!piece.empty()) {
    auto b = static_cast<std::size_t>(piece.data() - s.data());
    out.emplace_back(b, b + piece.size());
  }
  return out;
}

long find_phrase(const std::vector<Token>& toks, const std::vector<std::string>& phrase,
                 std::size_t from) {
  if (phrase.empty() || toks.size() < phrase.size()) return -1;
  for (std::size_t i = from; i + phrase.size() <= toks.size(); ++i) {
    bool ok = true;
    for (std::size_t j = 0; j < phrase.size() && ok; ++j) ok = toks[i + j].norm == phrase[j];
    if (ok) return static_cast<long>(i);
  }
  return -1;
}

bool has_phrase(const std::vector<Token>& toks, std::string_view phrase) {
  return find_phrase(toks, words(phrase)) >= 0;
}

bool has_any(const std::vector<Token>& toks, std::initializer_list<std::string_view> phrases) {
  for (auto p : phrases)
    if (has_phrase(toks, p)) return true;
  return false;
}

bool has_any(const std::vector<Token>& toks, const std::vector<std::string_view>& phrases) {
  for (auto p : phrases)
    if (has_phrase(toks, p)) return true;
  return false;
}

PhraseList::PhraseList(std::initializer_list<std::string_view> phrases) : texts_(phrases) {
  words_.reserve(texts_.size());
  for (auto p : texts_) words_.push_back(words(p));
}

long first_phrase(const std::vector<Token>& toks, const PhraseList& list) {
  const auto& ps = list.phrases();
  for (std::size_t i = 0; i < ps.size(); ++i)
    if (find_phrase(toks, ps[i]) >= 0) return static_cast<long>(i);
  return -1;
}

bool has_any(const std::vector<Token>& toks, const PhraseList& list) { return first_phrase(toks, list) >= 0; }

long phrase_at(const std::vector<Token>& toks, const PhraseList& list, std::size_t at) {
  const auto& ps = list.phrases();
  for (std::size_t i = 0; i < ps.size(); ++i) {
    const auto& p = ps[i];
    if (p.empty() || at + p.size() > toks.size()) continue;
    bool ok = true;
    for (std::size_t j = 0; j < p.size() && ok; ++j) ok = toks[at + j].norm == p[j];
    if (ok) return static_cast<long>(i);
  }
  return -1;
}

bool is_digits(std::string_view s) noexcept {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace leverkit::autofill::detail
