// Authentication and authorization of a request: API keys (HTTP Basic), OAuth bearer tokens,
// route scopes and confidential access.
#include <algorithm>

#include <fmt/format.h>

#include "api_impl.hpp"
#include "api/scopes.hpp"

namespace leverkit::sandbox::detail {

std::optional<ApiResponse> Api::Impl::authenticate(const ApiRequest& req, const Route& route, Identity& who) {
  std::string_view auth = req.authorization;
  auto unauthorized = [](std::string_view msg) {
    ApiResponse r = error(401, "Unauthorized", msg);
    r.headers.emplace_back("WWW-Authenticate", "Basic realm=\"Lever\"");
    return r;
  };
  if (auth.empty()) return unauthorized("Missing credentials: send an API key with HTTP Basic auth or an OAuth bearer token");
  if (auth.size() > 6 && (auth.starts_with("Basic ") || auth.starts_with("basic "))) {
    auto decoded = base64_decode(auth.substr(6));
    if (!decoded) return unauthorized("Malformed Basic authorization header");
    std::string_view user = *decoded;
    user = user.substr(0, user.find(':'));
    for (const auto& k : keys) {
      if (k.key == user) {
        who.name = k.name;
        who.scopes = &k.scopes;
        who.bucket = "key:" + k.name;
        break;
      }
    }
    if (!who.scopes) return unauthorized("Invalid API key");
  } else if (auth.size() > 7 && (auth.starts_with("Bearer ") || auth.starts_with("bearer "))) {
    std::string token(auth.substr(7));
    std::lock_guard lock(oauth_mutex);
    auto it = access_tokens.find(token);
    if (it == access_tokens.end()) return unauthorized("Invalid access token");
    const OAuthGrant& g = grants[it->second.grant];
    if (g.revoked) return unauthorized("Access token revoked");
    if (now_ms() >= it->second.expires_at) return unauthorized("Access token expired");
    who.name = "oauth:" + g.client_id;
    who.scopes = &g.scopes;  // grants are never erased, so the pointer stays valid
    who.bucket = fmt::format("grant:{}", it->second.grant);
  } else {
    return unauthorized("Unsupported authorization scheme");
  }
  if (std::none_of(who.scopes->begin(), who.scopes->end(),
                   [&](const std::string& s) { return s == route.scope || s == route.write_scope || s == "*"; })) {
    return error(403, "Forbidden",
                 fmt::format("This API key or token does not have the {}:{}:admin permission", route.resource,
                             route.write ? "write" : "read"));
  }
  if (route.resource == "opportunities" || route.resource == "postings") {
    auto conf = std::find_if(req.params.begin(), req.params.end(),
                             [](const auto& p) { return p.first == "confidentiality"; });
    if (conf != req.params.end() && conf->second != "non-confidential" &&
        !has_scope(*who.scopes, "confidential", false) &&
        std::find(who.scopes->begin(), who.scopes->end(), "confidential:access:admin") == who.scopes->end() &&
        std::find(who.scopes->begin(), who.scopes->end(), "*") == who.scopes->end()) {
      return error(403, "Forbidden", "This API key or token has no access to confidential data");
    }
  }
  return std::nullopt;
}

}  // namespace leverkit::sandbox::detail
