// `leverkit flow` — recorded calls → Lever: sync, match, draft, review, submit feedback and notes.
//
// Credentials: LEVER_API_KEY (never printed); the API host: --base-url, else LEVER_BASE_URL, else
// https://api.lever.co/v1. Calls come from --calls FILE (JSON lines or {"data":[…]}, see
// recorded_call.hpp) or, against a local leverkit-sandbox, from --sandbox-calls N.
// Review: interactive by default (the draft is shown and the interviewer confirms with their
// Lever user id or e-mail); for scripts --yes --reviewer ID|EMAIL approves the drafts made for
// that reviewer and nothing else. Without a reviewer nothing is submitted. Every write goes
// through the write journal (SQLite, in the --store file), so re-running writes nothing twice.
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>

#include <fmt/format.h>

#include "commands.hpp"
#include "leverkit/fmt.hpp"
#include "leverkit/client/client.hpp"
#include "leverkit/integration/flow.hpp"
#include "leverkit/integration/sync.hpp"
#include "leverkit/integration/sync_store.hpp"
#include "leverkit/integration/write_journal.hpp"

namespace leverkit::inline v0::cli {
namespace {

struct FlowArgs {
  std::string base_url, store = "leverkit.db", calls_file, reviewer;
  int sandbox_calls = 0, sandbox_seed = 1;
  bool json = false, yes = false, dry_run = false, no_notes = false, no_feedback = false, no_sync = false;
};

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

[[noreturn]] void fail(const std::string& what, const Error& e) {
  throw std::runtime_error(fmt::format("flow: {}: {}", what, e.to_string()));
}

void print_draft(std::ostream& os, const integration::ReviewRequest& r) {
  os << fmt::format("\n── {} · {} · {}\n", r.call->call.id, r.call->call.title, r.feedback_template->text);
  if (r.match->opportunity) os << fmt::format("   candidate: {}\n", r.match->opportunity->name);
  os << fmt::format("   form of: {} <{}>{}\n", r.interviewer->name, r.interviewer->email,
                    r.existing_feedback_id ? fmt::format(" (updates their form {})", *r.existing_feedback_id) : "");
  for (const auto& f : r.draft->fields) {
    if (f.decision == autofill::Decision::filled) {
      os << fmt::format("   ✔ {}: {}", f.text, autofill::field_value_to_json(f.value));
      if (!f.evidence.empty()) os << fmt::format("   ← \"{}\"", f.evidence.front().quote);
      os << '\n';
    } else {
      os << fmt::format("   · {} — left for you ({})\n", f.text, f.skip ? autofill::to_string(*f.skip) : "skipped");
    }
  }
}

int run(const FlowArgs& a) {
  const char* key = std::getenv("LEVER_API_KEY");
  if (!key || !*key) throw std::runtime_error("flow: set LEVER_API_KEY (the key is never printed)");
  ClientOptions options = ClientOptions::from_environment();
  if (!a.base_url.empty()) options.base_url = a.base_url;
  auto client = Client::create(std::make_shared<ApiKeyCredentials>(key), options);
  if (!client) fail("connecting", client.error());
  std::ostream& log = a.json ? std::cerr : std::cout;

  // 1. sync into the store (the same file holds the write journal)
  auto store = integration::open_sqlite_store(a.store);
  if (!store) fail(fmt::format("opening --store {}", a.store), store.error());
  if (!a.no_sync) {
    auto report = integration::run_sync(client.value(), *store.value());
    if (!report) fail("sync", report.error());
    log << fmt::format("sync: {} opportunities, {} interviews, {} users ({})\n", report.value().opportunities,
                       report.value().interviews, report.value().users,
                       report.value().incremental ? "incremental" : "backfill");
  }
  auto snapshot = store.value()->load_snapshot();
  if (!snapshot) fail("loading the snapshot", snapshot.error());
  auto journal = integration::SqliteWriteJournal::open(a.store);
  if (!journal) fail("opening the write journal", journal.error());

  // 2. calls
  std::vector<integration::RecordedCall> calls;
  if (!a.calls_file.empty()) {
    std::ifstream in(a.calls_file, std::ios::binary);
    if (!in) throw std::runtime_error(fmt::format("flow: cannot read --calls file \"{}\"", a.calls_file));
    std::stringstream ss;
    ss << in.rdbuf();
    auto parsed = integration::parse_recorded_calls(ss.str());
    if (!parsed) fail(fmt::format("reading {}", a.calls_file), parsed.error());
    calls = std::move(parsed).value();
  } else if (a.sandbox_calls > 0) {
    auto fetched = integration::fetch_sandbox_calls(client.value().base_url(), a.sandbox_calls, a.sandbox_seed);
    if (!fetched) fail("fetching sandbox calls", fetched.error());
    calls = std::move(fetched).value();
  } else {
    throw std::runtime_error("flow: give --calls FILE or --sandbox-calls N");
  }

  // 3. reviewer: explicit, resolved to a Lever user id
  std::string reviewer_id;
  if (!a.reviewer.empty()) {
    for (const auto& u : snapshot.value().users)
      if (u.id == a.reviewer || lower(u.email) == lower(a.reviewer)) reviewer_id = u.id;
    if (reviewer_id.empty())
      throw std::runtime_error(fmt::format("flow: --reviewer {} is not a Lever user of this account", a.reviewer));
  }
  if (a.yes && reviewer_id.empty() && !a.no_feedback)
    throw std::runtime_error("flow: --yes needs --reviewer ID|EMAIL (feedback is never submitted without a reviewer)");

  integration::FlowOptions fo;
  fo.dry_run = a.dry_run;
  fo.post_notes = !a.no_notes;
  fo.submit_feedback = !a.no_feedback;
  fo.on_event = [&](std::string_view line) { log << "  " << line << '\n'; };
  const auto& users = snapshot.value().users;
  fo.review = [&](const integration::ReviewRequest& r) -> integration::ReviewDecision {
    if (a.yes) {
      if (r.interviewer->id != reviewer_id)
        return {.approve = false, .why = fmt::format("--reviewer is not {}", r.interviewer->name)};
      print_draft(log, r);
      return {.approve = true, .reviewer_user_id = reviewer_id};
    }
    // With --json stdout carries only the report: the review goes to stderr.
    std::ostream& ui = a.json ? std::cerr : std::cout;
    print_draft(ui, r);
    ui << fmt::format("   Submit as {}? Type your Lever user id or e-mail to confirm, Enter to skip: ", r.interviewer->name)
       << std::flush;
    std::string answer;
    if (!std::getline(std::cin, answer) || answer.empty()) return {.approve = false, .why = "skipped in the prompt"};
    for (const auto& u : users)
      if (u.id == answer || lower(u.email) == lower(answer)) return {.approve = true, .reviewer_user_id = u.id};
    return {.approve = false, .why = fmt::format("\"{}\" is not a Lever user", answer)};
  };

  integration::LiveMatcher matcher(std::move(snapshot).value());
  auto report = integration::run_flow(client.value(), *journal.value(), matcher, calls, fo);
  if (!report) fail("flow", report.error());
  const auto& r = report.value();
  if (a.json) {
    std::cout << integration::to_json(r) << '\n';
  } else {
    std::cout << fmt::format(
        "\nflow: {} calls: {} matched, {} need review, {} not matched; {} drafts, {} approved; "
        "{} notes posted, {} feedback created, {} updated, {} already in Lever; {} errors{}\n",
        calls.size(), r.matched, r.needs_review, r.no_match, r.drafts, r.approved, r.notes_created, r.feedback_created,
        r.feedback_updated, r.already_present, r.errors, r.dry_run ? " (dry run: nothing written)" : "");
    for (const auto& c : r.calls)
      for (const auto& e : c.errors) std::cout << fmt::format("  {}: {}\n", c.call_id, e);
  }
  return r.errors == 0 ? 0 : 3;
}

CommandRegistrar registrar{[](CLI::App& app) {
  auto args = std::make_shared<FlowArgs>();
  auto* sub = app.add_subcommand("flow", "Sync, match recorded calls, draft feedback, review, submit feedback and post notes");
  sub->add_option("--base-url", args->base_url, "Lever API base URL (default: $LEVER_BASE_URL or https://api.lever.co/v1)");
  sub->add_option("--store", args->store, "SQLite file for the sync state and the write journal (default leverkit.db)");
  sub->add_flag("--no-sync", args->no_sync, "Use the store as it is (no Lever sync first)");
  sub->add_option("--calls", args->calls_file, "Recorded calls: JSON lines or {\"data\":[...]} (call, transcript, notes, recording_url)");
  sub->add_option("--sandbox-calls", args->sandbox_calls, "Ask a local leverkit-sandbox for N synthetic recorded calls (1-200)");
  sub->add_option("--sandbox-seed", args->sandbox_seed, "Seed of the synthetic calls (default 1)");
  sub->add_option("--reviewer", args->reviewer, "Lever user id or e-mail of the reviewer (the interviewer)");
  sub->add_flag("--yes", args->yes, "Non-interactive: approve the drafts made for --reviewer");
  sub->add_flag("--dry-run", args->dry_run, "Match, draft and review but write nothing");
  sub->add_flag("--no-notes", args->no_notes, "Do not post AI notes");
  sub->add_flag("--no-feedback", args->no_feedback, "Do not draft or submit feedback");
  sub->add_flag("--json", args->json, "Print the report as JSON on stdout (progress goes to stderr)");
  sub->callback([args] {
    int rc = run(*args);
    if (rc != 0) throw CLI::RuntimeError(rc);
  });
}};

}  // namespace
}  // namespace leverkit::cli
