// libFuzzer target: webhooks — an event delivery body as Lever posts it, the /webhooks management
// responses, and the signature check (WebhookVerifier) on whatever decodes.
// Beyond "never crash": for every decodable delivery, the correctly signed copy verifies (in any
// hex case), a wrong signature and a stale triggeredAt are refused as unauthorized.
#include <cctype>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "leverkit/client/clock.hpp"
#include "leverkit/client/webhook_verifier.hpp"
#include "leverkit/models/webhook.hpp"

namespace {

// A wall clock the target sets per input (the verifier reads only wall_now()).
class FixedClock final : public leverkit::Clock {
 public:
  std::chrono::system_clock::time_point wall{};
  [[nodiscard]] time_point now() const override { return {}; }
  [[nodiscard]] std::chrono::system_clock::time_point wall_now() const override { return wall; }
};

constexpr std::string_view kSigningToken = "fuzz-signature-token";
constexpr auto kTolerance = std::chrono::minutes(5);

void require(bool ok) {
  if (!ok) std::abort();  // a property violation is a finding, like a crash
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace leverkit;
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  (void)decode_webhook(in);
  (void)decode_webhook_page(in);

  auto clock = std::make_shared<FixedClock>();
  clock->wall = std::chrono::system_clock::time_point{std::chrono::seconds{1'767'225'600}};
  const WebhookVerifier verifier({std::string(kSigningToken)}, {.tolerance = kTolerance, .clock = clock});
  (void)verifier.verify(in);  // decode + verify against the 2026 clock: any result, no crash

  auto delivery = decode_webhook_delivery(in);
  if (!delivery) return 0;
  const auto ms = to_unix_ms(delivery.value().triggered_at);
  // system_clock counts nanoseconds: only instants within ±290 years of 1970 are representable.
  if (ms <= -9'000'000'000'000LL || ms >= 9'000'000'000'000LL) return 0;
  clock->wall = std::chrono::system_clock::time_point{std::chrono::milliseconds{ms}};

  const std::string good = WebhookVerifier::sign(kSigningToken, delivery.value().token, delivery.value().triggered_at);
  const bool fuzzed_sig_is_good = delivery.value().signature && lower(*delivery.value().signature) == good;
  const auto as_received = verifier.verify(delivery.value());
  require(as_received.has_value() == fuzzed_sig_is_good);
  if (!as_received) require(as_received.error().code == Errc::unauthorized);

  WebhookDelivery signed_copy = delivery.value();
  signed_copy.signature = good;
  require(verifier.verify(signed_copy).has_value());
  std::string upper = good;
  for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  signed_copy.signature = upper;
  require(verifier.verify(signed_copy).has_value());

  clock->wall += kTolerance + std::chrono::milliseconds(1);  // one ms too late: a replay
  const auto stale = verifier.verify(signed_copy);
  require(!stale && stale.error().code == Errc::unauthorized);
  return 0;
}
