// libFuzzer target: the text-to-time readers (ISO 8601 instants, Retry-After values).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "leverkit/client/retry.hpp"
#include "leverkit/models/time.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  (void)leverkit::parse_iso8601(in);
  (void)leverkit::parse_retry_after(in, std::chrono::system_clock::time_point{std::chrono::seconds(1'767'225'600)});
  return 0;
}
