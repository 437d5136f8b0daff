// The recording schedule: window, conference filter, enrichment, and the change feed
// (created / rescheduled / updated / canceled, once each, from polling and from webhooks).
#include <chrono>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "leverkit/integration/schedule.hpp"
#include "leverkit/integration/sync.hpp"
#include "sync_env.hpp"

using namespace leverkit::integration;
using namespace std::chrono_literals;
using leverkit::from_unix_ms;

namespace {

constexpr std::int64_t kDay = 86'400'000;
constexpr std::int64_t kT0 = 1'900'000'000'000;  // "now" of these tests

StoredObject iv(std::string id, std::string opp, std::int64_t date, std::string location, std::string extra = {}) {
  return StoredObject{.kind = ObjectKind::interview, .id = id, .parent_id = opp,
                      .json = fmt::format(R"({{"id":"{}","subject":"Onsite","date":{},"duration":45,"location":"{}",)"
                                          R"("stage":"st-1","postings":["po-1"],"panel":"pa-1",)"
                                          R"("interviewers":[{{"id":"u1","name":"Ina","email":"ina@acme.com"}}]{}}})",
                                          id, date, location, extra)};
}

std::shared_ptr<SyncStore> seeded() {
  auto s = make_memory_store();
  StoreBatch b;
  b.upserts = {
      {.kind = ObjectKind::opportunity, .id = "o1", .json = R"({"id":"o1","name":"Zoë Ortega","location":"Berlin","emails":["zoe@example.com"],"stage":"st-2","urls":{"show":"https://hire.lever.co/candidates/o1"}})"},
      {.kind = ObjectKind::user, .id = "u1", .json = R"({"id":"u1","name":"Ina","email":"ina@acme.com","accessRole":"interviewer","jobTitle":"Engineer"})"},
      {.kind = ObjectKind::posting, .id = "po-1", .json = R"({"id":"po-1","text":"Backend Engineer","categories":{"location":"Remote"}})"},
      {.kind = ObjectKind::stage, .id = "st-1", .json = R"({"id":"st-1","text":"On-site"})"},
      {.kind = ObjectKind::stage, .id = "st-2", .json = R"({"id":"st-2","text":"Offer"})"},
      iv("i-zoom", "o1", kT0 + 2 * 3'600'000, "https://acme.zoom.us/j/84012345678"),
      iv("i-phone", "o1", kT0 + 5 * 3'600'000, "Call +1 (415) 555-0100"),
      iv("i-room", "o1", kT0 + 3 * 3'600'000, "Room 4B"),
      iv("i-late", "o1", kT0 + 9 * kDay, "https://meet.google.com/abc-defg-hij"),
      iv("i-past", "o1", kT0 - 3'600'000, "https://meet.google.com/abc-defg-hij"),
      iv("i-cxl", "o1", kT0 + 3'600'000, "https://meet.google.com/abc-defg-hij", R"(,"canceledAt":1)"),
  };
  REQUIRE(s->apply(b).has_value());
  return s;
}

ScheduleOptions window(std::int64_t now) { return {.from = from_unix_ms(now), .to = from_unix_ms(now + 7 * kDay)}; }

std::vector<std::string> kinds(const ScheduleFeed& f) {
  std::vector<std::string> out;
  for (const auto& c : f.changes) out.push_back(fmt::format("{}:{}", to_string(c.kind), c.interview.interview.id));
  std::sort(out.begin(), out.end());
  return out;
}

void put(SyncStore& s, StoredObject o) {
  StoreBatch b;
  b.upserts = {std::move(o)};
  REQUIRE(s.apply(b).has_value());
}

}  // namespace

TEST_CASE("upcoming interviews: window, video or phone only, enriched, ordered by start") {
  auto s = seeded();
  auto up = upcoming_interviews(*s, window(kT0)).value();
  REQUIRE(up.size() == 2);
  CHECK(up[0].interview.id == "i-zoom");
  CHECK(up[1].interview.id == "i-phone");
  const auto& z = up[0];
  REQUIRE(z.conference.link.has_value());
  CHECK(z.conference.link->key == "zoom:84012345678");
  CHECK(up[1].conference.has_phone());
  CHECK(z.enrichment.candidate_name == "Zoë Ortega");
  CHECK(z.enrichment.job_title == "Backend Engineer");
  CHECK(z.enrichment.stage == "On-site");  // the interview's stage, not the opportunity's current one
  CHECK(z.enrichment.location == "Berlin");
  CHECK(z.enrichment.profile_url == "https://hire.lever.co/candidates/o1");
  CHECK(z.enrichment.opportunity_id == "o1");
  CHECK(z.interview.opportunity_id == std::optional<std::string>("o1"));
  CHECK(z.candidate_emails == std::vector<std::string>{"zoe@example.com"});
  REQUIRE(z.interviewers.size() == 1);
  REQUIRE(z.interviewers[0].user.has_value());
  CHECK(z.interviewers[0].user->job_title == std::optional<std::string>("Engineer"));
  // Without the conference filter the room-only interview is listed too.
  auto all = upcoming_interviews(*s, {.from = from_unix_ms(kT0), .to = from_unix_ms(kT0 + 7 * kDay), .require_conference = false});
  CHECK(all.value().size() == 3);
}

TEST_CASE("schedule feed: each change reported once, with its previous time and its source") {
  auto s = seeded();
  auto f1 = poll_schedule(*s, window(kT0)).value();
  CHECK(kinds(f1) == std::vector<std::string>{"created:i-phone", "created:i-zoom"});
  CHECK(poll_schedule(*s, window(kT0)).value().changes.empty());  // nothing new

  // Rescheduled (poll), link changed (updated), canceled by canceledAt, and a new one by webhook.
  put(*s, iv("i-zoom", "o1", kT0 + 4 * 3'600'000, "https://acme.zoom.us/j/84012345678"));
  put(*s, iv("i-phone", "o1", kT0 + 5 * 3'600'000, "https://acme.zoom.us/j/99999999999"));
  auto hooked = iv("i-new", "o1", kT0 + 6 * 3'600'000, "https://meet.google.com/xyz-abcd-efg");
  hooked.source = ObjectSource::webhook;
  put(*s, hooked);
  auto f2 = poll_schedule(*s, window(kT0)).value();
  CHECK(kinds(f2) == std::vector<std::string>{"created:i-new", "rescheduled:i-zoom", "updated:i-phone"});
  for (const auto& c : f2.changes) {
    if (c.kind == ScheduleChangeKind::rescheduled) {
      CHECK(c.previous_start == from_unix_ms(kT0 + 2 * 3'600'000));
      CHECK(c.interview.interview.date == from_unix_ms(kT0 + 4 * 3'600'000));
      CHECK(c.source == ObjectSource::poll);
    }
    if (c.kind == ScheduleChangeKind::created) CHECK(c.source == ObjectSource::webhook);
  }
  // Canceled three ways: canceledAt, a webhook tombstone, gone from the store after a sync.
  put(*s, iv("i-zoom", "o1", kT0 + 4 * 3'600'000, "https://acme.zoom.us/j/84012345678", R"(,"canceledAt":5)"));
  auto dead = *s->get_object(ObjectKind::interview, "i-new").value();
  dead.deleted = true;
  dead.source = ObjectSource::webhook;
  put(*s, dead);
  StoreBatch rm;
  rm.removals = {{ObjectKind::interview, "i-phone"}};
  REQUIRE(s->apply(rm).has_value());
  auto f3 = poll_schedule(*s, window(kT0)).value();
  CHECK(kinds(f3) == std::vector<std::string>{"canceled:i-new", "canceled:i-phone", "canceled:i-zoom"});
  for (const auto& c : f3.changes) {
    if (c.interview.interview.id == "i-new") {
      CHECK(c.source == ObjectSource::webhook);
      CHECK(c.interview.enrichment.candidate_name == "Zoë Ortega");  // the tombstone kept what it was
    }
  }
  CHECK(f3.upcoming.empty());
  CHECK(poll_schedule(*s, window(kT0)).value().changes.empty());
}

TEST_CASE("schedule feed: interviews that start or leave a shrunk window are not changes, and feeds are separate") {
  auto s = seeded();
  REQUIRE(poll_schedule(*s, window(kT0)).has_value());
  // Three hours later the Zoom interview has started: it leaves the list silently.
  auto later = poll_schedule(*s, window(kT0 + 3 * 3'600'000)).value();
  CHECK(later.changes.empty());
  REQUIRE(later.upcoming.size() == 1);
  // Another consumer's feed starts from scratch.
  auto other = poll_schedule(*s, {.from = from_unix_ms(kT0), .to = from_unix_ms(kT0 + 10 * kDay), .feed = "other"}).value();
  CHECK(kinds(other) == std::vector<std::string>{"created:i-late", "created:i-phone", "created:i-zoom"});
  auto shrunk = poll_schedule(*s, {.from = from_unix_ms(kT0), .to = from_unix_ms(kT0 + kDay), .feed = "other"}).value();
  CHECK(shrunk.changes.empty());
}

TEST_CASE("schedule from a sandbox sync: recordable interviews with links, candidates and interviewers") {
  sync_test::SyncEnv env(sync_test::SyncEnv::defaults(300));
  auto client = env.client();
  auto store = make_memory_store();
  REQUIRE(run_sync(client, *store, {}).has_value());
  // The sandbox's history ends on 2026-01-01 and about one panel in ten is scheduled after it.
  ScheduleOptions w{.from = from_unix_ms(1'767'225'600'000), .to = from_unix_ms(1'767'225'600'000 + 365 * kDay)};
  auto feed = poll_schedule(*store, w).value();
  REQUIRE_FALSE(feed.upcoming.empty());
  CHECK(feed.changes.size() == feed.upcoming.size());
  for (const auto& s : feed.upcoming) {
    CHECK((s.conference.has_video() || s.conference.has_phone()));
    CHECK_FALSE(s.interview.canceled());
    CHECK_FALSE(s.enrichment.candidate_name.empty());
    CHECK_FALSE(s.interviewers.empty());
    CHECK(s.interview.date >= w.from);
  }
  auto all = upcoming_interviews(*store, {.from = w.from, .to = w.to, .require_conference = false}).value();
  CHECK(all.size() >= feed.upcoming.size());
}
