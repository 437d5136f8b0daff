// Private: the JSON reading toolkit every decoder is written with (simdjson On Demand).
//
// Decoders walk each object's fields once, in document order, switching on the key: this is
// order-independent, ignores unknown keys (Lever adds fields at any time) and touches every
// byte once. Paths are a linked list of stack frames rendered only when an error is reported,
// so the success path allocates nothing for them.
#pragma once

#include <simdjson.h>

#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "leverkit/models/common.hpp"
#include "leverkit/models/error.hpp"
#include "leverkit/models/time.hpp"

namespace leverkit::inline v0::detail {

namespace od = simdjson::ondemand;

/// A JSON path as a chain of stack frames: `data[3].emails[0]`.
struct JsonPath {
  const JsonPath* parent = nullptr;
  std::string_view key;      // empty for the root or for an index frame
  std::size_t index = 0;
  bool is_index = false;

  [[nodiscard]] JsonPath field(std::string_view k) const { return JsonPath{this, k, 0, false}; }
  [[nodiscard]] JsonPath at(std::size_t i) const { return JsonPath{this, {}, i, true}; }
  [[nodiscard]] std::string str() const;  // "$" for the root
};

/// decode_error "at <path>: <what>".
Error decode_error(const JsonPath& at, std::string_view what);
/// decode_error for a simdjson failure at `at`, with simdjson's own words.
Error decode_error(const JsonPath& at, simdjson::error_code ec, std::string_view expected);

/// Input to a document decoder. `capacity` >= size + SIMDJSON_PADDING lets simdjson parse in
/// place (the transport reserves that much); otherwise the text is copied into padded storage.
struct JsonInput {
  std::string_view text;
  std::size_t capacity = 0;
};

// ---- scalar readers (null handling is explicit in the name) ---------------------------------

Result<std::string> read_string(od::value v, const JsonPath& p);
/// null → nullopt.
Result<std::optional<std::string>> read_opt_string(od::value v, const JsonPath& p);
/// null → "" (for strings Lever sometimes nulls where an empty value means the same).
Result<std::string> read_string_or_empty(od::value v, const JsonPath& p);
Result<bool> read_bool(od::value v, const JsonPath& p);
/// null → false.
Result<bool> read_bool_or_false(od::value v, const JsonPath& p);
Result<std::int64_t> read_int(od::value v, const JsonPath& p);
Result<std::optional<std::int64_t>> read_opt_int(od::value v, const JsonPath& p);
Result<std::optional<double>> read_opt_number(od::value v, const JsonPath& p);
/// Epoch ms as a number or a numeric string (Lever's doc examples); null → nullopt.
Result<std::optional<Timestamp>> read_opt_timestamp(od::value v, const JsonPath& p);
Result<Timestamp> read_timestamp(od::value v, const JsonPath& p);
/// Array of strings; null → empty.
Result<std::vector<std::string>> read_string_array(od::value v, const JsonPath& p);
/// Skips the value (unknown key); consumes it so iteration can continue.
Result<void> skip(od::value v, const JsonPath& p);

bool is_null(od::value& v);

/// The simdjson kernel the decoders' inlined On Demand code was compiled for ("fallback", "haswell").
const char* simdjson_kernel() noexcept;

/// The value's JSON text exactly as it appears in the document (object, array or scalar),
/// consumed. Used to keep payloads leverkit does not model (webhook `data`, file objects).
Result<std::string> read_raw_json(od::value v, const JsonPath& p);

/// `return assign(out.name, read_string(f, fp));` — stores a decoded value or forwards its error.
template <class T, class U>
Result<void> assign(T& dst, Result<U>&& r) {
  if (!r) return std::move(r).error();
  dst = std::move(r).value();
  return success();
}

// ---- structure -------------------------------------------------------------------------------

/// Calls `fn(key, value, path)` for every field of the object `v`; fn returns Result<void>.
/// A non-object is a decode_error naming `what` ("an opportunity").
template <class Fn>
Result<void> for_each_field(od::value v, const JsonPath& p, std::string_view what, Fn&& fn) {
  od::object obj;
  if (auto ec = v.get_object().get(obj); ec) return decode_error(p, ec, what);
  for (auto field : obj) {
    std::string_view key;
    if (auto ec = field.unescaped_key().get(key); ec) return decode_error(p, ec, "an object key");
    const JsonPath child = p.field(key);
    od::value val;
    if (auto ec = field.value().get(val); ec) return decode_error(child, ec, "a value");
    if (auto r = fn(key, val, child); !r) return std::move(r).error();
  }
  return success();
}

/// Decodes the elements of an array with `item(value, path) -> Result<T>`.
template <class T, class Fn>
Result<std::vector<T>> read_array_elements(od::array arr, const JsonPath& p, Fn&& item) {
  std::vector<T> out;
  std::size_t i = 0;
  for (auto element : arr) {
    const JsonPath child = p.at(i++);
    od::value ev;
    if (auto ec = element.get(ev); ec) return decode_error(child, ec, "an array element");
    auto r = item(ev, child);
    if (!r) return std::move(r).error();
    out.push_back(std::move(r).value());
  }
  return out;
}

/// Decodes an array with `item(value, path) -> Result<T>`; null → empty.
template <class T, class Fn>
Result<std::vector<T>> read_array(od::value v, const JsonPath& p, Fn&& item) {
  if (is_null(v)) return std::vector<T>{};
  od::array arr;
  if (auto ec = v.get_array().get(arr); ec) return decode_error(p, ec, "an array");
  return read_array_elements<T>(arr, p, item);
}

/// A key that is an id string, or the expanded object decoded with `object(value, path)`.
template <class T, class Fn>
Result<Expandable<T>> read_expandable(od::value v, const JsonPath& p, Fn&& object) {
  od::json_type t;
  if (auto ec = v.type().get(t); ec) return decode_error(p, ec, "an id or an object");
  Expandable<T> out;
  if (t == od::json_type::string) {
    LEVERKIT_TRY(id, read_string(v, p));
    out.id = std::move(id);
    return out;
  }
  if (t == od::json_type::object) {
    LEVERKIT_TRY(obj, object(v, p));
    out.id = obj.id;
    out.object = std::move(obj);
    return out;
  }
  return decode_error(p, "expected an id string or an expanded object");
}

/// Like read_expandable; null → nullopt.
template <class T, class Fn>
Result<std::optional<Expandable<T>>> read_opt_expandable(od::value v, const JsonPath& p, Fn&& object) {
  if (is_null(v)) return std::optional<Expandable<T>>{};
  LEVERKIT_TRY(e, read_expandable<T>(v, p, object));
  return std::optional<Expandable<T>>{std::move(e)};
}

/// Checks a required field was seen: decode_error "missing required field 'id'".
Result<void> require(bool seen, const JsonPath& p, std::string_view key);

// ---- documents -------------------------------------------------------------------------------

/// Parses a document and finds the payload object: a bare object, `{"data": {...}}` (extra
/// top-level keys such as `deduped` ignored) or `{"data": {"data": {...}}}`. Calls
/// `fn(value, path)` with the payload; the path is `data` (or `data.data`) or `$`.
/// Result<T> decode_object_document(JsonInput, Fn)
template <class T, class Fn>
Result<T> decode_object_document(JsonInput in, Fn&& fn);

/// Parses a list document: `{"data": [...], "hasNext": b, "next": "tok"}`, a doubled wrap,
/// or a bare array. `item(value, path)` decodes each element.
template <class T, class Fn>
Result<Page<T>> decode_page_document(JsonInput in, Fn&& item);

// implementation details of the document functions
class DocumentParser {
 public:
  /// Parses into the thread's parser; `keep` holds a padded copy when the input was not padded.
  static Result<od::document> parse(JsonInput in, simdjson::padded_string& keep);
};
Result<od::value> unwrap_object(od::document& doc, JsonPath& path_storage_a, JsonPath& path_storage_b,
                                const JsonPath*& path_out);

template <class T, class Fn>
Result<T> decode_object_document(JsonInput in, Fn&& fn) {
  simdjson::padded_string keep;
  LEVERKIT_TRY(doc, DocumentParser::parse(in, keep));
  JsonPath a, b;
  const JsonPath* path = nullptr;
  LEVERKIT_TRY(payload, unwrap_object(doc, a, b, path));
  return fn(payload, *path);
}

template <class T, class Fn>
Result<Page<T>> decode_page_document(JsonInput in, Fn&& item) {
  simdjson::padded_string keep;
  LEVERKIT_TRY(doc, DocumentParser::parse(in, keep));
  const JsonPath root{};
  Page<T> page;
  od::json_type t;
  if (auto ec = doc.type().get(t); ec) return decode_error(root, ec, "a list response");
  auto read_items = [&](od::value v, const JsonPath& p) -> Result<void> {
    LEVERKIT_TRY(items, read_array<T>(v, p, item));
    page.data = std::move(items);
    return success();
  };
  if (t == od::json_type::array) {
    // A root array is read through the document (a root value must not be used as a nested one).
    od::array arr;
    if (auto ec = doc.get_array().get(arr); ec) return decode_error(root, ec, "a list response");
    LEVERKIT_TRY(items, read_array_elements<T>(arr, root, item));
    page.data = std::move(items);
    return page;
  }
  // Walks an envelope object; `depth` allows one doubled `data` wrap.
  auto walk = [&](auto&& self, od::value v, const JsonPath& p, int depth) -> Result<void> {
    return for_each_field(v, p, "a list response object", [&](std::string_view key, od::value val,
                                                              const JsonPath& child) -> Result<void> {
      if (key == "data") {
        od::json_type vt;
        if (auto ec = val.type().get(vt); ec) return decode_error(child, ec, "an array");
        if (vt == od::json_type::object && depth == 0) return self(self, val, child, 1);
        return read_items(val, child);
      }
      if (key == "hasNext") {
        LEVERKIT_TRY(b, read_bool_or_false(val, child));
        page.has_next = b;
        return success();
      }
      if (key == "next") {
        LEVERKIT_TRY(n, read_opt_string(val, child));
        page.next = std::move(n);
        return success();
      }
      return skip(val, child);
    });
  };
  od::value top;
  if (auto ec = doc.get_value().get(top); ec) return decode_error(root, ec, "a list response");
  LEVERKIT_TRYV(walk(walk, top, root, 0));
  return page;
}

}  // namespace leverkit::detail
