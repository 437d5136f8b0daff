// Matching calls against the synced snapshot, with access decided per call.
#include "leverkit/integration/live_match.hpp"

#include <algorithm>
#include <unordered_map>

namespace leverkit::inline v0::integration {

LiveMatcher::LiveMatcher(match::LeverSnapshot snapshot, LiveMatchOptions options)
    : options_(std::move(options)),
      matcher_(match::Index::build(std::move(snapshot), options_.index), options_.match) {}

std::vector<MatchedCall> LiveMatcher::match(std::span<const match::Call> calls) const {
  const auto& snap = matcher_.index().snapshot();
  std::unordered_map<std::string_view, const Interview*> interviews;
  std::unordered_map<std::string_view, const Opportunity*> opportunities;
  interviews.reserve(snap.interviews.size());
  for (const auto& iv : snap.interviews) interviews.emplace(iv.id, &iv);
  for (const auto& o : snap.opportunities) opportunities.emplace(o.id, &o);

  std::vector<MatchedCall> out;
  out.reserve(calls.size());
  for (auto& r : matcher_.match_batch(calls)) {
    MatchedCall m;
    m.access = decide_access(snap, r, options_.access);
    if (r.status == match::MatchStatus::matched) {
      if (r.interview_id)
        if (auto it = interviews.find(*r.interview_id); it != interviews.end()) m.interview = *it->second;
      if (r.opportunity_id)
        if (auto it = opportunities.find(*r.opportunity_id); it != opportunities.end()) m.opportunity = *it->second;
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
