// libFuzzer target: the call JSON-lines reader of `leverkit match` (one call per input).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "leverkit/match/call_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  (void)leverkit::match::parse_call_json(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
