// Typed readers, part 1: statements (hedges, corrections, negation, yes/no answers), option
// mentions and buckets, and the shared word helpers (reader_words.hpp). Dates: read_dates.cpp;
// numbers: read_numbers.cpp.
#include "detail/readers.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <utility>

#include "detail/reader_words.hpp"

namespace leverkit::inline v0::autofill::detail {
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
}  // namespace

namespace reader_words {

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

}  // namespace reader_words

using reader_words::count_before_unit;
using reader_words::unit_word;

std::string unit_of(std::string_view w) { return unit_word(w); }

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
