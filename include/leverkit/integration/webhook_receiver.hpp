// leverkit/integration/webhook_receiver.hpp — Lever webhook deliveries into the SyncStore.
//
// What: `WebhookReceiver::handle(body)` verifies a delivery (`WebhookVerifier`: signature over
// token + triggeredAt, stale triggeredAt rejected), rejects a replayed token or event id (kept in
// the store, so replays are caught across processes and restarts), parses every Lever event type
// and applies interview* and candidate* events to the store: Lever's payloads carry ids only, so
// the receiver re-reads the interview / panel / opportunity from Lever and stores that (source =
// webhook); interviewDeleted and candidateDeleted leave tombstones. The token is claimed in the
// same store transaction as the changes: a redelivery after a crash is applied once, a
// redelivery after success is a replay and changes nothing.
// Errors: what WebhookVerifier returns (answer 401), decode_error for a malformed event payload
// (answer 400), the client's error when the re-read fails (answer 5xx so Lever retries; the
// token was not claimed), io_error from the store. A replay is not an error: `replay == true`
// (answer 2xx so Lever stops retrying).
// Thread-safety: handle() may be called concurrently; the store serialises the writes.
// Example:
//   leverkit::integration::WebhookReceiver rx(client, store, {signature_token});
//   auto r = rx.handle(request_body);
//   int status = !r ? (r.error().code == leverkit::Errc::unauthorized ? 401 : 400) : 200;
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "leverkit/client/client.hpp"
#include "leverkit/client/webhook_verifier.hpp"
#include "leverkit/integration/sync_store.hpp"
#include "leverkit/models/webhook.hpp"

namespace leverkit::inline v0::integration {

/// Every event Lever sends (lever-api.md §7).
enum class WebhookEventType {
  application_created,
  candidate_hired,
  candidate_stage_change,
  candidate_archive_change,
  candidate_deleted,
  interview_created,
  interview_updated,
  interview_deleted,
  contact_created,
  contact_updated,
  unknown,
};

WebhookEventType webhook_event_type(std::string_view event) noexcept;
std::string_view to_string(WebhookEventType t) noexcept;

/// The ids an event's `data` carries (whichever are present).
struct WebhookEventData {
  std::optional<std::string> opportunity_id;
  std::optional<std::string> candidate_id;
  std::optional<std::string> contact_id;
  std::optional<std::string> interview_id;
  std::optional<std::string> panel_id;
  std::optional<std::string> application_id;
  std::optional<std::string> to_stage_id;
  std::optional<std::string> from_stage_id;
};

/// Parses a delivery's `data_json` (any event; unknown keys ignored).
Result<WebhookEventData> parse_webhook_event_data(std::string_view data_json);

struct WebhookResult {
  WebhookDelivery delivery;
  WebhookEventType type = WebhookEventType::unknown;
  WebhookEventData data;
  bool replay = false;     // already handled: nothing was changed
  bool applied = false;    // the store changed (interview* / candidate* events)
  std::vector<ObjectRef> changed;  // objects written or tombstoned
};

struct WebhookReceiverOptions {
  WebhookVerifierOptions verify;
  /// Re-read changed objects from Lever (otherwise only tombstones and the replay record are
  /// written; an offline host can queue the event ids and sync later).
  bool refetch = true;
};

class WebhookReceiver {
 public:
  WebhookReceiver(Client client, std::shared_ptr<SyncStore> store, std::vector<std::string> signature_tokens,
                  WebhookReceiverOptions options = {});

  Result<WebhookResult> handle(std::string_view body) const;
  /// For a delivery already verified elsewhere (replay check and apply only).
  Result<WebhookResult> apply(const WebhookDelivery& delivery) const;

 private:
  Client client_;
  std::shared_ptr<SyncStore> store_;
  WebhookVerifier verifier_;
  WebhookReceiverOptions options_;
};

}  // namespace leverkit::integration
