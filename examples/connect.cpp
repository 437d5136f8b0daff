// connect — the "Connect to Lever" step of an integration: OAuth authorize URL with a checked
// state, code exchange, tokens in a 0600 session file, a refresh with rotation, and the
// permission check that tells the user what works and what is missing.
//
// With LEVER_CLIENT_ID and LEVER_CLIENT_SECRET set it talks to Lever (LEVER_ENVIRONMENT=sandbox
// for Lever's sandbox): it prints the authorize URL and asks you to paste the URL your browser
// was redirected to (LEVER_REDIRECT_URI, default http://127.0.0.1:8765/callback, must be
// registered for your app). Without them it starts leverkit-sandbox in process on a free
// loopback port and plays the browser itself. It never writes to the account.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "leverkit/client/client.hpp"
#include "leverkit/client/oauth.hpp"
#include "leverkit/integration/connection_check.hpp"
#ifdef LEVERKIT_EXAMPLE_WITH_SANDBOX
#include "leverkit/sandbox/server.hpp"
#endif

namespace {

int fail(const leverkit::Error& e) {
  std::cerr << "connect: " << e.to_string() << '\n';
  return 1;
}

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v != nullptr ? std::string(v) : std::string();
}

#ifdef LEVERKIT_EXAMPLE_WITH_SANDBOX
// Plays the user's browser against the local sandbox: GET the authorize URL (the sandbox
// consents at once) and return where it redirects to. Loopback only.
std::string browser(const std::string& url, int port) {
  const std::string prefix = fmt::format("http://127.0.0.1:{}", port);
  if (!url.starts_with(prefix)) return {};
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return {};
  }
  const std::string req = fmt::format("GET {} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", url.substr(prefix.size()));
  (void)!::send(fd, req.data(), req.size(), MSG_NOSIGNAL);
  std::string resp;
  char buf[4096];
  ssize_t n;
  while ((n = ::recv(fd, buf, sizeof buf, 0)) > 0) resp.append(buf, static_cast<std::size_t>(n));
  ::close(fd);
  auto p = resp.find("\r\nLocation: ");
  if (p == std::string::npos) return {};
  p += 12;
  return resp.substr(p, resp.find("\r\n", p) - p);
}
#endif

}  // namespace

int main() {
  leverkit::OAuthConfig config;
  leverkit::ClientOptions client_options;
  const bool real = !env("LEVER_CLIENT_ID").empty() && !env("LEVER_CLIENT_SECRET").empty();
#ifdef LEVERKIT_EXAMPLE_WITH_SANDBOX
  std::unique_ptr<leverkit::sandbox::Server> sandbox;
#endif
  if (real) {
    config.client_id = env("LEVER_CLIENT_ID");
    config.client_secret = env("LEVER_CLIENT_SECRET");
    config.redirect_uri = env("LEVER_REDIRECT_URI").empty() ? "http://127.0.0.1:8765/callback" : env("LEVER_REDIRECT_URI");
    if (env("LEVER_ENVIRONMENT") == "sandbox") config.environment = leverkit::Environment::sandbox;
    if (env("LEVER_ENVIRONMENT") == "eu") config.environment = leverkit::Environment::eu;
    client_options.environment = config.environment;
  } else {
#ifdef LEVERKIT_EXAMPLE_WITH_SANDBOX
    sandbox = std::make_unique<leverkit::sandbox::Server>(leverkit::sandbox::ServerOptions{.opportunities = 50});
    if (auto started = sandbox->start(); !started) return fail(started.error());
    config.client_id = std::string(leverkit::sandbox::kOAuthClientId);
    config.client_secret = std::string(leverkit::sandbox::kOAuthClientSecret);
    config.redirect_uri = "http://localhost/cb";  // registered for the sandbox's default client
    config.endpoints = leverkit::sandbox_server_endpoints(sandbox->base_url());
    client_options.base_url = sandbox->base_url() + "/v1";
    fmt::print("LEVER_CLIENT_ID/LEVER_CLIENT_SECRET not set: using a local leverkit-sandbox at {}\n", sandbox->base_url());
#else
    std::cerr << "connect: set LEVER_CLIENT_ID and LEVER_CLIENT_SECRET (this build has no sandbox)\n";
    return 2;
#endif
  }

  // 1. The session keeps its tokens in a 0600 file; a real app would use its own TokenStore.
  //    Its directory is made by mkdtemp: a fresh 0700 directory with an unpredictable name, so no
  //    other user can have planted a file or link where the tokens go.
  std::string dir_template = (std::filesystem::temp_directory_path() / "leverkit-connect-XXXXXX").string();
  if (::mkdtemp(dir_template.data()) == nullptr)
    return fail(leverkit::Error(leverkit::Errc::io_error, fmt::format("cannot create a session directory in {}",
                                                                      std::filesystem::temp_directory_path().string())));
  const std::filesystem::path dir = dir_template;
  const std::string file = (dir / "session.json").string();
  auto session = leverkit::OAuthSession::create(config, std::make_shared<leverkit::FileTokenStore>(file));
  if (!session) return fail(session.error());

  // 2. Send the user to Lever; the state in the URL is random and checked on the way back.
  auto request = session.value()->authorization_url();
  fmt::print("\nAuthorize URL:\n  {}\n", request.url);
  std::string redirected;
  if (real) {
    fmt::print("\nOpen it, allow access, then paste the URL you were redirected to:\n> ");
    std::getline(std::cin, redirected);
  } else {
#ifdef LEVERKIT_EXAMPLE_WITH_SANDBOX
    redirected = browser(request.url, sandbox->port());
    fmt::print("The sandbox consented and redirected to {}...\n", redirected.substr(0, redirected.find("code=") + 5));
#endif
  }

  // 3. Exchange the code; the tokens are stored before they are used.
  auto tokens = session.value()->complete(redirected);
  if (!tokens) return fail(tokens.error());
  fmt::print("Connected. Granted scopes: {}\nSession file: {}\n", tokens.value().scope, file);

  // 4. Refresh once to show rotation: a new refresh token, stored before the access token is used.
  const std::string before = tokens.value().refresh_token;
  auto refreshed = session.value()->refresh(tokens.value().access_token);
  if (!refreshed) return fail(refreshed.error());
  auto stored = session.value()->store()->load();
  if (!stored || !stored.value()) return fail(stored ? leverkit::Error(leverkit::Errc::io_error, "no tokens stored") : stored.error());
  fmt::print("Refreshed: the refresh token rotated ({}), the new one is in the store.\n",
             stored.value()->refresh_token != before ? "yes" : "no");

  // 5. What works and what is missing, per feature.
  auto client = leverkit::Client::create(std::make_shared<leverkit::OAuthCredentials>(session.value()), client_options);
  if (!client) return fail(client.error());
  auto report = leverkit::check_connection(client.value(), {.granted_scopes = stored.value()->scope});
  if (!report) return fail(report.error());
  fmt::print("\n{}", report.value().to_text());

  std::error_code ec;
  if (!real) std::filesystem::remove_all(dir, ec);  // the sandbox session is throwaway
#ifdef LEVERKIT_EXAMPLE_WITH_SANDBOX
  if (sandbox) sandbox->stop();
#endif
  return report.value().all_granted() ? 0 : 3;
}
