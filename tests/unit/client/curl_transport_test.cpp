// The libcurl transport against a tiny loopback HTTP server (no network beyond 127.0.0.1).
#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <mutex>
#include <thread>

#include "leverkit/client/transport.hpp"
#include "leverkit/version.hpp"

using namespace leverkit;
using namespace std::chrono_literals;

namespace {

// Accepts connections on 127.0.0.1 and answers each request with a fixed JSON body, keeping
// connections alive. Counts connections and records request heads.
class LoopbackServer {
 public:
  explicit LoopbackServer(bool respond = true) : respond_(respond) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    REQUIRE(::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    socklen_t len = sizeof addr;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    REQUIRE(::listen(fd_, 8) == 0);
    thread_ = std::thread([this] { run(); });
  }
  ~LoopbackServer() {
    stop_ = true;
    ::shutdown(fd_, SHUT_RDWR);
    ::close(fd_);
    thread_.join();
    for (auto& t : conns_) t.join();
  }
  LoopbackServer(const LoopbackServer&) = delete;
  LoopbackServer& operator=(const LoopbackServer&) = delete;

  [[nodiscard]] int port() const { return port_; }
  [[nodiscard]] int connections() const { return connections_; }
  std::vector<std::string> heads() {
    std::lock_guard lock(mutex_);
    return heads_;
  }

 private:
  void run() {
    while (!stop_) {
      int c = ::accept(fd_, nullptr, nullptr);
      if (c < 0) return;
      ++connections_;
      conns_.emplace_back([this, c] { serve(c); });
    }
  }
  void serve(int c) {
    std::string buf;
    char tmp[4096];
    while (true) {
      auto end = buf.find("\r\n\r\n");
      if (end == std::string::npos) {
        ssize_t n = ::recv(c, tmp, sizeof tmp, 0);
        if (n <= 0) break;
        buf.append(tmp, static_cast<std::size_t>(n));
        continue;
      }
      std::string head = buf.substr(0, end);
      buf.erase(0, end + 4);
      {
        std::lock_guard lock(mutex_);
        heads_.push_back(head);
      }
      if (!respond_) {
        // Hold the connection open without answering until the client gives up.
        while (::recv(c, tmp, sizeof tmp, 0) > 0) {
        }
        break;
      }
      const std::string body = R"({"data":{"id":"s1","text":"ok"}})";
      const std::string resp = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Request-Id: abc\r\nContent-Length: " +
                               std::to_string(body.size()) + "\r\n\r\n" + body;
      if (::send(c, resp.data(), resp.size(), MSG_NOSIGNAL) < 0) break;
    }
    ::close(c);
  }

  int fd_ = -1;
  int port_ = 0;
  bool respond_;
  std::atomic<bool> stop_{false};
  std::atomic<int> connections_{0};
  std::thread thread_;
  std::vector<std::thread> conns_;
  std::mutex mutex_;
  std::vector<std::string> heads_;
};

int closed_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

bool contains_icase(std::string hay, std::string needle) {
  for (auto& c : hay) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (auto& c : needle) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return hay.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("curl transport: keep-alive reuse, padded body, headers, user agent, gzip offered") {
  LoopbackServer server;
  auto t = make_curl_transport().value();
  HttpRequest req;
  req.url = "http://127.0.0.1:" + std::to_string(server.port()) + "/v1/stages/s1";
  req.headers.add("Authorization", "Basic c2VjcmV0Og==");
  for (int i = 0; i < 3; ++i) {
    auto r = t->send(req, {});
    REQUIRE(r);
    CHECK(r.value().status == 200);
    CHECK(r.value().body == R"({"data":{"id":"s1","text":"ok"}})");
    CHECK(r.value().padded());
    CHECK(r.value().headers.get("x-request-id") == "abc");
  }
  CHECK(server.connections() == 1);  // one connection served all three requests
  auto heads = server.heads();
  REQUIRE(heads.size() == 3);
  CHECK(heads[0].starts_with("GET /v1/stages/s1 HTTP/1.1"));
  CHECK(contains_icase(heads[0], std::string("user-agent: leverkit/") + LEVERKIT_VERSION_STRING));
  CHECK(contains_icase(heads[0], "accept-encoding: "));
  CHECK(contains_icase(heads[0], "gzip"));
  CHECK(contains_icase(heads[0], "authorization: Basic c2VjcmV0Og=="));
}

TEST_CASE("curl transport: POST sends the body") {
  LoopbackServer server;
  auto t = make_curl_transport().value();
  HttpRequest req{.method = HttpMethod::post,
                  .url = "http://localhost:" + std::to_string(server.port()) + "/v1/x",
                  .headers = {{"Content-Type", "application/json"}},
                  .body = R"({"a":1})"};
  auto r = t->send(req, {});
  REQUIRE(r);
  auto heads = server.heads();
  REQUIRE(heads.size() == 1);
  CHECK(heads[0].starts_with("POST /v1/x"));
  CHECK(contains_icase(heads[0], "content-length: 7"));
}

TEST_CASE("curl transport: plain http to a non-loopback host is refused before any I/O") {
  auto t = make_curl_transport().value();
  auto r = t->send({.url = "http://api.lever.co/v1/stages"}, {});
  REQUIRE_FALSE(r);
  CHECK(r.error().code == Errc::invalid_argument);
  CHECK(r.error().message.find("allow_insecure_http") != std::string::npos);
  auto ftp = t->send({.url = "ftp://127.0.0.1/x"}, {});
  CHECK(ftp.error().code == Errc::invalid_argument);
  auto garbage = t->send({.url = "not a url"}, {});
  CHECK(garbage.error().code == Errc::invalid_argument);
}

TEST_CASE("curl transport: connection refused is a transport error marked not-sent") {
  auto t = make_curl_transport().value();
  auto r = t->send({.url = "http://127.0.0.1:" + std::to_string(closed_port()) + "/v1/x",
                    .headers = {{"Authorization", "Basic c2VjcmV0Og=="}}},
                   {});
  REQUIRE_FALSE(r);
  CHECK(r.error().code == Errc::transport);
  CHECK(request_not_sent(r.error()));
  CHECK(r.error().to_string().find("c2VjcmV0Og") == std::string::npos);
}

TEST_CASE("curl transport: a total timeout after sending is a timeout, not marked not-sent") {
  LoopbackServer silent(false);
  auto t = make_curl_transport().value();
  auto r = t->send({.url = "http://127.0.0.1:" + std::to_string(silent.port()) + "/v1/x"}, {.timeout = 150ms});
  REQUIRE_FALSE(r);
  CHECK(r.error().code == Errc::timeout);
  CHECK_FALSE(request_not_sent(r.error()));
}

TEST_CASE("curl transport: a cancelled token stops the call before sending") {
  LoopbackServer server;
  auto t = make_curl_transport().value();
  CancellationSource stop;
  stop.cancel();
  CallOptions o;
  o.cancel = stop.token();
  auto r = t->send({.url = "http://127.0.0.1:" + std::to_string(server.port()) + "/v1/x"}, o);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == Errc::cancelled);
  CHECK(server.heads().empty());
}

TEST_CASE("curl transport: options are validated") {
  CHECK(make_curl_transport({.connect_timeout = 0ms}).error().code == Errc::invalid_argument);
}
