// request_args.hpp — readers of query parameters and JSON body fields shared by the resource
// handlers: each throws ApiFailure (400 InvalidParameter) naming the parameter on bad input.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api_impl.hpp"

namespace leverkit::sandbox::detail {

/// The whole of `s` as a decimal integer, or nullopt.
[[nodiscard]] std::optional<std::int64_t> to_int(std::string_view s);
/// ASCII lower case (e-mail comparisons).
[[nodiscard]] std::string lower(std::string_view s);
[[nodiscard]] bool contains(const std::vector<std::string_view>& xs, std::string_view x);
/// Whether the JSON array `arr` (may be null) holds the string `x`.
[[nodiscard]] bool array_has(const Value* arr, std::string_view x);

/// Inclusive ms range filter from `<name>_start` / `<name>_end`.
struct Range {
  std::optional<std::int64_t> start, end;
  [[nodiscard]] bool active() const { return start || end; }
  [[nodiscard]] bool holds(const Value* v) const {
    if (!active()) return true;
    if (!v || !v->is_number()) return false;
    std::int64_t t = v->as_int();
    return (!start || t >= *start) && (!end || t <= *end);
  }
};

[[nodiscard]] Range range_of(const Ctx& ctx, std::string_view name);
[[nodiscard]] std::optional<bool> bool_param(const Ctx& ctx, std::string_view name);
const std::string& need_string(const Value& body, std::string_view key);
[[nodiscard]] std::optional<std::string> opt_string(const Value& body, std::string_view key);
[[nodiscard]] std::optional<std::int64_t> opt_int(const Value& body, std::string_view key);
std::optional<bool> opt_bool(const Value& body, std::string_view key);
[[nodiscard]] std::vector<std::string> string_array(const Value& body, std::string_view key, bool required);
[[nodiscard]] Value to_array(const std::vector<std::string>& xs);
/// `feedbackReminder` of `body` (once, daily, frequently, none), or `fallback` when absent.
[[nodiscard]] std::string reminder(const Value& body, std::string_view fallback);

}  // namespace leverkit::sandbox::detail
