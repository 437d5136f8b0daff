// leverkit/match/result.hpp — the outcome of matching one call, with its explanation.
//
// What: `MatchResult` — status (`matched`, `needs_review`, `no_match`), the linked opportunity /
// interview / panel, reason codes with a sentence naming the evidence (data_mismatch also lists
// the disagreeing fields), warnings on matched calls, the additive log2 evidence of the best
// candidate, the runner-ups, the enrichment of a matched call, and its duplicate/split group.
// `to_json` renders the one-line JSON the CLI prints (format in docs/matching.md).
// Errors: none. Thread-safety: value types.
// Example:
//   auto r = matcher.match(call);
//   if (r.status == leverkit::match::MatchStatus::matched) use(*r.interview_id, r.enrichment);
//   else for (auto& why : r.reasons) log(why.message);
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace leverkit::inline v0::match {

enum class MatchStatus { matched, needs_review, no_match };

enum class ReasonCode {
  candidate_not_in_ats,
  duplicate_candidates,
  duplicate_call,
  data_mismatch,
  insufficient_info,
  wrong_meeting_type,
  interview_canceled,
  no_interview_scheduled,
  ambiguous,
  identity_conflict,
  interview_already_linked,  // match_batch: another meeting's recording holds the interview
};

enum class WarningCode {
  reschedule_suspected,
  timezone_shift_suspected,
  participant_mismatch,
  identity_mismatch,  // the attendee's email/phone is not among the candidate's in Lever
};

struct Reason {
  ReasonCode code{};
  std::string message;              // a sentence naming the evidence
  std::vector<std::string> fields;  // data_mismatch: "time", "interviewers", "conference_link", ...
};

struct Warning {
  WarningCode code{};
  std::string message;
};

/// One additive term of the score: `weight` bits (log2 Bayes factor) for `feature` at `level`.
struct Evidence {
  std::string feature;  // "candidate_email", "conference_key", "time", ...
  std::string level;    // "exact", "on_time", "unique_equal", ...
  double weight = 0;
  std::string detail;   // the values compared
};

struct Candidate {
  std::string interview_id;
  std::string opportunity_id;
  double score = 0;     // log2 odds
  std::string found_by; // the blocking key that produced the pair
};

struct Enrichment {
  std::string candidate_name;
  std::string job_title;
  std::string stage;
  std::string location;            // the candidate's location (opportunity)
  std::string interview_location;  // where the interview was scheduled (Lever `location`)
  std::string opportunity_id;
  std::string interview_id;        // empty for debriefs
  std::string panel_id;
  std::string profile_url;
};

struct MatchResult {
  std::string call_id;
  MatchStatus status = MatchStatus::no_match;
  std::optional<std::string> opportunity_id;
  std::optional<std::string> interview_id;
  std::optional<std::string> panel_id;
  std::vector<Reason> reasons;          // primary first; empty when matched cleanly
  std::vector<Warning> warnings;        // matched calls only
  double score = 0;                     // best candidate's log2 odds (0 when none)
  double probability = 0;               // 1 / (1 + 2^-score)
  std::vector<Evidence> evidence;       // of the best candidate, strongest first
  std::vector<Candidate> candidates;    // top 3
  std::optional<Enrichment> enrichment; // matched calls only
  std::vector<std::string> related_call_ids;  // duplicate or split recordings of the same meeting
  std::string group_role;               // "", "primary", "duplicate", "split_part"
  std::string explanation;

  [[nodiscard]] bool has_reason(ReasonCode c) const noexcept;
  [[nodiscard]] bool has_warning(WarningCode c) const noexcept;
};

std::string_view to_string(MatchStatus s) noexcept;
std::string_view to_string(ReasonCode c) noexcept;
std::string_view to_string(WarningCode c) noexcept;

/// One JSON object on one line (no trailing newline).
std::string to_json(const MatchResult& r);

}  // namespace leverkit::match
