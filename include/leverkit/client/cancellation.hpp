// leverkit/client/cancellation.hpp — cooperative cancellation of calls, waits and transfers.
//
// What: `CancellationSource` (owned by whoever decides to cancel) hands out cheap copyable
// `CancellationToken`s. Every blocking step of a call (rate-limit wait, retry back-off, the HTTP
// transfer itself) checks the token and stops with `Errc::cancelled`.
// Errors: none of its own. Thread-safety: `cancel()` may be called from any thread while other
// threads wait on tokens; waiters are woken at once.
// Example:
//   leverkit::CancellationSource stop;
//   std::thread t([&] { for (auto& o : client.list_opportunities({}, {.cancel = stop.token()})) ...; });
//   stop.cancel();   // the listing ends with an Errc::cancelled element
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

namespace leverkit::inline v0 {

namespace detail {
struct CancelState {
  std::atomic<bool> cancelled{false};
  std::mutex mutex;
  std::condition_variable cv;
};
}  // namespace detail

/// A view of a cancellation flag. A default-constructed token can never be cancelled.
class CancellationToken {
 public:
  CancellationToken() = default;

  [[nodiscard]] bool cancelled() const noexcept {
    return state_ && state_->cancelled.load(std::memory_order_acquire);
  }
  [[nodiscard]] bool can_be_cancelled() const noexcept { return state_ != nullptr; }

  /// Blocks until `deadline` or cancellation, whichever comes first. Returns true when cancelled.
  template <class Clock, class Duration>
  bool wait_until(std::chrono::time_point<Clock, Duration> deadline) const {
    if (!state_) {
      std::this_thread::sleep_until(deadline);
      return false;
    }
    std::unique_lock lock(state_->mutex);
    return state_->cv.wait_until(lock, deadline, [&] { return state_->cancelled.load(); });
  }

 private:
  friend class CancellationSource;
  explicit CancellationToken(std::shared_ptr<detail::CancelState> s) : state_(std::move(s)) {}
  std::shared_ptr<detail::CancelState> state_;
};

/// Owns a cancellation flag; copies share it.
class CancellationSource {
 public:
  CancellationSource() : state_(std::make_shared<detail::CancelState>()) {}

  [[nodiscard]] CancellationToken token() const { return CancellationToken(state_); }
  void cancel() noexcept {
    {
      std::lock_guard lock(state_->mutex);
      state_->cancelled.store(true, std::memory_order_release);
    }
    state_->cv.notify_all();
  }
  [[nodiscard]] bool cancelled() const noexcept { return state_->cancelled.load(); }

 private:
  std::shared_ptr<detail::CancelState> state_;
};

}  // namespace leverkit
