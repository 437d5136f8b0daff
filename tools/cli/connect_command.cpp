// `leverkit connect` — connect to Lever with OAuth: prints the authorize URL, waits for the
// browser's redirect on a loopback port (http://127.0.0.1:PORT/callback, which must be the
// redirect URI registered for the app), exchanges the code and saves the session to a 0600 file
// (`--session`, default $XDG_CONFIG_HOME/leverkit/session.json). The client secret comes from
// LEVER_CLIENT_SECRET only. Only 127.0.0.1 is ever listened on.
#include <arpa/inet.h>
#include <fmt/format.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <memory>

#include "cli_auth.hpp"
#include "commands.hpp"

namespace leverkit::inline v0::cli {
namespace {

struct ConnectArgs {
  AuthArgs auth;
  int port = 8765;
  int timeout_seconds = 300;
  std::vector<std::string> scopes;
};

struct Socket {
  int fd = -1;
  ~Socket() {
    if (fd >= 0) ::close(fd);
  }
};

void reply(int fd, int status, std::string_view text) {
  const std::string body = fmt::format("<!doctype html><meta charset=utf-8><title>leverkit</title><p>{}</p>", text);
  const std::string resp = fmt::format("HTTP/1.1 {} {}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n"
                                       "Connection: close\r\nCache-Control: no-store\r\n\r\n{}",
                                       status, status == 200 ? "OK" : "Bad Request", body.size(), body);
  (void)!::send(fd, resp.data(), resp.size(), MSG_NOSIGNAL);
}

// No early exit: how long a comparison takes must not tell a local prober how much of the state it guessed.
bool same_state(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

// Waits for GET /callback?... on 127.0.0.1:port carrying `state`; returns the request target.
// Anything else (other paths, garbage, a stale or forged /callback from another tab or a local
// process) is answered and ignored, so it cannot end the wait; the session re-checks the state.
std::string wait_for_redirect(int port, std::chrono::seconds timeout, const std::string& state) {
  Socket s{::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0)};
  if (s.fd < 0) throw std::runtime_error("connect: cannot create a socket");
  int one = 1;
  ::setsockopt(s.fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  if (::bind(s.fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(s.fd, 8) != 0)
    throw std::runtime_error(fmt::format("connect: cannot listen on 127.0.0.1:{} (in use?)", port));
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) throw std::runtime_error("connect: no redirect from Lever before the timeout");
    pollfd p{s.fd, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) continue;
    Socket c{::accept4(s.fd, nullptr, nullptr, SOCK_CLOEXEC)};
    if (c.fd < 0) continue;
    // One connection gets 5 s in all (not per recv): a client trickling bytes cannot hold the
    // single-threaded listener past the overall timeout.
    const auto read_deadline = std::min(deadline, std::chrono::steady_clock::now() + std::chrono::seconds(5));
    std::string head;
    char buf[2048];
    while (head.find("\r\n\r\n") == std::string::npos && head.size() < 16384) {
      const auto wait = std::chrono::ceil<std::chrono::milliseconds>(read_deadline - std::chrono::steady_clock::now());
      pollfd cp{c.fd, POLLIN, 0};
      if (wait.count() <= 0 || ::poll(&cp, 1, static_cast<int>(wait.count())) <= 0) break;
      ssize_t n = ::recv(c.fd, buf, sizeof buf, 0);
      if (n <= 0) break;
      head.append(buf, static_cast<std::size_t>(n));
    }
    const auto line_end = head.find("\r\n");
    const std::string line = head.substr(0, line_end);
    if (!line.starts_with("GET /callback")) {
      reply(c.fd, 404, "Not the leverkit callback.");
      continue;
    }
    const auto sp = line.find(' ', 4);
    std::string target = line.substr(4, sp == std::string::npos ? std::string::npos : sp - 4);
    const auto states = query_values(target, "state");
    if (states.size() != 1 || !same_state(states[0], state)) {
      reply(c.fd, 400, "Not the redirect of this connection attempt (state mismatch).");
      continue;
    }
    reply(c.fd, 200, "leverkit: Lever answered. You can close this tab and return to the terminal.");
    return target;
  }
}

int run(const ConnectArgs& a) {
  const std::string redirect = fmt::format("http://127.0.0.1:{}/callback", a.port);
  OAuthConfig config = oauth_config(a.auth, redirect);
  if (!a.scopes.empty()) config.scopes = a.scopes;
  const std::string file = a.auth.session_file.empty() ? default_session_file() : a.auth.session_file;
  auto session = OAuthSession::create(config, std::make_shared<FileTokenStore>(file));
  if (!session) throw std::runtime_error(session.error().to_string());
  auto request = session.value()->authorization_url();
  std::cout << "Open this URL in your browser and allow access:\n\n  " << request.url << "\n\n"
            << "Waiting for Lever to redirect to " << redirect << " ..." << std::endl;
  const std::string target = wait_for_redirect(a.port, std::chrono::seconds(a.timeout_seconds), request.state);
  auto done = session.value()->complete(target);
  if (!done) throw std::runtime_error(done.error().to_string());
  std::cout << "Connected. Session saved to " << file << " (mode 0600).\nGranted: " << done.value().scope << "\n"
            << "Run `leverkit check --session " << file << "` to see which features work." << std::endl;
  return 0;
}

CommandRegistrar registrar{[](CLI::App& app) {
  auto args = std::make_shared<ConnectArgs>();
  auto* sub = app.add_subcommand("connect", "Connect to Lever with OAuth and save the session (LEVER_CLIENT_SECRET)");
  sub->add_option("--client-id", args->auth.client_id, "OAuth client id (default: LEVER_CLIENT_ID)");
  sub->add_option("--environment", args->auth.environment, "production (default), sandbox or eu");
  sub->add_option("--sandbox-server", args->auth.sandbox_server, "A leverkit-sandbox server (its /oauth endpoints)");
  sub->add_option("--port", args->port, "Loopback port of the redirect URI http://127.0.0.1:PORT/callback (default 8765)")
      ->check(CLI::Range(1, 65535));
  sub->add_option("--session", args->auth.session_file, "Where to save the session (default: ~/.config/leverkit/session.json)");
  sub->add_option("--scope", args->scopes, "Scopes to request (default: everything the integration needs)");
  sub->add_option("--timeout", args->timeout_seconds, "Seconds to wait for the redirect (default 300)");
  sub->callback([args] {
    int rc = run(*args);
    if (rc != 0) throw CLI::RuntimeError(rc);
  });
}};

}  // namespace
}  // namespace leverkit::cli
