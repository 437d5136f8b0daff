// Lever webhook signatures (lever-api.md §7; ADR 0062).
#include "leverkit/fmt.hpp"
#include "leverkit/client/webhook_verifier.hpp"

#include <cctype>
#include <cstdlib>

#include <fmt/format.h>

#include "crypto.hpp"

namespace leverkit::inline v0 {

WebhookVerifier::WebhookVerifier(std::vector<std::string> signature_tokens, WebhookVerifierOptions options)
    : tokens_(std::move(signature_tokens)), options_(std::move(options)) {
  std::erase_if(tokens_, [](const std::string& t) { return t.empty(); });
  if (!options_.clock) options_.clock = steady_clock_source();
}

std::string WebhookVerifier::sign(std::string_view signature_token, std::string_view token, Timestamp triggered_at) {
  return detail::hmac_sha256_hex(signature_token, fmt::format("{}{}", token, to_unix_ms(triggered_at)));
}

Result<void> WebhookVerifier::verify(const WebhookDelivery& d) const {
  if (tokens_.empty()) return Error(Errc::invalid_argument, "WebhookVerifier: no signature token configured");
  if (!d.signature || d.signature->empty())
    return Error(Errc::unauthorized, fmt::format("webhook {}: the delivery carries no signature", d.event));
  std::string sig = *d.signature;
  for (auto& c : sig) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  bool ok = false;
  // Every token is tried (no early exit), so timing does not tell which one matched.
  for (const auto& t : tokens_) ok = detail::constant_time_equal(sign(t, d.token, d.triggered_at), sig) || ok;
  if (!ok) return Error(Errc::unauthorized, fmt::format("webhook {}: signature does not match", d.event));
  auto now = std::chrono::time_point_cast<std::chrono::milliseconds>(options_.clock->wall_now());
  auto skew = std::chrono::abs(now.time_since_epoch() - d.triggered_at.time_since_epoch());
  if (skew > options_.tolerance)
    return Error(Errc::unauthorized,
                 fmt::format("webhook {}: triggeredAt {} is {} ms from now, more than the {} ms tolerance (stale or replayed)",
                             d.event, to_unix_ms(d.triggered_at), skew.count(), options_.tolerance.count()));
  return success();
}

Result<WebhookDelivery> WebhookVerifier::verify(std::string_view body) const {
  LEVERKIT_TRY(d, decode_webhook_delivery(body));
  LEVERKIT_TRYV(verify(d));
  return d;
}

}  // namespace leverkit
