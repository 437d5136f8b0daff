// The matcher's pure decision function on hand-made options: each rule and its precedence.
#include <doctest/doctest.h>

#include <vector>

#include "decision.hpp"

using namespace leverkit::match;
using namespace leverkit::match::detail;

namespace {

const Thresholds kT{};  // accept 5 bits, review 0, margin 3, canceled -8

Option strong(double score, std::uint32_t opp = 1) {
  Option o;
  o.score = score;
  o.strong = o.key_backed = true;
  o.identity_backed = true;
  o.name = NameLevel::exact;
  o.time = TimeLevel::on_time;
  o.coverage = 1;
  o.opp = opp;
  o.contact = opp == 1 ? "c1" : "c2";
  return o;
}

}  // namespace

TEST_CASE("decide: nothing at all is insufficient_info, an external attendee nobody knows is candidate_not_in_ats") {
  auto d = decide({}, IdentityFacts{}, kT);
  CHECK(d.status == MatchStatus::no_match);
  CHECK(d.reason == ReasonCode::insufficient_info);
  CHECK_FALSE(d.subject);
  IdentityFacts ext;
  ext.external_identity = true;
  CHECK(decide({}, ext, kT).reason == ReasonCode::candidate_not_in_ats);
}

TEST_CASE("decide: a strong, clear best is matched with its interview, warnings follow time and attendance") {
  std::vector<Option> opts{strong(20), strong(5, 2)};
  auto d = decide(opts, IdentityFacts{.strong = true, .contacts = 1, .live_opp = 1u}, kT);
  CHECK(d.status == MatchStatus::matched);
  CHECK(d.link == Link::interview);
  CHECK(d.subject == 0u);
  CHECK(d.warnings.empty());
  CHECK_FALSE(d.reason);

  opts[0].time = TimeLevel::tz_shift;
  CHECK(decide(opts, {}, kT).warnings == std::vector<WarningCode>{WarningCode::timezone_shift_suspected});
  opts[0].time = TimeLevel::same_day;
  opts[0].delta_ms = 45 * 60'000;
  opts[0].coverage = 0;
  CHECK(decide(opts, {}, kT).warnings ==
        std::vector<WarningCode>{WarningCode::reschedule_suspected, WarningCode::participant_mismatch});
}

TEST_CASE("decide: name and time alone never auto-link, with half the interviewers on time they do") {
  Option o;
  o.score = 12;
  o.name = NameLevel::exact;
  o.time = TimeLevel::on_time;
  o.coverage = -1;
  auto d = decide(std::vector<Option>{o}, {}, kT);
  CHECK(d.status == MatchStatus::needs_review);
  CHECK(d.reason == ReasonCode::insufficient_info);
  CHECK(d.link == Link::interview);
  o.coverage = 0.5;
  CHECK(decide(std::vector<Option>{o}, {}, kT).status == MatchStatus::matched);
  o.time = TimeLevel::loose;
  CHECK(decide(std::vector<Option>{o}, {}, kT).status == MatchStatus::needs_review);
}

TEST_CASE("decide: a runner-up within the margin is ambiguous, or duplicate_candidates for two people the email reaches") {
  std::vector<Option> opts{strong(20), strong(18, 2)};
  opts[1].identity_backed = false;
  auto d = decide(opts, IdentityFacts{.strong = true, .contacts = 1}, kT);
  CHECK(d.status == MatchStatus::needs_review);
  CHECK(d.reason == ReasonCode::ambiguous);
  CHECK(d.other == 1u);
  CHECK(d.link == Link::none);
  opts[1].identity_backed = true;
  CHECK(decide(opts, IdentityFacts{.strong = true, .contacts = 2}, kT).reason == ReasonCode::duplicate_candidates);
  // the same person twice (one contact) stays ambiguous
  opts[1].contact = "c1";
  CHECK(decide(opts, IdentityFacts{.strong = true, .contacts = 2}, kT).reason == ReasonCode::ambiguous);
}

TEST_CASE("decide: identifiers that reach another candidate are an identity_conflict, linked to the opportunity only") {
  std::vector<Option> opts{strong(20)};
  opts[0].identity_backed = false;
  auto d = decide(opts, IdentityFacts{.strong = true, .contacts = 1, .live_opp = 7u}, kT);
  CHECK(d.status == MatchStatus::needs_review);
  CHECK(d.reason == ReasonCode::identity_conflict);
  CHECK(d.link == Link::opportunity);
  // below review the conflict is not raised
  opts[0].score = -1;
  CHECK(decide(opts, IdentityFacts{.strong = true, .contacts = 1, .live_opp = 7u}, kT).reason != ReasonCode::identity_conflict);
}

TEST_CASE("decide: the review band reports data_mismatch when fields disagree, else insufficient_info") {
  Option o;
  o.score = 2;
  o.time = TimeLevel::same_day;
  auto d = decide(std::vector<Option>{o}, {}, kT);
  CHECK(d.status == MatchStatus::needs_review);
  CHECK(d.reason == ReasonCode::insufficient_info);
  o.mismatches = true;
  CHECK(decide(std::vector<Option>{o}, {}, kT).reason == ReasonCode::data_mismatch);
}

TEST_CASE("decide: no-match reasons in precedence order") {
  // a canceled interview that would otherwise be a match
  Option canceled = strong(-1);
  canceled.canceled = true;
  auto d = decide(std::vector<Option>{canceled}, IdentityFacts{.strong = true, .contacts = 1, .live_opp = 1u}, kT);
  CHECK(d.reason == ReasonCode::interview_canceled);
  CHECK(d.link == Link::opportunity);
  // a known candidate with two Lever people behind the email
  CHECK(decide({}, IdentityFacts{.strong = true, .contacts = 2, .live_opp = 1u}, kT).reason == ReasonCode::duplicate_candidates);
  // a known candidate without an interview near the call
  d = decide({}, IdentityFacts{.strong = true, .contacts = 1, .live_opp = 1u, .external_identity = true}, kT);
  CHECK(d.reason == ReasonCode::no_interview_scheduled);
  CHECK(d.link_live_opp);
  // ... or with one that disagrees
  Option far;
  far.score = -4;
  far.opp = 1;
  far.mismatches = true;
  d = decide(std::vector<Option>{far}, IdentityFacts{.strong = true, .contacts = 1, .live_opp = 1u}, kT);
  CHECK(d.reason == ReasonCode::data_mismatch);
  CHECK(d.subject == 0u);
  // a shared link whose other fields disagree, nobody identified
  Option key;
  key.score = -3;
  key.key_backed = true;
  key.mismatches = true;
  d = decide(std::vector<Option>{key}, {}, kT);
  CHECK(d.reason == ReasonCode::data_mismatch);
  CHECK(d.link == Link::opportunity);
}

TEST_CASE("decide: contradicting identifiers warn on a match, and with a different name are an identity_conflict") {
  std::vector<Option> opts{strong(20)};
  opts[0].contradicted = true;
  auto d = decide(opts, {}, kT);
  CHECK(d.status == MatchStatus::matched);
  CHECK(d.warnings == std::vector<WarningCode>{WarningCode::identity_mismatch});
  opts[0].name = NameLevel::different;
  d = decide(opts, {}, kT);
  CHECK(d.status == MatchStatus::needs_review);
  CHECK(d.reason == ReasonCode::identity_conflict);
  CHECK(d.contradiction);
  CHECK(d.link == Link::opportunity);
}

TEST_CASE("decide: a close runner-up that the identifiers reach, against a best the link reaches, is an identity_conflict") {
  std::vector<Option> opts{strong(15), strong(13, 2)};
  opts[0].identity_backed = false;
  auto d = decide(opts, IdentityFacts{.strong = true, .contacts = 1, .live_opp = 2u}, kT);
  CHECK(d.reason == ReasonCode::identity_conflict);
  CHECK(d.subject == 0u);
  // neither reached by the identifiers: plain ambiguity
  opts[1].identity_backed = false;
  CHECK(decide(opts, IdentityFacts{}, kT).reason == ReasonCode::ambiguous);
}
