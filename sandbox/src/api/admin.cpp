// The /__sandbox admin API: health, synthetic calls, reset and keys here; statistics, faults,
// rate limit, OAuth revocation and webhooks are answered by their own rooms.
#include <algorithm>

#include <fmt/format.h>

#include "api_impl.hpp"
#include "calls.hpp"

namespace leverkit::sandbox::detail {

Value Api::Impl::admin_body(const ApiRequest& req) {
  if (req.body.empty()) return Value::object();
  std::string err;
  auto v = parse_json(req.body, err);
  if (!v || !v->is_object()) fail(400, "BadRequest", "Invalid JSON body: " + (v ? std::string("expected an object") : err));
  return std::move(*v);
}

ApiResponse Api::Impl::admin(const ApiRequest& req) {
  std::string_view p = req.path;
  const std::string& m = req.method;
  if (p == "/__sandbox/health" && m == "GET") return json(200, "{\"ok\":true}");
  if (p == "/__sandbox/calls" && m == "GET") { std::shared_lock lock(store_mutex); return synthetic_calls(store, req); }
  if (auto r = admin_stats(req)) return *r;
  if (auto r = admin_faults(req)) return *r;
  if (p == "/__sandbox/reset" && m == "POST") {
    Value b = admin_body(req);
    if (const Value* seed = b.find("seed"); seed && seed->is_int()) opt.seed = static_cast<std::uint64_t>(seed->as_int());
    if (const Value* n = b.find("opportunities"); n && n->is_int())
      opt.opportunities = static_cast<std::size_t>(std::clamp<std::int64_t>(n->as_int(), 0, 200000));
    {
      std::unique_lock lock(store_mutex);
      generate(store, GeneratorOptions{opt.seed, opt.opportunities});
      write_rng = Rng(opt.seed ^ 0xC0FFEEULL);
    }
    {
      std::lock_guard lock(stats_mutex);
      requests_per_route.clear();
      writes_per_resource.clear();
      total_requests = 0;
      rate_limited = faults_injected = 0;
    }
    {
      std::lock_guard lock(fault_mutex);
      fault_plans.clear();
    }
    {
      std::lock_guard lock(rate_mutex);
      buckets.clear();
    }
    return json(200, "{\"ok\":true}");
  }
  if (auto r = admin_rate_limit(req)) return *r;
  if (auto r = admin_oauth(req)) return *r;
  if (auto r = admin_webhooks(req)) return *r;
  if (p == "/__sandbox/keys" && m == "GET") {
    Value out = Value::array();
    for (const auto& k : keys) {
      Value v = Value::object();
      v.set("name", k.name);
      v.set("key", k.key);
      Array scopes;
      for (const auto& s : k.scopes) scopes.emplace_back(s);
      v.set("scopes", Value(std::move(scopes)));
      out.push_back(std::move(v));
    }
    Value wrap = Value::object();
    wrap.set("data", std::move(out));
    return json(200, to_json(wrap));
  }
  return error(404, "ResourceNotFound", fmt::format("Route {} {} was not found", req.method, req.path));
}

}  // namespace leverkit::sandbox::detail
