// Batch post-processing of per-call results (private): grouping duplicate/split recordings of
// one meeting, then one-to-one assignment of interviews to recordings.
#pragma once

#include <span>
#include <vector>

#include "leverkit/match/call.hpp"
#include "leverkit/match/matcher.hpp"
#include "leverkit/match/result.hpp"

namespace leverkit::inline v0::match::detail {

/// Recordings of one meeting share a unique conference key (or a room key with >= 50 % overlap)
/// or were linked to the same interview, and overlap or lie < 10 min apart. Returns, per call,
/// the index of its group's representative (itself when alone). Work is O(n log n) plus the
/// number of time-overlapping pairs under one room key; no group size is skipped.
std::vector<std::size_t> group_recordings(std::span<const Call> calls, std::vector<MatchResult>& out);

/// One interview, one linked meeting: when recordings of different meetings (different groups)
/// were all `matched` to one interview, the group with the strongest score keeps the link; the
/// others become `needs_review` with `interview_already_linked`, suggesting their next-best
/// interview that nobody else holds (or none).
void assign_one_to_one(std::span<const Call> calls, const std::vector<std::size_t>& group_of, std::vector<MatchResult>& out,
                       const MatchOptions& options);

}  // namespace leverkit::match::detail
