// Private: word helpers the typed readers share across readers.cpp, read_dates.cpp and
// read_numbers.cpp ("in two weeks", "a couple of years": a count before a unit, unit words).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "detail/text.hpp"

namespace leverkit::inline v0::autofill::detail::reader_words {

/// Leading number for "in N weeks": digits, number words, "a"/"an", "a couple of"; -1 if none.
/// `*used` is set to the number of tokens read.
int count_before_unit(const std::vector<Token>& toks, std::size_t i, std::size_t* used);
/// Unit words normalised ("yrs" → "year"); empty when `w` is not a unit.
std::string unit_word(std::string_view w);

}  // namespace leverkit::autofill::detail::reader_words
