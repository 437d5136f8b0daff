// Issue 9: OAuth sessions against leverkit-sandbox (in process, loopback): the authorize URL and
// state check, the code exchange, refresh with rotation stored before use, single-flight refresh
// under 32 threads, and dead grants → auth_failed once, never a retry loop.

#include <latch>
#include <mutex>
#include <regex>
#include <thread>

#include <doctest/doctest.h>

#include "leverkit/client/client.hpp"
#include "leverkit/client/oauth.hpp"
#include "leverkit/sandbox/server.hpp"
#include "loopback_browser.hpp"
#include "leverkit/testing/fake_clock.hpp"
#include "leverkit/testing/text_audit.hpp"

namespace sbx = leverkit::sandbox;
using namespace leverkit;
using namespace std::chrono_literals;

namespace {

using leverkit::testing::browser_follow;

// Every error, exception text and log line leverkit produces during a test, for the secret sweep.
std::mutex audit_mutex;
std::vector<std::string> audited;
void audit(std::string_view, std::string_view text) noexcept {
  try {
    std::lock_guard lock(audit_mutex);
    audited.emplace_back(text);
  } catch (...) {
  }
}

struct OAuthEnv {
  explicit OAuthEnv(sbx::ServerOptions o = defaults()) : server(std::move(o)) {
    {
      std::lock_guard lock(audit_mutex);
      audited.clear();
    }
    testing::set_text_audit(&audit);
    REQUIRE(server.start().has_value());
  }
  // The sweep: no 8-character fragment of the client secret or of any token the test saw.
  ~OAuthEnv() {
    testing::set_text_audit(nullptr);
    std::lock_guard lock(audit_mutex);
    std::size_t hits = 0;
    for (const auto& secret : secrets)
      for (std::size_t i = 0; i + 8 <= secret.size(); ++i)
        for (const auto& text : audited)
          if (text.find(secret.substr(i, 8)) != std::string::npos) {
            ++hits;
            MESSAGE("secret fragment in: " << text);
          }
    CHECK(hits == 0);
  }
  void saw(const TokenSet& t) {
    secrets.push_back(t.access_token);
    secrets.push_back(t.refresh_token);
  }
  std::vector<std::string> secrets{std::string(sbx::kOAuthClientSecret)};
  static sbx::ServerOptions defaults() {
    sbx::ServerOptions o;
    o.opportunities = 50;
    o.rate_limit.enabled = false;
    return o;
  }
  OAuthConfig config() const {
    OAuthConfig c;
    c.client_id = std::string(sbx::kOAuthClientId);
    c.client_secret = std::string(sbx::kOAuthClientSecret);
    c.redirect_uri = "http://localhost/cb";
    c.endpoints = sandbox_server_endpoints(server.base_url());
    return c;
  }
  std::shared_ptr<OAuthSession> connected(std::shared_ptr<TokenStore> store, OAuthConfig c) {
    auto session = OAuthSession::create(std::move(c), std::move(store)).value();
    auto auth = session->authorization_url();
    auto done = session->complete(browser_follow(auth.url));
    REQUIRE_MESSAGE(done.has_value(), (done ? std::string() : done.error().to_string()));
    saw(done.value());
    return session;
  }
  Client client(std::shared_ptr<OAuthSession> session) {
    ClientOptions o;
    o.base_url = server.base_url() + "/v1";
    o.rate_limit = {.requests_per_second = 100000.0, .burst = 100000.0};
    o.retry.initial_backoff = 1ms;
    o.retry.max_backoff = 5ms;
    return Client::create(std::make_shared<OAuthCredentials>(std::move(session)), o).value();
  }
  std::string stats() {
    ClientOptions o;
    o.base_url = server.base_url() + "/__sandbox";
    auto admin = Client::create(std::make_shared<ApiKeyCredentials>("unused-admin"), o).value();
    return admin.request(HttpMethod::get, "/stats").value().body;
  }
  long oauth_stat(const std::string& name) {
    std::smatch m;
    const std::string s = stats();
    REQUIRE(std::regex_search(s, m, std::regex("\"" + name + "\":(\\d+)")));
    return std::stol(m[1].str());
  }
  void admin_post(const std::string& path, const std::string& body) {
    ClientOptions o;
    o.base_url = server.base_url() + "/__sandbox";
    auto admin = Client::create(std::make_shared<ApiKeyCredentials>("unused-admin"), o).value();
    REQUIRE(admin.request(HttpMethod::post, path, body).has_value());
  }
  sbx::Server server;
};

}  // namespace

TEST_CASE("OAuth: authorize URL (random state, audience, scopes with offline_access), state checked, code exchanged") {
  OAuthEnv env;
  auto store = std::make_shared<MemoryTokenStore>();
  auto config = env.config();
  config.scopes = {"stages:read:admin", "notes:read:admin"};
  auto session = OAuthSession::create(config, store).value();
  auto a = session->authorization_url();
  auto b = session->authorization_url();
  CHECK(a.state != b.state);
  CHECK(a.state.size() >= 43);  // 256 bits
  CHECK(query_values(b.url, "state") == std::vector<std::string>{b.state});
  CHECK(query_values(b.url, "audience") == std::vector<std::string>{env.server.base_url() + "/v1/"});
  CHECK(query_values(b.url, "response_type") == std::vector<std::string>{"code"});
  CHECK(query_values(b.url, "redirect_uri") == std::vector<std::string>{"http://localhost/cb"});
  CHECK(query_values(b.url, "scope") ==
        std::vector<std::string>{"stages:read:admin notes:read:admin offline_access"});

  // A redirect carrying another state (an old tab, a forged link) is refused before any exchange.
  std::string location = browser_follow(a.url);
  REQUIRE(location.starts_with("http://localhost/cb?code="));
  auto forged = session->complete(location);
  REQUIRE_FALSE(forged);
  CHECK(forged.error().code == Errc::invalid_argument);
  CHECK(forged.error().message.find("state") != std::string::npos);
  CHECK(env.oauth_stat("codeExchanges") == 0);

  auto c = session->authorization_url();
  auto done = session->complete(browser_follow(c.url));
  REQUIRE(done);
  env.saw(done.value());
  CHECK(env.oauth_stat("codeExchanges") == 1);
  CHECK(store->load().value()->refresh_token == done.value().refresh_token);
  CHECK(done.value().scope == "stages:read:admin notes:read:admin offline_access");
  // The state was single use.
  CHECK(session->complete(browser_follow(session->authorization_url().url)).has_value());
  auto replay = session->complete("http://localhost/cb?code=x&state=" + c.state);
  CHECK(replay.error().code == Errc::invalid_argument);

  auto client = env.client(session);
  auto stages = client.request(HttpMethod::get, "/stages");
  REQUIRE(stages);
  CHECK(stages.value().status == 200);
  // Denied at the consent screen: auth_failed, with Lever's reason.
  auto d = session->authorization_url();
  auto denied = session->complete("http://localhost/cb?error=access_denied&error_description=User%20said%20no&state=" + d.state);
  CHECK(denied.error().code == Errc::auth_failed);
  CHECK(denied.error().message.find("User said no") != std::string::npos);
}

TEST_CASE("OAuth: every refresh rotates and is stored before use / an old refresh token kills the grant → auth_failed, reconnect, no loop") {
  OAuthEnv env;
  auto clock = std::make_shared<testing::FakeClock>();
  auto store = std::make_shared<MemoryTokenStore>();
  auto config = env.config();
  config.clock = clock;
  auto session = env.connected(store, config);
  const TokenSet first = store->load().value().value();
  const int saves_after_connect = store->saves();

  // An hour later the token is due: the next call refreshes, and the new pair is in the store
  // before the access token goes out.
  clock->advance(3600s);
  auto token = session->access_token();
  REQUIRE(token);
  const TokenSet second = store->load().value().value();
  env.saw(second);
  CHECK(token.value() == second.access_token);
  CHECK(second.refresh_token != first.refresh_token);
  CHECK(store->saves() == saves_after_connect + 1);
  clock->advance(3600s);
  REQUIRE(session->access_token());
  const TokenSet third = store->load().value().value();
  env.saw(third);
  CHECK(third.refresh_token != second.refresh_token);
  CHECK(session->refresh_count() == 2);
  CHECK(env.oauth_stat("refreshes") == 2);

  // A stale copy elsewhere (a restored backup, a second process without a shared store) spends
  // the rotated refresh token: Lever revokes the grant.
  auto stale_store = std::make_shared<MemoryTokenStore>(second);
  auto stale_config = env.config();
  stale_config.clock = clock;
  auto stale = OAuthSession::create(stale_config, stale_store).value();
  auto r = stale->access_token();
  REQUIRE_FALSE(r);
  CHECK(r.error().code == Errc::auth_failed);
  CHECK(r.error().message.find("reconnect") != std::string::npos);
  CHECK(r.error().to_string().find(second.refresh_token.substr(0, 12)) == std::string::npos);
  const long refused = env.oauth_stat("refused");
  // Dead stays dead: no more token requests, however often it is asked.
  for (int i = 0; i < 5; ++i) CHECK(stale->access_token().error().code == Errc::auth_failed);
  CHECK(stale->refresh_count() == 1);
  CHECK(env.oauth_stat("refused") == refused);

  // The original session's grant is revoked too: its next refresh fails once and stops.
  clock->advance(3600s);
  auto client = env.client(session);
  auto call = client.request(HttpMethod::get, "/stages");
  REQUIRE_FALSE(call);
  CHECK(call.error().code == Errc::auth_failed);
  CHECK(call.error().message.find("reconnect") != std::string::npos);
  CHECK(call.error().attempts == 0);
  CHECK(client.request(HttpMethod::get, "/stages").error().code == Errc::auth_failed);
  CHECK(session->refresh_count() == 3);
}

TEST_CASE("OAuth: 32 threads on an expired access token cause exactly one refresh") {
  OAuthEnv env;
  auto connect_store = std::make_shared<MemoryTokenStore>();
  env.connected(connect_store, env.config());
  TokenSet expired = connect_store->load().value().value();
  expired.expires_at = std::chrono::system_clock::now() - 1s;
  auto store = std::make_shared<MemoryTokenStore>(expired);
  auto session = OAuthSession::create(env.config(), store).value();
  auto client = env.client(session);
  const long before = env.oauth_stat("refreshes");

  constexpr int threads = 32;
  std::latch start(threads);
  std::vector<std::thread> pool;
  std::atomic<int> ok{0};
  for (int i = 0; i < threads; ++i) {
    pool.emplace_back([&] {
      start.arrive_and_wait();
      auto r = client.request(HttpMethod::get, "/stages");
      if (r && r.value().status == 200) ++ok;
    });
  }
  for (auto& t : pool) t.join();
  CHECK(ok == threads);
  CHECK(session->refresh_count() == 1);
  env.saw(store->load().value().value());
  CHECK(env.oauth_stat("refreshes") - before == 1);
  MESSAGE("32 threads on an expired token: " << session->refresh_count() << " refresh (sandbox counted "
                                             << env.oauth_stat("refreshes") - before << ")");
}

TEST_CASE("OAuth: a grant revoked server-side → 401 → one refresh attempt → auth_failed with a reconnect message") {
  OAuthEnv env;
  auto store = std::make_shared<MemoryTokenStore>();
  auto session = env.connected(store, env.config());
  auto client = env.client(session);
  REQUIRE(client.request(HttpMethod::get, "/stages"));
  env.admin_post("/oauth/revoke", R"({"clientId":"sandbox-client"})");
  auto r = client.request(HttpMethod::get, "/stages");
  REQUIRE_FALSE(r);
  CHECK(r.error().code == Errc::auth_failed);
  CHECK(r.error().message.find("reconnect") != std::string::npos);
  CHECK_FALSE(r.error().retryable());
  const long refused = env.oauth_stat("refused");
  CHECK(refused == 1);
  CHECK(client.request(HttpMethod::get, "/stages").error().code == Errc::auth_failed);
  CHECK(env.oauth_stat("refused") == refused);  // no second token request
}

TEST_CASE("OAuth: disconnect clears the store, connecting again revives the session") {
  OAuthEnv env;
  auto store = std::make_shared<MemoryTokenStore>();
  auto session = env.connected(store, env.config());
  auto client = env.client(session);
  REQUIRE(client.request(HttpMethod::get, "/stages"));
  REQUIRE(session->disconnect());
  CHECK_FALSE(store->load().value().has_value());
  auto after = client.request(HttpMethod::get, "/stages");
  REQUIRE_FALSE(after);
  CHECK(after.error().code == Errc::auth_failed);
  CHECK(after.error().message.find("reconnect") != std::string::npos);
  auto again = session->complete(browser_follow(session->authorization_url().url));
  REQUIRE(again);
  env.saw(again.value());
  CHECK(client.request(HttpMethod::get, "/stages").has_value());
}

TEST_CASE("OAuth: a wrong client secret is auth_failed / endpoints per environment") {
  OAuthEnv env;
  auto config = env.config();
  config.client_secret = "definitely-wrong-secret";
  env.secrets.push_back(config.client_secret);
  auto session = OAuthSession::create(config, std::make_shared<MemoryTokenStore>()).value();
  auto r = session->complete(browser_follow(session->authorization_url().url));
  REQUIRE_FALSE(r);
  CHECK(r.error().code == Errc::auth_failed);
  CHECK(r.error().to_string().find("definitely-wrong") == std::string::npos);

  CHECK(oauth_endpoints(Environment::production).token_url == "https://auth.lever.co/oauth/token");
  CHECK(oauth_endpoints(Environment::production).audience == "https://api.lever.co/v1/");
  CHECK(oauth_endpoints(Environment::sandbox).authorize_url == "https://sandbox-lever.auth0.com/authorize");
  CHECK(oauth_endpoints(Environment::sandbox).audience == "https://api.sandbox.lever.co/v1/");
  CHECK(oauth_endpoints(Environment::eu).authorize_url == "https://auth.lever.co/authorize");
  auto insecure = env.config();
  insecure.endpoints = OAuthEndpoints{"http://auth.example.com/authorize", "http://auth.example.com/oauth/token", "x"};
  CHECK(OAuthSession::create(insecure, std::make_shared<MemoryTokenStore>()).error().code == Errc::invalid_argument);
}
