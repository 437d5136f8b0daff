// Private: the few JSON-writing helpers the draft and prompt renderers need.
#pragma once

#include <string>
#include <string_view>

namespace leverkit::autofill::detail {

/// Appends `s` as a JSON string literal (quotes included), escaping control characters; each
/// byte that is not part of well-formed UTF-8 becomes U+FFFD, so the output is always valid JSON.
void append_json_string(std::string& out, std::string_view s);
inline std::string json_string(std::string_view s) {
  std::string out;
  append_json_string(out, s);
  return out;
}

}  // namespace leverkit::autofill::detail
