#include <doctest/doctest.h>

#include <map>

#include "leverkit/models/feedback.hpp"
#include "samples.hpp"

using namespace leverkit;

TEST_CASE("FieldType names round-trip, unknown names map to unknown") {
  for (FieldType t : {FieldType::code, FieldType::date, FieldType::dropdown, FieldType::multiple_choice,
                      FieldType::multiple_select, FieldType::score_system, FieldType::score, FieldType::scorecard,
                      FieldType::text, FieldType::textarea, FieldType::yes_no, FieldType::currency,
                      FieldType::file_upload, FieldType::university, FieldType::note}) {
    CHECK(field_type_from_string(to_string(t)) == t);
  }
  CHECK(to_string(FieldType::multiple_choice) == "multiple-choice");
  CHECK(to_string(FieldType::yes_no) == "yes-no");
  CHECK(field_type_from_string("multiple choice") == FieldType::unknown);
  CHECK(field_type_from_string("") == FieldType::unknown);
  CHECK(to_string(FieldType::unknown) == "unknown");
}

TEST_CASE("feedback_templates_list sample: 18 templates and every feedback field type") {
  auto r = decode_feedback_template_page(test::sample("feedback_templates_list.json"));
  REQUIRE_MESSAGE(r.has_value(), r.error().to_string());
  const auto& page = r.value();
  REQUIRE(page.data.size() == 18);
  CHECK_FALSE(page.has_next);
  CHECK_FALSE(page.next);
  std::map<FieldType, int> counts;
  for (const auto& t : page.data) {
    int score_systems = 0;
    for (const auto& f : t.fields) {
      ++counts[f.type];
      CHECK(std::holds_alternative<std::monostate>(f.value));
      CHECK_FALSE(f.id.empty());
      if (f.type == FieldType::score_system) ++score_systems;
    }
    CHECK_MESSAGE(score_systems == 1, t.text);
  }
  CHECK(counts[FieldType::score_system] == 18);
  CHECK(counts[FieldType::textarea] == 12);
  CHECK(counts[FieldType::multiple_select] == 8);
  CHECK(counts[FieldType::scorecard] == 6);
  CHECK(counts[FieldType::score] == 2);
  CHECK(counts[FieldType::dropdown] == 2);
  CHECK(counts[FieldType::yes_no] == 2);
  CHECK(counts[FieldType::multiple_choice] == 1);
  CHECK(counts[FieldType::text] == 1);
  CHECK(counts[FieldType::code] == 1);
  CHECK(counts[FieldType::unknown] == 0);

  const FeedbackTemplate& onsite = page.data[0];
  CHECK(onsite.id == "0251a01c-0f81-4988-b9ec-02edc7607925");
  CHECK(onsite.text == "General On-site Interview");
  CHECK_FALSE(onsite.created_at);  // Lever's built-in template
  REQUIRE(onsite.group);
  CHECK(*onsite.group == TemplateGroup{"f7cbf1cd-5d4f-477b-8751-3fe515b4226f", "On-site Interviews"});
  CHECK_FALSE(onsite.stage);
  const FormField& scorecard = onsite.fields[1];
  CHECK(scorecard.type == FieldType::scorecard);
  REQUIRE(scorecard.scores.size() == 4);
  CHECK(scorecard.scores[0] ==
        ScorecardRow{"Adaptability", "Will this person work well in a fast paced environment?"});
  const FormField& overall = onsite.fields[0];
  REQUIRE(overall.options.size() == 4);
  CHECK(overall.options[1].text == "3 - Hire");
  CHECK(overall.prompt == std::optional<std::string>("Select one"));

  const FeedbackTemplate& reference = page.data[14];
  CHECK(reference.text == "Reference check");
  CHECK(reference.created_at == std::optional<Timestamp>(from_unix_ms(1563576635306)));
  const FormField& dropdown = reference.fields[1];
  CHECK(dropdown.type == FieldType::dropdown);
  CHECK(dropdown.type_name == "dropdown");
  CHECK(dropdown.prompt == std::optional<std::string>(""));
  CHECK(dropdown.options.size() == 6);
  CHECK(dropdown.options[5].text == "Other");
  const FormField& code = page.data[15].fields[1];
  CHECK(code.type == FieldType::code);
  CHECK(code.description == std::optional<std::string>("Fix the bug in this code."));
}

TEST_CASE("feedback_template sample: one score-system field, null group and stage") {
  auto r = decode_feedback_template(test::sample("feedback_template.json"));
  REQUIRE_MESSAGE(r.has_value(), r.error().to_string());
  const FeedbackTemplate& t = r.value();
  CHECK(t.id == "1c0d54d3-1aeb-4989-b616-d0a6025444e8");
  CHECK(t.text == "Nango Seed Feedback Template 1 (updated)");
  CHECK_FALSE(t.group);
  CHECK_FALSE(t.stage);
  CHECK(t.instructions == std::optional<std::string>(""));
  CHECK(t.created_at == std::optional<Timestamp>(from_unix_ms(1782972913837)));
  CHECK(t.updated_at == std::optional<Timestamp>(from_unix_ms(1782973338595)));
  REQUIRE(t.fields.size() == 1);
  CHECK(t.fields[0].id == "06085f68-9b42-44fc-aea4-d5f9b70c0561");
  CHECK(t.fields[0].type == FieldType::score_system);
  CHECK(t.fields[0].options.size() == 4);
}

TEST_CASE("template group and stage may be \"\" or objects") {
  auto r = decode_feedback_template(R"({"id":"t","group":"","stage":"","fields":[]})");
  REQUIRE_MESSAGE(r.has_value(), r.error().to_string());
  CHECK_FALSE(r.value().group);
  CHECK_FALSE(r.value().stage);
  auto s = decode_feedback_template(R"({"id":"t","group":{"id":"g","name":"G"},"stage":{"id":"offer","text":"Offer"}})");
  REQUIRE_MESSAGE(s.has_value(), s.error().to_string());
  CHECK(s.value().stage == std::optional<Stage>(Stage{"offer", "Offer"}));
  CHECK(s.value().group->name == "G");
}

TEST_CASE("feedback sample (deleted form): deletedAt set, unanswered value null") {
  auto r = decode_feedback(test::sample("feedback.json"));
  REQUIRE_MESSAGE(r.has_value(), r.error().to_string());
  const Feedback& f = r.value();
  CHECK(f.id == "3b743e1d-d075-4ec6-a8d8-83ebf43e3263");
  CHECK(f.type == "interview");
  CHECK(f.text == "Nango Seed Feedback Template 1");
  CHECK(f.base_template_id == std::optional<std::string>("1c0d54d3-1aeb-4989-b616-d0a6025444e8"));
  CHECK_FALSE(f.interview);
  CHECK_FALSE(f.panel);
  CHECK(f.user->id == "32bc4d3b-1aa6-4e2b-92d0-2e575047001e");
  CHECK(f.created_at == std::optional<Timestamp>(from_unix_ms(1782973072497)));
  CHECK(f.completed_at == std::optional<Timestamp>(from_unix_ms(1782973072497)));
  CHECK(f.updated_at == std::optional<Timestamp>(from_unix_ms(1782973072500)));
  CHECK(f.deleted_at == std::optional<Timestamp>(from_unix_ms(1782974313802)));
  CHECK(f.deleted());
  REQUIRE(f.fields.size() == 1);
  CHECK(f.fields[0].id == "e8373708-3e38-4ad1-b506-efdc27d36c51");
  CHECK(std::holds_alternative<std::monostate>(f.fields[0].value));
}

TEST_CASE("feedback update response (PUT shape) decodes into the same model") {
  auto r = decode_feedback(test::sample("feedback_update_response.json"));
  REQUIRE_MESSAGE(r.has_value(), r.error().to_string());
  const Feedback& f = r.value();
  CHECK(f.id == "60a45740-abb6-4196-9450-bc0ff333e585");
  CHECK(f.opportunity_id == std::optional<std::string>("6408dc54-7015-4e5b-8d60-23afff2b1efc"));
  REQUIRE(f.user);
  CHECK(f.user->id == "be129d9b-50da-4485-9377-0d83e981f30b");
  CHECK(f.base_template_id == std::optional<std::string>("002b25f0-991d-42f1-bb2c-afcb62afbc0c"));
  CHECK(f.completed_at == std::optional<Timestamp>(from_unix_ms(1782977398101)));
  CHECK(f.updated_at == std::optional<Timestamp>(from_unix_ms(1782977490604)));
  REQUIRE(f.fields.size() == 2);
  CHECK(f.fields[0].type == FieldType::score);
  CHECK(f.fields[0].overall);
  CHECK(f.fields[0].value == FieldValue{std::string("3 - Hire")});
  CHECK(f.fields[1].type == FieldType::textarea);
  CHECK(f.fields[1].value == FieldValue{std::string("Strong technical skills")});
  CHECK_FALSE(f.deleted());
}

TEST_CASE("field values decode per type (lever-api.md 6.11)") {
  auto r = decode_feedback(R"({"id":"f","panelId":"p","interviewId":"i","fields":[
    {"type":"text","value":"t"},
    {"type":"date","value":1700000000000},
    {"value":"1700000000001","type":"date"},
    {"type":"currency","value":12},
    {"type":"currency","value":12.5,"currency":"USD"},
    {"type":"yes-no","value":"yes"},
    {"type":"multiple-select","value":["a","b"]},
    {"type":"multiple-select","value":[]},
    {"type":"score","value":3},
    {"type":"scorecard","value":[{"score":4,"comment":"good"},{"score":null,"comment":null}]},
    {"type":"code","value":"int main(){}","language":"cpp"},
    {"type":"file-upload","value":{"id":"x","ext":"pdf","name":"cv.pdf","size":10}},
    {"type":"new-kind","value":true},
    {"type":"other-kind","value":[1,2.5]},
    {"type":"dropdown","value":null}]})");
  REQUIRE_MESSAGE(r.has_value(), r.error().to_string());
  const auto& f = r.value().fields;
  CHECK(r.value().panel == std::optional<std::string>("p"));
  CHECK(r.value().interview == std::optional<std::string>("i"));
  CHECK(f[0].value == FieldValue{std::string("t")});
  CHECK(f[1].value == FieldValue{std::int64_t{1700000000000}});
  CHECK(f[2].value == FieldValue{std::int64_t{1700000000001}});
  CHECK(f[3].value == FieldValue{12.0});
  CHECK(f[4].value == FieldValue{12.5});
  CHECK(f[4].currency == std::optional<std::string>("USD"));
  CHECK(f[5].value == FieldValue{std::string("yes")});
  CHECK(f[6].value == FieldValue{std::vector<std::string>{"a", "b"}});
  CHECK(f[7].value == FieldValue{std::vector<std::string>{}});
  CHECK(f[8].value == FieldValue{std::int64_t{3}});
  CHECK(f[9].value == FieldValue{std::vector<ScorecardScore>{{4, "good"}, {std::nullopt, ""}}});
  CHECK(f[10].language == std::optional<std::string>("cpp"));
  CHECK(f[11].value == FieldValue{std::string(R"({"id":"x","ext":"pdf","name":"cv.pdf","size":10})")});
  CHECK(f[12].type == FieldType::unknown);
  CHECK(f[12].type_name == "new-kind");
  CHECK(f[12].value == FieldValue{std::string("true")});
  CHECK(f[13].value == FieldValue{std::vector<std::string>{"1", "2.5"}});
  CHECK(std::holds_alternative<std::monostate>(f[14].value));
}

TEST_CASE("a field value of the wrong JSON type is a decode_error naming the path") {
  struct Case {
    const char* doc;
    const char* message;
  };
  for (const Case& c : {
           Case{R"({"id":"f","fields":[{"type":"text","value":"ok"},{"type":"yes-no","value":true}]})",
                "at fields[1].value: expected a string for a 'yes-no' field"},
           Case{R"({"id":"f","fields":[{"type":"date","value":"soon"}]})",
                "at fields[0].value: expected a timestamp in epoch milliseconds for a 'date' field"},
           Case{R"({"id":"f","fields":[{"type":"multiple-select","value":"a,b"}]})",
                "at fields[0].value: expected an array of option texts for a 'multiple-select' field"},
           Case{R"({"id":"f","fields":[{"type":"scorecard","value":["a"]}]})",
                "at fields[0].value: expected an array of {score, comment} objects for a 'scorecard' field"},
           Case{R"({"id":"f","fields":[{"type":"score","value":"3 - Hire"}]})",
                "at fields[0].value: expected an integer score for a 'score' field"},
           Case{R"({"id":"f","fields":[{"type":"currency","value":"12"}]})",
                "at fields[0].value: expected a number for a 'currency' field"},
           Case{R"({"id":"f","fields":[{"type":"multiple-select","value":[1,2]}]})",
                "at fields[0].value: expected an array of option texts for a 'multiple-select' field"},
           Case{R"({"id":"f","fields":[{"type":"multiple-select","value":["a",1]}]})",
                "at fields[0].value[1]: expected a string"},
           Case{R"({"id":"f","fields":[{"type":"scorecard","value":[{"score":"x"}]}]})",
                "at fields[0].value[0].score: expected an integer, got the string 'x'"},
           Case{R"({"id":"f","fields":[{"text":"no type","value":null}]})",
                "at fields[0]: missing required field 'type'"},
       }) {
    auto r = decode_feedback(c.doc);
    REQUIRE_MESSAGE(r.has_error(), c.doc);
    CHECK(r.error().code == Errc::decode_error);
    CHECK(r.error().message == c.message);
  }
}
