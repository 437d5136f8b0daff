// libFuzzer target: the Lever snapshot file loader (each of the six file kinds on the input).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "leverkit/match/lever_files.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  leverkit::match::LeverSnapshot snap;
  for (const char* name : {"opportunities.json", "interviews.json", "panels.json", "users.json", "postings.json", "stages.json"})
    (void)leverkit::match::parse_lever_file(name, in, snap);
  return 0;
}
