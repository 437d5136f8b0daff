#include "leverkit/client/rate_limiter.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>

#include <fmt/format.h>

#include "crypto.hpp"

namespace leverkit::inline v0 {

TokenBucketRateLimiter::TokenBucketRateLimiter(RateLimitOptions options, std::shared_ptr<Clock> clock,
                                               std::shared_ptr<Sleeper> sleeper)
    : options_(options), clock_(std::move(clock)), sleeper_(std::move(sleeper)) {
  if (!(options_.requests_per_second > 0)) options_.requests_per_second = 1e-3;
  if (!(options_.burst >= 1)) options_.burst = 1;
  tokens_ = options_.burst;
  last_ = clock_->now();
}

void TokenBucketRateLimiter::refill_locked(Clock::time_point now) const {
  if (now <= last_) return;
  const double elapsed = std::chrono::duration<double>(now - last_).count();
  tokens_ = std::min(options_.burst, tokens_ + elapsed * options_.requests_per_second);
  last_ = now;
}

double TokenBucketRateLimiter::available() const {
  std::lock_guard lock(mutex_);
  refill_locked(clock_->now());
  return tokens_;
}

Result<void> TokenBucketRateLimiter::acquire(std::optional<Clock::time_point> deadline,
                                             const CancellationToken& cancel) {
  if (cancel.cancelled()) return Error(Errc::cancelled, "cancelled while waiting for the rate limiter");
  std::chrono::nanoseconds wait{0};
  {
    std::lock_guard lock(mutex_);
    const auto now = clock_->now();
    refill_locked(now);
    if (tokens_ >= 1.0) {
      tokens_ -= 1.0;
      return success();
    }
    // Reserve a slot now and sleep outside the lock: callers queue in arrival order and the
    // bucket never hands the same slot out twice.
    wait = std::chrono::ceil<std::chrono::nanoseconds>(
        std::chrono::duration<double>((1.0 - tokens_) / options_.requests_per_second));
    if (deadline && now + wait > *deadline)
      return Error(Errc::timeout,
                   fmt::format("rate limiter: the next request slot ({} ms away) is past the call's deadline",
                               std::chrono::ceil<std::chrono::milliseconds>(wait).count()));
    tokens_ -= 1.0;
  }
  if (auto r = sleeper_->sleep_for(wait, cancel); !r) {
    std::lock_guard lock(mutex_);
    tokens_ += 1.0;  // give the reserved slot back
    Error e = std::move(r).error();
    e.message = "cancelled while waiting for the rate limiter";
    return e;
  }
  return success();
}

namespace {
struct Registry {
  std::mutex mutex;
  std::unordered_map<std::string, std::weak_ptr<RateLimiter>> buckets;
};
// The one process-wide registry the design allows (see rate_limiter.hpp).
Registry& registry() {
  static Registry r;
  return r;
}
}  // namespace

std::shared_ptr<RateLimiter> shared_rate_limiter(std::string_view credential_identity, RateLimitOptions options,
                                                 std::shared_ptr<Clock> clock, std::shared_ptr<Sleeper> sleeper) {
  // Hashed again so even a Credentials implementation with a careless identity() never has its
  // identity stored in the clear.
  std::string key = fmt::format("{}|{}|{}", detail::sha256_hex(credential_identity), options.requests_per_second,
                                options.burst);
  auto& reg = registry();
  std::lock_guard lock(reg.mutex);
  std::erase_if(reg.buckets, [](const auto& kv) { return kv.second.expired(); });
  auto& slot = reg.buckets[key];
  if (auto existing = slot.lock()) return existing;
  auto bucket = std::make_shared<TokenBucketRateLimiter>(options, std::move(clock), std::move(sleeper));
  slot = bucket;
  return bucket;
}

std::size_t shared_rate_limiter_count() {
  auto& reg = registry();
  std::lock_guard lock(reg.mutex);
  return static_cast<std::size_t>(
      std::count_if(reg.buckets.begin(), reg.buckets.end(), [](const auto& kv) { return !kv.second.expired(); }));
}

}  // namespace leverkit
