// libFuzzer target: conference-link parsing (one URL, URL unwrapping, and extraction from free
// text such as a calendar description).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "leverkit/match/conference.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace leverkit::match;
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  (void)unwrap_url(in);
  (void)parse_conference_url(in);
  (void)extract_conference(in);
  return 0;
}
