// Explanations and enrichment: the sentences a human reads and the Lever context of a match.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "engine.hpp"

namespace leverkit::inline v0::match::detail {

std::string Engine::when(std::int64_t ms) const { return to_iso8601(from_unix_ms(ms)); }

std::string Engine::iv_label(const Scored& s) const {
  const auto& rec = d_.ivs[s.iv];
  return fmt::format("interview {} with {} at {}", rec.iv->id, who(rec.opp), when(rec.start_ms));
}

std::string Engine::who(std::uint32_t opp) const {
  if (opp == kNone) return "an unknown candidate";
  const auto& o = *d_.opps[opp].opp;
  return fmt::format("{} (opportunity {})", o.name, o.id);
}

void Engine::explain_evidence(MatchResult& r, const Scored& s) {
  // A stable insertion sort on a copy of the fixed-size list: the same order as std::stable_sort
  // (a stable order is unique) without its temporary buffer.
  EvList ev = s.ev;
  for (std::size_t i = 1; i < ev.n; ++i) {
    const Ev e = ev.v[i];
    std::size_t j = i;
    while (j > 0 && std::fabs(e.weight) > std::fabs(ev.v[j - 1].weight)) {
      ev.v[j] = ev.v[j - 1];
      --j;
    }
    ev.v[j] = e;
  }
  r.evidence.reserve(r.evidence.size() + ev.n);
  for (const auto& e : ev) r.evidence.push_back(Evidence{e.feature, e.level, e.weight, {}});
}

void Engine::enrich(MatchResult& r, std::uint32_t oi, std::uint32_t ivi) const {
  if (!o_.enrich || oi == kNone) return;
  const Opportunity& o = *d_.opps[oi].opp;
  Enrichment e;
  e.candidate_name = o.name;
  e.opportunity_id = o.id;
  e.location = o.location.value_or("");
  e.profile_url = o.urls.show.value_or("https://hire.lever.co/candidates/" + o.id);
  auto posting_text = [&](const Expandable<Posting>& p) -> std::string {
    if (p.object) return p.object->text;
    if (auto it = d_.postings.find(p.id); it != d_.postings.end()) return it->second->text;
    return {};
  };
  auto stage_text = [&](const Expandable<Stage>& st) -> std::string {
    if (st.object && !st.object->text.empty()) return st.object->text;
    if (auto it = d_.stages.find(st.id); it != d_.stages.end()) return it->second->text;
    return {};
  };
  if (ivi != kNone) {
    const Interview& iv = *d_.ivs[ivi].iv;
    e.interview_id = iv.id;
    e.panel_id = d_.ivs[ivi].panel_id;
    e.interview_location = iv.location.value_or("");
    for (const auto& p : iv.postings) if (e.job_title.empty()) e.job_title = posting_text(p);
    if (iv.stage) e.stage = stage_text(*iv.stage);
  }
  for (const auto& a : o.applications)
    if (e.job_title.empty() && a.object && a.object->posting) e.job_title = posting_text(*a.object->posting);
  if (e.stage.empty() && o.stage) e.stage = stage_text(*o.stage);
  if (!e.panel_id.empty()) r.panel_id = e.panel_id;
  r.enrichment = std::move(e);
}

std::string list_fields(const Fields& f) {
  std::string out;
  for (std::size_t i = 0; i < f.n; ++i) {
    std::string_view s = f.v[i];
    if (!out.empty()) out += ", ";
    out += s;
  }
  return out;
}

std::string evidence_sentence(const Scored& s, std::size_t top) {
  // Fixed-size lists instead of vectors: std::sort permutes them exactly as it would a vector.
  EvList pos, neg;
  for (const auto& e : s.ev) {
    if (std::string_view(e.feature) == "prior") continue;
    (e.weight >= 0 ? pos : neg).push_back(e);
  }
  auto by = [](const Ev& a, const Ev& b) { return std::fabs(a.weight) > std::fabs(b.weight); };
  std::sort(pos.v.begin(), pos.v.begin() + static_cast<std::ptrdiff_t>(pos.n), by);
  std::sort(neg.v.begin(), neg.v.begin() + static_cast<std::ptrdiff_t>(neg.n), by);
  std::string out;
  for (std::size_t i = 0; i < pos.n && i < top; ++i)
    out += fmt::format("{}{} {} ({:+.1f})", out.empty() ? "" : ", ", pos.v[i].feature, pos.v[i].level, pos.v[i].weight);
  if (neg.n != 0) {
    out += out.empty() ? "against: " : "; against: ";
    for (std::size_t i = 0; i < neg.n && i < 3; ++i)
      out += fmt::format("{}{} {} ({:+.1f})", i ? ", " : "", neg.v[i].feature, neg.v[i].level, neg.v[i].weight);
  }
  return out;
}

}  // namespace leverkit::match::detail
