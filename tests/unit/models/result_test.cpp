// leverkit::Result<T> (include/leverkit/models/result.hpp): our own StatusOr-style type that
// replaced Boost.Outcome's std_result in the public API (docs/adr/0090).
#include <doctest/doctest.h>

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#include "leverkit/models/result.hpp"

using leverkit::ApiError;
using leverkit::BadResultAccess;
using leverkit::Errc;
using leverkit::Error;
using leverkit::Result;

namespace {
struct Point {
  int x = 0;
  int y = 0;
  [[nodiscard]] int sum() const { return x + y; }
  bool operator==(const Point&) const = default;
};

Result<std::unique_ptr<int>> make_box(int v) {
  if (v < 0) return Error{Errc::invalid_argument, "v: must not be negative"};
  return std::make_unique<int>(v);
}

Result<int> unbox_plus_one(int v) {
  LEVERKIT_TRY(box, make_box(v));  // a move-only value travels through LEVERKIT_TRY
  return *box + 1;
}

Result<void> touch(bool ok) {
  if (!ok) return Error{Errc::io_error, "touch: refused"};
  return leverkit::success();
}

Result<std::string> touch_then_name(bool ok) {
  LEVERKIT_TRYV(touch(ok));
  LEVERKIT_TRYV(make_box(1));  // a valued Result discarded
  return "named";               // const char* converts implicitly
}
}  // namespace

TEST_CASE("Result<T> holds a value: has_value, bool, value, *, ->") {
  Result<Point> r = Point{2, 3};
  CHECK(r.has_value());
  CHECK_FALSE(r.has_error());
  CHECK(static_cast<bool>(r));
  CHECK(r.value() == Point{2, 3});
  CHECK((*r).x == 2);
  CHECK(r->sum() == 5);
  r->y = 10;  // non-const -> and * give mutable access
  (*r).x = 1;
  CHECK(r.value().sum() == 11);
  const Result<Point>& cr = r;
  CHECK(cr->sum() == 11);
  CHECK(cr.value_or(Point{}) == Point{1, 10});
  CHECK_THROWS_AS((void)cr.error(), BadResultAccess);
}

TEST_CASE("Result<T> holds an error: error() keeps every field, value() throws ApiError") {
  Error e{Errc::not_found, "opportunity 42"};
  e.http_status = 404;
  e.request_id = "req-7";
  Result<int> r = e;
  CHECK_FALSE(r);
  CHECK(r.has_error());
  CHECK(r.error().code == Errc::not_found);
  CHECK(r.error().http_status == 404);
  CHECK(r.error().request_id == "req-7");
  CHECK(r.value_or(-1) == -1);
  try {
    (void)r.value();
    FAIL("value() on an error must throw");
  } catch (const ApiError& ex) {
    CHECK(ex.code() == Errc::not_found);
    CHECK(ex.error().request_id == "req-7");
    CHECK(std::string(ex.what()).find("opportunity 42") != std::string::npos);
  }
  CHECK_THROWS_AS((void)std::move(r).value(), ApiError);
  Error moved = std::move(r).error();
  CHECK(moved.message == "opportunity 42");
}

TEST_CASE("Result<T> with a move-only value: moves through value() && and LEVERKIT_TRY") {
  static_assert(!std::is_copy_constructible_v<Result<std::unique_ptr<int>>>);
  static_assert(std::is_move_constructible_v<Result<std::unique_ptr<int>>>);
  auto r = make_box(41);
  REQUIRE(r);
  std::unique_ptr<int> p = std::move(r).value();
  REQUIRE(p);
  CHECK(*p == 41);
  CHECK(unbox_plus_one(41).value() == 42);
  auto bad = unbox_plus_one(-1);
  REQUIRE(bad.has_error());
  CHECK(bad.error().code == Errc::invalid_argument);
  CHECK(bad.error().message == "v: must not be negative");
}

TEST_CASE("Result<void>: success(), error, value() throws, LEVERKIT_TRYV propagation") {
  Result<void> ok = leverkit::success();
  CHECK(ok);
  CHECK(ok.has_value());
  CHECK_NOTHROW(ok.value());
  CHECK_THROWS_AS((void)ok.error(), BadResultAccess);
  Result<void> bad = touch(false);
  CHECK_FALSE(bad);
  CHECK(bad.error().code == Errc::io_error);
  CHECK_THROWS_AS(bad.value(), ApiError);
  CHECK(touch_then_name(true).value() == "named");
  auto r = touch_then_name(false);
  REQUIRE(r.has_error());
  CHECK(r.error().message == "touch: refused");
}

TEST_CASE("Result conversions: value types that convert, optional from nullopt, explicit re-typing") {
  Result<std::optional<int>> none = std::nullopt;
  REQUIRE(none);
  CHECK_FALSE(none->has_value());
  Result<std::vector<int>> v = std::vector<int>{1, 2, 3};
  CHECK(v->size() == 3);
  Result<int> i = 7;
  Result<long> l{i};  // explicit: value converts
  CHECK(l.value() == 7L);
  Result<int> e = Error{Errc::timeout, "slow"};
  Result<long> le{e};  // explicit: the error is carried over
  CHECK(le.error().code == Errc::timeout);
  Result<void> dropped{i};
  CHECK(dropped);
  Result<void> dropped_error{std::move(e)};
  CHECK(dropped_error.error().message == "slow");
  static_assert(!std::is_convertible_v<Result<int>, Result<long>>, "re-typing must be explicit");
  static_assert(std::is_constructible_v<Result<std::string>, std::string_view>);
  static_assert(!std::is_convertible_v<std::string_view, Result<std::string>>);
}

TEST_CASE("Result equality compares values, or error code and message") {
  CHECK(Result<int>(3) == Result<int>(3));
  CHECK_FALSE(Result<int>(3) == Result<int>(4));
  CHECK_FALSE(Result<int>(3) == Result<int>(Error{Errc::timeout, "x"}));
  CHECK(Result<int>(Error{Errc::timeout, "x"}) == Result<int>(Error{Errc::timeout, "x"}));
  CHECK_FALSE(Result<int>(Error{Errc::timeout, "x"}) == Result<int>(Error{Errc::timeout, "y"}));
  CHECK(Result<void>(leverkit::success()) == Result<void>(leverkit::success()));
  CHECK_FALSE(Result<void>(leverkit::success()) == Result<void>(Error{Errc::timeout, "x"}));
}
