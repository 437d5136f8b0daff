// leverkit/match/synthetic.hpp — a seeded generator of Lever snapshots and labelled calls.
//
// What: builds a consistent Lever world (users, postings, stages, opportunities with emails and
// phones, panels of interviews with conference links) and calls with gold labels drawn from
// scenario families (clean, personal email, nickname/diacritics, reschedule, cancellation,
// panel with a shared link, tz entry error, PMI reuse, dial-in bridge, duplicate candidate,
// same-name candidates, debrief, internal, ongoing-call invite, upload, not in ATS). Used by the
// evaluation suite and the benchmarks; also useful to evaluate tuned thresholds.
// Errors: none. Thread-safety: a generator object is single-threaded; results are values.
// Example:
//   auto world = leverkit::match::synthetic::generate({.seed = 7, .opportunities = 1000});
//   auto index = leverkit::match::Index::build(world.snapshot);
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "leverkit/match/call.hpp"
#include "leverkit/match/index.hpp"
#include "leverkit/match/result.hpp"

namespace leverkit::inline v0::match::synthetic {

struct Options {
  std::uint64_t seed = 1;
  std::size_t opportunities = 200;
  int interviews_per_opportunity = 3;   // split over panels
  std::size_t calls = 200;              // labelled calls to draw
  int interviews_per_day = 40;          // density: the time span grows with the volume
};

struct Gold {
  MatchStatus status = MatchStatus::no_match;
  std::optional<std::string> interview_id;
  std::optional<std::string> opportunity_id;
  std::optional<ReasonCode> reason;     // expected primary reason when not matched
  std::string family;                   // scenario family name
};

struct LabelledCall {
  Call call;
  Gold gold;
};

struct World {
  LeverSnapshot snapshot;
  std::vector<LabelledCall> calls;
};

World generate(const Options& options);

}  // namespace leverkit::match::synthetic
