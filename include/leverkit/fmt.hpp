// leverkit/fmt.hpp — opt-in {fmt} formatters for leverkit types.
//
// What: `fmt::formatter` specialisations so `fmt::format("{}", x)` works for `leverkit::Error`
// (its one-line `to_string()`) and `leverkit::Errc` (its snake_case name). The only public
// header that includes fmt: the rest of leverkit's API does not make {fmt} a dependency of
// its users (ADR 0091). Include it only if you use fmt yourself; link fmt::fmt.
// Errors: none. Thread-safety: formatting is as thread-safe as the value being formatted.
// Example:
//   #include <leverkit/fmt.hpp>
//   fmt::print("{}\n", leverkit::Error{leverkit::Errc::not_found, "opportunity 42"});
#pragma once

#include <fmt/format.h>

#include <string_view>

#include "leverkit/models/error.hpp"

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
