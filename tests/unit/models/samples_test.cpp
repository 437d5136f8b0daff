// Every file of tests/data/lever-samples (copied from the shared research folder) decodes with
// the decoder of its type; per-file value checks live here and in the per-model test files.
#include <doctest/doctest.h>

#include <filesystem>
#include <functional>
#include <map>

#include "leverkit/models/common.hpp"
#include "leverkit/models/feedback.hpp"
#include "leverkit/models/interview.hpp"
#include "leverkit/models/note.hpp"
#include "leverkit/models/opportunity.hpp"
#include "leverkit/models/panel.hpp"
#include "leverkit/models/stage.hpp"
#include "leverkit/models/user.hpp"
#include "leverkit/models/webhook.hpp"
#include "samples.hpp"

using namespace leverkit;

namespace {
template <class F>
std::function<std::string(std::string_view)> check(F decode) {
  return [decode](std::string_view json) -> std::string {
    auto r = decode(json);
    return r ? std::string{} : r.error().to_string();
  };
}
}  // namespace

TEST_CASE("every file in tests/data/lever-samples has a decoder and decodes") {
  const std::map<std::string, std::function<std::string(std::string_view)>> decoders{
      {"error_404.json", check(decode_lever_error)},
      {"feedback.json", check(decode_feedback)},
      {"feedback_template.json", check(decode_feedback_template)},
      {"feedback_templates_list.json", check(decode_feedback_template_page)},
      {"feedback_update_response.json", check(decode_feedback)},
      {"interview.json", check(decode_interview)},
      {"list_page_opportunities.json", check(decode_opportunity_page)},
      {"note.json", check(decode_note)},
      {"note_create_response.json", check(decode_note_created)},
      {"opportunity.json", check(decode_opportunity)},
      {"panel_create_response.json", check(decode_panel)},
      {"stages.json", check(decode_stage_page)},
      {"user.json", check(decode_user)},
      {"webhook_candidate_stage_change.json", check(decode_webhook_delivery)},
      {"webhook_create_response.json", check(decode_webhook)},
  };
  const std::filesystem::path dir = std::filesystem::path(LEVERKIT_TEST_DATA_DIR) / "lever-samples";
  int json_files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() != ".json") continue;
    ++json_files;
    if (name == "lever.oas.json") continue;  // a spec, not a response: see oas_test.cpp
    auto it = decoders.find(name);
    REQUIRE_MESSAGE(it != decoders.end(), "no decoder registered for sample " << name);
    const std::string err = it->second(test::sample(name));
    CHECK_MESSAGE(err.empty(), name << ": " << err);
  }
  CHECK(json_files == 16);
  CHECK(std::filesystem::exists(dir / "SOURCES.md"));
}

TEST_CASE("stages sample: slug and UUID ids, hasNext false") {
  auto r = decode_stage_page(test::sample("stages.json"));
  REQUIRE_MESSAGE(r.has_value(), r.error().to_string());
  const auto& page = r.value();
  REQUIRE(page.data.size() == 11);
  CHECK_FALSE(page.has_next);
  CHECK(page.data[0] == Stage{"lead-new", "New lead"});
  CHECK(page.data[4] == Stage{"49422c7e-5b86-4a06-9386-d432f6e98d57", "HM Review"});
  CHECK(page.data[9] == Stage{"offer", "Offer"});
}

TEST_CASE("error_404 sample decodes into Lever's code and message") {
  auto r = decode_lever_error(test::sample("error_404.json"));
  REQUIRE_MESSAGE(r.has_value(), r.error().to_string());
  CHECK(r.value() == LeverErrorBody{"ResourceNotFound", "stages a80bbbe0-d4dd-4eac-bdbf-302345414f93 was not found"});
  auto wrapped = decode_lever_error(R"({"data":{"code":"RequestTimeout","message":"File took too long to upload."}})");
  REQUIRE(wrapped.has_value());
  CHECK(wrapped.value().code == "RequestTimeout");
  CHECK(decode_lever_error("<html>502 Bad Gateway</html>").has_error());
  CHECK(decode_lever_error("").has_error());
  auto bad = decode_lever_error(R"({"code":404,"message":"x"})");
  REQUIRE(bad.has_error());
  CHECK(bad.error().message == "at code: expected a string");
  auto empty = decode_lever_error("{}");
  REQUIRE(empty.has_value());
  CHECK(empty.value() == LeverErrorBody{});
}

TEST_CASE("note sample: one comment with author, stage, time and null score") {
  auto r = decode_note(test::sample("note.json"));
  REQUIRE_MESSAGE(r.has_value(), r.error().to_string());
  const Note& n = r.value();
  CHECK(n.id == "dafc52cc-2eba-4542-92ba-1f17685df17b");
  CHECK(n.text == "Note");
  CHECK_FALSE(n.secret);
  CHECK(n.user->id == "be129d9b-50da-4485-9377-0d83e981f30b");
  CHECK(n.created_at == std::optional<Timestamp>(from_unix_ms(1782974413945)));
  CHECK(n.completed_at == std::optional<Timestamp>(from_unix_ms(1782974413945)));
  CHECK_FALSE(n.deleted_at);
  REQUIRE(n.comments.size() == 1);
  const NoteComment& c = n.comments[0];
  CHECK(c.type == "note");
  CHECK(c.text == "Comment");
  CHECK(c.value == "Test note for get-note dryrun");
  CHECK(c.user->id == "be129d9b-50da-4485-9377-0d83e981f30b");
  CHECK(c.stage->id == "lead-reached-out");
  CHECK(c.created_at == std::optional<Timestamp>(from_unix_ms(1782974413945)));
  CHECK_FALSE(c.score);
}

TEST_CASE("webhook create response: origins and the signature token") {
  auto r = decode_webhook(test::sample("webhook_create_response.json"));
  REQUIRE_MESSAGE(r.has_value(), r.error().to_string());
  const Webhook& w = r.value();
  CHECK(w.id == "507dab91-747d-46c8-aec4-bb5a90ac2a93");
  CHECK(w.event == "candidateHired");
  CHECK(w.url == "https://example.com/webhooks/test-create-nango-2");
  REQUIRE(w.configuration.conditions);
  CHECK(w.configuration.conditions->origins ==
        std::vector<std::string>{"applied", "sourced", "referred", "university", "internal", "agency"});
  CHECK(w.configuration.signature_token ==
        std::optional<std::string>("<REDACTED: 48-char hex signing token in source fixture>"));
  CHECK(w.created_at == std::optional<Timestamp>(from_unix_ms(1782974002353)));
  // GET /webhooks: no hasNext, no token.
  auto list = decode_webhook_page(R"({"data":[{"id":"w1","event":"candidateStageChange","url":"https://x",
      "configuration":{"conditions":{"origins":["applied"]}},"createdAt":1,"updatedAt":2}]})");
  REQUIRE_MESSAGE(list.has_value(), list.error().to_string());
  CHECK_FALSE(list.value().has_next);
  CHECK_FALSE(list.value().data[0].configuration.signature_token);
}

TEST_CASE("webhook delivery sample: envelope, raw data and typed stage change") {
  const std::string body = test::sample("webhook_candidate_stage_change.json");
  auto r = decode_webhook_delivery(body);
  REQUIRE_MESSAGE(r.has_value(), r.error().to_string());
  const WebhookDelivery& d = r.value();
  CHECK_FALSE(d.id);
  CHECK(d.event == "candidateStageChange");
  CHECK(d.triggered_at == from_unix_ms(1431454330072));
  CHECK(d.token == "be58f711f349c7780e4579cd7c63341ac6f881e4dccc3154");
  CHECK(d.signature == std::optional<std::string>("28e3fbb90ce869c3695c4a9559ff43eae998389a48b42c509d1adbeea0897c16"));
  CHECK(d.data_json.front() == '{');
  CHECK(d.data_json.back() == '}');
  CHECK(body.find(d.data_json) != std::string::npos);  // verbatim slice of the body
  REQUIRE(d.stage_change);
  CHECK(*d.stage_change == CandidateStageChangeData{"3410c8b9-5c31-4bab-b7e9-9f710206d647",
                                                    "daeaa038-cddb-4d69-9b8c-74b6c23be3f3",
                                                    "05c248f9-ccb1-435f-bab5-0ec608aec263",
                                                    "7c2690d8-6308-4ed9-ae2a-cbfe7db26593",
                                                    "992f01a9-ee19-41d2-ae79-1040701b195c"});
}

TEST_CASE("webhook delivery: test ping, other events, and required keys") {
  auto ping = decode_webhook_delivery(R"({"event":"candidateHired","triggeredAt":1,"token":"t","data":{}})");
  REQUIRE_MESSAGE(ping.has_value(), ping.error().to_string());
  CHECK(ping.value().data_json == "{}");
  CHECK_FALSE(ping.value().stage_change);
  CHECK_FALSE(ping.value().signature);
  auto interview = decode_webhook_delivery(
      R"({"id":"e1","event":"interviewCreated","triggeredAt":"2","token":"t","data":{"opportunityId":"o","interviewId":"i"}})");
  REQUIRE(interview.has_value());
  CHECK(interview.value().id == std::optional<std::string>("e1"));
  CHECK(interview.value().data_json == R"({"opportunityId":"o","interviewId":"i"})");
  auto no_token = decode_webhook_delivery(R"({"event":"candidateHired","triggeredAt":1,"data":{}})");
  REQUIRE(no_token.has_error());
  CHECK(no_token.error().message == "at $: missing required field 'token'");
  auto bad_change = decode_webhook_delivery(
      R"({"event":"candidateStageChange","triggeredAt":1,"token":"t","data":{"opportunityId":"o"}})");
  REQUIRE(bad_change.has_error());
  CHECK(bad_change.error().message == "at data: missing required field 'toStageId'");
}
