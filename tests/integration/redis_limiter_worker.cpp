// One worker process of the Redis rate-limiter test: makes COUNT GET /v1/stages calls to the
// sandbox through a Client whose RateLimiter is a RedisRateLimiter on KEY, with no retries (so a
// 429 from the sandbox would show as a failure), and prints the wall time (ms) each request was
// let through, one per line, then "failures N".
// Usage: redis_limiter_worker REDIS_PORT SANDBOX_BASE_URL KEY COUNT RATE BURST
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "leverkit/client/client.hpp"
#include "leverkit/client/redis_rate_limiter.hpp"

namespace {

// Records when each acquire returned: the moment the request was released to the network.
class StampingLimiter final : public leverkit::RateLimiter {
 public:
  explicit StampingLimiter(std::shared_ptr<leverkit::RateLimiter> inner) : inner_(std::move(inner)) {}
  leverkit::Result<void> acquire(std::optional<leverkit::Clock::time_point> deadline,
                                 const leverkit::CancellationToken& cancel) override {
    auto r = inner_->acquire(deadline, cancel);
    if (r)
      stamps.push_back(std::chrono::duration_cast<std::chrono::milliseconds>(
                           std::chrono::system_clock::now().time_since_epoch())
                           .count());
    return r;
  }
  std::vector<long long> stamps;

 private:
  std::shared_ptr<leverkit::RateLimiter> inner_;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 7) {
    std::fprintf(stderr, "usage: %s REDIS_PORT SANDBOX_BASE_URL KEY COUNT RATE BURST\n", argv[0]);
    return 2;
  }
  leverkit::RedisRateLimiterOptions ro;
  ro.port = std::atoi(argv[1]);
  ro.key = argv[3];
  ro.limits = {.requests_per_second = std::atof(argv[5]), .burst = std::atof(argv[6])};
  ro.io_timeout = std::chrono::milliseconds(2000);
  auto redis = leverkit::RedisRateLimiter::create(ro);
  if (!redis) {
    std::fprintf(stderr, "%s\n", redis.error().to_string().c_str());
    return 2;
  }
  auto stamping = std::make_shared<StampingLimiter>(redis.value());
  leverkit::ClientOptions o;
  o.base_url = std::string(argv[2]) + "/v1";
  o.rate_limiter = stamping;
  o.retry.max_attempts = 1;
  auto client = leverkit::Client::create(std::make_shared<leverkit::ApiKeyCredentials>("sandbox-full-key"), o);
  if (!client) {
    std::fprintf(stderr, "%s\n", client.error().to_string().c_str());
    return 2;
  }
  const int count = std::atoi(argv[4]);
  int failures = 0;
  for (int i = 0; i < count; ++i) {
    auto r = client.value().request(leverkit::HttpMethod::get, "/stages?limit=1");
    if (!r) {
      ++failures;
      std::fprintf(stderr, "request %d: %s\n", i, r.error().to_string().c_str());
    }
  }
  for (long long s : stamping->stamps) std::printf("%lld\n", s);
  std::printf("failures %d\n", failures);
  return failures == 0 ? 0 : 1;
}
