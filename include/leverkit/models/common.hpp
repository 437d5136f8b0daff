// leverkit/models/common.hpp — building blocks shared by every Lever model.
//
// What: `Expandable<T>` (a key Lever returns as an id, or as the full object with `expand`),
// `Page<T>` (one page of a list: `data`, `hasNext`, `next`), small shared value types.
// Errors: none. Thread-safety: value types.
// Example:
//   leverkit::Expandable<leverkit::Stage> s = opp.stage;   // s.id always set
//   if (s.object) fmt::print("{}\n", s.object->text);     // set when requested with expand=stage
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "leverkit/models/error.hpp"

namespace leverkit::inline v0 {

/// A reference Lever returns as an id string, or — when the request asked `expand=<key>` — as
/// the full object. The id is always filled (taken from the object when expanded).
template <class T>
struct Expandable {
  std::string id;
  std::optional<T> object;

  [[nodiscard]] bool expanded() const noexcept { return object.has_value(); }
  friend bool operator==(const Expandable&, const Expandable&) = default;
};

/// One page of a Lever list response: `{"data": [...], "hasNext": bool, "next": "<token>"}`.
/// `next` is Lever's opaque offset token, absent on the last page; some endpoints omit
/// `hasNext` altogether (then `has_next` is false).
template <class T>
struct Page {
  std::vector<T> data;
  bool has_next = false;
  std::optional<std::string> next;

  /// Whether another page should be requested: Lever says so and gave a usable token.
  [[nodiscard]] bool more() const noexcept { return has_next && next && !next->empty(); }
};

/// `{type, value}` — an opportunity phone number.
struct Phone {
  std::optional<std::string> type;  // "mobile", "work", "other", ... (may be absent or null)
  std::string value;
  friend bool operator==(const Phone&, const Phone&) = default;
};

/// Lever's error envelope `{code, message}`.
struct LeverErrorBody {
  std::string code;
  std::string message;
  friend bool operator==(const LeverErrorBody&, const LeverErrorBody&) = default;
};

/// Reads a non-2xx response body: `{"code": "ResourceNotFound", "message": "..."}` (also
/// wrapped in `data`). Missing keys stay empty; a body that is not a JSON object, or keys of the
/// wrong type, give decode_error — the caller then falls back to the HTTP status alone.
Result<LeverErrorBody> decode_lever_error(std::string_view json);

}  // namespace leverkit
