#include <doctest/doctest.h>

#include "leverkit/client/client.hpp"
#include "leverkit/client/retry.hpp"
#include "leverkit/testing/fake_clock.hpp"
#include "leverkit/testing/fake_transport.hpp"

using namespace leverkit;
using namespace std::chrono_literals;
using testing::json_response;

namespace {
struct Harness {
  std::shared_ptr<testing::FakeClock> clock = std::make_shared<testing::FakeClock>();
  std::shared_ptr<testing::FakeSleeper> sleeper = std::make_shared<testing::FakeSleeper>(clock);
  std::shared_ptr<testing::FakeTransport> fake = std::make_shared<testing::FakeTransport>();
  double u = 0.0;
  Client client = make({});

  Client make(RetryOptions retry, std::chrono::milliseconds timeout = 120s) {
    return Client::create(std::make_shared<ApiKeyCredentials>("retry-test-key"),
                          {.base_url = "https://api.lever.co/v1",
                           .transport = fake,
                           .rate_limiter = std::make_shared<TokenBucketRateLimiter>(
                               RateLimitOptions{.requests_per_second = 1e6, .burst = 1e6}, clock, sleeper),
                           .retry = std::move(retry),
                           .clock = clock,
                           .sleeper = sleeper,
                           .random = [this] { return u; },
                           .default_timeout = timeout})
        .value();
  }
  std::vector<std::chrono::nanoseconds> sleeps() const { return sleeper->sleeps(); }
};
const std::string ok_body = R"({"data":{"id":"s1","text":"x"}})";
}  // namespace

TEST_CASE("backoff is exponential, capped, and jittered downward by the injected random value") {
  RetryOptions o{.initial_backoff = 100ms, .max_backoff = 1s, .multiplier = 2.0, .jitter = 0.5};
  CHECK(backoff_delay(o, 1, 0.0) == 100ms);
  CHECK(backoff_delay(o, 2, 0.0) == 200ms);
  CHECK(backoff_delay(o, 4, 0.0) == 800ms);
  CHECK(backoff_delay(o, 5, 0.0) == 1s);
  CHECK(backoff_delay(o, 60, 0.0) == 1s);
  CHECK(backoff_delay(o, 2, 0.5) == 150ms);
  CHECK(backoff_delay(o, 2, 0.999) == 100ms);
}

TEST_CASE("Retry-After: delta-seconds and all three HTTP-date formats") {
  const auto now = std::chrono::sys_days{std::chrono::year{1994} / 11 / 6} + 8h + 49min + 7s;
  CHECK(parse_retry_after("120", now) == 120s);
  CHECK(parse_retry_after(" 0 ", now) == 0ms);
  CHECK(parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", now) == 30s);
  CHECK(parse_retry_after("Sunday, 06-Nov-94 08:49:37 GMT", now) == 30s);
  CHECK(parse_retry_after("Sun Nov  6 08:49:37 1994", now) == 30s);
  CHECK(parse_retry_after("Sun, 06 Nov 1994 08:00:00 GMT", now) == 0ms);  // in the past
  CHECK_FALSE(parse_retry_after("soon", now));
  CHECK_FALSE(parse_retry_after("-5", now));
  CHECK_FALSE(parse_retry_after("1.5", now));
  CHECK_FALSE(parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT trailing", now));
  CHECK_FALSE(parse_retry_after("", now));
}

TEST_CASE("GET retries 500/502/503/504 with exponential back-off, then succeeds") {
  Harness h;
  h.client = h.make({.max_attempts = 5, .initial_backoff = 100ms, .max_backoff = 10s, .multiplier = 2, .jitter = 0.5});
  for (int s : {500, 502, 503, 504}) h.fake->enqueue(json_response(s, R"({"code":"X","message":"y"})"));
  h.fake->enqueue(json_response(200, ok_body));
  auto r = h.client.request(HttpMethod::get, "/stages/s1");
  REQUIRE(r);
  CHECK(h.fake->request_count() == 5);
  CHECK(h.sleeps() == std::vector<std::chrono::nanoseconds>{100ms, 200ms, 400ms, 800ms});
}

TEST_CASE("exhausted retries report the last status and the attempts made") {
  Harness h;
  h.u = 1.0;
  h.client = h.make({.max_attempts = 3, .initial_backoff = 100ms, .jitter = 0.5});
  h.fake->on(HttpMethod::get, "/v1/stages", json_response(503, R"({"code":"ServiceUnavailable","message":"maintenance"})"));
  auto r = h.client.request(HttpMethod::get, "/stages");
  REQUIRE_FALSE(r);
  CHECK(r.error().code == Errc::server_error);
  CHECK(r.error().http_status == 503);
  CHECK(r.error().attempts == 3);
  CHECK(r.error().lever_code == "ServiceUnavailable");
  CHECK(h.sleeps() == std::vector<std::chrono::nanoseconds>{50ms, 100ms});
}

TEST_CASE("Retry-After overrides the back-off (seconds and HTTP-date)") {
  Harness h;
  h.client = h.make({.max_attempts = 4, .initial_backoff = 100ms});
  h.fake->enqueue(json_response(429, "{}", {{"Retry-After", "3"}}));
  // FakeClock wall time starts 2026-01-01T00:00:00Z; after the 3 s sleep it is 00:00:03.
  h.fake->enqueue(json_response(503, "{}", {{"retry-after", "Thu, 01 Jan 2026 00:00:10 GMT"}}));
  h.fake->enqueue(json_response(200, ok_body));
  auto r = h.client.request(HttpMethod::get, "/stages/s1");
  REQUIRE(r);
  CHECK(h.sleeps() == std::vector<std::chrono::nanoseconds>{3s, 7s});
}

TEST_CASE("a Retry-After longer than max_retry_after ends the call with retry_after set") {
  Harness h;
  h.client = h.make({.max_attempts = 4, .max_retry_after = 10s});
  h.fake->enqueue(json_response(429, R"({"code":"TooManyRequests","message":"slow down"})", {{"Retry-After", "3600"}}));
  auto r = h.client.request(HttpMethod::get, "/stages/s1");
  REQUIRE_FALSE(r);
  CHECK(r.error().code == Errc::rate_limited);
  CHECK(r.error().retry_after == std::chrono::milliseconds(3600s));
  CHECK(r.error().retryable());
  CHECK(h.sleeps().empty());
}

TEST_CASE("transport failures are retried for GET") {
  Harness h;
  h.client = h.make({.max_attempts = 3, .initial_backoff = 10ms, .jitter = 0});
  h.fake->enqueue(Error(Errc::transport, "connection reset"));
  h.fake->enqueue(Error(Errc::timeout, "timed out"));
  h.fake->enqueue(json_response(200, ok_body));
  REQUIRE(h.client.request(HttpMethod::get, "/stages/s1"));
  CHECK(h.sleeps() == std::vector<std::chrono::nanoseconds>{10ms, 20ms});
}

TEST_CASE("POST is retried on 429 and on provably-unsent failures only") {
  SUBCASE("429 is retried") {
    Harness h;
    h.client = h.make({.max_attempts = 3, .initial_backoff = 10ms, .jitter = 0});
    h.fake->enqueue(json_response(429, "{}"));
    h.fake->enqueue(json_response(201, ok_body));
    REQUIRE(h.client.request(HttpMethod::post, "/opportunities/o/notes", "{}"));
    CHECK(h.fake->request_count() == 2);
  }
  SUBCASE("503 is not retried: the server may have acted") {
    Harness h;
    h.fake->enqueue(json_response(503, "{}"));
    auto r = h.client.request(HttpMethod::post, "/opportunities/o/notes", "{}");
    REQUIRE_FALSE(r);
    CHECK(r.error().code == Errc::server_error);
    CHECK(r.error().attempts == 1);
    CHECK(h.fake->request_count() == 1);
  }
  SUBCASE("a reset after sending is not retried") {
    Harness h;
    h.fake->enqueue(Error(Errc::transport, "connection reset by peer"));
    auto r = h.client.request(HttpMethod::post, "/opportunities/o/notes", "{}");
    REQUIRE_FALSE(r);
    CHECK(h.fake->request_count() == 1);
  }
  SUBCASE("a connect failure is retried") {
    Harness h;
    h.client = h.make({.max_attempts = 3, .initial_backoff = 10ms, .jitter = 0});
    h.fake->enqueue(mark_not_sent(Error(Errc::transport, "could not connect")));
    h.fake->enqueue(json_response(201, ok_body));
    REQUIRE(h.client.request(HttpMethod::post, "/opportunities/o/notes", "{}"));
    CHECK(h.fake->request_count() == 2);
  }
  SUBCASE("PUT and DELETE retry like GET") {
    Harness h;
    h.client = h.make({.max_attempts = 3, .initial_backoff = 10ms, .jitter = 0});
    h.fake->enqueue(json_response(502, "{}"));
    h.fake->enqueue(json_response(200, ok_body));
    h.fake->enqueue(Error(Errc::transport, "reset"));
    h.fake->enqueue(json_response(204, ""));
    REQUIRE(h.client.request(HttpMethod::put, "/x", "{}"));
    REQUIRE(h.client.request(HttpMethod::delete_, "/x"));
    CHECK(h.fake->request_count() == 4);
  }
}

TEST_CASE("non-retryable statuses are returned at once") {
  Harness h;
  h.fake->enqueue(json_response(404, R"({"code":"ResourceNotFound","message":"stages x was not found"})"));
  auto r = h.client.request(HttpMethod::get, "/stages/x");
  REQUIRE_FALSE(r);
  CHECK(r.error().code == Errc::not_found);
  CHECK(r.error().attempts == 1);
  CHECK(h.sleeps().empty());
}

TEST_CASE("the call budget bounds the retries: no sleep past the deadline") {
  Harness h;
  h.client = h.make({.max_attempts = 10, .initial_backoff = 1s, .jitter = 0}, 2500ms);
  h.fake->on(HttpMethod::get, "/v1/stages", json_response(503, "{}"));
  auto r = h.client.request(HttpMethod::get, "/stages");
  REQUIRE_FALSE(r);
  CHECK(r.error().code == Errc::server_error);
  CHECK(r.error().attempts == 2);
  CHECK(h.sleeps() == std::vector<std::chrono::nanoseconds>{1s});  // 1 s + 2 s would pass 2.5 s
  // Each attempt is given the time left.
  auto t = h.fake->timeouts();
  REQUIRE(t.size() == 2);
  CHECK(t[0] == 2500ms);
  CHECK(t[1] == 1500ms);
}

TEST_CASE("cancellation during back-off ends the call with cancelled") {
  Harness h;
  CancellationSource stop;
  h.sleeper->set_hook([&](std::chrono::nanoseconds) { stop.cancel(); });
  h.fake->on(HttpMethod::get, "/v1/stages", json_response(503, "{}"));
  auto r = h.client.request(HttpMethod::get, "/stages", {}, {.cancel = stop.token()});
  REQUIRE_FALSE(r);
  CHECK(r.error().code == Errc::cancelled);
  CHECK(h.fake->request_count() == 1);
}

TEST_CASE("retry_statuses is data: an empty list disables status retries") {
  Harness h;
  h.client = h.make({.max_attempts = 5, .retry_statuses = {}});
  h.fake->enqueue(json_response(503, "{}"));
  REQUIRE_FALSE(h.client.request(HttpMethod::get, "/stages"));
  CHECK(h.fake->request_count() == 1);
}

// Issue 12: a 429 storm without Retry-After used to end a listing after max_attempts (~3 s).
TEST_CASE("a 429 storm without Retry-After keeps backing off within the call's budget") {
  Harness h;
  h.client = h.make({.max_attempts = 4, .initial_backoff = 500ms, .max_backoff = 4s, .jitter = 0}, 120s);
  for (int i = 0; i < 12; ++i) h.fake->enqueue(json_response(429, R"({"code":"TooManyRequests","message":"slow down"})"));
  h.fake->enqueue(json_response(200, ok_body));
  auto r = h.client.request(HttpMethod::get, "/stages/s1");
  REQUIRE_MESSAGE(r, (r ? "" : r.error().to_string()));
  CHECK(h.fake->request_count() == 13);
  using ns = std::chrono::nanoseconds;
  CHECK(h.sleeps() == std::vector<ns>{500ms, 1s, 2s, 4s, 4s, 4s, 4s, 4s, 4s, 4s, 4s, 4s});
}

TEST_CASE("a 429 storm ends with rate_limited once the next wait would pass the budget") {
  Harness h;
  h.client = h.make({.max_attempts = 4, .initial_backoff = 1s, .max_backoff = 4s, .jitter = 0}, 20s);
  h.fake->on(HttpMethod::get, "/v1/stages", json_response(429, "{}"));
  auto r = h.client.request(HttpMethod::get, "/stages");
  REQUIRE_FALSE(r);
  CHECK(r.error().code == Errc::rate_limited);
  // 1 + 2 + 4 + 4 + 4 = 15 s slept; a further 4 s would reach 19 s (< 20 s), the next 23 s.
  using ns = std::chrono::nanoseconds;
  CHECK(h.sleeps() == std::vector<ns>{1s, 2s, 4s, 4s, 4s, 4s});
  CHECK(r.error().attempts == 7);
}

TEST_CASE("429s do not use up the retries other failures get") {
  Harness h;
  h.client = h.make({.max_attempts = 3, .initial_backoff = 10ms, .max_backoff = 10ms, .jitter = 0});
  for (int i = 0; i < 5; ++i) h.fake->enqueue(json_response(429, "{}"));
  h.fake->enqueue(json_response(503, "{}"));
  h.fake->enqueue(json_response(503, "{}"));
  h.fake->enqueue(json_response(503, "{}"));
  auto r = h.client.request(HttpMethod::get, "/stages/s1");
  REQUIRE_FALSE(r);
  CHECK(r.error().code == Errc::server_error);
  CHECK(h.fake->request_count() == 8);  // 5 x 429, then the 3 attempts max_attempts allows
}

TEST_CASE("rate_limited_within_budget = false counts 429s like any other failure") {
  Harness h;
  h.client = h.make({.max_attempts = 4, .initial_backoff = 10ms, .jitter = 0, .rate_limited_within_budget = false});
  h.fake->on(HttpMethod::get, "/v1/stages", json_response(429, "{}"));
  auto r = h.client.request(HttpMethod::get, "/stages");
  REQUIRE_FALSE(r);
  CHECK(r.error().attempts == 4);
  CHECK(h.fake->request_count() == 4);
}

// fuzz_time, issue 12: a malformed HTTP-date reached date::parse, which converted an unset long
// double for the seconds (undefined behaviour); such values are now ignored like any other.
TEST_CASE("fuzz regression: malformed HTTP-dates in Retry-After are ignored") {
  const auto now = std::chrono::system_clock::time_point{std::chrono::seconds(1'767'225'600)};
  for (std::string_view v : {"Thu, 83 Jan 2026 00:00:z0 GMT", "Thu, 01 Jan 2026 00:00:1e99 GMT", "Thu, 01 Jan 2026 00:00 GMT",
                             "Thu, 01 Jan 2026 00:00:00:00 GMT", ":::", "Thu, 01 Jan 2026 0:00:00 GMT"})
    CHECK_FALSE(parse_retry_after(v, now).has_value());
  CHECK(parse_retry_after("Thu, 01 Jan 2026 00:00:10 GMT", now) == std::chrono::milliseconds(10'000));
  // A two-digit year read by the four-digit form is year 0026: in the past, so no wait (it used to
  // overflow a nanosecond subtraction).
  CHECK(parse_retry_after("\tThu, 01 Jan 26 00:00:10 GMT", now) == std::chrono::milliseconds(0));
  CHECK(parse_retry_after("Fri, 31 Dec 9999 23:59:59 GMT", now) > std::chrono::milliseconds(std::chrono::hours(24 * 365 * 7000)));
  CHECK(parse_retry_after("Thursday, 01-Jan-26 00:00:10 GMT", now) == std::chrono::milliseconds(10'000));
  CHECK(parse_retry_after("Thu Jan  1 00:00:10 2026", now) == std::chrono::milliseconds(10'000));
}
