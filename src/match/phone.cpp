#include "leverkit/match/phone.hpp"

#include <phonenumbers/phonenumberutil.h>

#include "text_util.hpp"

namespace leverkit::inline v0::match {
namespace {

// Digits only, or "" if the text holds letters other than an extension marker: "tel:" URIs,
// spaces, dots, dashes, parentheses and a leading '+' are separators.
struct Digits {
  std::string digits;
  bool plus = false;
  bool clean = true;  // no extension, no letters: eligible for the fast path
};

Digits scan(std::string_view raw) {
  Digits d;
  std::string_view s = detail::trim(raw);
  if (s.size() >= 4 && detail::lower(s.substr(0, 4)) == "tel:") s.remove_prefix(4);
  for (char c : s) {
    if (detail::is_digit(c)) d.digits.push_back(c);
    else if (c == '+' && d.digits.empty()) d.plus = true;
    else if (c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/') continue;
    else d.clean = false;
  }
  return d;
}

}  // namespace

std::optional<std::string> normalize_phone_libphonenumber(std::string_view raw, std::string_view default_region) {
  using i18n::phonenumbers::PhoneNumber;
  using i18n::phonenumbers::PhoneNumberUtil;
  const PhoneNumberUtil* util = PhoneNumberUtil::GetInstance();
  PhoneNumber number;
  std::string text(raw);
  if (text.size() >= 4 && detail::lower(std::string_view(text).substr(0, 4)) == "tel:") text.erase(0, 4);
  if (util->Parse(text, std::string(default_region), &number) != PhoneNumberUtil::NO_PARSING_ERROR) return std::nullopt;
  if (!util->IsPossibleNumber(number)) return std::nullopt;
  std::string out;
  util->Format(number, PhoneNumberUtil::E164, &out);
  return out;
}

std::optional<std::string> normalize_phone(std::string_view raw, std::string_view default_region) {
  Digits d = scan(raw);
  if (d.digits.size() < 7 || d.digits.size() > 15) {
    if (d.clean) return std::nullopt;
    return normalize_phone_libphonenumber(raw, default_region);
  }
  if (d.clean) {
    // Fast paths that coincide with libphonenumber's result for possible numbers: an explicit
    // international number, and NANP numbers in a NANP default region.
    if (d.plus && d.digits.front() != '0') {
      if (d.digits.front() == '1' && d.digits.size() != 11) return std::nullopt;
      if (d.digits.front() != '1') return normalize_phone_libphonenumber(raw, default_region);
      return "+" + d.digits;
    }
    if (default_region == "US" || default_region == "CA") {
      if (d.digits.size() == 10 && d.digits[0] >= '2') return "+1" + d.digits;
      if (d.digits.size() == 11 && d.digits[0] == '1' && d.digits[1] >= '2') return "+" + d.digits;
    }
  }
  return normalize_phone_libphonenumber(raw, default_region);
}

std::string phone_block_key(std::string_view raw) {
  std::string d = scan(raw).digits;
  if (d.size() < 7) return {};
  return d.size() > 9 ? d.substr(d.size() - 9) : d;
}

PhoneMatch compare_phones(std::string_view a_raw, std::string_view b_raw, std::string_view default_region) {
  auto a = normalize_phone(a_raw, default_region);
  auto b = normalize_phone(b_raw, default_region);
  if (a && b && *a == *b) return PhoneMatch::exact;
  auto ka = phone_block_key(a_raw), kb = phone_block_key(b_raw);
  if (!ka.empty() && ka == kb && ka.size() >= 9) return PhoneMatch::nsn;
  return PhoneMatch::none;
}

}  // namespace leverkit::match
