// A minimal streaming JSON writer for result lines (private; escapes per RFC 8259).
#pragma once

#include <fmt/format.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace leverkit::match::detail {

class JsonWriter {
 public:
  JsonWriter& begin_object() { value_prefix(); out_.push_back('{'); first_.push_back(true); return *this; }
  JsonWriter& end_object() { out_.push_back('}'); first_.pop_back(); return *this; }
  JsonWriter& begin_array() { value_prefix(); out_.push_back('['); first_.push_back(true); return *this; }
  JsonWriter& end_array() { out_.push_back(']'); first_.pop_back(); return *this; }
  JsonWriter& key(std::string_view k) {
    comma();
    escape(k);
    out_.push_back(':');
    after_key_ = true;
    return *this;
  }
  JsonWriter& string(std::string_view s) { value_prefix(); escape(s); return *this; }
  JsonWriter& number(double d) { value_prefix(); fmt::format_to(std::back_inserter(out_), "{}", d); return *this; }
  JsonWriter& null() { value_prefix(); out_ += "null"; return *this; }
  JsonWriter& optional(const std::optional<std::string>& s) { return s ? string(*s) : null(); }
  std::string take() { return std::move(out_); }

 private:
  void comma() {
    if (!first_.empty()) {
      if (!first_.back()) out_.push_back(',');
      first_.back() = false;
    }
  }
  void value_prefix() {
    if (after_key_) { after_key_ = false; return; }
    comma();
  }
  void escape(std::string_view s) {
    out_.push_back('"');
    for (char ch : s) {
      auto c = static_cast<unsigned char>(ch);
      switch (ch) {
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        case '\n': out_ += "\\n"; break;
        case '\r': out_ += "\\r"; break;
        case '\t': out_ += "\\t"; break;
        default:
          if (c < 0x20) fmt::format_to(std::back_inserter(out_), "\\u{:04x}", c);
          else out_.push_back(ch);
      }
    }
    out_.push_back('"');
  }
  std::string out_;
  std::vector<bool> first_;
  bool after_key_ = false;
};

}  // namespace leverkit::match::detail
