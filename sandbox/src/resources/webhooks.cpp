// /v1/webhooks: list (no signature tokens), create (returns its token once) and delete.
#include <algorithm>

#include <fmt/format.h>

#include "api_impl.hpp"
#include "resources/request_args.hpp"

namespace leverkit::sandbox::detail {

namespace {
constexpr std::string_view kEvents[] = {"applicationCreated", "candidateHired",   "candidateStageChange",
                                        "candidateArchiveChange", "candidateDeleted", "interviewCreated",
                                        "interviewUpdated",   "interviewDeleted", "contactCreated",
                                        "contactUpdated"};
}  // namespace

ApiResponse Api::Impl::list_webhooks(Ctx& ctx) {
  (void)ctx;
  // No hasNext and no signature tokens on this list (lever-api.md §6.17).
  std::string out = "{\"data\":[";
  bool first = true;
  for (std::size_t i = 0; i < store.webhooks.size(); ++i) {
    const Record& r = store.webhooks.at(i);
    if (r.deleted) continue;
    if (!first) out.push_back(',');
    first = false;
    write_json(out, r.value);
  }
  out += "]}";
  return json(200, std::move(out));
}

ApiResponse Api::Impl::create_webhook(Ctx& ctx) {
  Value b = body_object(ctx);
  const std::string& url = need_string(b, "url");
  if (!url.starts_with("https://") && !url.starts_with("http://")) bad("url must be an http(s) URL");
  const std::string& event = need_string(b, "event");
  if (std::find(std::begin(kEvents), std::end(kEvents), event) == std::end(kEvents))
    bad(fmt::format("event {} is not a webhook event", event));
  Value origins = Value(Array{Value("applied"), Value("sourced"), Value("referred"), Value("university"),
                              Value("internal"), Value("agency")});
  if (const Value* cfg = b.find("configuration"); cfg && cfg->is_object()) {
    if (const Value* cond = cfg->find("conditions"); cond && cond->is_object()) {
      if (const Value* o = cond->find("origins"); o && o->is_array()) origins = *o;
    }
  }
  std::int64_t now = write_clock();
  Value w = Value::object();
  w.set("id", write_rng.uuid());
  w.set("event", event);
  w.set("url", url);
  Value cfg = Value::object();
  Value cond = Value::object();
  cond.set("origins", std::move(origins));
  cfg.set("conditions", std::move(cond));
  w.set("configuration", std::move(cfg));
  w.set("createdAt", now);
  w.set("updatedAt", now);
  Record& r = store.webhooks.add(std::move(w));
  r.api_created = true;
  r.secret = write_rng.hex(48);
  Value out = r.value;
  out.find("configuration")->set("signatureToken", r.secret);
  return single(ctx, out, {}, 201);
}

ApiResponse Api::Impl::delete_webhook(Ctx& ctx) {
  Record* r = store.webhooks.get(ctx.args.at(0));
  if (!r) not_found("webhooks", ctx.args.at(0));
  store.webhooks.remove(ctx.args.at(0));
  write_clock();
  return json(204, "");
}

}  // namespace leverkit::sandbox::detail
