// `leverkit sync` — copy a Lever account into the --store SQLite file (backfill, then
// incremental runs; a stopped run resumes where it stopped). Progress on stderr.
#include <fmt/format.h>

#include <iostream>
#include <stdexcept>

#include "commands.hpp"
#include "leverkit/fmt.hpp"
#include "leverkit/integration/sync.hpp"
#include "leverkit/integration/sync_json.hpp"
#include "lever_connection.hpp"

namespace leverkit::inline v0::cli {
namespace {

struct SyncArgs {
  ConnectionArgs conn;
  bool full = false, no_confidential = false, no_deleted = false, quiet = false;
  std::string scope = "not-archived";
  std::size_t workers = 4;
};

int run(const SyncArgs& a) {
  integration::SyncOptions o;
  o.full = a.full;
  o.include_confidential = !a.no_confidential;
  o.include_deleted = !a.no_deleted;
  o.workers = a.workers;
  if (a.scope == "all") o.interview_scope = integration::InterviewScope::all;
  else if (a.scope == "changed") o.interview_scope = integration::InterviewScope::changed_only;
  else if (a.scope == "not-archived") o.interview_scope = integration::InterviewScope::not_archived;
  else throw std::runtime_error(fmt::format("sync: --interviews must be all, not-archived or changed (got \"{}\")", a.scope));
  auto client = connect(a.conn);
  auto store = open_store(a.conn);
  if (!a.quiet)
    o.on_progress = [&a](const integration::SyncProgress& p) {
      if (a.conn.json) {
        std::cerr << integration::to_json(p) << '\n';
        return;
      }
      std::string total = p.total ? fmt::format("/{}", *p.total) : std::string();
      std::string eta = p.eta ? fmt::format(", ETA {:.0f} s", static_cast<double>(p.eta->count()) / 1000.0) : std::string();
      std::cerr << fmt::format("\r{:<22} {}{}{}        ", p.phase, p.done, total, eta) << std::flush;
    };
  auto r = integration::run_sync(client, *store, o);
  if (!a.quiet && !a.conn.json) std::cerr << '\n';
  if (!r) throw std::runtime_error(fmt::format("sync stopped (run it again to resume): {}", r.error().to_string()));
  const auto& rep = r.value();
  if (a.conn.json) {
    std::cout << integration::to_json(rep) << '\n';
  } else {
    std::cout << fmt::format("{}{} in {:.1f} s: {} opportunities ({} deleted), {} interviews and {} panels of {} opportunities, "
                             "{} users, {} postings, {} stages; {} pages{}\n",
                             rep.incremental ? "incremental sync" : "backfill", rep.resumed ? " (resumed)" : "",
                             static_cast<double>(rep.elapsed.count()) / 1000.0, rep.opportunities, rep.deleted_opportunities,
                             rep.interviews, rep.panels, rep.opportunities_visited, rep.users, rep.postings, rep.stages,
                             rep.pages, rep.confidential_included ? "" : "; confidential data not accessible with this key");
  }
  return 0;
}

CommandRegistrar registrar{[](CLI::App& app) {
  auto args = std::make_shared<SyncArgs>();
  auto* sub = app.add_subcommand("sync", "Sync Lever (opportunities, interviews, panels, users, postings, stages) into --store");
  add_connection_options(sub, args->conn);
  sub->add_flag("--full", args->full, "Backfill everything again instead of an incremental run");
  sub->add_option("--interviews", args->scope, "Whose interviews to re-list on incremental runs: all, not-archived (default), changed");
  sub->add_option("--workers", args->workers, "Threads listing interviews (they share the rate limit; default 4)");
  sub->add_flag("--no-confidential", args->no_confidential, "Do not ask for confidential opportunities and postings");
  sub->add_flag("--no-deleted", args->no_deleted, "Skip deleted opportunities");
  sub->add_flag("--quiet", args->quiet, "No progress on stderr");
  sub->callback([args] {
    int rc = run(*args);
    if (rc != 0) throw CLI::RuntimeError(rc);
  });
}};

}  // namespace
}  // namespace leverkit::cli
