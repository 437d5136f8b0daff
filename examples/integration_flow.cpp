// integration_flow — the whole notetaker loop on Lever, end to end:
//   connect → check permissions → sync → recording schedule (with links) → recorded calls with
//   transcripts → match + enrich (+ who may see each call) → draft feedback (autofill) → the
//   review → submit as the interviewer + post AI notes with a TL;DR and a link back → what Lever
//   now holds → the same run again, to show that nothing is written twice.
//
// Without LEVER_API_KEY it starts leverkit-sandbox in process (or uses the local sandbox that
// LEVER_BASE_URL points at) and takes the sandbox's synthetic recorded calls. With LEVER_API_KEY
// pointing at Lever it is read-mostly: it syncs and prints the schedule, and only with a calls
// file (`--calls FILE`) matches and drafts; it writes to Lever only with `--write`.
// Exit status: 0 when every write landed exactly once (1 on errors or duplicates).
#include <chrono>
#include <fmt/format.h>
#include <cstring>
#include <iostream>
#include <map>

#include "demo_support.hpp"
#include "leverkit/fmt.hpp"
#include "leverkit/integration/flow.hpp"
#include "leverkit/integration/schedule.hpp"

namespace {

using Clock = std::chrono::steady_clock;
namespace li = leverkit::integration;

void step(int n, std::string_view title) { fmt::print("\n[{}] {}\n", n, title); }

std::string day_time(leverkit::Timestamp t) {
  auto days = std::chrono::floor<std::chrono::days>(t);
  std::chrono::year_month_day ymd{days};
  auto hm = std::chrono::hh_mm_ss(std::chrono::floor<std::chrono::minutes>(t - days));
  return fmt::format("{:04}-{:02}-{:02} {:02}:{:02}Z", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                     static_cast<unsigned>(ymd.day()), hm.hours().count(), hm.minutes().count());
}

/// writes.<resource> of a local sandbox's /__sandbox/stats (-1 when unavailable).
long sandbox_writes(const std::string& base_url, std::string_view resource) {
  auto t = leverkit::make_curl_transport();
  if (!t) return -1;
  leverkit::HttpRequest req;
  req.url = base_url.substr(0, base_url.size() - 3) + "/__sandbox/stats";  // strip "/v1"
  auto r = t.value()->send(req, {});
  if (!r || r.value().status != 200) return -1;
  const std::string& b = r.value().body;
  auto w = b.find("\"writes\"");
  auto k = w == std::string::npos ? w : b.find(fmt::format("\"{}\":", resource), w);
  return k == std::string::npos ? 0 : std::stol(b.substr(k + resource.size() + 3));
}

}  // namespace

int main(int argc, char** argv) {
  bool write_flag = false;
  const char* calls_file = nullptr;
  int count = 12;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--write") == 0) write_flag = true;
    else if (std::strcmp(argv[i], "--calls") == 0 && i + 1 < argc) calls_file = argv[++i];
    else if (std::strcmp(argv[i], "--count") == 0 && i + 1 < argc) count = std::atoi(argv[++i]);
    else {
      std::cerr << "usage: integration_flow [--calls FILE] [--count N] [--write]\n";
      return 2;
    }
  }
  const auto t0 = Clock::now();

  step(1, "Connect");
  auto conn = demo::connect(400);
  if (!conn) return std::cerr << "integration_flow: " << conn.error().to_string() << '\n', 1;
  const leverkit::Client& client = *conn.value().client;
  const bool local = conn.value().local;
  const bool writes = local || write_flag;
  fmt::print("  Lever API at {} ({}; {})\n", client.base_url(), local ? "local leverkit-sandbox" : "Lever",
             writes ? "writes enabled" : "read-mostly: nothing is written without --write");

  step(2, "Check permissions (leverkit::check_connection: probes that cannot change anything)");
  auto perms = demo::check_permissions(client);
  if (!perms) return std::cerr << "integration_flow: " << perms.error().to_string() << '\n', 1;
  int missing_reads = 0;
  for (const auto& p : perms.value().permissions) {
    fmt::print("  {:<32} {:<14} {}\n", p.scope, leverkit::to_string(p.status), p.feature);
    const bool needed = p.scope == "opportunities:read:admin" || p.scope == "interviews:read:admin" ||
                        p.scope == "users:read:admin" || p.scope == "panels:read:admin";
    if (needed && p.status == leverkit::PermissionStatus::missing) ++missing_reads;
  }
  if (missing_reads > 0) return std::cerr << "integration_flow: the key cannot read what the flow needs\n", 1;

  step(3, "Sync the account into a store");
  auto store = demo::sync_account(client);
  if (!store) return std::cerr << "integration_flow: sync: " << store.error().to_string() << '\n', 1;

  step(4, "Recording schedule: interviews a notetaker can join");
  // The sandbox's generated history ends on 2026-01-01: its "upcoming" interviews follow that day.
  leverkit::Timestamp from = local ? leverkit::from_unix_ms(1767225600000)
                                   : std::chrono::floor<std::chrono::milliseconds>(std::chrono::system_clock::now());
  auto upcoming = li::upcoming_interviews(*store.value(), {.from = from, .to = from + std::chrono::days(14)});
  if (!upcoming) return std::cerr << "integration_flow: schedule: " << upcoming.error().to_string() << '\n', 1;
  fmt::print("  {} interviews from {} over 14 days have a video link or a phone number\n", upcoming.value().size(),
             day_time(from));
  for (std::size_t i = 0; i < upcoming.value().size() && i < 8; ++i) {
    const auto& s = upcoming.value()[i];
    std::string join = s.conference.join_url.value_or(s.conference.phone.value_or(""));
    fmt::print("  {}  {:<24.24} {:<22.22} {}\n", day_time(s.interview.date), s.enrichment.candidate_name,
               s.enrichment.job_title, join);
  }

  step(5, "Recorded calls with transcripts");
  auto calls = demo::load_calls(conn.value(), calls_file, count);
  if (!calls) {
    fmt::print("  {}\n  (stopping here: nothing to match)\n", calls.error().message);
    return 0;
  }
  fmt::print("  {} calls{}\n", calls.value().size(), local && !calls_file ? " from the sandbox (GET /__sandbox/calls)" : "");

  step(6, "Match and enrich");
  auto snapshot = store.value()->load_snapshot();
  if (!snapshot) return std::cerr << "integration_flow: " << snapshot.error().to_string() << '\n', 1;
  li::LiveMatcher matcher(std::move(snapshot).value());
  {
    std::vector<leverkit::match::Call> plain;
    for (const auto& c : calls.value()) plain.push_back(c.call);
    for (const auto& m : matcher.match(plain)) {
      const auto& r = m.result;
      fmt::print("  {:<14} {:<12}", r.call_id, leverkit::match::to_string(r.status));
      if (r.enrichment)
        fmt::print(" {} · {} · {} · {} may see it", r.enrichment->candidate_name, r.enrichment->job_title,
                   r.enrichment->stage, m.access.viewers.size());
      else if (!r.reasons.empty())
        fmt::print(" {}", leverkit::match::to_string(r.reasons.front().code));
      fmt::print("\n");
    }
  }

  step(7, "Draft feedback, show the review, submit; post notes with a TL;DR");
  li::MemoryWriteJournal journal;
  li::FlowOptions o;
  o.dry_run = !writes;
  o.on_event = [](std::string_view line) {
    if (line.find(": note ") != std::string_view::npos || line.find(": feedback ") != std::string_view::npos ||
        line.find("would ") != std::string_view::npos)
      fmt::print("    {}\n", line);
  };
  o.review = [](const li::ReviewRequest& r) {
    fmt::print("  ── review: {} · \"{}\" for {}{}\n", r.call->call.id, r.feedback_template->text, r.interviewer->name,
               r.existing_feedback_id ? " (updates their form)" : "");
    std::size_t skipped = 0;
    for (const auto& f : r.draft->fields) {
      if (f.decision != leverkit::autofill::Decision::filled) {
        ++skipped;
        continue;
      }
      fmt::print("     ✔ {}: {}  ← \"{}\"\n", f.text, leverkit::autofill::field_value_to_json(f.value),
                 f.evidence.empty() ? std::string() : f.evidence.front().quote);
    }
    fmt::print("     · {} field(s) left for the interviewer (ratings, judgements, nothing said)\n", skipped);
    // The demo approves on the interviewer's behalf, naming them; `leverkit flow` asks the person.
    fmt::print("     approved by {} ({})\n", r.interviewer->name, r.interviewer->id);
    return li::ReviewDecision{.approve = true, .reviewer_user_id = r.interviewer->id};
  };
  auto report = li::run_flow(client, journal, matcher, calls.value(), o);
  if (!report) return std::cerr << "integration_flow: " << report.error().to_string() << '\n', 1;
  const auto& r = report.value();
  for (const auto& c : r.calls)
    for (const auto& e : c.errors) fmt::print("  ERROR {}: {}\n", c.call_id, e);

  step(8, "What Lever holds now");
  std::size_t duplicates = 0, checked = 0;
  for (const auto& c : r.calls) {
    if (!c.note && !c.feedback) continue;
    const std::string opp = *c.match.result.opportunity_id;
    if (c.note) {
      int copies = 0;
      std::string first_line;
      for (auto&& n : client.list_notes({.opportunity_id = opp})) {
        if (!n) break;
        for (const auto& cm : n.value().comments)
          if (cm.value.find(li::note_marker(c.call_id)) != std::string::npos) {
            ++copies;
            first_line = cm.value.substr(0, cm.value.find('\n'));
          }
      }
      ++checked;
      duplicates += copies > 1 ? static_cast<std::size_t>(copies - 1) : 0;
      fmt::print("  note {} on {}: {} ({} cop{})\n", c.note->lever_id, opp, first_line, copies, copies == 1 ? "y" : "ies");
    }
    if (c.feedback) {
      auto fb = client.get_feedback({.opportunity_id = opp, .feedback_id = c.feedback->lever_id});
      if (fb) {
        std::size_t answered = 0;
        for (const auto& f : fb.value().fields) answered += std::holds_alternative<std::monostate>(f.value) ? 0 : 1;
        int forms = 0;
        for (auto&& x : client.list_feedback({.opportunity_id = opp}))
          if (x && x.value().user && x.value().user->id == c.interviewer_id &&
              x.value().interview == c.match.result.interview_id && x.value().base_template_id == c.template_id)
            ++forms;
        ++checked;
        duplicates += forms > 1 ? static_cast<std::size_t>(forms - 1) : 0;
        fmt::print("  feedback {} \"{}\" by {}: {} of {} fields answered ({} form{} by this interviewer)\n", fb.value().id,
                   fb.value().text, c.interviewer_id, answered, fb.value().fields.size(), forms, forms == 1 ? "" : "s");
      }
    }
  }

  step(9, "Run the same flow again: the journal and Lever both say it is done");
  li::FlowOptions again = o;
  again.review = [](const li::ReviewRequest& rr) {
    return li::ReviewDecision{.approve = true, .reviewer_user_id = rr.interviewer->id};
  };
  again.on_event = {};
  auto second = li::run_flow(client, journal, matcher, calls.value(), again);
  if (!second) return std::cerr << "integration_flow: " << second.error().to_string() << '\n', 1;
  fmt::print("  second run: {} notes posted, {} feedback created, {} updated, {} already in Lever\n",
             second.value().notes_created, second.value().feedback_created, second.value().feedback_updated,
             second.value().already_present);
  long note_writes = local ? sandbox_writes(client.base_url(), "notes") : -1;
  long feedback_writes = local ? sandbox_writes(client.base_url(), "feedback") : -1;
  if (note_writes >= 0)
    fmt::print("  sandbox write counters: notes {}, feedback {} (the flow made {} notes and {} forms/updates)\n", note_writes,
               feedback_writes, r.notes_created, r.feedback_created + r.feedback_updated);

  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t0).count();
  fmt::print("\nSummary: {} calls: {} matched, {} needs_review, {} no_match; {} drafts, {} approved; {} notes, "
             "{} feedback created, {} updated; {} objects checked, {} duplicates; {} errors; {} ms{}\n",
             calls.value().size(), r.matched, r.needs_review, r.no_match, r.drafts, r.approved, r.notes_created,
             r.feedback_created, r.feedback_updated, checked, duplicates, r.errors + second.value().errors, ms,
             r.dry_run ? " (dry run: nothing written)" : "");
  const bool second_wrote = second.value().notes_created + second.value().feedback_created + second.value().feedback_updated > 0;
  const bool counters_off = note_writes >= 0 && note_writes != static_cast<long>(r.notes_created);
  return (duplicates == 0 && r.errors == 0 && second.value().errors == 0 && !second_wrote && !counters_off) ? 0 : 1;
}
