// leverkit/testing/fake_clock.hpp — time that moves only when a test says so.
//
// What: `FakeClock` (monotonic and wall time advanced by hand) and `FakeSleeper` (records every
// requested sleep and advances the FakeClock by it instead of waiting; honours cancellation,
// and can run a hook on each sleep, e.g. to cancel mid-wait or to let another "thread" act).
// Errors: `FakeSleeper::sleep_for` returns `Errc::cancelled` if the token is cancelled before or
// by the hook during the sleep. Thread-safety: all members are thread-safe.
// Example:
//   auto clock = std::make_shared<leverkit::testing::FakeClock>();
//   auto sleeper = std::make_shared<leverkit::testing::FakeSleeper>(clock);
//   ... run code that retries ...
//   CHECK(sleeper->sleeps() == std::vector<std::chrono::nanoseconds>{500ms, 1s});
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "leverkit/client/clock.hpp"
#include "leverkit/export.hpp"

namespace leverkit::inline v0::testing {

class LEVERKIT_EXPORT FakeClock final : public Clock {
 public:
  /// Wall time starts at 2026-01-01T00:00:00Z unless given.
  explicit FakeClock(std::chrono::system_clock::time_point wall_start = std::chrono::system_clock::time_point{
                         std::chrono::seconds{1'767'225'600}});

  [[nodiscard]] time_point now() const override;
  [[nodiscard]] std::chrono::system_clock::time_point wall_now() const override;
  void advance(std::chrono::nanoseconds d);

 private:
  mutable std::mutex mutex_;
  std::chrono::nanoseconds elapsed_{0};
  std::chrono::system_clock::time_point wall_start_;
};

class LEVERKIT_EXPORT FakeSleeper final : public Sleeper {
 public:
  explicit FakeSleeper(std::shared_ptr<FakeClock> clock) : clock_(std::move(clock)) {}

  Result<void> sleep_for(std::chrono::nanoseconds d, const CancellationToken& cancel) override;

  /// Every sleep requested (including ones cut short by cancellation), in order.
  [[nodiscard]] std::vector<std::chrono::nanoseconds> sleeps() const;
  [[nodiscard]] std::chrono::nanoseconds total() const;
  /// Runs before the clock is advanced for each sleep.
  void set_hook(std::function<void(std::chrono::nanoseconds)> hook);

 private:
  std::shared_ptr<FakeClock> clock_;
  mutable std::mutex mutex_;
  std::vector<std::chrono::nanoseconds> sleeps_;
  std::function<void(std::chrono::nanoseconds)> hook_;
};

}  // namespace leverkit::testing
