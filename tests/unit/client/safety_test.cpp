// Issue 9, defects 2 and 3: redaction before truncation (every form and fragment of a key),
// the credential-failure path, Error::not_sent / may_have_written / permanent, and the
// low-speed limit of the curl transport.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <thread>

#include "leverkit/fmt.hpp"
#include "leverkit/client/client.hpp"
#include "leverkit/testing/fake_clock.hpp"
#include "leverkit/testing/fake_transport.hpp"

using namespace leverkit;
using namespace std::chrono_literals;
using testing::json_response;

namespace {

constexpr std::string_view secret_key = "lk_live_Zx81QmP0vN7rT5sW2yB4cD6eF9gH3jK";

// Any 8-character window of `secret` in `text`.
bool has_fragment(std::string_view text, std::string_view secret) {
  for (std::size_t i = 0; i + 8 <= secret.size(); ++i)
    if (text.find(secret.substr(i, 8)) != std::string_view::npos) return true;
  return false;
}

std::string b64(std::string_view s) {
  static constexpr char tbl[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < s.size(); i += 3) {
    unsigned v = (static_cast<unsigned char>(s[i]) << 16) | (static_cast<unsigned char>(s[i + 1]) << 8) |
                 static_cast<unsigned char>(s[i + 2]);
    for (int k = 3; k >= 0; --k) out += tbl[(v >> (6 * k)) & 63];
  }
  if (i + 1 == s.size()) {
    unsigned v = static_cast<unsigned char>(s[i]) << 16;
    out += tbl[(v >> 18) & 63];
    out += tbl[(v >> 12) & 63];
    out += "==";
  } else if (i + 2 == s.size()) {
    unsigned v = (static_cast<unsigned char>(s[i]) << 16) | (static_cast<unsigned char>(s[i + 1]) << 8);
    out += tbl[(v >> 18) & 63];
    out += tbl[(v >> 12) & 63];
    out += tbl[(v >> 6) & 63];
    out += '=';
  }
  return out;
}

struct Harness {
  std::shared_ptr<testing::FakeClock> clock = std::make_shared<testing::FakeClock>();
  std::shared_ptr<testing::FakeSleeper> sleeper = std::make_shared<testing::FakeSleeper>(clock);
  std::shared_ptr<testing::FakeTransport> fake = std::make_shared<testing::FakeTransport>();
  std::vector<std::string> log;

  Client make(std::shared_ptr<Credentials> creds, int attempts = 4) {
    return Client::create(std::move(creds),
                          {.base_url = "https://api.lever.co/v1",
                           .transport = fake,
                           .rate_limiter = std::make_shared<TokenBucketRateLimiter>(
                               RateLimitOptions{.requests_per_second = 1e6, .burst = 1e6}, clock, sleeper),
                           .retry = {.max_attempts = attempts},
                           .clock = clock,
                           .sleeper = sleeper,
                           .random = [] { return 0.0; },
                           .logger = [this](LogLevel, std::string_view l) { log.emplace_back(l); }})
        .value();
  }
};

}  // namespace

TEST_CASE("redaction: every fragment of 8+ characters, in raw, base64 (any alignment) and URL-encoded forms") {
  const std::string k(secret_key);
  for (const std::string& form :
       {k, b64(k + ":"), b64(k), b64("x" + k).substr(4), b64("xy" + k).substr(4), std::string("lk_live_Zx81QmP0%2B"),
        k.substr(5, 12), b64(k + ":").substr(3, 20)}) {
    CAPTURE(form);
    std::string text = "before " + form + " after";
    redact_secret(text, secret_key);
    CHECK_FALSE(has_fragment(text, k));
    CHECK_FALSE(has_fragment(text, b64(k + ":")));
    CHECK(text.starts_with("before "));
    CHECK(text.ends_with(" after"));
  }
  std::string url = "q=" + url_encode(b64(k + ":"));
  redact_secret(url, secret_key);
  CHECK(url == "q=[redacted]");
  std::string harmless = "GET /v1/opportunities/abc: not_found";
  const std::string before = harmless;
  redact_secret(harmless, secret_key);
  CHECK(harmless == before);
}

TEST_CASE("a long non-JSON error body is redacted before the excerpt is cut, so no partial key survives") {
  Harness h;
  auto client = h.make(std::make_shared<ApiKeyCredentials>(std::string(secret_key)), 1);
  const std::string header = b64(std::string(secret_key) + ":");
  for (std::size_t pad = 130; pad < 160; pad += 7) {
    CAPTURE(pad);
    // The base64 credential straddles the 160-character cut: the old order kept its first half.
    std::string body = "<html>" + std::string(pad, '.') + "Authorization: Basic " + header + " raw " + std::string(secret_key) +
                       "</html>";
    h.fake->enqueue(json_response(502, body));
    auto r = client.get_user({.user_id = "u1"});
    REQUIRE_FALSE(r);
    CHECK(r.error().code == Errc::server_error);
    CHECK(r.error().message.find("non-JSON body") != std::string::npos);
    CHECK_FALSE(has_fragment(r.error().to_string(), secret_key));
    CHECK_FALSE(has_fragment(r.error().to_string(), header));
  }
}

namespace {
class FailingCredentials final : public Credentials {
 public:
  explicit FailingCredentials(int ok_calls) : ok_calls_(ok_calls) {}
  Result<std::string> authorization(const CallOptions&) override {
    if (ok_calls_-- > 0) return std::string("Bearer ") + std::string(secret_key);
    return Error(Errc::auth_failed, fmt::format("refresh with {} failed", secret_key));
  }
  std::string identity() const override { return "test:failing"; }
  void redact(std::string& s) const override { redact_secret(s, secret_key); }

 private:
  int ok_calls_;
};
}  // namespace

TEST_CASE("a credential failure goes through the pipeline's error path: attempts counted, text redacted") {
  Harness h;
  auto client = h.make(std::make_shared<FailingCredentials>(1));
  h.fake->enqueue(json_response(503, R"({"code":"ServiceUnavailable","message":"later"})"));
  auto r = client.get_user({.user_id = "u1"});
  REQUIRE_FALSE(r);
  CHECK(r.error().code == Errc::auth_failed);
  CHECK(r.error().attempts == 1);  // the 503 attempt; the second never left
  CHECK(r.error().message.starts_with("GET /v1/users/u1: "));
  CHECK_FALSE(has_fragment(r.error().to_string(), secret_key));
  CHECK(h.fake->request_count() == 1);

  auto first = h.make(std::make_shared<FailingCredentials>(0));
  auto r0 = first.get_user({.user_id = "u1"});
  REQUIRE_FALSE(r0);
  CHECK(r0.error().attempts == 0);
  CHECK(r0.error().not_sent);
  CHECK_FALSE(has_fragment(r0.error().to_string(), secret_key));
}

TEST_CASE("a POST that may have been written is not retryable / one refused with 429 or never sent is") {
  Harness h;
  auto client = h.make(std::make_shared<ApiKeyCredentials>("safety-test-key"));
  h.fake->enqueue(Error(Errc::transport, "connection reset after the body was sent"));
  auto reset = client.create_note({.opportunity_id = "o1", .body = {.value = "x"}});
  REQUIRE_FALSE(reset);
  CHECK(reset.error().code == Errc::transport);
  CHECK(reset.error().attempts == 1);  // never repeated by the client
  CHECK(reset.error().may_have_written);
  CHECK_FALSE(reset.error().retryable());

  h.fake->enqueue(json_response(500, R"({"code":"InternalServerError","message":"boom"})"));
  auto boom = client.create_note({.opportunity_id = "o1", .body = {.value = "x"}});
  REQUIRE_FALSE(boom);
  CHECK(boom.error().may_have_written);
  CHECK_FALSE(boom.error().retryable());

  h.fake->enqueue(mark_not_sent(Error(Errc::transport, "connect refused")));
  h.fake->enqueue(mark_not_sent(Error(Errc::transport, "connect refused")));
  h.fake->enqueue(mark_not_sent(Error(Errc::transport, "connect refused")));
  h.fake->enqueue(mark_not_sent(Error(Errc::transport, "connect refused")));
  auto refused = client.create_note({.opportunity_id = "o1", .body = {.value = "x"}});
  REQUIRE_FALSE(refused);
  CHECK(refused.error().attempts == 4);
  CHECK_FALSE(refused.error().may_have_written);
  CHECK(refused.error().retryable());

  // A GET that failed the same way as the first POST stays retryable.
  h.fake->enqueue(Error(Errc::transport, "reset"));
  h.fake->enqueue(Error(Errc::transport, "reset"));
  h.fake->enqueue(Error(Errc::transport, "reset"));
  h.fake->enqueue(Error(Errc::transport, "reset"));
  auto get = client.get_user({.user_id = "u1"});
  REQUIRE_FALSE(get);
  CHECK(get.error().attempts == 4);
  CHECK(get.error().retryable());
}

TEST_CASE("a TLS verification failure is permanent: not retried, not retryable") {
  Harness h;
  auto client = h.make(std::make_shared<ApiKeyCredentials>("safety-test-key"));
  Error tls = mark_not_sent(Error(Errc::transport, "SSL certificate problem: self-signed certificate"));
  tls.permanent = true;
  h.fake->enqueue(tls);
  auto r = client.get_user({.user_id = "u1"});
  REQUIRE_FALSE(r);
  CHECK(r.error().attempts == 1);
  CHECK(r.error().permanent);
  CHECK_FALSE(r.error().retryable());
  CHECK(h.fake->request_count() == 1);
}

namespace {
// Sends a response head promising 100000 bytes, then one byte, then nothing until closed.
class TricklingServer {
 public:
  TricklingServer() {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    socklen_t len = sizeof addr;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    REQUIRE(::listen(fd_, 4) == 0);
    thread_ = std::thread([this] {
      int c = ::accept(fd_, nullptr, nullptr);
      if (c < 0) return;
      char buf[4096];
      std::string head;
      while (head.find("\r\n\r\n") == std::string::npos) {
        ssize_t n = ::recv(c, buf, sizeof buf, 0);
        if (n <= 0) break;
        head.append(buf, static_cast<std::size_t>(n));
      }
      const std::string resp = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{";
      ::send(c, resp.data(), resp.size(), MSG_NOSIGNAL);
      while (::recv(c, buf, sizeof buf, 0) > 0) {
      }
      ::close(c);
    });
  }
  ~TricklingServer() {
    ::shutdown(fd_, SHUT_RDWR);
    ::close(fd_);
    thread_.join();
  }
  TricklingServer(const TricklingServer&) = delete;
  TricklingServer& operator=(const TricklingServer&) = delete;
  [[nodiscard]] int port() const { return port_; }

 private:
  int fd_ = -1;
  int port_ = 0;
  std::thread thread_;
};
}  // namespace

TEST_CASE("curl transport: the low-speed limit stops a trickling response long before the total timeout") {
  TricklingServer server;
  auto t = make_curl_transport({.timeout = 60s, .low_speed_limit = 100, .low_speed_time = 1s}).value();
  auto r = t->send({.url = "http://127.0.0.1:" + std::to_string(server.port()) + "/v1/stages"}, {});
  REQUIRE_FALSE(r);
  CHECK(r.error().code == Errc::timeout);
  CHECK(r.error().message.find("too slow") != std::string::npos);
  CHECK(make_curl_transport({.low_speed_limit = -1}).error().code == Errc::invalid_argument);
}
