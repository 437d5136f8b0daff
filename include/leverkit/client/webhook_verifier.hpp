// leverkit/client/webhook_verifier.hpp — checks that a webhook delivery really comes from Lever.
//
// What: `WebhookVerifier` decodes a delivery body and verifies Lever's signature,
// hex(HMAC-SHA256(key = signature token, message = token + triggeredAt)) (lever-api.md §7: the
// body itself is not signed), comparing in constant time against every configured signature
// token (each Lever webhook subscription has its own; keep the old one during a rotation), and
// rejects a `triggeredAt` further than `tolerance` from now (a replay of an old delivery).
// Replayed tokens within the tolerance are the caller's to remember (a shared store outlives one
// process): `integration::WebhookReceiver` does that.
// Errors: decode_error (not a delivery body, naming the JSON path), unauthorized (no signature,
// a wrong one, or a stale/future triggeredAt), invalid_argument (no signature token configured).
// Messages never contain a signature token.
// Thread-safety: immutable after construction; verify from any thread.
// Example:
//   leverkit::WebhookVerifier v({signature_token}, {.tolerance = std::chrono::minutes(5)});
//   LEVERKIT_TRY(delivery, v.verify(request_body));   // answer 401 on error, 2xx otherwise
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "leverkit/client/clock.hpp"
#include "leverkit/models/error.hpp"
#include "leverkit/models/webhook.hpp"

namespace leverkit::inline v0 {

struct WebhookVerifierOptions {
  /// Largest accepted |now - triggeredAt|. Lever retries a failed delivery up to five times with
  /// growing intervals, so a host that is down for longer should widen this.
  std::chrono::milliseconds tolerance{std::chrono::minutes(5)};
  /// nullptr = steady_clock_source(); only wall_now() is used.
  std::shared_ptr<Clock> clock;
};

class WebhookVerifier {
 public:
  explicit WebhookVerifier(std::vector<std::string> signature_tokens, WebhookVerifierOptions options = {});

  /// Decodes `body` and checks its signature and freshness.
  [[nodiscard]] Result<WebhookDelivery> verify(std::string_view body) const;
  /// Checks an already decoded delivery.
  [[nodiscard]] Result<void> verify(const WebhookDelivery& delivery) const;

  /// Lever's signature for `token` + `triggered_at` (lowercase hex), e.g. to sign test deliveries.
  static std::string sign(std::string_view signature_token, std::string_view token, Timestamp triggered_at);

 private:
  std::vector<std::string> tokens_;
  WebhookVerifierOptions options_;
};

}  // namespace leverkit
