// leverkit/integration/live_match.hpp — match recorded calls against a synced Lever account.
//
// What: `LiveMatcher` indexes a `match::LeverSnapshot` (the sync store's `load_snapshot()`, no
// files involved) once and matches batches of calls with the matcher's `match_batch` (duplicate
// and split recordings grouped; one-to-one assignment is the matcher's job, see match's
// matcher.hpp). Each result comes back with what a notetaker needs next: the interview and
// opportunity it links to, the enrichment, and who may see the call (access.hpp).
// Errors: none from matching — bad calls are reported as match reasons; building from a store
// returns the store's errors (io_error, decode_error naming the stored object).
// Thread-safety: `match` is const and may run on many threads; the matcher is immutable.
// Example:
//   LEVERKIT_TRY(live, leverkit::integration::live_matcher_from_store(*store));
//   for (const auto& m : live.match(calls)) fmt::print("{}\n", leverkit::match::to_json(m.result));
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "leverkit/integration/access.hpp"
#include "leverkit/integration/access_index.hpp"
#include "leverkit/integration/sync_store.hpp"
#include "leverkit/match/call.hpp"
#include "leverkit/match/index.hpp"
#include "leverkit/match/matcher.hpp"
#include "leverkit/match/result.hpp"

namespace leverkit::inline v0::integration {

struct LiveMatchOptions {
  match::MatchOptions match;
  match::Index::Options index;
  AccessPolicy access;
};

struct MatchedCall {
  match::MatchResult result;
  AccessDecision access;
  std::optional<Interview> interview;      // the linked interview (matched calls)
  std::optional<Opportunity> opportunity;  // the linked opportunity
};

class LiveMatcher {
 public:
  explicit LiveMatcher(match::LeverSnapshot snapshot, LiveMatchOptions options = {});
  LiveMatcher(LiveMatcher&&) noexcept = default;
  LiveMatcher& operator=(LiveMatcher&&) noexcept = default;

  [[nodiscard]] std::vector<MatchedCall> match(std::span<const match::Call> calls) const;
  [[nodiscard]] const match::LeverSnapshot& snapshot() const { return matcher_.index().snapshot(); }
  [[nodiscard]] const match::Index& index() const { return matcher_.index(); }
  [[nodiscard]] const LiveMatchOptions& options() const noexcept { return options_; }

 private:
  LiveMatchOptions options_;
  match::Matcher matcher_;  // owns (shares) the index built from the snapshot
  AccessIndex access_;      // points into the matcher's snapshot (heap-held: stable across moves)
};

/// The matcher over the store's live objects (`SyncStore::load_snapshot`): no files involved.
Result<LiveMatcher> live_matcher_from_store(const SyncStore& store, LiveMatchOptions options = {},
                                           const SnapshotOptions& snapshot = {});

}  // namespace leverkit::integration
