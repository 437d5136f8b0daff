// RedisRateLimiter against a real redis-server on a free loopback port: the shared bucket across
// processes (4 workers x one key stay within 10 req/s and get 0 x 429 from the sandbox), the
// atomic reservation order, deadlines, and both Redis-down policies.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "leverkit/fmt.hpp"
#include "leverkit/client/client.hpp"
#include "leverkit/client/redis_rate_limiter.hpp"
#include "leverkit/sandbox/server.hpp"
#include "leverkit/testing/fake_clock.hpp"
#include "redis_server.hpp"

using namespace leverkit;
using namespace std::chrono_literals;
namespace sbx = leverkit::sandbox;

namespace {

struct Env {
  std::shared_ptr<testing::FakeClock> clock = std::make_shared<testing::FakeClock>();
  std::shared_ptr<testing::FakeSleeper> sleeper = std::make_shared<testing::FakeSleeper>(clock);
};

std::shared_ptr<RedisRateLimiter> limiter(int port, std::string key, const Env& env, RateLimitOptions limits = {},
                                          RedisDownPolicy policy = RedisDownPolicy::fail_closed, int share = 1) {
  RedisRateLimiterOptions o;
  o.port = port;
  o.key = std::move(key);
  o.limits = limits;
  o.when_down = policy;
  o.fallback_share = share;
  o.password = "";
  auto r = RedisRateLimiter::create(o, env.clock, env.sleeper);
  REQUIRE(r);
  return r.value();
}

}  // namespace

TEST_CASE("redis limiter: options are validated") {
  CHECK(RedisRateLimiter::create({.key = ""}).error().code == Errc::invalid_argument);
  CHECK(RedisRateLimiter::create({.port = 0, .key = "k"}).error().code == Errc::invalid_argument);
  CHECK(RedisRateLimiter::create({.key = "k", .fallback_share = 0}).error().code == Errc::invalid_argument);
  CHECK(RedisRateLimiter::create({.key = "k", .limits = {.requests_per_second = 0}}).error().code == Errc::invalid_argument);
  CHECK(redis_rate_limit_key("secret-identity").find("secret") == std::string::npos);
  CHECK(redis_rate_limit_key("a") == redis_rate_limit_key("a"));
  CHECK(redis_rate_limit_key("a") != redis_rate_limit_key("b"));
}

TEST_CASE("redis limiter: two limiters on one key share one bucket, reservations queue in order") {
  testing::RedisServer redis;
  REQUIRE(redis.start());
  Env env;
  auto a = limiter(redis.port(), "leverkit:test:shared", env, {.requests_per_second = 10, .burst = 20});
  auto b = limiter(redis.port(), "leverkit:test:shared", env, {.requests_per_second = 10, .burst = 20});
  for (int i = 0; i < 25; ++i) REQUIRE((i % 2 ? a : b)->acquire(std::nullopt, {}));
  // 20 from the burst at once, then one slot per 100 ms, reserved in call order (Redis time moves
  // a little while the test runs, so later waits may be slightly shorter, never longer).
  auto sleeps = env.sleeper->sleeps();
  REQUIRE(sleeps.size() == 5);
  for (std::size_t i = 0; i < sleeps.size(); ++i) {
    const auto expected = std::chrono::milliseconds(100 * static_cast<int>(i + 1));
    CHECK(sleeps[i] <= expected);
    CHECK(sleeps[i] >= expected - 60ms);
    if (i) CHECK(sleeps[i] > sleeps[i - 1]);
  }
  // A different key is a different bucket.
  auto c = limiter(redis.port(), "leverkit:test:other", env, {.requests_per_second = 10, .burst = 20});
  REQUIRE(c->acquire(std::nullopt, {}));
  CHECK(env.sleeper->sleeps().size() == 5);
  CHECK_FALSE(a->using_fallback());
}

TEST_CASE("redis limiter: a slot past the deadline is a timeout and takes nothing from the bucket") {
  testing::RedisServer redis;
  REQUIRE(redis.start());
  Env env;
  auto a = limiter(redis.port(), "leverkit:test:deadline", env, {.requests_per_second = 1, .burst = 1});
  REQUIRE(a->acquire(std::nullopt, {}));
  auto r = a->acquire(env.clock->now() + 100ms, {});
  REQUIRE_FALSE(r);
  CHECK(r.error().code == Errc::timeout);
  CHECK(env.sleeper->sleeps().empty());
  // Not charged: the next caller still waits about one slot (1 s), not two.
  REQUIRE(a->acquire(std::nullopt, {}));
  REQUIRE(env.sleeper->sleeps().size() == 1);
  CHECK(env.sleeper->sleeps()[0] <= 1000ms);
  CHECK(env.sleeper->sleeps()[0] > 800ms);
}

TEST_CASE("redis limiter: Redis down, fail_closed refuses without naming the password") {
  const int port = testing::free_loopback_port();  // nothing listens there
  Env env;
  RedisRateLimiterOptions o;
  o.port = port;
  o.key = "k";
  o.password = "hunter2-redis-password";
  auto rl = RedisRateLimiter::create(o, env.clock, env.sleeper).value();
  auto r = rl->acquire(std::nullopt, {});
  REQUIRE_FALSE(r);
  CHECK(r.error().code == Errc::transport);
  CHECK(r.error().message.find(fmt::format("127.0.0.1:{}", port)) != std::string::npos);
  CHECK(r.error().message.find("hunter2") == std::string::npos);
  CHECK_FALSE(rl->using_fallback());
}

TEST_CASE("redis limiter: Redis down, local_fallback runs a local bucket at 1/N and returns to Redis") {
  const int port = testing::free_loopback_port();
  Env env;
  auto rl = limiter(port, "leverkit:test:fallback", env, {.requests_per_second = 10, .burst = 20},
                    RedisDownPolicy::local_fallback, 4);
  // 1/4 of the budget: burst 5 at once, then one every 400 ms.
  for (int i = 0; i < 7; ++i) REQUIRE(rl->acquire(std::nullopt, {}));
  CHECK(rl->using_fallback());
  CHECK(env.sleeper->sleeps() == std::vector<std::chrono::nanoseconds>{400ms, 400ms});
  // Redis comes up on that port; after reconnect_interval the shared bucket takes over again.
  testing::RedisServer redis;
  REQUIRE(redis.start(port));
  env.clock->advance(1s);
  REQUIRE(rl->acquire(std::nullopt, {}));
  CHECK_FALSE(rl->using_fallback());
}

TEST_CASE("redis limiter: 4 processes x one key stay within 10 req/s with 0 x 429 from the sandbox") {
  testing::RedisServer redis;
  REQUIRE(redis.start());
  sbx::ServerOptions so;
  so.opportunities = 20;
  so.rate_limit = {.enabled = true, .per_second = 10, .burst = 20};  // Lever's documented budget
  sbx::Server server(so);
  REQUIRE(server.start().has_value());

  // Our bucket: Lever's rate with a burst of 15, leaving 5 tokens of headroom for the jitter
  // between a slot being granted (Redis) and the request reaching the server (docs/hardening.md).
  constexpr int kWorkers = 4, kEach = 25;
  constexpr double kRate = 10, kBurst = 15;
  std::vector<pid_t> pids;
  std::vector<std::string> outs;
  const std::string key = fmt::format("leverkit:test:procs:{}", ::getpid());
  for (int w = 0; w < kWorkers; ++w) {
    outs.push_back(fmt::format("{}/leverkit-redis-worker-{}-{}.out", std::filesystem::temp_directory_path().string(),
                               ::getpid(), w));
    pids.push_back(testing::spawn({LEVERKIT_REDIS_WORKER, std::to_string(redis.port()), server.base_url(), key,
                                   std::to_string(kEach), fmt::format("{}", kRate), fmt::format("{}", kBurst)},
                                  outs.back()));
    REQUIRE(pids.back() > 0);
  }
  int exit_failures = 0;
  for (pid_t p : pids) {
    int status = 0;
    ::waitpid(p, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) ++exit_failures;
  }
  std::vector<long long> stamps;
  int failures = 0;
  for (const auto& path : outs) {
    std::ifstream in(path);
    std::string word;
    while (in >> word) {
      if (word == "failures") {
        int f = 0;
        in >> f;
        failures += f;
      } else {
        stamps.push_back(std::stoll(word));
      }
    }
    std::filesystem::remove(path);
  }
  CHECK(exit_failures == 0);
  CHECK(failures == 0);
  REQUIRE(stamps.size() == static_cast<std::size_t>(kWorkers * kEach));
  std::sort(stamps.begin(), stamps.end());
  // Token-bucket bound for every window [t, t + T]: at most burst + rate * T requests (+1 for
  // millisecond rounding of the stamps).
  std::size_t worst_excess_window = 0;
  for (std::size_t i = 0; i < stamps.size(); ++i)
    for (std::size_t j = i; j < stamps.size(); ++j) {
      const double window_s = static_cast<double>(stamps[j] - stamps[i]) / 1000.0;
      const double allowed = kBurst + kRate * window_s + 1;
      if (static_cast<double>(j - i + 1) > allowed) ++worst_excess_window;
    }
  CHECK(worst_excess_window == 0);
  const double span_s = static_cast<double>(stamps.back() - stamps.front()) / 1000.0;
  const double steady = static_cast<double>(stamps.size() - static_cast<std::size_t>(kBurst)) / span_s;
  const std::string report = fmt::format(
      "redis limiter: {} workers x {} requests on one key in {:.2f} s: aggregate {:.2f} req/s overall, {:.2f} req/s after "
      "the burst of {} (limit {} req/s)",
      kWorkers, kEach, span_s, static_cast<double>(stamps.size()) / span_s, steady, kBurst, kRate);
  MESSAGE(report);
  fmt::print("{}\n", report);
  CHECK(steady <= kRate * 1.02);

  leverkit::ClientOptions ao;
  ao.base_url = server.base_url() + "/__sandbox";
  auto admin = leverkit::Client::create(std::make_shared<leverkit::ApiKeyCredentials>("unused"), ao);
  REQUIRE(admin.has_value());
  auto stats = admin.value().request(leverkit::HttpMethod::get, "/stats");
  REQUIRE(stats.has_value());
  CHECK(stats.value().body.find("\"rateLimited\":0") != std::string::npos);
  CHECK(stats.value().body.find(fmt::format("\"GET /v1/stages\":{}", kWorkers * kEach)) != std::string::npos);
}
