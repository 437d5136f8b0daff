// One test per decoding quirk of lever-api.md §8 (numbers as there).
#include <doctest/doctest.h>
#include <fmt/format.h>

#include "leverkit/models/contact.hpp"
#include "leverkit/models/feedback.hpp"
#include "leverkit/models/form_template.hpp"
#include "leverkit/models/interview.hpp"
#include "leverkit/models/note.hpp"
#include "leverkit/models/opportunity.hpp"
#include "leverkit/models/panel.hpp"
#include "leverkit/models/stage.hpp"
#include "leverkit/models/webhook.hpp"
#include "samples.hpp"

using namespace leverkit;

TEST_CASE("quirk 1: data unwrapped once, bare and double wraps tolerated, extra top-level keys ignored") {
  const char* inner = R"({"id":"i1","subject":"S","date":1,"duration":30})";
  for (const std::string& doc : {std::string(inner), fmt::format(R"({{"data":{}}})", inner),
                                 fmt::format(R"({{"data":{{"data":{}}}}})", inner),
                                 fmt::format(R"({{"deduped":true,"data":{},"meta":[1]}})", inner)}) {
    auto r = decode_interview(doc);
    REQUIRE_MESSAGE(r.has_value(), doc);
    CHECK(r.value().id == "i1");
    CHECK(r.value().duration == 30);
  }
  // Double-wrapped list (docs' create/update panel examples).
  auto page = decode_panel_page(R"({"data":{"data":[{"id":"p1"},{"id":"p2"}],"hasNext":false}})");
  REQUIRE_MESSAGE(page.has_value(), page.error().to_string());
  CHECK(page.value().data.size() == 2);
  // An opportunity whose own fields are unrelated to `data` is not mistaken for a wrap.
  auto opp = decode_opportunity(R"({"data":{"id":"o","dataProtection":null}})");
  REQUIRE(opp.has_value());
  CHECK(opp.value().id == "o");
}

TEST_CASE("quirk 2: the same key is an id string or an expanded object") {
  auto as_id = decode_opportunity(R"({"id":"o","owner":"u1","stage":"offer","followers":["u1"]})").value();
  auto as_obj = decode_opportunity(R"({"id":"o","owner":{"id":"u1","name":"N"},"stage":{"id":"offer","text":"Offer"},
                                       "followers":[{"id":"u1","name":"N"}]})").value();
  CHECK(as_id.owner->id == as_obj.owner->id);
  CHECK_FALSE(as_id.owner->expanded());
  CHECK(as_obj.owner->expanded());
  CHECK(as_obj.stage->object->text == "Offer");
  CHECK(as_obj.followers[0].object->name == "N");
  auto note = decode_note(R"({"id":"n","user":{"id":"u","name":"A"},"fields":[{"user":{"id":"u"},"stage":{"id":"s","text":"S"}}]})");
  REQUIRE_MESSAGE(note.has_value(), note.error().to_string());
  CHECK(note.value().comments[0].stage->object->text == "S");
  auto panel = decode_panel(R"({"id":"p","stage":{"id":"s","text":"Screen"},"user":"u"})").value();
  CHECK(panel.stage->object->text == "Screen");
}

TEST_CASE("quirk 3: slug stage ids, UUID stage ids and the no-feedback template id are plain strings") {
  auto page = decode_stage_page(test::sample("stages.json")).value();
  CHECK(page.data[3].id == "applicant-new");
  CHECK(page.data[5].id == "2ca03d97-d4f2-4a97-89de-96c8b0d07924");
  auto i = decode_interview(test::sample("interview.json")).value();
  CHECK(i.interviewers[0].feedback_template == std::optional<std::string>("no-feedback"));
  auto p = decode_panel(test::sample("panel_create_response.json")).value();
  CHECK(p.interviews[0].feedback_template == std::optional<std::string>("no-feedback"));
}

TEST_CASE("quirk 4: legacy archivedAt/archiveReason and the archived object both decode") {
  auto real = decode_opportunity(test::sample("opportunity.json")).value();
  REQUIRE(real.archived);
  CHECK(real.is_archived());
  CHECK(real.archived->reason == std::optional<std::string>("c97322d4-a7f3-4008-948c-4f8e9c58d372"));
  auto legacy = decode_opportunity(R"({"id":"o","archivedAt":1782973996415,"archiveReason":"r1"})").value();
  REQUIRE(legacy.archived);
  CHECK(*legacy.archived == ArchivedState{"r1", from_unix_ms(1782973996415)});
  // Legacy keys after the object: the real object wins, legacy fills only what is missing.
  auto both = decode_opportunity(R"({"id":"o","archived":{"reason":"real","archivedAt":5},"archivedAt":6,"archiveReason":"old"})").value();
  CHECK(*both.archived == ArchivedState{"real", from_unix_ms(5)});
  auto legacy_null = decode_opportunity(R"({"id":"o","archivedAt":null,"archiveReason":null})").value();
  CHECK_FALSE(legacy_null.archived);
  CHECK_FALSE(legacy_null.is_archived());
  auto unarchived = decode_opportunity(R"({"id":"o","archived":null})").value();
  CHECK_FALSE(unarchived.is_archived());
  auto bad = decode_opportunity(R"({"id":"o","archiveReason":7})");
  REQUIRE(bad.has_error());
  CHECK(bad.error().message == "at archiveReason: expected a string");
}

TEST_CASE("quirk 5: location string vs {name} object, application phone object vs opportunity phones array") {
  auto o = decode_opportunity(R"({"id":"o","location":"Oakland","phones":[{"type":"work","value":"1"}]})").value();
  CHECK(o.location == std::optional<std::string>("Oakland"));
  CHECK(o.phones.size() == 1);
  auto c = decode_contact(R"({"id":"c","location":{"name":"Oakland"}})").value();
  CHECK(c.location == std::optional<std::string>("Oakland"));
  auto a = decode_application(R"({"id":"a","phone":{"type":"work","value":"1"}})").value();
  CHECK(a.phone == std::optional<Phone>(Phone{"work", "1"}));
  auto wrong = decode_opportunity(R"({"id":"o","location":{"name":"Oakland"}})");
  REQUIRE(wrong.has_error());
  CHECK(wrong.error().message == "at location: expected a string");
  auto wrong_phones = decode_opportunity(R"({"id":"o","phones":{"value":"1"}})");
  REQUIRE(wrong_phones.has_error());
  CHECK(wrong_phones.error().message == "at phones: expected an array");
}

TEST_CASE("quirk 6: timestamps as integers, nulls, numeric strings and whole-number floats") {
  auto t = decode_form_template(R"({"id":"t","createdAt":"1552325829124","updatedAt":null,"fields":[]})").value();
  CHECK(t.created_at == std::optional<Timestamp>(from_unix_ms(1552325829124)));
  CHECK_FALSE(t.updated_at);
  auto f = decode_feedback(R"({"id":"f","createdAt":1782973072497,"completedAt":1782973072497.0,"deletedAt":null})").value();
  CHECK(f.created_at == f.completed_at);
  CHECK_FALSE(f.deleted_at);
  auto frac = decode_feedback(R"({"id":"f","createdAt":1.5})");
  REQUIRE(frac.has_error());
  CHECK(frac.error().message == "at createdAt: expected a timestamp (epoch milliseconds)");
  auto junk = decode_feedback(R"({"id":"f","createdAt":"12abc"})");
  REQUIRE(junk.has_error());
}

TEST_CASE("quirk 7: next token kept verbatim, absent next and absent hasNext mean no more pages") {
  auto p = decode_opportunity_page(test::sample("list_page_opportunities.json")).value();
  CHECK(p.next == std::optional<std::string>("%5B105.5%2C1585613457080%2C%22055da381-c091-4796-8ebc-d20f26b89c1c%22%5D"));
  CHECK(p.more());
  auto last = decode_feedback_template_page(test::sample("feedback_templates_list.json")).value();
  CHECK_FALSE(last.next);
  CHECK_FALSE(last.more());
  auto no_has_next = decode_webhook_page(R"({"data":[{"id":"w"}]})").value();
  CHECK_FALSE(no_has_next.has_next);
  CHECK_FALSE(no_has_next.more());
  auto token_without_flag = decode_webhook_page(R"({"data":[],"next":"abc"})").value();
  CHECK_FALSE(token_without_flag.more());
  auto flag_without_token = decode_webhook_page(R"({"data":[],"hasNext":true})").value();
  CHECK_FALSE(flag_without_token.more());
  auto dotted = decode_stage_page(R"({"data":[],"hasNext":true,"next":"0.1414895548650.a6070140"})").value();
  CHECK(dotted.more());
  CHECK(dotted.next == std::optional<std::string>("0.1414895548650.a6070140"));
}

TEST_CASE("quirk 10: feedback PUT response shape decodes, overall rating is score + overall") {
  auto put = decode_feedback(test::sample("feedback_update_response.json")).value();
  auto get = decode_feedback(test::sample("feedback.json")).value();
  CHECK(put.opportunity_id == std::optional<std::string>("6408dc54-7015-4e5b-8d60-23afff2b1efc"));
  CHECK_FALSE(get.opportunity_id);
  CHECK(put.user->id == "be129d9b-50da-4485-9377-0d83e981f30b");
  CHECK(put.fields[0].type == FieldType::score);
  CHECK(put.fields[0].overall);
  CHECK(put.fields[0].value == FieldValue{std::string("3 - Hire")});
  CHECK(get.fields[0].type == FieldType::score_system);
  CHECK_FALSE(get.fields[0].overall);
  // A plain score field (not overall) still needs an integer.
  auto bad = decode_feedback(R"({"id":"f","fields":[{"type":"score","overall":false,"value":"3 - Hire"}]})");
  REQUIRE(bad.has_error());
}

TEST_CASE("quirk 11: deleted feedback is still returned and decodes with deletedAt") {
  auto f = decode_feedback(test::sample("feedback.json")).value();
  CHECK(f.deleted());
  CHECK(f.deleted_at == std::optional<Timestamp>(from_unix_ms(1782974313802)));
  // The deleted form inside a list page next to a live one: both come back, callers filter.
  const std::string doc = test::sample("feedback.json");
  const std::size_t open = doc.find('{', 1);   // the object inside {"data": ...}
  const std::size_t close = doc.rfind('}');    // the envelope's closing brace
  const std::string deleted = doc.substr(open, close - open);
  auto page = decode_feedback_page(fmt::format(R"({{"data":[{},{{"id":"live","deletedAt":null}}],"hasNext":false}})", deleted)).value();
  REQUIRE(page.data.size() == 2);
  CHECK(page.data[0].deleted());
  CHECK_FALSE(page.data[1].deleted());
}

TEST_CASE("quirk 14: note create response is {noteId} (docs) or the full note plus noteId (real)") {
  auto real = decode_note_created(test::sample("note_create_response.json"));
  REQUIRE_MESSAGE(real.has_value(), real.error().to_string());
  CHECK(real.value().note_id == "7f8004a4-e5db-466a-ae31-7a26346701ed");
  REQUIRE(real.value().note);
  CHECK(real.value().note->comments[0].value == "Test note created by Nango action dryrun");
  auto docs = decode_note_created(R"({"data":{"noteId":"n1"}})");
  REQUIRE(docs.has_value());
  CHECK(docs.value().note_id == "n1");
  CHECK_FALSE(docs.value().note);
  auto id_only = decode_note_created(R"({"data":{"id":"n2","text":"Note","fields":[]}})");
  REQUIRE(id_only.has_value());
  CHECK(id_only.value().note_id == "n2");
  auto neither = decode_note_created(R"({"data":{"text":"Note"}})");
  REQUIRE(neither.has_error());
  CHECK(neither.error().message == "at data: missing required field 'noteId' (or 'id')");
}
