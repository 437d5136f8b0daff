// The interview-notetaker operations (issue 4 item 2) against FakeTransport: paths, methods,
// perform_as rules, bodies (the models' encoders), decoding of real Lever samples.
#include <doctest/doctest.h>


#include "leverkit/client/client.hpp"
#include "leverkit/testing/fake_clock.hpp"
#include "leverkit/testing/fake_transport.hpp"
#include "lever_sample.hpp"

using namespace leverkit;
using testing::json_response;

namespace {


struct Env {
  std::shared_ptr<testing::FakeClock> clock = std::make_shared<testing::FakeClock>();
  std::shared_ptr<testing::FakeSleeper> sleeper = std::make_shared<testing::FakeSleeper>(clock);
  std::shared_ptr<testing::FakeTransport> fake = std::make_shared<testing::FakeTransport>();
  Client client = Client::create(std::make_shared<ApiKeyCredentials>("resources-test-key"),
                                 {.transport = fake,
                                  .rate_limiter = std::make_shared<TokenBucketRateLimiter>(
                                      RateLimitOptions{.requests_per_second = 1e6, .burst = 1e6}, clock, sleeper),
                                  .clock = clock,
                                  .sleeper = sleeper})
                      .value();
  HttpRequest last() const { return fake->requests().back(); }
};

InterviewCreate valid_interview() {
  InterviewCreate b;
  b.panel = "panel-1";
  b.interviewers = {InterviewerRef{.id = "user-1", .feedback_template = "no-feedback"}};
  b.date = from_unix_ms(1'800'000'000'000);
  b.duration = 45;
  b.subject = "Onsite";
  return b;
}

}  // namespace

TEST_CASE("interview writes require perform_as and a valid body before anything is sent") {
  Env e;
  auto no_perform_as = e.client.create_interview({.opportunity_id = "o1", .perform_as = "", .body = valid_interview()});
  REQUIRE_FALSE(no_perform_as);
  CHECK(no_perform_as.error().code == Errc::invalid_argument);
  CHECK(no_perform_as.error().message.find("perform_as") != std::string::npos);
  InterviewCreate bad = valid_interview();
  bad.interviewers.clear();
  auto invalid = e.client.create_interview({.opportunity_id = "o1", .perform_as = "u1", .body = bad});
  REQUIRE_FALSE(invalid);
  CHECK(invalid.error().code == Errc::invalid_argument);
  CHECK(e.client.delete_interview({.opportunity_id = "o1", .interview_id = "i1"}).error().code == Errc::invalid_argument);
  CHECK(e.client.delete_panel({.opportunity_id = "o1", .panel_id = "p1"}).error().code == Errc::invalid_argument);
  CHECK(e.client.create_feedback({.opportunity_id = "o1"}).error().code == Errc::invalid_argument);
  CHECK(e.client.create_opportunity({}).error().code == Errc::invalid_argument);
  CHECK(e.fake->request_count() == 0);
}

TEST_CASE("create_interview posts the encoded body with perform_as and decodes Lever's reply") {
  Env e;
  e.fake->on(HttpMethod::post, "/v1/opportunities/o1/interviews", json_response(201, lever_sample("interview.json")));
  const InterviewCreate body = valid_interview();
  auto r = e.client.create_interview({.opportunity_id = "o1", .perform_as = "user 1", .body = body});
  REQUIRE(r);
  CHECK(r.value().id == "32b7bf78-4592-4a56-b313-3e31ed25ea00");
  auto req = e.last();
  CHECK(req.method == HttpMethod::post);
  CHECK(req.url == "https://api.lever.co/v1/opportunities/o1/interviews?perform_as=user%201");
  CHECK(req.body == to_json(body));
  CHECK(req.headers.get("content-type") == "application/json");
}

TEST_CASE("update_interview_fields reads, merges only the edit, and writes the whole interview") {
  Env e;
  const std::string current = lever_sample("interview.json");
  e.fake->on(HttpMethod::get, "/v1/opportunities/o1/interviews/32b7bf78-4592-4a56-b313-3e31ed25ea00",
             json_response(200, current));
  e.fake->on(HttpMethod::put, "/v1/opportunities/o1/interviews/32b7bf78-4592-4a56-b313-3e31ed25ea00",
             json_response(200, current));
  auto r = e.client.update_interview_fields({.opportunity_id = "o1",
                                             .interview_id = "32b7bf78-4592-4a56-b313-3e31ed25ea00",
                                             .perform_as = "u1",
                                             .edit = [](InterviewUpdate& u) { u.location = "Zoom"; }});
  REQUIRE(r);
  auto reqs = e.fake->requests();
  REQUIRE(reqs.size() == 2);
  CHECK(reqs[0].method == HttpMethod::get);
  CHECK(reqs[1].method == HttpMethod::put);
  CHECK(query_values(reqs[1].url, "perform_as") == std::vector<std::string>{"u1"});
  InterviewUpdate expected = interview_update_from(decode_interview(current).value());
  expected.location = "Zoom";
  CHECK(reqs[1].body == to_json(expected));
  CHECK(reqs[1].body.find("Nango Seed Interview 1 (updated)") != std::string::npos);  // untouched field kept
}

TEST_CASE("update_interview_fields stops at a failed read and never writes") {
  Env e;
  e.fake->enqueue(json_response(404, R"({"code":"ResourceNotFound","message":"interview not found"})"));
  auto r = e.client.update_interview_fields(
      {.opportunity_id = "o1", .interview_id = "i1", .perform_as = "u1", .edit = [](InterviewUpdate&) {}});
  REQUIRE_FALSE(r);
  CHECK(r.error().code == Errc::not_found);
  CHECK(e.fake->request_count() == 1);
}

TEST_CASE("deletes send DELETE with perform_as and accept 204") {
  Env e;
  e.fake->set_handler([](const HttpRequest&) -> Result<HttpResponse> { return json_response(204, ""); });
  REQUIRE(e.client.delete_interview({.opportunity_id = "o1", .interview_id = "i1", .perform_as = "u1"}));
  CHECK(e.last().method == HttpMethod::delete_);
  CHECK(e.last().url == "https://api.lever.co/v1/opportunities/o1/interviews/i1?perform_as=u1");
  REQUIRE(e.client.delete_panel({.opportunity_id = "o1", .panel_id = "p1", .perform_as = "u1"}));
  CHECK(e.last().url == "https://api.lever.co/v1/opportunities/o1/panels/p1?perform_as=u1");
  REQUIRE(e.client.delete_feedback({.opportunity_id = "o1", .feedback_id = "f1", .perform_as = "u1"}));
  CHECK(e.last().url == "https://api.lever.co/v1/opportunities/o1/feedback/f1?perform_as=u1");
  REQUIRE(e.client.delete_note({.opportunity_id = "o1", .note_id = "n1"}));
  CHECK(e.last().url == "https://api.lever.co/v1/opportunities/o1/notes/n1");
  REQUIRE(e.client.delete_feedback_template({.template_id = "t1"}));
  CHECK(e.last().url == "https://api.lever.co/v1/feedback_templates/t1");
  REQUIRE(e.client.delete_form_template({.template_id = "t2"}));
  CHECK(e.last().url == "https://api.lever.co/v1/form_templates/t2");
  REQUIRE(e.client.delete_webhook({.webhook_id = "w1"}));
  CHECK(e.last().url == "https://api.lever.co/v1/webhooks/w1");
}

TEST_CASE("list_feedback drops deleted forms unless asked for them") {
  Env e;
  std::string doc = lever_sample("feedback.json");
  // The sample (a deleted form, as Lever still returns it) and the same form not deleted.
  auto open = doc.find('{', doc.find("\"data\""));
  auto close = doc.rfind('}', doc.rfind('}') - 1);
  const std::string deleted = doc.substr(open, close - open + 1);
  std::string live = deleted;
  const std::string stamp = R"("deletedAt": 1782974313802)";
  REQUIRE(live.find(stamp) != std::string::npos);
  live.replace(live.find(stamp), stamp.size(), R"("deletedAt": null)");
  const std::string page = R"({"data":[)" + live + "," + deleted + R"(],"hasNext":false})";
  e.fake->on(HttpMethod::get, "/v1/opportunities/o1/feedback", json_response(200, page));
  std::size_t n = 0;
  for (auto& f : e.client.list_feedback({.opportunity_id = "o1"})) {
    REQUIRE(f);
    CHECK_FALSE(f.value().deleted());
    ++n;
  }
  CHECK(n == 1);
  std::size_t all = 0, dead = 0;
  for (auto& f : e.client.list_feedback({.opportunity_id = "o1", .include_deleted = true})) {
    REQUIRE(f);
    ++all;
    dead += f.value().deleted() ? 1 : 0;
  }
  CHECK(all == 2);
  CHECK(dead == 1);
}

TEST_CASE("create_note: optional perform_as, comment via note_id, Lever's real reply decodes") {
  Env e;
  e.fake->on(HttpMethod::post, "/v1/opportunities/o1/notes", json_response(201, lever_sample("note_create_response.json")));
  NoteCreate body{.value = "AI summary", .secret = true, .score = 3, .notify_followers = true};
  auto r = e.client.create_note({.opportunity_id = "o1", .note_id = "n0", .body = body});
  REQUIRE(r);
  CHECK(e.last().url == "https://api.lever.co/v1/opportunities/o1/notes?note_id=n0");
  CHECK(e.last().body == to_json(body));
  (void)e.client.create_note({.opportunity_id = "o1", .perform_as = "u1", .body = body});
  CHECK(query_values(e.last().url, "perform_as") == std::vector<std::string>{"u1"});
  CHECK(e.client.create_note({.opportunity_id = "o1", .note_id = "", .body = body}).error().code ==
        Errc::invalid_argument);
}

TEST_CASE("update_note: Lever replies with only noteId, so the note is read back") {
  Env e;
  e.fake->on(HttpMethod::put, "/v1/opportunities/o1/notes/dafc52cc-2eba-4542-92ba-1f17685df17b",
             json_response(200, R"({"data":{"noteId":"dafc52cc-2eba-4542-92ba-1f17685df17b"}})"));
  e.fake->on(HttpMethod::get, "/v1/opportunities/o1/notes/dafc52cc-2eba-4542-92ba-1f17685df17b",
             json_response(200, lever_sample("note.json")));
  NoteUpdate body{.values = {{.value = "edited"}}};
  auto r = e.client.update_note({.opportunity_id = "o1", .note_id = "dafc52cc-2eba-4542-92ba-1f17685df17b", .body = body});
  REQUIRE(r);
  CHECK(r.value().id == "dafc52cc-2eba-4542-92ba-1f17685df17b");
  const auto reqs = e.fake->requests();
  REQUIRE(reqs.size() == 2);
  CHECK(reqs[0].method == HttpMethod::put);
  CHECK(reqs[0].body == to_json(body));
  CHECK(reqs[1].method == HttpMethod::get);
}

TEST_CASE("opportunity changes: paths, methods, optional perform_as") {
  Env e;
  e.fake->set_handler(
      [](const HttpRequest&) -> Result<HttpResponse> { return json_response(200, lever_sample("opportunity.json")); });
  REQUIRE(e.client.update_opportunity_stage({.opportunity_id = "o1", .perform_as = "u1", .body = {.stage = "offer"}}));
  CHECK(e.last().method == HttpMethod::put);
  CHECK(e.last().url == "https://api.lever.co/v1/opportunities/o1/stage?perform_as=u1");
  CHECK(e.last().body == to_json(OpportunityStageChange{.stage = "offer"}));
  CHECK(e.client.update_opportunity_stage({.opportunity_id = "o1"}).error().code == Errc::invalid_argument);
  REQUIRE(e.client.update_opportunity_archived({.opportunity_id = "o1", .body = {.reason = std::nullopt}}));
  CHECK(e.last().url == "https://api.lever.co/v1/opportunities/o1/archived");
  REQUIRE(e.client.add_tags({.opportunity_id = "o1", .body = {.tags = {"a"}}}));
  CHECK(e.last().url == "https://api.lever.co/v1/opportunities/o1/addTags");
  CHECK(e.last().method == HttpMethod::post);
  REQUIRE(e.client.remove_tags({.opportunity_id = "o1", .body = {.tags = {"a"}}}));
  CHECK(e.last().url == "https://api.lever.co/v1/opportunities/o1/removeTags");
  REQUIRE(e.client.add_links({.opportunity_id = "o1", .body = {.links = {"https://x"}}}));
  CHECK(e.last().url == "https://api.lever.co/v1/opportunities/o1/addLinks");
  REQUIRE(e.client.remove_links({.opportunity_id = "o1", .body = {.links = {"https://x"}}}));
  CHECK(e.last().url == "https://api.lever.co/v1/opportunities/o1/removeLinks");
  REQUIRE(e.client.add_sources({.opportunity_id = "o1", .body = {.sources = {"s"}}}));
  CHECK(e.last().url == "https://api.lever.co/v1/opportunities/o1/addSources");
  REQUIRE(e.client.remove_sources({.opportunity_id = "o1", .perform_as = "u2", .body = {.sources = {"s"}}}));
  CHECK(e.last().url == "https://api.lever.co/v1/opportunities/o1/removeSources?perform_as=u2");
}

TEST_CASE("a POST write is not repeated after a 503 (it may have been applied)") {
  Env e;
  e.fake->enqueue(json_response(503, "{}"));
  auto r = e.client.add_tags({.opportunity_id = "o1", .body = {.tags = {"a"}}});
  REQUIRE_FALSE(r);
  CHECK(r.error().code == Errc::server_error);
  CHECK(e.fake->request_count() == 1);
}

TEST_CASE("webhooks: list without hasNext ends after one page, bulk update, create decodes") {
  Env e;
  std::string created = lever_sample("webhook_create_response.json");
  auto open = created.find('{', created.find("\"data\""));
  auto close = created.rfind('}', created.rfind('}') - 1);
  const std::string hook = created.substr(open, close - open + 1);
  e.fake->on(HttpMethod::get, "/v1/webhooks", json_response(200, R"({"data":[)" + hook + "]}"));
  e.fake->on(HttpMethod::post, "/v1/webhooks", json_response(201, created));
  e.fake->on(HttpMethod::put, "/v1/webhooks", json_response(200, R"({"data":[)" + hook + "]}"));
  CHECK(std::ranges::distance(e.client.list_webhooks({})) == 1);
  CHECK(e.fake->request_count() == 1);
  WebhookCreate body{.url = "https://example.com/hook", .event = "candidateHired"};
  auto c = e.client.create_webhook({.body = body});
  REQUIRE(c);
  CHECK(c.value().id == "507dab91-747d-46c8-aec4-bb5a90ac2a93");
  CHECK(e.last().body == to_json(body));
  std::vector<WebhookUpdate> updates{WebhookUpdate{.id = "507dab91-747d-46c8-aec4-bb5a90ac2a93", .url = "https://example.com/h2"}};
  auto u = e.client.update_webhooks({.webhooks = updates});
  REQUIRE(u);
  CHECK(u.value().size() == 1);
  CHECK(e.last().method == HttpMethod::put);
  CHECK(e.last().body == to_json(updates));
  CHECK(e.client.update_webhooks({}).error().code == Errc::invalid_argument);
}

TEST_CASE("templates, profile forms, contacts and applications use their paths") {
  Env e;
  e.fake->on(HttpMethod::get, "/v1/feedback_templates", json_response(200, lever_sample("feedback_templates_list.json")));
  std::size_t n = 0;
  for (auto& t : e.client.list_feedback_templates({})) {
    REQUIRE(t);
    ++n;
  }
  CHECK(n > 0);
  e.fake->on(HttpMethod::get, "/v1/feedback_templates/t1", json_response(200, lever_sample("feedback_template.json")));
  REQUIRE(e.client.get_feedback_template({.template_id = "t1"}));
  e.fake->set_handler([](const HttpRequest&) -> Result<HttpResponse> { return json_response(404, "{}"); });
  CHECK(e.client.get_contact({.contact_id = "c 1"}).error().code == Errc::not_found);
  CHECK(e.last().url == "https://api.lever.co/v1/contacts/c%201");
  CHECK(e.client.update_contact({.contact_id = "c1", .body = {.name = "Ann"}}).error().code == Errc::not_found);
  CHECK(e.last().method == HttpMethod::put);
  CHECK(e.last().body == to_json(ContactUpdate{.name = "Ann"}));
  CHECK(e.client.get_application({.opportunity_id = "o1", .application_id = "a1"}).error().code == Errc::not_found);
  CHECK(e.last().url == "https://api.lever.co/v1/opportunities/o1/applications/a1");
  CHECK(e.client.get_profile_form({.opportunity_id = "o1", .profile_form_id = "f1"}).error().code == Errc::not_found);
  CHECK(e.last().url == "https://api.lever.co/v1/opportunities/o1/forms/f1");
  CHECK(e.client.get_form_template({.template_id = "ft"}).error().code == Errc::not_found);
  CHECK(e.last().url == "https://api.lever.co/v1/form_templates/ft");
  CHECK(std::ranges::distance(e.client.list_panels({.opportunity_id = "o1", .expand = {"stage"}})) == 1);
  CHECK(e.last().url == "https://api.lever.co/v1/opportunities/o1/panels?expand=stage");
  CHECK(e.client.list_notes({.opportunity_id = ""}).begin()->error().code == Errc::invalid_argument);
}
