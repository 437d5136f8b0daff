// The OAuth 2 authorization server: /oauth/authorize, /oauth/token (code exchange, refresh-token
// rotation with reuse detection) and the admin revocation /__sandbox/oauth/revoke.
#include <algorithm>

#include <fmt/format.h>

#include "api_impl.hpp"
#include "api/scopes.hpp"

namespace leverkit::sandbox::detail {

namespace {

std::vector<std::pair<std::string, std::string>> parse_form(std::string_view body) {
  std::vector<std::pair<std::string, std::string>> out;
  std::size_t i = 0;
  while (i <= body.size()) {
    std::size_t amp = body.find('&', i);
    if (amp == std::string_view::npos) amp = body.size();
    std::string_view pair = body.substr(i, amp - i);
    if (!pair.empty()) {
      std::size_t eq = pair.find('=');
      auto k = url_decode(pair.substr(0, eq), true);
      auto v = url_decode(eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1), true);
      if (k && v) out.emplace_back(std::move(*k), std::move(*v));
    }
    i = amp + 1;
  }
  return out;
}

}  // namespace

ApiResponse Api::Impl::oauth(const ApiRequest& req) {
  auto oauth_error = [](int status, std::string_view err, std::string_view desc) {
    std::string out = "{\"error\":";
    write_json_string(out, err);
    out += ",\"error_description\":";
    write_json_string(out, desc);
    out += "}";
    return json(status, std::move(out));
  };
  auto find = [](const std::vector<std::pair<std::string, std::string>>& ps, std::string_view k) -> std::string {
    for (const auto& [key, v] : ps)
      if (key == k) return v;
    return {};
  };
  if (req.path == "/oauth/authorize" && req.method == "GET") {
    std::string client_id = find(req.params, "client_id");
    std::string redirect = find(req.params, "redirect_uri");
    std::string state = find(req.params, "state");
    std::string response_type = find(req.params, "response_type");
    if (redirect.empty()) return oauth_error(400, "invalid_request", "redirect_uri is required");
    auto client = std::find_if(clients.begin(), clients.end(), [&](const OAuthClient& c) { return c.client_id == client_id; });
    if (client_id.empty() || client == clients.end()) return oauth_error(400, "unauthorized_client", "unknown client_id");
    // Never redirect to an unregistered URI (an open redirector would leak codes): exact match only.
    if (std::find(client->redirect_uris.begin(), client->redirect_uris.end(), redirect) == client->redirect_uris.end())
      return oauth_error(400, "invalid_request", "redirect_uri does not exactly match a registered redirect URI");
    if (state.empty()) return oauth_error(400, "invalid_request", "state is required");
    std::string sep = redirect.find('?') == std::string::npos ? "?" : "&";
    ApiResponse r = json(302, "");
    r.content_type = "text/plain";
    if (response_type != "code") {
      r.headers.emplace_back("Location", redirect + sep + "error=unsupported_response_type&error_description=" +
                                             url_encode("response_type must be code") + "&state=" + url_encode(state));
      return r;
    }
    OAuthGrant grant;
    grant.client_id = client_id;
    std::string scope = find(req.params, "scope");
    for (std::size_t i = 0; i < scope.size();) {
      std::size_t j = scope.find(' ', i);
      if (j == std::string::npos) j = scope.size();
      if (j > i) grant.scopes.push_back(scope.substr(i, j - i));
      i = j + 1;
    }
    if (grant.scopes.empty()) grant.scopes = all_scopes();
    std::lock_guard lock(oauth_mutex);
    std::string code = oauth_rng.hex(32);
    grants.push_back(std::move(grant));
    auth_codes[code] = AuthCode{grants.size() - 1, now_ms() + opt.oauth_code_ttl.count() * 1000, redirect};
    r.headers.emplace_back("Location", redirect + sep + "code=" + code + "&state=" + url_encode(state));
    return r;
  }
  if (req.path == "/oauth/token" && req.method == "POST") {
    std::vector<std::pair<std::string, std::string>> form;
    if (req.content_type.starts_with("application/json")) {
      std::string err;
      auto v = parse_json(req.body, err);
      if (!v || !v->is_object()) return oauth_error(400, "invalid_request", "body must be a form or a JSON object");
      for (const auto& [k, val] : v->as_object())
        if (val.is_string()) form.emplace_back(k, val.as_string());
    } else {
      form = parse_form(req.body);
    }
    std::string client_id = find(form, "client_id");
    std::string client_secret = find(form, "client_secret");
    if (client_id.empty() && req.authorization.starts_with("Basic ")) {
      if (auto d = base64_decode(std::string_view(req.authorization).substr(6))) {
        auto colon = d->find(':');
        client_id = d->substr(0, colon);
        if (colon != std::string::npos) client_secret = d->substr(colon + 1);
      }
    }
    if (std::none_of(clients.begin(), clients.end(), [&](const OAuthClient& c) {
          return c.client_id == client_id && c.client_secret == client_secret;
        }))
      return oauth_error(401, "invalid_client", "unknown client or wrong client_secret");
    std::string grant_type = find(form, "grant_type");
    std::lock_guard lock(oauth_mutex);
    auto refused = [&](int status, std::string_view err, std::string_view desc) {
      ++oauth_refused;
      return oauth_error(status, err, desc);
    };
    std::size_t grant_index = 0;
    if (grant_type == "authorization_code") {
      const std::string code = find(form, "code");
      auto it = auth_codes.find(code);
      if (it == auth_codes.end()) {
        if (auto used = used_codes.find(code); used != used_codes.end()) {
          // RFC 6749 §4.1.2: a reused code revokes what it issued.
          grants[used->second].revoked = true;
          return refused(400, "invalid_grant", "authorization code was already used; the tokens it issued are revoked");
        }
        return refused(400, "invalid_grant", "authorization code is invalid");
      }
      const AuthCode ac = it->second;
      auth_codes.erase(it);  // single use
      used_codes[code] = ac.grant;
      grant_index = ac.grant;
      if (now_ms() > ac.expires_at) return refused(400, "invalid_grant", "authorization code expired");
      if (grants[grant_index].client_id != client_id)
        return refused(400, "invalid_grant", "authorization code was issued to another client");
      if (find(form, "redirect_uri") != ac.redirect_uri)
        return refused(400, "invalid_grant", "redirect_uri does not match the one of the authorization request");
      ++oauth_code_exchanges;
    } else if (grant_type == "refresh_token") {
      std::string rt = find(form, "refresh_token");
      auto it = refresh_tokens.find(rt);
      if (it == refresh_tokens.end()) return refused(400, "invalid_grant", "unknown refresh token");
      grant_index = it->second;
      OAuthGrant& g = grants[grant_index];
      if (g.client_id != client_id) return refused(400, "invalid_grant", "refresh token belongs to another client");
      if (g.revoked) return refused(400, "invalid_grant", "the grant was revoked");
      if (g.refresh_token != rt) {
        // Reuse of a rotated token: treat it as theft and kill the whole grant, as Lever's
        // Auth0 rotation does.
        g.revoked = true;
        return refused(400, "invalid_grant", "refresh token was already used (rotation); the grant is revoked");
      }
      ++oauth_refreshes;
    } else {
      return refused(400, "unsupported_grant_type", "grant_type must be authorization_code or refresh_token");
    }
    OAuthGrant& g = grants[grant_index];
    std::string access = "sbx_at_" + oauth_rng.hex(40);
    std::string refresh = "v1.sbx_rt_" + oauth_rng.hex(40);
    g.refresh_token = refresh;
    refresh_tokens[refresh] = grant_index;
    access_tokens[access] = AccessToken{grant_index, now_ms() + opt.access_token_ttl.count() * 1000};
    Value out = Value::object();
    out.set("access_token", access);
    out.set("refresh_token", refresh);
    out.set("token_type", "Bearer");
    std::string scope;
    for (const auto& s : g.scopes) {
      if (!scope.empty()) scope.push_back(' ');
      scope += s;
    }
    out.set("scope", scope);
    out.set("expires_in", opt.access_token_ttl.count());
    ApiResponse r = json(200, to_json(out));
    r.headers.emplace_back("Cache-Control", "no-store");
    return r;
  }
  return error(404, "ResourceNotFound", fmt::format("Route {} {} was not found", req.method, req.path));
}

std::optional<ApiResponse> Api::Impl::admin_oauth(const ApiRequest& req) {
  std::string_view p = req.path;
  const std::string& m = req.method;
  auto body_of = [&] { return admin_body(req); };
  if (p == "/__sandbox/oauth/revoke" && m == "POST") {
    Value b = body_of();
    std::lock_guard lock(oauth_mutex);
    std::int64_t revoked = 0;
    auto revoke = [&](std::size_t g) {
      if (!grants[g].revoked) ++revoked;
      grants[g].revoked = true;
    };
    if (const auto& t = b.str("refreshToken"); !t.empty()) {
      if (auto it = refresh_tokens.find(t); it != refresh_tokens.end()) revoke(it->second);
    }
    if (const auto& t = b.str("accessToken"); !t.empty()) {
      if (auto it = access_tokens.find(t); it != access_tokens.end()) revoke(it->second.grant);
    }
    if (const auto& c = b.str("clientId"); !c.empty()) {
      for (std::size_t g = 0; g < grants.size(); ++g)
        if (grants[g].client_id == c) revoke(g);
    }
    return json(200, fmt::format("{{\"revoked\":{}}}", revoked));
  }
  return std::nullopt;
}

}  // namespace leverkit::sandbox::detail
