// Issue 9, defect 1: libcurl must never re-send a write behind the caller's back.
//
// libcurl retries a request on a fresh connection when a *reused* keep-alive connection dies
// before any response byte ("Connection died, retrying a fresh connect"). For a POST that means
// Lever may hold two notes while create_note reports one. The server below is our own: it keeps
// connections alive, and the first write that arrives on a reused connection is read completely
// (head and body, so the write "happened") and then the connection is closed without a response.
#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <charconv>
#include <mutex>
#include <thread>
#include <vector>

#include "leverkit/client/client.hpp"
#include "leverkit/client/transport.hpp"

using namespace leverkit;
using namespace std::chrono_literals;

namespace {

class DroppingServer {
 public:
  DroppingServer() {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    socklen_t len = sizeof addr;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    REQUIRE(::listen(fd_, 8) == 0);
    thread_ = std::thread([this] { run(); });
  }
  ~DroppingServer() {
    ::shutdown(fd_, SHUT_RDWR);
    ::close(fd_);
    thread_.join();
    for (auto& t : conns_) t.join();
  }
  DroppingServer(const DroppingServer&) = delete;
  DroppingServer& operator=(const DroppingServer&) = delete;

  [[nodiscard]] std::string base() const { return "http://127.0.0.1:" + std::to_string(port_); }
  [[nodiscard]] int writes() const { return writes_; }
  [[nodiscard]] int dropped() const { return dropped_; }
  [[nodiscard]] int connections() const { return connections_; }
  /// Writes that were the first request on their connection (the client opened a new one).
  [[nodiscard]] int writes_on_fresh_connections() const { return fresh_writes_; }

 private:
  void run() {
    while (true) {
      int c = ::accept(fd_, nullptr, nullptr);
      if (c < 0) return;
      ++connections_;
      conns_.emplace_back([this, c] { serve(c); });
    }
  }
  void serve(int c) {
    std::string buf;
    char tmp[4096];
    int served = 0;
    auto fill = [&]() {
      ssize_t n = ::recv(c, tmp, sizeof tmp, 0);
      if (n <= 0) return false;
      buf.append(tmp, static_cast<std::size_t>(n));
      return true;
    };
    while (true) {
      std::size_t end;
      while ((end = buf.find("\r\n\r\n")) == std::string::npos)
        if (!fill()) return close_conn(c);
      std::string head = buf.substr(0, end);
      buf.erase(0, end + 4);
      std::size_t length = 0;
      for (std::string_view key : {"Content-Length: ", "content-length: "}) {
        if (auto p = head.find(key); p != std::string::npos) {
          std::from_chars(head.data() + p + key.size(), head.data() + head.size(), length);
        }
      }
      while (buf.size() < length)
        if (!fill()) return close_conn(c);
      buf.erase(0, length);  // the body has been read: the write reached the server
      const bool write = !head.starts_with("GET ");
      const bool reused = served > 0;
      ++served;
      if (write) {
        ++writes_;
        if (!reused) ++fresh_writes_;
        if (reused && !dropped_once_.exchange(true)) {
          ++dropped_;
          return close_conn(c);  // died before any response byte
        }
      }
      const std::string body = write ? R"({"data":{"noteId":"n1","id":"n1"}})" : R"({"data":{"id":"s1","text":"ok"}})";
      const std::string resp = std::string(write ? "HTTP/1.1 201 Created" : "HTTP/1.1 200 OK") +
                               "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
                               "\r\n\r\n" + body;
      if (::send(c, resp.data(), resp.size(), MSG_NOSIGNAL) < 0) return close_conn(c);
    }
  }
  static void close_conn(int c) { ::close(c); }

  int fd_ = -1;
  int port_ = 0;
  std::atomic<int> writes_{0}, fresh_writes_{0}, dropped_{0}, connections_{0};
  std::atomic<bool> dropped_once_{false};
  std::thread thread_;
  std::vector<std::thread> conns_;
};

}  // namespace

TEST_CASE("curl transport: a write is never re-sent by libcurl when a reused connection dies (POST, PUT, DELETE)") {
  for (HttpMethod m : {HttpMethod::post, HttpMethod::put, HttpMethod::delete_}) {
    CAPTURE(to_string(m));
    DroppingServer server;
    auto t = make_curl_transport().value();
    // Warm the connection cache so a kept-alive connection is available for reuse.
    REQUIRE(t->send({.url = server.base() + "/v1/stages/s1"}, {}));
    REQUIRE(t->send({.url = server.base() + "/v1/stages/s1"}, {}));
    HttpRequest write{.method = m,
                      .url = server.base() + "/v1/opportunities/o1/notes",
                      .headers = {{"Content-Type", "application/json"}},
                      .body = R"({"value":"exactly once"})"};
    auto r = t->send(write, {.timeout = 5s});
    // Exactly one write reached the server, whatever the outcome.
    CHECK(server.writes() == 1);
    // The control that makes it so: a write never rides a reused connection, so the
    // "dies on reuse" path of libcurl cannot be taken (the server never had to drop one).
    CHECK(server.writes_on_fresh_connections() == 1);
    CHECK(server.dropped() == 0);
    REQUIRE(r);
    CHECK(r.value().status == 201);
    // Reads still reuse connections after the write.
    const int before = server.connections();
    REQUIRE(t->send({.url = server.base() + "/v1/stages/s1"}, {}));
    CHECK(server.connections() == before);
  }
}

TEST_CASE("client: create_note over a dying keep-alive connection writes exactly once") {
  DroppingServer server;
  auto client = Client::create(std::make_shared<ApiKeyCredentials>("resend-test-key"),
                               {.base_url = server.base() + "/v1"})
                    .value();
  REQUIRE(client.request(HttpMethod::get, "/stages/s1"));
  REQUIRE(client.request(HttpMethod::get, "/stages/s1"));
  auto created = client.create_note({.opportunity_id = "o1", .body = {.value = "exactly once"}});
  CHECK(server.writes() == 1);
  REQUIRE(created);
  CHECK(created.value().note_id == "n1");
}
