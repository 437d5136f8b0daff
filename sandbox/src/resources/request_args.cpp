// Readers of query parameters and JSON body fields shared by the resource handlers.
#include "resources/request_args.hpp"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

namespace leverkit::sandbox::detail {

std::optional<std::int64_t> to_int(std::string_view s) {
  std::int64_t v = 0;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (r.ec != std::errc() || r.ptr != s.data() + s.size()) return std::nullopt;
  return v;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool contains(const std::vector<std::string_view>& xs, std::string_view x) {
  return std::find(xs.begin(), xs.end(), x) != xs.end();
}

bool array_has(const Value* arr, std::string_view x) {
  if (!arr) return false;
  for (const auto& e : arr->as_array())
    if (e.as_string() == x) return true;
  return false;
}

Range range_of(const Ctx& ctx, std::string_view name) {
  Range r;
  for (std::string_view suffix : {"_start", "_end"}) {
    std::string key = std::string(name) + std::string(suffix);
    if (auto v = ctx.param(key)) {
      auto n = to_int(*v);
      if (!n) throw ApiFailure{400, "InvalidParameter", fmt::format("{} must be a timestamp in milliseconds", key)};
      (suffix == "_start" ? r.start : r.end) = *n;
    }
  }
  return r;
}

std::optional<bool> bool_param(const Ctx& ctx, std::string_view name) {
  auto v = ctx.param(name);
  if (!v) return std::nullopt;
  if (*v == "true") return true;
  if (*v == "false") return false;
  throw ApiFailure{400, "InvalidParameter", fmt::format("{} must be true or false", name)};
}

const std::string& need_string(const Value& body, std::string_view key) {
  const Value* v = body.find(key);
  if (!v || !v->is_string() || v->as_string().empty())
    throw ApiFailure{400, "InvalidParameter", fmt::format("{} is required and must be a non-empty string", key)};
  return v->as_string();
}

std::optional<std::string> opt_string(const Value& body, std::string_view key) {
  const Value* v = body.find(key);
  if (!v || v->is_null()) return std::nullopt;
  if (!v->is_string()) throw ApiFailure{400, "InvalidParameter", fmt::format("{} must be a string", key)};
  return v->as_string();
}

std::optional<std::int64_t> opt_int(const Value& body, std::string_view key) {
  const Value* v = body.find(key);
  if (!v || v->is_null()) return std::nullopt;
  if (!v->is_int()) throw ApiFailure{400, "InvalidParameter", fmt::format("{} must be an integer", key)};
  return v->as_int();
}

std::optional<bool> opt_bool(const Value& body, std::string_view key) {
  const Value* v = body.find(key);
  if (!v || v->is_null()) return std::nullopt;
  if (!v->is_bool()) throw ApiFailure{400, "InvalidParameter", fmt::format("{} must be a boolean", key)};
  return v->as_bool();
}

std::vector<std::string> string_array(const Value& body, std::string_view key, bool required) {
  const Value* v = body.find(key);
  if (!v || v->is_null()) {
    if (required) throw ApiFailure{400, "InvalidParameter", fmt::format("{} is required (an array of strings)", key)};
    return {};
  }
  if (!v->is_array()) throw ApiFailure{400, "InvalidParameter", fmt::format("{} must be an array of strings", key)};
  std::vector<std::string> out;
  for (std::size_t i = 0; i < v->as_array().size(); ++i) {
    const Value& e = v->as_array()[i];
    if (!e.is_string()) throw ApiFailure{400, "InvalidParameter", fmt::format("{}[{}] must be a string", key, i)};
    out.push_back(e.as_string());
  }
  return out;
}

Value to_array(const std::vector<std::string>& xs) {
  Array a;
  for (const auto& x : xs) a.emplace_back(x);
  return Value(std::move(a));
}

namespace {
constexpr std::string_view kReminders[] = {"once", "daily", "frequently", "none"};
}  // namespace

std::string reminder(const Value& body, std::string_view fallback) {
  auto r = opt_string(body, "feedbackReminder");
  if (!r) return std::string(fallback);
  if (std::find(std::begin(kReminders), std::end(kReminders), *r) == std::end(kReminders))
    throw ApiFailure{400, "InvalidParameter", "feedbackReminder must be once, daily, frequently or none"};
  return *r;
}

}  // namespace leverkit::sandbox::detail
