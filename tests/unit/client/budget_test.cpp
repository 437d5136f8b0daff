// One time budget across a Client method that makes several requests (issue 13, ADR 0095):
// update_interview_fields (GET then PUT) and update_note (PUT then GET) share the deadline of
// CallOptions::timeout; the FakeClock is moved by the fake transport to play a slow Lever.
#include <doctest/doctest.h>

#include <chrono>

#include "leverkit/client/client.hpp"
#include "leverkit/testing/fake_clock.hpp"
#include "leverkit/testing/fake_transport.hpp"
#include "lever_sample.hpp"

using namespace leverkit;
using namespace std::chrono_literals;
using testing::json_response;

namespace {


constexpr const char* interview_id = "32b7bf78-4592-4a56-b313-3e31ed25ea00";
constexpr const char* note_id = "dafc52cc-2eba-4542-92ba-1f17685df17b";

/// A client whose transport answers by method and spends `get_cost` / `put_cost` of fake time.
struct SlowLever {
  std::shared_ptr<testing::FakeClock> clock = std::make_shared<testing::FakeClock>();
  std::shared_ptr<testing::FakeSleeper> sleeper = std::make_shared<testing::FakeSleeper>(clock);
  std::shared_ptr<testing::FakeTransport> fake = std::make_shared<testing::FakeTransport>();
  std::chrono::milliseconds get_cost{0};
  std::chrono::milliseconds put_cost{0};
  std::string get_body;
  std::string put_body;
  Client client = Client::create(std::make_shared<ApiKeyCredentials>("budget-test-key"),
                                 {.transport = fake,
                                  .rate_limiter = std::make_shared<TokenBucketRateLimiter>(
                                      RateLimitOptions{.requests_per_second = 1e6, .burst = 1e6}, clock, sleeper),
                                  .clock = clock,
                                  .sleeper = sleeper})
                      .value();

  SlowLever() {
    fake->set_handler([this](const HttpRequest& r) -> Result<HttpResponse> {
      const bool get = r.method == HttpMethod::get;
      clock->advance(get ? get_cost : put_cost);
      return json_response(200, get ? get_body : put_body);
    });
  }
  [[nodiscard]] std::chrono::milliseconds elapsed(testing::FakeClock::time_point since) const {
    return std::chrono::duration_cast<std::chrono::milliseconds>(clock->now() - since);
  }
};

UpdateInterviewFieldsRequest move_to_zoom() {
  return {.opportunity_id = "o1", .interview_id = interview_id, .perform_as = "u1",
          .edit = [](InterviewUpdate& u) { u.location = "Zoom"; }};
}

}  // namespace

TEST_CASE("update_interview_fields: the PUT gets only what the GET left of the one budget") {
  SlowLever lever;
  lever.get_body = lever.put_body = lever_sample("interview.json");
  lever.get_cost = 700ms;
  const auto start = lever.clock->now();
  auto r = lever.client.update_interview_fields(move_to_zoom(), {.timeout = 1000ms});
  REQUIRE_MESSAGE(r, r.error().to_string());
  const auto timeouts = lever.fake->timeouts();
  REQUIRE(timeouts.size() == 2);
  CHECK(timeouts[0] == 1000ms);
  REQUIRE(timeouts[1].has_value());
  CHECK(*timeouts[1] <= 300ms);  // not a fresh 1000 ms
  CHECK(*timeouts[1] > 0ms);
  CHECK(lever.elapsed(start) <= 1000ms);
}

TEST_CASE("update_interview_fields: a GET that spends the budget ends the call before the PUT") {
  SlowLever lever;
  lever.get_body = lever.put_body = lever_sample("interview.json");
  lever.get_cost = 1000ms;
  auto r = lever.client.update_interview_fields(move_to_zoom(), {.timeout = 1000ms});
  REQUIRE_FALSE(r);
  CHECK(r.error().code == Errc::timeout);
  CHECK(r.error().not_sent);  // the PUT: nothing was written
  CHECK(r.error().message.find("update_interview_fields (PUT)") != std::string::npos);
  CHECK(r.error().message.find("1000 ms") != std::string::npos);
  REQUIRE(lever.fake->request_count() == 1);
  CHECK(lever.fake->requests()[0].method == HttpMethod::get);
}

TEST_CASE("update_interview_fields: without CallOptions::timeout the client's default is the one budget") {
  SlowLever lever;
  lever.get_body = lever.put_body = lever_sample("interview.json");
  lever.get_cost = ClientOptions{}.default_timeout;  // the GET spends all of the default budget
  auto r = lever.client.update_interview_fields(move_to_zoom());
  REQUIRE_FALSE(r);
  CHECK(r.error().code == Errc::timeout);
  CHECK(lever.fake->request_count() == 1);
}

TEST_CASE("update_note: the read-back GET shares the PUT's budget") {
  SlowLever lever;
  lever.put_body = std::string(R"({"data":{"noteId":")") + note_id + R"("}})";
  lever.get_body = lever_sample("note.json");
  lever.put_cost = 400ms;
  const auto start = lever.clock->now();
  auto r = lever.client.update_note({.opportunity_id = "o1", .note_id = note_id, .body = {.values = {{.value = "edited"}}}},
                                    {.timeout = 1000ms});
  REQUIRE_MESSAGE(r, r.error().to_string());
  const auto timeouts = lever.fake->timeouts();
  REQUIRE(timeouts.size() == 2);
  CHECK(timeouts[0] == 1000ms);
  REQUIRE(timeouts[1].has_value());
  CHECK(*timeouts[1] <= 600ms);
  CHECK(lever.elapsed(start) <= 1000ms);
}

TEST_CASE("update_note: a PUT that spends the budget ends the call before the read-back") {
  SlowLever lever;
  lever.put_body = std::string(R"({"data":{"noteId":")") + note_id + R"("}})";
  lever.get_body = lever_sample("note.json");
  lever.put_cost = 1500ms;  // a slow reply that still arrived: the write happened
  auto r = lever.client.update_note({.opportunity_id = "o1", .note_id = note_id, .body = {.values = {{.value = "edited"}}}},
                                    {.timeout = 1000ms});
  REQUIRE_FALSE(r);
  CHECK(r.error().code == Errc::timeout);
  CHECK(r.error().message.find("update_note (GET after the PUT)") != std::string::npos);
  REQUIRE(lever.fake->request_count() == 1);
  CHECK(lever.fake->requests()[0].method == HttpMethod::put);
}

TEST_CASE("a one-request method keeps its whole budget (the shared deadline changes only composites)") {
  SlowLever lever;
  lever.get_body = lever_sample("interview.json");
  auto r = lever.client.get_interview({.opportunity_id = "o1", .interview_id = interview_id}, {.timeout = 1000ms});
  REQUIRE(r);
  REQUIRE(lever.fake->timeouts().size() == 1);
  CHECK(lever.fake->timeouts()[0] == 1000ms);
}
