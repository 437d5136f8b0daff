#include <doctest/doctest.h>

#include <thread>

#include "leverkit/client/client.hpp"
#include "leverkit/client/rate_limiter.hpp"
#include "leverkit/testing/fake_clock.hpp"
#include "leverkit/testing/fake_transport.hpp"

using namespace leverkit;
using namespace std::chrono_literals;

namespace {
struct Fixture {
  std::shared_ptr<testing::FakeClock> clock = std::make_shared<testing::FakeClock>();
  std::shared_ptr<testing::FakeSleeper> sleeper = std::make_shared<testing::FakeSleeper>(clock);
};
}  // namespace

TEST_CASE("token bucket: a burst of 20 passes at once, then 10 per second") {
  Fixture f;
  TokenBucketRateLimiter rl({.requests_per_second = 10, .burst = 20}, f.clock, f.sleeper);
  for (int i = 0; i < 20; ++i) REQUIRE(rl.acquire(std::nullopt, {}));
  CHECK(f.sleeper->sleeps().empty());
  // The 21st waits one refill interval (100 ms), the 22nd another.
  REQUIRE(rl.acquire(std::nullopt, {}));
  REQUIRE(rl.acquire(std::nullopt, {}));
  auto sleeps = f.sleeper->sleeps();
  REQUIRE(sleeps.size() == 2);
  CHECK(sleeps[0] == 100ms);
  CHECK(sleeps[1] == 100ms);
  // 100 further requests take 10 s of (fake) time in total: the steady rate.
  for (int i = 0; i < 100; ++i) REQUIRE(rl.acquire(std::nullopt, {}));
  CHECK(f.sleeper->total() == 10'200ms);
}

TEST_CASE("the default bucket stays below Lever's 10/s and 20 burst") {
  RateLimitOptions o;
  CHECK(o.requests_per_second < 10.0);
  CHECK(o.requests_per_second >= 9.7);  // the margin costs at most 3 % of the ceiling
  CHECK(o.burst < 20.0);
}

TEST_CASE("token bucket refills over time up to the burst, not beyond") {
  Fixture f;
  TokenBucketRateLimiter rl({.requests_per_second = 10, .burst = 20}, f.clock, f.sleeper);
  for (int i = 0; i < 20; ++i) REQUIRE(rl.acquire(std::nullopt, {}));
  CHECK(rl.available() == doctest::Approx(0.0));
  f.clock->advance(500ms);
  CHECK(rl.available() == doctest::Approx(5.0));
  f.clock->advance(1h);
  CHECK(rl.available() == doctest::Approx(20.0));
}

TEST_CASE("acquire fails with timeout instead of sleeping past the deadline") {
  Fixture f;
  TokenBucketRateLimiter rl({.requests_per_second = 1, .burst = 1}, f.clock, f.sleeper);
  REQUIRE(rl.acquire(std::nullopt, {}));
  auto r = rl.acquire(f.clock->now() + 500ms, {});
  REQUIRE_FALSE(r);
  CHECK(r.error().code == Errc::timeout);
  CHECK(f.sleeper->sleeps().empty());
  // A deadline that leaves enough time waits exactly the refill.
  REQUIRE(rl.acquire(f.clock->now() + 2s, {}));
  CHECK(f.sleeper->sleeps() == std::vector<std::chrono::nanoseconds>{1s});
}

TEST_CASE("acquire honours cancellation before and during the wait, and returns the slot") {
  Fixture f;
  TokenBucketRateLimiter rl({.requests_per_second = 1, .burst = 1}, f.clock, f.sleeper);
  CancellationSource stop;
  stop.cancel();
  auto r0 = rl.acquire(std::nullopt, stop.token());
  REQUIRE_FALSE(r0);
  CHECK(r0.error().code == Errc::cancelled);

  REQUIRE(rl.acquire(std::nullopt, {}));
  CancellationSource mid;
  f.sleeper->set_hook([&](std::chrono::nanoseconds) { mid.cancel(); });
  auto r1 = rl.acquire(std::nullopt, mid.token());
  REQUIRE_FALSE(r1);
  CHECK(r1.error().code == Errc::cancelled);
  CHECK(rl.available() == doctest::Approx(0.0));  // the reserved slot was given back
}

TEST_CASE("real sleeper wakes on cancellation without waiting out the delay") {
  auto sleeper = thread_sleeper();
  CancellationSource stop;
  std::thread t([&] { stop.cancel(); });
  auto r = sleeper->sleep_for(std::chrono::hours(1), stop.token());
  t.join();
  REQUIRE_FALSE(r);
  CHECK(r.error().code == Errc::cancelled);
}

TEST_CASE("registry: one bucket per credential identity, shared by clients and threads, released when unused") {
  Fixture f;
  const RateLimitOptions lever{.requests_per_second = 10, .burst = 20};
  const auto before = shared_rate_limiter_count();
  {
    auto a = std::make_shared<ApiKeyCredentials>("registry-key-A");
    auto a2 = std::make_shared<ApiKeyCredentials>("registry-key-A");
    auto b = std::make_shared<ApiKeyCredentials>("registry-key-B");
    auto l1 = shared_rate_limiter(a->identity(), lever, f.clock, f.sleeper);
    auto l2 = shared_rate_limiter(a2->identity(), lever, f.clock, f.sleeper);
    auto l3 = shared_rate_limiter(b->identity(), lever, f.clock, f.sleeper);
    CHECK(l1 == l2);
    CHECK(l1 != l3);
    CHECK(shared_rate_limiter_count() == before + 2);

    // Two clients (and a copy) on the same key spend one budget of 20.
    auto fake = std::make_shared<testing::FakeTransport>();
    fake->on(HttpMethod::get, "/v1/users/u", testing::json_response(200, R"({"data":{"id":"u"}})"));
    auto c1 = Client::create(a, {.transport = fake, .rate_limit = lever, .clock = f.clock, .sleeper = f.sleeper}).value();
    auto c2 = Client::create(a2, {.transport = fake, .rate_limit = lever, .clock = f.clock, .sleeper = f.sleeper}).value();
    Client c1copy = c1;
    std::thread t1([&] { for (int i = 0; i < 7; ++i) (void)c1.request(HttpMethod::get, "/users/u"); });
    std::thread t2([&] { for (int i = 0; i < 7; ++i) (void)c2.request(HttpMethod::get, "/users/u"); });
    t1.join();
    t2.join();
    for (int i = 0; i < 6; ++i) (void)c1copy.request(HttpMethod::get, "/users/u");
    CHECK(fake->request_count() == 20);
    CHECK(f.sleeper->sleeps().empty());
    (void)c2.request(HttpMethod::get, "/users/u");  // the 21st waits, whichever client sends it
    CHECK(f.sleeper->sleeps().size() == 1);
  }
  CHECK(shared_rate_limiter_count() == before);
}
