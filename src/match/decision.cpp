// The matcher's decision as a pure function: status, reason, link and warnings from the ranked
// options. Precedence (docs/matching.md "Decision"): a close runner-up (ambiguous / duplicate
// candidates), then identifiers pointing at another candidate (identity_conflict), then an
// auto-link guarded by a strong identifier (or name + on time + half the interviewers), then the
// review band, then the most specific no-match reason.
#include "decision.hpp"

#include <cstdlib>

#include "engine.hpp"

namespace leverkit::inline v0::match::detail {

Decision decide(std::span<const Option> ranked, const IdentityFacts& id, const Thresholds& t) {
  Decision d;
  const Option* best = ranked.empty() ? nullptr : &ranked[0];
  const Option* runner = ranked.size() > 1 ? &ranked[1] : nullptr;
  const bool reviewable = best && best->score >= t.review_bits;
  const bool conflict = reviewable && id.strong && !best->identity_backed;
  const bool guard = best && (best->strong || (best->name >= NameLevel::fuzzy && best->time == TimeLevel::on_time &&
                                               best->coverage >= 0.5));
  const bool runner_close = reviewable && runner && runner->score >= t.review_bits && best->score - runner->score < t.margin_bits;

  // A close runner-up that the attendee's identifiers point to, while the link and time point to
  // the best: that is the identity conflict, not two equally good interviews.
  if (runner_close && conflict && runner->identity_backed) {
    d.status = MatchStatus::needs_review;
    d.reason = ReasonCode::identity_conflict;
    d.subject = 0;
    d.link = Link::opportunity;
    return d;
  }
  if (runner_close) {
    d.status = MatchStatus::needs_review;
    d.subject = 0;
    d.other = 1;
    const bool dup_people = best->opp != runner->opp && best->opp != kNone && runner->opp != kNone &&
                            best->contact != runner->contact && best->identity_backed && runner->identity_backed &&
                            id.contacts >= 2;
    d.reason = dup_people ? ReasonCode::duplicate_candidates : ReasonCode::ambiguous;
    return d;
  }
  if (conflict) {
    d.status = MatchStatus::needs_review;
    d.reason = ReasonCode::identity_conflict;
    d.subject = 0;
    d.link = Link::opportunity;
    return d;
  }
  // The link says this interview, but the attendee's email/phone are not the candidate's and
  // their name differs too: probably someone else on the link.
  if (reviewable && best->contradicted && best->name == NameLevel::different) {
    d.status = MatchStatus::needs_review;
    d.reason = ReasonCode::identity_conflict;
    d.contradiction = true;
    d.subject = 0;
    d.link = Link::opportunity;
    return d;
  }
  if (best && best->score >= t.accept_bits && !best->canceled) {
    d.subject = 0;
    d.link = Link::interview;
    if (!guard) {
      d.status = MatchStatus::needs_review;
      d.reason = ReasonCode::insufficient_info;  // only name and time
      return d;
    }
    d.status = MatchStatus::matched;
    if (best->time == TimeLevel::tz_shift) d.warnings.push_back(WarningCode::timezone_shift_suspected);
    else if (std::llabs(best->delta_ms) > 30 * kMinuteMs) d.warnings.push_back(WarningCode::reschedule_suspected);
    if (best->coverage == 0.0 || best->name == NameLevel::different) d.warnings.push_back(WarningCode::participant_mismatch);
    if (best->contradicted) d.warnings.push_back(WarningCode::identity_mismatch);
    return d;
  }
  if (reviewable && !best->canceled) {
    d.status = MatchStatus::needs_review;
    d.subject = 0;
    d.link = Link::interview;
    d.reason = best->mismatches ? ReasonCode::data_mismatch : ReasonCode::insufficient_info;
    return d;
  }

  d.status = MatchStatus::no_match;
  // The most specific reason, in precedence order.
  for (std::size_t i = 0; i < ranked.size(); ++i) {
    const Option& o = ranked[i];
    if (o.canceled && o.score - t.canceled_weight >= t.accept_bits && (o.strong || o.identity_backed)) {
      d.reason = ReasonCode::interview_canceled;
      d.subject = i;
      d.link = Link::opportunity;
      return d;
    }
  }
  if (id.live_opp && id.contacts >= 2) {
    d.reason = ReasonCode::duplicate_candidates;
    return d;
  }
  if (id.live_opp) {
    d.link_live_opp = true;
    // A candidate interview exists but disagrees, or there is none near the call.
    for (std::size_t i = 0; i < ranked.size(); ++i)
      if (ranked[i].opp == *id.live_opp && !ranked[i].canceled) {
        if (ranked[i].mismatches) {
          d.reason = ReasonCode::data_mismatch;
          d.subject = i;
          return d;
        }
        break;
      }
    d.reason = ReasonCode::no_interview_scheduled;
    return d;
  }
  if (id.external_identity) {
    d.reason = ReasonCode::candidate_not_in_ats;
    return d;
  }
  if (best && best->mismatches && best->key_backed) {
    d.reason = ReasonCode::data_mismatch;
    d.subject = 0;
    d.link = Link::opportunity;
    return d;
  }
  d.reason = ReasonCode::insufficient_info;
  return d;
}

}  // namespace leverkit::match::detail
