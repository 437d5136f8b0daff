// Internal (not installed): the one JSON writer of every library layer — request bodies (models),
// token files (client), match results (match), drafts and prompts (autofill), reports, webhooks
// and chat requests (integration). Other libraries reach it through the include directory
// ${PROJECT_SOURCE_DIR}/src as "models/detail/json_writer.hpp"; it is never a public header.
// Why one writer: three copies had drifted apart (one escaped U+007F and repaired ill-formed
// UTF-8, one wrote \b as \u0008, one passed stray bytes through and so could emit invalid JSON).
// docs/adr/0096-one-json-writer.md.
//
// Output is always valid JSON text (RFC 8259):
//  - commas are placed from a stack of "nothing written in this container yet" flags;
//  - strings escape quote, backslash, every control character below U+0020 (\b \f \n \r \t
//    short forms, \u00XX otherwise) and U+007F; well-formed UTF-8 passes through unchanged and
//    each byte that is not part of a well-formed sequence (stray, truncated, overlong, surrogate,
//    above U+10FFFF) becomes U+FFFD — a Latin-1 transcript must not break a whole document;
//  - doubles are written in shortest round-trip form, non-finite ones (no JSON spelling) as null.
// Misuse (unbalanced begin/end, two keys in a row) is a programming error, not checked at run time.
// Thread-safety: a JsonWriter is a plain value; use one per thread.
// Example:
//   leverkit::detail::JsonWriter w;
//   w.begin_object().field("value", note.value).field("secret", false).end_object();
//   std::string body = w.take();
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "leverkit/models/form_field.hpp"
#include "leverkit/models/time.hpp"

namespace leverkit::inline v0::detail {

/// Appends `s` as a JSON string literal (quotes included) with the escaping described above.
void append_json_string(std::string& out, std::string_view s);
/// `s` as a JSON string literal.
[[nodiscard]] inline std::string json_string(std::string_view s) {
  std::string out;
  append_json_string(out, s);
  return out;
}

class JsonWriter {
 public:
  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  /// The key of the next value inside an object.
  JsonWriter& key(std::string_view k);

  JsonWriter& string(std::string_view s);
  JsonWriter& integer(std::int64_t i);
  /// Shortest round-trip form; non-finite → null.
  JsonWriter& number(double d);
  /// Fixed notation with `decimals` digits after the point (e.g. a confidence "0.80"); non-finite → null.
  JsonWriter& number_fixed(double d, int decimals);
  JsonWriter& boolean(bool b);
  JsonWriter& null();
  JsonWriter& timestamp(Timestamp t) { return integer(to_unix_ms(t)); }
  JsonWriter& string_array(const std::vector<std::string>& items);
  /// The string, or null when absent.
  JsonWriter& string_or_null(const std::optional<std::string>& s) { return s ? string(*s) : null(); }
  JsonWriter& integer_or_null(const std::optional<std::int64_t>& i) { return i ? integer(*i) : null(); }
  /// A form field value in Lever's shape: null, string, integer, number, array of strings, or
  /// scorecard rows [{"score": n|null, "comment": "..."}].
  JsonWriter& field_value(const FieldValue& v);
  /// Pastes already-encoded JSON as one value (trusted input only: output of another writer or
  /// text the caller validated).
  JsonWriter& raw(std::string_view json);

  // Layout for human-read output (drafts): `separator()` writes the comma the next value needs
  // now, so `whitespace()` can follow it ("},\n  {" rather than "}\n  ,{").
  JsonWriter& separator();
  /// Appends JSON whitespace (spaces, tabs, line breaks) as is.
  JsonWriter& whitespace(std::string_view ws);

  // `key: value` helpers; the optional ones write nothing when empty.
  JsonWriter& field(std::string_view k, std::string_view s) { return key(k).string(s); }
  // Without this a string literal would pick the bool overload (a standard conversion).
  JsonWriter& field(std::string_view k, const char* s) { return key(k).string(s); }
  JsonWriter& field(std::string_view k, bool b) { return key(k).boolean(b); }
  JsonWriter& field(std::string_view k, Timestamp t) { return key(k).timestamp(t); }
  JsonWriter& field_int(std::string_view k, std::int64_t i) { return key(k).integer(i); }
  JsonWriter& opt_field(std::string_view k, const std::optional<std::string>& s) {
    return s ? field(k, *s) : *this;
  }
  JsonWriter& opt_field(std::string_view k, const std::optional<bool>& b) { return b ? field(k, *b) : *this; }
  JsonWriter& opt_field(std::string_view k, const std::optional<Timestamp>& t) { return t ? field(k, *t) : *this; }
  JsonWriter& opt_field(std::string_view k, const std::optional<int>& i) { return i ? field_int(k, *i) : *this; }

  /// The text so far (a copy); `take()` moves it out and leaves the writer empty.
  [[nodiscard]] std::string str() const { return out_; }
  [[nodiscard]] std::string take();

 private:
  void separate();

  std::string out_;
  std::vector<bool> first_;  // one entry per open container: nothing written in it yet
  bool after_key_ = false;   // the next value's separator is already written (a key, or separator())
};

}  // namespace leverkit::detail
