// Private: a small streaming JSON writer on fmt, used by every request-body encoder.
//
// Commas are placed automatically from a stack of "first element" flags; strings are escaped
// per RFC 8259 (quote, backslash, and every control character below U+0020; other bytes,
// including UTF-8 sequences, pass through unchanged). Non-finite doubles have no JSON spelling
// and are written as null — callers validate numbers before encoding.
#pragma once

#include <fmt/format.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "leverkit/models/time.hpp"

namespace leverkit::detail {

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
  JsonWriter& number(double d);
  JsonWriter& boolean(bool b);
  JsonWriter& null();
  JsonWriter& timestamp(Timestamp t) { return integer(to_unix_ms(t)); }
  JsonWriter& string_array(const std::vector<std::string>& items);
  /// Pastes already-encoded JSON as one value (trusted input only).
  JsonWriter& raw(std::string_view json);

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

  [[nodiscard]] std::string str() const { return fmt::to_string(out_); }

 private:
  void separate();
  void escape(std::string_view s);

  fmt::memory_buffer out_;
  std::vector<bool> first_;  // one entry per open container: nothing written in it yet
  bool after_key_ = false;
};

}  // namespace leverkit::detail
