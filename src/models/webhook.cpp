#include "detail/decoders.hpp"

namespace leverkit::inline v0 {
namespace detail {
namespace {

Result<std::optional<WebhookConditions>> read_conditions(od::value v, const JsonPath& p) {
  if (is_null(v)) return std::optional<WebhookConditions>{};
  WebhookConditions c;
  LEVERKIT_TRYV(for_each_field(v, p, "a conditions object", [&](std::string_view k, od::value f, const JsonPath& fp) -> Result<void> {
    if (k == "origins") return assign(c.origins, read_string_array(f, fp));
    return skip(f, fp);
  }));
  return std::optional<WebhookConditions>{std::move(c)};
}

Result<WebhookConfiguration> read_configuration(od::value v, const JsonPath& p) {
  WebhookConfiguration c;
  if (is_null(v)) return c;
  LEVERKIT_TRYV(for_each_field(v, p, "a configuration object", [&](std::string_view k, od::value f, const JsonPath& fp) -> Result<void> {
    if (k == "conditions") return assign(c.conditions, read_conditions(f, fp));
    if (k == "signatureToken") return assign(c.signature_token, read_opt_string(f, fp));
    return skip(f, fp);
  }));
  return c;
}

Result<CandidateStageChangeData> read_stage_change_data(od::value v, const JsonPath& p) {
  CandidateStageChangeData d;
  bool has_opp = false;
  bool has_to = false;
  LEVERKIT_TRYV(for_each_field(v, p, "a candidateStageChange data object", [&](std::string_view k, od::value f, const JsonPath& fp) -> Result<void> {
    if (k == "opportunityId") {
      has_opp = true;
      return assign(d.opportunity_id, read_string(f, fp));
    }
    if (k == "toStageId") {
      has_to = true;
      return assign(d.to_stage_id, read_string(f, fp));
    }
    if (k == "candidateId") return assign(d.candidate_id, read_opt_string(f, fp));
    if (k == "contactId") return assign(d.contact_id, read_opt_string(f, fp));
    if (k == "fromStageId") return assign(d.from_stage_id, read_opt_string(f, fp));
    return skip(f, fp);
  }));
  LEVERKIT_TRYV(require(has_opp, p, "opportunityId"));
  LEVERKIT_TRYV(require(has_to, p, "toStageId"));
  return d;
}

}  // namespace

Result<Webhook> decode_value(od::value v, const JsonPath& p, Tag<Webhook>) {
  Webhook w;
  bool has_id = false;
  LEVERKIT_TRYV(for_each_field(v, p, "a webhook object", [&](std::string_view k, od::value f, const JsonPath& fp) -> Result<void> {
    if (k == "id") {
      has_id = true;
      return assign(w.id, read_string(f, fp));
    }
    if (k == "url") return assign(w.url, read_string_or_empty(f, fp));
    if (k == "event") return assign(w.event, read_string_or_empty(f, fp));
    if (k == "configuration") return assign(w.configuration, read_configuration(f, fp));
    if (k == "createdAt") return assign(w.created_at, read_opt_timestamp(f, fp));
    if (k == "updatedAt") return assign(w.updated_at, read_opt_timestamp(f, fp));
    return skip(f, fp);
  }));
  LEVERKIT_TRYV(require(has_id, p, "id"));
  return w;
}

}  // namespace detail

Result<Webhook> decode_webhook(std::string_view json) { return detail::decode_one<Webhook>({json, 0}); }
Result<Page<Webhook>> decode_webhook_page(std::string_view json) { return detail::decode_page<Webhook>({json, 0}); }

Result<WebhookDelivery> decode_webhook_delivery(std::string_view json) {
  using namespace detail;
  WebhookDelivery d;
  {
    // The envelope is never wrapped: its `data` key is the event payload, so the generic
    // unwrapping document reader is not used here.
    simdjson::padded_string keep;
    LEVERKIT_TRY(doc, DocumentParser::parse({json, 0}, keep));
    const JsonPath root{};
    od::value top;
    if (auto ec = doc.get_value().get(top); ec) return decode_error(root, ec, "a webhook delivery object");
    bool has_event = false;
    bool has_time = false;
    bool has_token = false;
    bool has_data = false;
    LEVERKIT_TRYV(for_each_field(top, root, "a webhook delivery object", [&](std::string_view k, od::value f, const JsonPath& fp) -> Result<void> {
      if (k == "id") return assign(d.id, read_opt_string(f, fp));
      if (k == "event") {
        has_event = true;
        return assign(d.event, read_string(f, fp));
      }
      if (k == "triggeredAt") {
        has_time = true;
        return assign(d.triggered_at, read_timestamp(f, fp));
      }
      if (k == "token") {
        has_token = true;
        return assign(d.token, read_string(f, fp));
      }
      if (k == "signature") return assign(d.signature, read_opt_string(f, fp));
      if (k == "data") {
        has_data = true;
        return assign(d.data_json, read_raw_json(f, fp));
      }
      return skip(f, fp);
    }));
    LEVERKIT_TRYV(require(has_event, root, "event"));
    LEVERKIT_TRYV(require(has_time, root, "triggeredAt"));
    LEVERKIT_TRYV(require(has_token, root, "token"));
    if (!has_data) d.data_json = "{}";
  }
  if (d.event == "candidateStageChange") {
    // A second, small parse of the payload; the envelope's document is finished by now (the
    // thread's parser is reused).
    simdjson::padded_string keep;
    LEVERKIT_TRY(doc, DocumentParser::parse({d.data_json, 0}, keep));
    static const JsonPath root{};
    const JsonPath data_path = root.field("data");
    od::value v;
    if (auto ec = doc.get_value().get(v); ec) return decode_error(data_path, ec, "a data object");
    LEVERKIT_TRY(sc, read_stage_change_data(v, data_path));
    d.stage_change = std::move(sc);
  }
  return d;
}

}  // namespace leverkit
