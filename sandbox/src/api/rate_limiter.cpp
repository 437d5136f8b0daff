// The per-key (per-grant) token bucket and its admin endpoint /__sandbox/rate_limit.
#include <algorithm>

#include "api_impl.hpp"

namespace leverkit::sandbox::detail {

bool Api::Impl::take_token(const std::string& bucket) {
  std::lock_guard lock(rate_mutex);
  if (!rate.enabled) return true;
  std::int64_t now = now_ms();
  auto [it, inserted] = buckets.try_emplace(bucket, Bucket{rate.burst, now});
  Bucket& b = it->second;
  if (!inserted) {
    double elapsed = static_cast<double>(std::max<std::int64_t>(0, now - b.last_ms)) / 1000.0;
    b.tokens = std::min(rate.burst, b.tokens + elapsed * rate.per_second);
    b.last_ms = now;
  }
  if (b.tokens < 1.0) return false;
  b.tokens -= 1.0;
  return true;
}

std::optional<ApiResponse> Api::Impl::admin_rate_limit(const ApiRequest& req) {
  std::string_view p = req.path;
  const std::string& m = req.method;
  auto body_of = [&] { return admin_body(req); };
  if (p == "/__sandbox/rate_limit") {
    std::lock_guard lock(rate_mutex);
    if (m == "POST") {
      Value b = body_of();
      if (const Value* e = b.find("enabled"); e && e->is_bool()) rate.enabled = e->as_bool();
      if (const Value* r = b.find("perSecond"); r && r->is_number() && r->as_double() > 0) rate.per_second = r->as_double();
      if (const Value* r = b.find("burst"); r && r->is_number() && r->as_double() >= 1) rate.burst = r->as_double();
      buckets.clear();
    }
    Value out = Value::object();
    out.set("enabled", rate.enabled);
    out.set("perSecond", rate.per_second);
    out.set("burst", rate.burst);
    return json(200, to_json(out));
  }
  return std::nullopt;
}

}  // namespace leverkit::sandbox::detail
