// run_sync against the in-process sandbox: backfill, incremental, confidential fallback,
// progress, and crash/fault at any page → resume → the same store as an uninterrupted run.
#include <atomic>
#include <filesystem>
#include <set>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

#include <doctest/doctest.h>

#include "leverkit/integration/sync.hpp"
#include "leverkit/testing/fake_clock.hpp"
#include "sync_env.hpp"

using namespace leverkit::integration;
using leverkit::Errc;
using leverkit::Result;
using sync_test::FailingStore;
using sync_test::SyncEnv;

namespace {

template <class P>
std::size_t count_all(P&& p) {
  std::size_t n = 0;
  for (auto&& r : p) {
    REQUIRE(r.has_value());
    ++n;
  }
  return n;
}

std::string sync_db_path(std::string_view name) {
  auto p = std::filesystem::temp_directory_path() /
           (std::string("leverkit-sync-") + std::string(name) + "-" + std::to_string(::getpid()) + ".db");
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(p.string() + suffix);
  return p.string();
}

}  // namespace

TEST_CASE("backfill copies every resource, confidential and deleted opportunities, interviews per opportunity") {
  SyncEnv env;
  auto client = env.client();
  auto store = make_memory_store();
  std::vector<SyncProgress> seen;
  auto report = run_sync(client, *store, {.workers = 3, .on_progress = [&](const SyncProgress& p) { seen.push_back(p); }});
  REQUIRE_MESSAGE(report.has_value(), (report ? "" : report.error().to_string()));
  const auto& r = report.value();
  CHECK_FALSE(r.incremental);
  CHECK_FALSE(r.resumed);
  CHECK(r.confidential_included);
  std::size_t all_opps = count_all(client.list_opportunities({.confidentiality = leverkit::Confidentiality::all}));
  std::size_t public_opps = count_all(client.list_opportunities({}));
  CHECK(r.opportunities == all_opps);
  CHECK(store->count_objects(ObjectKind::opportunity).value() == all_opps);
  CHECK(r.deleted_opportunities > 0);
  CHECK(r.users == count_all(client.list_users({.include_deactivated = true})));
  CHECK(r.stages == count_all(client.list_stages({})));
  CHECK(r.postings == count_all(client.list_postings({.confidentiality = leverkit::Confidentiality::all})));
  CHECK(r.opportunities_visited == all_opps);
  CHECK(r.interviews > 0);
  CHECK(r.panels > 0);
  INFO("public " << public_opps << " all " << all_opps);

  // Every interview of one opportunity, exactly as the client lists them.
  auto snap = store->load_snapshot().value();
  CHECK(snap.opportunities.size() == all_opps);
  std::size_t checked = 0;
  for (const auto& o : snap.opportunities) {
    std::vector<leverkit::Interview> live;
    for (auto&& i : client.list_interviews({.opportunity_id = o.id})) live.push_back(i.value());
    std::vector<leverkit::Interview> stored;
    for (const auto& i : snap.interviews)
      if (i.opportunity_id == o.id) stored.push_back(i);
    CHECK(stored.size() == live.size());
    if (!live.empty() && ++checked > 5) break;
  }
  CHECK(checked > 0);
  // Deleted opportunities are tombstones, outside the snapshot.
  auto opps = store->list_objects(ObjectKind::opportunity).value();
  CHECK(std::count_if(opps.begin(), opps.end(), [](const StoredObject& o) { return o.deleted; }) ==
        static_cast<long>(r.deleted_opportunities));
  // Progress: every phase reported; the interview phase with a total, ending at done == total.
  std::set<std::string> phases;
  for (const auto& p : seen) phases.insert(std::string(p.phase));
  CHECK(phases == std::set<std::string>{"stages", "users", "postings", "opportunities", "deleted_opportunities", "interviews"});
  const auto& last = seen.back();
  CHECK(last.phase == "interviews");
  REQUIRE(last.total.has_value());
  CHECK(last.done == *last.total);
  REQUIRE(last.eta.has_value());
  CHECK(last.eta->count() == 0);
}

TEST_CASE("a key without confidential access syncs the non-confidential data and says so") {
  SyncEnv env;
  auto store = make_memory_store();
  auto report = run_sync(env.client(sync_test::sbx::kReadOnlyKey), *store, {});
  REQUIRE_MESSAGE(report.has_value(), (report ? "" : report.error().to_string()));
  CHECK_FALSE(report.value().confidential_included);
  auto full = env.client();
  CHECK(report.value().opportunities == count_all(full.list_opportunities({})));
}

TEST_CASE("incremental run picks up changed opportunities and new interviews from the saved watermark") {
  SyncEnv env;
  auto client = env.client();
  auto store = make_memory_store();
  REQUIRE(run_sync(client, *store, {}).has_value());
  auto before = store->load_snapshot().value();
  // Change one opportunity's stage and add an interview to another (through an external panel).
  const auto& target = before.opportunities.front();
  std::string new_stage = target.stage && target.stage->id == "offer" ? "applicant-new" : "offer";
  REQUIRE(client.update_opportunity_stage({.opportunity_id = target.id, .perform_as = std::nullopt, .body = {.stage = new_stage}}).has_value());
  auto user = before.users.front().id;
  const auto& other = before.opportunities.back();
  auto panel = client.create_panel({.opportunity_id = other.id, .perform_as = user,
                                    .body = {.timezone = "UTC", .interviews = {{.interviewers = {{.id = user}},
                                                                                 .date = leverkit::from_unix_ms(1'900'000'000'000),
                                                                                 .duration = 30,
                                                                                 .location = "https://acme.zoom.us/j/84012345678"}}}});
  REQUIRE_MESSAGE(panel.has_value(), (panel ? "" : panel.error().to_string()));

  auto report = run_sync(client, *store, {.interview_scope = InterviewScope::changed_only});
  REQUIRE(report.has_value());
  CHECK(report.value().incremental);
  CHECK(report.value().opportunities >= 1);
  CHECK(report.value().opportunities < before.opportunities.size());
  auto after = store->load_snapshot().value();
  auto it = std::find_if(after.opportunities.begin(), after.opportunities.end(), [&](auto& o) { return o.id == target.id; });
  REQUIRE(it != after.opportunities.end());
  CHECK(it->stage->id == new_stage);
  // changed_only did not see the new interview (Lever does not move updatedAt for it) ...
  auto has_zoom = [](const leverkit::match::LeverSnapshot& s) {
    return std::any_of(s.interviews.begin(), s.interviews.end(),
                       [](auto& i) { return i.location == std::optional<std::string>("https://acme.zoom.us/j/84012345678"); });
  };
  CHECK_FALSE(has_zoom(after));
  // ... the default scope (every non-archived opportunity) does.
  auto again = run_sync(client, *store, {});
  REQUIRE(again.has_value());
  bool other_archived = other.is_archived();
  CHECK(has_zoom(store->load_snapshot().value()) == !other_archived);
  auto all = run_sync(client, *store, {.interview_scope = InterviewScope::all});
  REQUIRE(all.has_value());
  CHECK(has_zoom(store->load_snapshot().value()));
}

TEST_CASE("a crash at any page resumes to the same store as an uninterrupted run (memory and SQLite)") {
  SyncEnv env;
  auto client = env.client();
  auto reference = make_memory_store();
  REQUIRE(run_sync(client, *reference, {.workers = 2}).has_value());
  const auto want = sync_test::all_objects(*reference);
  const auto want_snap = reference->load_snapshot().value();
  // How many store transactions a clean run makes; crash at a spread of them.
  auto counted = make_memory_store();
  FailingStore counter(*counted, -1);
  REQUIRE(run_sync(client, counter, {.workers = 1}).has_value());
  const int total = counter.calls();
  REQUIRE(total > 20);
  int resumed_runs = 0;
  for (int at : {1, 2, 3, 4, 5, 6, total / 3, total / 2, total - 3, total - 1, total}) {
    for (bool sqlite : {false, true}) {
      std::shared_ptr<SyncStore> real = sqlite ? open_sqlite_store(sync_db_path("crash")).value() : make_memory_store();
      FailingStore crashing(*real, at);
      auto first = run_sync(client, crashing, {.workers = 2});
      REQUIRE_FALSE(first.has_value());
      CHECK(first.error().code == Errc::io_error);
      auto second = run_sync(client, *real, {.workers = 2});
      REQUIRE_MESSAGE(second.has_value(), (second ? "" : second.error().to_string()));
      if (at > 1) {
        CHECK(second.value().resumed);
        ++resumed_runs;
      }
      CHECK_FALSE(second.value().incremental);  // the resumed run is still the backfill
      CHECK(sync_test::all_objects(*real) == want);
      CHECK(sync_test::same_snapshot(real->load_snapshot().value(), want_snap));
      CHECK(real->list_values("sync.pending_interviews").value().empty());
    }
  }
  CHECK(resumed_runs > 10);
}

TEST_CASE("a server fault mid-listing stops the run and the next run resumes from the saved page token") {
  SyncEnv env;
  auto client = env.client(sync_test::sbx::kFullKey, 1);  // no retries: the fault reaches run_sync
  auto reference = make_memory_store();
  auto ref = run_sync(env.client(), *reference, {.page_size = 10});
  REQUIRE(ref.has_value());
  auto admin = env.admin();
  auto store = make_memory_store();
  SyncOptions o{.page_size = 10};
  int pages = 0;
  o.on_progress = [&](const SyncProgress& p) {
    // After the 2nd stored page of opportunities, the next opportunities request answers 500.
    if (p.phase == "opportunities" && ++pages == 2)
      REQUIRE(admin.request(leverkit::HttpMethod::post, "/faults",
                            R"({"route":"GET /v1/opportunities","faults":[500]})").has_value());
  };
  auto first = run_sync(client, *store, o);
  REQUIRE_FALSE(first.has_value());
  CHECK(first.error().code == Errc::server_error);
  CHECK(store->checkpoint("opportunities.offset").value().has_value());  // the page that failed
  CHECK(store->count_objects(ObjectKind::opportunity).value() == 20);
  o.on_progress = nullptr;
  auto second = run_sync(client, *store, o);
  REQUIRE_MESSAGE(second.has_value(), (second ? "" : second.error().to_string()));
  CHECK(second.value().resumed);
  CHECK(second.value().opportunities + 20 == ref.value().opportunities);  // nothing fetched twice
  CHECK(sync_test::all_objects(*store) == sync_test::all_objects(*reference));
}

TEST_CASE("a process killed mid-sync (SQLite) resumes cleanly in a new process") {
  SyncEnv env;
  auto client = env.client();
  auto reference = make_memory_store();
  REQUIRE(run_sync(client, *reference, {}).has_value());
  for (int kill_after : {3, 9, 25}) {
    auto path = sync_db_path("kill");
    pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      // Child: sync until the kill_after-th progress report, then die without any cleanup.
      auto store = open_sqlite_store(path);
      if (!store) ::_exit(3);
      int n = 0;
      auto c = env.client();
      (void)run_sync(c, *store.value(), {.page_size = 20, .workers = 1, .on_progress = [&](const SyncProgress&) {
                                           if (++n == kill_after) ::_exit(9);
                                         }});
      ::_exit(0);
    }
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 9);
    auto store = open_sqlite_store(path).value();
    CHECK(store->checkpoint("run.phase").value().has_value());
    auto r = run_sync(client, *store, {.page_size = 20});
    REQUIRE_MESSAGE(r.has_value(), (r ? "" : r.error().to_string()));
    CHECK(r.value().resumed);
    CHECK(sync_test::all_objects(*store) == sync_test::all_objects(*reference));
  }
}

TEST_CASE("progress: done/total/ETA on the injected clock") {
  SyncEnv env;
  auto client = env.client();
  auto store = make_memory_store();
  std::vector<std::string> ids;
  for (auto&& o : client.list_opportunities({.limit = 12})) {
    ids.push_back(o.value().id);
    if (ids.size() == 12) break;
  }
  auto clock = std::make_shared<leverkit::testing::FakeClock>();
  std::vector<SyncProgress> seen;
  // Every opportunity "takes" one second of fake time: the ETA is then exact arithmetic.
  auto r = sync_interviews(client, *store, ids, {.workers = 1, .clock = clock, .on_progress = [&](const SyncProgress& p) {
                                                   seen.push_back(p);
                                                   clock->advance(std::chrono::seconds(1));
                                                 }});
  REQUIRE(r.has_value());
  CHECK(r.value().opportunities == 12);
  CHECK(r.value().requests >= 24);
  REQUIRE(seen.size() == 12);
  for (std::size_t k = 1; k <= seen.size(); ++k) {
    const auto& p = seen[k - 1];
    CHECK(p.phase == "interviews");
    CHECK(p.done == k);
    CHECK(p.total == std::optional<std::size_t>(12));
    CHECK(p.elapsed == std::chrono::seconds(k - 1));
    auto want = static_cast<std::int64_t>(static_cast<double>(k - 1) / static_cast<double>(k) * static_cast<double>(12 - k) * 1000.0);
    REQUIRE(p.eta.has_value());
    CHECK(p.eta->count() == want);
  }
  CHECK(r.value().elapsed == std::chrono::seconds(12));
}

TEST_CASE("a cancelled run resumes, and a saved page token Lever refuses restarts that listing") {
  SyncEnv env;
  auto client = env.client();
  auto reference = make_memory_store();
  REQUIRE(run_sync(client, *reference, {.page_size = 10}).has_value());
  auto store = make_memory_store();
  leverkit::CancellationSource cancel;
  int pages = 0;
  auto first = run_sync(client, *store, {.page_size = 10, .on_progress = [&](const SyncProgress& p) {
                                           if (p.phase == "opportunities" && ++pages == 3) cancel.cancel();
                                         },
                                         .cancel = cancel.token()});
  REQUIRE_FALSE(first.has_value());
  CHECK(first.error().code == Errc::cancelled);
  REQUIRE(store->checkpoint("opportunities.offset").value().has_value());
  // The token goes stale (Lever refuses it): the listing starts over, nothing is lost or doubled.
  REQUIRE(store->put_value("checkpoint", "opportunities.offset", "%5B999%2C1%2C%22no-such-id%22%5D").has_value());
  auto second = run_sync(client, *store, {.page_size = 10});
  REQUIRE_MESSAGE(second.has_value(), (second ? "" : second.error().to_string()));
  CHECK(second.value().resumed);
  CHECK(sync_test::all_objects(*store) == sync_test::all_objects(*reference));
  CHECK(sync_test::same_snapshot(store->load_snapshot().value(), reference->load_snapshot().value()));
}
