// value.hpp — the sandbox's own JSON document type, writer and (simdjson-backed) reader.
//
// Why its own: responses must not be produced by leverkit's model encoders, so that a bug in
// the client's codec cannot be hidden by the same bug in the emulator. Objects keep insertion
// order (Lever's key order in the samples) and are searched linearly: they are small.
// Thread-safety: value type; no shared state (the parser is thread_local).
#pragma once
#include <concepts>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace leverkit::inline v0::sandbox::detail {

class Value;
using Array = std::vector<Value>;
using Member = std::pair<std::string, Value>;
using Object = std::vector<Member>;

class Value {
 public:
  enum class Kind { null, boolean, integer, number, string, array, object };

  Value() = default;
  Value(std::nullptr_t) {}
  Value(bool b) : v_(b) {}
  template <std::integral T>
    requires(!std::same_as<T, bool>)
  Value(T i) : v_(static_cast<std::int64_t>(i)) {}
  Value(double d) : v_(d) {}
  Value(std::string s) : v_(std::move(s)) {}
  Value(std::string_view s) : v_(std::string(s)) {}
  Value(const char* s) : v_(std::string(s)) {}
  Value(Array a) : v_(std::move(a)) {}
  Value(Object o) : v_(std::move(o)) {}

  static Value object() { return Value(Object{}); }
  static Value array() { return Value(Array{}); }

  [[nodiscard]] Kind kind() const noexcept { return static_cast<Kind>(v_.index()); }
  [[nodiscard]] bool is_null() const noexcept { return kind() == Kind::null; }
  [[nodiscard]] bool is_bool() const noexcept { return kind() == Kind::boolean; }
  [[nodiscard]] bool is_int() const noexcept { return kind() == Kind::integer; }
  [[nodiscard]] bool is_number() const noexcept { return kind() == Kind::integer || kind() == Kind::number; }
  [[nodiscard]] bool is_string() const noexcept { return kind() == Kind::string; }
  [[nodiscard]] bool is_array() const noexcept { return kind() == Kind::array; }
  [[nodiscard]] bool is_object() const noexcept { return kind() == Kind::object; }

  [[nodiscard]] bool as_bool() const noexcept { return is_bool() && std::get<bool>(v_); }
  [[nodiscard]] std::int64_t as_int() const noexcept;
  [[nodiscard]] double as_double() const noexcept;
  /// The string, or "" when this is not a string.
  [[nodiscard]] const std::string& as_string() const noexcept;
  [[nodiscard]] const Array& as_array() const noexcept;
  [[nodiscard]] const Object& as_object() const noexcept;
  Array& array_ref();    // converts a non-array to an empty array first
  Object& object_ref();  // converts a non-object to an empty object first

  /// Object member lookup; nullptr when absent or when this is not an object.
  [[nodiscard]] const Value* find(std::string_view key) const noexcept;
  [[nodiscard]] Value* find(std::string_view key) noexcept;
  /// Member string value or "" (absent, null, not a string).
  [[nodiscard]] const std::string& str(std::string_view key) const noexcept;
  [[nodiscard]] std::int64_t num(std::string_view key) const noexcept;
  /// Insert or replace, keeping the position of an existing key.
  Value& set(std::string_view key, Value v);
  bool erase(std::string_view key);
  void push_back(Value v) { array_ref().push_back(std::move(v)); }

  friend bool operator==(const Value&, const Value&) = default;

 private:
  std::variant<std::nullptr_t, bool, std::int64_t, double, std::string, Array, Object> v_{nullptr};
};

/// Appends the compact JSON text of `v` to `out`.
void write_json(std::string& out, const Value& v);
[[nodiscard]] std::string to_json(const Value& v);
/// Appends a JSON string literal (quoted, escaped).
void write_json_string(std::string& out, std::string_view s);

/// Parses a request body. On failure returns nullopt and a short reason in `error`.
[[nodiscard]] std::optional<Value> parse_json(std::string_view text, std::string& error);

/// encodeURIComponent: everything but A-Z a-z 0-9 - _ . ! ~ * ' ( ) is %XX-escaped.
[[nodiscard]] std::string url_encode(std::string_view s);
/// Decodes %XX and '+' (as space when `plus_is_space`); returns nullopt on a bad escape.
[[nodiscard]] std::optional<std::string> url_decode(std::string_view s, bool plus_is_space = false);

}  // namespace leverkit::sandbox::detail
