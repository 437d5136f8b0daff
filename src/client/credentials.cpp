#include "leverkit/client/credentials.hpp"

#include <cstdlib>
#include <vector>

#include <fmt/format.h>

#include "crypto.hpp"

namespace leverkit {


void redact_secret(std::string& text, std::string_view secret) {
  if (secret.empty()) return;
  constexpr std::string_view mask = "[redacted]";
  for (auto pos = text.find(secret); pos != std::string::npos; pos = text.find(secret, pos + mask.size()))
    text.replace(pos, secret.size(), mask);
}

ApiKeyCredentials::ApiKeyCredentials(std::string api_key) : key_(std::move(api_key)) {
  std::string user_pass = key_ + ":";
  encoded_ = detail::base64_encode(user_pass);
  header_ = "Basic " + encoded_;
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
  // Every form the key can take in something we format: base64 (the header), raw, URL-encoded.
  redact_secret(text, encoded_);
  redact_secret(text, key_);
  if (key_.size() >= 4) {
    std::string enc;
    for (char c : key_) {
      const auto u = static_cast<unsigned char>(c);
      if ((u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || c == '-' || c == '.' ||
          c == '_' || c == '~')
        enc += c;
      else
        enc += fmt::format("%{:02X}", u);
    }
    if (enc != key_) redact_secret(text, enc);
  }
}

}  // namespace leverkit
