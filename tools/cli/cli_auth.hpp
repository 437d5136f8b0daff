// Shared by `leverkit check` and `leverkit connect`: how the CLI finds credentials. Secrets come
// only from the environment (LEVER_API_KEY, LEVER_CLIENT_SECRET), never from argv, where other
// users of the machine could read them in the process list.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>

#include <fmt/format.h>

#include "leverkit/client/client_options.hpp"
#include "leverkit/client/oauth.hpp"

namespace leverkit::inline v0::cli {

struct AuthArgs {
  std::string environment = "production";  // production | sandbox | eu
  std::string base_url;                    // overrides the environment's API root (a local sandbox)
  std::string sandbox_server;              // a leverkit-sandbox server: its /oauth endpoints and /v1
  std::string client_id;                   // default: $LEVER_CLIENT_ID
  std::string session_file;                // default: $XDG_CONFIG_HOME/leverkit/session.json
};

inline std::string env_or(const char* name, std::string fallback = {}) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0' ? std::string(v) : fallback;
}

inline Environment parse_environment(const std::string& s) {
  if (s == "production") return Environment::production;
  if (s == "sandbox") return Environment::sandbox;
  if (s == "eu") return Environment::eu;
  throw std::runtime_error(fmt::format("--environment must be production, sandbox or eu (got '{}')", s));
}

inline std::string default_session_file() {
  std::string base = env_or("XDG_CONFIG_HOME");
  if (base.empty()) base = env_or("HOME", ".") + "/.config";
  return (std::filesystem::path(base) / "leverkit" / "session.json").string();
}

inline ClientOptions client_options(const AuthArgs& a) {
  ClientOptions o;
  o.environment = parse_environment(a.environment);
  if (!a.base_url.empty()) o.base_url = a.base_url;
  else if (!a.sandbox_server.empty()) o.base_url = a.sandbox_server + "/v1";
  else o.base_url = env_or("LEVER_BASE_URL");
  return o;
}

inline OAuthConfig oauth_config(const AuthArgs& a, std::string redirect_uri) {
  OAuthConfig c;
  c.client_id = a.client_id.empty() ? env_or("LEVER_CLIENT_ID") : a.client_id;
  c.client_secret = env_or("LEVER_CLIENT_SECRET");
  if (c.client_id.empty()) throw std::runtime_error("OAuth needs a client id: --client-id or LEVER_CLIENT_ID");
  if (c.client_secret.empty()) throw std::runtime_error("OAuth needs LEVER_CLIENT_SECRET in the environment");
  c.redirect_uri = std::move(redirect_uri);
  c.environment = parse_environment(a.environment);
  if (!a.sandbox_server.empty()) c.endpoints = sandbox_server_endpoints(a.sandbox_server);
  return c;
}

}  // namespace leverkit::cli
