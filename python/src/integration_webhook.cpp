// leverkit::integration bindings, part 3: Lever webhook deliveries into the SyncStore
// (WebhookReceiver) and the signature helper hosts need to test their endpoint. GIL: handle()
// and apply() run with it released (they may re-read objects from Lever and write the store).
#include "integration.hpp"

#ifdef LEVERKIT_PY_HAS_INTEGRATION

#include "leverkit/client/webhook_verifier.hpp"
#include "leverkit/integration/webhook_receiver.hpp"

namespace leverkit::inline v0::py::integration_bindings {

void bind_webhooks(nb::module_& m) {
  nb::enum_<WebhookEventType>(m, "WebhookEventType", "Every event Lever sends to a webhook.")
      .value("application_created", WebhookEventType::application_created)
      .value("candidate_hired", WebhookEventType::candidate_hired)
      .value("candidate_stage_change", WebhookEventType::candidate_stage_change)
      .value("candidate_archive_change", WebhookEventType::candidate_archive_change)
      .value("candidate_deleted", WebhookEventType::candidate_deleted)
      .value("interview_created", WebhookEventType::interview_created)
      .value("interview_updated", WebhookEventType::interview_updated)
      .value("interview_deleted", WebhookEventType::interview_deleted)
      .value("contact_created", WebhookEventType::contact_created)
      .value("contact_updated", WebhookEventType::contact_updated)
      .value("unknown", WebhookEventType::unknown);
  m.def("webhook_event_type", &webhook_event_type, nb::arg("event"),
        "The WebhookEventType of a delivery's `event` name (\"interviewCreated\" ...); unknown for others.");
  bind_struct<WebhookEventData>(m, "WebhookEventData", "The ids an event's data carries (whichever are present).",
                                LK_RO, LK_F(WebhookEventData, opportunity_id), LK_F(WebhookEventData, candidate_id),
                                LK_F(WebhookEventData, contact_id), LK_F(WebhookEventData, interview_id),
                                LK_F(WebhookEventData, panel_id), LK_F(WebhookEventData, application_id),
                                LK_F(WebhookEventData, to_stage_id), LK_F(WebhookEventData, from_stage_id));
  bind_struct<WebhookDelivery>(m, "WebhookDelivery", "A decoded delivery body (data_json is `data` as received).",
                               LK_RO, LK_F(WebhookDelivery, id), LK_F(WebhookDelivery, event),
                               LK_F(WebhookDelivery, triggered_at), LK_F(WebhookDelivery, token),
                               LK_F(WebhookDelivery, data_json));
  bind_struct<ObjectRef>(m, "ObjectRef", "A stored object's kind and id.", LK_RO, LK_F(ObjectRef, kind),
                         LK_F(ObjectRef, id));
  bind_struct<WebhookResult>(m, "WebhookResult",
                             "What handling a delivery did: replay (already handled, nothing changed), applied "
                             "(the store changed) and the objects written or tombstoned.",
                             LK_RO, LK_F(WebhookResult, delivery), LK_F(WebhookResult, type), LK_F(WebhookResult, data),
                             LK_F(WebhookResult, replay), LK_F(WebhookResult, applied), LK_F(WebhookResult, changed));
  m.def(
      "sign_webhook",
      [](std::string_view signature_token, std::string_view token, Timestamp triggered_at) {
        return WebhookVerifier::sign(signature_token, token, triggered_at);
      },
      nb::arg("signature_token"), nb::arg("token"), nb::arg("triggered_at"),
      "Lever's signature of a delivery (lowercase hex HMAC-SHA256 of token + triggeredAt in ms): for "
      "testing a webhook endpoint with deliveries of your own.");
  nb::class_<WebhookReceiver>(
      m, "WebhookReceiver",
      "Verifies Lever webhook deliveries (signature, freshness, replayed token or event id, kept in the "
      "store) and applies interview and candidate events to the SyncStore, re-reading the objects from "
      "Lever. handle() raises Unauthorized (answer 401), DecodeError (400), the client's error when the "
      "re-read fails (answer 5xx so Lever retries); a replay is not an error (result.replay, answer 2xx).")
      .def(
          "__init__",
          [](WebhookReceiver* self, const Client& client, std::shared_ptr<SyncStore> store,
             std::vector<std::string> signature_tokens, std::chrono::milliseconds tolerance, bool refetch) {
            WebhookReceiverOptions o;
            o.verify.tolerance = tolerance;
            o.refetch = refetch;
            new (self) WebhookReceiver(client, std::move(store), std::move(signature_tokens), std::move(o));
          },
          nb::arg("client"), nb::arg("store"), nb::arg("signature_tokens"), nb::kw_only(),
          nb::arg("tolerance") = std::chrono::milliseconds(std::chrono::minutes(5)), nb::arg("refetch") = true,
          "signature_tokens: the webhooks' signature tokens (several while rotating). tolerance: the largest "
          "accepted |now - triggeredAt|. refetch=False stores only tombstones and the replay record.")
      .def(
          "handle",
          [](const WebhookReceiver& rx, nb::bytes body) {
            std::string copy(body.c_str(), body.size());
            return call_released([&] { return rx.handle(copy); });
          },
          nb::arg("body"), "Verifies and applies one delivery body (the request's raw bytes).")
      .def(
          "handle",
          [](const WebhookReceiver& rx, std::string body) { return call_released([&] { return rx.handle(body); }); },
          nb::arg("body"), "Verifies and applies one delivery body.");
}

}  // namespace leverkit::py::integration_bindings

#endif
