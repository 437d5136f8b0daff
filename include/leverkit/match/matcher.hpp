// leverkit/match/matcher.hpp — link recorded calls to Lever interviews and candidates.
//
// What: `Matcher` scores (call, interview) pairs with additive log2 evidence (Fellegi–Sunter
// style: conference key, dial-in digits, candidate email/phone/name, name in title, time,
// interviewers, duration, cancellation, job title, prior), then decides `matched` (p >= 0.97,
// margin >= 3 bits over the runner-up, and a strong identifier — never name and time alone),
// `needs_review` or `no_match` with reason codes. A job_interview links to an interview and its
// candidate; a debrief to the candidate and the panel it follows; other types are not eligible.
// `match_batch` also groups duplicate and split recordings of one meeting.
// Errors: none; every call gets a result (bad input is reported as reasons).
// Thread-safety: `match` is const and reentrant; one Matcher may serve many threads.
// Example:
//   leverkit::match::Matcher m{index};
//   for (const auto& r : m.match_batch(calls)) std::puts(leverkit::match::to_json(r).c_str());
#pragma once

#include <span>
#include <vector>

#include "leverkit/match/call.hpp"
#include "leverkit/match/index.hpp"
#include "leverkit/match/result.hpp"
#include "leverkit/match/weights.hpp"

namespace leverkit::match {

struct MatchOptions {
  double accept_probability = 0.97;  // auto-link at or above (score >= log2(p/(1-p)))
  double review_probability = 0.50;  // needs_review at or above
  double margin_bits = 3.0;          // best must beat the runner-up by this much
  int debrief_lookback_days = 7;     // a debrief follows its panel within this window
  bool enrich = true;
  MatchWeights weights{};             // feature weights (bits); the defaults are the tuned values
};

class Matcher {
 public:
  explicit Matcher(const Index& index, MatchOptions options = {}) : index_(&index), options_(options) {}

  [[nodiscard]] MatchResult match(const Call& call) const;
  /// Matches every call, then groups duplicate/split recordings (same conference key or same
  /// interview with overlapping or adjacent times): one primary, the others `duplicate_call`.
  [[nodiscard]] std::vector<MatchResult> match_batch(std::span<const Call> calls) const;

 private:
  const Index* index_;
  MatchOptions options_;
};

}  // namespace leverkit::match
