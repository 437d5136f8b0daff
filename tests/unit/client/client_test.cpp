#include <doctest/doctest.h>
#include <fmt/format.h>

#include <fstream>
#include <sstream>
#include <thread>

#include "client_state.hpp"
#include "leverkit/client/client.hpp"
#include "leverkit/testing/fake_clock.hpp"
#include "leverkit/testing/fake_transport.hpp"

using namespace leverkit;
using namespace std::chrono_literals;
using testing::json_response;

namespace {

struct Env {
  std::shared_ptr<testing::FakeClock> clock = std::make_shared<testing::FakeClock>();
  std::shared_ptr<testing::FakeSleeper> sleeper = std::make_shared<testing::FakeSleeper>(clock);
  std::shared_ptr<testing::FakeTransport> fake = std::make_shared<testing::FakeTransport>();
  Client client = make({});

  Client make(ClientOptions o) {
    o.transport = fake;
    o.clock = clock;
    o.sleeper = sleeper;
    if (!o.rate_limiter)
      o.rate_limiter = std::make_shared<TokenBucketRateLimiter>(RateLimitOptions{.requests_per_second = 1e6, .burst = 1e6},
                                                                clock, sleeper);
    o.random = [] { return 0.0; };
    return Client::create(std::make_shared<ApiKeyCredentials>("client-test-key"), std::move(o)).value();
  }
  HttpRequest last() const { return fake->requests().back(); }
};

std::string stage_page(int from, int count, std::optional<std::string> next) {
  std::string s = R"({"data":[)";
  for (int i = 0; i < count; ++i) s += fmt::format(R"({}{{"id":"s{}","text":"Stage {}"}})", i ? "," : "", from + i, from + i);
  s += "]";
  if (next) s += fmt::format(R"(,"hasNext":true,"next":"{}")", *next);
  else s += R"(,"hasNext":false)";
  return s + "}";
}

}  // namespace

TEST_CASE("environments map to Lever's hosts, base_url overrides") {
  Env e;
  CHECK(e.make({.environment = Environment::production}).base_url() == "https://api.lever.co/v1");
  CHECK(e.make({.environment = Environment::sandbox}).base_url() == "https://api.sandbox.lever.co/v1");
  CHECK(e.make({.environment = Environment::eu}).base_url() == "https://api.eu.lever.co/v1");
  CHECK(e.make({.base_url = "http://127.0.0.1:8080/v1/"}).base_url() == "http://127.0.0.1:8080/v1");
  CHECK(e.make({.base_url = "http://[::1]:9/v1"}).base_url() == "http://[::1]:9/v1");
}

TEST_CASE("Client::create validates the base URL and options") {
  auto fake = std::make_shared<testing::FakeTransport>();
  auto creds = std::make_shared<ApiKeyCredentials>("k");
  auto err = [&](ClientOptions o) {
    o.transport = fake;
    auto r = Client::create(creds, std::move(o));
    return r ? Errc::ok : r.error().code;
  };
  CHECK(err({.base_url = "http://api.lever.co/v1"}) == Errc::invalid_argument);
  CHECK(err({.base_url = "http://localhost.evil.com/v1"}) == Errc::invalid_argument);
  CHECK(err({.base_url = "ftp://x/v1"}) == Errc::invalid_argument);
  CHECK(err({.base_url = "https:///v1"}) == Errc::invalid_argument);
  CHECK(err({.base_url = "http://user@127.0.0.1/v1"}) == Errc::invalid_argument);
  CHECK(err({.base_url = "http://proxy.internal/v1", .transport_options = {.allow_insecure_http = true}}) == Errc::ok);
  CHECK(err({.retry = {.max_attempts = 0}}) == Errc::invalid_argument);
  CHECK(Client::create(nullptr, {.transport = fake}).error().code == Errc::invalid_argument);
}

TEST_CASE("from_environment reads only what it is asked to") {
  ::setenv("LEVER_BASE_URL", "http://127.0.0.1:7777/v1", 1);
  ::setenv("LEVER_API_KEY", "env-key", 1);
  auto o = ClientOptions::from_environment();
  CHECK(o.base_url == "http://127.0.0.1:7777/v1");
  auto c = ApiKeyCredentials::from_environment();
  REQUIRE(c);
  CHECK(c.value()->authorization({}).value() == "Basic ZW52LWtleTo=");
  ::unsetenv("LEVER_API_KEY");
  ::unsetenv("LEVER_BASE_URL");
  CHECK(ApiKeyCredentials::from_environment().error().code == Errc::invalid_argument);
  CHECK(ClientOptions::from_environment().base_url.empty());
}

TEST_CASE("every request carries auth, Accept and no body for GET, copies share state") {
  Env e;
  e.fake->on(HttpMethod::get, "/v1/stages", json_response(200, stage_page(0, 2, std::nullopt)));
  Client copy = e.client;
  CHECK(copy == e.client);
  std::vector<std::string> ids;
  for (auto& s : copy.list_stages({})) ids.push_back(s.value().id);
  CHECK(ids == std::vector<std::string>{"s0", "s1"});
  auto req = e.last();
  CHECK(req.method == HttpMethod::get);
  CHECK(req.url == "https://api.lever.co/v1/stages");
  CHECK(req.headers.get("authorization") == "Basic Y2xpZW50LXRlc3Qta2V5Og==");
  CHECK(req.headers.get("accept") == "application/json");
  CHECK(req.body.empty());
}

TEST_CASE("list_stages pages through next tokens, URL-encoding the opaque token") {
  Env e;
  const std::string token = "%5B3%2C1491435120000%2C%225599cc20%22%5D";  // Lever's real shape
  e.fake->set_handler([&](const HttpRequest& r) -> Result<HttpResponse> {
    auto off = query_values(r.url, "offset");
    if (off.empty()) return json_response(200, stage_page(0, 2, token));
    if (off[0] == token) return json_response(200, stage_page(2, 1, std::nullopt));
    return json_response(400, R"({"code":"InvalidParameter","message":"bad offset"})");
  });
  auto p = e.client.list_stages({.limit = 2});
  std::vector<std::string> ids;
  for (auto& s : p) ids.push_back(s.value().id);
  CHECK(ids == std::vector<std::string>{"s0", "s1", "s2"});
  auto reqs = e.fake->requests();
  REQUIRE(reqs.size() == 2);
  CHECK(reqs[0].url == "https://api.lever.co/v1/stages?limit=2");
  CHECK(reqs[1].url == "https://api.lever.co/v1/stages?limit=2&offset=%255B3%252C1491435120000%252C%25225599cc20%2522%255D");
}

TEST_CASE("resume from a saved token, a stale token is its own error code") {
  Env e;
  e.fake->set_handler([&](const HttpRequest& r) -> Result<HttpResponse> {
    auto off = query_values(r.url, "offset");
    if (!off.empty() && off[0] == "good") return json_response(200, stage_page(5, 1, std::nullopt));
    return json_response(400, R"({"code":"InvalidParameter","message":"Invalid offset: the token is stale"})");
  });
  std::vector<std::string> ids;
  for (auto& s : e.client.list_stages({.offset = "good"})) ids.push_back(s.value().id);
  CHECK(ids == std::vector<std::string>{"s5"});

  std::vector<Result<Stage>> all;
  for (auto& s : e.client.list_stages({.offset = "expired"})) all.push_back(std::move(s));
  REQUIRE(all.size() == 1);
  REQUIRE_FALSE(all[0]);
  CHECK(all[0].error().code == Errc::stale_cursor);
  CHECK(all[0].error().http_status == 400);
  CHECK(all[0].error().lever_code == "InvalidParameter");
  CHECK_FALSE(all[0].error().retryable());
}

TEST_CASE("stale-cursor rule: needs a 400, an offset in the request, and 'offset' in Lever's error") {
  HttpResponse offset_400 = json_response(400, R"({"code":"InvalidParameter","message":"Invalid OFFSET value"})");
  HttpResponse other_400 = json_response(400, R"({"code":"InvalidParameter","message":"limit must be <= 100"})");
  HttpResponse offset_500 = json_response(500, R"({"code":"InvalidParameter","message":"offset"})");
  const auto now = std::chrono::system_clock::now();
  CHECK(detail::error_from_response(offset_400, "GET /v1/x", true, now).code == Errc::stale_cursor);
  CHECK(detail::error_from_response(offset_400, "GET /v1/x", false, now).code == Errc::bad_request);
  CHECK(detail::error_from_response(other_400, "GET /v1/x", true, now).code == Errc::bad_request);
  CHECK(detail::error_from_response(offset_500, "GET /v1/x", true, now).code == Errc::server_error);
  HttpResponse code_only = json_response(400, R"({"code":"InvalidOffset"})");
  CHECK(detail::error_from_response(code_only, "GET /v1/x", true, now).code == Errc::stale_cursor);
}

TEST_CASE("status codes map to Errc, Lever's body, request id and Retry-After are captured") {
  const auto now = std::chrono::system_clock::now();
  const std::pair<int, Errc> table[] = {{400, Errc::bad_request},   {401, Errc::unauthorized}, {403, Errc::forbidden},
                                        {404, Errc::not_found},     {409, Errc::conflict},     {422, Errc::conflict},
                                        {429, Errc::rate_limited},  {500, Errc::server_error}, {502, Errc::server_error},
                                        {503, Errc::server_error},  {504, Errc::server_error}, {599, Errc::server_error},
                                        {301, Errc::unexpected_status}, {418, Errc::unexpected_status}};
  for (auto [status, code] : table) {
    CAPTURE(status);
    auto e = detail::error_from_response(json_response(status, "{}"), "GET /v1/x", false, now);
    CHECK(e.code == code);
    CHECK(e.http_status == status);
  }
  std::ifstream f(LEVERKIT_SOURCE_DIR "/tests/data/lever-samples/error_404.json");
  std::string sample = "{\"code\":\"ResourceNotFound\",\"message\":\"stages a80bbbe0 was not found\"}";
  if (f) sample.assign(std::istreambuf_iterator<char>(f), {});
  auto e = detail::error_from_response(json_response(404, sample, {{"X-Request-ID", "req-42"}, {"Retry-After", "5"}}),
                                       "GET /v1/stages/a", false, now);
  CHECK(e.lever_code == "ResourceNotFound");
  CHECK(e.lever_message.find("was not found") != std::string::npos);
  CHECK(e.request_id == "req-42");
  CHECK(e.retry_after == std::chrono::milliseconds(5s));
  CHECK(e.to_string().find("GET /v1/stages/a") != std::string::npos);
}

TEST_CASE("error bodies that are not Lever's envelope are handled") {
  const auto now = std::chrono::system_clock::now();
  auto html = detail::error_from_response(json_response(502, "<html>\nBad Gateway</html>"), "GET /v1/x", false, now);
  CHECK(html.code == Errc::server_error);
  CHECK(html.lever_code.empty());
  CHECK(html.message.find("non-JSON body") != std::string::npos);
  CHECK(html.message.find('\n') == std::string::npos);
  auto wrong_types = detail::error_from_response(json_response(400, R"({"code":42,"message":["x"]})"), "GET /v1/x", false, now);
  CHECK(wrong_types.code == Errc::bad_request);
  CHECK(wrong_types.lever_code.empty());
  auto empty = detail::error_from_response(json_response(404, ""), "GET /v1/x", false, now);
  CHECK(empty.code == Errc::not_found);
  auto array = detail::error_from_response(json_response(404, "[1,2]"), "GET /v1/x", false, now);
  CHECK(array.code == Errc::not_found);
  HttpResponse unpadded;
  unpadded.status = 409;
  unpadded.body = R"({"code":"Conflict","message":"already"})";
  unpadded.body.shrink_to_fit();
  CHECK(detail::error_from_response(unpadded, "PUT /v1/x", false, now).lever_code == "Conflict");
}

TEST_CASE("list_opportunities sends every filter, repeated keys, encoded values, ms timestamps") {
  Env e;
  e.fake->on(HttpMethod::get, "/v1/opportunities", json_response(200, R"({"data":[],"hasNext":false})"));
  ListOpportunitiesRequest r{.tag = {"engineering", "a&b"},
                             .email = {"x+1@example.com"},
                             .origin = {"sourced", "referred"},
                             .source = {"LinkedIn"},
                             .confidentiality = Confidentiality::all,
                             .stage_id = {"applicant-new"},
                             .posting_id = {"p1", "p2"},
                             .archived_posting_id = {"ap1"},
                             .created_at_start = from_unix_ms(1000),
                             .created_at_end = from_unix_ms(2000),
                             .updated_at_start = from_unix_ms(3000),
                             .updated_at_end = from_unix_ms(4000),
                             .advanced_at_start = from_unix_ms(5000),
                             .advanced_at_end = from_unix_ms(6000),
                             .archived_at_start = from_unix_ms(7000),
                             .archived_at_end = from_unix_ms(8000),
                             .archived = false,
                             .archive_reason_id = {"r1"},
                             .snoozed = true,
                             .contact_id = {"c1"},
                             .location = {"San Francisco, CA"},
                             .expand = {"stage", "owner"},
                             .include = {"followers"},
                             .limit = 100,
                             .offset = "tok en"};
  auto p = e.client.list_opportunities(r);
  CHECK(std::ranges::distance(p) == 0);
  const std::string url = e.last().url;
  auto q = [&](std::string_view k) { return query_values(url, k); };
  using V = std::vector<std::string>;
  CHECK(q("tag") == V{"engineering", "a&b"});
  CHECK(q("email") == V{"x+1@example.com"});
  CHECK(url.find("x%2B1%40example.com") != std::string::npos);
  CHECK(q("origin") == V{"sourced", "referred"});
  CHECK(q("source") == V{"LinkedIn"});
  CHECK(q("confidentiality") == V{"all"});
  CHECK(q("stage_id") == V{"applicant-new"});
  CHECK(q("posting_id") == V{"p1", "p2"});
  CHECK(q("archived_posting_id") == V{"ap1"});
  CHECK(q("created_at_start") == V{"1000"});
  CHECK(q("created_at_end") == V{"2000"});
  CHECK(q("updated_at_start") == V{"3000"});
  CHECK(q("updated_at_end") == V{"4000"});
  CHECK(q("advanced_at_start") == V{"5000"});
  CHECK(q("advanced_at_end") == V{"6000"});
  CHECK(q("archived_at_start") == V{"7000"});
  CHECK(q("archived_at_end") == V{"8000"});
  CHECK(q("archived") == V{"false"});
  CHECK(q("archive_reason_id") == V{"r1"});
  CHECK(q("snoozed") == V{"true"});
  CHECK(q("contact_id") == V{"c1"});
  CHECK(q("location") == V{"San Francisco, CA"});
  CHECK(q("expand") == V{"stage", "owner"});
  CHECK(q("include") == V{"followers"});
  CHECK(q("limit") == V{"100"});
  CHECK(q("offset") == V{"tok en"});
  CHECK(url.find("offset=tok%20en") != std::string::npos);

  // Unset filters are not sent at all.
  (void)std::ranges::distance(e.client.list_opportunities({}));
  CHECK(e.last().url == "https://api.lever.co/v1/opportunities");
}

TEST_CASE("limit outside 1..100 and empty ids are rejected before sending") {
  Env e;
  for (int bad : {0, 101, -1}) {
    auto p = e.client.list_opportunities({.limit = bad});
    auto it = p.begin();
    REQUIRE(it != p.end());
    CHECK(it->error().code == Errc::invalid_argument);
  }
  CHECK(e.client.get_opportunity({.opportunity_id = ""}).error().code == Errc::invalid_argument);
  CHECK(e.client.get_user({}).error().code == Errc::invalid_argument);
  CHECK(e.client.get_posting({}).error().code == Errc::invalid_argument);
  CHECK(e.fake->request_count() == 0);
}

TEST_CASE("get_opportunity encodes the id and sends expand") {
  Env e;
  e.fake->set_handler([](const HttpRequest&) -> Result<HttpResponse> { return json_response(404, R"({"code":"ResourceNotFound","message":"nope"})"); });
  auto r = e.client.get_opportunity({.opportunity_id = "a/b c", .expand = {"stage"}});
  REQUIRE_FALSE(r);
  CHECK(r.error().code == Errc::not_found);
  CHECK(e.last().url == "https://api.lever.co/v1/opportunities/a%2Fb%20c?expand=stage");
}

TEST_CASE("list_users sends includeDeactivated, repeated accessRole, email, external_directory_id") {
  Env e;
  e.fake->on(HttpMethod::get, "/v1/users", json_response(200, R"({"data":[]})"));
  (void)std::ranges::distance(e.client.list_users({.include_deactivated = true,
                                                   .access_role = {"super admin", "interviewer"},
                                                   .email = "a@b.co",
                                                   .external_directory_id = "ext-1"}));
  const std::string url = e.last().url;
  CHECK(query_values(url, "includeDeactivated") == std::vector<std::string>{"true"});
  CHECK(query_values(url, "accessRole") == std::vector<std::string>{"super admin", "interviewer"});
  CHECK(url.find("accessRole=super%20admin") != std::string::npos);
  CHECK(query_values(url, "email") == std::vector<std::string>{"a@b.co"});
  CHECK(query_values(url, "external_directory_id") == std::vector<std::string>{"ext-1"});
  (void)std::ranges::distance(e.client.list_users({}));
  CHECK(e.last().url == "https://api.lever.co/v1/users");
}

TEST_CASE("list_postings filters, and Lever's updated_at combination rule") {
  Env e;
  e.fake->on(HttpMethod::get, "/v1/postings", json_response(200, R"({"data":[]})"));
  (void)std::ranges::distance(e.client.list_postings({.state = {"published", "internal"},
                                                      .distribution_channel = {"internal"},
                                                      .confidentiality = Confidentiality::non_confidential,
                                                      .group = "team",
                                                      .team = {"Eng"},
                                                      .department = {"R&D"},
                                                      .location = {"Remote"},
                                                      .commitment = {"Full-time"},
                                                      .level = {"senior"},
                                                      .tag = {"t"},
                                                      .expand = {"owner"},
                                                      .include = {"content"}}));
  const std::string url = e.last().url;
  CHECK(query_values(url, "state") == std::vector<std::string>{"published", "internal"});
  CHECK(query_values(url, "distributionChannel") == std::vector<std::string>{"internal"});
  CHECK(query_values(url, "confidentiality") == std::vector<std::string>{"non-confidential"});
  CHECK(query_values(url, "group") == std::vector<std::string>{"team"});
  CHECK(query_values(url, "department") == std::vector<std::string>{"R&D"});
  CHECK(query_values(url, "commitment") == std::vector<std::string>{"Full-time"});
  CHECK(query_values(url, "level") == std::vector<std::string>{"senior"});
  CHECK(query_values(url, "include") == std::vector<std::string>{"content"});

  auto bad = e.client.list_postings({.team = {"Eng"}, .updated_at_start = from_unix_ms(1)});
  CHECK(bad.begin()->error().code == Errc::invalid_argument);
  const auto before = e.fake->request_count();
  (void)std::ranges::distance(e.client.list_postings({.confidentiality = Confidentiality::all, .updated_at_start = from_unix_ms(1)}));
  CHECK(e.fake->request_count() == before + 1);
  CHECK(query_values(e.last().url, "updated_at_start") == std::vector<std::string>{"1"});
}

TEST_CASE("list_archive_reasons sends type, bare and doubled envelopes decode") {
  Env e;
  e.fake->enqueue(json_response(200, R"({"data":{"data":[{"id":"r1","text":"Hired","status":"active","type":"hired"}],"hasNext":false}})"));
  e.fake->enqueue(json_response(200, R"([{"id":"r2","text":"Withdrew"}])"));
  std::vector<std::string> ids;
  for (auto& r : e.client.list_archive_reasons({.type = "hired"})) ids.push_back(r.value().id);
  CHECK(query_values(e.last().url, "type") == std::vector<std::string>{"hired"});
  for (auto& r : e.client.list_archive_reasons({})) ids.push_back(r.value().id);
  CHECK(ids == std::vector<std::string>{"r1", "r2"});
}

TEST_CASE("a malformed page is a decode_error naming the JSON path, as the last element") {
  Env e;
  e.fake->enqueue(json_response(200, R"({"data":[{"id":"s1","text":"a"},{"text":"no id"}],"hasNext":false})"));
  std::vector<Result<Stage>> all;
  for (auto& s : e.client.list_stages({})) all.push_back(std::move(s));
  REQUIRE(all.size() == 1);
  REQUIRE_FALSE(all[0]);
  CHECK(all[0].error().code == Errc::decode_error);
  CHECK(all[0].error().message.find("data[1]") != std::string::npos);
}

TEST_CASE("CallOptions: extra headers are sent, cancellation stops a listing, timeout bounds each page") {
  Env e;
  e.fake->on(HttpMethod::get, "/v1/stages", json_response(200, stage_page(0, 1, "n1")));
  auto p = e.client.list_stages({}, {.timeout = 3s, .headers = {{"X-Trace", "t-1"}}});
  auto it = p.begin();
  REQUIRE(it->has_value());
  CHECK(e.last().headers.get("x-trace") == "t-1");
  CHECK(e.fake->timeouts().back() == 3s);

  CancellationSource stop;
  auto q = e.client.list_stages({}, {.cancel = stop.token()});
  auto qi = q.begin();
  REQUIRE(qi->has_value());
  stop.cancel();
  ++qi;
  REQUIRE(qi != q.end());
  CHECK(qi->error().code == Errc::cancelled);
  ++qi;
  CHECK(qi == q.end());
}

TEST_CASE("concurrent calls through copies of one client are safe") {
  Env e;
  e.fake->on(HttpMethod::get, "/v1/stages", json_response(200, stage_page(0, 3, std::nullopt)));
  std::vector<std::thread> threads;
  std::atomic<int> items{0};
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([c = e.client, &items] {
      for (int i = 0; i < 25; ++i)
        for (auto& s : c.list_stages({})) items += s.has_value() ? 1 : 0;
    });
  for (auto& t : threads) t.join();
  CHECK(items == 4 * 25 * 3);
  CHECK(e.fake->request_count() == 100);
}
