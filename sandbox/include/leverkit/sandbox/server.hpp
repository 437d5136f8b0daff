// leverkit/sandbox/server.hpp — leverkit-sandbox, a local emulator of Lever's Data API (/v1).
//
// What: an HTTP server on loopback that serves deterministic, seeded Lever data with Lever's
// response shapes and quirks, API-key and OAuth authentication, a per-key token-bucket rate
// limit, fault injection and statistics under /__sandbox, and signed webhook deliveries.
// The same server backs the `leverkit-sandbox` binary, the examples, the integration tests
// and the benchmarks. docs/sandbox.md lists routes, flags, the admin API and default keys.
// Errors: `start()` returns an Error (Errc::transport) when the port cannot be bound and
// (Errc::io_error / decode_error) when `data_dir` fixtures cannot be read; bad requests never
// throw, they become Lever-style 4xx responses.
// Thread-safety: `start`, `stop` and the destructor from one owning thread; requests are served
// concurrently on the server's worker threads.
// Example:
//   leverkit::sandbox::Server server({.seed = 42, .opportunities = 500});
//   if (auto r = server.start(); !r) return 1;
//   std::string base = server.base_url();        // "http://127.0.0.1:43123"
#pragma once
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "leverkit/models/error.hpp"

namespace leverkit::inline v0::sandbox {

/// An API key and the scopes it grants (Lever scope names, e.g. "notes:write:admin";
/// "*" grants everything). A write scope implies the matching read scope.
struct ApiKey {
  std::string key;
  std::string name;
  std::vector<std::string> scopes;
};

/// An OAuth client registered with the sandbox.
struct OAuthClient {
  std::string client_id;
  std::string client_secret;
  /// Registered redirect URIs; /oauth/authorize and the code exchange accept only an exact match.
  /// Empty: kDefaultRedirectUris.
  std::vector<std::string> redirect_uris;
};

/// Registered for every client that lists none: `leverkit connect`'s default loopback callback
/// and the URI the sandbox tests and docs use.
inline const std::vector<std::string> kDefaultRedirectUris = {
    "http://127.0.0.1:8765/callback", "http://localhost:8765/callback", "http://localhost/cb"};

struct RateLimitOptions {
  bool enabled = true;
  double per_second = 10.0;  // steady refill
  double burst = 20.0;       // bucket capacity
};

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 0;                   // 0: any free port
  std::uint64_t seed = 42;
  std::size_t opportunities = 200;
  std::string data_dir;           // optional JSON fixtures (see docs/sandbox.md)
  bool log_requests = false;      // one line per request to `logger` (never credentials)
  std::function<void(std::string_view)> logger;  // default: stderr
  std::chrono::milliseconds latency{0};
  std::chrono::milliseconds jitter{0};
  RateLimitOptions rate_limit;
  bool admin = true;              // false: /__sandbox/* answers 404
  std::string webhook_url;        // deliver events here too (http:// only)
  std::string webhook_signature_token;  // default: derived from the seed
  std::chrono::seconds access_token_ttl{3600};
  std::chrono::seconds oauth_code_ttl{60};  // authorization codes: single use, this short-lived
  /// Largest request body accepted (Content-Length or chunked); larger → 413.
  std::size_t max_body_bytes = 8u << 20;
  /// A connection that sends nothing for this long is closed (idle keep-alive, slow headers).
  std::chrono::seconds read_timeout{2};
  std::vector<ApiKey> api_keys;   // empty: the documented default keys
  std::vector<OAuthClient> oauth_clients;  // empty: the documented default client
  std::size_t threads = 0;        // worker threads; 0: max(32, 4 x cores) so idle connections cannot starve it
  /// Wall clock in ms since the epoch used for timestamps, token lifetimes and the rate
  /// limiter; tests inject a fake one. Default: std::chrono::system_clock.
  std::function<std::int64_t()> clock;
};

/// The default keys (also printed in docs/sandbox.md).
inline constexpr std::string_view kFullKey = "sandbox-full-key";
inline constexpr std::string_view kReadOnlyKey = "sandbox-read-only-key";
inline constexpr std::string_view kOAuthClientId = "sandbox-client";
inline constexpr std::string_view kOAuthClientSecret = "sandbox-client-secret";

class Server {
 public:
  explicit Server(ServerOptions options = {});
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  /// Generates the data, binds and starts serving on a background thread.
  Result<void> start();
  /// Stops serving and joins the threads; idempotent.
  void stop();
  /// Blocks until `stop()` is called from another thread (used by the binary).
  void wait();

  [[nodiscard]] int port() const noexcept;
  /// "http://127.0.0.1:<port>" (no trailing slash; the API is under /v1).
  [[nodiscard]] std::string base_url() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace leverkit::sandbox
