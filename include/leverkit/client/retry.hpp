// leverkit/client/retry.hpp — when and how long the client waits before repeating a request.
//
// What: `RetryOptions` (plain data), `backoff_delay()` (exponential with jitter from an
// injectable uniform [0,1) source), `parse_retry_after()` (delta-seconds or an HTTP-date in any
// of the three RFC 9110 formats) and `should_retry()` — the method-aware policy: GET/PUT/DELETE
// retry on `retry_statuses` and transport failures; a POST retries only on 429 (Lever refused it
// before doing anything) or when the transport proves the request never reached the server.
// Errors: none; unparseable Retry-After values are ignored (nullopt).
// Thread-safety: pure functions over values.
// Example:
//   leverkit::RetryOptions r{.max_attempts = 6, .initial_backoff = std::chrono::milliseconds(200)};
//   auto d = leverkit::backoff_delay(r, 3, 0.5);   // third retry, mid jitter
#pragma once

#include <chrono>
#include <optional>
#include <string_view>
#include <vector>

#include "leverkit/client/http.hpp"
#include "leverkit/models/error.hpp"

namespace leverkit::inline v0 {

struct RetryOptions {
  int max_attempts = 4;  // total attempts including the first; 1 = never retry
  std::chrono::milliseconds initial_backoff{500};
  std::chrono::milliseconds max_backoff{20'000};
  double multiplier = 2.0;
  /// Fraction of each delay that is randomised: delay * (1 - jitter * u), u uniform in [0,1).
  double jitter = 0.5;
  std::vector<int> retry_statuses{429, 500, 502, 503, 504};
  bool retry_transport_errors = true;
  /// Honour Retry-After up to this long; a longer demand ends the call with the error instead.
  std::chrono::milliseconds max_retry_after{60'000};
  /// A 429 means Lever did nothing, so waiting longer is always safe: when true, 429 answers do
  /// not count against `max_attempts` and the client keeps backing off (up to `max_backoff`)
  /// until the call's time budget cannot cover the next wait. When false, 429s count like 5xx.
  bool rate_limited_within_budget = true;
};

/// Delay before retry number `retry` (1 = the first retry): min(max_backoff,
/// initial * multiplier^(retry-1)) reduced by up to `jitter` of itself; `u` in [0,1).
std::chrono::milliseconds backoff_delay(const RetryOptions& options, int retry, double u) noexcept;

/// Retry-After as a delay: "120" (seconds) or an HTTP-date relative to `now` (a past date = 0).
std::optional<std::chrono::milliseconds> parse_retry_after(std::string_view value,
                                                           std::chrono::system_clock::time_point now);

/// Whether another attempt is allowed after `attempts` attempts of which `rate_limited` were
/// answered 429 (not counted when `rate_limited_within_budget`; the call's budget bounds them).
bool attempts_left(const RetryOptions& options, int attempts, int rate_limited) noexcept;

/// Whether an attempt that ended with HTTP `status` should be repeated for `method`.
bool should_retry_status(const RetryOptions& options, HttpMethod method, int status) noexcept;
/// Whether an attempt that ended with transport error `e` should be repeated for `method`.
bool should_retry_transport(const RetryOptions& options, HttpMethod method, const Error& e) noexcept;

}  // namespace leverkit
