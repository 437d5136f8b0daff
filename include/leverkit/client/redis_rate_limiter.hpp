// leverkit/client/redis_rate_limiter.hpp — one Lever key's budget shared by many processes/hosts.
//
// What: `RedisRateLimiter`, a `RateLimiter` whose token bucket lives in Redis. Every `acquire`
// runs one Lua script (EVALSHA) that refills the bucket from Redis' own clock (TIME, so hosts need
// no synchronised clocks), takes a token or reserves the next slot, and answers how long to wait —
// atomically, so N worker processes using the same `key` together stay within `limits`
// (Lever: 10 req/s, bursts to 20). It lives in its own optional target, `leverkit::redis_limiter`
// (hiredis); the client itself never links Redis (docs/adr/0083).
// When Redis is unreachable (connect/IO error or timeout), `when_down` decides:
//   - `fail_closed` (default): `acquire` returns `Errc::transport` and the call fails — no request
//     is sent without the shared budget's consent.
//   - `local_fallback`: a local bucket at `limits / fallback_share` takes over (set
//     `fallback_share` to the number of workers so together they still stay within the budget);
//     Redis is retried every `reconnect_interval` and takes over again once it answers.
// Errors: `create` returns invalid_argument for an empty key, a bad port or fallback_share < 1.
// `acquire` returns `Errc::timeout` when the reserved slot is past the deadline (nothing is
// taken from the bucket then), `Errc::cancelled` when the token fires, `Errc::transport` when
// Redis is down and the policy is fail_closed. Errors never carry the Redis password.
// Thread-safety: all members are thread-safe (one connection, used under a mutex; waits happen
// outside it).
// Example:
//   auto rl = leverkit::RedisRateLimiter::create({.port = 6379, .key = leverkit::redis_rate_limit_key(
//                                                     creds->identity())}).value();
//   auto client = leverkit::Client::create(creds, {.rate_limiter = rl}).value();
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "leverkit/client/rate_limiter.hpp"

namespace leverkit::inline v0 {

enum class RedisDownPolicy { fail_closed, local_fallback };

struct RedisRateLimiterOptions {
  std::string host = "127.0.0.1";
  int port = 6379;
  std::string password;  // AUTH when non-empty; never logged or put in an Error
  int database = 0;
  /// The bucket's Redis key; every process sharing one Lever key must use the same one
  /// (see redis_rate_limit_key). Expires after a minute of disuse.
  std::string key;
  RateLimitOptions limits;
  /// Connect and per-command timeout.
  std::chrono::milliseconds io_timeout{250};
  RedisDownPolicy when_down = RedisDownPolicy::fail_closed;
  /// local_fallback: the local bucket runs at limits.requests_per_second / share, burst / share.
  int fallback_share = 1;
  std::chrono::milliseconds reconnect_interval{1000};
};

class RedisRateLimiter final : public RateLimiter {
 public:
  /// Does not connect yet: the first `acquire` does, so a worker can start while Redis is down.
  static Result<std::shared_ptr<RedisRateLimiter>> create(RedisRateLimiterOptions options,
                                                          std::shared_ptr<Clock> clock = nullptr,
                                                          std::shared_ptr<Sleeper> sleeper = nullptr);
  ~RedisRateLimiter() override;
  RedisRateLimiter(const RedisRateLimiter&) = delete;
  RedisRateLimiter& operator=(const RedisRateLimiter&) = delete;

  Result<void> acquire(std::optional<Clock::time_point> deadline, const CancellationToken& cancel) override;

  /// Whether the last acquire was served by the local fallback bucket (Redis down).
  [[nodiscard]] bool using_fallback() const;

 private:
  struct Impl;
  explicit RedisRateLimiter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

/// A Redis key for the bucket of a credential, from its one-way `Credentials::identity()`
/// (hashed again, so the key never shows the identity).
std::string redis_rate_limit_key(std::string_view credential_identity);

}  // namespace leverkit
