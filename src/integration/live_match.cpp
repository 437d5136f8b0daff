// Matching calls against the synced snapshot, with access decided per call.
#include "leverkit/integration/live_match.hpp"

#include <algorithm>

namespace leverkit::inline v0::integration {

LiveMatcher::LiveMatcher(match::LeverSnapshot snapshot, LiveMatchOptions options)
    : options_(std::move(options)),
      matcher_(match::Index::build(std::move(snapshot), options_.index), options_.match),
      access_(matcher_.index().snapshot()) {}

std::vector<MatchedCall> LiveMatcher::match(std::span<const match::Call> calls) const {
  std::vector<MatchedCall> out;
  out.reserve(calls.size());
  for (auto& r : matcher_.match_batch(calls)) {
    MatchedCall m;
    m.access = decide_access(access_, r, options_.access);
    if (r.status == match::MatchStatus::matched) {
      if (r.interview_id)
        if (const Interview* iv = access_.interview(*r.interview_id)) m.interview = *iv;
      if (r.opportunity_id)
        if (const Opportunity* o = access_.opportunity(*r.opportunity_id)) m.opportunity = *o;
    }
    m.result = std::move(r);
    out.push_back(std::move(m));
  }
  return out;
}

Result<LiveMatcher> live_matcher_from_store(const SyncStore& store, LiveMatchOptions options,
                                           const SnapshotOptions& snapshot) {
  LEVERKIT_TRY(snap, store.load_snapshot(snapshot));
  return LiveMatcher(std::move(snap), std::move(options));
}

}  // namespace leverkit::integration
