#include "leverkit/fmt.hpp"
#include "leverkit/client/oauth.hpp"

#include <simdjson.h>

#include <algorithm>

#include <fmt/format.h>

#include "crypto.hpp"
#include "leverkit/client/http.hpp"
#include "text_audit_hook.hpp"

// GCC 12 reports a bogus -Wrestrict inside std::string moves inlined into Result (GCC bug 105329).
#pragma GCC diagnostic ignored "-Wrestrict"

namespace leverkit::inline v0 {

namespace {

constexpr std::string_view reconnect_hint =
    "the Lever connection is no longer valid — reconnect (run `leverkit connect` or your app's Connect to Lever) "
    "to authorize again";

bool constant_time_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

bool usable_endpoint(std::string_view url) {
  if (url.starts_with("https://")) return true;
  if (!url.starts_with("http://")) return false;
  std::string_view rest = url.substr(7);
  // RFC 3986: the authority ends at '/', '?' or '#'. Userinfo is refused outright: in
  // "http://127.0.0.1:80@lever.example" the host is lever.example, not the loopback address.
  std::string_view authority = rest.substr(0, rest.find_first_of("/?#"));
  if (authority.empty() || authority.find('@') != std::string_view::npos) return false;
  std::string_view host = authority;
  if (!host.empty() && host.front() == '[') host = host.substr(0, host.find(']') + 1);
  else host = host.substr(0, host.find(':'));
  return is_loopback_host(host);
}

struct TokenReply {
  std::optional<TokenSet> tokens;
  std::string error;
  std::string description;
};

// {access_token, refresh_token, token_type, scope, expires_in} or {error, error_description}.
TokenReply parse_token_reply(std::string_view body, std::chrono::system_clock::time_point now) {
  TokenReply out;
  simdjson::ondemand::parser parser;
  simdjson::padded_string copy(body);
  simdjson::ondemand::document doc;
  simdjson::ondemand::object obj;
  if (parser.iterate(copy).get(doc) || doc.get_object().get(obj)) return out;
  TokenSet t;
  std::int64_t expires_in = 3600;
  bool access = false;
  for (auto field : obj) {
    std::string_view key;
    if (field.unescaped_key().get(key)) return out;
    std::string_view s;
    if (key == "expires_in") {
      std::int64_t n = 0;
      if (!field.value().get_int64().get(n)) expires_in = n;
      continue;
    }
    if (field.value().get_string().get(s)) continue;
    if (key == "access_token") {
      t.access_token = std::string(s);
      access = true;
    } else if (key == "refresh_token") {
      t.refresh_token = std::string(s);
    } else if (key == "token_type") {
      t.token_type = std::string(s);
    } else if (key == "scope") {
      t.scope = std::string(s);
    } else if (key == "error") {
      out.error = std::string(s);
    } else if (key == "error_description") {
      out.description = std::string(s);
    }
  }
  if (access && !t.access_token.empty()) {
    t.expires_at = now + std::chrono::seconds(std::clamp<std::int64_t>(expires_in, 0, 10LL * 365 * 24 * 3600));
    out.tokens = std::move(t);
  }
  return out;
}

std::string form_encode(std::initializer_list<std::pair<std::string_view, std::string_view>> fields) {
  std::string out;
  for (const auto& [k, v] : fields) {
    if (!out.empty()) out += '&';
    out += url_encode(k);
    out += '=';
    out += url_encode(v);
  }
  return out;
}

}  // namespace

OAuthEndpoints oauth_endpoints(Environment environment) {
  switch (environment) {
    case Environment::sandbox:
      return {"https://sandbox-lever.auth0.com/authorize", "https://sandbox-lever.auth0.com/oauth/token",
              "https://api.sandbox.lever.co/v1/"};
    case Environment::production:
    case Environment::eu: break;
  }
  return {"https://auth.lever.co/authorize", "https://auth.lever.co/oauth/token", "https://api.lever.co/v1/"};
}

OAuthEndpoints sandbox_server_endpoints(std::string_view server_url) {
  std::string base(server_url);
  while (!base.empty() && base.back() == '/') base.pop_back();
  return {base + "/oauth/authorize", base + "/oauth/token", base + "/v1/"};
}

std::vector<std::string> integration_scopes() {
  return {"opportunities:read:admin", "interviews:read:admin", "interviews:write:admin", "panels:read:admin",
          "panels:write:admin",       "feedback:read:admin",   "feedback:write:admin",   "feedback_templates:read:admin",
          "feedback_templates:write:admin", "forms:write:admin", "form_templates:read:admin", "notes:read:admin",
          "notes:write:admin",        "users:read:admin",      "stages:read:admin",      "postings:read:admin",
          "applications:read:admin",  "contact:read:admin",    "archive_reasons:read:admin", "webhooks:write:admin",
          "offline_access"};
}

// ---------------------------------------------------------------- OAuthSession

OAuthSession::OAuthSession(OAuthConfig config, OAuthEndpoints endpoints, std::shared_ptr<TokenStore> store,
                           std::shared_ptr<Transport> transport, std::shared_ptr<Clock> clock)
    : config_(std::move(config)),
      endpoints_(std::move(endpoints)),
      store_(std::move(store)),
      transport_(std::move(transport)),
      clock_(std::move(clock)) {
  seen_.push_back(config_.client_secret);
}

Result<std::shared_ptr<OAuthSession>> OAuthSession::create(OAuthConfig config, std::shared_ptr<TokenStore> store) {
  if (config.client_id.empty()) return Error(Errc::invalid_argument, "OAuthConfig::client_id must not be empty");
  if (config.client_secret.empty()) return Error(Errc::invalid_argument, "OAuthConfig::client_secret must not be empty");
  if (config.redirect_uri.empty()) return Error(Errc::invalid_argument, "OAuthConfig::redirect_uri must not be empty");
  if (!store) return Error(Errc::invalid_argument, "the token store must not be null");
  if (std::find(config.scopes.begin(), config.scopes.end(), "offline_access") == config.scopes.end())
    config.scopes.emplace_back("offline_access");
  OAuthEndpoints endpoints = config.endpoints ? *config.endpoints : oauth_endpoints(config.environment);
  for (const auto* url : {&endpoints.authorize_url, &endpoints.token_url})
    if (!usable_endpoint(*url))
      return Error(Errc::invalid_argument,
                   fmt::format("OAuth endpoint must be https:// (or http:// to a loopback host): '{}'", *url));
  std::shared_ptr<Transport> transport = config.transport;
  if (!transport) {
    LEVERKIT_TRY(t, make_curl_transport(config.transport_options));
    transport = std::move(t);
  }
  std::shared_ptr<Clock> clock = config.clock ? config.clock : steady_clock_source();
  auto session = std::shared_ptr<OAuthSession>(
      new OAuthSession(std::move(config), std::move(endpoints), std::move(store), std::move(transport), std::move(clock)));
  LEVERKIT_TRY(current, session->store_->load());
  if (current) {
    session->remember(*current);
    session->tokens_ = std::move(current);
  }
  return session;
}

AuthorizationRequest OAuthSession::authorization_url() {
  AuthorizationRequest out;
  out.state = detail::random_token(32);
  std::string scope;
  for (const auto& s : config_.scopes) {
    if (!scope.empty()) scope += ' ';
    scope += s;
  }
  out.url = endpoints_.authorize_url;
  out.url += endpoints_.authorize_url.find('?') == std::string::npos ? '?' : '&';
  out.url += form_encode({{"response_type", "code"},
                          {"client_id", config_.client_id},
                          {"redirect_uri", config_.redirect_uri},
                          {"state", out.state},
                          {"audience", endpoints_.audience},
                          {"scope", scope},
                          {"prompt", "consent"}});
  std::lock_guard lock(mutex_);
  pending_state_ = out.state;
  return out;
}

bool OAuthSession::check_state(std::string_view state) {
  std::lock_guard lock(mutex_);
  if (pending_state_.empty() || state.empty()) return false;
  const bool ok = constant_time_equal(pending_state_, state);
  if (ok) pending_state_.clear();  // single use
  return ok;
}

Result<TokenSet> OAuthSession::complete(std::string_view redirected_url) {
  std::string url(redirected_url);
  if (url.find('?') == std::string::npos) url.insert(0, "?");
  const auto states = query_values(url, "state");
  const auto errors = query_values(url, "error");
  const auto codes = query_values(url, "code");
  if (states.size() != 1 || !check_state(states[0]))
    return finish(Error(Errc::invalid_argument,
                        "OAuth redirect: the state parameter is missing or does not match the authorization request "
                        "(a stale or forged redirect); start the connection again"));
  if (!errors.empty()) {
    const auto desc = query_values(url, "error_description");
    return finish(Error(Errc::auth_failed, fmt::format("Lever did not authorize the connection: {}{}{}", errors[0],
                                                       desc.empty() ? "" : " — ", desc.empty() ? "" : desc[0])));
  }
  if (codes.size() != 1 || codes[0].empty())
    return finish(Error(Errc::invalid_argument, "OAuth redirect: no authorization code in the redirect"));
  return exchange_code(codes[0]);
}

Result<TokenSet> OAuthSession::exchange_code(std::string_view code) {
  remember_code(code);
  const std::string form = form_encode({{"grant_type", "authorization_code"},
                                        {"client_id", config_.client_id},
                                        {"client_secret", config_.client_secret},
                                        {"code", code},
                                        {"redirect_uri", config_.redirect_uri}});
  auto got = token_request(form, "authorization code exchange");
  if (!got) return finish(std::move(got).error());
  TokenSet t = std::move(got).value();
  remember(t);
  auto saved = store_->update([&](const std::optional<TokenSet>&) -> Result<TokenSet> { return t; });
  {
    std::lock_guard lock(mutex_);
    tokens_ = t;
    dead_.reset();
  }
  if (!saved) return finish(std::move(saved).error());
  log(LogLevel::info, "OAuth: connected (authorization code exchanged, tokens stored)");
  return t;
}

bool OAuthSession::fresh(const TokenSet& t) const {
  return !t.access_token.empty() && clock_->wall_now() + config_.refresh_margin < t.expires_at;
}

Result<std::string> OAuthSession::access_token(const CallOptions& options) {
  std::string stale;
  {
    std::unique_lock lock(mutex_);
    while (true) {
      if (dead_) return finish(*dead_);
      if (!tokens_)
        return finish(Error(Errc::auth_failed, fmt::format("no OAuth tokens in the store: {}", reconnect_hint)));
      if (fresh(*tokens_)) return tokens_->access_token;
      if (!refreshing_) break;
      refreshed_.wait_for(lock, std::chrono::milliseconds(20));
      if (options.cancel.cancelled()) return finish(Error(Errc::cancelled, "cancelled while waiting for a token refresh"));
    }
    stale = tokens_->access_token;
  }
  return refresh(stale, options);
}

Result<std::string> OAuthSession::refresh(std::string_view stale_access_token, const CallOptions& options) {
  {
    std::unique_lock lock(mutex_);
    while (refreshing_) {
      refreshed_.wait_for(lock, std::chrono::milliseconds(20));
      if (options.cancel.cancelled()) return finish(Error(Errc::cancelled, "cancelled while waiting for a token refresh"));
    }
    if (dead_) return finish(*dead_);
    if (tokens_ && tokens_->access_token != stale_access_token && fresh(*tokens_)) return tokens_->access_token;
    refreshing_ = true;  // single flight: everyone else waits for this result
  }
  return refresh_locked_out(stale_access_token, options);
}

Result<std::string> OAuthSession::refresh_locked_out(std::string_view stale, const CallOptions&) {
  // Runs outside mutex_ with refreshing_ set. The request is not tied to the caller's
  // cancellation: abandoning it after Lever rotated the refresh token would lose the grant.
  std::optional<TokenSet> mine;
  {
    std::lock_guard lock(mutex_);
    mine = tokens_;
  }
  int sent = 0;
  std::optional<TokenSet> obtained;
  // The user's TokenStore may throw: refreshing_ must still be cleared, or every later caller
  // (and disconnect()) would wait forever for a refresh nobody is doing; and tokens Lever already
  // rotated are kept in memory (the old refresh token is dead), as when the store reports an error.
  struct ClearOnThrow {
    OAuthSession& s;
    const std::optional<TokenSet>& obtained;
    bool armed = true;
    ~ClearOnThrow() {
      if (!armed) return;
      std::lock_guard lock(s.mutex_);
      if (obtained) s.tokens_ = obtained;
      s.refreshing_ = false;
      s.refreshed_.notify_all();
    }
  } clear_on_throw{*this, obtained};
  auto r = store_->update([&](const std::optional<TokenSet>& current) -> Result<TokenSet> {
    // Tokens another process stored are secrets of ours too: redact them from every error.
    if (current) remember(*current);
    // Another process (sharing a FileTokenStore) may have refreshed while we waited for the lock.
    if (current && current->access_token != stale && fresh(*current)) return *current;
    std::string refresh_token = current && !current->refresh_token.empty() ? current->refresh_token
                                : mine                                     ? mine->refresh_token
                                                                           : std::string();
    if (refresh_token.empty())
      return Error(Errc::auth_failed,
                   fmt::format("the access token expired and there is no refresh token (offline_access was not "
                               "granted): {}",
                               reconnect_hint));
    ++sent;
    const std::string form = form_encode({{"grant_type", "refresh_token"},
                                          {"client_id", config_.client_id},
                                          {"client_secret", config_.client_secret},
                                          {"refresh_token", refresh_token}});
    LEVERKIT_TRY(t, token_request(form, "token refresh"));
    if (t.refresh_token.empty()) t.refresh_token = refresh_token;  // not rotated this time: keep it
    if (t.scope.empty() && current) t.scope = current->scope;
    remember(t);
    obtained = t;
    return t;  // the store saves it before we (or anyone) use the access token
  });
  clear_on_throw.armed = false;
  std::unique_lock lock(mutex_);
  refreshing_ = false;
  refreshes_ += sent;
  refreshed_.notify_all();
  if (r) {
    tokens_ = r.value();
    const std::string access = tokens_->access_token;
    const auto valid = std::chrono::duration_cast<std::chrono::seconds>(tokens_->expires_at - clock_->wall_now());
    lock.unlock();  // the user's logger never runs under our lock
    if (sent > 0)
      log(LogLevel::info,
          fmt::format("OAuth: access token refreshed and rotated tokens stored (valid {} s)", valid.count()));
    return access;
  }
  Error e = std::move(r).error();
  if (obtained) {
    // Lever rotated the tokens but the store could not save them: keep them in this process (the
    // old refresh token is dead either way) and tell the caller.
    tokens_ = obtained;
    e.message = fmt::format("{} (the refreshed tokens are kept in memory only; other processes must reconnect)",
                            e.message);
  }
  if (e.code == Errc::auth_failed) dead_ = e;  // never again: no retry loop against a dead grant
  return finish(std::move(e));
}

Result<TokenSet> OAuthSession::token_request(const std::string& form, std::string_view what) {
  HttpRequest req;
  req.method = HttpMethod::post;
  req.url = endpoints_.token_url;
  req.headers.add("Content-Type", "application/x-www-form-urlencoded");
  req.headers.add("Accept", "application/json");
  req.body = form;
  CallOptions call;
  call.timeout = config_.token_timeout;
  auto sent = transport_->send(req, call);
  if (!sent) {
    Error e = std::move(sent).error();
    e.message = fmt::format("OAuth {}: {}", what, e.message);
    e.attempts = 1;
    return e;
  }
  const HttpResponse& resp = sent.value();
  TokenReply reply = parse_token_reply(resp.body, clock_->wall_now());
  if (resp.status == 200 && reply.tokens) return std::move(*reply.tokens);
  Error e;
  e.http_status = resp.status;
  e.attempts = 1;
  e.lever_code = reply.error;
  e.lever_message = reply.description;
  if (reply.error == "invalid_grant" || reply.error == "invalid_client" || reply.error == "unauthorized_client" ||
      reply.error == "access_denied") {
    e.code = Errc::auth_failed;
    e.message = fmt::format("OAuth {} refused ({}): {}", what, reply.error, reconnect_hint);
  } else if (resp.status == 429) {
    e.code = Errc::rate_limited;
    e.message = fmt::format("OAuth {}: rate limited", what);
  } else if (resp.status >= 500) {
    e.code = Errc::server_error;
    e.message = fmt::format("OAuth {}: the token endpoint failed", what);
  } else if (resp.status == 200) {
    e.code = Errc::decode_error;
    e.message = fmt::format("OAuth {}: the reply has no access_token", what);
  } else {
    e.code = Errc::auth_failed;
    e.message = fmt::format("OAuth {} failed (HTTP {}{}{}): {}", what, resp.status, reply.error.empty() ? "" : ", ",
                            reply.error, reconnect_hint);
  }
  return e;
}

void OAuthSession::remember(const TokenSet& t) {
  std::lock_guard lock(seen_mutex_);
  for (const std::string* s : {&t.access_token, &t.refresh_token})
    if (!s->empty() && std::find(seen_.begin(), seen_.end(), *s) == seen_.end()) seen_.push_back(*s);
  constexpr std::size_t keep = 64;  // the client secret stays at the front
  if (seen_.size() > keep) seen_.erase(seen_.begin() + 1, seen_.begin() + static_cast<std::ptrdiff_t>(seen_.size() - keep + 1));
}

void OAuthSession::remember_code(std::string_view code) {
  std::lock_guard lock(seen_mutex_);
  seen_.emplace_back(code);
}

void OAuthSession::redact(std::string& text) const {
  std::vector<std::string> copy;
  {
    std::lock_guard lock(seen_mutex_);
    copy = seen_;
  }
  std::vector<std::string_view> views(copy.begin(), copy.end());
  redact_secrets(text, views);
}

Error OAuthSession::finish(Error e) const {
  redact(e.message);
  redact(e.lever_message);
  redact(e.lever_code);
  detail::audit_text("error", e.to_string());
  return e;
}

void OAuthSession::log(LogLevel level, std::string line) const {
  redact(line);
  detail::audit_text("log", line);
  if (config_.logger) config_.logger(level, line);
}

Result<void> OAuthSession::disconnect() {
  std::unique_lock lock(mutex_);
  while (refreshing_) refreshed_.wait(lock);  // never drop tokens a refresh is about to store
  auto cleared = store_->clear();
  tokens_.reset();
  dead_ = Error(Errc::auth_failed, fmt::format("disconnected from Lever: {}", reconnect_hint));
  if (!cleared) return finish(std::move(cleared).error());
  return success();
}

int OAuthSession::refresh_count() const {
  std::lock_guard lock(mutex_);
  return refreshes_;
}

bool OAuthSession::failed() const {
  std::lock_guard lock(mutex_);
  return dead_.has_value();
}

std::string OAuthSession::identity() const {
  return "oauth:sha256:" + detail::sha256_hex(config_.client_id + "\n" + endpoints_.token_url);
}

// ---------------------------------------------------------------- OAuthCredentials

Result<std::string> OAuthCredentials::authorization(const CallOptions& options) {
  LEVERKIT_TRY(token, session_->access_token(options));
  return "Bearer " + token;
}

bool OAuthCredentials::on_unauthorized(std::string_view rejected_header) {
  if (!rejected_header.starts_with("Bearer ")) return false;
  if (session_->failed()) return true;  // authorization() now reports auth_failed
  // Refresh (or pick up someone else's refresh); a dead grant makes the next authorization()
  // report auth_failed through the client's error path, so the retry is worth it either way.
  (void)session_->refresh(rejected_header.substr(7));
  return true;
}

}  // namespace leverkit
