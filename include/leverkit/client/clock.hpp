// leverkit/client/clock.hpp — time as an injectable dependency.
//
// What: `Clock` (a monotonic `now()` for deadlines and rate limiting, and `wall_now()` for
// HTTP dates such as Retry-After) and `Sleeper` (waits that wake early on cancellation).
// The client, rate limiter and retry loop take them by shared_ptr so tests substitute
// `testing::FakeClock` / `testing::FakeSleeper` and spend no wall time.
// Errors: `Sleeper::sleep_for` returns `Errc::cancelled` when the token fires during the wait.
// Thread-safety: implementations are safe to use from many threads.
// Example:
//   auto clock = leverkit::steady_clock_source();
//   auto deadline = clock->now() + std::chrono::seconds(5);
#pragma once

#include <chrono>
#include <memory>

#include "leverkit/client/cancellation.hpp"
#include "leverkit/models/error.hpp"

namespace leverkit::inline v0 {

class Clock {
 public:
  using time_point = std::chrono::steady_clock::time_point;
  virtual ~Clock() = default;
  [[nodiscard]] virtual time_point now() const = 0;
  [[nodiscard]] virtual std::chrono::system_clock::time_point wall_now() const = 0;
};

class Sleeper {
 public:
  virtual ~Sleeper() = default;
  /// Waits `d` (returns at once for d <= 0); `Errc::cancelled` if `cancel` fires first.
  virtual Result<void> sleep_for(std::chrono::nanoseconds d, const CancellationToken& cancel) = 0;
};

/// std::chrono::steady_clock / system_clock.
std::shared_ptr<Clock> steady_clock_source();
/// Real waits on a condition variable, woken by cancellation.
std::shared_ptr<Sleeper> thread_sleeper();

}  // namespace leverkit
