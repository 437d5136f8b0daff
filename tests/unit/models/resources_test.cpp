#include <doctest/doctest.h>

#include "leverkit/models/application.hpp"
#include "leverkit/models/contact.hpp"
#include "leverkit/models/posting.hpp"
#include "leverkit/models/user.hpp"
#include "samples.hpp"

using namespace leverkit;

TEST_CASE("user sample decodes") {
  auto r = decode_user(test::sample("user.json"));
  REQUIRE_MESSAGE(r.has_value(), r.error().to_string());
  const User& u = r.value();
  CHECK(u.id == "be129d9b-50da-4485-9377-0d83e981f30b");
  CHECK(u.name == "Nango Seed User 1");
  CHECK(u.username == "nango-seed-1");
  CHECK(u.email == "nango-seed-1@nango.dev");
  CHECK(u.access_role == "interviewer");
  CHECK_FALSE(u.photo);
  CHECK(u.created_at == std::optional<Timestamp>(from_unix_ms(1782972916580)));
  CHECK(u.active());
  CHECK(u.linked_contact_ids.empty());
  CHECK_FALSE(u.job_title);
}

TEST_CASE("user page: deactivated users and errors") {
  auto r = decode_user_page(R"({"data":[{"id":"u1","accessRole":"super admin","deactivatedAt":1700000000000,
      "linkedContactIds":["c1"]}]})");
  REQUIRE_MESSAGE(r.has_value(), r.error().to_string());
  CHECK_FALSE(r.value().data[0].active());
  CHECK(r.value().data[0].access_role == "super admin");
  CHECK(r.value().data[0].linked_contact_ids == std::vector<std::string>{"c1"});
  CHECK_FALSE(r.value().has_next);
  auto bad = decode_user(R"({"id":"u","deactivatedAt":{}})");
  REQUIRE(bad.has_error());
  CHECK(bad.error().message == "at deactivatedAt: expected a timestamp (epoch milliseconds)");
}

TEST_CASE("posting decodes categories, content, salary range and expandable users") {
  auto r = decode_posting(R"({"data":{"id":"p1","text":"Senior Engineer","state":"published",
    "createdAt":1600000000000,"distributionChannels":null,"confidentiality":"non-confidential",
    "user":"u1","owner":{"id":"u2","name":"Owner"},"hiringManager":null,
    "categories":{"team":"Platform","department":"R&D","location":"Berlin","allLocations":["Berlin","Remote"],
                  "commitment":"Full-time","level":null},
    "tags":["a"],"content":{"description":"d","descriptionHtml":"<p>d</p>","lists":[{"text":"Req","content":"<li>x</li>"}],
                            "closing":"c","closingHtml":"<p>c</p>"},
    "country":"DE","followers":["u1",{"id":"u3"}],"reqCode":null,"requisitionCodes":["R-1"],
    "salaryRange":{"min":90000,"max":120000.5,"currency":"EUR","interval":"per-year-salary"},
    "salaryDescription":"nice","urls":{"list":"l","show":"s","apply":"a"},"workplaceType":"hybrid",
    "transcribeInterviews":true}})");
  REQUIRE_MESSAGE(r.has_value(), r.error().to_string());
  const Posting& p = r.value();
  CHECK(p.text == "Senior Engineer");
  CHECK(p.state == "published");
  CHECK(p.distribution_channels.empty());
  CHECK(p.user->id == "u1");
  CHECK(p.owner->object->name == "Owner");
  CHECK_FALSE(p.hiring_manager);
  CHECK(p.categories.all_locations == std::vector<std::string>{"Berlin", "Remote"});
  CHECK(p.categories.team == std::optional<std::string>("Platform"));
  CHECK_FALSE(p.categories.level);
  REQUIRE(p.content);
  CHECK(p.content->lists == std::vector<PostingList>{PostingList{"Req", "<li>x</li>"}});
  CHECK(p.followers.size() == 2);
  CHECK(p.salary_range->min == std::optional<double>(90000));
  CHECK(p.salary_range->max == std::optional<double>(120000.5));
  CHECK(p.urls.apply == std::optional<std::string>("a"));
  CHECK(p.workplace_type == std::optional<std::string>("hybrid"));
  auto bad = decode_posting(R"({"id":"p","categories":{"allLocations":"Berlin"}})");
  REQUIRE(bad.has_error());
  CHECK(bad.error().message == "at categories.allLocations: expected an array");
}

TEST_CASE("contact: location object and phones") {
  auto r = decode_contact(R"({"data":{"id":"c1","name":"Ann","headline":"h","isAnonymized":false,
      "location":{"name":"Oakland"},"emails":["a@x.io","b@x.io"],"phones":[{"type":"mobile","value":"1"}],
      "dataProtection":{"interviewIntelligence":{"allowed":true,"expiresAt":null}}}})");
  REQUIRE_MESSAGE(r.has_value(), r.error().to_string());
  CHECK(r.value().location == std::optional<std::string>("Oakland"));
  CHECK(r.value().emails.size() == 2);
  CHECK(r.value().phones == std::vector<Phone>{Phone{"mobile", "1"}});
  auto null_loc = decode_contact(R"({"id":"c","location":null})").value();
  CHECK_FALSE(null_loc.location);
  auto bad = decode_contact(R"({"id":"c","location":{"name":7}})");
  REQUIRE(bad.has_error());
  CHECK(bad.error().message == "at location.name: expected a string");
}

TEST_CASE("application: phone object, archived, expandable posting") {
  auto r = decode_application(R"({"data":{"id":"a1","opportunityId":"o1","candidateId":"o1",
      "createdAt":1600000000000,"type":"referral","posting":"p1","postingOwner":"u1",
      "postingHiringManager":null,"user":{"id":"u9","name":"Referrer"},"name":"Ann","email":"a@x.io",
      "phone":{"type":"mobile","value":"555"},"company":null,"links":["x"],"comments":"c",
      "customQuestions":[],"archived":{"reason":"r1","archivedAt":1600000000001},
      "requisitionForHire":null,"ipAddress":"1.2.3.4"}})");
  REQUIRE_MESSAGE(r.has_value(), r.error().to_string());
  const Application& a = r.value();
  CHECK(a.opportunity_id == std::optional<std::string>("o1"));
  CHECK(a.type == std::optional<std::string>("referral"));
  CHECK(a.posting->id == "p1");
  CHECK(a.user->object->name == "Referrer");
  CHECK(a.phone == std::optional<Phone>(Phone{"mobile", "555"}));
  CHECK(a.archived == std::optional<ArchivedState>(ArchivedState{"r1", from_unix_ms(1600000000001)}));
  auto bad = decode_application(R"({"id":"a","phone":[{"value":"1"}]})");
  REQUIRE(bad.has_error());
  CHECK(bad.error().message == "at phone: expected a phone object");
}
