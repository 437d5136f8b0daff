// `leverkit schedule` — the recording schedule from the --store: upcoming interviews with a video
// link or phone number, enriched, and the changes since this feed's last run.
#include <fmt/format.h>

#include <chrono>
#include <iostream>
#include <stdexcept>

#include "commands.hpp"
#include "leverkit/fmt.hpp"
#include "leverkit/integration/schedule.hpp"
#include "leverkit/integration/sync.hpp"
#include "leverkit/integration/sync_json.hpp"
#include "lever_connection.hpp"

namespace leverkit::inline v0::cli {
namespace {

struct ScheduleArgs {
  ConnectionArgs conn;
  std::string from, to, feed = "default";
  double hours = 48;
  bool sync = false, all = false;
};

Timestamp parse_time(const std::string& s, const char* flag) {
  auto t = parse_iso8601(s);
  if (!t) throw std::runtime_error(fmt::format("schedule: {} \"{}\": {}", flag, s, t.error().message));
  return t.value();
}

int run(const ScheduleArgs& a) {
  auto store = open_store(a.conn);
  if (a.sync) {
    auto client = connect(a.conn);
    auto r = integration::run_sync(client, *store, {});
    if (!r) throw std::runtime_error(fmt::format("schedule: sync failed (run again to resume): {}", r.error().to_string()));
  }
  integration::ScheduleOptions o;
  o.from = a.from.empty() ? std::chrono::floor<std::chrono::milliseconds>(std::chrono::system_clock::now())
                          : parse_time(a.from, "--from");
  o.to = a.to.empty() ? o.from + std::chrono::milliseconds(static_cast<std::int64_t>(a.hours * 3'600'000.0))
                      : parse_time(a.to, "--to");
  o.require_conference = !a.all;
  o.feed = a.feed;
  auto feed = integration::poll_schedule(*store, o);
  if (!feed) throw std::runtime_error(fmt::format("schedule: {}", feed.error().to_string()));
  const auto& f = feed.value();
  if (a.conn.json) {
    std::string out = "{\"upcoming\":[";
    for (std::size_t i = 0; i < f.upcoming.size(); ++i) out += (i ? "," : "") + integration::to_json(f.upcoming[i]);
    out += "],\"changes\":[";
    for (std::size_t i = 0; i < f.changes.size(); ++i) out += (i ? "," : "") + integration::to_json(f.changes[i]);
    std::cout << out << "]}\n";
    return 0;
  }
  std::cout << fmt::format("{} interview(s) to record between {} and {}\n", f.upcoming.size(), to_iso8601(o.from), to_iso8601(o.to));
  for (const auto& s : f.upcoming) {
    std::string who;
    for (const auto& i : s.interviewers) who += (who.empty() ? "" : ", ") + i.interviewer.name;
    std::cout << fmt::format("  {}  {:>3} min  {} — {} ({}, {})\n      join: {}   interviewers: {}\n",
                             to_iso8601(s.interview.date), s.interview.duration, s.enrichment.candidate_name,
                             s.enrichment.job_title.empty() ? s.interview.subject : s.enrichment.job_title,
                             s.enrichment.stage, s.enrichment.location,
                             s.conference.join_url.value_or(s.conference.phone.value_or("")), who);
  }
  std::cout << fmt::format("{} change(s) since the last run of feed \"{}\"\n", f.changes.size(), a.feed);
  for (const auto& c : f.changes) {
    std::string prev = c.previous_start ? fmt::format(" (was {})", to_iso8601(*c.previous_start)) : std::string();
    std::cout << fmt::format("  {:<11} {} {}{} [{}]\n", to_string(c.kind), to_iso8601(c.interview.interview.date),
                             c.interview.enrichment.candidate_name, prev, c.source == integration::ObjectSource::webhook ? "webhook" : "poll");
  }
  return 0;
}

CommandRegistrar registrar{[](CLI::App& app) {
  auto args = std::make_shared<ScheduleArgs>();
  auto* sub = app.add_subcommand("schedule", "Upcoming Lever interviews to record (video link or phone) and changes since the last run");
  add_connection_options(sub, args->conn);
  sub->add_flag("--sync", args->sync, "Run an incremental sync first (needs LEVER_API_KEY)");
  sub->add_option("--hours", args->hours, "Window length from now (default 48)");
  sub->add_option("--from", args->from, "Window start, ISO 8601 (default now)");
  sub->add_option("--to", args->to, "Window end, ISO 8601 (default --from + --hours)");
  sub->add_flag("--all", args->all, "Include interviews without a video link or phone number");
  sub->add_option("--feed", args->feed, "Name of this consumer's change feed (default \"default\")");
  sub->callback([args] {
    int rc = run(*args);
    if (rc != 0) throw CLI::RuntimeError(rc);
  });
}};

}  // namespace
}  // namespace leverkit::cli
