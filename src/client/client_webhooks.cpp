// Webhook management (lever-api.md §6.17). GET /webhooks omits hasNext: the paginator treats
// that as the last page.
#include <fmt/format.h>
#include "leverkit/fmt.hpp"

#include "client_state.hpp"

namespace leverkit::inline v0 {

Paginator<Webhook> Client::list_webhooks(const ListWebhooksRequest& r, const CallOptions& options) const {
  if (auto ok = detail::check_limit(r.limit); !ok) return Paginator<Webhook>(std::move(ok).error());
  detail::Query q;
  q.add("limit", r.limit);
  return detail::make_paginator<Webhook>(state_, "/webhooks", std::move(q), r.offset, options);
}

Result<Webhook> Client::create_webhook(const CreateWebhookRequest& r, const CallOptions& options) const {
  LEVERKIT_TRYV(validate(r.body));
  return detail::call_one<Webhook>(*state_, HttpMethod::post, "/webhooks", to_json(r.body), options);
}

Result<std::vector<Webhook>> Client::update_webhooks(const UpdateWebhooksRequest& r, const CallOptions& options) const {
  if (r.webhooks.empty()) return Error(Errc::invalid_argument, "UpdateWebhooksRequest::webhooks must not be empty");
  for (std::size_t i = 0; i < r.webhooks.size(); ++i)
    if (r.webhooks[i].id.empty())
      return Error(Errc::invalid_argument, fmt::format("UpdateWebhooksRequest::webhooks[{}].id must not be empty", i));
  LEVERKIT_TRY(resp, state_->execute(HttpMethod::put, "/webhooks", to_json(r.webhooks), options));
  LEVERKIT_TRY(page, detail::decode_page<Webhook>(detail::JsonInput{resp.body, resp.body.capacity()}));
  return std::move(page.data);
}

Result<void> Client::delete_webhook(const DeleteWebhookRequest& r, const CallOptions& options) const {
  LEVERKIT_TRY(path, detail::id_path("/webhooks", r.webhook_id, "DeleteWebhookRequest::webhook_id"));
  return detail::call_void(*state_, HttpMethod::delete_, path, {}, options);
}

}  // namespace leverkit
