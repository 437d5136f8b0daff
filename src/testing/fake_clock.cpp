#include "leverkit/testing/fake_clock.hpp"

namespace leverkit::inline v0::testing {

FakeClock::FakeClock(std::chrono::system_clock::time_point wall_start) : wall_start_(wall_start) {}

Clock::time_point FakeClock::now() const {
  std::lock_guard lock(mutex_);
  // A fixed, non-zero origin so "time_point{}" in a test never collides with now().
  return time_point{std::chrono::hours(1)} + std::chrono::duration_cast<time_point::duration>(elapsed_);
}

std::chrono::system_clock::time_point FakeClock::wall_now() const {
  std::lock_guard lock(mutex_);
  return wall_start_ + std::chrono::duration_cast<std::chrono::system_clock::duration>(elapsed_);
}

void FakeClock::advance(std::chrono::nanoseconds d) {
  std::lock_guard lock(mutex_);
  if (d.count() > 0) elapsed_ += d;
}

Result<void> FakeSleeper::sleep_for(std::chrono::nanoseconds d, const CancellationToken& cancel) {
  std::function<void(std::chrono::nanoseconds)> hook;
  {
    std::lock_guard lock(mutex_);
    sleeps_.push_back(d);
    hook = hook_;
  }
  if (cancel.cancelled()) return Error(Errc::cancelled, "cancelled");
  if (hook) hook(d);
  if (cancel.cancelled()) return Error(Errc::cancelled, "cancelled while waiting");
  clock_->advance(d);
  return success();
}

std::vector<std::chrono::nanoseconds> FakeSleeper::sleeps() const {
  std::lock_guard lock(mutex_);
  return sleeps_;
}

std::chrono::nanoseconds FakeSleeper::total() const {
  std::lock_guard lock(mutex_);
  std::chrono::nanoseconds t{0};
  for (auto s : sleeps_) t += s;
  return t;
}

void FakeSleeper::set_hook(std::function<void(std::chrono::nanoseconds)> hook) {
  std::lock_guard lock(mutex_);
  hook_ = std::move(hook);
}

}  // namespace leverkit::testing
