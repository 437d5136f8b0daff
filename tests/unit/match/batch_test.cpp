// match_batch: one-to-one assignment of interviews to meetings, and duplicate/split grouping of
// groups of any size.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <string>

#include "leverkit/match/matcher.hpp"

using namespace leverkit::match;
using leverkit::parse_iso8601;

namespace {

leverkit::Interview interview(const char* id, const char* when, const char* link) {
  leverkit::Interview iv;
  iv.id = id;
  iv.opportunity_id = "opp1";
  iv.date = parse_iso8601(when).value();
  iv.duration = 45;
  iv.location = link;
  iv.interviewers = {{"u1", "Bob Martin", "bob@acme.com", std::nullopt, std::nullopt}};
  return iv;
}

LeverSnapshot world(bool second_interview) {
  LeverSnapshot s;
  leverkit::Opportunity o;
  o.id = "opp1";
  o.name = "Jane Doe";
  o.emails = {"jane.doe@gmail.com"};
  s.opportunities.push_back(o);
  s.interviews.push_back(interview("iv1", "2026-05-04T15:00:00Z", "https://acme.zoom.us/j/81111111111"));
  if (second_interview) s.interviews.push_back(interview("iv2", "2026-05-05T15:00:00Z", "https://acme.zoom.us/j/82222222222"));
  return s;
}

Call call(std::string id, const char* start, const char* end, const char* link = "https://acme.zoom.us/j/81111111111") {
  Call c;
  c.id = std::move(id);
  c.meeting_type = MeetingType::job_interview;
  c.start = parse_iso8601(start).value();
  c.end = parse_iso8601(end).value();
  c.conference_url = link;
  c.participants = {{"Jane Doe", "jane.doe@gmail.com", ParticipantRole::unknown, ResponseStatus::accepted, {}},
                    {"Bob Martin", "bob@acme.com", ParticipantRole::unknown, ResponseStatus::accepted, {}}};
  return c;
}

}  // namespace

TEST_CASE("one-to-one: two separate meetings matched to one interview alone, in a batch only the stronger keeps it") {
  Index index = Index::build(world(false));
  Matcher m(std::move(index));
  const Call on_time = call("on-time", "2026-05-04T15:00:00Z", "2026-05-04T15:45:00Z");
  const Call later = call("later", "2026-05-04T19:00:00Z", "2026-05-04T19:45:00Z");
  // Precondition: each alone links to iv1 (the later one with a reschedule warning).
  REQUIRE(m.match(on_time).status == MatchStatus::matched);
  auto alone = m.match(later);
  REQUIRE(alone.status == MatchStatus::matched);
  REQUIRE(*alone.interview_id == "iv1");

  for (bool reversed : {false, true}) {
    CAPTURE(reversed);
    std::vector<Call> calls = reversed ? std::vector<Call>{later, on_time} : std::vector<Call>{on_time, later};
    auto r = m.match_batch(calls);
    const auto& win = r[reversed ? 1 : 0];
    const auto& lose = r[reversed ? 0 : 1];
    CHECK(win.status == MatchStatus::matched);
    CHECK(*win.interview_id == "iv1");
    CHECK(lose.status == MatchStatus::needs_review);
    REQUIRE_FALSE(lose.reasons.empty());
    CHECK(lose.reasons.front().code == ReasonCode::interview_already_linked);
    CHECK(lose.reasons.front().message.find("on-time") != std::string::npos);
    CHECK_FALSE(lose.interview_id.has_value());      // no other interview to suggest
    CHECK(lose.opportunity_id.value_or("") == "opp1");  // the candidate is still known
    CHECK(lose.warnings.empty());
    CHECK_FALSE(lose.enrichment.has_value());
    CHECK(lose.explanation.rfind("Needs review: ", 0) == 0);
    CHECK(win.group_role.empty());  // different meetings are not grouped
    CHECK(lose.group_role.empty());
  }
}

TEST_CASE("one-to-one: the demoted recording suggests its next-best interview nobody holds") {
  Index index = Index::build(world(true));
  Matcher m(std::move(index));
  std::vector<Call> calls{call("on-time", "2026-05-04T15:00:00Z", "2026-05-04T15:45:00Z"),
                          call("later", "2026-05-04T19:00:00Z", "2026-05-04T19:45:00Z")};
  auto alone = m.match(calls[1]);
  REQUIRE(alone.status == MatchStatus::matched);
  REQUIRE(alone.candidates.size() >= 2);  // iv2 is in its candidate list
  auto r = m.match_batch(calls);
  CHECK(r[0].status == MatchStatus::matched);
  CHECK(r[1].status == MatchStatus::needs_review);
  REQUIRE(r[1].interview_id);
  CHECK(*r[1].interview_id == "iv2");
  CHECK(r[1].reasons.front().code == ReasonCode::interview_already_linked);
  CHECK(r[1].reasons.front().message.find("iv2") != std::string::npos);
  CHECK(to_json(r[1]).find("\"interview_already_linked\"") != std::string::npos);
}

TEST_CASE("one-to-one leaves duplicate and split recordings of one meeting alone") {
  Index index = Index::build(world(false));
  Matcher m(std::move(index));
  std::vector<Call> split{call("p1", "2026-05-04T15:00:00Z", "2026-05-04T15:20:00Z"),
                          call("p2", "2026-05-04T15:25:00Z", "2026-05-04T15:45:00Z")};
  auto s = m.match_batch(split);
  CHECK(s[0].status == MatchStatus::matched);
  CHECK(s[1].status == MatchStatus::matched);
  CHECK_FALSE(s[0].has_reason(ReasonCode::interview_already_linked));
  CHECK_FALSE(s[1].has_reason(ReasonCode::interview_already_linked));
}

TEST_CASE("grouping works for groups larger than 64: 150 recordings of one meeting, one primary") {
  Index index = Index::build(world(false));
  Matcher m(std::move(index));
  std::vector<Call> calls;
  for (int i = 0; i < 150; ++i) calls.push_back(call("rec" + std::to_string(i), "2026-05-04T15:00:00Z", "2026-05-04T15:45:00Z"));
  auto r = m.match_batch(calls);
  int primary = 0, duplicates = 0;
  for (const auto& x : r) {
    primary += x.group_role == "primary";
    duplicates += x.group_role == "duplicate" && x.has_reason(ReasonCode::duplicate_call);
    CHECK(x.related_call_ids.size() == 149);
  }
  CHECK(primary == 1);
  CHECK(duplicates == 149);
  CHECK(r[0].status == MatchStatus::matched);  // ties keep input order
}

TEST_CASE("grouping a shared room: 100 recordings at once group, 100 back-to-back meetings do not") {
  LeverSnapshot empty;
  Index index = Index::build(std::move(empty));
  Matcher m(std::move(index));
  const char* room = "https://acme.zoom.us/my/acme-boardroom";
  std::vector<Call> same;
  for (int i = 0; i < 100; ++i) same.push_back(call("same" + std::to_string(i), "2026-05-04T15:00:00Z", "2026-05-04T15:30:00Z", room));
  auto r = m.match_batch(same);
  CHECK(std::count_if(r.begin(), r.end(), [](const auto& x) { return x.group_role == "primary"; }) == 1);
  CHECK(std::count_if(r.begin(), r.end(), [](const auto& x) { return x.group_role == "duplicate"; }) == 99);

  // A room key is not an identity: meetings that merely follow each other are separate.
  std::vector<Call> day;
  const auto t0 = parse_iso8601("2026-05-04T00:00:00Z").value();
  for (int i = 0; i < 100; ++i) {
    Call c = call("slot" + std::to_string(i), "2026-05-04T00:00:00Z", "2026-05-04T00:30:00Z", room);
    c.start = t0 + std::chrono::minutes(30 * i);
    c.end = c.start + std::chrono::minutes(30);
    day.push_back(c);
  }
  auto d = m.match_batch(day);
  CHECK(std::all_of(d.begin(), d.end(), [](const auto& x) { return x.group_role.empty() && x.related_call_ids.empty(); }));
}

TEST_CASE("grouping by a unique key chains back-to-back parts across any count") {
  Index index = Index::build(world(false));
  Matcher m(std::move(index));
  // 80 five-minute parts, 2 minutes apart, one meeting id: all one split recording.
  std::vector<Call> parts;
  const auto t0 = parse_iso8601("2026-05-04T09:00:00Z").value();
  for (int i = 0; i < 80; ++i) {
    Call c = call("part" + std::to_string(i), "2026-05-04T09:00:00Z", "2026-05-04T09:05:00Z", "https://acme.zoom.us/j/89999999999");
    c.start = t0 + std::chrono::minutes(7 * i);
    c.end = c.start + std::chrono::minutes(5);
    parts.push_back(c);
  }
  auto r = m.match_batch(parts);
  CHECK(std::count_if(r.begin(), r.end(), [](const auto& x) { return x.group_role == "primary"; }) == 1);
  CHECK(std::count_if(r.begin(), r.end(), [](const auto& x) { return x.group_role == "split_part"; }) == 79);
}
