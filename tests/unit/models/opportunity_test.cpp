#include <doctest/doctest.h>

#include "leverkit/models/opportunity.hpp"
#include "samples.hpp"

using namespace leverkit;

TEST_CASE("opportunity sample decodes with its real values") {
  auto r = decode_opportunity(test::sample("opportunity.json"));
  REQUIRE_MESSAGE(r.has_value(), r.error().to_string());
  const Opportunity& o = r.value();
  CHECK(o.id == "6408dc54-7015-4e5b-8d60-23afff2b1efc");
  CHECK(o.name == "Nango Seed Candidate 1");
  CHECK(o.headline == std::optional<std::string>("Seed candidate for Nango testing"));
  REQUIRE(o.contact);
  CHECK(o.contact->id == "997fd432-94f6-4613-9fa8-c3d5bd49600b");
  CHECK_FALSE(o.contact->expanded());
  REQUIRE(o.stage);
  CHECK(o.stage->id == "lead-reached-out");
  CHECK(o.confidentiality == std::optional<std::string>("non-confidential"));
  CHECK(o.location == std::optional<std::string>(""));
  REQUIRE(o.phones.size() == 1);
  CHECK(o.phones[0] == Phone{"mobile", "5555550100"});
  CHECK(o.emails == std::vector<std::string>{"nango-seed-candidate-1@example.com"});
  CHECK(o.links.empty());
  REQUIRE(o.archived);
  CHECK(o.archived->reason == std::optional<std::string>("c97322d4-a7f3-4008-948c-4f8e9c58d372"));
  CHECK(o.archived->archived_at == std::optional<Timestamp>(from_unix_ms(1782973996415)));
  CHECK(o.is_archived());
  CHECK(o.tags.size() == 6);
  CHECK(o.tags[2] == "Research & Development");
  CHECK(o.sources == std::vector<std::string>{"Referral"});
  REQUIRE(o.stage_changes.size() == 2);
  CHECK(o.stage_changes[1] == StageChange{"lead-reached-out", 1, "be129d9b-50da-4485-9377-0d83e981f30b",
                                          from_unix_ms(1782974004990)});
  CHECK(o.origin == std::optional<std::string>("sourced"));
  REQUIRE(o.sourced_by);
  CHECK(o.sourced_by->id == "32bc4d3b-1aa6-4e2b-92d0-2e575047001e");
  REQUIRE(o.owner);
  CHECK(o.owner->id == "32bc4d3b-1aa6-4e2b-92d0-2e575047001e");
  REQUIRE(o.followers.size() == 1);
  REQUIRE(o.applications.size() == 1);
  CHECK(o.applications[0].id == "7278da68-141b-4203-b209-8ca6c0fa1f2d");
  CHECK(o.created_at == std::optional<Timestamp>(from_unix_ms(1782972986091)));
  CHECK(o.updated_at == std::optional<Timestamp>(from_unix_ms(1782974048515)));
  CHECK(o.last_interaction_at == std::optional<Timestamp>(from_unix_ms(1782974048514)));
  CHECK_FALSE(o.snoozed_until);
  CHECK(o.urls.show == std::optional<std::string>(
                           "https://hire.lever.co/candidates/6408dc54-7015-4e5b-8d60-23afff2b1efc"));
  CHECK_FALSE(o.is_anonymized);
  CHECK(o.opportunity_location == std::optional<std::string>("San Francisco, CA"));
  CHECK_FALSE(o.deleted_at);
}

TEST_CASE("list_page_opportunities sample: three records, hasNext and the next token") {
  auto r = decode_opportunity_page(test::sample("list_page_opportunities.json"));
  REQUIRE_MESSAGE(r.has_value(), r.error().to_string());
  const auto& page = r.value();
  REQUIRE(page.data.size() == 3);
  CHECK(page.has_next);
  CHECK(page.next == std::optional<std::string>(
                         "%5B105.5%2C1585613457080%2C%22055da381-c091-4796-8ebc-d20f26b89c1c%22%5D"));
  CHECK(page.more());
  CHECK(page.data[0].name == "Shane Smith");
  CHECK(page.data[0].phones == std::vector<Phone>{Phone{std::nullopt, "(123) 456-7891"}});
  CHECK(page.data[0].followers.size() == 3);
  CHECK(page.data[0].stage_changes.size() == 1);
  CHECK(page.data[0].snoozed_until == std::optional<Timestamp>(from_unix_ms(1505971500000)));
  CHECK_FALSE(page.data[0].archived);  // legacy pair both null
  CHECK_FALSE(page.data[0].is_archived());
  CHECK(page.data[1].name == "Chaofan West");
  CHECK(page.data[2].name == "Roberta Easton");
  CHECK_FALSE(page.data[2].origin);
  CHECK(page.data[2].links == std::vector<std::string>{"https://linkedin.com/in/roberta-e"});
}

TEST_CASE("expanded stage, owner, followers, applications, contact and sourcedBy decode as objects") {
  const char* doc = R"({"data":{
    "id":"o1","name":"Ann",
    "stage":{"id":"applicant-new","text":"New applicant"},
    "owner":{"id":"u1","name":"Owner","email":"o@x.io","accessRole":"admin"},
    "sourcedBy":{"id":"u2","name":"Src"},
    "followers":["u1",{"id":"u3","name":"Follower"}],
    "contact":{"id":"c1","name":"Ann","location":{"name":"Berlin"},"emails":["a@x.io"],
               "phones":[{"type":"work","value":"+49"}],"isAnonymized":false},
    "applications":[{"id":"a1","opportunityId":"o1","type":"posting",
                     "posting":{"id":"p1","text":"Engineer"},"phone":{"type":null,"value":"1"}}]}})";
  auto r = decode_opportunity(doc);
  REQUIRE_MESSAGE(r.has_value(), r.error().to_string());
  const auto& o = r.value();
  REQUIRE(o.stage);
  REQUIRE(o.stage->expanded());
  CHECK(o.stage->object->text == "New applicant");
  CHECK(o.stage->id == "applicant-new");
  REQUIRE(o.owner);
  CHECK(o.owner->object->access_role == "admin");
  CHECK(o.sourced_by->object->name == "Src");
  REQUIRE(o.followers.size() == 2);
  CHECK_FALSE(o.followers[0].expanded());
  CHECK(o.followers[1].object->name == "Follower");
  CHECK(o.contact->object->location == std::optional<std::string>("Berlin"));
  CHECK(o.contact->object->phones[0].type == std::optional<std::string>("work"));
  REQUIRE(o.applications.size() == 1);
  const auto& app = *o.applications[0].object;
  CHECK(app.posting->object->text == "Engineer");
  CHECK(app.phone == std::optional<Phone>(Phone{std::nullopt, "1"}));
}

TEST_CASE("opportunity decode errors name the JSON path") {
  auto bad_email = decode_opportunity_page(R"({"data":[{"id":"a"},{"id":"b","emails":["x",3]}]})");
  REQUIRE(bad_email.has_error());
  CHECK(bad_email.error().code == Errc::decode_error);
  CHECK(bad_email.error().message == "at data[1].emails[1]: expected a string");
  auto no_id = decode_opportunity(R"({"data":{"name":"x"}})");
  REQUIRE(no_id.has_error());
  CHECK(no_id.error().message == "at data: missing required field 'id'");
  auto bad_stage = decode_opportunity(R"({"id":"a","stage":5})");
  REQUIRE(bad_stage.has_error());
  CHECK(bad_stage.error().message == "at stage: expected an id string or an expanded object");
  auto bad_time = decode_opportunity(R"({"id":"a","createdAt":"yesterday"})");
  REQUIRE(bad_time.has_error());
  CHECK(bad_time.error().message == "at createdAt: expected a timestamp (epoch milliseconds)");
  auto bad_archived = decode_opportunity(R"({"id":"a","archived":{"reason":1}})");
  REQUIRE(bad_archived.has_error());
  CHECK(bad_archived.error().message == "at archived.reason: expected a string");
  auto bad_followers = decode_opportunity(R"({"id":"a","followers":{"id":"u"}})");
  REQUIRE(bad_followers.has_error());
  CHECK(bad_followers.error().message == "at followers: expected an array");
}

TEST_CASE("opportunity nulls: optional fields stay empty, lists empty") {
  auto r = decode_opportunity(R"({"id":"a","name":null,"headline":null,"stage":null,"owner":null,
    "emails":null,"phones":null,"tags":null,"followers":null,"archived":null,"urls":null,
    "isAnonymized":null,"createdAt":null})");
  REQUIRE_MESSAGE(r.has_value(), r.error().to_string());
  const auto& o = r.value();
  CHECK(o.name.empty());
  CHECK_FALSE(o.headline);
  CHECK_FALSE(o.stage);
  CHECK_FALSE(o.owner);
  CHECK(o.emails.empty());
  CHECK(o.followers.empty());
  CHECK_FALSE(o.archived);
  CHECK_FALSE(o.created_at);
}
