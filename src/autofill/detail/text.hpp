// Private: tokenising, folding and phrase matching shared by the classifier, the retriever and
// the readers. ASCII letters are lower-cased; other UTF-8 bytes are kept as word characters (so
// "São" stays one token) and curly apostrophes become straight ones. No ICU: labels, options and
// the English cue lexicons are matched on this folding, which is all the readers need.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace leverkit::inline v0::autofill::detail {

struct Token {
  std::string norm;     // folded form
  std::uint32_t begin;  // byte offsets into the source text
  std::uint32_t end;
};

std::vector<Token> tokenize(std::string_view s);
/// Folded tokens only (no offsets).
std::vector<std::string> words(std::string_view s);
/// Lower-cases ASCII, straightens curly quotes, collapses whitespace runs to one space, trims.
std::string fold_text(std::string_view s);
/// Collapses whitespace runs to one space and trims; keeps case.
std::string collapse_ws(std::string_view s);
std::string_view trim(std::string_view s);

bool is_stopword(std::string_view w) noexcept;
/// Light English stemmer for retrieval: plural and a few suffixes ("skills" → "skill").
std::string stem(std::string_view w);

/// Sentence spans (byte ranges) in `s`; splits after . ! ? followed by space or end.
std::vector<std::pair<std::size_t, std::size_t>> sentences(std::string_view s);

/// Index of the first position where `phrase` (folded words) occurs as whole tokens in `toks`
/// at or after `from`; -1 if absent.
long find_phrase(const std::vector<Token>& toks, const std::vector<std::string>& phrase,
                 std::size_t from = 0);
bool has_phrase(const std::vector<Token>& toks, std::string_view phrase);
/// True when any phrase of the list occurs (phrases given as folded text, words split on ' ').
bool has_any(const std::vector<Token>& toks, std::initializer_list<std::string_view> phrases);
bool has_any(const std::vector<Token>& toks, const std::vector<std::string_view>& phrases);

bool is_digits(std::string_view s) noexcept;

/// A phrase lexicon tokenised once (lexicons are matched on every sentence of a transcript).
class PhraseList {
 public:
  PhraseList(std::initializer_list<std::string_view> phrases);
  [[nodiscard]] const std::vector<std::vector<std::string>>& phrases() const noexcept { return words_; }
  [[nodiscard]] std::string_view text(std::size_t i) const noexcept { return texts_[i]; }

 private:
  std::vector<std::string_view> texts_;
  std::vector<std::vector<std::string>> words_;
};

/// Index of the first phrase of `list` that occurs in `toks`, or -1.
long first_phrase(const std::vector<Token>& toks, const PhraseList& list);
bool has_any(const std::vector<Token>& toks, const PhraseList& list);
/// Index of the phrase that `toks` starts with (at token `at`), or -1.
long phrase_at(const std::vector<Token>& toks, const PhraseList& list, std::size_t at = 0);

}  // namespace leverkit::autofill::detail
