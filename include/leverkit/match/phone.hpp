// leverkit/match/phone.hpp — phone numbers in E.164.
//
// What: `normalize_phone` parses a number as people write it ("(415) 555-0132", "+44 20 7946
// 0958", "tel:+1-415-555-0132;ext=2") with libphonenumber against a default region and returns
// E.164. Plain "+digits" and NANP 10/11-digit forms take a fast path that gives libphonenumber's
// answer without its ~20 us parse. `phone_block_key` is the last 9 digits, equal for the
// national and international form of one number; the index uses it without parsing.
// Errors: nullopt when the text is not a possible phone number.
// Thread-safety: thread-safe (libphonenumber's PhoneNumberUtil is a thread-safe singleton).
// Example:
//   leverkit::match::normalize_phone("(415) 555-0132", "US");   // "+14155550132"
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace leverkit::inline v0::match {

std::optional<std::string> normalize_phone(std::string_view raw, std::string_view default_region = "US");

/// Slow path only (always libphonenumber); exposed so tests can check the fast path against it.
std::optional<std::string> normalize_phone_libphonenumber(std::string_view raw, std::string_view default_region);

/// Last 9 digits of the number ("" when it has fewer than 7 digits).
std::string phone_block_key(std::string_view raw);

enum class PhoneMatch { none, nsn, exact };
/// EXACT: same E.164; NSN: same national significant number where one side lacks a country code.
PhoneMatch compare_phones(std::string_view a_raw, std::string_view b_raw, std::string_view default_region = "US");

}  // namespace leverkit::match
