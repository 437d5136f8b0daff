// leverkit/client/oauth.hpp — OAuth 2 (authorization-code grant) sessions for Lever.
//
// What: `OAuthConfig` (client id/secret, redirect URI, scopes, environment), `oauth_endpoints()`
// (authorize URL, token URL and audience of production, sandbox and EU, lever-api.md §2.2),
// `OAuthSession` — the authorize URL with a random `state` that is checked on the way back,
// the code exchange, and refresh with rotation — and `OAuthCredentials`, the `Credentials` a
// `Client` uses: `Authorization: Bearer <access token>`, refreshed shortly before expiry.
// Rotation is handled the only safe way: every new token pair goes to the `TokenStore`
// (atomically, under its lock) before the access token is used, and refresh is single-flight:
// however many threads (or processes sharing a FileTokenStore) find the token expired, one
// refresh request is made and everyone uses its result. A refresh is never cancelled half way
// (the rotated refresh token would be lost); callers waiting for it honour their cancellation.
// Errors: `Errc::auth_failed` when the grant is dead (invalid_grant: revoked, expired, a
// rotated refresh token reused, no refresh token) or the client is refused (invalid_client),
// with a message telling the user to reconnect; the session then stays failed — no further
// refresh requests, never a retry loop. `Errc::invalid_argument` for a bad config, a wrong or
// missing `state`, an error redirect (access_denied). transport/timeout errors of the token
// endpoint are returned as such (retryable by the caller). No error, log line or exception
// carries a token, code or client secret (`redact()`).
// Thread-safety: every member may be called concurrently.
// Example:
//   auto session = leverkit::OAuthSession::create({.client_id = id, .client_secret = secret,
//       .redirect_uri = "http://127.0.0.1:8765/callback", .scopes = {"notes:write:admin"}},
//       std::make_shared<leverkit::FileTokenStore>(path)).value();
//   auto auth = session->authorization_url();        // send the user to auth.url
//   LEVERKIT_TRYV(session->complete(redirected_to_url));   // "...?code=...&state=..."
//   auto client = leverkit::Client::create(std::make_shared<leverkit::OAuthCredentials>(session), {});
#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "leverkit/client/client_options.hpp"
#include "leverkit/client/clock.hpp"
#include "leverkit/client/credentials.hpp"
#include "leverkit/client/token_store.hpp"
#include "leverkit/client/transport.hpp"

namespace leverkit::inline v0 {

struct OAuthEndpoints {
  std::string authorize_url;  // "https://auth.lever.co/authorize"
  std::string token_url;      // "https://auth.lever.co/oauth/token"
  std::string audience;       // "https://api.lever.co/v1/"
};

/// Lever's OAuth endpoints per environment (lever-api.md §2.2). EU accounts authorize through
/// the production endpoints (Lever routes them to the EU data centre); only the API host differs.
OAuthEndpoints oauth_endpoints(Environment environment);
/// Endpoints of a leverkit-sandbox server ("http://127.0.0.1:port"): /oauth/authorize, /oauth/token.
OAuthEndpoints sandbox_server_endpoints(std::string_view server_url);

/// The scopes the seed integration needs (lever-api.md §2.2 list), offline_access included.
std::vector<std::string> integration_scopes();

struct OAuthConfig {
  std::string client_id;
  std::string client_secret;
  /// Must equal a redirect URI registered with Lever, character for character.
  std::string redirect_uri;
  /// Requested scopes; "offline_access" is added when missing (without it there is no refresh
  /// token and the session ends after an hour).
  std::vector<std::string> scopes = integration_scopes();
  Environment environment = Environment::production;
  /// Overrides `oauth_endpoints(environment)` when `token_url` is set (a sandbox server, tests).
  std::optional<OAuthEndpoints> endpoints;
  /// Refresh this long before the access token expires.
  std::chrono::seconds refresh_margin{120};
  /// Budget of one token-endpoint request.
  std::chrono::milliseconds token_timeout{30'000};
  TransportOptions transport_options;
  /// nullptr = make_curl_transport(transport_options).
  std::shared_ptr<Transport> transport;
  /// nullptr = steady_clock_source(); wall_now() decides expiry.
  std::shared_ptr<Clock> clock;
  /// Receives one line per refresh / notable event; secrets are redacted first.
  std::function<void(LogLevel, std::string_view)> logger;
};

/// What to send the user to, and the `state` that must come back.
struct AuthorizationRequest {
  std::string url;
  std::string state;
};

class OAuthSession {
 public:
  /// Validates the config (client id, secret, redirect URI, https endpoints unless loopback).
  static Result<std::shared_ptr<OAuthSession>> create(OAuthConfig config, std::shared_ptr<TokenStore> store);

  /// A fresh authorize URL (response_type=code, client_id, redirect_uri, audience, scope, a new
  /// random 256-bit state, prompt=consent). The state is remembered until `complete()`.
  AuthorizationRequest authorization_url();

  /// Completes the flow from the URL the user was redirected to ("...?code=..&state=.." or
  /// "?error=access_denied&..."), or from its query string. Checks `state` (constant time, single
  /// use), exchanges the code and stores the tokens.
  Result<TokenSet> complete(std::string_view redirected_url);
  /// Exchanges `code` after the caller checked `state` itself with `check_state`.
  Result<TokenSet> exchange_code(std::string_view code);
  /// True (and forgets it) when `state` is the one the last authorization_url() issued.
  bool check_state(std::string_view state);

  /// A valid access token, refreshing first when it expires within `refresh_margin`.
  Result<std::string> access_token(const CallOptions& options = {});
  /// Refreshes now unless `stale_access_token` is no longer the current one (someone else did).
  Result<std::string> refresh(std::string_view stale_access_token, const CallOptions& options = {});

  /// Disconnect: removes the tokens from the store and this session; later calls fail with
  /// auth_failed until the user connects again. (Lever documents no token-revocation endpoint:
  /// an admin revokes an app's access in Lever's settings, which this session then reports as
  /// auth_failed on its next refresh.)
  Result<void> disconnect();

  /// Refresh requests this session sent (tests, diagnostics).
  [[nodiscard]] int refresh_count() const;
  [[nodiscard]] bool failed() const;
  /// "oauth:sha256:<hex of client id and token URL>" — the rate-limit budget of the app.
  [[nodiscard]] std::string identity() const;
  /// Removes the client secret, every token this session has seen and pending codes.
  void redact(std::string& text) const;
  [[nodiscard]] const OAuthEndpoints& endpoints() const noexcept { return endpoints_; }
  [[nodiscard]] const std::shared_ptr<TokenStore>& store() const noexcept { return store_; }

 private:
  OAuthSession(OAuthConfig config, OAuthEndpoints endpoints, std::shared_ptr<TokenStore> store,
               std::shared_ptr<Transport> transport, std::shared_ptr<Clock> clock);
  Result<TokenSet> token_request(const std::string& form, std::string_view what);
  Result<std::string> refresh_locked_out(std::string_view stale, const CallOptions& options);
  void remember_code(std::string_view code);
  void remember(const TokenSet& t);
  Error finish(Error e) const;
  void log(LogLevel level, std::string line) const;
  [[nodiscard]] bool fresh(const TokenSet& t) const;

  OAuthConfig config_;
  OAuthEndpoints endpoints_;
  std::shared_ptr<TokenStore> store_;
  std::shared_ptr<Transport> transport_;
  std::shared_ptr<Clock> clock_;

  mutable std::mutex mutex_;
  std::condition_variable refreshed_;
  std::optional<TokenSet> tokens_;  // the in-memory copy of the store's set
  bool refreshing_ = false;
  std::optional<Error> dead_;       // auth_failed: the grant is gone, reconnect
  std::string pending_state_;
  mutable std::mutex seen_mutex_;   // separate: redact() is called while mutex_ is held
  std::vector<std::string> seen_;   // client secret, every token / code seen, for redaction
  int refreshes_ = 0;
};

/// The `Credentials` of an OAuth session: Bearer access token, refreshed once under concurrency,
/// and one retry after a 401 with a refreshed token.
class OAuthCredentials final : public Credentials {
 public:
  explicit OAuthCredentials(std::shared_ptr<OAuthSession> session) : session_(std::move(session)) {}
  Result<std::string> authorization(const CallOptions& options) override;
  bool on_unauthorized(std::string_view rejected_header) override;
  [[nodiscard]] std::string identity() const override { return session_->identity(); }
  void redact(std::string& text) const override { session_->redact(text); }
  [[nodiscard]] const std::shared_ptr<OAuthSession>& session() const noexcept { return session_; }

 private:
  std::shared_ptr<OAuthSession> session_;
};

}  // namespace leverkit
