#include "json_reader.hpp"

#include <fmt/format.h>
#include "leverkit/fmt.hpp"

namespace leverkit::inline v0::detail {

std::string JsonPath::str() const {
  std::vector<const JsonPath*> chain;
  for (const JsonPath* p = this; p != nullptr; p = p->parent) chain.push_back(p);
  std::string out = "$";
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    const JsonPath* p = *it;
    if (p->is_index) {
      out += fmt::format("[{}]", p->index);
    } else if (!p->key.empty()) {
      out += '.';
      out += p->key;
    }
  }
  // "$.data[3]" reads better as "data[3]"; keep "$" only for the root itself.
  if (out.size() > 2 && out[1] == '.') return out.substr(2);
  if (out.size() > 1 && out[1] == '[') return out.substr(1);
  return out;
}

Error decode_error(const JsonPath& at, std::string_view what) {
  return Error{Errc::decode_error, fmt::format("at {}: {}", at.str(), what)};
}

Error decode_error(const JsonPath& at, simdjson::error_code ec, std::string_view expected) {
  if (ec == simdjson::INCORRECT_TYPE)
    return decode_error(at, fmt::format("expected {}", expected));
  return decode_error(at, fmt::format("expected {} ({})", expected, simdjson::error_message(ec)));
}

// The kernel of the On Demand code inlined into this TU (chosen by *our* compile flags); note
// simdjson::builtin_implementation() would report the shared library's own build instead.
const char* simdjson_kernel() noexcept { return SIMDJSON_STRINGIFY(SIMDJSON_BUILTIN_IMPLEMENTATION); }

bool is_null(od::value& v) {
  bool null = false;
  return !v.is_null().get(null) && null;
}

Result<std::string> read_raw_json(od::value v, const JsonPath& p) {
  od::json_type t;
  if (auto ec = v.type().get(t); ec) return decode_error(p, ec, "a JSON value");
  std::string_view raw;
  if (t == od::json_type::object) {
    od::object o;
    if (auto ec = v.get_object().get(o); ec) return decode_error(p, ec, "an object");
    if (auto ec = o.raw_json().get(raw); ec) return decode_error(p, ec, "an object");
  } else if (t == od::json_type::array) {
    od::array a;
    if (auto ec = v.get_array().get(a); ec) return decode_error(p, ec, "an array");
    if (auto ec = a.raw_json().get(raw); ec) return decode_error(p, ec, "an array");
  } else {
    raw = v.raw_json_token();
    while (!raw.empty() && (raw.back() == ' ' || raw.back() == '\n' || raw.back() == '\r' || raw.back() == '\t'))
      raw.remove_suffix(1);
    // A scalar token is not validated until it is read; read it once so malformed input fails.
    if (t == od::json_type::string) {
      std::string_view s;
      if (auto ec = v.get_string().get(s); ec) return decode_error(p, ec, "a string");
    }
  }
  return std::string(raw);
}

Result<std::string> read_string(od::value v, const JsonPath& p) {
  std::string_view s;
  if (auto ec = v.get_string().get(s); ec) return decode_error(p, ec, "a string");
  return std::string(s);
}

Result<std::optional<std::string>> read_opt_string(od::value v, const JsonPath& p) {
  if (is_null(v)) return std::optional<std::string>{};
  LEVERKIT_TRY(s, read_string(v, p));
  return std::optional<std::string>{std::move(s)};
}

Result<std::string> read_string_or_empty(od::value v, const JsonPath& p) {
  if (is_null(v)) return std::string{};
  return read_string(v, p);
}

Result<bool> read_bool(od::value v, const JsonPath& p) {
  bool b = false;
  if (auto ec = v.get_bool().get(b); ec) return decode_error(p, ec, "a boolean");
  return b;
}

Result<bool> read_bool_or_false(od::value v, const JsonPath& p) {
  if (is_null(v)) return false;
  return read_bool(v, p);
}

Result<std::int64_t> read_int(od::value v, const JsonPath& p) {
  od::json_type t;
  if (auto ec = v.type().get(t); ec) return decode_error(p, ec, "an integer");
  if (t == od::json_type::number) {
    od::number_type nt;
    if (auto ec = v.get_number_type().get(nt); ec) return decode_error(p, ec, "an integer");
    if (nt == od::number_type::floating_point_number) {
      double d = 0;
      if (auto ec = v.get_double().get(d); ec) return decode_error(p, ec, "an integer");
      // Casting a double outside int64's range is undefined behaviour (found by fuzz_form_json).
      if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0))
        return decode_error(p, "expected an integer, got a number out of range");
      if (d != static_cast<double>(static_cast<std::int64_t>(d)))
        return decode_error(p, "expected an integer, got a fraction");
      return static_cast<std::int64_t>(d);
    }
    std::int64_t i = 0;
    if (auto ec = v.get_int64().get(i); ec) return decode_error(p, ec, "an integer");
    return i;
  }
  if (t == od::json_type::string) {  // numeric strings appear in Lever's doc examples
    std::string_view s;
    if (auto ec = v.get_string().get(s); ec) return decode_error(p, ec, "an integer");
    std::int64_t i = 0;
    auto [ptr, err] = std::from_chars(s.data(), s.data() + s.size(), i);
    if (err != std::errc{} || ptr != s.data() + s.size() || s.empty())
      return decode_error(p, fmt::format("expected an integer, got the string '{}'", s.substr(0, 40)));
    return i;
  }
  return decode_error(p, "expected an integer");
}

Result<std::optional<std::int64_t>> read_opt_int(od::value v, const JsonPath& p) {
  if (is_null(v)) return std::optional<std::int64_t>{};
  LEVERKIT_TRY(i, read_int(v, p));
  return std::optional<std::int64_t>{i};
}

Result<std::optional<double>> read_opt_number(od::value v, const JsonPath& p) {
  if (is_null(v)) return std::optional<double>{};
  od::json_type t;
  if (auto ec = v.type().get(t); ec) return decode_error(p, ec, "a number");
  if (t == od::json_type::string) {
    std::string_view s;
    if (auto ec = v.get_string().get(s); ec) return decode_error(p, ec, "a number");
    double d = 0;
    auto [ptr, err] = std::from_chars(s.data(), s.data() + s.size(), d);
    if (err != std::errc{} || ptr != s.data() + s.size() || s.empty())
      return decode_error(p, fmt::format("expected a number, got the string '{}'", s.substr(0, 40)));
    return std::optional<double>{d};
  }
  double d = 0;
  if (auto ec = v.get_double().get(d); ec) return decode_error(p, ec, "a number");
  return std::optional<double>{d};
}

Result<std::optional<Timestamp>> read_opt_timestamp(od::value v, const JsonPath& p) {
  if (is_null(v)) return std::optional<Timestamp>{};
  auto i = read_int(v, p);
  if (!i) return decode_error(p, "expected a timestamp (epoch milliseconds)");
  return std::optional<Timestamp>{from_unix_ms(i.value())};
}

Result<Timestamp> read_timestamp(od::value v, const JsonPath& p) {
  LEVERKIT_TRY(t, read_opt_timestamp(v, p));
  if (!t) return decode_error(p, "expected a timestamp (epoch milliseconds), got null");
  return *t;
}

Result<std::vector<std::string>> read_string_array(od::value v, const JsonPath& p) {
  return read_array<std::string>(v, p, [](od::value e, const JsonPath& ep) { return read_string(e, ep); });
}

Result<void> skip(od::value, const JsonPath&) {
  // On Demand skips an unconsumed value when the iterator moves on; malformed content inside
  // it still surfaces as an iteration error at the enclosing object's path.
  return success();
}

Result<void> require(bool seen, const JsonPath& p, std::string_view key) {
  if (seen) return success();
  return decode_error(p, fmt::format("missing required field '{}'", key));
}

Result<od::document> DocumentParser::parse(JsonInput in, simdjson::padded_string& keep) {
  thread_local od::parser parser;
  const JsonPath root{};
  simdjson::simdjson_result<od::document> r;
  if (in.capacity >= in.text.size() + simdjson::SIMDJSON_PADDING) {
    r = parser.iterate(in.text.data(), in.text.size(), in.capacity);
  } else {
    keep = simdjson::padded_string(in.text);
    r = parser.iterate(keep);
  }
  od::document doc;
  if (auto ec = std::move(r).get(doc); ec) return decode_error(root, ec, "a JSON document");
  return doc;
}

Result<od::value> unwrap_object(od::document& doc, JsonPath& a, JsonPath& b, const JsonPath*& path_out) {
  static const JsonPath root{};
  a = root.field("data");
  b = a.field("data");
  int depth = 0;
  {
    od::object top;
    if (auto ec = doc.get_object().get(top); ec) return decode_error(root, ec, "a JSON object");
    od::value data;
    if (!top.find_field_unordered("data").get(data)) {
      od::json_type t;
      if (!data.type().get(t) && t == od::json_type::object) {
        depth = 1;
        od::object inner;
        od::value inner_data;
        if (!data.get_object().get(inner) && !inner.find_field_unordered("data").get(inner_data)) {
          od::json_type it;
          if (!inner_data.type().get(it) && it == od::json_type::object) depth = 2;
        }
      }
    }
  }
  // A malformed document (e.g. an unclosed object) makes simdjson abandon the iterator during the
  // probe above; rewinding it then dereferences a null parser (found by tests/fuzz, fuzz_models).
  if (!doc.is_alive()) return decode_error(root, simdjson::TAPE_ERROR, "a JSON document");
  doc.rewind();
  od::value v;
  if (depth == 0) {
    if (auto ec = doc.get_value().get(v); ec) return decode_error(root, ec, "a JSON object");
    path_out = &root;
  } else if (depth == 1) {
    if (auto ec = doc.find_field_unordered("data").get(v); ec) return decode_error(a, ec, "an object");
    path_out = &a;
  } else {
    od::value outer;
    if (auto ec = doc.find_field_unordered("data").get(outer); ec) return decode_error(a, ec, "an object");
    if (auto ec = outer.find_field_unordered("data").get(v); ec) return decode_error(b, ec, "an object");
    path_out = &b;
  }
  return v;
}

}  // namespace leverkit::detail
