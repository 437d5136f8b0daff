// Duplicate-safe write-back (leverkit/integration/write_back.hpp) against leverkit-sandbox in
// process: notes with TL;DR + link + marker, feedback created or updated as the interviewer, and
// the proof that N writes under injected faults (500/502/503, reset, truncated, invalid JSON,
// slow) leave exactly N objects in Lever — the sandbox's own write counter agrees.
#include <algorithm>
#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "leverkit/integration/recorded_call.hpp"
#include "leverkit/integration/write_back.hpp"
#include "write_back_env.hpp"

namespace li = leverkit::integration;
using leverkit::Errc;
using leverkit::testing::write_env::Env;

namespace {

struct Fixture {
  Env env;
  leverkit::Client client;
  std::shared_ptr<leverkit::testing::FakeClock> clock = std::make_shared<leverkit::testing::FakeClock>();
  std::shared_ptr<leverkit::testing::FakeSleeper> sleeper = std::make_shared<leverkit::testing::FakeSleeper>(clock);
  li::MemoryWriteJournal journal;

  explicit Fixture(std::chrono::milliseconds timeout = std::chrono::milliseconds(10'000))
      : env(60), client(env.client(3, timeout)) {}

  li::WriteBackOptions options(bool check_first = true) {
    return {.max_attempts = 4, .retry_delay = std::chrono::milliseconds(250), .sleeper = sleeper,
            .check_lever_first = check_first};
  }
  std::vector<std::string> opportunities(std::size_t n) {
    std::vector<std::string> out;
    auto pager = client.list_opportunities({.limit = static_cast<int>(n)});
    for (auto&& o : pager.pages()) {
      REQUIRE(o.has_value());
      for (const auto& x : o.value().data) out.push_back(x.id);
      break;
    }
    return out;
  }
  /// Notes on `opp` whose text holds `marker`.
  int notes_with(const std::string& opp, const std::string& marker) {
    int n = 0;
    for (auto&& r : client.list_notes({.opportunity_id = opp})) {
      REQUIRE(r.has_value());
      for (const auto& c : r.value().comments)
        if (c.value.find(marker) != std::string::npos) ++n;
    }
    return n;
  }
};

li::CallNote note_for(std::string call, std::string opp) {
  return {.call_id = std::move(call),
          .opportunity_id = std::move(opp),
          .tldr = "Strong on distributed systems; wants to start in March.",
          .body = "## Highlights\n- Notice period: 1 month",
          .call_url = "https://notetaker.example/recordings/x"};
}

}  // namespace

TEST_CASE("write-back: a note opens with the TL-DR, links back to the call and carries the call marker") {
  li::CallNote n = note_for("rec-42", "opp");
  std::string text = li::render_note(n);
  CHECK(text.starts_with("TL;DR: Strong on distributed systems"));
  CHECK(text.find("Recording: https://notetaker.example/recordings/x") != std::string::npos);
  CHECK(text.ends_with("[leverkit:call=rec-42]"));
  CHECK(text.find("## Highlights") > text.find("TL;DR"));
}

TEST_CASE("write-back: which failures may have been applied") {
  CHECK(li::write_outcome_ambiguous(leverkit::Error(Errc::server_error, "503")));
  CHECK(li::write_outcome_ambiguous(leverkit::Error(Errc::transport, "reset")));
  CHECK(li::write_outcome_ambiguous(leverkit::Error(Errc::timeout, "slow")));
  CHECK(li::write_outcome_ambiguous(leverkit::Error(Errc::decode_error, "truncated 201")));
  CHECK_FALSE(li::write_outcome_ambiguous(leverkit::mark_not_sent(leverkit::Error(Errc::transport, "refused"))));
  CHECK_FALSE(li::write_outcome_ambiguous(leverkit::Error(Errc::bad_request, "400")));
  CHECK_FALSE(li::write_outcome_ambiguous(leverkit::Error(Errc::forbidden, "403")));
  CHECK_FALSE(li::write_outcome_ambiguous(leverkit::Error(Errc::rate_limited, "429")));
}

TEST_CASE("write-back: posting the same call's note twice writes one note") {
  Fixture f;
  auto opp = f.opportunities(1).at(0);
  li::WriteBack wb(f.client, f.journal, f.options());
  auto first = wb.post_note(note_for("rec-1", opp));
  REQUIRE_MESSAGE(first.has_value(), first.error().to_string());
  CHECK(first.value().action == li::WriteAction::created);
  CHECK(first.value().attempts == 1);
  auto second = wb.post_note(note_for("rec-1", opp));
  REQUIRE(second.has_value());
  CHECK(second.value().action == li::WriteAction::already_present);
  CHECK(second.value().attempts == 0);
  CHECK(second.value().lever_id == first.value().lever_id);
  // A host that lost its journal still finds the note by its marker in Lever.
  li::MemoryWriteJournal fresh;
  li::WriteBack other(f.client, fresh, f.options());
  auto third = other.post_note(note_for("rec-1", opp));
  REQUIRE(third.has_value());
  CHECK(third.value().action == li::WriteAction::already_present);
  CHECK(f.env.writes("notes") == 1);
  CHECK(f.notes_with(opp, li::note_marker("rec-1")) == 1);
  auto e = f.journal.get(li::WriteBack::note_key(note_for("rec-1", opp))).value();
  REQUIRE(e.has_value());
  CHECK(e->status == li::WriteStatus::succeeded);
  CHECK(e->lever_id == first.value().lever_id);
}

TEST_CASE("write-back: one note per call: a call re-matched to another opportunity is a conflict, not a second note") {
  Fixture f;
  auto opps = f.opportunities(2);
  REQUIRE(opps.size() == 2);
  li::WriteBack wb(f.client, f.journal, f.options());
  REQUIRE(wb.post_note(note_for("rec-7", opps[0])).has_value());
  auto moved = wb.post_note(note_for("rec-7", opps[1]));
  REQUIRE_FALSE(moved.has_value());
  CHECK(moved.error().code == Errc::conflict);
  CHECK(moved.error().message.find(opps[0]) != std::string::npos);
  CHECK(f.env.writes("notes") == 1);
  CHECK(f.notes_with(opps[1], li::note_marker("rec-7")) == 0);
}

TEST_CASE("write-back: invalid notes are refused before any request") {
  Fixture f;
  li::WriteBack wb(f.client, f.journal, f.options());
  auto n = note_for("rec-1", "opp");
  n.tldr.clear();
  auto r = wb.post_note(n);
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().code == Errc::invalid_argument);
  CHECK(r.error().message.find("tldr") != std::string::npos);
  CHECK(f.env.writes("notes") == 0);
}

TEST_CASE("write-back: N notes under 500/502/503/reset/truncated/invalid-json/slow faults are exactly N notes in Lever") {
  Fixture f(std::chrono::milliseconds(2000));  // the slow fault trickles for 6 s: the client times out
  auto opps = f.opportunities(3);
  REQUIRE(opps.size() == 3);
  f.env.faults("POST /v1/opportunities/:id/notes",
               R"([500, "reset", 502, "truncate", 503, {"type":"slow","ms":6000}, "invalid-json", "reset", 500, 502])");
  li::WriteBack wb(f.client, f.journal, f.options());
  constexpr int kWrites = 10;
  int recovered = 0, readbacks = 0, attempts = 0;
  for (int k = 0; k < kWrites; ++k) {
    auto r = wb.post_note(note_for(fmt::format("fault-{}", k), opps[static_cast<std::size_t>(k) % 3]));
    REQUIRE_MESSAGE(r.has_value(), r.error().to_string());
    recovered += r.value().action == li::WriteAction::recovered;
    readbacks += r.value().readbacks;
    attempts += r.value().attempts;
  }
  CHECK(f.env.faults_injected() == 10);
  // reset, truncate, slow, invalid-json, reset: applied, reply lost, found by the read (a loaded
  // machine may time out more replies: more recoveries, never more notes).
  CHECK(recovered >= 5);
  CHECK(attempts >= kWrites + 5);  // the five 5xx refusals were re-sent after a read showed nothing
  CHECK(readbacks > kWrites);    // each write read first, and again after every ambiguous failure
  CHECK(f.env.writes("notes") == kWrites);
  for (int k = 0; k < kWrites; ++k)
    CHECK(f.notes_with(opps[static_cast<std::size_t>(k) % 3], li::note_marker(fmt::format("fault-{}", k))) == 1);
  // Re-running the whole batch (a crashed host restarting) writes nothing.
  for (int k = 0; k < kWrites; ++k)
    CHECK(wb.post_note(note_for(fmt::format("fault-{}", k), opps[static_cast<std::size_t>(k) % 3])).value().action ==
          li::WriteAction::already_present);
  CHECK(f.env.writes("notes") == kWrites);
}

TEST_CASE("write-back: when Lever cannot be read after an ambiguous failure, nothing is re-sent until it can") {
  Fixture f;
  auto opp = f.opportunities(1).at(0);
  f.env.faults("POST /v1/opportunities/:id/notes", R"(["reset"])");
  f.env.faults("GET /v1/opportunities/:id/notes", R"([503, 503, 503, 503, 503, 503])");
  li::WriteBack wb(f.client, f.journal, f.options(/*check_first=*/false));
  auto r = wb.post_note(note_for("rec-9", opp));
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().message.find("could not be read back") != std::string::npos);
  auto e = f.journal.get(li::WriteBack::note_key(note_for("rec-9", opp))).value();
  REQUIRE(e.has_value());
  CHECK(e->status == li::WriteStatus::ambiguous);
  CHECK(f.env.writes("notes") == 1);  // the reset write did land
  // Next run (faults gone): the ambiguous entry makes it read first, even with check_lever_first off.
  f.env.admin(leverkit::HttpMethod::delete_, "/__sandbox/faults");
  auto again = wb.post_note(note_for("rec-9", opp));
  REQUIRE_MESSAGE(again.has_value(), again.error().to_string());
  CHECK(again.value().action == li::WriteAction::recovered);
  CHECK(again.value().attempts == 0);
  CHECK(f.env.writes("notes") == 1);
  CHECK(f.notes_with(opp, li::note_marker("rec-9")) == 1);
}

TEST_CASE("write-back: 429 is retried without a read, a 4xx ends the write as failed") {
  Fixture f;
  auto opp = f.opportunities(1).at(0);
  // A 429 means Lever did nothing: the client keeps retrying it within the call's budget
  // (RetryOptions::rate_limited_within_budget), so the storm is absorbed below the write-back.
  f.env.faults("POST /v1/opportunities/:id/notes", R"([429, 429, 429, 429])");
  li::WriteBack wb(f.client, f.journal, f.options(false));
  auto r = wb.post_note(note_for("rec-429", opp));
  REQUIRE_MESSAGE(r.has_value(), r.error().to_string());
  CHECK(r.value().action == li::WriteAction::created);
  CHECK(r.value().readbacks == 0);
  CHECK(r.value().attempts == 1);
  CHECK(f.env.writes("notes") == 1);
  auto bad = wb.post_note(note_for("rec-404", "no-such-opportunity"));
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.error().code == Errc::not_found);
  CHECK(f.journal.get("note:rec-404").value()->status == li::WriteStatus::failed);
  CHECK(f.env.writes("notes") == 1);
}

TEST_CASE("write-back: a write that may have been applied stays ambiguous when a later attempt is refused") {
  // 503 on the first POST (maybe applied), then a 429 storm longer than the call's budget: the
  // refusal proves nothing about the first attempt, so the next run must read Lever first.
  Fixture f(std::chrono::milliseconds(300));
  auto opp = f.opportunities(1).at(0);
  std::string plan = "[503";
  for (int i = 0; i < 3000; ++i) plan += ", 429";
  plan += "]";
  f.env.faults("POST /v1/opportunities/:id/notes", plan);
  auto o = f.options(false);
  o.max_attempts = 2;
  li::WriteBack wb(f.client, f.journal, o);
  auto r = wb.post_note(note_for("rec-sticky", opp));
  REQUIRE_FALSE(r.has_value());
  auto entry = f.journal.get("note:rec-sticky");
  REQUIRE(entry.has_value());
  REQUIRE(entry.value().has_value());
  CHECK(entry.value()->status == li::WriteStatus::ambiguous);
  CHECK(f.env.writes("notes") == 0);
}

// ---------------------------------------------------------------- feedback

namespace {

struct FeedbackCase {
  std::string opportunity, interview, panel, author, template_id;
  leverkit::FeedbackTemplate tmpl;
  std::optional<leverkit::Feedback> existing;
};

/// Interviews of the sandbox's synthetic calls, with an interviewer who has (or has not) a form.
std::optional<FeedbackCase> find_case(Fixture& f, bool with_existing) {
  auto calls = li::fetch_sandbox_calls(f.env.server.base_url(), 40);
  REQUIRE_MESSAGE(calls.has_value(), calls.error().to_string());
  for (const auto& c : calls.value()) {
    if (c.expected_kind == "not_in_ats") continue;
    auto iv = f.client.get_interview({.opportunity_id = c.expected_opportunity_id, .interview_id = c.expected_interview_id});
    REQUIRE_MESSAGE(iv.has_value(), iv.error().to_string());
    for (const auto& who : iv.value().interviewers) {
      if (who.feedback_template.value_or("") != c.expected_template_id) continue;
      std::optional<leverkit::Feedback> existing;
      for (auto&& fb : f.client.list_feedback({.opportunity_id = c.expected_opportunity_id})) {
        REQUIRE(fb.has_value());
        if (fb.value().user && fb.value().user->id == who.id && fb.value().interview == iv.value().id) existing = fb.value();
      }
      if (existing.has_value() != with_existing) continue;
      auto t = f.client.get_feedback_template({.template_id = c.expected_template_id});
      REQUIRE(t.has_value());
      return FeedbackCase{c.expected_opportunity_id, iv.value().id, iv.value().panel.value_or(""), who.id,
                          c.expected_template_id, t.value(), existing};
    }
  }
  return std::nullopt;
}

/// A reviewed feedback body that answers the template's first free-text field.
li::FeedbackWrite write_for(const FeedbackCase& c, std::string text, std::string reviewer) {
  li::FeedbackWrite w;
  w.request.opportunity_id = c.opportunity;
  w.call_id = "rec-fb";
  w.template_fields = c.tmpl.fields;
  w.request.perform_as = std::move(reviewer);
  w.request.body.base_template_id = c.template_id;
  w.request.body.panel = c.panel;
  w.request.body.interview = c.interview;
  for (const auto& field : c.tmpl.fields)
    if (field.type_name == "text" || field.type_name == "textarea") {
      w.request.body.field_values.push_back({.id = field.id, .value = std::move(text)});
      break;
    }
  return w;
}

int forms_of(Fixture& f, const FeedbackCase& c) {
  int n = 0;
  for (auto&& fb : f.client.list_feedback({.opportunity_id = c.opportunity})) {
    REQUIRE(fb.has_value());
    n += fb.value().user && fb.value().user->id == c.author && fb.value().interview == c.interview &&
         fb.value().base_template_id == c.template_id;
  }
  return n;
}

}  // namespace

TEST_CASE("write-back: feedback needs an explicit reviewer") {
  Fixture f;
  li::WriteBack wb(f.client, f.journal, f.options());
  li::FeedbackWrite w;
  w.request.opportunity_id = "opp";
  w.request.body.base_template_id = "t";
  auto r = wb.submit_feedback(w);
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().code == Errc::invalid_argument);
  CHECK(r.error().message.find("reviewer") != std::string::npos);
  CHECK(f.env.writes("feedback") == 0);
}

TEST_CASE("write-back: feedback is created as the interviewer once, then updated instead of duplicated, under faults") {
  Fixture f;
  auto c = find_case(f, /*with_existing=*/false);
  REQUIRE(c.has_value());
  f.env.faults("POST /v1/opportunities/:id/feedback", R"([503, "reset"])");
  li::WriteBack wb(f.client, f.journal, f.options());
  auto w = write_for(*c, "Can start on March 2, 2026.", c->author);
  REQUIRE(w.request.body.field_values.size() == 1);
  auto r = wb.submit_feedback(w);
  REQUIRE_MESSAGE(r.has_value(), r.error().to_string());
  CHECK(r.value().action == li::WriteAction::recovered);  // 503 (not applied) → re-sent → reset after the write
  CHECK(r.value().attempts == 2);
  CHECK(forms_of(f, *c) == 1);
  CHECK(f.env.writes("feedback") == 1);
  // Same values again: nothing to send.
  auto same = wb.submit_feedback(w);
  REQUIRE(same.has_value());
  CHECK(same.value().action == li::WriteAction::already_present);
  // A different value for a field leverkit wrote before is a human-owned value now: kept unless asked.
  auto changed = write_for(*c, "Can start on April 6, 2026.", c->author);
  auto kept = wb.submit_feedback(changed);
  REQUIRE(kept.has_value());
  CHECK(kept.value().kept_fields.size() == 1);
  CHECK(kept.value().action == li::WriteAction::already_present);
  changed.overwrite_existing_values = true;
  auto upd = wb.submit_feedback(changed);
  REQUIRE_MESSAGE(upd.has_value(), upd.error().to_string());
  CHECK(upd.value().action == li::WriteAction::updated);
  CHECK(upd.value().lever_id == r.value().lever_id);
  CHECK(forms_of(f, *c) == 1);
  CHECK(f.env.writes("feedback") == 2);  // one POST + one PUT
  auto form = f.client.get_feedback({.opportunity_id = c->opportunity, .feedback_id = r.value().lever_id});
  REQUIRE(form.has_value());
  CHECK(form.value().user->id == c->author);
  bool seen = false;
  for (const auto& fld : form.value().fields)
    if (fld.id == changed.request.body.field_values[0].id)
      seen = std::get<std::string>(fld.value) == "Can start on April 6, 2026.";
  CHECK(seen);
}

TEST_CASE("write-back: an interviewer who already has a form gets it updated, empty fields only") {
  Fixture f;
  auto c = find_case(f, /*with_existing=*/true);
  REQUIRE(c.has_value());
  li::WriteBack wb(f.client, f.journal, f.options());
  // Fill every empty free-text field of the existing form; filled ones must stay as they are.
  li::FeedbackWrite w = write_for(*c, "x", c->author);
  w.request.body.field_values.clear();
  std::size_t empty = 0, filled_text = 0;
  for (const auto& fld : c->existing->fields) {
    if (fld.type_name != "text" && fld.type_name != "textarea") continue;
    bool is_empty = std::holds_alternative<std::monostate>(fld.value);
    (is_empty ? empty : filled_text) += 1;
    w.request.body.field_values.push_back({.id = fld.id, .value = std::string("From the call: notice period 1 month.")});
  }
  REQUIRE(!w.request.body.field_values.empty());
  auto r = wb.submit_feedback(w);
  REQUIRE_MESSAGE(r.has_value(), r.error().to_string());
  CHECK(r.value().lever_id == c->existing->id);
  CHECK(r.value().kept_fields.size() == filled_text);
  CHECK(r.value().action == (empty > 0 ? li::WriteAction::updated : li::WriteAction::already_present));
  CHECK(forms_of(f, *c) == 1);
  CHECK(f.env.writes("feedback") == (empty > 0 ? 1 : 0));
}

TEST_CASE("write-back: N feedback forms under faults are exactly N forms, zero duplicates") {
  Fixture f;
  auto calls = li::fetch_sandbox_calls(f.env.server.base_url(), 40);
  REQUIRE(calls.has_value());
  // Distinct (interview, interviewer) pairs without a form yet.
  std::vector<FeedbackCase> cases;
  std::map<std::string, bool> seen;
  for (const auto& c : calls.value()) {
    if (c.expected_kind == "not_in_ats" || seen[c.expected_interview_id]) continue;
    seen[c.expected_interview_id] = true;
    auto iv = f.client.get_interview({.opportunity_id = c.expected_opportunity_id, .interview_id = c.expected_interview_id});
    REQUIRE(iv.has_value());
    for (const auto& who : iv.value().interviewers) {
      if (who.feedback_template.value_or("") != c.expected_template_id) continue;
      bool has = false;
      for (auto&& fb : f.client.list_feedback({.opportunity_id = c.expected_opportunity_id}))
        has = has || (fb.value().user && fb.value().user->id == who.id && fb.value().interview == iv.value().id);
      if (has) continue;
      auto t = f.client.get_feedback_template({.template_id = c.expected_template_id});
      cases.push_back({c.expected_opportunity_id, iv.value().id, iv.value().panel.value_or(""), who.id,
                       c.expected_template_id, t.value(), std::nullopt});
      break;
    }
    if (cases.size() == 6) break;
  }
  REQUIRE(cases.size() == 6);
  f.env.faults("POST /v1/opportunities/:id/feedback", R"(["truncate", 500, "reset", 502, "invalid-json", 503, "reset"])");
  li::WriteBack wb(f.client, f.journal, f.options());
  for (const auto& c : cases) {
    auto r = wb.submit_feedback(write_for(c, "From the call.", c.author));
    REQUIRE_MESSAGE(r.has_value(), r.error().to_string());
  }
  CHECK(f.env.faults_injected() == 7);
  CHECK(f.env.writes("feedback") == 6);
  for (const auto& c : cases) CHECK(forms_of(f, c) == 1);
}
