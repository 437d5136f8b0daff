// The engine end to end on in-memory inputs: policy, no overwrite, roles, metadata, draft JSON,
// the create-feedback body, and the host-model seam with an adversarial fake.
#include <doctest/doctest.h>

#include <string>

#include "form_field.hpp"
#include "leverkit/autofill/autofill.hpp"
#include "leverkit/autofill/form_json.hpp"

using namespace leverkit;
using namespace leverkit::autofill;

namespace {

const FieldOutcome& outcome(const Draft& d, std::string_view id) {
  for (const auto& f : d.fields)
    if (f.id == id) return f;
  FAIL("no field " << id);
  return d.fields.front();
}

AutofillInput base_input() {
  AutofillInput in;
  in.template_id = "tmpl-1";
  in.fields = {
      field("overall", FieldType::score_system, "Overall", {"4 - Strong Hire", "3 - Hire", "2 - No Hire", "1 - Strong No Hire"}),
      field("visa", FieldType::yes_no, "Does the candidate require visa sponsorship?"),
      field("start", FieldType::date, "Earliest start date"),
      field("arr", FieldType::dropdown, "Preferred work arrangement", {"Remote", "Hybrid", "Onsite"}),
      field("strong", FieldType::yes_no, "Does the candidate have strong Go skills?"),
      field("loc", FieldType::text, "Current location"),
      field("langs", FieldType::multiple_select, "Languages used professionally", {"Java", "Go", "Python"}),
  };
  auto t = parse_transcript(
      "Sam: Do you need visa sponsorship?\n"
      "Dana: No, I don't need sponsorship.\n"
      "Sam: When could you start?\n"
      "Dana: Next Monday.\n"
      "Sam: Remote, hybrid or onsite?\n"
      "Dana: Remote.\n"
      "Sam: How good is your Go? Strong?\n"
      "Dana: Yes, very strong, I'd say excellent.\n");
  REQUIRE(t);
  in.transcript = std::move(t).value();
  in.call.meeting_start = parse_iso8601("2026-03-02T15:00:00Z").value();
  in.call.time_zone = "America/New_York";
  in.call.participants = {{.name = "Dana Reyes", .role = leverkit::ParticipantRole::candidate}, {.name = "Sam Lee", .role = leverkit::ParticipantRole::interviewer}};
  return in;
}

struct FakeModel : TextModel {
  std::string answer;
  std::string last_prompt, last_schema;
  int calls = 0;
  bool fail = false;
  Result<std::string> complete(std::string_view prompt, std::string_view schema) override {
    ++calls;
    last_prompt = prompt;
    last_schema = schema;
    if (fail) return Error{Errc::transport, "model host unreachable"};
    return answer;
  }
};

}  // namespace

TEST_CASE("Engine: fills objective fields with evidence, skips policy fields, keeps form order") {
  auto d = autofill::autofill(base_input());
  REQUIRE(d);
  const auto& draft = d.value();
  REQUIRE(draft.fields.size() == 7);
  CHECK(draft.fields[0].id == "overall");
  CHECK(outcome(draft, "overall").skip == SkipCode::evaluative_type);
  CHECK(outcome(draft, "strong").skip == SkipCode::subjective);
  const auto& visa = outcome(draft, "visa");
  CHECK(visa.decision == Decision::filled);
  CHECK(std::get<std::string>(visa.value) == "no");
  REQUIRE(visa.evidence.size() == 1);
  CHECK(visa.evidence[0].quote == "No, I don't need sponsorship.");
  CHECK(visa.evidence[0].speaker == "Dana");
  CHECK(visa.confidence >= 0.8);
  const auto& start = outcome(draft, "start");
  CHECK(start.decision == Decision::filled);
  CHECK(std::get<std::int64_t>(start.value) == to_unix_ms(parse_iso8601("2026-03-09T00:00:00Z").value()));
  CHECK(start.why.find("2026-03-09") != std::string::npos);
  CHECK(std::get<std::string>(outcome(draft, "arr").value) == "Remote");
  CHECK(outcome(draft, "loc").skip == SkipCode::no_evidence);
  CHECK(outcome(draft, "langs").skip == SkipCode::no_evidence);
  for (const auto& f : draft.fields) CHECK((f.decision == Decision::filled) != f.skip.has_value());
  CHECK(Draft::requires_human_review);
}

TEST_CASE("Engine: never overwrites a value a human entered") {
  auto in = base_input();
  in.fields[1].value = std::string("yes");   // visa: the interviewer already answered
  in.fields[3].value = std::string("Hybrid");
  auto d = autofill::autofill(in);
  REQUIRE(d);
  CHECK(outcome(d.value(), "visa").skip == SkipCode::already_filled);
  CHECK(outcome(d.value(), "arr").skip == SkipCode::already_filled);
  CHECK(std::holds_alternative<std::monostate>(outcome(d.value(), "visa").value));
  auto req = make_feedback_create(d.value(), "opp-1", "user-42");
  REQUIRE(req);
  for (const auto& e : req.value().body.field_values) CHECK(e.id != "visa");
}

TEST_CASE("Engine: no known candidate → role_unknown, never a fill from an unknown speaker") {
  auto in = base_input();
  in.call.participants.clear();
  auto d = autofill::autofill(in);
  REQUIRE(d);
  CHECK(d.value().filled_count() == 0);
  CHECK(outcome(d.value(), "visa").skip == SkipCode::role_unknown);
  CHECK_FALSE(outcome(d.value(), "visa").evidence.empty());
}

TEST_CASE("Engine: the meeting's local day decides relative dates and the interview date") {
  AutofillInput in;
  in.template_id = "t";
  in.fields = {field("d", FieldType::date, "Interview date"), field("s", FieldType::date, "Start date")};
  in.transcript = parse_transcript("Ann: When can you start?\nBo: Tomorrow.\n").value();
  in.call.participants = {{.name = "Bo", .role = leverkit::ParticipantRole::candidate}};
  in.call.meeting_start = parse_iso8601("2026-03-03T02:30:00Z").value();  // 21:30 on 2 March in New York
  in.call.time_zone = "America/New_York";
  auto d = autofill::autofill(in);
  REQUIRE(d);
  CHECK(std::get<std::int64_t>(outcome(d.value(), "d").value) == to_unix_ms(parse_iso8601("2026-03-02T00:00:00Z").value()));
  CHECK(std::get<std::int64_t>(outcome(d.value(), "s").value) == to_unix_ms(parse_iso8601("2026-03-03T00:00:00Z").value()));
  in.call.time_zone = "UTC";
  d = autofill::autofill(in);
  REQUIRE(d);
  CHECK(std::get<std::int64_t>(outcome(d.value(), "s").value) == to_unix_ms(parse_iso8601("2026-03-04T00:00:00Z").value()));
  in.call.time_zone = "Mars/Olympus_Mons";
  auto bad = autofill::autofill(in);
  REQUIRE_FALSE(bad);
  CHECK(bad.error().code == Errc::invalid_argument);
  CHECK(bad.error().message.find("Mars/Olympus_Mons") != std::string::npos);
}

TEST_CASE("Draft JSON has the documented shape, a create-feedback body needs a reviewer") {
  auto d = autofill::autofill(base_input()).value();
  auto json = draft_to_json(d);
  for (const char* key : {"\"template_id\":\"tmpl-1\"", "\"requires_human_review\":true", "\"id\":\"visa\"", "\"text\":",
                          "\"type\":\"yes-no\"", "\"decision\":\"filled\"", "\"value\":\"no\"", "\"skip_reason\":null",
                          "\"why\":", "\"evidence\":[{\"quote\":", "\"speaker\":\"Dana\"", "\"start_ms\":null",
                          "\"confidence\":0.", "\"skip_reason\":\"evaluative_type\"", "\"type\":\"score-system\""})
    CHECK_MESSAGE(json.find(key) != std::string::npos, key);
  auto none = make_feedback_create(d, "opp-1", "");
  REQUIRE_FALSE(none);
  CHECK(none.error().code == Errc::invalid_argument);
  auto no_opportunity = make_feedback_create(d, "", "user-1");
  REQUIRE_FALSE(no_opportunity);
  CHECK(no_opportunity.error().code == Errc::invalid_argument);
  CHECK(no_opportunity.error().message.find("opportunity_id") != std::string::npos);
  CHECK_FALSE(make_feedback_create(d, "opp-1", "user-1", std::string("panel-1"), std::nullopt));
  // The client's own request type: what Client::create_feedback takes, nothing to copy over.
  CreateFeedbackRequest req_type_check = make_feedback_create(d, "opp-1", "user-1").value();
  CHECK(req_type_check.opportunity_id == "opp-1");
  auto req = make_feedback_create(d, "opp-1", "user-1", std::string("panel-1"), std::string("int-1"));
  REQUIRE(req);
  CHECK(req.value().opportunity_id == "opp-1");
  CHECK(req.value().perform_as == "user-1");
  CHECK(req.value().body.field_values.size() == d.filled_count());
  auto bj = to_json(req.value().body);
  CHECK(bj.find("\"baseTemplateId\":\"tmpl-1\"") != std::string::npos);
  CHECK(bj.find("\"panel-1\"") != std::string::npos);
  CHECK(bj.find("\"int-1\"") != std::string::npos);
  CHECK(bj.find("\"value\":\"no\"") != std::string::npos);
  CHECK(bj.find("overall") == std::string::npos);
  Draft empty;
  CHECK_FALSE(make_feedback_create(empty, "opp-1", "user-1"));  // no template id
}

TEST_CASE("read_form_json: templates, feedback forms with values, error paths") {
  auto t = read_form_json(R"({"data":{"id":"t1","fields":[{"id":"a","type":"yes-no","text":"Visa?","value":null},
    {"id":"b","type":"multiple-select","text":"Langs","options":[{"text":"Go","optionId":"o1"}],"value":["Go"]},
    {"id":"c","type":"scorecard","text":"Skills","scores":[{"text":"Coding","description":""}],"value":[{"score":3,"comment":"ok"}]}]}})");
  REQUIRE(t);
  CHECK(t.value().template_id == "t1");
  CHECK_FALSE(t.value().is_feedback_form);
  REQUIRE(t.value().fields.size() == 3);
  CHECK(t.value().fields[0].type == FieldType::yes_no);
  CHECK(std::holds_alternative<std::monostate>(t.value().fields[0].value));
  CHECK(std::get<std::vector<std::string>>(t.value().fields[1].value) == std::vector<std::string>{"Go"});
  CHECK(t.value().fields[1].options[0].option_id == "o1");
  CHECK(std::get<std::vector<ScorecardScore>>(t.value().fields[2].value)[0].score == 3);
  auto f = read_form_json(R"({"data":{"id":"fb","type":"interview","text":"Screen","baseTemplateId":"t9","fields":[]}})");
  REQUIRE(f);
  CHECK(f.value().template_id == "t9");
  CHECK(f.value().is_feedback_form);
  auto bad = read_form_json(R"({"data":{"id":"t","fields":[{"id":"a","text":"x"}]}})");
  REQUIRE_FALSE(bad);
  CHECK(bad.error().code == Errc::decode_error);
  CHECK(bad.error().message.find("fields[0]") != std::string::npos);
  CHECK_FALSE(read_form_json("not json"));
}

TEST_CASE("Model extractor: an adversarial model cannot fill policy fields, invent quotes or options") {
  auto in = base_input();
  in.fields.push_back(field("notice", FieldType::text, "Notice period"));
  in.fields.push_back(field("team", FieldType::date, "Date of the team offsite the candidate mentioned"));
  in.transcript.utterances.push_back({"Sam", SpeakerRole::unknown, std::nullopt, std::nullopt, "Our stack is Java and Go, and we have an offsite on April 1st.", "", false});
  in.transcript.utterances.push_back({"Dana", SpeakerRole::unknown, std::nullopt, std::nullopt, "Cool. My notice is a month, I must tell my manager.", "", false});
  auto model = std::make_shared<FakeModel>();
  model->answer = R"({"fields":[
    {"id":"strong","value":"yes","evidence":[{"quote":"Yes, very strong, I'd say excellent."}]},
    {"id":"overall","value":"4 - Strong Hire","evidence":[{"quote":"Remote."}]},
    {"id":"loc","value":"Berlin","evidence":[{"quote":"I live in Berlin."}]},
    {"id":"langs","value":["Java","Go"],"evidence":[{"quote":"Our stack is Java and Go"}]},
    {"id":"langs","value":["Rust"],"evidence":[{"quote":"Remote."}]},
    {"id":"team","value":true,"evidence":[{"quote":"we have an offsite on April 1st"}]},
    {"id":"team","value":"2026-05-01","evidence":[{"quote":"My notice is a month"}]},
    {"id":"notice","value":"one month","evidence":[{"quote":"My notice is a month"}]},
    {"id":"nope","value":"x","evidence":[{"quote":"Remote."}]},
    {"id":"loc","value":"Lisbon","evidence":[{"quote":"Next Monday."}]},
    {"id":"notice","value":"1 month","evidence":[{"quote":"My   notice is a MONTH"}],"confidence":0.95}
  ]})";
  AutofillOptions opt;
  opt.model.model = model;
  auto d = autofill::autofill(in, opt);
  REQUIRE(d);
  const auto& draft = d.value();
  CHECK(model->calls == 1);
  // only objective fields the deterministic reader abstained on are sent
  CHECK(model->last_prompt.find("\"id\":\"strong\"") == std::string::npos);
  CHECK(model->last_prompt.find("\"id\":\"overall\"") == std::string::npos);
  CHECK(model->last_prompt.find("\"id\":\"visa\"") == std::string::npos);
  CHECK(model->last_prompt.find("\"id\":\"notice\"") != std::string::npos);
  CHECK(model->last_schema.find("\"evidence\"") != std::string::npos);
  CHECK(outcome(draft, "strong").skip == SkipCode::subjective);
  CHECK(outcome(draft, "overall").skip == SkipCode::evaluative_type);
  CHECK(outcome(draft, "loc").decision == Decision::skipped);   // invented quote
  CHECK(outcome(draft, "langs").decision == Decision::skipped); // interviewer's words; non-existent option
  CHECK(outcome(draft, "team").decision == Decision::skipped);  // wrong type; value not in the quote
  const auto& notice = outcome(draft, "notice");
  REQUIRE(notice.decision == Decision::filled);                 // the one honest, quoted proposal
  CHECK(notice.backend == "model");
  CHECK(std::get<std::string>(notice.value) == "1 month");
  REQUIRE(notice.evidence.size() == 1);
  CHECK(notice.evidence[0].speaker == "Dana");
  CHECK(notice.confidence <= 0.9);
  CHECK(draft.rejected_proposals.size() == 10);
  auto has = [&](std::string_view needle) {
    for (const auto& r : draft.rejected_proposals)
      if (r.find(needle) != std::string::npos) return true;
    return false;
  };
  CHECK(has("strong: not asked"));
  CHECK(has("does not occur in the transcript"));
  CHECK(has("not said by the candidate"));
  CHECK(has("'Rust' is not one of its options"));
  CHECK(has("wrong JSON type"));
  CHECK(has("does not state the date 2026-05-01"));
  CHECK(has("quoted from the candidate, not paraphrased"));
  CHECK(has("notice: the quote does not state the number"));
  CHECK(has("nope: no such field"));
}

TEST_CASE("Model extractor: errors fail open by default, closed on request, garbage is rejected") {
  auto in = base_input();
  auto model = std::make_shared<FakeModel>();
  model->fail = true;
  AutofillOptions opt;
  opt.model.model = model;
  auto d = autofill::autofill(in, opt);
  REQUIRE(d);
  CHECK(d.value().filled_count() == 3);
  CHECK_FALSE(d.value().rejected_proposals.empty());
  opt.model.fail_open = false;
  auto closed = autofill::autofill(in, opt);
  REQUIRE_FALSE(closed);
  CHECK(closed.error().code == Errc::transport);
  model->fail = false;
  model->answer = "definitely not json";
  opt.model.fail_open = true;
  d = autofill::autofill(in, opt);
  REQUIRE(d);
  CHECK(d.value().filled_count() == 3);
  CHECK(d.value().rejected_proposals.size() == 1);
}
