// leverkit/client/transport.hpp — the one seam between the client and the network.
//
// What: `Transport::send` performs one HTTP exchange. Only failures below HTTP are errors
// (DNS, connect, TLS, reset, timeout, cancellation): a 404 or 503 is a successful exchange
// whose `HttpResponse::status` says so, and the client maps it to an `Errc`.
// `make_curl_transport()` builds the default libcurl transport: pooled easy handles sharing one
// connection cache (HTTP keep-alive), connect and total timeouts, TLS verification always on,
// gzip/deflate accepted, `User-Agent: leverkit/<version>`, and plain `http://` only to loopback
// hosts (127.0.0.0/8, ::1, localhost) unless `TransportOptions::allow_insecure_http`.
// Errors: `Errc::transport` (below HTTP), `Errc::timeout`, `Errc::cancelled`,
// `Errc::invalid_argument` (malformed URL, refused plain http). A transport failure that provably
// happened before any request byte left (DNS, connect refused, TLS handshake) is marked with
// `mark_not_sent()` (Error::not_sent); the client retries POSTs only then. A TLS verification
// failure is also `Error::permanent` (never retried). Writes (POST/PUT/DELETE) always use a fresh
// connection, so libcurl can never re-send one on its own after a reused connection dies.
// Error text never contains headers.
// Thread-safety: `send` may be called concurrently from many threads.
// Example:
//   LEVERKIT_TRY(t, leverkit::make_curl_transport({.connect_timeout = std::chrono::seconds(5)}));
//   LEVERKIT_TRY(resp, t->send({.url = "https://api.lever.co/v1/stages"}, {}));
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "leverkit/client/call_options.hpp"
#include "leverkit/client/http.hpp"
#include "leverkit/models/error.hpp"

namespace leverkit::inline v0 {

struct TransportOptions {
  std::chrono::milliseconds connect_timeout{10'000};
  /// Per-exchange total when the call itself has no tighter budget.
  std::chrono::milliseconds timeout{60'000};
  /// Allow `http://` to non-loopback hosts (never needed for Lever; for proxies in tests).
  bool allow_insecure_http = false;
  /// CA bundle file; empty = the system default. Verification itself cannot be turned off.
  std::string ca_file;
  /// Idle easy handles kept for reuse (each keeps its connections alive).
  int max_idle_handles = 8;
  /// A response slower than `low_speed_limit` bytes/s for `low_speed_time` (rounded up to whole
  /// seconds, libcurl's unit) is abandoned with Errc::timeout: a trickling server cannot hold a
  /// call for its whole budget. 0 disables the floor.
  long low_speed_limit = 1;
  std::chrono::milliseconds low_speed_time{30'000};
};

class Transport {
 public:
  virtual ~Transport() = default;
  /// One HTTP exchange. `options.timeout`, when set, bounds this exchange; `options.cancel`
  /// aborts it. `options.headers` are NOT applied here (the client merges them into `request`).
  virtual Result<HttpResponse> send(const HttpRequest& request, const CallOptions& options) = 0;
};

/// The default libcurl transport.
Result<std::shared_ptr<Transport>> make_curl_transport(TransportOptions options = {});

/// True for 127.0.0.0/8, ::1 and localhost (the hosts plain http is allowed to by default).
bool is_loopback_host(std::string_view host) noexcept;

/// Marks a transport error as "the request never reached the server" (safe to retry any method).
Error mark_not_sent(Error e);
/// Whether `e` was marked by mark_not_sent.
bool request_not_sent(const Error& e) noexcept;

}  // namespace leverkit
