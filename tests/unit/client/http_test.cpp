#include <doctest/doctest.h>

#include "leverkit/client/http.hpp"
#include "leverkit/client/retry.hpp"
#include "leverkit/client/transport.hpp"

using namespace leverkit;

TEST_CASE("headers are case-insensitive, ordered, and set replaces every value") {
  Headers h;
  h.add("Content-Type", "application/json");
  h.add("X-Thing", "1");
  h.add("x-thing", "2");
  CHECK(h.get("content-type") == "application/json");
  CHECK(h.get("X-THING") == "1");
  h.set("X-Thing", "3");
  CHECK(h.size() == 2);
  CHECK(h.get("x-thing") == "3");
  h.remove("CONTENT-TYPE");
  CHECK_FALSE(h.contains("content-type"));
}

TEST_CASE("url_encode leaves only unreserved characters and round-trips") {
  CHECK(url_encode("a b&c=d/é~") == "a%20b%26c%3Dd%2F%C3%A9~");
  const std::string token = "%5B3%2C1491435120000%2C%225599cc20%22%5D";
  CHECK(url_encode(token) == "%255B3%252C1491435120000%252C%25225599cc20%2522%255D");
  CHECK(url_decode(url_encode(token)) == token);
  CHECK(url_decode("%zz%4") == "%zz%4");
}

TEST_CASE("url_path and query_values parse absolute URLs") {
  const std::string url = "https://api.lever.co/v1/opportunities?tag=a&tag=b%20c&offset=%255B1%255D#frag";
  CHECK(url_path(url) == "/v1/opportunities");
  CHECK(query_values(url, "tag") == std::vector<std::string>{"a", "b c"});
  CHECK(query_values(url, "offset") == std::vector<std::string>{"%5B1%5D"});
  CHECK(query_values(url, "none").empty());
  CHECK(url_path("http://127.0.0.1:8080") == "/");
  CHECK(url_path("/v1/x?y") == "/v1/x");
}

TEST_CASE("response padding leaves room for in-place JSON parsing") {
  HttpResponse r;
  r.body = "{}";
  r.ensure_padding();
  CHECK(r.padded());
  CHECK(r.body.capacity() >= r.body.size() + body_padding);
}

TEST_CASE("loopback hosts are recognised exactly") {
  CHECK(is_loopback_host("localhost"));
  CHECK(is_loopback_host("LOCALHOST"));
  CHECK(is_loopback_host("127.0.0.1"));
  CHECK(is_loopback_host("127.10.20.30"));
  CHECK(is_loopback_host("[::1]"));
  CHECK(is_loopback_host("::1"));
  CHECK_FALSE(is_loopback_host("127.0.0.1.evil.com"));
  CHECK_FALSE(is_loopback_host("128.0.0.1"));
  CHECK_FALSE(is_loopback_host("localhost.evil.com"));
  CHECK_FALSE(is_loopback_host("127.0.0.256"));
  CHECK_FALSE(is_loopback_host("api.lever.co"));
}

TEST_CASE("not-sent marking is visible only on marked transport errors") {
  Error e(Errc::transport, "connect refused");
  CHECK_FALSE(request_not_sent(e));
  CHECK(request_not_sent(mark_not_sent(e)));
  CHECK(mark_not_sent(e).not_sent);
  CHECK(mark_not_sent(e).lever_code.empty());  // a real field now, not a magic Lever code
  Error http(Errc::server_error, "x");
  http.http_status = 503;
  http.lever_code = "request-not-sent";  // Lever's own code can never be mistaken for the mark
  CHECK_FALSE(request_not_sent(http));
  http.not_sent = true;
  CHECK_FALSE(request_not_sent(http));  // an HTTP answer means it was sent
}

TEST_CASE("retryable() is false for permanent failures and for writes that may have been applied") {
  Error t(Errc::transport, "reset");
  CHECK(t.retryable());
  Error tls = t;
  tls.permanent = true;
  CHECK_FALSE(tls.retryable());
  Error post = t;
  post.may_have_written = true;
  CHECK_FALSE(post.retryable());
  Error busy(Errc::server_error, "503");
  busy.may_have_written = true;
  CHECK_FALSE(busy.retryable());
  CHECK_FALSE(should_retry_transport(RetryOptions{}, HttpMethod::get, tls));
  CHECK(should_retry_transport(RetryOptions{}, HttpMethod::get, t));
}
