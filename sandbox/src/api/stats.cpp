// Request statistics: the admin endpoint /__sandbox/stats (read and reset).
#include "api_impl.hpp"

namespace leverkit::sandbox::detail {

std::optional<ApiResponse> Api::Impl::admin_stats(const ApiRequest& req) {
  std::string_view p = req.path;
  const std::string& m = req.method;
  if (p == "/__sandbox/stats" && m == "GET") {
    Value out = Value::object();
    std::lock_guard lock(stats_mutex);
    out.set("totalRequests", total_requests.load());
    Value per = Value::object();
    for (const auto& [k, v] : requests_per_route) per.set(k, v);
    out.set("requests", std::move(per));
    out.set("rateLimited", rate_limited);
    out.set("faultsInjected", faults_injected);
    Value writes = Value::object();
    for (const auto& [k, v] : writes_per_resource) writes.set(k, v);
    out.set("writes", std::move(writes));
    {
      std::lock_guard oauth_lock(oauth_mutex);
      Value oauth_stats = Value::object();
      oauth_stats.set("codeExchanges", oauth_code_exchanges);
      oauth_stats.set("refreshes", oauth_refreshes);
      oauth_stats.set("refused", oauth_refused);
      out.set("oauth", std::move(oauth_stats));
    }
    return json(200, to_json(out));
  }
  if (p == "/__sandbox/stats" && m == "DELETE") {
    std::lock_guard lock(stats_mutex);
    requests_per_route.clear();
    writes_per_resource.clear();
    total_requests = 0;
    rate_limited = faults_injected = 0;
    std::lock_guard oauth_lock(oauth_mutex);
    oauth_code_exchanges = oauth_refreshes = oauth_refused = 0;
    return json(204, "");
  }
  return std::nullopt;
}

}  // namespace leverkit::sandbox::detail
