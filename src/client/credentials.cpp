#include "leverkit/client/credentials.hpp"

#include <algorithm>
#include <cstdlib>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>

#include "crypto.hpp"

namespace leverkit::inline v0 {


namespace {

constexpr std::string_view mask = "[redacted]";

void replace_exact(std::string& text, std::string_view secret) {
  if (secret.empty()) return;
  for (auto pos = text.find(secret); pos != std::string::npos; pos = text.find(secret, pos + mask.size()))
    text.replace(pos, secret.size(), mask);
}

std::string percent_encode(std::string_view s, bool lower_hex) {
  std::string enc;
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if ((u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || c == '-' || c == '.' ||
        c == '_' || c == '~')
      enc += c;
    else
      enc += lower_hex ? fmt::format("%{:02x}", u) : fmt::format("%{:02X}", u);
  }
  return enc;
}

// base64 of `secret` as it appears inside a longer base64 text at each of the three byte
// alignments: only the characters that depend on the secret's bytes alone are kept.
void add_base64_inner_forms(std::vector<std::string>& forms, std::string_view secret) {
  for (std::size_t a = 0; a < 3; ++a) {
    std::string bytes(a, '\0');
    bytes += secret;
    const std::string b = detail::base64_encode(bytes);
    const std::size_t skip = a == 0 ? 0 : a == 1 ? 2 : 3;
    const std::size_t full = (bytes.size() / 3) * 4;  // characters of complete 3-byte groups
    if (full > skip) forms.push_back(b.substr(skip, full - skip));
  }
}

}  // namespace

std::vector<std::string> secret_forms(std::string_view secret) {
  std::vector<std::string> forms;
  if (secret.empty()) return forms;
  const std::string raw(secret);
  forms.push_back(raw);
  forms.push_back(percent_encode(raw, false));
  forms.push_back(percent_encode(raw, true));
  const std::string basic = detail::base64_encode(raw + ":");  // HTTP Basic with an empty password
  const std::string plain = detail::base64_encode(raw);
  for (const std::string& b : {basic, plain}) {
    forms.push_back(b);
    forms.push_back(percent_encode(b, false));
    forms.push_back(percent_encode(b, true));
    std::string url_safe = b;  // base64url
    for (char& c : url_safe) c = c == '+' ? '-' : c == '/' ? '_' : c;
    while (!url_safe.empty() && url_safe.back() == '=') url_safe.pop_back();
    forms.push_back(std::move(url_safe));
  }
  add_base64_inner_forms(forms, raw);
  // As a JSON encoder may write them: '/' as "\/" or "\u002f", '+' as "\u002b" (base64 has
  // both; between escapes fewer than 8 plain characters may remain, so fragments alone miss it).
  const std::size_t unescaped = forms.size();
  for (std::size_t i = 0; i < unescaped; ++i) {
    if (forms[i].find_first_of("/+") == std::string::npos) continue;
    for (const auto& [slash, plus] : {std::pair<std::string_view, std::string_view>{"\\/", "+"},
                                      {"\\u002f", "\\u002b"},
                                      {"\\u002F", "\\u002B"}}) {
      std::string escaped;
      for (char c : forms[i]) escaped += c == '/' ? std::string(slash) : c == '+' ? std::string(plus) : std::string(1, c);
      forms.push_back(std::move(escaped));
    }
  }
  std::sort(forms.begin(), forms.end());
  forms.erase(std::unique(forms.begin(), forms.end()), forms.end());
  return forms;
}

void redact_secrets(std::string& text, const std::vector<std::string_view>& secrets) {
  if (text.empty()) return;
  std::vector<std::string> forms;
  for (auto s : secrets) {
    auto f = secret_forms(s);
    forms.insert(forms.end(), std::make_move_iterator(f.begin()), std::make_move_iterator(f.end()));
  }
  // Short forms can only be matched whole.
  std::unordered_set<std::string_view> grams;
  for (const auto& f : forms) {
    if (f.size() < redaction_fragment) continue;
    for (std::size_t i = 0; i + redaction_fragment <= f.size(); ++i)
      grams.insert(std::string_view(f).substr(i, redaction_fragment));
  }
  if (!grams.empty() && text.size() >= redaction_fragment) {
    // Mark every character covered by a fragment of any form, then mask each covered run once:
    // a secret cut short (a truncated echo, a 160-character excerpt) is caught as well.
    std::vector<bool> covered(text.size(), false);
    bool any = false;
    for (std::size_t i = 0; i + redaction_fragment <= text.size(); ++i) {
      if (grams.contains(std::string_view(text).substr(i, redaction_fragment))) {
        std::fill(covered.begin() + static_cast<std::ptrdiff_t>(i),
                  covered.begin() + static_cast<std::ptrdiff_t>(i + redaction_fragment), true);
        any = true;
      }
    }
    if (any) {
      std::string out;
      out.reserve(text.size());
      for (std::size_t i = 0; i < text.size();) {
        if (!covered[i]) {
          out += text[i++];
          continue;
        }
        out += mask;
        while (i < text.size() && covered[i]) ++i;
      }
      text = std::move(out);
    }
  }
  for (const auto& f : forms)
    if (f.size() < redaction_fragment) replace_exact(text, f);
}

void redact_secret(std::string& text, std::string_view secret) { redact_secrets(text, {secret}); }

ApiKeyCredentials::ApiKeyCredentials(std::string api_key) : key_(std::move(api_key)) {
  header_ = "Basic " + detail::base64_encode(key_ + ":");
  identity_ = "api-key:sha256:" + detail::sha256_hex(key_);
}

Result<std::shared_ptr<ApiKeyCredentials>> ApiKeyCredentials::from_environment() {
  const char* key = std::getenv("LEVER_API_KEY");
  if (key == nullptr || *key == '\0')
    return Error(Errc::invalid_argument, "LEVER_API_KEY is not set (or empty)");
  return std::make_shared<ApiKeyCredentials>(key);
}

Result<std::string> ApiKeyCredentials::authorization(const CallOptions&) {
  if (key_.empty()) return Error(Errc::invalid_argument, "the API key is empty");
  return header_;
}

void ApiKeyCredentials::redact(std::string& text) const {
  // Every form the key can take in something we format: raw, URL-encoded, base64 (the header,
  // and inside other base64 at any alignment), and any fragment of 8 characters or more.
  redact_secret(text, key_);
}

}  // namespace leverkit
