// leverkit/models/result.hpp — `Result<T>`: a value or an `Error`, leverkit's return type.
//
// What: `Result<T>` holds either a `T` (success) or an `Error` (failure), StatusOr-style:
// `has_value()`, `explicit operator bool`, `value()`, `error()`, `*`, `->`, `value_or()`.
// `Result<void>` holds nothing or an `Error`; return `leverkit::success()` for its success.
// `LEVERKIT_TRY` / `LEVERKIT_TRYV` propagate an error to the caller. Our own type (ADR 0090):
// Boost.Outcome used to be behind this name and leaked Boost into every consumer's include path.
// Errors: `value()` on an error throws `leverkit::ApiError` carrying the `Error`; `error()` on
// a value throws `leverkit::BadResultAccess` (a std::logic_error: a bug in the caller). `*` and
// `->` do not check (like std::optional) — test `has_value()` first.
// Thread-safety: a value type; distinct objects may be used from different threads.
// Example:
//   leverkit::Result<int> parse(std::string_view s);
//   leverkit::Result<int> twice(std::string_view s) { LEVERKIT_TRY(n, parse(s)); return 2 * n; }
//   if (auto r = twice("21")) std::printf("%d\n", *r); else std::puts(r.error().to_string().c_str());
#pragma once

#include <concepts>
#include <type_traits>
#include <utility>
#include <variant>

#include "leverkit/export.hpp"
#include "leverkit/models/error.hpp"

namespace leverkit::inline v0 {

/// Thrown by `Result<T>::error()` when the result holds a value: the caller did not check.
class LEVERKIT_EXPORT BadResultAccess : public std::logic_error {
 public:
  BadResultAccess();
};

namespace result_detail {
// Out of line so the header stays small and the throw sites are not inlined everywhere.
[[noreturn]] LEVERKIT_EXPORT void throw_api_error(const Error& e);
[[noreturn]] LEVERKIT_EXPORT void throw_api_error(Error&& e);
[[noreturn]] LEVERKIT_EXPORT void throw_bad_result_access();
}  // namespace result_detail

/// The success value of a `Result<void>` (what `success()` returns).
struct Success {};

/// Success for a `Result<void>`: `return leverkit::success();`.
constexpr Success success() noexcept { return {}; }

template <class T>
class Result;

namespace result_detail {
template <class>
inline constexpr bool is_result_v = false;
template <class U>
inline constexpr bool is_result_v<Result<U>> = true;

// A U that may initialise the value of a Result<T>: anything T is constructible from, except
// an Error (that is the failure side), Success and Results themselves.
template <class T, class U>
concept result_value_from = std::is_constructible_v<T, U> && !std::is_same_v<std::remove_cvref_t<U>, Error> &&
                            !std::is_same_v<std::remove_cvref_t<U>, Success> &&
                            !std::is_same_v<std::remove_cvref_t<U>, std::in_place_t> &&
                            !is_result_v<std::remove_cvref_t<U>>;
}  // namespace result_detail

template <class T>
class [[nodiscard]] Result {
  static_assert(!std::is_reference_v<T>, "Result<T&> is not supported: hold a pointer or std::reference_wrapper");
  static_assert(!std::is_same_v<std::remove_cv_t<T>, Error>, "Result<Error> would be ambiguous");

 public:
  using value_type = T;
  using error_type = Error;

  /// A value, from anything T is (implicitly, or if explicit: explicitly) constructible from.
  template <class U = T>
    requires result_detail::result_value_from<T, U>
  constexpr explicit(!std::is_convertible_v<U, T>) Result(U&& v) noexcept(std::is_nothrow_constructible_v<T, U>)
      : v_(std::in_place_index<0>, std::forward<U>(v)) {}

  /// A value built in place from `args`.
  template <class... Args>
  constexpr explicit Result(std::in_place_t, Args&&... args) : v_(std::in_place_index<0>, std::forward<Args>(args)...) {}

  /// A failure.
  Result(const Error& e) : v_(std::in_place_index<1>, e) {}
  Result(Error&& e) noexcept : v_(std::in_place_index<1>, std::move(e)) {}

  /// From a Result of another value type whose value converts to T (an error is carried over).
  template <class U>
    requires(!std::is_same_v<U, T> && !std::is_void_v<U> && std::is_constructible_v<T, const U&>)
  explicit Result(const Result<U>& other)
      : v_(other.has_value() ? Variant(std::in_place_index<0>, *other) : Variant(std::in_place_index<1>, other.error())) {}
  template <class U>
    requires(!std::is_same_v<U, T> && !std::is_void_v<U> && std::is_constructible_v<T, U &&>)
  explicit Result(Result<U>&& other)
      : v_(other.has_value() ? Variant(std::in_place_index<0>, *std::move(other))
                             : Variant(std::in_place_index<1>, std::move(other).error())) {}

  [[nodiscard]] constexpr bool has_value() const noexcept { return v_.index() == 0; }
  [[nodiscard]] constexpr bool has_error() const noexcept { return v_.index() == 1; }
  constexpr explicit operator bool() const noexcept { return has_value(); }

  /// The value; throws `ApiError` carrying the error if there is none.
  constexpr T& value() & {
    check_value();
    return *std::get_if<0>(&v_);
  }
  constexpr const T& value() const& {
    check_value();
    return *std::get_if<0>(&v_);
  }
  constexpr T&& value() && {
    check_value();
    return std::move(*std::get_if<0>(&v_));
  }
  constexpr const T&& value() const&& {
    check_value();
    return std::move(*std::get_if<0>(&v_));
  }

  /// The error; throws `BadResultAccess` if the result holds a value.
  Error& error() & {
    check_error();
    return *std::get_if<1>(&v_);
  }
  const Error& error() const& {
    check_error();
    return *std::get_if<1>(&v_);
  }
  Error&& error() && {
    check_error();
    return std::move(*std::get_if<1>(&v_));
  }
  const Error&& error() const&& {
    check_error();
    return std::move(*std::get_if<1>(&v_));
  }

  /// Unchecked access (like std::optional): only after `has_value()`.
  constexpr T& operator*() & noexcept { return *std::get_if<0>(&v_); }
  constexpr const T& operator*() const& noexcept { return *std::get_if<0>(&v_); }
  constexpr T&& operator*() && noexcept { return std::move(*std::get_if<0>(&v_)); }
  constexpr const T&& operator*() const&& noexcept { return std::move(*std::get_if<0>(&v_)); }
  constexpr T* operator->() noexcept { return std::get_if<0>(&v_); }
  constexpr const T* operator->() const noexcept { return std::get_if<0>(&v_); }

  /// The value, or `fallback` converted to T when the result holds an error.
  template <class U>
  constexpr T value_or(U&& fallback) const& {
    return has_value() ? **this : static_cast<T>(std::forward<U>(fallback));
  }
  template <class U>
  constexpr T value_or(U&& fallback) && {
    return has_value() ? std::move(**this) : static_cast<T>(std::forward<U>(fallback));
  }

  /// Equal when both hold equal values or both hold errors with the same code and message.
  friend bool operator==(const Result& a, const Result& b)
    requires std::equality_comparable<T>
  {
    if (a.has_value() != b.has_value()) return false;
    if (a.has_value()) return *a == *b;
    return a.error().code == b.error().code && a.error().message == b.error().message;
  }

 private:
  using Variant = std::variant<T, Error>;

  constexpr void check_value() const {
    if (!has_value()) result_detail::throw_api_error(*std::get_if<1>(&v_));
  }
  void check_error() const {
    if (!has_error()) result_detail::throw_bad_result_access();
  }

  Variant v_;
};

/// `Result<void>`: success carries nothing.
template <>
class [[nodiscard]] Result<void> {
 public:
  using value_type = void;
  using error_type = Error;

  constexpr Result(Success) noexcept {}
  Result(const Error& e) : error_(e), failed_(true) {}
  Result(Error&& e) noexcept : error_(std::move(e)), failed_(true) {}
  /// Drops the value of another Result, keeping its error.
  template <class U>
    requires(!std::is_void_v<U>)
  explicit Result(const Result<U>& other) : failed_(other.has_error()) {
    if (failed_) error_ = other.error();
  }
  template <class U>
    requires(!std::is_void_v<U>)
  explicit Result(Result<U>&& other) : failed_(other.has_error()) {
    if (failed_) error_ = std::move(other).error();
  }

  [[nodiscard]] constexpr bool has_value() const noexcept { return !failed_; }
  [[nodiscard]] constexpr bool has_error() const noexcept { return failed_; }
  constexpr explicit operator bool() const noexcept { return !failed_; }

  /// Nothing; throws `ApiError` carrying the error if the result failed.
  void value() const& {
    if (failed_) result_detail::throw_api_error(error_);
  }
  void value() && {
    if (failed_) result_detail::throw_api_error(std::move(error_));
  }

  /// The error; throws `BadResultAccess` on success.
  Error& error() & {
    check_error();
    return error_;
  }
  const Error& error() const& {
    check_error();
    return error_;
  }
  Error&& error() && {
    check_error();
    return std::move(error_);
  }
  const Error&& error() const&& {
    check_error();
    return std::move(error_);
  }

  friend bool operator==(const Result& a, const Result& b) {
    if (a.failed_ != b.failed_) return false;
    return !a.failed_ || (a.error_.code == b.error_.code && a.error_.message == b.error_.message);
  }

 private:
  void check_error() const {
    if (!failed_) result_detail::throw_bad_result_access();
  }

  // An empty Error costs two empty strings and no allocation; a std::variant<Success, Error>
  // would save nothing and make every accessor longer.
  Error error_;
  bool failed_ = false;
};

}  // namespace leverkit

#define LEVERKIT_DETAIL_CAT2(a, b) a##b
#define LEVERKIT_DETAIL_CAT(a, b) LEVERKIT_DETAIL_CAT2(a, b)

/// `LEVERKIT_TRY(name, expr)`: evaluate a Result-returning `expr`; on error return the Error
/// from the enclosing function (which must return some `Result<U>`), else declare
/// `auto name` holding the value.
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
