// Debriefs: a debrief follows a candidate's panel; it links to the candidate (and the panel),
// never to an interview.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "engine.hpp"

namespace leverkit::inline v0::match::detail {

MatchResult Engine::debrief(const NormCall& c, MatchResult r) const {
  // A debrief follows the candidate's panel: find candidates named in the title and/or
  // interviewed by the attendees during the look-back window.
  const std::int64_t from = c.start - std::int64_t{o_.debrief_lookback_days} * kDayMs;
  std::unordered_map<std::uint32_t, std::pair<double, std::uint32_t>> opp_score;  // opp -> (score, latest iv)
  // O(1) de-duplication: a per-thread stamp per interview, bumped every call.
  thread_local std::vector<std::uint32_t> stamp;
  thread_local std::uint32_t epoch = 0;
  if (stamp.size() < d_.ivs.size()) stamp.assign(d_.ivs.size(), 0);
  if (++epoch == 0) { std::fill(stamp.begin(), stamp.end(), 0); epoch = 1; }
  auto consider = [&](std::uint32_t iv) {
    const auto& rec = d_.ivs[iv];
    if (rec.opp == kNone || rec.canceled || rec.start_ms < from || rec.start_ms > c.start + kHourMs) return;
    if (stamp[iv] == epoch) return;
    stamp[iv] = epoch;
    auto& slot = opp_score[rec.opp];
    if (slot.second == 0 && slot.first == 0) slot.second = iv;
    if (d_.ivs[slot.second].start_ms < rec.start_ms) slot.second = iv;
  };
  const std::int64_t d0 = day_of(from), d1 = day_of(c.start);
  for (const auto& t : c.title_tokens)
    for (std::int64_t day = d0; day <= d1; ++day)
      for (auto [k, iv] : d_.by_name_day.find(key_hash(t, day))) consider(iv);
  for (const auto& p : c.internal)
    if (p.email)
      for (std::int64_t day = d0; day <= d1; ++day)
        for (auto [k, iv] : d_.by_interviewer_day.find(key_hash(p.email->exact, day))) consider(iv);

  struct DebriefCand {
    std::uint32_t opp, iv;
    double score;
    bool named;
    double coverage;
  };
  std::vector<DebriefCand> cands;
  for (auto& [o, slot] : opp_score) {
    const OppRec& rec = d_.opps[o];
    int hits = 0;
    for (const auto& t : rec.name_tokens) hits += contains(c.title_tokens, t) ? 1 : 0;
    bool named = rec.name_tokens.size() >= 2 && hits >= 2;
    // Coverage: attendees who interviewed this candidate within the window.
    std::size_t attended = 0;
    for (const auto& p : c.internal) {
      bool interviewed = false;
      for (auto iv : rec.interviews) {
        const auto& ir = d_.ivs[iv];
        if (ir.canceled || ir.start_ms < from || ir.start_ms > c.start + kHourMs) continue;
        for (std::uint32_t pid : ir.interviewers)
          if (p.email && d_.people[pid].email == p.email->exact) interviewed = true;
      }
      attended += interviewed ? 1 : 0;
    }
    double cov = c.internal.empty() ? 0 : static_cast<double>(attended) / static_cast<double>(c.internal.size());
    double sc = (named ? 8.0 : (hits == 1 ? 1.0 : 0.0)) + (cov >= 0.5 ? 4.0 : cov > 0 ? 2.0 : 0.0) +
                (c.start - d_.ivs[slot.second].end_ms <= 2 * kDayMs ? 1.0 : 0.0);
    cands.push_back({o, slot.second, sc, named, cov});
  }
  std::sort(cands.begin(), cands.end(), [](const auto& a, const auto& b) { return a.score > b.score; });
  for (std::size_t i = 0; i < cands.size() && i < 3; ++i)
    r.candidates.push_back({"", d_.opps[cands[i].opp].opp->id, cands[i].score, cands[i].named ? "title_name" : "interviewers"});
  if (!cands.empty()) {
    r.score = cands[0].score;
    r.probability = 1.0 / (1.0 + std::exp2(-r.score));
    r.evidence.push_back({"title_names_candidate", cands[0].named ? "yes" : "no", cands[0].named ? 8.0 : 0.0, {}});
    r.evidence.push_back({"attendees_interviewed_candidate", fmt::format("{:.0f}%", cands[0].coverage * 100), cands[0].coverage >= 0.5 ? 4.0 : cands[0].coverage > 0 ? 2.0 : 0.0, {}});
  }
  const bool close = cands.size() > 1 && cands[0].score - cands[1].score < o_.margin_bits && cands[1].score >= 4;
  if (!cands.empty() && cands[0].named && !close && (cands[0].coverage > 0 || c.internal.empty() || cands.size() == 1)) {
    r.status = MatchStatus::matched;
    r.opportunity_id = d_.opps[cands[0].opp].opp->id;
    const auto& pid = d_.ivs[cands[0].iv].panel_id;
    if (!pid.empty()) r.panel_id = pid;
    enrich(r, cands[0].opp, kNone);
    if (r.enrichment) r.enrichment->panel_id = pid;
    r.explanation = fmt::format("Debrief matched to candidate {} and the panel {} that ended {} (title names the candidate; "
                                "{:.0f}% of attendees interviewed them). Debriefs link to the candidate, not an interview.",
                                who(cands[0].opp), pid.empty() ? "(none)" : pid, when(d_.ivs[cands[0].iv].end_ms),
                                cands[0].coverage * 100);
    return r;
  }
  if (close) {
    r.status = MatchStatus::needs_review;
    r.reasons.push_back({ReasonCode::ambiguous,
                         fmt::format("The debrief fits {} and {} about equally well.", who(cands[0].opp), who(cands[1].opp)), {}});
  } else if (!cands.empty() && cands[0].coverage >= 0.5) {
    r.status = MatchStatus::needs_review;
    r.opportunity_id = d_.opps[cands[0].opp].opp->id;
    r.reasons.push_back({ReasonCode::insufficient_info,
                         fmt::format("The debrief's title does not name a candidate; its attendees interviewed {} recently.",
                                     who(cands[0].opp)),
                         {}});
  } else {
    r.status = MatchStatus::no_match;
    r.reasons.push_back({ReasonCode::insufficient_info,
                         "No candidate is named in the debrief's title and its attendees interviewed nobody in the look-back window.",
                         {}});
  }
  r.explanation = (r.status == MatchStatus::needs_review ? "Needs review: " : "Not matched: ") + r.reasons.front().message;
  return r;
}

}  // namespace leverkit::match::detail
