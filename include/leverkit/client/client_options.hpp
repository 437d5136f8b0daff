// leverkit/client/client_options.hpp — everything a Client is configured with, as plain data.
//
// What: the Lever environment or a custom base URL (EU host, a local leverkit-sandbox), the
// transport (default: libcurl with `transport_options`), the rate limiter (default: the shared
// bucket of the credential), retry policy, and injectable clock, sleeper, jitter source and
// logger. `from_environment()` reads LEVER_BASE_URL — only when you call it.
// Errors: validated by `Client::create` (invalid_argument naming the field).
// Thread-safety: a value type.
// Example:
//   leverkit::ClientOptions o{.environment = leverkit::Environment::sandbox,
//                             .retry = {.max_attempts = 6}};
//   leverkit::ClientOptions local{.base_url = "http://127.0.0.1:8080/v1"};
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "leverkit/client/clock.hpp"
#include "leverkit/client/rate_limiter.hpp"
#include "leverkit/client/retry.hpp"
#include "leverkit/client/transport.hpp"
#include "leverkit/models/error.hpp"

namespace leverkit::inline v0 {

enum class Environment { production, sandbox, eu };

/// "https://api.lever.co/v1", "https://api.sandbox.lever.co/v1", "https://api.eu.lever.co/v1".
std::string_view base_url_of(Environment e) noexcept;

enum class LogLevel { debug, info, warning };

struct ClientOptions {
  Environment environment = Environment::production;
  /// Overrides `environment` when non-empty, e.g. "http://127.0.0.1:8080/v1".
  std::string base_url;
  TransportOptions transport_options;
  /// nullptr = make_curl_transport(transport_options).
  std::shared_ptr<Transport> transport;
  RateLimitOptions rate_limit;
  /// nullptr = shared_rate_limiter(credentials->identity(), rate_limit, clock, sleeper).
  std::shared_ptr<RateLimiter> rate_limiter;
  RetryOptions retry;
  /// nullptr = steady_clock_source() / thread_sleeper().
  std::shared_ptr<Clock> clock;
  std::shared_ptr<Sleeper> sleeper;
  /// Uniform [0,1) source for back-off jitter; empty = a per-client std::mt19937_64.
  std::function<double()> random;
  /// Whole-call budget when CallOptions::timeout is unset.
  std::chrono::milliseconds default_timeout{120'000};
  /// Receives one line per retry / notable event; secrets are redacted before it is called.
  std::function<void(LogLevel, std::string_view)> logger;

  /// Options with `base_url` = $LEVER_BASE_URL when set (production otherwise).
  static ClientOptions from_environment();
};

}  // namespace leverkit
