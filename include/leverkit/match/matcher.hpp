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
// Ownership: the Matcher shares its Index (`std::shared_ptr<const Index>`), so it stays valid
// however long the caller keeps its own handle; copying a Matcher is cheap and shares the index.
// A null index (or a moved-from Matcher) matches against an empty Lever account: every call is
// `no_match`, never a crash.
// Thread-safety: `match` is const and reentrant; one Matcher may serve many threads.
// Example:
//   leverkit::match::Matcher m{leverkit::match::Index::build(std::move(snapshot))};
//   for (const auto& r : m.match_batch(calls)) std::puts(leverkit::match::to_json(r).c_str());
#pragma once

#include <memory>
#include <span>
#include <vector>

#include "leverkit/match/call.hpp"
#include "leverkit/match/index.hpp"
#include "leverkit/match/result.hpp"
#include "leverkit/match/weights.hpp"

namespace leverkit::inline v0::match {

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
  /// Shares `index` (several matchers, or the caller, may hold it too).
  explicit Matcher(std::shared_ptr<const Index> index, MatchOptions options = {});
  /// Takes the index over: `Matcher m{Index::build(snapshot)}`.
  explicit Matcher(Index index, MatchOptions options = {});

  [[nodiscard]] MatchResult match(const Call& call) const;
  /// Matches every call, then groups duplicate/split recordings (same conference key or same
  /// interview with overlapping or adjacent times): one primary, the others `duplicate_call`.
  [[nodiscard]] std::vector<MatchResult> match_batch(std::span<const Call> calls) const;

  /// The index matched against (an empty one when constructed from null).
  [[nodiscard]] const Index& index() const;
  [[nodiscard]] const std::shared_ptr<const Index>& shared_index() const noexcept { return index_; }
  [[nodiscard]] const MatchOptions& options() const noexcept { return options_; }

 private:
  std::shared_ptr<const Index> index_;
  MatchOptions options_;
};

}  // namespace leverkit::match
