// Review of issue 9 (OAuth sessions, redaction): defects found by a hostile read, each pinned by a
// test that failed before its fix. FakeTransport + FakeClock: no network, no wall time beyond
// the session's own 20 ms wait slice.
#include <stdexcept>

#include <fmt/format.h>

#include <doctest/doctest.h>

#include "leverkit/client/credentials.hpp"
#include "leverkit/client/oauth.hpp"
#include "leverkit/testing/fake_clock.hpp"
#include "leverkit/testing/fake_transport.hpp"
#include "sweep.hpp"

using namespace leverkit;
using namespace std::chrono_literals;

namespace {

constexpr std::string_view review_client_secret = "rv-client-secret-7f3a9c2e51d84b06";
constexpr std::string_view token_path = "/oauth/token";

OAuthConfig review_config(std::shared_ptr<testing::FakeTransport> transport, std::shared_ptr<testing::FakeClock> clock) {
  OAuthConfig c;
  c.client_id = "rv-client";
  c.client_secret = std::string(review_client_secret);
  c.redirect_uri = "http://127.0.0.1:8765/callback";
  c.endpoints = OAuthEndpoints{"http://127.0.0.1:9/oauth/authorize", "http://127.0.0.1:9/oauth/token",
                               "https://api.lever.co/v1/"};
  c.transport = std::move(transport);
  c.clock = std::move(clock);
  return c;
}

TokenSet expired_set(const testing::FakeClock& clock, std::string access, std::string refresh) {
  TokenSet t;
  t.access_token = std::move(access);
  t.refresh_token = std::move(refresh);
  t.scope = "notes:write:admin offline_access";
  t.expires_at = clock.wall_now() - 1h;
  return t;
}

HttpResponse token_reply(std::string_view access, std::string_view refresh) {
  return HttpResponse{.status = 200,
                      .body = fmt::format(R"({{"access_token":"{}","refresh_token":"{}","token_type":"Bearer",)"
                                          R"("scope":"notes:write:admin offline_access","expires_in":3600}})",
                                          access, refresh)};
}

// A user's TokenStore whose update() throws once (a full disk surfaced as an exception, a bug in
// their storage layer): the session must not stay "refreshing" forever afterwards.
class ThrowOnceStore final : public TokenStore {
 public:
  explicit ThrowOnceStore(TokenSet initial) : inner_(std::move(initial)) {}
  Result<std::optional<TokenSet>> load() override { return inner_.load(); }
  Result<void> save(const TokenSet& t) override { return inner_.save(t); }
  Result<void> clear() override { return inner_.clear(); }
  Result<TokenSet> update(const std::function<Result<TokenSet>(const std::optional<TokenSet>&)>& fn) override {
    if (!thrown_) {
      thrown_ = true;
      throw std::runtime_error("token storage exploded");
    }
    return inner_.update(fn);
  }

 private:
  MemoryTokenStore inner_;
  bool thrown_ = false;
};

// A user's TokenStore that runs the refresh and then throws while saving (once).
class ThrowOnSaveStore final : public TokenStore {
 public:
  explicit ThrowOnSaveStore(TokenSet initial) : inner_(std::move(initial)) {}
  Result<std::optional<TokenSet>> load() override { return inner_.load(); }
  Result<void> save(const TokenSet& t) override { return inner_.save(t); }
  Result<void> clear() override { return inner_.clear(); }
  Result<TokenSet> update(const std::function<Result<TokenSet>(const std::optional<TokenSet>&)>& fn) override {
    if (thrown_) return inner_.update(fn);
    thrown_ = true;
    LEVERKIT_TRY(current, inner_.load());
    (void)fn(current);
    throw std::runtime_error("disk full while saving the rotated tokens");
  }

 private:
  MemoryTokenStore inner_;
  bool thrown_ = false;
};

}  // namespace

TEST_CASE("OAuthSession: tokens rotated before the user's TokenStore threw are kept, not refreshed again") {
  auto clock = std::make_shared<testing::FakeClock>();
  auto transport = std::make_shared<testing::FakeTransport>();
  transport->on(HttpMethod::post, std::string(token_path), token_reply("rv-access-rotated-3c4d5e6f", "rv-refresh-rotated-7a8b9c0d"));
  sweep::add_secret("rv-access-rotated-3c4d5e6f");
  sweep::add_secret("rv-refresh-rotated-7a8b9c0d");
  sweep::add_secret("rv-refresh-spent-1e2f3a4b");
  auto store = std::make_shared<ThrowOnSaveStore>(expired_set(*clock, "rv-stale-access-save", "rv-refresh-spent-1e2f3a4b"));
  auto session = OAuthSession::create(review_config(transport, clock), store);
  REQUIRE(session);
  CHECK_THROWS_AS((void)session.value()->access_token({}), std::runtime_error);
  // Lever rotated: the old refresh token is spent. Refreshing again with it would kill the grant.
  CancellationSource stop;
  stop.cancel();
  CallOptions call;
  call.cancel = stop.token();
  auto token = session.value()->access_token(call);
  REQUIRE_MESSAGE(token, token.error().to_string());
  CHECK(token.value() == "rv-access-rotated-3c4d5e6f");
  CHECK(transport->request_count() == 1);
}

TEST_CASE("OAuthSession: an exception from the user's TokenStore during a refresh does not wedge the session") {
  auto clock = std::make_shared<testing::FakeClock>();
  auto transport = std::make_shared<testing::FakeTransport>();
  transport->on(HttpMethod::post, std::string(token_path), token_reply("rv-access-after-throw-0a1b2c3d", "rv-refresh-after-throw-4e5f6a7b"));
  sweep::add_secret("rv-access-after-throw-0a1b2c3d");
  sweep::add_secret("rv-refresh-after-throw-4e5f6a7b");
  sweep::add_secret("rv-refresh-before-throw-8c9d0e1f");
  sweep::add_secret(std::string(review_client_secret));
  auto store = std::make_shared<ThrowOnceStore>(expired_set(*clock, "rv-stale-access-throw", "rv-refresh-before-throw-8c9d0e1f"));
  auto session = OAuthSession::create(review_config(transport, clock), store);
  REQUIRE(session);

  CHECK_THROWS_AS((void)session.value()->access_token({}), std::runtime_error);

  // Before the fix `refreshing_` stayed true: every later caller waited for a refresh nobody was
  // doing (forever without a cancellation token; here: cancelled after one 20 ms wait slice).
  CancellationSource stop;
  stop.cancel();
  CallOptions call;
  call.cancel = stop.token();
  auto token = session.value()->access_token(call);
  REQUIRE_MESSAGE(token, token.error().to_string());
  CHECK(token.value() == "rv-access-after-throw-0a1b2c3d");
  CHECK(session.value()->refresh_count() == 1);
  CHECK(session.value()->disconnect());  // would wait forever on a wedged session
}

TEST_CASE("OAuthSession: a refresh token another process stored is redacted from the refresh error") {
  auto clock = std::make_shared<testing::FakeClock>();
  auto transport = std::make_shared<testing::FakeTransport>();
  constexpr std::string_view rotated_elsewhere = "rv-rotated-by-other-process-5d6e7f80";
  sweep::add_secret(std::string(rotated_elsewhere));
  sweep::add_secret("rv-refresh-mine-91a2b3c4");
  sweep::add_secret("rv-access-other-process-d5e6f708");
  // The token endpoint echoes the refresh token it refused (some do, in error_description).
  transport->on(HttpMethod::post, std::string(token_path),
                HttpResponse{.status = 400,
                             .body = fmt::format(R"({{"error":"invalid_request","error_description":"refresh_token {} is malformed"}})",
                                                 rotated_elsewhere)});
  auto store = std::make_shared<MemoryTokenStore>(expired_set(*clock, "rv-stale-access-mine", "rv-refresh-mine-91a2b3c4"));
  auto session = OAuthSession::create(review_config(transport, clock), store);
  REQUIRE(session);
  // Another process sharing the store refreshed in between (its new pair is already expired too).
  REQUIRE(store->save(expired_set(*clock, "rv-access-other-process-d5e6f708", std::string(rotated_elsewhere))));

  auto token = session.value()->access_token({});
  REQUIRE_FALSE(token);
  const std::string text = token.error().to_string();
  INFO(text);
  CHECK(transport->request_count() == 1);
  CHECK(text.find(rotated_elsewhere.substr(0, 12)) == std::string::npos);
  CHECK(text.find(rotated_elsewhere.substr(12, 12)) == std::string::npos);
}

TEST_CASE("redact_secrets: JSON-escaped forms (\\/ and \\u002b) of a secret and of its base64 are redacted") {
  // A key whose raw and base64 forms contain '/' and '+', echoed by a JSON encoder that escapes
  // them: no run of 8 raw characters survives, so fragment matching alone missed it.
  const std::string key = "ab/cd+ef/gh+ij/kl+mn/op";
  sweep::add_secret(key);
  auto json_escape = [](std::string s, bool unicode) {
    std::string out;
    for (char c : s) {
      if (c == '/') out += unicode ? "\\u002f" : "\\/";
      else if (c == '+') out += unicode ? "\\u002b" : "+";
      else out += c;
    }
    return out;
  };
  auto unescape = [](std::string s) {
    for (auto [from, to] : {std::pair<std::string_view, std::string_view>{"\\/", "/"},
                            {"\\u002f", "/"}, {"\\u002b", "+"}, {"\\u002F", "/"}, {"\\u002B", "+"}}) {
      for (auto p = s.find(from); p != std::string::npos; p = s.find(from, p)) s.replace(p, from.size(), to);
    }
    return s;
  };
  const std::vector<std::string> forms = secret_forms(key);
  for (bool unicode : {false, true}) {
    for (const std::string& form : forms) {
      if (form.find('/') == std::string::npos && form.find('+') == std::string::npos) continue;
      std::string text = "{\"echo\":\"" + json_escape(form, unicode) + "\"}";
      redact_secret(text, key);
      const std::string plain = unescape(text);
      INFO("form: " << form << " redacted: " << text);
      for (std::size_t i = 0; i + redaction_fragment <= form.size(); ++i)
        CHECK(plain.find(form.substr(i, redaction_fragment)) == std::string::npos);
    }
  }
}

TEST_CASE("OAuthSession: an http:// endpoint whose loopback address is only userinfo is refused") {
  auto clock = std::make_shared<testing::FakeClock>();
  for (const char* url : {"http://127.0.0.1:80@lever.example/oauth/token", "http://localhost@lever.example/oauth/token",
                          "http://127.0.0.1@lever.example?x=/", "http:///oauth/token"}) {
    CAPTURE(url);
    auto transport = std::make_shared<testing::FakeTransport>();
    auto c = review_config(transport, clock);
    c.endpoints->token_url = url;
    auto s = OAuthSession::create(c, std::make_shared<MemoryTokenStore>());
    REQUIRE_FALSE(s);
    CHECK(s.error().code == Errc::invalid_argument);
    CHECK(s.error().message.find("OAuth endpoint must be https://") != std::string::npos);
    CHECK(s.error().message.find(review_client_secret) == std::string::npos);
  }
  // The loopback forms still work, including a query that contains '@'.
  for (const char* url : {"http://127.0.0.1:9/oauth/token", "http://[::1]:9/oauth/token", "http://localhost/t?a=b@c"}) {
    CAPTURE(url);
    auto c = review_config(std::make_shared<testing::FakeTransport>(), clock);
    c.endpoints->token_url = url;
    CHECK(OAuthSession::create(c, std::make_shared<MemoryTokenStore>()));
  }
}
