#include <doctest/doctest.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <vector>

#include "leverkit/match/call_json.hpp"
#include "leverkit/match/matcher.hpp"

using namespace leverkit::match;
using leverkit::from_unix_ms;
using leverkit::parse_iso8601;

TEST_CASE("parse_call_json: fields, epoch ms, local time in a zone, errors name the field") {
  auto c = parse_call_json(R"({"id":"c1","title":"Interview","meeting_type":"job_interview","start":"2026-05-04T15:00:00Z",
    "end":1777908600000,"participants":[{"name":"Jane","email":"jane@x.com","role":"candidate","response":"accepted"}],
    "organizer":{"name":"Alice","email":"alice@acme.com"},"conference_url":"https://zoom.us/j/123456789","source":"calendar","extra":1})");
  REQUIRE(c);
  CHECK(c.value().id == "c1");
  CHECK(c.value().participants.size() == 1);
  CHECK(c.value().participants[0].role == ParticipantRole::candidate);
  CHECK(leverkit::to_unix_ms(c.value().end) == 1777908600000);
  CHECK(c.value().organizer->email == "alice@acme.com");

  auto local = parse_call_json(R"({"id":"c2","start":"2026-07-01T10:00:00","timezone":"Europe/Berlin"})");
  REQUIRE(local);
  CHECK(leverkit::to_iso8601(local.value().start) == "2026-07-01T08:00:00.000Z");

  auto bad_start = parse_call_json(R"({"id":"c3","start":"yesterday"})");
  REQUIRE_FALSE(bad_start);
  CHECK(bad_start.error().message.find("start") == 0);
  auto bad_type = parse_call_json(R"({"id":"c4","start":"2026-07-01T10:00:00Z","meeting_type":"party"})");
  REQUIRE_FALSE(bad_type);
  CHECK(bad_type.error().message.find("meeting_type") == 0);
  auto bad_zone = parse_call_json(R"({"id":"c5","start":"2026-07-01T10:00:00Z","timezone":"Mars/Base"})");
  REQUIRE_FALSE(bad_zone);
  CHECK(bad_zone.error().message.find("timezone") == 0);
  CHECK_FALSE(parse_call_json(R"({"start":"2026-07-01T10:00:00Z"})"));
  CHECK_FALSE(parse_call_json("{not json"));
  CHECK_FALSE(parse_call_json(R"({"id":"c6","start":"2026-07-01T10:00:00Z","end":"2026-07-01T09:00:00Z"})"));
}

namespace {

LeverSnapshot tiny_world() {
  LeverSnapshot s;
  leverkit::Opportunity o;
  o.id = "opp1";
  o.name = "Jane Doe";
  o.emails = {"jane.doe@gmail.com"};
  o.location = "Lisbon";
  o.stage = leverkit::Expandable<leverkit::Stage>{"onsite", std::nullopt};
  s.opportunities.push_back(o);
  leverkit::Interview iv;
  iv.id = "iv1";
  iv.panel = "panel1";
  iv.opportunity_id = "opp1";
  iv.date = parse_iso8601("2026-05-04T15:00:00Z").value();
  iv.duration = 45;
  iv.location = "https://acme.zoom.us/j/81111111111";
  iv.interviewers = {{"u1", "Bob Martin", "bob@acme.com", std::nullopt, std::nullopt}};
  iv.postings = {leverkit::Expandable<leverkit::Posting>{"post1", std::nullopt}};
  iv.stage = leverkit::Expandable<leverkit::Stage>{"onsite", std::nullopt};
  s.interviews.push_back(iv);
  leverkit::Posting p;
  p.id = "post1";
  p.text = "Senior Backend Engineer";
  s.postings.push_back(p);
  s.stages.push_back({"onsite", "On-site"});
  return s;
}

Call zoom_call(std::string id, const char* start, const char* end) {
  Call c;
  c.id = std::move(id);
  c.meeting_type = MeetingType::job_interview;
  c.start = parse_iso8601(start).value();
  c.end = parse_iso8601(end).value();
  c.conference_url = "https://acme.zoom.us/j/81111111111";
  c.participants = {{"Jane Doe", "jane.doe@gmail.com", ParticipantRole::unknown, ResponseStatus::accepted, {}},
                    {"Bob Martin", "bob@acme.com", ParticipantRole::unknown, ResponseStatus::accepted, {}}};
  return c;
}

}  // namespace

TEST_CASE("a matched call is enriched and explained, JSON output carries every field") {
  Index index = Index::build(tiny_world());
  Matcher m(std::move(index));
  auto r = m.match(zoom_call("c1", "2026-05-04T15:01:00Z", "2026-05-04T15:44:00Z"));
  REQUIRE(r.status == MatchStatus::matched);
  CHECK(*r.interview_id == "iv1");
  CHECK(*r.opportunity_id == "opp1");
  CHECK(*r.panel_id == "panel1");
  REQUIRE(r.enrichment);
  CHECK(r.enrichment->candidate_name == "Jane Doe");
  CHECK(r.enrichment->job_title == "Senior Backend Engineer");
  CHECK(r.enrichment->stage == "On-site");
  CHECK(r.enrichment->location == "Lisbon");
  CHECK(r.enrichment->profile_url == "https://hire.lever.co/candidates/opp1");
  CHECK(r.probability > 0.97);
  CHECK(r.explanation.find("conference_key") != std::string::npos);
  CHECK(r.explanation.find("candidate_email") != std::string::npos);
  std::string json = to_json(r);
  for (auto key : {"\"call_id\":\"c1\"", "\"status\":\"matched\"", "\"opportunity_id\":\"opp1\"", "\"interview_id\":\"iv1\"",
                   "\"panel_id\":\"panel1\"", "\"reasons\":[]", "\"warnings\":[]", "\"score\":", "\"explanation\":", "\"enrichment\":{"})
    CHECK_MESSAGE(json.find(key) != std::string::npos, key);
}

TEST_CASE("no auto-link on name and time alone") {
  Index index = Index::build(tiny_world());
  Matcher m(std::move(index));
  Call c = zoom_call("c1", "2026-05-04T15:00:00Z", "2026-05-04T15:45:00Z");
  c.conference_url.clear();
  c.participants = {{"Jane Doe", "", ParticipantRole::unknown, ResponseStatus::unknown, {}}};
  auto r = m.match(c);
  CHECK(r.status == MatchStatus::needs_review);
  REQUIRE_FALSE(r.reasons.empty());
  CHECK(r.reasons.front().code == ReasonCode::insufficient_info);
}

TEST_CASE("batch: an overlapping second recording is a duplicate_call, an adjacent one is a split part") {
  Index index = Index::build(tiny_world());
  Matcher m(std::move(index));
  std::vector<Call> calls{zoom_call("a", "2026-05-04T15:00:00Z", "2026-05-04T15:45:00Z"),
                          zoom_call("b", "2026-05-04T15:02:00Z", "2026-05-04T15:40:00Z"),
                          zoom_call("other", "2026-05-09T15:00:00Z", "2026-05-09T15:45:00Z")};
  auto r = m.match_batch(calls);
  REQUIRE(r.size() == 3);
  CHECK(r[0].status == MatchStatus::matched);
  CHECK(r[0].group_role == "primary");
  CHECK(r[1].status == MatchStatus::no_match);
  CHECK(r[1].group_role == "duplicate");
  CHECK(r[1].reasons.front().code == ReasonCode::duplicate_call);
  CHECK(r[1].related_call_ids == std::vector<std::string>{"a"});
  CHECK(*r[1].interview_id == "iv1");
  CHECK(r[2].related_call_ids.empty());

  std::vector<Call> split{zoom_call("p1", "2026-05-04T15:00:00Z", "2026-05-04T15:20:00Z"),
                          zoom_call("p2", "2026-05-04T15:25:00Z", "2026-05-04T15:45:00Z")};
  auto s = m.match_batch(split);
  CHECK(s[0].status == MatchStatus::matched);
  CHECK(s[1].status == MatchStatus::matched);
  CHECK((s[0].group_role == "split_part" || s[1].group_role == "split_part"));
  CHECK(*s[1].interview_id == "iv1");
}

// Correctness only: speed at 10k/100k/1M interviews is measured in bench/match (docs/perf/engines.md).
TEST_CASE("20k unrelated interviews in the index do not crowd out the candidate") {
  LeverSnapshot big = tiny_world();
  for (int i = 0; i < 20000; ++i) {
    leverkit::Interview iv;
    iv.id = "pad" + std::to_string(i);
    iv.date = parse_iso8601("2026-01-01T00:00:00Z").value() + std::chrono::minutes(37 * i);
    iv.duration = 30;
    iv.location = "https://acme.zoom.us/j/7" + std::to_string(100000000 + i);
    big.interviews.push_back(iv);
  }
  Index a = Index::build(tiny_world());
  Index b = Index::build(std::move(big));
  auto ra = Matcher(std::move(a)).match(zoom_call("c", "2026-05-04T15:00:00Z", "2026-05-04T15:45:00Z"));
  auto rb = Matcher(std::move(b)).match(zoom_call("c", "2026-05-04T15:00:00Z", "2026-05-04T15:45:00Z"));
  CHECK(ra.status == MatchStatus::matched);
  CHECK(rb.status == MatchStatus::matched);
  CHECK(*rb.interview_id == "iv1");
  CHECK(*ra.interview_id == "iv1");
}

namespace {
bool has_evidence(const MatchResult& r, std::string_view feature, std::string_view level, double weight) {
  return std::any_of(r.evidence.begin(), r.evidence.end(), [&](const Evidence& e) {
    return e.feature == feature && e.level == level && e.weight == doctest::Approx(weight);
  });
}
}  // namespace

TEST_CASE("an attendee email that is none of the candidate's counts against and warns, with another name it is a conflict") {
  Index index = Index::build(tiny_world());
  Matcher m(std::move(index));
  Call c = zoom_call("c1", "2026-05-04T15:00:00Z", "2026-05-04T15:45:00Z");
  c.participants[0].email = "jane@doe-consulting.example";  // a work address Lever does not have
  auto r = m.match(c);
  REQUIRE(r.status == MatchStatus::matched);  // link, name and time agree
  CHECK(has_evidence(r, "identity_contradicts", "email", -2));
  REQUIRE(r.has_warning(WarningCode::identity_mismatch));
  CHECK(to_json(r).find("\"identity_mismatch\"") != std::string::npos);

  c.participants[0] = {"Sam Other", "sam@other.example", ParticipantRole::unknown, ResponseStatus::accepted, {}};
  r = m.match(c);
  CHECK(r.status == MatchStatus::needs_review);
  REQUIRE_FALSE(r.reasons.empty());
  CHECK(r.reasons.front().code == ReasonCode::identity_conflict);
  CHECK(r.reasons.front().message.find("sam@other.example") != std::string::npos);
  CHECK(r.opportunity_id.value_or("") == "opp1");
  CHECK_FALSE(r.interview_id.has_value());

  // the candidate's own address: no contradiction
  c = zoom_call("c1", "2026-05-04T15:00:00Z", "2026-05-04T15:45:00Z");
  r = m.match(c);
  CHECK_FALSE(r.has_warning(WarningCode::identity_mismatch));
  CHECK(std::none_of(r.evidence.begin(), r.evidence.end(), [](const Evidence& e) { return e.feature == "identity_contradicts"; }));
}

TEST_CASE("a phone that is none of the candidate's counts against, one of theirs is strong evidence") {
  LeverSnapshot s = tiny_world();
  s.opportunities[0].phones = {leverkit::Phone{"mobile", "+1 415 555 0101"}};
  Index index = Index::build(std::move(s));
  Matcher m(std::move(index));
  Call c = zoom_call("c1", "2026-05-04T15:00:00Z", "2026-05-04T15:45:00Z");
  c.participants[0].email.clear();
  c.phone = "+1 212 555 0199";
  auto r = m.match(c);
  CHECK(r.status == MatchStatus::matched);
  CHECK(has_evidence(r, "identity_contradicts", "phone", -2));
  CHECK(r.has_warning(WarningCode::identity_mismatch));
  c.phone = "+1 (415) 555-0101";
  r = m.match(c);
  CHECK(has_evidence(r, "candidate_phone", "exact", 9));
  CHECK_FALSE(r.has_warning(WarningCode::identity_mismatch));
}

TEST_CASE("a name shared by several Lever people weighs less than a unique one") {
  LeverSnapshot s = tiny_world();
  Call c = zoom_call("c1", "2026-05-04T15:00:00Z", "2026-05-04T15:45:00Z");
  c.conference_url.clear();
  c.participants[0].email.clear();
  {
    Index index = Index::build(tiny_world());
    CHECK(has_evidence(Matcher(std::move(index)).match(c), "candidate_name", "exact", 5));
  }
  for (int i = 0; i < 3; ++i) {  // three more Jane Does (other people, no interviews)
    leverkit::Opportunity o;
    o.id = "jd" + std::to_string(i);
    o.name = "Doe Jane";  // token order does not matter
    o.emails = {"jane.doe" + std::to_string(i) + "@example.com"};
    s.opportunities.push_back(o);
  }
  Index index = Index::build(std::move(s));
  auto r = Matcher(std::move(index)).match(c);
  CHECK(has_evidence(r, "candidate_name", "exact_common_name", 3));  // 5 - log2(4)
  // the same person twice (one contact) is not a common name
  LeverSnapshot t = tiny_world();
  leverkit::Opportunity again = t.opportunities[0];
  again.id = "opp1-again";
  again.contact = leverkit::Expandable<leverkit::Contact>{"c-jane", std::nullopt};
  t.opportunities[0].contact = again.contact;
  t.opportunities.push_back(again);
  Index same = Index::build(std::move(t));
  CHECK(has_evidence(Matcher(std::move(same)).match(c), "candidate_name", "exact", 5));
}

TEST_CASE("a Matcher shares its index: it outlives the caller's handle, copies share it, null matches nothing") {
  // The caller's shared_ptr goes out of scope before the matcher is used (ASan would report a
  // use-after-free if the matcher still borrowed it, as it did with `const Index*`).
  auto make = [] {
    auto index = std::make_shared<const Index>(Index::build(tiny_world()));
    Matcher m(index);
    CHECK(index.use_count() == 2);
    return m;
  };
  Matcher m = make();
  CHECK(m.shared_index().use_count() == 1);
  CHECK(m.index().interview_count() > 0);
  auto r = m.match(zoom_call("c1", "2026-05-04T15:01:00Z", "2026-05-04T15:44:00Z"));
  CHECK(r.status == MatchStatus::matched);
  CHECK(r.enrichment->candidate_name == "Jane Doe");

  // A copy shares the same index; the original can go away first.
  std::optional<Matcher> original(std::move(m));
  Matcher copy = *original;
  CHECK(copy.shared_index() == original->shared_index());
  original.reset();
  CHECK(copy.match(zoom_call("c1", "2026-05-04T15:01:00Z", "2026-05-04T15:44:00Z")).status == MatchStatus::matched);

  // Null index: an empty account, every call is no_match, no crash.
  Matcher none(std::shared_ptr<const Index>{});
  CHECK(none.index().interview_count() == 0);
  auto n = none.match(zoom_call("c1", "2026-05-04T15:01:00Z", "2026-05-04T15:44:00Z"));
  CHECK(n.status == MatchStatus::no_match);
  CHECK_FALSE(n.reasons.empty());
  CHECK(none.match_batch(std::vector<Call>{zoom_call("c2", "2026-05-04T15:01:00Z", "2026-05-04T15:44:00Z")}).size() == 1);
}
