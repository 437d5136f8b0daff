// leverkit/integration/sync.hpp — bring a Lever account into a SyncStore, resumably.
//
// What: `run_sync` copies stages, users (deactivated too), postings, opportunities (with
// `confidentiality=all` when the key may see confidential data, else the non-confidential ones),
// deleted opportunities (as tombstones), and the interviews and panels of every opportunity into
// a `SyncStore`. The first run is a backfill; later runs are incremental: opportunities and
// postings from `updated_at_start` = the start of the last completed run minus an overlap, and
// deleted opportunities from `deleted_at_start`. Because Lever does not move an opportunity's
// updatedAt for new interviews (lever-api.md §8 quirk 17), incremental runs re-list the
// interviews of every changed opportunity and, by default, of every non-archived one; webhooks
// (webhook_receiver.hpp) bring the rest between runs.
// Every Lever page is written in one store transaction together with the checkpoint that says
// what comes next, so a run that stops anywhere (crash, error, cancellation) is resumed by the
// next `run_sync` at the page it stopped at: nothing is lost, nothing is counted twice.
// Interviews and panels are fetched by a bounded pool of worker threads that share the client's
// rate limiter (`sync_interviews`), so the run approaches Lever's rate limit despite latency.
// Errors: the first failing request's Error (after the client's retries), io_error from the
// store, cancelled; the run's state stays saved for the next call. A key without confidential
// access is not an error: the report says `confidential_included = false`.
// Thread-safety: one run per store at a time; the client may be shared.
// Example:
//   LEVERKIT_TRY(store, leverkit::integration::open_sqlite_store("lever.db"));
//   LEVERKIT_TRY(report, leverkit::integration::run_sync(client, *store, {.on_progress = print}));
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "leverkit/client/cancellation.hpp"
#include "leverkit/client/client.hpp"
#include "leverkit/client/clock.hpp"
#include "leverkit/integration/sync_store.hpp"

namespace leverkit::inline v0::integration {

/// Reported after every page (and every opportunity in the interview phase).
struct SyncProgress {
  std::string_view phase;             // stages, users, postings, opportunities, deleted_opportunities, interviews
  std::size_t done = 0;               // items of this phase done so far in this run
  std::optional<std::size_t> total;   // known for the interview phase; else the last run's count if any
  std::chrono::milliseconds elapsed{0};  // since this call started
  std::optional<std::chrono::milliseconds> eta;  // for the phase, when `total` is known and done > 0
};

enum class InterviewScope {
  all,             // every live opportunity, every run
  not_archived,    // changed opportunities + every non-archived one (default)
  changed_only,    // only opportunities this run saw change (rely on webhooks for the rest)
};

struct SyncOptions {
  /// Ask for confidential opportunities and postings too; falls back when Lever answers 403.
  bool include_confidential = true;
  bool include_deleted = true;
  InterviewScope interview_scope = InterviewScope::not_archived;
  /// Forget the watermark and backfill everything (a run in progress is still resumed first).
  bool full = false;
  int page_size = 100;
  /// Threads fetching interviews and panels; they share the client's rate limiter.
  std::size_t workers = 4;
  /// Subtracted from the run's start to form the next watermark (clock skew, in-flight writes).
  std::chrono::milliseconds watermark_overlap{std::chrono::minutes(5)};
  /// nullptr = steady_clock_source(); wall_now() stamps watermarks, now() measures progress.
  std::shared_ptr<Clock> clock;
  /// Called after every page; in the interview phase from the worker threads, one call at a time.
  std::function<void(const SyncProgress&)> on_progress;
  CancellationToken cancel;
};

struct SyncReport {
  bool incremental = false;         // false: this run was (or completed) a backfill
  bool resumed = false;             // continued a run that had stopped
  bool confidential_included = false;
  std::size_t pages = 0;            // Lever list pages fetched by this call
  std::size_t stages = 0, users = 0, postings = 0, opportunities = 0, deleted_opportunities = 0;
  std::size_t opportunities_visited = 0;  // whose interviews and panels were listed
  std::size_t interviews = 0, panels = 0;
  std::chrono::milliseconds elapsed{0};
  std::optional<Timestamp> watermark;  // updated_at_start the next run will use
};

/// One sync run (or the rest of a stopped one).
Result<SyncReport> run_sync(const Client& client, SyncStore& store, const SyncOptions& options = {});

/// Lists the interviews and panels of `opportunity_ids` with `options.workers` threads and
/// replaces those opportunities' children in the store (one transaction per opportunity).
/// Used by run_sync, by webhook handling and by the fan-out benchmark.
struct InterviewFanOutReport {
  std::size_t opportunities = 0, interviews = 0, panels = 0, requests = 0;
  std::chrono::milliseconds elapsed{0};
};
Result<InterviewFanOutReport> sync_interviews(const Client& client, SyncStore& store,
                                              const std::vector<std::string>& opportunity_ids,
                                              const SyncOptions& options = {});

}  // namespace leverkit::integration
