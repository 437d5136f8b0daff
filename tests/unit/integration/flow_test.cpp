// The sandbox's synthetic recorded calls (GET /__sandbox/calls), live matching over a snapshot
// read from the sandbox, and run_flow end to end: match → draft → review gate → submit + notes,
// twice, with nothing written twice.
#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include <doctest/doctest.h>

#include "leverkit/integration/flow.hpp"
#include "leverkit/integration/live_match.hpp"
#include "leverkit/integration/recorded_call.hpp"
#include "leverkit/integration/sync.hpp"
#include "write_back_env.hpp"

namespace li = leverkit::integration;
namespace lm = leverkit::match;
using leverkit::testing::write_env::Env;
using leverkit::testing::write_env::read_snapshot;

TEST_CASE("sandbox calls: deterministic recorded calls with transcripts for seeded interviews") {
  Env env(120);
  auto a = li::fetch_sandbox_calls(env.server.base_url(), 14);
  REQUIRE_MESSAGE(a.has_value(), a.error().to_string());
  auto b = li::fetch_sandbox_calls(env.server.base_url() + "/v1", 14);
  REQUIRE(b.has_value());
  REQUIRE(a.value().size() == 14);
  std::set<std::string> ids, interviews;
  int not_in_ats = 0, personal = 0, uploads = 0;
  for (std::size_t i = 0; i < a.value().size(); ++i) {
    const auto& c = a.value()[i];
    CHECK(c.call.id == b.value()[i].call.id);
    CHECK(c.transcript == b.value()[i].transcript);
    CHECK(ids.insert(c.call.id).second);
    CHECK(c.call.end > c.call.start);
    CHECK(c.transcript.find("Candidate") == std::string::npos);  // speakers are named, as recorders label them
    CHECK(c.notes.starts_with("TL;DR: "));
    CHECK(c.recording_url.ends_with(c.call.id));
    CHECK(c.call.participants.size() >= (c.expected_kind == "upload" ? 1u : 2u));
    not_in_ats += c.expected_kind == "not_in_ats";
    uploads += c.expected_kind == "upload";
    personal += c.expected_kind == "personal_email";
    if (c.expected_kind != "not_in_ats") {
      CHECK(interviews.insert(c.expected_interview_id).second);
      auto iv = env.client().get_interview({.opportunity_id = c.expected_opportunity_id, .interview_id = c.expected_interview_id});
      REQUIRE(iv.has_value());
      CHECK(iv.value().date == c.call.start);
      CHECK_FALSE(iv.value().canceled());
    }
  }
  CHECK(not_in_ats == 2);
  CHECK(uploads == 2);
  CHECK(personal == 2);
  auto other_seed = li::fetch_sandbox_calls(env.server.base_url(), 14, 2);
  REQUIRE(other_seed.has_value());
  CHECK(other_seed.value()[0].call.id != a.value()[0].call.id);
  auto bad = env.admin(leverkit::HttpMethod::get, "/__sandbox/calls?count=0");
  CHECK(bad.status == 400);
  CHECK(bad.body.find("count") != std::string::npos);
  CHECK(li::fetch_sandbox_calls(env.server.base_url(), 0).error().code == leverkit::Errc::invalid_argument);
}

TEST_CASE("recorded calls: JSON lines and bare calls are read, errors name the line and field") {
  auto r = li::parse_recorded_calls(
      "{\"call\":{\"id\":\"c1\",\"start\":\"2026-05-01T14:00:00Z\"},\"transcript\":\"A: hi\",\"recording_url\":\"u\"}\n"
      "\n"
      "{\"id\":\"c2\",\"start\":1767225600000}\n");
  REQUIRE_MESSAGE(r.has_value(), r.error().to_string());
  REQUIRE(r.value().size() == 2);
  CHECK(r.value()[0].call.id == "c1");
  CHECK(r.value()[0].transcript == "A: hi");
  CHECK(r.value()[1].call.id == "c2");
  auto bad = li::parse_recorded_calls("{\"call\":{\"id\":\"c1\",\"start\":1767225600000},\"transcript\":42}\n");
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.error().code == leverkit::Errc::decode_error);
  CHECK(bad.error().message.find("line 1.transcript") != std::string::npos);
  auto broken = li::parse_recorded_calls("{\"id\":\"c1\",\"start\":1767225600000}\n{oops\n");
  REQUIRE_FALSE(broken.has_value());
  CHECK(broken.error().message.find("line 2") != std::string::npos);
}

TEST_CASE("tldr: a TL-DR line wins, else the first sentence") {
  CHECK(li::extract_tldr("\n TL;DR: Strong fit. Start in March.\n\n- x") == "Strong fit. Start in March.");
  CHECK(li::extract_tldr("## Call went well. Lots discussed.\nmore") == "Call went well.");
  CHECK(li::extract_tldr("   ").empty());
}

TEST_CASE("live matching: the sandbox's calls link to their interviews, strangers do not") {
  Env env(120);
  auto client = env.client();
  auto calls = li::fetch_sandbox_calls(env.server.base_url(), 14);
  REQUIRE(calls.has_value());
  li::LiveMatcher live(read_snapshot(client));
  std::vector<lm::Call> plain;
  for (const auto& c : calls.value()) plain.push_back(c.call);
  auto results = live.match(plain);
  REQUIRE(results.size() == plain.size());
  int right = 0, wrong = 0;
  for (std::size_t i = 0; i < results.size(); ++i) {
    const auto& m = results[i];
    const auto& want = calls.value()[i];
    if (want.expected_kind == "not_in_ats" || want.expected_kind == "upload") {
      // A stranger, or only a name and a time: never linked automatically, visible to nobody.
      CHECK(m.result.status != lm::MatchStatus::matched);
      CHECK(m.access.viewers.empty());
      continue;
    }
    if (m.result.status != lm::MatchStatus::matched) continue;
    if (m.result.interview_id == want.expected_interview_id) ++right;
    else ++wrong;
    REQUIRE(m.interview.has_value());
    REQUIRE(m.opportunity.has_value());
    CHECK(m.opportunity->id == want.expected_opportunity_id);
    // Every interviewer of the interview may see the call.
    for (const auto& who : m.interview->interviewers) CHECK(li::may_see(m.access, who.id));
  }
  CHECK(wrong == 0);
  CHECK(right >= 8);  // of 10 identifiable recordings; personal-email ones may land in needs_review
}

TEST_CASE("flow: match → draft → review → submit as the interviewer + notes, a second run writes nothing") {
  Env env(120);
  auto client = env.client();
  auto calls = li::fetch_sandbox_calls(env.server.base_url(), 10);
  REQUIRE(calls.has_value());
  li::LiveMatcher live(read_snapshot(client));
  li::MemoryWriteJournal journal;
  int reviews = 0;
  li::FlowOptions o;
  o.review = [&](const li::ReviewRequest& r) {
    ++reviews;
    REQUIRE(r.draft != nullptr);
    CHECK(r.draft->template_id == r.feedback_template->id);
    return li::ReviewDecision{.approve = true, .reviewer_user_id = r.interviewer->id};
  };
  auto first = li::run_flow(client, journal, live, calls.value(), o);
  REQUIRE(first.has_value());
  const auto& r = first.value();
  CHECK(r.errors == 0);
  CHECK(r.matched + r.needs_review + r.no_match == calls.value().size());
  CHECK(r.matched >= 6);
  CHECK(r.notes_created == r.matched);
  CHECK(r.drafts >= 1);
  CHECK(reviews == static_cast<int>(r.drafts));
  std::size_t filled_drafts = 0;
  for (const auto& c : r.calls) {
    if (c.draft && c.draft->filled_count() > 0) ++filled_drafts;
    if (c.match.result.status != lm::MatchStatus::matched) {
      CHECK_FALSE(c.note.has_value());
      CHECK_FALSE(c.feedback.has_value());
    }
    if (c.feedback) CHECK(c.review == "approved by " + c.interviewer_id);
  }
  CHECK(filled_drafts >= 1);  // the transcripts answer objective questions
  CHECK(r.feedback_created + r.feedback_updated + r.already_present >= filled_drafts);
  long notes = env.writes("notes"), feedback = env.writes("feedback");
  CHECK(notes == static_cast<long>(r.notes_created));
  CHECK(feedback == static_cast<long>(r.feedback_created + r.feedback_updated));
  // Same calls again: the journal and Lever say everything is there.
  auto second = li::run_flow(client, journal, live, calls.value(), o);
  REQUIRE(second.has_value());
  CHECK(second.value().notes_created == 0);
  CHECK(second.value().feedback_created == 0);
  CHECK(second.value().feedback_updated == 0);
  CHECK(env.writes("notes") == notes);
  CHECK(env.writes("feedback") == feedback);
  // The report is JSON with the counts.
  auto json = li::to_json(first.value());
  CHECK(json.starts_with("{\"dry_run\":false,\"matched\":"));
  CHECK(json.find("\"calls\":[{\"call_id\":") != std::string::npos);
}

TEST_CASE("flow: nothing is submitted without an approval naming the interviewer") {
  Env env(120);
  auto client = env.client();
  auto calls = li::fetch_sandbox_calls(env.server.base_url(), 8);
  REQUIRE(calls.has_value());
  li::LiveMatcher live(read_snapshot(client));
  li::MemoryWriteJournal journal;
  li::FlowOptions o;
  o.post_notes = false;
  SUBCASE("no reviewer configured") {}
  SUBCASE("approval without a reviewer id") {
    o.review = [](const li::ReviewRequest&) { return li::ReviewDecision{.approve = true}; };
  }
  SUBCASE("a reviewer who is not the interviewer") {
    o.review = [](const li::ReviewRequest&) { return li::ReviewDecision{.approve = true, .reviewer_user_id = "someone-else"}; };
  }
  SUBCASE("declined") {
    o.review = [](const li::ReviewRequest&) { return li::ReviewDecision{.approve = false, .why = "not now"}; };
  }
  auto r = li::run_flow(client, journal, live, calls.value(), o);
  REQUIRE(r.has_value());
  CHECK(r.value().drafts >= 1);
  CHECK(r.value().approved == 0);
  CHECK(r.value().feedback_created == 0);
  CHECK(env.writes("feedback") == 0);
  CHECK(env.writes("notes") == 0);
  for (const auto& c : r.value().calls)
    if (c.draft) CHECK((c.review.starts_with("declined") || c.review.starts_with("not reviewed")));
}

TEST_CASE("flow: a dry run drafts and reviews but writes nothing") {
  Env env(120);
  auto client = env.client();
  auto calls = li::fetch_sandbox_calls(env.server.base_url(), 6);
  REQUIRE(calls.has_value());
  li::LiveMatcher live(read_snapshot(client));
  li::MemoryWriteJournal journal;
  li::FlowOptions o;
  o.dry_run = true;
  o.review = [](const li::ReviewRequest& r) { return li::ReviewDecision{.approve = true, .reviewer_user_id = r.interviewer->id}; };
  auto r = li::run_flow(client, journal, live, calls.value(), o);
  REQUIRE(r.has_value());
  CHECK(r.value().dry_run);
  CHECK(r.value().matched >= 1);
  CHECK(env.writes("notes") == 0);
  CHECK(env.writes("feedback") == 0);
  CHECK(journal.list().value().empty());
}

TEST_CASE("flow over a synced SQLite store: the journal shares its file, a restarted host writes nothing twice") {
  Env env(120);
  auto client = env.client();
  auto path = std::filesystem::temp_directory_path() / "leverkit_flow_store_test.db";
  std::filesystem::remove(path);
  auto calls = li::fetch_sandbox_calls(env.server.base_url(), 8);
  REQUIRE(calls.has_value());
  li::FlowOptions o;
  o.review = [](const li::ReviewRequest& r) { return li::ReviewDecision{.approve = true, .reviewer_user_id = r.interviewer->id}; };
  std::size_t written = 0, notes = 0;
  for (int run = 0; run < 2; ++run) {  // two "processes": each opens the file afresh
    auto store = li::open_sqlite_store(path.string());
    REQUIRE(store.has_value());
    auto synced = li::run_sync(client, *store.value());
    REQUIRE_MESSAGE(synced.has_value(), synced.error().to_string());
    auto live = li::live_matcher_from_store(*store.value());
    REQUIRE(live.has_value());
    CHECK(live.value().snapshot().interviews.size() > 0);
    auto journal = li::SqliteWriteJournal::open(path.string());
    REQUIRE(journal.has_value());
    auto r = li::run_flow(client, *journal.value(), live.value(), calls.value(), o);
    REQUIRE(r.has_value());
    CHECK(r.value().errors == 0);
    CHECK(r.value().matched >= 5);
    std::size_t now_written = r.value().notes_created + r.value().feedback_created + r.value().feedback_updated;
    if (run == 0) {
      written = now_written;
      notes = r.value().notes_created;
      CHECK(notes == r.value().matched);
      CHECK(written > notes);  // and some feedback
    } else {
      CHECK(now_written == 0);
      // Notes are found by the journal; the forms now answer every objective field, so the
      // drafts (made on the interviewer's own form) fill nothing and nothing is sent.
      CHECK(r.value().already_present == notes);
    }
  }
  CHECK(env.writes("notes") + env.writes("feedback") == static_cast<long>(written));
  std::filesystem::remove(path);
  std::filesystem::remove(path.string() + "-wal");
  std::filesystem::remove(path.string() + "-shm");
}
