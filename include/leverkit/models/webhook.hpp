// leverkit/models/webhook.hpp — webhook subscriptions and the deliveries Lever POSTs to them.
//
// What: `Webhook` (the `/webhooks` management resource; `signature_token` only in the create
// response) and `WebhookDelivery` (an event body: `{id, event, triggeredAt, token, signature,
// data}`). The event-specific `data` is kept verbatim as JSON text, and for
// `candidateStageChange` also decoded into typed fields. Lever signs `token + triggeredAt`, not
// the body (lever-api.md §7); verification lives in the client layer.
// Errors: decoders return decode_error naming the JSON path.
// Thread-safety: value types; decoders are reentrant.
// Example:
//   LEVERKIT_TRY(d, leverkit::decode_webhook_delivery(request_body));
//   if (d.stage_change) fmt::print("{} -> {}\n", d.stage_change->opportunity_id, d.stage_change->to_stage_id);
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "leverkit/models/common.hpp"
#include "leverkit/models/error.hpp"
#include "leverkit/models/time.hpp"

namespace leverkit::inline v0 {

struct WebhookConditions {
  std::vector<std::string> origins;  // applied, sourced, referred, university, internal, agency
  friend bool operator==(const WebhookConditions&, const WebhookConditions&) = default;
};

struct WebhookConfiguration {
  std::optional<WebhookConditions> conditions;
  std::optional<std::string> signature_token;  // returned by POST /webhooks only
  friend bool operator==(const WebhookConfiguration&, const WebhookConfiguration&) = default;
};

struct Webhook {
  std::string id;
  std::string url;
  std::string event;  // applicationCreated, candidateHired, candidateStageChange, ...
  WebhookConfiguration configuration;
  std::optional<Timestamp> created_at;
  std::optional<Timestamp> updated_at;
  friend bool operator==(const Webhook&, const Webhook&) = default;
};

/// `data` of a `candidateStageChange` delivery.
struct CandidateStageChangeData {
  std::string opportunity_id;
  std::optional<std::string> candidate_id;  // deprecated alias of the opportunity id
  std::optional<std::string> contact_id;
  std::string to_stage_id;
  std::optional<std::string> from_stage_id;
  friend bool operator==(const CandidateStageChangeData&, const CandidateStageChangeData&) = default;
};

struct WebhookDelivery {
  std::optional<std::string> id;  // in Lever's schema, missing from its examples
  std::string event;
  Timestamp triggered_at{};
  std::string token;
  std::optional<std::string> signature;  // absent when no signing token exists
  std::string data_json;                 // `data` exactly as received ("{}" for a test ping)
  std::optional<CandidateStageChangeData> stage_change;  // event == "candidateStageChange"
  friend bool operator==(const WebhookDelivery&, const WebhookDelivery&) = default;
};

Result<Webhook> decode_webhook(std::string_view json);
Result<Page<Webhook>> decode_webhook_page(std::string_view json);
/// A delivery body (never wrapped in `data`: `data` is the event payload). Requires `event`,
/// `triggeredAt` and `token`.
Result<WebhookDelivery> decode_webhook_delivery(std::string_view json);

}  // namespace leverkit
