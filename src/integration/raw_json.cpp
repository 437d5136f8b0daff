#include "raw_json.hpp"

#include <simdjson.h>

#include <optional>

#include <fmt/format.h>
#include "leverkit/fmt.hpp"

namespace leverkit::inline v0::integration::detail {

namespace od = simdjson::ondemand;

namespace {
Error bad(std::string_view what, simdjson::error_code e) {
  return Error(Errc::decode_error, fmt::format("{}: {}", what, simdjson::error_message(e)));
}

// Reads `data` (array) plus hasNext/next from an object; recurses once into a doubled wrap.
simdjson::error_code read_object(od::object obj, RawPage& out, int depth) {
  for (auto field : obj) {
    std::string_view key;
    if (auto e = field.unescaped_key().get(key)) return e;
    od::value v;
    if (auto e = field.value().get(v)) return e;
    if (key == "data") {
      od::json_type t;
      if (auto e = v.type().get(t)) return e;
      if (t == od::json_type::object && depth == 0) {
        od::object inner;
        if (auto e = v.get_object().get(inner)) return e;
        if (auto e = read_object(inner, out, 1)) return e;
        continue;
      }
      od::array arr;
      if (auto e = v.get_array().get(arr)) return e;
      for (auto el : arr) {
        od::value item;
        if (auto e = el.get(item)) return e;
        od::object o;
        if (auto e = item.get_object().get(o)) return e;
        std::string_view raw;
        if (auto e = o.raw_json().get(raw)) return e;
        out.items.emplace_back(raw);
      }
    } else if (key == "hasNext") {
      bool b = false;
      if (v.get_bool().get(b) == simdjson::SUCCESS) out.has_next = out.has_next || b;
    } else if (key == "next") {
      std::string_view s;
      if (v.get_string().get(s) == simdjson::SUCCESS) out.next = std::string(s);
    }
  }
  return simdjson::SUCCESS;
}
}  // namespace

Result<RawPage> split_page(std::string_view body) {
  simdjson::padded_string padded(body);
  od::parser parser;
  od::document doc;
  if (auto e = parser.iterate(padded).get(doc)) return bad("list page", e);
  od::object obj;
  if (auto e = doc.get_object().get(obj)) return bad("list page is not a JSON object", e);
  RawPage out;
  if (auto e = read_object(obj, out, 0)) return bad("list page", e);
  // The raw views point into `padded`: items were copied into std::strings above.
  return out;
}

Result<std::string> unwrap_object(std::string_view body) {
  std::string current(body);
  for (int depth = 0; depth < 3; ++depth) {
    simdjson::padded_string padded(current);
    od::parser parser;
    od::document doc;
    if (auto e = parser.iterate(padded).get(doc)) return bad("response", e);
    od::object obj;
    if (auto e = doc.get_object().get(obj)) return bad("response is not a JSON object", e);
    std::optional<std::string> inner;
    bool only_wrap = true;
    for (auto field : obj) {
      std::string_view key;
      if (auto e = field.unescaped_key().get(key)) return bad("response", e);
      if (key == "data") {
        od::value v;
        if (auto e = field.value().get(v)) return bad("response", e);
        od::object o;
        if (v.get_object().get(o) == simdjson::SUCCESS) {
          std::string_view raw;
          if (auto e = o.raw_json().get(raw)) return bad("response.data", e);
          inner = std::string(raw);
        }
      } else if (key == "id") {
        only_wrap = false;
      }
    }
    // An object with its own `id` is the resource itself (its `data` would be a field of it).
    if (!inner || !only_wrap) return current;
    current = std::move(*inner);
  }
  return current;
}

Result<std::vector<std::pair<std::string, std::string>>> string_members(std::string_view json) {
  simdjson::padded_string padded(json);
  od::parser parser;
  od::document doc;
  if (auto e = parser.iterate(padded).get(doc)) return bad("object", e);
  od::object obj;
  if (auto e = doc.get_object().get(obj)) return bad("expected a JSON object", e);
  std::vector<std::pair<std::string, std::string>> out;
  for (auto field : obj) {
    std::string_view key;
    if (auto e = field.unescaped_key().get(key)) return bad("object key", e);
    std::string k(key);
    std::string_view s;
    od::value v;
    if (auto e = field.value().get(v)) return bad("object value", e);
    if (v.get_string().get(s) == simdjson::SUCCESS) out.emplace_back(std::move(k), std::string(s));
  }
  return out;
}

}  // namespace leverkit::integration::detail
