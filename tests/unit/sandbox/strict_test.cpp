// Issue 9: the sandbox is strict where a lax emulator would hide client bugs — OAuth redirect
// URIs and codes, empty offsets, chunked bodies over the limit, idle connections.
#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "harness.hpp"

using namespace sbx_test;
using leverkit::sandbox::detail::url_encode;

namespace {
std::string code_of(const std::string& location) {
  auto p = location.find("code=");
  if (p == std::string::npos) return {};
  std::string code = location.substr(p + 5);
  return code.substr(0, code.find('&'));
}
}  // namespace

TEST_CASE("sandbox OAuth: redirect_uri must exactly match a registered one, at authorize and at the exchange") {
  auto now = std::make_shared<std::atomic<std::int64_t>>(1'800'000'000'000);
  auto o = Sandbox::defaults();
  o.clock = [now] { return now->load(); };
  o.oauth_clients = {{"app", "app-secret", {"http://127.0.0.1:9999/cb"}}};
  Sandbox s(o);
  const std::string good = url_encode("http://127.0.0.1:9999/cb");
  auto authorize = [&](const std::string& redirect, const std::string& state = "st") {
    return s.client->Get("/oauth/authorize?client_id=app&response_type=code&state=" + state +
                         "&redirect_uri=" + redirect);
  };
  for (const std::string bad : {"http://127.0.0.1:9999/cb/", "http://127.0.0.1:9998/cb", "http://localhost:9999/cb",
                                "http://127.0.0.1:9999/cb?x=1", "http://127.0.0.1:9999/CB"}) {
    CAPTURE(bad);
    auto r = authorize(url_encode(bad));
    REQUIRE(r);
    CHECK(r->status == 400);
    CHECK(r->get_header_value("Location").empty());  // never redirected to an unregistered URI
    CHECK(parse(r->body).str("error") == "invalid_request");
  }
  CHECK(authorize(good, "")->status == 400);  // state is required

  auto token = [&](const std::string& code, const std::string& redirect) {
    auto r = s.client->Post("/oauth/token",
                            "grant_type=authorization_code&client_id=app&client_secret=app-secret&code=" + code +
                                "&redirect_uri=" + redirect,
                            "application/x-www-form-urlencoded");
    REQUIRE(r);
    return std::make_pair(r->status, parse(r->body));
  };
  // A different redirect_uri at the exchange: refused, and the code is spent.
  std::string c1 = code_of(authorize(good)->get_header_value("Location"));
  REQUIRE_FALSE(c1.empty());
  CHECK(token(c1, url_encode("http://127.0.0.1:9999/other")).second.str("error") == "invalid_grant");
  CHECK(token(c1, good).second.str("error") == "invalid_grant");
  // Missing redirect_uri at the exchange: refused.
  std::string c2 = code_of(authorize(good)->get_header_value("Location"));
  CHECK(token(c2, "").second.str("error") == "invalid_grant");
  // Single use: the second exchange fails and revokes what the first one issued.
  std::string c3 = code_of(authorize(good)->get_header_value("Location"));
  auto [st, t] = token(c3, good);
  REQUIRE(st == 200);
  CHECK(s.get("/v1/stages", "Bearer " + t.str("access_token")).status == 200);
  CHECK(token(c3, good).second.str("error") == "invalid_grant");
  CHECK(s.get("/v1/stages", "Bearer " + t.str("access_token")).status == 401);
  // Short-lived: 60 s by default.
  std::string c4 = code_of(authorize(good)->get_header_value("Location"));
  now->fetch_add(61'000);
  CHECK(token(c4, good).second.str("error") == "invalid_grant");
  auto stats = parse(s.client->Get("/__sandbox/stats")->body);
  CHECK(stats.find("oauth")->num("codeExchanges") == 1);
  CHECK(stats.find("oauth")->num("refused") >= 5);
}

TEST_CASE("sandbox: an empty offset= is a 400, not the first page") {
  Sandbox s;
  auto r = s.get("/v1/opportunities?limit=5&offset=");
  CHECK(r.status == 400);
  CHECK(r.body.str("code") == "InvalidParameter");
  CHECK(s.get("/v1/opportunities?limit=5").status == 200);
}

TEST_CASE("sandbox: a chunked request body over the limit is refused with 413 like a Content-Length one") {
  auto o = Sandbox::defaults();
  o.max_body_bytes = 4096;
  Sandbox s(o);
  const std::string big(10'000, 'x');
  httplib::Headers h{{"Authorization", basic(leverkit::sandbox::kFullKey)}};
  auto chunked = s.client->Post(
      "/v1/opportunities/any/notes", h,
      [&](std::size_t offset, httplib::DataSink& sink) {
        if (offset < big.size()) {
          sink.write(big.data() + offset, std::min<std::size_t>(1000, big.size() - offset));
        } else {
          sink.done();
        }
        return true;
      },
      "application/json");
  REQUIRE(chunked);
  CHECK(chunked->status == 413);
  httplib::Client fresh(s.server.base_url());
  auto sized = fresh.Post("/v1/opportunities/any/notes", h, big, "application/json");
  REQUIRE(sized);
  CHECK(sized->status == 413);
  // Under the limit, chunked still works (and reaches the API: the opportunity does not exist).
  httplib::Client again(s.server.base_url());
  const std::string small = R"({"value":"hi"})";
  auto ok = again.Post(
      "/v1/opportunities/missing/notes", h,
      [&](std::size_t offset, httplib::DataSink& sink) {
        if (offset == 0) sink.write(small.data(), small.size());
        else sink.done();
        return true;
      },
      "application/json");
  REQUIRE(ok);
  CHECK(ok->status == 404);
}

TEST_CASE("sandbox: idle and half-sent connections cannot stall it") {
  auto o = Sandbox::defaults();
  o.threads = 0;  // the default pool: max(32, 4 x cores)
  Sandbox s(o);
  std::vector<int> idle;
  for (int i = 0; i < 24; ++i) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<std::uint16_t>(s.server.port()));
    REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    if (i % 2 == 1) {
      const char* partial = "GET /v1/stages HTTP/1.1\r\nHost: x\r\n";  // headers never finished
      ::send(fd, partial, std::strlen(partial), MSG_NOSIGNAL);
    }
    idle.push_back(fd);
  }
  auto r = s.get("/v1/stages");
  CHECK(r.status == 200);
  // The half-sent connections are closed by the server after its read timeout (recv sees EOF).
  timeval tv{10, 0};
  ::setsockopt(idle[1], SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  char buf[256];
  ssize_t n = ::recv(idle[1], buf, sizeof buf, 0);
  CHECK(n >= 0);  // EOF (0) or an error response, not a hang until our 10 s guard
  for (int fd : idle) ::close(fd);
}
