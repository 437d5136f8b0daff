// check_connection against leverkit-sandbox (in process, loopback): the full key has every
// permission, the read-only key misses exactly the write permissions, OAuth reports from its
// granted scopes, and a bad key is an error.
#include <doctest/doctest.h>


#include <regex>

#include "leverkit/client/oauth.hpp"
#include "leverkit/integration/connection_check.hpp"
#include "leverkit/sandbox/server.hpp"
#include "loopback_browser.hpp"

namespace sbx = leverkit::sandbox;
using namespace leverkit;

namespace {

struct CheckEnv {
  CheckEnv() : server(options()) { REQUIRE(server.start().has_value()); }
  static sbx::ServerOptions options() {
    sbx::ServerOptions o;
    o.opportunities = 20;
    o.rate_limit.enabled = false;
    return o;
  }
  Client client(std::shared_ptr<Credentials> creds) {
    ClientOptions o;
    o.base_url = server.base_url() + "/v1";
    o.rate_limit = {.requests_per_second = 100000.0, .burst = 100000.0};
    o.retry.max_attempts = 1;
    return Client::create(std::move(creds), o).value();
  }
  Client key_client(std::string_view key) { return client(std::make_shared<ApiKeyCredentials>(std::string(key))); }
  sbx::Server server;
};

PermissionStatus status_of(const ConnectionReport& r, std::string_view scope) {
  for (const auto& c : r.permissions)
    if (c.scope == scope) return c.status;
  FAIL("no entry for " << scope);
  return PermissionStatus::unknown;
}

std::string browser_follow(const std::string& url) {
  std::string location = leverkit::testing::browser_follow(url);
  REQUIRE(!location.empty());
  return location;
}

}  // namespace

TEST_CASE("check_connection: the full API key has every permission the integration needs") {
  CheckEnv env;
  auto report = check_connection(env.key_client(sbx::kFullKey));
  REQUIRE(report);
  CHECK(report.value().credential_kind == "api key");
  CHECK(report.value().all_granted());
  CHECK(report.value().missing_lines().empty());
  CHECK(report.value().permissions.size() == integration_permissions().size());
  CHECK(status_of(report.value(), "offline_access") == PermissionStatus::not_applicable);
  CHECK(status_of(report.value(), "notes:write:admin") == PermissionStatus::granted);
  // Nothing was written by the write probes.
  ClientOptions admin_options;
  admin_options.base_url = env.server.base_url() + "/__sandbox";
  auto admin = Client::create(std::make_shared<ApiKeyCredentials>("unused-admin"), admin_options).value();
  auto stats = admin.request(HttpMethod::get, "/stats");
  REQUIRE(stats);
  CHECK(stats.value().body.find(R"("writes":{})") != std::string::npos);
}

TEST_CASE("check_connection: the read-only API key reports every write permission missing, with the feature") {
  CheckEnv env;
  auto report = check_connection(env.key_client(sbx::kReadOnlyKey));
  REQUIRE(report);
  const auto& r = report.value();
  CHECK_FALSE(r.all_granted());
  const std::vector<std::string> expected = {
      "interviews:write:admin missing — cannot create or update interviews",
      "panels:write:admin missing — cannot create or update interview panels",
      "feedback:write:admin missing — cannot submit feedback",
      "feedback_templates:write:admin missing — cannot manage feedback templates",
      "forms:write:admin missing — cannot submit profile forms",
      "notes:write:admin missing — cannot post AI notes to the candidate profile",
      "webhooks:write:admin missing — cannot register webhooks (real-time updates)",
  };
  CHECK(r.missing_lines() == expected);
  for (const auto& c : r.permissions)
    if (c.scope.find(":read:") != std::string::npos) CHECK_MESSAGE(c.status == PermissionStatus::granted, c.scope);
  const std::string text = r.to_text();
  CHECK(text.find("feedback:write:admin missing — cannot submit feedback") != std::string::npos);
  const std::string json = r.to_json();
  CHECK(json.find(R"("scope":"feedback:write:admin","feature":"submit feedback","status":"missing")") != std::string::npos);
  CHECK(json.find(R"("allGranted":false)") != std::string::npos);
  MESSAGE("read-only key:\n" << text);
}

TEST_CASE("check_connection: OAuth reports from the granted scopes and probes the rest") {
  CheckEnv env;
  OAuthConfig config;
  config.client_id = std::string(sbx::kOAuthClientId);
  config.client_secret = std::string(sbx::kOAuthClientSecret);
  config.redirect_uri = "http://localhost/cb";
  config.endpoints = sandbox_server_endpoints(env.server.base_url());
  config.scopes = {"opportunities:read:admin", "notes:write:admin", "stages:read:admin"};
  auto store = std::make_shared<MemoryTokenStore>();
  auto session = OAuthSession::create(config, store).value();
  auto done = session->complete(browser_follow(session->authorization_url().url));
  REQUIRE(done);
  auto report = check_connection(env.client(std::make_shared<OAuthCredentials>(session)),
                                 {.granted_scopes = done.value().scope});
  REQUIRE(report);
  const auto& r = report.value();
  CHECK(r.credential_kind == "oauth");
  CHECK(status_of(r, "notes:write:admin") == PermissionStatus::granted);
  CHECK(status_of(r, "stages:read:admin") == PermissionStatus::granted);
  CHECK(status_of(r, "offline_access") == PermissionStatus::granted);
  CHECK(status_of(r, "feedback:write:admin") == PermissionStatus::missing);
  CHECK(status_of(r, "users:read:admin") == PermissionStatus::missing);
}

TEST_CASE("check_connection: a wrong key is an error before any report") {
  CheckEnv env;
  auto report = check_connection(env.key_client("not-a-sandbox-key"));
  REQUIRE_FALSE(report);
  CHECK(report.error().code == Errc::unauthorized);
  CHECK(report.error().to_string().find("not-a-sandbox-key") == std::string::npos);
}
