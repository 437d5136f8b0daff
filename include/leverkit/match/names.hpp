// leverkit/match/names.hpp — person names folded for comparison, with nicknames.
//
// What: `fold_text` (ICU: transliterate to Latin, strip marks via NFKD, Latin-ASCII, case-fold;
// pure-ASCII input takes a fast path), `name_tokens` (folded tokens without honorifics or
// suffixes), `jaro_winkler`, `nickname_equivalent` (a built-in table of English given names),
// and `compare_names` giving the agreement level used by the matcher.
// Errors: none; unreadable UTF-8 is folded byte-wise.
// Thread-safety: thread-safe (each thread lazily clones its own ICU transliterator).
// Example:
//   leverkit::match::name_tokens("Dr. José Müller-Lüdenscheidt");  // {"jose","muller","ludenscheidt"}
//   leverkit::match::compare_names(name_tokens("Bill Smith"), name_tokens("William Smith"));  // nickname
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace leverkit::inline v0::match {

std::string fold_text(std::string_view utf8);
std::vector<std::string> name_tokens(std::string_view name);
double jaro_winkler(std::string_view a, std::string_view b) noexcept;
bool nickname_equivalent(std::string_view a, std::string_view b) noexcept;

enum class NameLevel { missing, different, partial, surname_only, fuzzy, nickname, exact };
NameLevel compare_names(const std::vector<std::string>& a, const std::vector<std::string>& b);
std::string_view to_string(NameLevel l) noexcept;

}  // namespace leverkit::match
