#include <doctest/doctest.h>

#include "leverkit/models/form_template.hpp"
#include "leverkit/models/note.hpp"
#include "leverkit/models/profile_form.hpp"
#include "samples.hpp"

using namespace leverkit;

TEST_CASE("note page: comments with scores, secret notes, errors") {
  auto r = decode_note_page(R"({"data":[{"id":"n1","text":"Note","secret":true,"user":"u",
      "fields":[{"type":"note","text":"Comment","value":"first","user":"u","stage":"offer","createdAt":1,"score":4},
                {"type":"note","text":"Comment","value":"reply","user":"v","createdAt":2,"score":null}],
      "createdAt":1,"completedAt":1,"deletedAt":null}],"hasNext":false})");
  REQUIRE_MESSAGE(r.has_value(), r.error().to_string());
  const Note& n = r.value().data[0];
  CHECK(n.secret);
  REQUIRE(n.comments.size() == 2);
  CHECK(n.comments[0].score == std::optional<int>(4));
  CHECK(n.comments[1].value == "reply");
  CHECK_FALSE(n.comments[1].stage);
  auto bad = decode_note(R"({"id":"n","fields":[{"value":"x","score":"high"}]})");
  REQUIRE(bad.has_error());
  CHECK(bad.error().message == "at fields[0].score: expected an integer, got the string 'high'");
  auto bad_secret = decode_note(R"({"id":"n","secret":"no"})");
  REQUIRE(bad_secret.has_error());
  CHECK(bad_secret.error().message == "at secret: expected a boolean");
}

TEST_CASE("form template: docs example shape (unwrapped, string timestamps), every profile field type") {
  auto r = decode_form_template(R"({"id":"ft1","text":"Offer details","group":{"id":"g1","name":"Offers"},
      "instructions":"Fill in","secretByDefault":true,"createdAt":"1552325829124","updatedAt":"1552325829125",
      "fields":[
        {"id":"a","type":"currency","text":"Salary","required":true,"currency":"USD"},
        {"id":"b","type":"date","text":"Start"},
        {"id":"c","type":"dropdown","text":"Level","prompt":"Pick","options":[{"text":"L1"},{"text":"L2","optionId":"o2"}]},
        {"id":"d","type":"multiple-choice","text":"Remote","options":[{"text":"Yes"},{"text":"No"}]},
        {"id":"e","type":"multiple-select","text":"Perks","options":[{"text":"Car"},{"text":"Gym"}]},
        {"id":"f","type":"text","text":"Title"},
        {"id":"g","type":"textarea","text":"Notes"},
        {"id":"h","type":"yes-no","text":"Relocation"}]})");
  REQUIRE_MESSAGE(r.has_value(), r.error().to_string());
  const FormTemplate& t = r.value();
  CHECK(t.text == "Offer details");
  CHECK(t.secret_by_default);
  CHECK(t.group == std::optional<TemplateGroup>(TemplateGroup{"g1", "Offers"}));
  CHECK(t.created_at == std::optional<Timestamp>(from_unix_ms(1552325829124)));
  REQUIRE(t.fields.size() == 8);
  CHECK(t.fields[0].type == FieldType::currency);
  CHECK(t.fields[0].currency == std::optional<std::string>("USD"));
  CHECK(t.fields[0].required);
  CHECK(t.fields[2].options[1] == FieldOption{"L2", "o2"});
  CHECK(t.fields[7].type == FieldType::yes_no);
  auto empty_group = decode_form_template(R"({"id":"x","group":""})").value();
  CHECK_FALSE(empty_group.group);
}

TEST_CASE("profile form: values per type, expandable user and stage") {
  auto r = decode_profile_form(R"({"data":{"id":"pf1","type":"form","text":"Offer details","instructions":"",
      "baseTemplateId":"ft1","user":{"id":"u","name":"R"},"stage":"offer","secret":false,
      "createdAt":1,"completedAt":2,"deletedAt":null,
      "fields":[{"id":"a","type":"currency","text":"Salary","currency":"USD","value":120000},
                {"id":"b","type":"date","text":"Start","value":1782972986091},
                {"id":"e","type":"multiple-select","text":"Perks","value":["Gym"]},
                {"id":"h","type":"yes-no","text":"Relocation","value":"no"},
                {"id":"g","type":"textarea","text":"Notes","value":null}]}})");
  REQUIRE_MESSAGE(r.has_value(), r.error().to_string());
  const ProfileForm& f = r.value();
  CHECK(f.type == "form");
  CHECK(f.base_template_id == std::optional<std::string>("ft1"));
  CHECK(f.user->object->name == "R");
  CHECK(f.stage->id == "offer");
  CHECK(f.secret == std::optional<bool>(false));
  CHECK_FALSE(f.deleted());
  CHECK(f.fields[0].value == FieldValue{120000.0});
  CHECK(f.fields[1].value == FieldValue{std::int64_t{1782972986091}});
  CHECK(f.fields[2].value == FieldValue{std::vector<std::string>{"Gym"}});
  CHECK(f.fields[3].value == FieldValue{std::string("no")});
  CHECK(std::holds_alternative<std::monostate>(f.fields[4].value));
  auto page = decode_profile_form_page(R"({"data":[],"hasNext":false})");
  REQUIRE(page.has_value());
  CHECK(page.value().data.empty());
  auto bad = decode_profile_form(R"({"id":"pf","fields":[{"type":"currency","value":[1]}]})");
  REQUIRE(bad.has_error());
  CHECK(bad.error().message == "at fields[0].value: expected a number for a 'currency' field");
}
