// leverkit/client/rate_limiter.hpp — client-side throttling to Lever's per-key budget.
//
// What: the `RateLimiter` interface (one `acquire` per HTTP attempt; a host running many worker
// processes can plug in a limiter backed by a shared store), `TokenBucketRateLimiter` (by default just
// below Lever's documented budget of 10 requests/s steady, bursts to 20), and `shared_rate_limiter()`, the one
// process-wide registry: every Client copy and thread using the same credential identity gets
// the same bucket. The registry is keyed by the credential's one-way `identity()` digest plus the
// budget; it holds buckets weakly, so a bucket lives as long as some client uses it.
// Errors: `acquire` returns `Errc::timeout` when the wait would pass `deadline` (it fails at once
// instead of sleeping in vain) and `Errc::cancelled` when the token fires.
// Thread-safety: all members are thread-safe.
// Example:
//   auto rl = leverkit::shared_rate_limiter(creds->identity(), {}, clock, sleeper);
//   LEVERKIT_TRYV(rl->acquire(clock->now() + 5s, {}));
#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string_view>

#include "leverkit/client/cancellation.hpp"
#include "leverkit/client/clock.hpp"
#include "leverkit/models/error.hpp"

namespace leverkit::inline v0 {

struct RateLimitOptions {
  // Lever's bucket is 10/s with bursts to 20; ours stays 2 % below its rate and one token below
  // its burst. The two buckets never refill in step (arrival times jitter with latency), and a
  // same-rate limiter was measured drawing 429s; this margin draws none (docs/perf/integration-sync.md).
  double requests_per_second = 9.8;
  double burst = 19.0;  // bucket capacity; a fresh bucket starts full
};

class RateLimiter {
 public:
  virtual ~RateLimiter() = default;
  /// Takes one request's worth of budget, waiting if needed.
  virtual Result<void> acquire(std::optional<Clock::time_point> deadline, const CancellationToken& cancel) = 0;
};

class TokenBucketRateLimiter final : public RateLimiter {
 public:
  /// Rates <= 0 or burst < 1 are clamped to (a very small rate, 1).
  TokenBucketRateLimiter(RateLimitOptions options, std::shared_ptr<Clock> clock, std::shared_ptr<Sleeper> sleeper);

  Result<void> acquire(std::optional<Clock::time_point> deadline, const CancellationToken& cancel) override;

  /// Tokens available now (may be negative while callers wait on reservations).
  [[nodiscard]] double available() const;
  [[nodiscard]] const RateLimitOptions& options() const noexcept { return options_; }

 private:
  void refill_locked(Clock::time_point now) const;

  RateLimitOptions options_;
  std::shared_ptr<Clock> clock_;
  std::shared_ptr<Sleeper> sleeper_;
  mutable std::mutex mutex_;
  mutable double tokens_;
  mutable Clock::time_point last_;
};

/// The process-wide bucket for `credential_identity` and `options` (created with `clock` and
/// `sleeper` by the first caller; later callers share it).
std::shared_ptr<RateLimiter> shared_rate_limiter(std::string_view credential_identity, RateLimitOptions options,
                                                 std::shared_ptr<Clock> clock, std::shared_ptr<Sleeper> sleeper);

/// Buckets currently alive in the registry (for tests and diagnostics).
std::size_t shared_rate_limiter_count();

}  // namespace leverkit
