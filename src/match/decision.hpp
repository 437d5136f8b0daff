// Private: the pure decision of the matcher. Given the scored candidates (best first) and a few
// facts about the call's identity, decide status, reason, what to link and which warnings to
// raise. No index, no strings, no I/O: unit-tested on hand-made inputs (decision_test.cpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "leverkit/match/names.hpp"
#include "leverkit/match/result.hpp"

namespace leverkit::inline v0::match::detail {

enum class TimeLevel { on_time, loose, tz_shift, same_day, other_day, far };

/// One scored candidate interview as the decision sees it.
struct Option {
  double score = 0;                  // log2 odds
  bool strong = false;               // a unique key, dial-in, email or phone agrees
  bool key_backed = false;           // the conference key or dial-in agrees
  bool canceled = false;
  bool mismatches = false;           // some compared field disagrees (data_mismatch material)
  bool identity_backed = false;      // its candidate is one the attendee's email/phone point to
  bool contradicted = false;         // the attendee's email/phone is none of its candidate's (who has some)
  NameLevel name = NameLevel::missing;
  TimeLevel time = TimeLevel::far;
  double coverage = -1;              // interviewers present, -1 when not comparable
  std::int64_t delta_ms = 0;         // call start - interview start
  std::uint32_t opp = 0xffffffffu;   // candidate (opportunity) record, kNone when unknown
  std::string_view contact;          // the Lever person behind the opportunity
};

/// What the attendee's identifiers (email, phone) say, independent of any one interview.
struct IdentityFacts {
  bool strong = false;                       // they reach some Lever candidate (plus-stripped email, phone or better)
  std::size_t contacts = 0;                  // distinct non-anonymized Lever people they reach
  std::optional<std::uint32_t> live_opp;     // the first such candidate that is live (not anonymized/deleted)
  bool external_identity = false;            // the call has an external attendee (email, name) or a phone
};

struct Thresholds {
  double accept_bits = 5;    // log2(p/(1-p)) of MatchOptions::accept_probability
  double review_bits = 0;
  double margin_bits = 3;
  double canceled_weight = -8;
};

enum class Link { none, opportunity, interview };

struct Decision {
  MatchStatus status = MatchStatus::no_match;
  std::optional<ReasonCode> reason;          // primary reason (none when matched)
  std::optional<std::size_t> subject;        // the option the result is about (links, messages)
  std::optional<std::size_t> other;          // the runner-up named by ambiguous/duplicate_candidates
  Link link = Link::none;
  bool link_live_opp = false;                // link IdentityFacts::live_opp (no_interview_scheduled, data_mismatch)
  bool contradiction = false;                // identity_conflict raised by contradicting identifiers and name
  std::vector<WarningCode> warnings;         // matched only
};

/// `ranked` is sorted best first (after the unanchored cap).
Decision decide(std::span<const Option> ranked, const IdentityFacts& id, const Thresholds& t);

}  // namespace leverkit::match::detail
