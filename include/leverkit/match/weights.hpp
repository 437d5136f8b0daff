// leverkit/match/weights.hpp — the matcher's feature weights as data.
//
// What: `MatchWeights`, every additive term the scorer uses, in log2 Bayes-factor bits
// (match-autofill.md §5.3; docs/matching.md lists them). The defaults are the tuned values; a
// host that re-estimates them on its own labelled calls passes its own through
// `MatchOptions::weights`. Which identifier counts as "strong" is decided by level, not weight,
// so a re-weighting cannot turn a name into an identifier.
// Errors: none. Thread-safety: value type.
// Example:
//   leverkit::match::MatchOptions o;
//   o.weights.time_on = 5;                        // a notetaker whose clocks drift
//   leverkit::match::Matcher m{std::move(index), o};
#pragma once

namespace leverkit::inline v0::match {

struct MatchWeights {
  // Conference key and dial-in digits (one group: the stronger counts).
  double conf_unique = 12, conf_room = 3, conf_other = -2;
  double dial_equal = 10, dial_other = -1;
  // Identity: email, phone, name (capped at max(member) + identity_cap_bonus, they correlate).
  double email_exact = 10, email_provider = 9, email_plus = 7, email_local = 1, email_absent = -1;
  double phone_exact = 9, phone_nsn = 7;
  double name_exact = 5, name_nickname = 4, name_fuzzy = 3, name_surname = 1.5, name_different = -4;
  double identity_cap_bonus = 3;
  /// The attendee's email or phone agrees with none of the candidate's ATS identifiers of that
  /// kind (and the candidate has some): evidence against, and a warning (or, with a different
  /// name too, identity_conflict).
  double identity_contradicts = -2;
  /// A positive name level loses log2(Lever people sharing the full name) bits, at most
  /// common_name_cap, keeping at least name_floor: "Michael Brown" says less than "Ingrid Larsen".
  double common_name_cap = 3, name_floor = 1;
  double title_name = 2;
  // Time (instants), interviewers present, duration, cancellation, job title, prior.
  double time_on = 6, time_loose = 3, time_same_day = 0, time_tz = 4, time_other_day = -3, time_far = -6;
  double interviewers_half = 4, interviewers_some = 2, interviewers_none = -3;
  double duration_ok = 0.5, duration_short = -1;
  double canceled = -8;
  double job_title = 1;
  double prior_cap = 6;
};

}  // namespace leverkit::match
