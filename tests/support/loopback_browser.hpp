// tests/support/loopback_browser.hpp — the user's browser in OAuth tests: GET an authorize URL on
// a loopback leverkit-sandbox and return the redirect's Location (empty when there is none).
// A raw socket, not an HTTP client, so the redirect is seen exactly as the sandbox sent it.
// Shared by the client's OAuth tests and the integration layer's connection-check tests.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdint>
#include <regex>
#include <string>

#include <doctest/doctest.h>

namespace leverkit::inline v0::testing {

inline std::string browser_follow(const std::string& url) {
  std::smatch m;
  REQUIRE(std::regex_match(url, m, std::regex(R"(http://127\.0\.0\.1:(\d+)(/.*))")));
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<std::uint16_t>(std::stoi(m[1].str())));
  REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  const std::string req = "GET " + m[2].str() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
  ::send(fd, req.data(), req.size(), MSG_NOSIGNAL);
  std::string resp;
  char buf[4096];
  ssize_t n;
  while ((n = ::recv(fd, buf, sizeof buf, 0)) > 0) resp.append(buf, static_cast<std::size_t>(n));
  ::close(fd);
  std::smatch loc;
  if (!std::regex_search(resp, loc, std::regex("\r\nLocation: ([^\r]*)\r\n", std::regex::icase))) return {};
  return loc[1].str();
}

}  // namespace leverkit::testing
