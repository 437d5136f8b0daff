// leverkit/models/error.hpp — errors as values for every leverkit layer.
//
// What: `Errc` (what went wrong), `Error` (code plus everything a caller needs to decide what to
// do: HTTP status, Lever's own `code`/`message`, request id, Retry-After, attempts made) and
// `ApiError` (thrown by `Result::value()` on an error). Includes leverkit/models/result.hpp, so
// `Result<T>`, `success()` and the `LEVERKIT_TRY` / `LEVERKIT_TRYV` macros come with it.
// fmt formatters for `Error` and `Errc` are opt-in: include leverkit/fmt.hpp.
// Errors: none of its own. An `Error` never carries a credential: messages are built from
// paths, parameter names and Lever's reply, never from request headers.
// Thread-safety: value types; distinct objects may be used from different threads.
// Example:
//   leverkit::Result<int> parse(std::string_view s);
//   LEVERKIT_TRY(n, parse("42"));                    // returns the Error to our caller on failure
//   std::cout << leverkit::Error{leverkit::Errc::not_found, "opportunity 42"} << '\n';
#pragma once

#include <chrono>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>

#include "leverkit/export.hpp"

namespace leverkit::inline v0 {

enum class Errc : int {
  ok = 0,
  transport,          // below HTTP: DNS, connect, TLS, reset, truncated body
  timeout,            // connect or total timeout elapsed, or a deadline passed
  cancelled,          // the caller's cancellation token fired
  bad_request,        // HTTP 400 (Lever rejected a parameter or body)
  unauthorized,       // HTTP 401: missing or invalid credentials
  forbidden,          // HTTP 403: the key or token lacks a permission
  not_found,          // HTTP 404
  conflict,           // HTTP 409 / 422: the request conflicts with the resource's state
  rate_limited,       // HTTP 429 after retries were exhausted
  server_error,       // HTTP 5xx after retries were exhausted
  unexpected_status,  // any other non-2xx status
  decode_error,       // a response or input document does not have the expected shape
  invalid_argument,   // rejected client-side before any request was sent
  stale_cursor,       // Lever refused a pagination offset token: restart the listing
  auth_failed,        // OAuth: the grant is dead (invalid_grant) or the token exchange failed
  io_error,           // local file or stream failure (CLI, fixtures)
};

/// Stable snake_case name of a code ("not_found").
LEVERKIT_EXPORT std::string_view to_string(Errc code) noexcept;

/// The std::error_category of `Errc`, so `Error` can travel as a `std::error_code`.
LEVERKIT_EXPORT const std::error_category& leverkit_category() noexcept;
inline std::error_code make_error_code(Errc e) noexcept { return {static_cast<int>(e), leverkit_category()}; }

struct LEVERKIT_EXPORT Error {
  Errc code = Errc::ok;
  std::string message;       // ours: what was wrong, naming the JSON path or parameter
  int http_status = 0;       // 0 when no HTTP response was received
  std::string lever_code;    // Lever's error `code` ("ResourceNotFound"), if any
  std::string lever_message; // Lever's error `message`, if any
  std::string request_id;    // the response's request id header, if any
  std::optional<std::chrono::milliseconds> retry_after;  // from a Retry-After header
  int attempts = 0;          // attempts made before giving up (0 when no request was sent)
  /// The request provably never reached the server (DNS, connect or TLS handshake failed, or
  /// the call ended before the first attempt): repeating it is safe for any method.
  bool not_sent = false;
  /// A non-idempotent request (POST) may have been acted on by the server (a transport failure
  /// after sending began, a timeout, a 5xx): repeating it could write twice, so retryable() is false.
  bool may_have_written = false;
  /// Repeating cannot help (e.g. TLS certificate verification failed): retryable() is false.
  bool permanent = false;

  Error() = default;
  Error(Errc c, std::string msg) : code(c), message(std::move(msg)) {}

  /// True when repeating the same request later may succeed (429, 5xx, transport, timeout) and
  /// is safe: false when `permanent` or `may_have_written`.
  [[nodiscard]] bool retryable() const noexcept;
  /// One line: "not_found (HTTP 404, ResourceNotFound): opportunity x was not found [request r]".
  [[nodiscard]] std::string to_string() const;
};

LEVERKIT_EXPORT std::ostream& operator<<(std::ostream& os, const Error& e);

/// Thrown by `Result<T>::value()` when the result holds an error; carries the full `Error`.
class LEVERKIT_EXPORT ApiError : public std::runtime_error {
 public:
  explicit ApiError(Error e);
  [[nodiscard]] const Error& error() const noexcept { return error_; }
  [[nodiscard]] Errc code() const noexcept { return error_.code; }

 private:
  Error error_;
};

}  // namespace leverkit

namespace std {
template <> struct is_error_code_enum<leverkit::Errc> : true_type {};
}  // namespace std

// Result<T>, success(), LEVERKIT_TRY: every user of error.hpp has always had them from here.
#include "leverkit/models/result.hpp"
