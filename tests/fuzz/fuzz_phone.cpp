// libFuzzer target: phone parsing and comparison. The input is split at its first newline into
// two numbers; the first byte also picks the default region.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "leverkit/match/phone.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace leverkit::match;
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  static constexpr std::string_view regions[] = {"US", "GB", "DE", "JP", "IN", "BR", "", "ZZ"};
  const std::string_view region = regions[size ? data[0] % 8 : 0];
  const auto nl = in.find('\n');
  const std::string_view a = in.substr(0, nl);
  const std::string_view b = nl == std::string_view::npos ? std::string_view{} : in.substr(nl + 1);
  (void)normalize_phone(a, region);
  (void)normalize_phone_libphonenumber(a, region);
  (void)phone_block_key(a);
  (void)compare_phones(a, b, region);
  return 0;
}
