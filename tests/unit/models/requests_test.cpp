#include <doctest/doctest.h>
#include <fmt/format.h>

#include <type_traits>

#include "leverkit/models/contact.hpp"
#include "leverkit/models/feedback.hpp"
#include "leverkit/models/form_template.hpp"
#include "leverkit/models/interview.hpp"
#include "leverkit/models/opportunity.hpp"
#include "leverkit/models/panel.hpp"
#include "leverkit/models/profile_form.hpp"
#include "leverkit/models/requests.hpp"
#include "leverkit/models/user.hpp"
#include "leverkit/models/webhook.hpp"
#include "samples.hpp"

using namespace leverkit;

namespace {
// Bodies carry no id; the decoders require one. Adds `"id":"<id>"` as the first key.
std::string with_id(const std::string& body, std::string_view id = "new") {
  REQUIRE(body.front() == '{');
  return fmt::format(R"({{"id":"{}"{}{})", id, body.size() > 2 ? "," : "", body.substr(1));
}

FormField field(FieldType t, std::string text) {
  FormField f;
  f.type = t;
  f.type_name = std::string(to_string(t));
  f.text = std::move(text);
  f.description = "";
  return f;
}
}  // namespace

TEST_CASE("InterviewCreate encodes and round-trips through the interview decoder") {
  InterviewCreate b{.panel = "p1",
                    .interviewers = {{"u1", "no-feedback"}, {"u2", std::nullopt}},
                    .date = from_unix_ms(1783260000000),
                    .duration = 60,
                    .subject = "Onsite \"system design\"",
                    .note = "Bring a laptop\nRoom 4",
                    .location = "https://meet.example.com/abc",
                    .feedback_template = "t1",
                    .feedback_reminder = "once"};
  const std::string json = to_json(b);
  CHECK(json ==
        R"({"panel":"p1","interviewers":[{"id":"u1","feedbackTemplate":"no-feedback"},{"id":"u2"}],)"
        R"("date":1783260000000,"duration":60,"subject":"Onsite \"system design\"","note":"Bring a laptop\nRoom 4",)"
        R"("location":"https://meet.example.com/abc","feedbackTemplate":"t1","feedbackReminder":"once"})");
  auto back = decode_interview(with_id(json));
  REQUIRE_MESSAGE(back.has_value(), back.error().to_string());
  CHECK(to_json(interview_update_from(back.value())) == json);  // the update encodes the same fields
  CHECK(validate(b).has_value());
}

TEST_CASE("InterviewUpdate is its own type with its own encoder and rules") {
  // A create body must not be sendable as the PUT's whole-object replace by accident.
  static_assert(!std::is_same_v<InterviewUpdate, InterviewCreate>);
  static_assert(!std::is_convertible_v<InterviewCreate, InterviewUpdate>);
  InterviewUpdate u{.panel = "p1",
                    .interviewers = {{"u1", std::nullopt}},
                    .date = from_unix_ms(1783260000000),
                    .duration = 30,
                    .location = "Room 2"};
  CHECK(to_json(u) == R"({"panel":"p1","interviewers":[{"id":"u1"}],"date":1783260000000,"duration":30,)"
                      R"("location":"Room 2"})");
  CHECK(validate(u).has_value());
  u.interviewers.clear();
  REQUIRE(validate(u).has_error());
  CHECK(validate(u).error().message.find("interviewers") != std::string::npos);
  u.interviewers = {{"", std::nullopt}};
  CHECK(validate(u).error().message == "interviewers[0].id is required");
  u.interviewers = {{"u1", std::nullopt}};
  u.duration = 0;
  CHECK(validate(u).error().message.find("duration") != std::string::npos);
  u.duration = 30;
  u.panel.clear();
  CHECK(validate(u).error().message.find("panel") != std::string::npos);
}

TEST_CASE("interview_update_from keeps every writable field of a read interview") {
  auto current = decode_interview(test::sample("interview.json")).value();
  InterviewUpdate u = interview_update_from(current);
  CHECK(u.panel == "027d1217-72e7-4fbb-83fd-3022aa25d0c4");
  CHECK(u.interviewers == std::vector<InterviewerRef>{{"c4bc6266-375b-4d45-9b3b-ad527ba5f3ef", "no-feedback"}});
  CHECK(u.duration == 45);
  u.subject = "Renamed";  // the partial change
  auto back = decode_interview(with_id(to_json(u), current.id)).value();
  CHECK(back.subject == "Renamed");
  CHECK(back.note == current.note);
  CHECK(back.date == current.date);
  CHECK(back.feedback_reminder == current.feedback_reminder);
}

TEST_CASE("PanelCreate encodes, panel_update_from round-trips the sample panel") {
  auto panel = decode_panel(test::sample("panel_create_response.json")).value();
  PanelUpdate u = panel_update_from(panel);
  CHECK(u.timezone == "America/Los_Angeles");
  REQUIRE(u.interviews.size() == 1);
  CHECK(u.interviews[0].id == std::optional<std::string>("7fbc6032-1005-48ab-9b00-0a9967d36f1a"));
  CHECK_FALSE(u.applications);  // [] would be invalid
  CHECK(validate(u).has_value());
  auto back = decode_panel(with_id(to_json(u), panel.id));
  REQUIRE_MESSAGE(back.has_value(), back.error().to_string());
  CHECK(panel_update_from(back.value()) == u);
  PanelCreate minimal{.timezone = "America/Los_Angeles",
                      .interviews = {PanelInterview{.interviewers = {{"c4bc6266", std::nullopt}},
                                                    .date = from_unix_ms(1783260000000),
                                                    .duration = 60,
                                                    .subject = "Technical Interview",
                                                    .note = "Panel created via Nango dryrun"}}};
  CHECK(to_json(minimal) ==
        R"({"timezone":"America/Los_Angeles","interviews":[{"interviewers":[{"id":"c4bc6266"}],"date":1783260000000,)"
        R"("duration":60,"subject":"Technical Interview","note":"Panel created via Nango dryrun"}]})");
}

TEST_CASE("FeedbackTemplateCreate round-trips through the template decoder") {
  FormField overall = field(FieldType::score_system, "Overall rating");
  overall.prompt = "Select one";
  overall.options = {{"4 - Strong Hire", std::nullopt}, {"3 - Hire", std::nullopt}};
  FormField card = field(FieldType::scorecard, "Skills");
  card.scores = {{"C++", "templates"}, {"Design", ""}};
  FormField pick = field(FieldType::multiple_select, "Languages");
  pick.options = {{"C++", std::nullopt}, {"Rust", std::nullopt}};
  pick.required = true;
  FormField code = field(FieldType::code, "Exercise");
  code.language = "cpp";
  FeedbackTemplateCreate b{.text = "Onsite", .instructions = "Be kind", .group = std::nullopt,
                           .fields = {overall, card, pick, code}};
  REQUIRE(validate(b).has_value());
  auto back = decode_feedback_template(with_id(to_json(b)));
  REQUIRE_MESSAGE(back.has_value(), back.error().to_string());
  CHECK(back.value().text == b.text);
  CHECK(back.value().instructions == b.instructions);
  CHECK(back.value().fields == b.fields);
}

TEST_CASE("FormTemplateCreate and ProfileFormCreate round-trip, every template field present") {
  FormField salary = field(FieldType::currency, "Salary");
  salary.currency = "EUR";
  FormField start = field(FieldType::date, "Start date");
  FormField relocate = field(FieldType::yes_no, "Relocation");
  FormTemplateCreate t{.text = "Offer", .instructions = std::nullopt, .group = std::nullopt,
                       .secret_by_default = true, .fields = {salary, start, relocate}};
  REQUIRE(validate(t).has_value());
  auto tmpl = decode_form_template(with_id(to_json(t), "ft1"));
  REQUIRE_MESSAGE(tmpl.has_value(), tmpl.error().to_string());
  CHECK(tmpl.value().secret_by_default);
  CHECK(tmpl.value().fields == t.fields);

  ProfileFormCreate form = profile_form_create_from(tmpl.value());
  CHECK(form.base_template_id == "ft1");
  REQUIRE(form.fields.size() == 3);
  form.fields[0].value = 95000.5;
  form.fields[1].value = std::int64_t{1782972986091};
  form.secret = false;
  REQUIRE(validate(form).has_value());
  const std::string json = to_json(form);
  CHECK(json.find(R"("value":null)") != std::string::npos);  // the unanswered yes-no is still sent
  auto back = decode_profile_form(with_id(json, "pf1"));
  REQUIRE_MESSAGE(back.has_value(), back.error().to_string());
  CHECK(back.value().base_template_id == std::optional<std::string>("ft1"));
  CHECK(back.value().fields == form.fields);
  CHECK(back.value().secret == std::optional<bool>(false));
}

TEST_CASE("FeedbackCreate / FeedbackUpdate encode fieldValues with typed values") {
  FeedbackCreate b{.base_template_id = "t1", .panel = "p1", .interview = "i1",
                   .field_values = {{"f1", std::string("3 - Hire")},
                                    {"f2", std::vector<ScorecardScore>{{4, "great"}, {std::nullopt, ""}}},
                                    {"f3", std::vector<std::string>{"C++"}},
                                    {"f4", std::int64_t{2}},
                                    {"f5", FieldValue{}}},
                   .created_at = from_unix_ms(1),
                   .completed_at = from_unix_ms(2)};
  CHECK(to_json(b) ==
        R"({"baseTemplateId":"t1","panel":"p1","interview":"i1","fieldValues":[{"id":"f1","value":"3 - Hire"},)"
        R"({"id":"f2","value":[{"score":4,"comment":"great"},{"score":null,"comment":""}]},{"id":"f3","value":["C++"]},)"
        R"({"id":"f4","value":2},{"id":"f5","value":null}],"createdAt":1,"completedAt":2})");
  FeedbackUpdate u{.field_values = {{"6dbec25a", std::string("3 - Hire")}}, .completed_at = std::nullopt};
  CHECK(to_json(u) == R"({"fieldValues":[{"id":"6dbec25a","value":"3 - Hire"}]})");
  // The update body's values come back in the PUT response's fields.
  auto put = decode_feedback(test::sample("feedback_update_response.json")).value();
  CHECK(put.fields[0].value == u.field_values[0].value);
}

TEST_CASE("notes, stage, archive, tags/links/sources bodies") {
  CHECK(to_json(NoteCreate{.value = "Great @alex", .secret = true, .score = 4, .notify_followers = true,
                           .created_at = from_unix_ms(1700000000000)}) ==
        R"({"value":"Great @alex","secret":true,"score":4,"notifyFollowers":true,"createdAt":1700000000000})");
  CHECK(to_json(NoteCreate{.value = "x"}) == R"({"value":"x","secret":false,"notifyFollowers":false})");
  auto note = decode_note(test::sample("note.json")).value();
  NoteUpdate nu = note_update_from(note);
  CHECK(to_json(nu) ==
        R"({"values":[{"value":"Test note for get-note dryrun","createdAt":1782974413945}],)"
        R"("user":"be129d9b-50da-4485-9377-0d83e981f30b","secret":false,"createdAt":1782974413945,"completedAt":1782974413945})");
  CHECK(to_json(OpportunityStageChange{"lead-responded"}) == R"({"stage":"lead-responded"})");
  CHECK(to_json(ArchiveChange{}) == R"({"reason":null})");
  CHECK(to_json(ArchiveChange{"r1", true, "req-1"}) == R"({"reason":"r1","cleanInterviews":true,"requisitionId":"req-1"})");
  CHECK(to_json(TagsChange{{"a", "b"}}) == R"({"tags":["a","b"]})");
  CHECK(to_json(LinksChange{{"https://x"}}) == R"({"links":["https://x"]})");
  CHECK(to_json(SourcesChange{{}}) == R"({"sources":[]})");
}

TEST_CASE("OpportunityCreate holds at most one posting and round-trips") {
  OpportunityCreate b{.name = "Ann Lee", .headline = "Engineer", .stage = "lead-new", .location = "Berlin",
                      .phones = {{"mobile", "+49 1"}}, .emails = {"ann@example.com"}, .links = {"https://a"},
                      .tags = {"t"}, .sources = {"s"}, .origin = "sourced", .owner = "u1", .followers = {"u1", "u2"},
                      .posting = "p1", .created_at = from_unix_ms(5),
                      .archived = ArchivedState{"r1", from_unix_ms(6)}, .contact = std::nullopt,
                      .opportunity_location = "Berlin"};
  const std::string json = to_json(b);
  CHECK(json.find(R"("postings":["p1"])") != std::string::npos);
  CHECK(validate(b).has_value());
  auto back = decode_opportunity(with_id(json)).value();
  CHECK(back.name == b.name);
  CHECK(back.phones == b.phones);
  CHECK(back.emails == b.emails);
  CHECK(back.followers.size() == 2);
  CHECK(back.archived == b.archived);
  CHECK(back.stage->id == "lead-new");
  CHECK(back.opportunity_location == b.opportunity_location);
  OpportunityCreate empty_posting{.name = "x", .posting = ""};
  CHECK(validate(empty_posting).error().code == Errc::invalid_argument);
}

TEST_CASE("ContactUpdate, WebhookCreate/Update, UserCreate/Update round-trip") {
  ContactUpdate c{.name = "Ann", .headline = std::nullopt, .location = "Oakland", .emails = std::vector<std::string>{"a@x.io"},
                  .phones = std::vector<Phone>{{std::nullopt, "1"}}};
  CHECK(to_json(c) == R"({"name":"Ann","location":"Oakland","emails":["a@x.io"],"phones":[{"value":"1"}]})");
  auto contact = decode_contact(with_id(to_json(c))).value();
  CHECK(contact.location == c.location);
  CHECK(contact.phones == *c.phones);

  WebhookCreate w{.url = "https://example.com/hook", .event = "candidateStageChange",
                  .conditions = WebhookConditions{{"applied", "referred"}}};
  REQUIRE(validate(w).has_value());
  auto hook = decode_webhook(with_id(to_json(w))).value();
  CHECK(hook.url == w.url);
  CHECK(hook.event == w.event);
  CHECK(hook.configuration.conditions == w.conditions);
  CHECK(to_json(std::vector<WebhookUpdate>{{"w1", "https://x", std::nullopt}}) ==
        R"({"data":[{"id":"w1","url":"https://x"}]})");
  CHECK(validate(WebhookCreate{.url = "http://example.com", .event = "candidateHired"}).error().message ==
        "url: Lever delivers webhooks to https:// URLs only");

  UserCreate uc{.name = "Sam", .email = "sam@x.io", .access_role = "interviewer", .external_directory_id = "ext",
                .job_title = "Engineer", .manager_id = "m1"};
  auto user = decode_user(with_id(to_json(uc))).value();
  CHECK(user.name == uc.name);
  CHECK(user.email == uc.email);
  CHECK(user.access_role == *uc.access_role);
  CHECK(user.job_title == uc.job_title);
  CHECK(user.manager_id == uc.manager_id);
  CHECK(user.external_directory_id == uc.external_directory_id);
  auto sample_user = decode_user(test::sample("user.json")).value();
  UserUpdate uu = user_update_from(sample_user);
  REQUIRE(validate(uu).has_value());
  CHECK(user_update_from(decode_user(with_id(to_json(uu), sample_user.id)).value()) == uu);
  CHECK(validate(UserUpdate{.name = "a", .email = "b", .access_role = ""}).has_error());
}

TEST_CASE("rule checks: panel and interview together, one score-system per template, scores 1–4") {
  FeedbackCreate only_panel{.base_template_id = "t", .panel = "p"};
  auto r = validate(only_panel);
  REQUIRE(r.has_error());
  CHECK(r.error().code == Errc::invalid_argument);
  CHECK(r.error().message.find("panel and interview go together") != std::string::npos);
  FeedbackCreate only_interview{.base_template_id = "t", .interview = "i"};
  CHECK(validate(only_interview).has_error());
  CHECK(validate(FeedbackCreate{.base_template_id = "t"}).has_value());
  CHECK(validate(FeedbackCreate{.base_template_id = "t", .panel = "p", .interview = "i"}).has_value());
  CHECK(validate(FeedbackCreate{}).error().message == "baseTemplateId is required");

  FormField overall = field(FieldType::score_system, "Overall");
  FormField notes = field(FieldType::textarea, "Notes");
  FeedbackTemplateCreate none{.text = "T", .fields = {notes}};
  CHECK(validate(none).error().message == "a feedback template needs exactly one score-system field, found 0");
  FeedbackTemplateCreate two{.text = "T", .fields = {overall, notes, overall}};
  CHECK(validate(two).error().message == "a feedback template needs exactly one score-system field, found 2");
  CHECK(validate(FeedbackTemplateCreate{.text = "T", .fields = {overall, notes}}).has_value());
  FormField dropdown = field(FieldType::dropdown, "Pick");
  CHECK(validate(FeedbackTemplateCreate{.text = "T", .fields = {overall, dropdown}}).error().message ==
        "fields[1] ('Pick'): a 'dropdown' field needs at least one option");
  FormField upload = field(FieldType::file_upload, "CV");
  CHECK(validate(FeedbackTemplateCreate{.text = "T", .fields = {overall, upload}}).error().message ==
        "fields[1] ('CV'): type 'file-upload' is not allowed on a feedback template");
  CHECK(validate(FormTemplateCreate{.text = "F", .fields = {overall}}).error().message ==
        "fields[0] ('Overall'): type 'score-system' is not allowed on a profile form template");
  CHECK(validate(FormTemplateCreate{.text = "F"}).has_error());

  CHECK(validate(NoteCreate{.value = "x", .score = 5}).error().message == "score must be 1–4, got 5");
  CHECK(validate(NoteCreate{.value = "x", .score = 0}).has_error());
  CHECK(validate(NoteCreate{.value = "", .score = 1}).has_error());
  CHECK(validate(NoteCreate{.value = "x", .score = 1}).has_value());

  CHECK(validate(InterviewCreate{.panel = "p", .interviewers = {}, .duration = 30}).error().message ==
        "interviewers: at least one interviewer is required");
  CHECK(validate(InterviewCreate{.panel = "p", .interviewers = {{"u", std::nullopt}}, .duration = 0}).has_error());
  CHECK(validate(InterviewCreate{.panel = "", .interviewers = {{"u", std::nullopt}}, .duration = 30}).has_error());
  CHECK(validate(PanelCreate{.timezone = "UTC"}).error().message == "interviews: a panel needs at least one interview");
  PanelCreate empty_apps{.timezone = "UTC",
                         .interviews = {PanelInterview{.interviewers = {{"u", std::nullopt}}, .duration = 30}},
                         .applications = std::vector<std::string>{}};
  CHECK(validate(empty_apps).has_error());
}
