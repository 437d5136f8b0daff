#include <doctest/doctest.h>
#include <fmt/format.h>

#include <sstream>

#include "leverkit/fmt.hpp"
#include "leverkit/models/error.hpp"

using leverkit::Errc;
using leverkit::Error;
using leverkit::Result;

namespace {
Result<int> half(int x) {
  if (x % 2 != 0) return Error{Errc::invalid_argument, "x must be even"};
  return x / 2;
}
Result<int> quarter(int x) {
  LEVERKIT_TRY(h, half(x));
  LEVERKIT_TRY(q, half(h));
  return q;
}
Result<void> check_even(int x) {
  LEVERKIT_TRYV(half(x));
  return leverkit::success();
}
}  // namespace

TEST_CASE("LEVERKIT_TRY propagates the first error and unwraps values") {
  CHECK(quarter(8).value() == 2);
  auto r = quarter(6);
  REQUIRE(r.has_error());
  CHECK(r.error().code == Errc::invalid_argument);
  CHECK(check_even(4).has_value());
  CHECK(check_even(3).has_error());
}

TEST_CASE("value() on an error throws ApiError carrying the Error") {
  auto r = half(3);
  try {
    (void)r.value();
    FAIL("expected ApiError");
  } catch (const leverkit::ApiError& e) {
    CHECK(e.code() == Errc::invalid_argument);
    CHECK(std::string(e.what()).find("x must be even") != std::string::npos);
  }
}

TEST_CASE("Error formats with status, Lever code, attempts and request id") {
  Error e{Errc::not_found, "opportunity 42"};
  e.http_status = 404;
  e.lever_code = "ResourceNotFound";
  e.lever_message = "opportunities 42 was not found";
  e.request_id = "req-1";
  e.attempts = 1;
  const std::string s = fmt::format("{}", e);
  CHECK(s == "not_found (HTTP 404, ResourceNotFound): opportunity 42 — Lever says: opportunities 42 was "
             "not found [request req-1]");
  std::ostringstream os;
  os << e;
  CHECK(os.str() == s);
  CHECK(fmt::format("{}", Errc::stale_cursor) == "stale_cursor");
}

TEST_CASE("retryable() is true exactly for transient failures") {
  for (auto c : {Errc::transport, Errc::timeout, Errc::rate_limited, Errc::server_error})
    CHECK(Error{c, ""}.retryable());
  for (auto c : {Errc::bad_request, Errc::unauthorized, Errc::forbidden, Errc::not_found,
                 Errc::decode_error, Errc::invalid_argument, Errc::stale_cursor, Errc::cancelled})
    CHECK_FALSE(Error{c, ""}.retryable());
}

TEST_CASE("Errc converts to std::error_code in the leverkit category") {
  std::error_code ec = Errc::forbidden;
  CHECK(std::string(ec.category().name()) == "leverkit");
  CHECK(ec.message() == "forbidden");
}
