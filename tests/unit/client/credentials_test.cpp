#include <doctest/doctest.h>
#include <fmt/format.h>

#include <sstream>

#include "leverkit/fmt.hpp"
#include "leverkit/client/client.hpp"
#include "leverkit/testing/fake_clock.hpp"
#include "leverkit/testing/fake_transport.hpp"

using namespace leverkit;
using namespace std::chrono_literals;

namespace {
constexpr std::string_view key = "sk_live_9f8e7d6c5b4a3210SECRET";
// base64("sk_live_9f8e7d6c5b4a3210SECRET:")
constexpr std::string_view key_b64 = "c2tfbGl2ZV85ZjhlN2Q2YzViNGEzMjEwU0VDUkVUOg==";

bool leaks(std::string_view text) { return text.find(key) != std::string_view::npos || text.find(key_b64) != std::string_view::npos; }
}  // namespace

TEST_CASE("API key is sent as HTTP Basic with an empty password") {
  ApiKeyCredentials c{std::string(key)};
  auto h = c.authorization({});
  REQUIRE(h);
  CHECK(h.value() == "Basic " + std::string(key_b64));
  ApiKeyCredentials rfc{"Aladdin"};
  CHECK(rfc.authorization({}).value() == "Basic QWxhZGRpbjo=");
}

TEST_CASE("identity is a one-way digest, equal for equal keys") {
  ApiKeyCredentials a{std::string(key)}, b{std::string(key)}, other{"another-key"};
  CHECK(a.identity() == b.identity());
  CHECK(a.identity() != other.identity());
  CHECK(a.identity().starts_with("api-key:sha256:"));
  CHECK(a.identity().size() == std::string_view("api-key:sha256:").size() + 64);
  CHECK_FALSE(leaks(a.identity()));
}

TEST_CASE("redact removes the key in raw, base64 and URL-encoded forms") {
  ApiKeyCredentials c{"k3y/with+special"};
  std::string s = "raw k3y/with+special b64 " + c.authorization({}).value().substr(6) + " url k3y%2Fwith%2Bspecial";
  c.redact(s);
  CHECK(s == "raw [redacted] b64 [redacted] url [redacted]");
}

TEST_CASE("empty API key is rejected by Client::create") {
  auto fake = std::make_shared<testing::FakeTransport>();
  auto r = Client::create(std::make_shared<ApiKeyCredentials>(""), {.transport = fake});
  REQUIRE_FALSE(r);
  CHECK(r.error().code == Errc::invalid_argument);
}

TEST_CASE("the API key never appears in errors, exceptions or log lines, even when Lever echoes it") {
  auto clock = std::make_shared<testing::FakeClock>();
  auto sleeper = std::make_shared<testing::FakeSleeper>(clock);
  auto fake = std::make_shared<testing::FakeTransport>();
  std::vector<std::string> log;
  auto creds = std::make_shared<ApiKeyCredentials>(std::string(key));
  auto client = Client::create(creds, {.transport = fake,
                                       .rate_limiter = std::make_shared<TokenBucketRateLimiter>(RateLimitOptions{}, clock, sleeper),
                                       .retry = {.max_attempts = 2},
                                       .clock = clock,
                                       .sleeper = sleeper,
                                       .random = [] { return 0.0; },
                                       .logger = [&](LogLevel, std::string_view l) { log.emplace_back(l); }})
                    .value();
  const std::string echo = fmt::format(R"({{"code":"Unauthorized {0}","message":"bad key {0} / Basic {1}"}})", key, key_b64);
  // A 503 first (logged as a retry), then a 401 echoing the key in code and message.
  fake->enqueue(testing::json_response(503, echo, {{"X-Request-Id", std::string(key)}}));
  fake->enqueue(testing::json_response(401, echo, {{"X-Request-Id", std::string(key)}}));

  auto r = client.get_user({.user_id = "u1"});
  REQUIRE_FALSE(r);
  const Error& e = r.error();
  CHECK(e.code == Errc::unauthorized);
  CHECK(e.attempts == 2);
  CHECK_FALSE(leaks(e.to_string()));
  CHECK_FALSE(leaks(fmt::format("{}", e)));
  std::ostringstream os;
  os << e;
  CHECK_FALSE(leaks(os.str()));
  CHECK_FALSE(leaks(e.lever_code));
  CHECK_FALSE(leaks(e.lever_message));
  CHECK_FALSE(leaks(e.request_id));
  CHECK(e.lever_message.find("[redacted]") != std::string::npos);
  try {
    (void)r.value();
    FAIL("value() must throw");
  } catch (const ApiError& ex) {
    CHECK_FALSE(leaks(ex.what()));
  }
  REQUIRE(log.size() == 1);
  for (const auto& line : log) CHECK_FALSE(leaks(line));
  // ...while the request itself did carry the credential.
  CHECK(fake->requests().at(0).headers.get("authorization") == "Basic " + std::string(key_b64));
}

TEST_CASE("transport errors are redacted too") {
  auto fake = std::make_shared<testing::FakeTransport>();
  auto clock = std::make_shared<testing::FakeClock>();
  auto sleeper = std::make_shared<testing::FakeSleeper>(clock);
  fake->enqueue(Error(Errc::transport, fmt::format("proxy said: Authorization: Basic {}", key_b64)));
  auto client = Client::create(std::make_shared<ApiKeyCredentials>(std::string(key)),
                               {.transport = fake,
                                .rate_limiter = std::make_shared<TokenBucketRateLimiter>(RateLimitOptions{}, clock, sleeper),
                                .retry = {.max_attempts = 1},
                                .clock = clock,
                                .sleeper = sleeper})
                    .value();
  auto r = client.get_user({.user_id = "u1"});
  REQUIRE_FALSE(r);
  CHECK(r.error().code == Errc::transport);
  CHECK_FALSE(leaks(r.error().to_string()));
}

TEST_CASE("Authorization cannot be smuggled in through CallOptions headers") {
  auto fake = std::make_shared<testing::FakeTransport>();
  auto client = Client::create(std::make_shared<ApiKeyCredentials>("k"), {.transport = fake}).value();
  auto r = client.get_user({.user_id = "u1"}, {.headers = {{"authorization", "Bearer x"}}});
  REQUIRE_FALSE(r);
  CHECK(r.error().code == Errc::invalid_argument);
  CHECK(fake->request_count() == 0);
}

namespace {
// A credential that refreshes on 401 once, as an OAuth session would.
class RotatingCredentials final : public Credentials {
 public:
  Result<std::string> authorization(const CallOptions&) override { return "Bearer " + token_; }
  bool on_unauthorized(std::string_view rejected) override {
    ++refreshes_;
    if (rejected == "Bearer old") {
      token_ = "new";
      return true;
    }
    return false;
  }
  std::string identity() const override { return "test:rotating"; }
  void redact(std::string& s) const override { redact_secret(s, token_); }
  std::string token_ = "old";
  int refreshes_ = 0;
};
}  // namespace

TEST_CASE("a 401 lets refreshable credentials retry exactly once with the new header") {
  auto fake = std::make_shared<testing::FakeTransport>();
  auto creds = std::make_shared<RotatingCredentials>();
  fake->enqueue(testing::json_response(401, R"({"code":"Unauthorized","message":"expired"})"));
  fake->enqueue(testing::json_response(200, R"({"data":{"id":"s1","text":"New"}})"));
  auto clock = std::make_shared<testing::FakeClock>();
  auto sleeper = std::make_shared<testing::FakeSleeper>(clock);
  auto client = Client::create(creds, {.transport = fake, .clock = clock, .sleeper = sleeper}).value();
  auto r = client.request(HttpMethod::get, "/stages/s1");
  REQUIRE(r);
  auto reqs = fake->requests();
  REQUIRE(reqs.size() == 2);
  CHECK(reqs[0].headers.get("Authorization") == "Bearer old");
  CHECK(reqs[1].headers.get("Authorization") == "Bearer new");
  CHECK(creds->refreshes_ == 1);
  CHECK(sleeper->sleeps().empty());
}
