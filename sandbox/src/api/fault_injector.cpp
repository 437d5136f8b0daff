// Fault plans: which response a route gets next (status, reset, truncation, invalid JSON, slow
// body), and their admin endpoint /__sandbox/faults.
#include <algorithm>

#include <fmt/format.h>

#include "api_impl.hpp"

namespace leverkit::sandbox::detail {

std::optional<FaultStep> Api::Impl::next_fault(const Route& route, const ApiRequest& req) {
  if (!any_fault_plan.load(std::memory_order_acquire)) return std::nullopt;
  std::lock_guard lock(fault_mutex);
  for (auto& plan : fault_plans) {
    if (plan.steps.empty()) continue;
    if (!plan.method.empty() && plan.method != req.method) continue;
    if (plan.path != "*" && plan.path != route.pattern && plan.path != req.path) continue;
    FaultStep step = plan.steps.front();
    plan.steps.pop_front();
    return step;
  }
  return std::nullopt;
}

std::optional<ApiResponse> Api::Impl::admin_faults(const ApiRequest& req) {
  std::string_view p = req.path;
  const std::string& m = req.method;
  auto body_of = [&] { return admin_body(req); };
  if (p == "/__sandbox/faults") {
    if (m == "DELETE") {
      std::lock_guard lock(fault_mutex);
      fault_plans.clear();
      return json(204, "");
    }
    if (m == "GET") {
      Value out = Value::array();
      std::lock_guard lock(fault_mutex);
      for (const auto& plan : fault_plans) {
        Value v = Value::object();
        v.set("route", plan.method.empty() ? plan.path : plan.method + " " + plan.path);
        v.set("remaining", plan.steps.size());
        out.push_back(std::move(v));
      }
      Value wrap = Value::object();
      wrap.set("data", std::move(out));
      return json(200, to_json(wrap));
    }
    if (m == "POST") {
      Value b = body_of();
      std::string route = b.str("route");
      if (route.empty()) fail(400, "InvalidParameter", "route is required, e.g. \"GET /v1/opportunities\"");
      FaultPlan plan;
      if (auto sp = route.find(' '); sp != std::string::npos) {
        plan.method = route.substr(0, sp);
        plan.path = route.substr(sp + 1);
      } else {
        plan.path = route;
      }
      const Value* faults = b.find("faults");
      if (!faults || !faults->is_array() || faults->as_array().empty())
        fail(400, "InvalidParameter", "faults must be a non-empty array");
      for (const auto& f : faults->as_array()) {
        std::string kind = f.is_object() ? f.str("type") : f.is_int() ? std::to_string(f.as_int()) : f.as_string();
        FaultStep step;
        if (kind == "500" || kind == "502" || kind == "503" || kind == "429") {
          step.status = std::stoi(kind);
        } else if (kind == "ok") {
          // normal service for this request: lets a plan spread faults over a run (5 % of requests)
        } else if (kind == "reset") {
          step.kind = Fault::reset;
        } else if (kind == "truncate" || kind == "truncated") {
          step.kind = Fault::truncate;
        } else if (kind == "invalid-json" || kind == "invalid_json") {
          step.kind = Fault::invalid_json;
        } else if (kind == "slow") {
          step.kind = Fault::slow;
          step.ms = f.is_object() && f.find("ms") ? static_cast<int>(std::clamp<std::int64_t>(f.num("ms"), 0, 60000)) : 1000;
        } else {
          fail(400, "InvalidParameter",
               fmt::format("unknown fault '{}': use 500, 502, 503, 429, reset, truncate, invalid-json, slow or ok", kind));
        }
        plan.steps.push_back(step);
      }
      std::lock_guard lock(fault_mutex);
      fault_plans.push_back(std::move(plan));
      any_fault_plan.store(true, std::memory_order_release);
      return json(201, "{\"ok\":true}");
    }
  }
  return std::nullopt;
}

}  // namespace leverkit::sandbox::detail
