// The webhook outbox: signed events queued by writes, handed to the delivery thread, their
// outcomes, and the admin view /__sandbox/webhooks.
#include <chrono>

#include "api_impl.hpp"

namespace leverkit::sandbox::detail {

void Api::Impl::emit(std::string_view event, Value data) {
  if (opt.webhook_url.empty() && store.webhooks.size() == 0) return;
  std::int64_t triggered = now_ms();
  std::vector<std::pair<std::string, std::string>> targets;  // url, signature token
  if (!opt.webhook_url.empty()) targets.emplace_back(opt.webhook_url, webhook_token);
  for (std::size_t i = 0; i < store.webhooks.size(); ++i) {
    const Record& r = store.webhooks.at(i);
    if (r.deleted || r.value.str("event") != event) continue;
    targets.emplace_back(r.value.str("url"), r.secret);
  }
  std::lock_guard lock(webhook_mutex);
  for (const auto& [url, key] : targets) {
    std::string token = webhook_rng.hex(48);
    Value body = Value::object();
    body.set("id", webhook_rng.uuid());
    body.set("event", event);
    body.set("triggeredAt", triggered);
    body.set("token", token);
    body.set("signature", hmac_sha256_hex(key, token + std::to_string(triggered)));
    body.set("data", data);
    outbox.push_back(WebhookDelivery{std::string(event), url, to_json(body)});
  }
  webhook_cv.notify_one();
}

std::optional<ApiResponse> Api::Impl::admin_webhooks(const ApiRequest& req) {
  std::string_view p = req.path;
  const std::string& m = req.method;
  if (p == "/__sandbox/webhooks" && m == "GET") {
    Value out = Value::object();
    out.set("url", opt.webhook_url);
    out.set("signatureToken", webhook_token);
    Value list = Value::array();
    std::lock_guard lock(webhook_mutex);
    for (const auto& d : delivered) {
      Value v = Value::object();
      v.set("event", d.event);
      v.set("url", d.url);
      v.set("status", d.status);
      v.set("attempts", d.attempts);
      list.push_back(std::move(v));
    }
    out.set("deliveries", std::move(list));
    out.set("pending", outbox.size());
    return json(200, to_json(out));
  }
  return std::nullopt;
}

std::optional<WebhookDelivery> Api::next_delivery(int timeout_ms) {
  std::unique_lock lock(impl_->webhook_mutex);
  impl_->webhook_cv.wait_for(lock, std::chrono::milliseconds(timeout_ms),
                             [&] { return impl_->stopping || !impl_->outbox.empty(); });
  if (impl_->outbox.empty()) return std::nullopt;
  WebhookDelivery d = std::move(impl_->outbox.front());
  impl_->outbox.pop_front();
  return d;
}

void Api::record_delivery(DeliveryOutcome outcome) {
  std::lock_guard lock(impl_->webhook_mutex);
  if (impl_->delivered.size() >= 1000) impl_->delivered.erase(impl_->delivered.begin());
  impl_->delivered.push_back(std::move(outcome));
}

void Api::shutdown() {
  std::lock_guard lock(impl_->webhook_mutex);
  impl_->stopping = true;
  impl_->webhook_cv.notify_all();
}

}  // namespace leverkit::sandbox::detail
