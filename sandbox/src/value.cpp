#include "value.hpp"

#include <simdjson.h>

#include <charconv>
#include <cstdio>

#include <fmt/format.h>

namespace leverkit::inline v0::sandbox::detail {
namespace {
const std::string kEmptyString;
const Array kEmptyArray;
const Object kEmptyObject;
}  // namespace

std::int64_t Value::as_int() const noexcept {
  if (auto* i = std::get_if<std::int64_t>(&v_)) return *i;
  if (auto* d = std::get_if<double>(&v_)) return static_cast<std::int64_t>(*d);
  return 0;
}

double Value::as_double() const noexcept {
  if (auto* i = std::get_if<std::int64_t>(&v_)) return static_cast<double>(*i);
  if (auto* d = std::get_if<double>(&v_)) return *d;
  return 0.0;
}

const std::string& Value::as_string() const noexcept {
  if (auto* s = std::get_if<std::string>(&v_)) return *s;
  return kEmptyString;
}

const Array& Value::as_array() const noexcept {
  if (auto* a = std::get_if<Array>(&v_)) return *a;
  return kEmptyArray;
}

const Object& Value::as_object() const noexcept {
  if (auto* o = std::get_if<Object>(&v_)) return *o;
  return kEmptyObject;
}

Array& Value::array_ref() {
  if (!is_array()) v_ = Array{};
  return std::get<Array>(v_);
}

Object& Value::object_ref() {
  if (!is_object()) v_ = Object{};
  return std::get<Object>(v_);
}

const Value* Value::find(std::string_view key) const noexcept {
  if (auto* o = std::get_if<Object>(&v_)) {
    for (const auto& [k, v] : *o)
      if (k == key) return &v;
  }
  return nullptr;
}

Value* Value::find(std::string_view key) noexcept {
  if (auto* o = std::get_if<Object>(&v_)) {
    for (auto& [k, v] : *o)
      if (k == key) return &v;
  }
  return nullptr;
}

const std::string& Value::str(std::string_view key) const noexcept {
  const Value* v = find(key);
  return v ? v->as_string() : kEmptyString;
}

std::int64_t Value::num(std::string_view key) const noexcept {
  const Value* v = find(key);
  return v ? v->as_int() : 0;
}

Value& Value::set(std::string_view key, Value v) {
  auto& o = object_ref();
  for (auto& [k, existing] : o) {
    if (k == key) {
      existing = std::move(v);
      return existing;
    }
  }
  o.emplace_back(std::string(key), std::move(v));
  return o.back().second;
}

bool Value::erase(std::string_view key) {
  auto& o = object_ref();
  for (auto it = o.begin(); it != o.end(); ++it) {
    if (it->first == key) {
      o.erase(it);
      return true;
    }
  }
  return false;
}

namespace {
/// Length of the valid UTF-8 sequence starting at s[i], or 0 when it is not valid.
std::size_t utf8_sequence(std::string_view s, std::size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  std::size_t n = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
  auto c1 = static_cast<unsigned char>(s[i + 1]);
  if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0) || (c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 >= 0x90))
    return 0;  // overlong, surrogate or beyond U+10FFFF
  return n;
}
}  // namespace

void write_json_string(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  for (std::size_t i = 0; i < s.size(); ++i) {
    // Copy the run of plain ASCII in one append: most strings are nothing but that.
    std::size_t run = i;
    while (run < s.size()) {
      auto r = static_cast<unsigned char>(s[run]);
      if (r < 0x20 || r >= 0x80 || r == '"' || r == '\\') break;
      ++run;
    }
    if (run > i) {
      out.append(s.data() + i, run - i);
      i = run;
      if (i == s.size()) break;
    }
    auto c = static_cast<unsigned char>(s[i]);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out.push_back(kHex[c >> 4]);
          out.push_back(kHex[c & 0xF]);
        } else if (c < 0x80) {
          out.push_back(static_cast<char>(c));
        } else if (std::size_t n = utf8_sequence(s, i); n > 0) {
          out.append(s.substr(i, n));
          i += n - 1;
        } else {
          out += "\\ufffd";  // bytes that are not UTF-8 (echoed user input) never break the JSON
        }
    }
  }
  out.push_back('"');
}

void write_json(std::string& out, const Value& v) {
  switch (v.kind()) {
    case Value::Kind::null: out += "null"; break;
    case Value::Kind::boolean: out += v.as_bool() ? "true" : "false"; break;
    case Value::Kind::integer: {
      char buf[24];
      auto r = std::to_chars(buf, buf + sizeof buf, v.as_int());
      out.append(buf, r.ptr);
      break;
    }
    case Value::Kind::number: fmt::format_to(std::back_inserter(out), "{}", v.as_double()); break;
    case Value::Kind::string: write_json_string(out, v.as_string()); break;
    case Value::Kind::array: {
      out.push_back('[');
      bool first = true;
      for (const auto& e : v.as_array()) {
        if (!first) out.push_back(',');
        first = false;
        write_json(out, e);
      }
      out.push_back(']');
      break;
    }
    case Value::Kind::object: {
      out.push_back('{');
      bool first = true;
      for (const auto& [k, e] : v.as_object()) {
        if (!first) out.push_back(',');
        first = false;
        write_json_string(out, k);
        out.push_back(':');
        write_json(out, e);
      }
      out.push_back('}');
      break;
    }
  }
}

std::string to_json(const Value& v) {
  std::string out;
  write_json(out, v);
  return out;
}

namespace {
Value convert(simdjson::dom::element e) {
  switch (e.type()) {
    case simdjson::dom::element_type::ARRAY: {
      simdjson::dom::array arr;
      if (e.get_array().get(arr) != simdjson::SUCCESS) return Value();
      Array a;
      a.reserve(arr.size());
      for (simdjson::dom::element child : arr) a.push_back(convert(child));
      return Value(std::move(a));
    }
    case simdjson::dom::element_type::OBJECT: {
      simdjson::dom::object obj;
      if (e.get_object().get(obj) != simdjson::SUCCESS) return Value();
      Object o;
      for (simdjson::dom::key_value_pair field : obj) o.emplace_back(std::string(field.key), convert(field.value));
      return Value(std::move(o));
    }
    case simdjson::dom::element_type::INT64: return Value(e.get_int64().value_unsafe());
    case simdjson::dom::element_type::UINT64:
      return Value(static_cast<double>(e.get_uint64().value_unsafe()));
    case simdjson::dom::element_type::DOUBLE: return Value(e.get_double().value_unsafe());
    case simdjson::dom::element_type::STRING: return Value(std::string(e.get_string().value_unsafe()));
    case simdjson::dom::element_type::BOOL: return Value(e.get_bool().value_unsafe());
    case simdjson::dom::element_type::NULL_VALUE: return Value();
  }
  return Value();
}
}  // namespace

std::optional<Value> parse_json(std::string_view text, std::string& error) {
  thread_local simdjson::dom::parser parser;
  simdjson::padded_string padded(text);
  auto doc = parser.parse(padded);
  if (doc.error()) {
    error = simdjson::error_message(doc.error());
    return std::nullopt;
  }
  return convert(doc.value_unsafe());
}

std::string url_encode(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size() * 3);
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '_' || c == '.' || c == '!' || c == '~' || c == '*' || c == '\'' || c == '(' || c == ')') {
      out.push_back(ch);
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0xF]);
    }
  }
  return out;
}

std::optional<std::string> url_decode(std::string_view s, bool plus_is_space) {
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%') {
      if (i + 2 >= s.size()) return std::nullopt;
      int hi = hex(s[i + 1]);
      int lo = hex(s[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else if (plus_is_space && s[i] == '+') {
      out.push_back(' ');
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

}  // namespace leverkit::sandbox::detail
