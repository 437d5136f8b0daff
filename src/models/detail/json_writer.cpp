#include "json_writer.hpp"

#include <fmt/format.h>

#include <cmath>
#include <iterator>

namespace leverkit::detail {

void JsonWriter::separate() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!first_.empty()) {
    if (!first_.back()) out_.push_back(',');
    first_.back() = false;
  }
}

JsonWriter& JsonWriter::begin_object() {
  separate();
  out_.push_back('{');
  first_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::end_object() {
  out_.push_back('}');
  first_.pop_back();
  return *this;
}

JsonWriter& JsonWriter::begin_array() {
  separate();
  out_.push_back('[');
  first_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::end_array() {
  out_.push_back(']');
  first_.pop_back();
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view k) {
  separate();
  escape(k);
  out_.push_back(':');
  after_key_ = true;
  return *this;
}

void JsonWriter::escape(std::string_view s) {
  static constexpr char hex[] = "0123456789abcdef";
  out_.push_back('"');
  std::size_t run = 0;  // start of the pending run of bytes that need no escaping
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out_.append(s.data() + run, s.data() + i);
    run = i + 1;
    switch (c) {
      case '"': out_.append(std::string_view("\\\"")); break;
      case '\\': out_.append(std::string_view("\\\\")); break;
      case '\b': out_.append(std::string_view("\\b")); break;
      case '\f': out_.append(std::string_view("\\f")); break;
      case '\n': out_.append(std::string_view("\\n")); break;
      case '\r': out_.append(std::string_view("\\r")); break;
      case '\t': out_.append(std::string_view("\\t")); break;
      default: {
        const char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xF]};
        out_.append(u, u + 6);
      }
    }
  }
  out_.append(s.data() + run, s.data() + s.size());
  out_.push_back('"');
}

JsonWriter& JsonWriter::string(std::string_view s) {
  separate();
  escape(s);
  return *this;
}

JsonWriter& JsonWriter::integer(std::int64_t i) {
  separate();
  fmt::format_to(std::back_inserter(out_), "{}", i);
  return *this;
}

JsonWriter& JsonWriter::number(double d) {
  separate();
  if (!std::isfinite(d)) {
    out_.append(std::string_view("null"));
  } else {
    fmt::format_to(std::back_inserter(out_), "{}", d);  // shortest round-trip form
  }
  return *this;
}

JsonWriter& JsonWriter::boolean(bool b) {
  separate();
  out_.append(b ? std::string_view("true") : std::string_view("false"));
  return *this;
}

JsonWriter& JsonWriter::null() {
  separate();
  out_.append(std::string_view("null"));
  return *this;
}

JsonWriter& JsonWriter::string_array(const std::vector<std::string>& items) {
  begin_array();
  for (const auto& s : items) string(s);
  return end_array();
}

JsonWriter& JsonWriter::raw(std::string_view json) {
  separate();
  out_.append(json);
  return *this;
}

}  // namespace leverkit::detail
