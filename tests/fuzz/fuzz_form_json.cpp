// libFuzzer target: autofill's feedback template / feedback form reader.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "leverkit/autofill/form_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  (void)leverkit::autofill::read_form_json(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
