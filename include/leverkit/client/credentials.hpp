// leverkit/client/credentials.hpp — how a request is authenticated.
//
// What: the `Credentials` interface the client asks for an `Authorization` header before every
// attempt (so an OAuth session can refresh a token shortly before expiry, once, under
// concurrency, without any client change), tells when the server rejected a header (401), and
// uses to redact secrets from anything it formats. `ApiKeyCredentials` is Lever's API key as HTTP
// Basic: `Authorization: Basic base64(key + ":")`.
// Errors: `authorization()` may fail (e.g. an OAuth refresh failing with `Errc::auth_failed`);
// an API key never fails. Thread-safety: implementations must be safe to call concurrently.
// Secrets: `identity()` is a one-way digest, never the secret; `redact()` removes the secret in
// every form the implementation sends (raw and encoded), and any 8-character fragment of those
// forms, from a string (`redact_secrets`).
// Example:
//   auto creds = std::make_shared<leverkit::ApiKeyCredentials>(key);
//   LEVERKIT_TRY(client, leverkit::Client::create(creds, {}));
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "leverkit/client/call_options.hpp"
#include "leverkit/models/error.hpp"

namespace leverkit::inline v0 {

class Credentials {
 public:
  virtual ~Credentials() = default;

  /// The `Authorization` header value for the next attempt. May block (refresh) but must honour
  /// `options.cancel`.
  virtual Result<std::string> authorization(const CallOptions& options) = 0;

  /// The server answered 401 to a request sent with `rejected_header`. Return true when a new
  /// `authorization()` may now succeed (a token was refreshed or is being refreshed); the client
  /// then retries the request once. Static credentials return false.
  virtual bool on_unauthorized(std::string_view rejected_header) { (void)rejected_header; return false; }

  /// A stable, non-secret identity ("api-key:sha256:<hex>") shared by every credential object
  /// that spends the same Lever rate-limit budget; keys the process-wide rate-limiter registry.
  [[nodiscard]] virtual std::string identity() const = 0;

  /// Replaces every occurrence of the secret (in each form this object sends) with "[redacted]".
  virtual void redact(std::string& text) const = 0;
};

/// A Lever API key sent as HTTP Basic with an empty password.
class ApiKeyCredentials final : public Credentials {
 public:
  /// An empty key is accepted here and rejected by Client::create with invalid_argument.
  explicit ApiKeyCredentials(std::string api_key);
  /// Reads LEVER_API_KEY (explicitly; the library never reads the environment on its own).
  static Result<std::shared_ptr<ApiKeyCredentials>> from_environment();

  Result<std::string> authorization(const CallOptions& options) override;
  [[nodiscard]] std::string identity() const override { return identity_; }
  void redact(std::string& text) const override;
  [[nodiscard]] bool empty() const noexcept { return key_.empty(); }

 private:
  std::string key_;
  std::string header_;    // "Basic <base64(key:)>"
  std::string identity_;
};

/// Fragments of a secret this long or longer are redacted wherever they appear.
inline constexpr std::size_t redaction_fragment = 8;

/// The forms a secret can take in text we format: raw, URL-encoded, base64 of `secret` and of
/// `secret + ":"` (HTTP Basic), base64url, URL-encoded base64, and base64 of the secret inside a
/// longer base64 text at each byte alignment.
std::vector<std::string> secret_forms(std::string_view secret);
/// Replaces in `text` every run of characters covered by an 8-character (redaction_fragment)
/// fragment of any form of any of `secrets` — whole, truncated or embedded — by "[redacted]";
/// forms shorter than 8 characters are replaced only when whole. Empty secrets are ignored.
void redact_secrets(std::string& text, const std::vector<std::string_view>& secrets);
/// `redact_secrets(text, {secret})`.
void redact_secret(std::string& text, std::string_view secret);

}  // namespace leverkit
