#include <doctest/doctest.h>

#include "leverkit/models/interview.hpp"
#include "leverkit/models/panel.hpp"
#include "samples.hpp"

using namespace leverkit;

TEST_CASE("interview sample decodes with opportunityId and a no-feedback interviewer") {
  auto r = decode_interview(test::sample("interview.json"));
  REQUIRE_MESSAGE(r.has_value(), r.error().to_string());
  const Interview& i = r.value();
  CHECK(i.id == "32b7bf78-4592-4a56-b313-3e31ed25ea00");
  CHECK(i.panel == std::optional<std::string>("027d1217-72e7-4fbb-83fd-3022aa25d0c4"));
  CHECK(i.subject == "Nango Seed Interview 1 (updated)");
  CHECK(i.note == "Seed interview for delete testing");
  REQUIRE(i.interviewers.size() == 1);
  CHECK(i.interviewers[0] == Interviewer{"c4bc6266-375b-4d45-9b3b-ad527ba5f3ef", "Taylor Conlin",
                                         "taylor@nango.dev", "no-feedback", std::nullopt});
  CHECK(i.timezone == std::optional<std::string>("America/Los_Angeles"));
  CHECK(i.created_at == std::optional<Timestamp>(from_unix_ms(1782973120306)));
  CHECK(i.date == from_unix_ms(1783000000000));
  CHECK(i.duration == 45);
  CHECK(i.end() == from_unix_ms(1783000000000 + 45 * 60 * 1000));
  CHECK_FALSE(i.location);
  CHECK_FALSE(i.feedback_template);
  CHECK(i.feedback_forms.empty());
  CHECK(i.feedback_reminder == std::optional<std::string>("daily"));
  CHECK(i.user->id == "32bc4d3b-1aa6-4e2b-92d0-2e575047001e");
  CHECK(i.stage->id == "lead-reached-out");
  CHECK_FALSE(i.canceled());
  REQUIRE(i.postings.size() == 1);
  CHECK(i.postings[0].id == "75ff237f-c221-4c26-8b23-faf395f5ea1c");
  CHECK_FALSE(i.gcal_event_url);
  CHECK(i.opportunity_id == std::optional<std::string>("6408dc54-7015-4e5b-8d60-23afff2b1efc"));
}

TEST_CASE("interview: expanded feedbackForms keep their ids, errors name the path") {
  auto r = decode_interview(R"({"id":"i","date":"1783000000000","duration":30,
      "feedbackForms":["f1",{"id":"f2","text":"x"}],"stage":{"id":"s","text":"S"},
      "postings":[{"id":"p","text":"Eng"}]})");
  REQUIRE_MESSAGE(r.has_value(), r.error().to_string());
  CHECK(r.value().feedback_forms == std::vector<std::string>{"f1", "f2"});
  CHECK(r.value().date == from_unix_ms(1783000000000));
  CHECK(r.value().postings[0].object->text == "Eng");
  auto bad = decode_interview(R"({"id":"i","interviewers":[{"id":"u","name":"A"},{"name":"B"}]})");
  REQUIRE(bad.has_error());
  CHECK(bad.error().message == "at interviewers[1]: missing required field 'id'");
  auto bad_duration = decode_interview(R"({"id":"i","duration":"long"})");
  REQUIRE(bad_duration.has_error());
  CHECK(bad_duration.error().message == "at duration: expected an integer, got the string 'long'");
}

TEST_CASE("panel create response decodes with its embedded reduced interviews") {
  auto r = decode_panel(test::sample("panel_create_response.json"));
  REQUIRE_MESSAGE(r.has_value(), r.error().to_string());
  const Panel& p = r.value();
  CHECK(p.id == "3bd7bf2d-6e8a-4e83-a76b-79a6c9b82be9");
  CHECK(p.applications.empty());
  CHECK_FALSE(p.canceled_at);
  CHECK(p.created_at == std::optional<Timestamp>(from_unix_ms(1782975257727)));
  CHECK(p.start == std::optional<Timestamp>(from_unix_ms(1783260000000)));
  CHECK(p.end == std::optional<Timestamp>(from_unix_ms(1783263600000)));
  CHECK(p.externally_managed);
  CHECK_FALSE(p.external_url);
  CHECK(p.feedback_reminder == std::optional<std::string>("daily"));
  CHECK(p.note.empty());
  CHECK(p.stage->id == "lead-reached-out");
  CHECK(p.timezone == std::optional<std::string>("America/Los_Angeles"));
  CHECK(p.user->id == "be129d9b-50da-4485-9377-0d83e981f30b");
  REQUIRE(p.interviews.size() == 1);
  const Interview& i = p.interviews[0];
  CHECK(i.id == "7fbc6032-1005-48ab-9b00-0a9967d36f1a");
  CHECK(i.panel == std::optional<std::string>(p.id));  // filled from the enclosing panel
  CHECK(i.date == from_unix_ms(1783260000000));
  CHECK(i.duration == 60);
  CHECK(i.feedback_template == std::optional<std::string>("no-feedback"));
  CHECK(i.subject == "Technical Interview");
  REQUIRE(i.interviewers.size() == 1);
  CHECK(i.interviewers[0].response_status == std::optional<std::string>("needsAction"));
  CHECK(i.interviewers[0].email == "taylor@nango.dev");
}

TEST_CASE("panel page and errors") {
  auto page = decode_panel_page(R"({"data":[{"id":"p1","externallyManaged":false,
      "stage":{"id":"offer","text":"Offer"},"interviews":[]}],"hasNext":false})");
  REQUIRE_MESSAGE(page.has_value(), page.error().to_string());
  CHECK(page.value().data[0].stage->object->text == "Offer");
  auto bad = decode_panel(R"({"data":{"id":"p","interviews":[{"id":"i","date":true}]}})");
  REQUIRE(bad.has_error());
  CHECK(bad.error().message == "at data.interviews[0].date: expected a timestamp (epoch milliseconds)");
}
