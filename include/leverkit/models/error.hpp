// leverkit/models/error.hpp — errors as values for every leverkit layer.
//
// What: `Errc` (what went wrong), `Error` (code plus everything a caller needs to decide what to
// do: HTTP status, Lever's own `code`/`message`, request id, Retry-After, attempts made),
// `Result<T>` (Boost.Outcome `std_result<T, Error>`), `ApiError` (thrown by `Result::value()`
// on an error) and the `LEVERKIT_TRY` / `LEVERKIT_TRYV` macros.
// Errors: none of its own. An `Error` never carries a credential: messages are built from
// paths, parameter names and Lever's reply, never from request headers.
// Thread-safety: value types; distinct objects may be used from different threads.
// Example:
//   leverkit::Result<int> parse(std::string_view s);
//   LEVERKIT_TRY(n, parse("42"));                    // returns the Error to our caller on failure
//   fmt::print("{}\n", leverkit::Error{leverkit::Errc::not_found, "opportunity 42"});
#pragma once

#include <boost/outcome/std_result.hpp>

#include <chrono>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>

#include <fmt/format.h>

namespace leverkit {

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
std::string_view to_string(Errc code) noexcept;

/// The std::error_category of `Errc`, so `Error` can travel as a `std::error_code`.
const std::error_category& leverkit_category() noexcept;
inline std::error_code make_error_code(Errc e) noexcept { return {static_cast<int>(e), leverkit_category()}; }

struct Error {
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

std::ostream& operator<<(std::ostream& os, const Error& e);

/// ADL hook for Boost.Outcome's payload pattern.
inline std::error_code make_error_code(const Error& e) noexcept { return make_error_code(e.code); }

/// Thrown by `Result<T>::value()` when the result holds an error; carries the full `Error`.
class ApiError : public std::runtime_error {
 public:
  explicit ApiError(Error e);
  [[nodiscard]] const Error& error() const noexcept { return error_; }
  [[nodiscard]] Errc code() const noexcept { return error_.code; }

 private:
  Error error_;
};

/// ADL hook for Boost.Outcome: `.value()` on an errored Result throws ApiError.
[[noreturn]] void outcome_throw_as_system_error_with_payload(const Error& e);
[[noreturn]] void outcome_throw_as_system_error_with_payload(Error&& e);

template <class T>
using Result = BOOST_OUTCOME_V2_NAMESPACE::std_result<T, Error>;

/// Success for a `Result<void>`.
inline auto success() { return BOOST_OUTCOME_V2_NAMESPACE::success(); }

}  // namespace leverkit

namespace std {
template <> struct is_error_code_enum<leverkit::Errc> : true_type {};
}  // namespace std

template <>
struct fmt::formatter<leverkit::Error> : fmt::formatter<std::string_view> {
  template <class Ctx>
  auto format(const leverkit::Error& e, Ctx& ctx) const {
    return fmt::formatter<std::string_view>::format(e.to_string(), ctx);
  }
};
template <>
struct fmt::formatter<leverkit::Errc> : fmt::formatter<std::string_view> {
  template <class Ctx>
  auto format(leverkit::Errc e, Ctx& ctx) const {
    return fmt::formatter<std::string_view>::format(leverkit::to_string(e), ctx);
  }
};

#define LEVERKIT_DETAIL_CAT2(a, b) a##b
#define LEVERKIT_DETAIL_CAT(a, b) LEVERKIT_DETAIL_CAT2(a, b)

/// `LEVERKIT_TRY(name, expr)`: evaluate a Result-returning `expr`; on error return the Error
/// from the enclosing function (which must return some `Result<U>`), else declare
/// `auto name` holding the value. (Our own macro: BOOST_OUTCOME_TRY changed meaning in 1.76.)
#define LEVERKIT_TRY(name, ...)                                                        \
  auto LEVERKIT_DETAIL_CAT(leverkit_try_, __LINE__) = (__VA_ARGS__);                   \
  if (!LEVERKIT_DETAIL_CAT(leverkit_try_, __LINE__))                                   \
    return std::move(LEVERKIT_DETAIL_CAT(leverkit_try_, __LINE__)).error();            \
  auto name = std::move(LEVERKIT_DETAIL_CAT(leverkit_try_, __LINE__)).value()

/// `LEVERKIT_TRYV(expr)`: like LEVERKIT_TRY for a `Result<void>` or a value to discard.
#define LEVERKIT_TRYV(...)                                                             \
  do {                                                                                 \
    auto leverkit_tryv_r = (__VA_ARGS__);                                              \
    if (!leverkit_tryv_r) return std::move(leverkit_tryv_r).error();                   \
  } while (false)
