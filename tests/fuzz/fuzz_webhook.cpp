// libFuzzer target: webhook parsing — an event delivery body as Lever posts it, and the
// /webhooks management responses.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "leverkit/models/webhook.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  (void)leverkit::decode_webhook_delivery(in);
  (void)leverkit::decode_webhook(in);
  (void)leverkit::decode_webhook_page(in);
  return 0;
}
