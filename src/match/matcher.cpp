// The matcher's front door: one call through the rooms (lookup → scoring → decision →
// explanation), and batches (batch.cpp: grouping and one-to-one assignment).
#include "leverkit/match/matcher.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "batch.hpp"
#include "decision.hpp"
#include "engine.hpp"

namespace leverkit::inline v0::match {

namespace detail {

Engine::Engine(const IndexData& d, const MatchOptions& o) : d_(d), o_(o) {
  accept_bits_ = std::log2(o.accept_probability / (1 - o.accept_probability));
  review_bits_ = std::log2(o.review_probability / (1 - o.review_probability));
}

MatchResult Engine::run(const Call& call) const {
  MatchResult r;
  r.call_id = call.id;
  NormCall c = normalise(call);

  if (c.type == MeetingType::internal || c.type == MeetingType::other) {
    r.status = MatchStatus::no_match;
    r.reasons.push_back({ReasonCode::wrong_meeting_type,
                         fmt::format("The call is a{} {} meeting, not a job interview or debrief; only those are linked to Lever.",
                                     c.type == MeetingType::internal ? "n" : "", to_string(c.type)),
                         {}});
    r.explanation = r.reasons.front().message;
    return r;
  }
  if (c.type == MeetingType::debrief) return debrief(c, std::move(r));

  // Per-thread scratch reused across calls: a blocked call yields tens of ~500-byte Scored
  // records, and a fresh buffer each call costs malloc consolidation.
  thread_local std::vector<std::pair<std::uint32_t, const char*>> cand;
  thread_local std::vector<Scored> store;
  thread_local std::vector<Scored*> scored;
  cand.clear();
  store.clear();
  scored.clear();
  IdentityOpps ids = identity_opps(c);
  lookup(c, ids, cand);

  // ---- scoring ----
  const double prior = prior_bits(c);
  // Scored records are large: sort pointers to them. std::sort's permutation depends only on
  // the comparison outcomes, so ties keep exactly the order sorting the records would give.
  store.reserve(cand.size());
  for (auto [iv, by] : cand) {
    store.push_back(score(c, iv, prior));
    store.back().found_by = by;
  }
  scored.reserve(store.size());
  for (auto& s : store) scored.push_back(&s);
  auto by_score = [](const Scored* a, const Scored* b) { return a->score > b->score; };
  std::sort(scored.begin(), scored.end(), by_score);
  for (std::size_t i = 0; i < scored.size() && i < 3; ++i) {
    const auto& rec = d_.ivs[scored[i]->iv];
    r.candidates.push_back({rec.iv->id, rec.opp != kNone ? d_.opps[rec.opp].opp->id : "", scored[i]->score, scored[i]->found_by});
  }

  // Interviewers and a loose time alone cannot even justify a review (an ongoing-call invite).
  for (Scored* sp : scored)
    if (auto& s = *sp; !s.anchored && s.time != TimeLevel::on_time && s.time != TimeLevel::loose && s.time != TimeLevel::tz_shift && s.score >= review_bits_)
      s.score = std::min(s.score, review_bits_ - 0.5), s.ev.push_back({"unanchored", "time_and_interviewers_only", 0});
  std::sort(scored.begin(), scored.end(), by_score);

  // ---- decision (pure) ----
  IdentityFacts facts;
  std::vector<std::string_view> contacts;  // distinct Lever people behind the strong identity
  for (auto [o, lvl] : ids) {
    if (lvl < 2) continue;
    facts.strong = true;
    const auto& rec = d_.opps[o];
    if (!rec.anonymized && std::find(contacts.begin(), contacts.end(), rec.contact_id) == contacts.end()) contacts.push_back(rec.contact_id);
    if (!rec.anonymized && !rec.deleted && !facts.live_opp) facts.live_opp = o;
  }
  facts.contacts = contacts.size();
  facts.external_identity = c.external_identity();
  thread_local std::vector<Option> options;
  options.clear();
  options.reserve(scored.size());
  for (const Scored* sp : scored) {
    const auto& rec = d_.ivs[sp->iv];
    Option o;
    o.score = sp->score;
    o.strong = sp->strong;
    o.key_backed = sp->key_backed;
    o.canceled = rec.canceled;
    o.mismatches = !sp->mismatches.empty();
    o.identity_backed = ids.count(rec.opp) > 0;
    o.contradicted = sp->contradicted;
    o.name = sp->name;
    o.time = sp->time;
    o.coverage = sp->coverage;
    o.delta_ms = sp->delta_ms;
    o.opp = rec.opp;
    if (rec.opp != kNone) o.contact = d_.opps[rec.opp].contact_id;
    options.push_back(o);
  }
  const Decision dec = decide(options, facts, {accept_bits_, review_bits_, o_.margin_bits, o_.weights.canceled});

  // ---- result and explanation ----
  const Scored* best = scored.empty() ? nullptr : scored[0];
  if (best) {
    r.score = best->score;
    r.probability = 1.0 / (1.0 + std::exp2(-best->score));
    explain_evidence(r, *best);
  }
  const Scored* subject = dec.subject ? scored[*dec.subject] : nullptr;
  const Scored* other = dec.other ? scored[*dec.other] : nullptr;
  auto opp_of = [&](const Scored* s) { return s ? d_.ivs[s->iv].opp : kNone; };
  r.status = dec.status;
  if (subject && dec.link != Link::none) {
    const auto& rec = d_.ivs[subject->iv];
    if (rec.opp != kNone) r.opportunity_id = d_.opps[rec.opp].opp->id;
    if (dec.link == Link::interview) {
      r.interview_id = rec.iv->id;
      if (!rec.panel_id.empty()) r.panel_id = rec.panel_id;
    }
  }
  if (dec.link_live_opp && facts.live_opp) r.opportunity_id = d_.opps[*facts.live_opp].opp->id;
  if (dec.status == MatchStatus::matched) enrich(r, opp_of(subject), subject->iv);
  for (WarningCode wc : dec.warnings) {
    switch (wc) {
      case WarningCode::timezone_shift_suspected:
        r.warnings.push_back({wc, fmt::format("The call started {:+.1f} h from the scheduled time, exactly a time-zone offset difference; "
                                              "the interview or the invite was probably entered in the wrong zone.",
                                              static_cast<double>(subject->delta_ms) / static_cast<double>(kHourMs))});
        break;
      case WarningCode::reschedule_suspected:
        r.warnings.push_back({wc, fmt::format("The call started {} min from the scheduled time ({}); the interview was probably moved "
                                              "without updating Lever.",
                                              subject->delta_ms / kMinuteMs, when(d_.ivs[subject->iv].start_ms))});
        break;
      case WarningCode::identity_mismatch:
        r.warnings.push_back({wc, fmt::format("The attendee's {} is not among {}'s in Lever, though the link, name or time agree; "
                                              "check it is the same person (or add the new contact to Lever).",
                                              attendee_identifiers(c), who(opp_of(subject)))});
        break;
      case WarningCode::participant_mismatch:
        r.warnings.push_back({wc, subject->coverage == 0.0
                                      ? std::string("None of the interviewers scheduled in Lever attended the call.")
                                      : std::string("The external attendee's name differs from the candidate's name in Lever.")});
        break;
    }
  }
  if (dec.reason) r.reasons.push_back(reason_for(*dec.reason, dec, c, ids, facts, subject, other));

  std::string head;
  switch (r.status) {
    case MatchStatus::matched:
      head = fmt::format("Matched to {} (p={:.3f}, found by {})", iv_label(*best), r.probability, best->found_by);
      break;
    case MatchStatus::needs_review: head = "Needs review: " + r.reasons.front().message; break;
    case MatchStatus::no_match: head = "Not matched: " + r.reasons.front().message; break;
  }
  if (best) head += fmt::format(" Evidence for the best candidate ({:.1f} bits): {}.", best->score, evidence_sentence(*best));
  for (const auto& wmsg : r.warnings) head += " Warning: " + wmsg.message;
  r.explanation = std::move(head);
  return r;
}

std::string Engine::attendee_identifiers(const NormCall& c) const {
  std::string out;
  for (const auto& p : c.external) {
    std::string one = p.email ? p.email->exact : join_tokens(p.tokens);
    if (p.email && !p.p->name.empty()) one = fmt::format("{} <{}>", p.p->name, p.email->exact);
    if (!out.empty()) out += ", ";
    out += one;
  }
  for (const auto& ph : c.phones) out += (out.empty() ? "phone " : ", phone ") + ph;
  return out.empty() ? std::string("identity") : out;
}

Reason Engine::reason_for(ReasonCode code, const Decision& dec, const NormCall& c, const IdentityOpps& ids,
                          const IdentityFacts& facts, const Scored* subject, const Scored* other) const {
  const Call& call = *c.call;
  auto opp_of = [&](const Scored* s) { return s ? d_.ivs[s->iv].opp : kNone; };
  switch (code) {
    case ReasonCode::duplicate_candidates:
      if (other)
        return {code,
                fmt::format("The attendee's email/phone belongs to {} Lever candidates ({} and {}), each with an interview at "
                            "this time; merge the duplicates or pick one.",
                            facts.contacts, who(opp_of(subject)), who(opp_of(other))),
                {}};
      return {code,
              fmt::format("The attendee's email/phone belongs to {} different Lever candidates and none has an interview "
                          "at this time.", facts.contacts),
              {}};
    case ReasonCode::ambiguous:
      return {code,
              fmt::format("Two interviews fit about equally well ({:.1f} vs {:.1f} bits, margin below {:.0f}): {} and {}.",
                          subject->score, other->score, o_.margin_bits, iv_label(*subject), iv_label(*other)),
              {}};
    case ReasonCode::identity_conflict: {
      if (dec.contradiction)
        return {code,
                fmt::format("The attendee ({}) is not {}: their email/phone and name disagree with Lever, though the link and time "
                            "point to {}.",
                            attendee_identifiers(c), who(opp_of(subject)), iv_label(*subject)),
                {}};
      std::string who_ids;
      for (auto [o, lvl] : ids) if (lvl >= 2) { who_ids = who(o); break; }
      return {code,
              fmt::format("Strong identifiers disagree: the attendee's email/phone is {}, but the link and time point to {}.",
                          who_ids, iv_label(*subject)),
              {}};
    }
    case ReasonCode::insufficient_info:
      if (dec.status == MatchStatus::needs_review && subject && subject->score >= accept_bits_)
        return {code,
                fmt::format("Only name and time point to {} (no link, email or phone agrees); confirm before linking.",
                            iv_label(*subject)),
                {}};
      if (dec.status == MatchStatus::needs_review && subject)
        return {code, fmt::format("The evidence for {} is too weak to link automatically.", iv_label(*subject)), {}};
      return {code,
              fmt::format("The call has no external attendee, no identifying link or dial-in and no phone{}; time alone "
                          "cannot identify an interview.",
                          call.source == CallSource::upload ? " (uploaded recording)"
                          : call.source == CallSource::ongoing_invite ? " (recorder invited into an ongoing call)" : ""),
              {}};
    case ReasonCode::data_mismatch:
      if (dec.status == MatchStatus::needs_review)
        return {code,
                fmt::format("{} is the closest interview but {} disagree.", iv_label(*subject), list_fields(subject->mismatches)),
                subject->mismatches.strings()};
      if (dec.link_live_opp)
        return {code,
                fmt::format("{} is {}'s interview nearest the call but {} disagree.", iv_label(*subject),
                            d_.opps[*facts.live_opp].opp->name, list_fields(subject->mismatches)),
                subject->mismatches.strings()};
      return {code,
              fmt::format("{} shares the call's link but {} disagree.", iv_label(*subject), list_fields(subject->mismatches)),
              subject->mismatches.strings()};
    case ReasonCode::interview_canceled: {
      const auto& rec = d_.ivs[subject->iv];
      return {code,
              fmt::format("The call fits {} but that interview was canceled at {}; no live interview matches.",
                          iv_label(*subject), when(to_unix_ms(*rec.iv->canceled_at))),
              {}};
    }
    case ReasonCode::no_interview_scheduled: {
      const std::uint32_t o = *facts.live_opp;
      std::int64_t nearest = -1;
      for (auto iv : d_.opps[o].interviews)
        if (!d_.ivs[iv].canceled && (nearest < 0 || std::llabs(d_.ivs[iv].start_ms - c.start) < std::llabs(nearest - c.start)))
          nearest = d_.ivs[iv].start_ms;
      return {code,
              nearest < 0 ? fmt::format("{} is in Lever but has no live interview.", who(o))
                          : fmt::format("{} is in Lever but has no interview near the call; the nearest is at {}.", who(o),
                                        when(nearest)),
              {}};
    }
    case ReasonCode::candidate_not_in_ats: {
      bool anonymized = std::any_of(ids.begin(), ids.end(), [&](const auto& kv) { return d_.opps[kv.first].anonymized; });
      std::string idtext;
      for (const auto& p : c.external) {
        if (!idtext.empty()) idtext += ", ";
        idtext += p.email ? p.email->exact : join_tokens(p.tokens);
      }
      if (idtext.empty()) idtext = "the dial-in phone";
      return {code,
              anonymized ? fmt::format("The external attendee ({}) only matches an anonymized Lever candidate.", idtext)
                         : fmt::format("No Lever candidate matches the external attendee ({}) by email, phone or name near "
                                       "the call time.", idtext),
              {}};
    }
    default: break;
  }
  return {code, std::string(to_string(code)), {}};
}

}  // namespace detail

namespace {

// What a null index means: an account with nothing in it. Built once, immutable, never freed
// before exit (a function-local static), so matchers that fall back to it cannot dangle either.
const Index& empty_index() {
  static const Index empty = Index::build(LeverSnapshot{});
  return empty;
}

}  // namespace

Matcher::Matcher(std::shared_ptr<const Index> index, MatchOptions options)
    : index_(std::move(index)), options_(std::move(options)) {}

Matcher::Matcher(Index index, MatchOptions options)
    : index_(std::make_shared<const Index>(std::move(index))), options_(std::move(options)) {}

const Index& Matcher::index() const { return index_ ? *index_ : empty_index(); }

MatchResult Matcher::match(const Call& call) const { return detail::Engine(index().data(), options_).run(call); }

std::vector<MatchResult> Matcher::match_batch(std::span<const Call> calls) const {
  detail::Engine engine(index().data(), options_);
  std::vector<MatchResult> out;
  out.reserve(calls.size());
  for (const auto& c : calls) out.push_back(engine.run(c));
  const auto group_of = detail::group_recordings(calls, out);
  detail::assign_one_to_one(calls, group_of, out, options_);
  return out;
}

}  // namespace leverkit::match
