// Test fixture for the write-back / flow tests: an in-process leverkit-sandbox, a client tuned
// for tests (no client-side rate limit, 1 ms back-off) and the sandbox's admin API (faults,
// stats, synthetic calls).
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <string_view>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "leverkit/client/client.hpp"
#include "leverkit/client/transport.hpp"
#include "leverkit/match/index.hpp"
#include "leverkit/sandbox/server.hpp"
#include "leverkit/testing/fake_clock.hpp"

namespace leverkit::inline v0::testing::write_env {

struct Env {
  explicit Env(std::size_t opportunities = 120) : server(options(opportunities)) {
    REQUIRE(server.start().has_value());
    auto t = make_curl_transport();
    REQUIRE(t.has_value());
    admin_transport = t.value();
  }
  static sandbox::ServerOptions options(std::size_t opportunities) {
    sandbox::ServerOptions o;
    o.opportunities = opportunities;
    o.rate_limit.enabled = false;
    return o;
  }
  Client client(int attempts = 3, std::chrono::milliseconds timeout = std::chrono::milliseconds(10'000)) {
    ClientOptions o;
    o.base_url = server.base_url() + "/v1";
    o.rate_limit = {.requests_per_second = 100000.0, .burst = 100000.0};
    o.retry.max_attempts = attempts;
    o.retry.initial_backoff = std::chrono::milliseconds(1);
    o.retry.max_backoff = std::chrono::milliseconds(2);
    o.default_timeout = timeout;
    o.transport_options.timeout = timeout;
    auto c = Client::create(std::make_shared<ApiKeyCredentials>(std::string(sandbox::kFullKey)), o);
    REQUIRE(c.has_value());
    return c.value();
  }
  HttpResponse admin(HttpMethod method, std::string_view path, std::string body = {}) {
    HttpRequest req;
    req.method = method;
    req.url = server.base_url() + std::string(path);
    req.body = std::move(body);
    if (!req.body.empty()) req.headers.add("Content-Type", "application/json");
    auto r = admin_transport->send(req, {});
    REQUIRE(r.has_value());
    return r.value();
  }
  void faults(std::string_view route, std::string_view faults_json) {
    auto r = admin(HttpMethod::post, "/__sandbox/faults", fmt::format(R"({{"route":"{}","faults":{}}})", route, faults_json));
    REQUIRE(r.status == 201);
  }
  /// `writes.<resource>` from /__sandbox/stats (0 when absent).
  long writes(std::string_view resource) {
    auto r = admin(HttpMethod::get, "/__sandbox/stats");
    REQUIRE(r.status == 200);
    auto w = r.body.find("\"writes\"");
    REQUIRE(w != std::string::npos);
    auto k = r.body.find(fmt::format("\"{}\":", resource), w);
    if (k == std::string::npos) return 0;
    return std::stol(r.body.substr(k + resource.size() + 3));
  }
  long faults_injected() {
    auto r = admin(HttpMethod::get, "/__sandbox/stats");
    auto k = r.body.find("\"faultsInjected\":");
    REQUIRE(k != std::string::npos);
    return std::stol(r.body.substr(k + 17));
  }
  sandbox::Server server;
  std::shared_ptr<Transport> admin_transport;
};

/// A plain read of the sandbox into a snapshot (the tests' stand-in for a sync store).
inline match::LeverSnapshot read_snapshot(const Client& c) {
  match::LeverSnapshot s;
  auto take = [](auto&& pager, auto& into) {
    for (auto&& r : pager) {
      REQUIRE_MESSAGE(r.has_value(), (r.has_value() ? std::string() : r.error().to_string()));
      into.push_back(std::move(r).value());
    }
  };
  take(c.list_opportunities({.confidentiality = Confidentiality::all}), s.opportunities);
  take(c.list_users({.include_deactivated = true}), s.users);
  take(c.list_postings({.confidentiality = Confidentiality::all}), s.postings);
  take(c.list_stages({}), s.stages);
  for (const auto& o : s.opportunities) {
    std::size_t before = s.interviews.size();
    take(c.list_interviews({.opportunity_id = o.id}), s.interviews);
    for (std::size_t i = before; i < s.interviews.size(); ++i)
      if (!s.interviews[i].opportunity_id) s.interviews[i].opportunity_id = o.id;
    take(c.list_panels({.opportunity_id = o.id}), s.panels);
  }
  return s;
}

}  // namespace leverkit::testing::write_env
