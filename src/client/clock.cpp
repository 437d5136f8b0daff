#include "leverkit/client/clock.hpp"

#include <fmt/format.h>

namespace leverkit::inline v0 {

namespace {

class SteadyClock final : public Clock {
 public:
  [[nodiscard]] time_point now() const override { return std::chrono::steady_clock::now(); }
  [[nodiscard]] std::chrono::system_clock::time_point wall_now() const override {
    return std::chrono::system_clock::now();
  }
};

class ThreadSleeper final : public Sleeper {
 public:
  Result<void> sleep_for(std::chrono::nanoseconds d, const CancellationToken& cancel) override {
    if (cancel.cancelled()) return Error(Errc::cancelled, "cancelled");
    if (d.count() <= 0) return success();
    const auto deadline = std::chrono::steady_clock::now() + d;
    if (cancel.wait_until(deadline)) return Error(Errc::cancelled, "cancelled while waiting");
    return success();
  }
};

}  // namespace

std::shared_ptr<Clock> steady_clock_source() { return std::make_shared<SteadyClock>(); }
std::shared_ptr<Sleeper> thread_sleeper() { return std::make_shared<ThreadSleeper>(); }

}  // namespace leverkit
