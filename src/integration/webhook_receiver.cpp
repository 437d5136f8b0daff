// WebhookReceiver: verify → replay check → re-read → one store transaction (ADR 0062).
#include "leverkit/fmt.hpp"
#include "leverkit/integration/webhook_receiver.hpp"

#include <array>
#include <utility>

#include <fmt/format.h>

#include "models/detail/json_writer.hpp"
#include "raw_json.hpp"

namespace leverkit::inline v0::integration {

namespace {
constexpr std::array<std::pair<WebhookEventType, std::string_view>, 10> kEvents{{
    {WebhookEventType::application_created, "applicationCreated"},
    {WebhookEventType::candidate_hired, "candidateHired"},
    {WebhookEventType::candidate_stage_change, "candidateStageChange"},
    {WebhookEventType::candidate_archive_change, "candidateArchiveChange"},
    {WebhookEventType::candidate_deleted, "candidateDeleted"},
    {WebhookEventType::interview_created, "interviewCreated"},
    {WebhookEventType::interview_updated, "interviewUpdated"},
    {WebhookEventType::interview_deleted, "interviewDeleted"},
    {WebhookEventType::contact_created, "contactCreated"},
    {WebhookEventType::contact_updated, "contactUpdated"},
}};
constexpr std::string_view kTokens = "webhook_token";
constexpr std::string_view kEventIds = "webhook_event";
}  // namespace

WebhookEventType webhook_event_type(std::string_view event) noexcept {
  for (const auto& [t, n] : kEvents)
    if (n == event) return t;
  return WebhookEventType::unknown;
}

std::string_view to_string(WebhookEventType t) noexcept {
  for (const auto& [k, n] : kEvents)
    if (k == t) return n;
  return "unknown";
}

Result<WebhookEventData> parse_webhook_event_data(std::string_view data_json) {
  if (data_json.empty()) return WebhookEventData{};
  auto members = detail::string_members(data_json);
  if (!members) {
    Error e = std::move(members).error();
    e.message = "webhook data: " + e.message;
    return e;
  }
  WebhookEventData d;
  for (auto& [k, v] : members.value()) {
    if (v.empty()) continue;
    if (k == "opportunityId") d.opportunity_id = std::move(v);
    else if (k == "candidateId") d.candidate_id = std::move(v);
    else if (k == "contactId") d.contact_id = std::move(v);
    else if (k == "interviewId") d.interview_id = std::move(v);
    else if (k == "panelId") d.panel_id = std::move(v);
    else if (k == "applicationId") d.application_id = std::move(v);
    else if (k == "toStageId") d.to_stage_id = std::move(v);
    else if (k == "fromStageId") d.from_stage_id = std::move(v);
  }
  // candidateId is the deprecated alias of the opportunity id (lever-api.md §6.1).
  if (!d.opportunity_id && d.candidate_id) d.opportunity_id = d.candidate_id;
  return d;
}

WebhookReceiver::WebhookReceiver(Client client, std::shared_ptr<SyncStore> store, std::vector<std::string> tokens,
                                 WebhookReceiverOptions options)
    : client_(std::move(client)), store_(std::move(store)), verifier_(std::move(tokens), options.verify),
      options_(std::move(options)) {}

Result<WebhookResult> WebhookReceiver::handle(std::string_view body) const {
  LEVERKIT_TRY(d, verifier_.verify(body));
  return apply(d);
}

namespace {

// GET one object; nullopt when Lever says it is gone (404).
Result<std::optional<std::string>> fetch(const Client& client, const std::string& path) {
  auto r = client.request(HttpMethod::get, path);
  if (!r) {
    if (r.error().code == Errc::not_found) return std::optional<std::string>{};
    return std::move(r).error();
  }
  LEVERKIT_TRY(raw, detail::unwrap_object(r.value().body));
  return std::optional<std::string>{std::move(raw)};
}

// The id comes from a (signed) payload: written by the JSON writer so a quote or backslash in it
// cannot make the stored object unreadable for every later snapshot.
std::string tombstone_json(const std::string& id) {
  leverkit::detail::JsonWriter w;
  w.begin_object().field("id", id).end_object();
  return w.str();
}

StoredObject tombstone(const SyncStore& store, ObjectKind kind, const std::string& id, const std::string& parent) {
  StoredObject t{.kind = kind, .id = id, .parent_id = parent, .json = tombstone_json(id)};
  if (auto cur = store.get_object(kind, id); cur && cur.value()) {
    t = *cur.value();  // keep what we knew, so a feed can still say what was canceled
    if (t.parent_id.empty()) t.parent_id = parent;
  }
  t.deleted = true;
  t.source = ObjectSource::webhook;
  return t;
}

}  // namespace

Result<WebhookResult> WebhookReceiver::apply(const WebhookDelivery& d) const {
  WebhookResult out;
  out.delivery = d;
  out.type = webhook_event_type(d.event);
  if (d.token.empty()) return Error(Errc::decode_error, "webhook: token is empty");
  // Cheap early replay check (the claim in the batch below is the authoritative one).
  LEVERKIT_TRY(seen, store_->get_value(kTokens, d.token));
  std::optional<std::string> seen_id;
  if (d.id && !d.id->empty()) {
    LEVERKIT_TRY(s, store_->get_value(kEventIds, *d.id));
    seen_id = std::move(s);
  }
  if (seen || seen_id) {
    out.replay = true;
    return out;
  }
  LEVERKIT_TRY(data, parse_webhook_event_data(d.data_json));
  out.data = data;

  StoreBatch b;
  const std::string when = std::to_string(to_unix_ms(d.triggered_at));
  b.claims.push_back({std::string(kTokens), d.token, when});
  if (d.id && !d.id->empty()) b.claims.push_back({std::string(kEventIds), *d.id, when});

  auto upsert = [&](ObjectKind kind, std::string raw, const std::string& parent) -> Result<void> {
    StoredObject o{.kind = kind, .parent_id = parent, .json = std::move(raw), .source = ObjectSource::webhook};
    switch (kind) {
      case ObjectKind::interview: {
        LEVERKIT_TRY(iv, decode_interview(o.json));
        o.id = iv.id;
        break;
      }
      case ObjectKind::panel: {
        LEVERKIT_TRY(p, decode_panel(o.json));
        o.id = p.id;
        break;
      }
      default: {
        LEVERKIT_TRY(op, decode_opportunity(o.json));
        o.id = op.id;
        o.updated_at = op.updated_at;
        break;
      }
    }
    out.changed.push_back({kind, o.id});
    b.upserts.push_back(std::move(o));
    return success();
  };
  auto bury = [&](ObjectKind kind, const std::string& id, const std::string& parent) {
    b.upserts.push_back(tombstone(*store_, kind, id, parent));
    out.changed.push_back({kind, id});
  };

  const std::string opp = data.opportunity_id.value_or("");
  const std::string opp_path = "/opportunities/" + url_encode(opp);
  switch (out.type) {
    case WebhookEventType::interview_created:
    case WebhookEventType::interview_updated:
    case WebhookEventType::interview_deleted: {
      if (opp.empty() || !data.interview_id)
        return Error(Errc::decode_error, fmt::format("webhook {}: data.opportunityId and data.interviewId are required", d.event));
      const std::string& iv = *data.interview_id;
      if (out.type == WebhookEventType::interview_deleted) {
        bury(ObjectKind::interview, iv, opp);
      } else if (options_.refetch) {
        LEVERKIT_TRY(raw, fetch(client_, opp_path + "/interviews/" + url_encode(iv)));
        if (raw)
          LEVERKIT_TRYV(upsert(ObjectKind::interview, std::move(*raw), opp));
        else
          bury(ObjectKind::interview, iv, opp);
      }
      if (data.panel_id && options_.refetch) {
        LEVERKIT_TRY(raw, fetch(client_, opp_path + "/panels/" + url_encode(*data.panel_id)));
        if (raw) {
          LEVERKIT_TRYV(upsert(ObjectKind::panel, std::move(*raw), opp));
        } else {
          b.removals.push_back({ObjectKind::panel, *data.panel_id});  // Lever drops a panel with its last interview
          out.changed.push_back({ObjectKind::panel, *data.panel_id});
        }
      }
      break;
    }
    case WebhookEventType::candidate_deleted:
      if (opp.empty()) return Error(Errc::decode_error, fmt::format("webhook {}: data.opportunityId is required", d.event));
      bury(ObjectKind::opportunity, opp, {});
      break;
    case WebhookEventType::candidate_stage_change:
    case WebhookEventType::candidate_archive_change:
    case WebhookEventType::candidate_hired:
    case WebhookEventType::application_created:
    case WebhookEventType::contact_created:
    case WebhookEventType::contact_updated:
      // Contact events change the candidate's name, e-mails and phones on the opportunity.
      if (opp.empty()) {
        if (out.type == WebhookEventType::contact_created || out.type == WebhookEventType::contact_updated) break;
        return Error(Errc::decode_error, fmt::format("webhook {}: data.opportunityId is required", d.event));
      }
      if (options_.refetch) {
        LEVERKIT_TRY(raw, fetch(client_, opp_path));
        if (raw)
          LEVERKIT_TRYV(upsert(ObjectKind::opportunity, std::move(*raw), {}));
        else
          bury(ObjectKind::opportunity, opp, {});
      }
      break;
    case WebhookEventType::unknown:
      break;  // recorded (so a replay is still caught), nothing to apply
  }
  auto r = store_->apply(b);
  if (!r) {
    if (r.error().code == Errc::conflict) {  // a concurrent delivery of the same event won
      out.replay = true;
      out.changed.clear();
      return out;
    }
    return std::move(r).error();
  }
  out.applied = !out.changed.empty();
  return out;
}

}  // namespace leverkit::integration
