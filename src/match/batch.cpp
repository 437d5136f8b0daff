#include "batch.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "index_data.hpp"
#include "leverkit/match/conference.hpp"

namespace leverkit::inline v0::match::detail {

namespace {

struct Dsu {
  std::vector<std::size_t> p;
  explicit Dsu(std::size_t n) : p(n) { for (std::size_t i = 0; i < n; ++i) p[i] = i; }
  std::size_t find(std::size_t x) { while (p[x] != x) x = p[x] = p[p[x]]; return x; }
  void unite(std::size_t a, std::size_t b) { p[find(a)] = find(b); }
};

int status_rank(MatchStatus s) { return s == MatchStatus::matched ? 2 : s == MatchStatus::needs_review ? 1 : 0; }

struct Span {
  std::int64_t start, end;
};

Span span_of(const Call& c) {
  const std::int64_t s = to_unix_ms(c.start);
  return {s, std::max(s, to_unix_ms(c.end))};
}

// Overlap as a share of the shorter recording, and in ms (negative: the gap between them).
std::pair<double, std::int64_t> overlap(Span a, Span b) {
  const std::int64_t ov = std::min(a.end, b.end) - std::max(a.start, b.start);
  const std::int64_t shorter = std::max<std::int64_t>(1, std::min(a.end - a.start, b.end - b.start));
  return {static_cast<double>(ov) / static_cast<double>(shorter), ov};
}

// Unites the members of one key that record the same meeting, sweeping them in start order.
// Unique key: two recordings belong together when they overlap or lie < 10 min apart. For the
// later one b that holds iff some earlier a ends after b.start - 10 min; every such "active"
// earlier member is already in one component (each joined the active ones when it arrived), so
// uniting b with the active member that ends last gives exactly the pairwise components in
// O(n log n). Room key: >= 50 % overlap of the shorter one, which needs a real overlap, so b is
// compared only with members still running at b.start — the work is the number of overlapping
// pairs, not n².
void unite_key(std::vector<std::size_t>& members, bool unique, const std::vector<Span>& spans, Dsu& dsu) {
  std::sort(members.begin(), members.end());
  members.erase(std::unique(members.begin(), members.end()), members.end());
  if (members.size() < 2) return;
  std::sort(members.begin(), members.end(), [&](std::size_t a, std::size_t b) {
    return spans[a].start != spans[b].start ? spans[a].start < spans[b].start : a < b;
  });
  if (unique) {
    std::size_t last = members.front();
    for (std::size_t k = 1; k < members.size(); ++k) {
      const std::size_t b = members[k];
      if (spans[last].end > spans[b].start - 10 * kMinuteMs) dsu.unite(b, last);
      if (spans[b].end > spans[last].end) last = b;
    }
    return;
  }
  std::vector<std::size_t> active;
  for (std::size_t b : members) {
    std::erase_if(active, [&](std::size_t a) { return spans[a].end <= spans[b].start; });
    for (std::size_t a : active)
      if (dsu.find(a) != dsu.find(b) && overlap(spans[a], spans[b]).first >= 0.5) dsu.unite(a, b);
    active.push_back(b);
  }
}

}  // namespace

std::vector<std::size_t> group_recordings(std::span<const Call> calls, std::vector<MatchResult>& out) {
  std::unordered_map<std::string, std::vector<std::size_t>> by_key;
  std::vector<char> eligible(calls.size(), 0);
  std::vector<Span> spans(calls.size());
  for (std::size_t i = 0; i < calls.size(); ++i) {
    spans[i] = span_of(calls[i]);
    MeetingType t = calls[i].meeting_type;
    if (t == MeetingType::internal || t == MeetingType::other) continue;
    eligible[i] = 1;
    for (const auto* text : {&calls[i].conference_url, &calls[i].location, &calls[i].description, &calls[i].phone}) {
      if (text->empty()) continue;
      auto info = extract_conference(*text);
      for (const auto& l : info.links) by_key[(l.strength == LinkStrength::unique ? "u|" : "r|") + l.key].push_back(i);
      for (const auto& d : info.dial_ins) by_key["u|" + d.key()].push_back(i);
    }
    if (out[i].interview_id) by_key["u|iv:" + *out[i].interview_id].push_back(i);
  }
  Dsu dsu(calls.size());
  for (auto& [key, members] : by_key) unite_key(members, key[0] == 'u', spans, dsu);

  std::unordered_map<std::size_t, std::vector<std::size_t>> groups;
  for (std::size_t i = 0; i < calls.size(); ++i) if (eligible[i]) groups[dsu.find(i)].push_back(i);
  for (auto& [root, g] : groups) {
    if (g.size() < 2) continue;
    std::sort(g.begin(), g.end(), [&](std::size_t a, std::size_t b) {
      if (status_rank(out[a].status) != status_rank(out[b].status)) return status_rank(out[a].status) > status_rank(out[b].status);
      auto da = to_unix_ms(calls[a].end) - to_unix_ms(calls[a].start), db = to_unix_ms(calls[b].end) - to_unix_ms(calls[b].start);
      if (da != db) return da > db;
      return a < b;
    });
    const std::size_t primary = g.front();
    for (std::size_t i : g) {
      out[i].related_call_ids.reserve(g.size() - 1);
      for (std::size_t j : g) if (j != i) out[i].related_call_ids.push_back(calls[j].id);
      if (i == primary) { out[i].group_role = "primary"; continue; }
      auto [ratio, ov] = overlap(spans[i], spans[primary]);
      if (ratio >= 0.5) {
        out[i].group_role = "duplicate";
        out[i].status = MatchStatus::no_match;
        out[i].opportunity_id = out[primary].opportunity_id;
        out[i].interview_id = out[primary].interview_id;
        out[i].panel_id = out[primary].panel_id;
        out[i].warnings.clear();
        out[i].enrichment.reset();
        out[i].reasons.insert(out[i].reasons.begin(),
                              Reason{ReasonCode::duplicate_call,
                                     fmt::format("Call {} records the same meeting as call {} ({:.0f}% overlap, same conference "
                                                 "key or interview); only the primary is linked.",
                                                 calls[i].id, calls[primary].id, ratio * 100),
                                     {}});
        out[i].explanation = "Not matched: " + out[i].reasons.front().message;
      } else {
        out[i].group_role = "split_part";
        if (out[primary].status == MatchStatus::matched && out[i].status != MatchStatus::matched) {
          out[i].status = MatchStatus::matched;
          out[i].opportunity_id = out[primary].opportunity_id;
          out[i].interview_id = out[primary].interview_id;
          out[i].panel_id = out[primary].panel_id;
          out[i].enrichment = out[primary].enrichment;
          out[i].reasons.clear();
        }
        out[i].explanation = fmt::format("Part of a split recording with call {} (gap under 10 min, same meeting). ",
                                         calls[primary].id) + out[i].explanation;
      }
    }
  }
  std::vector<std::size_t> group_of(calls.size());
  for (std::size_t i = 0; i < calls.size(); ++i) group_of[i] = dsu.find(i);
  return group_of;
}

void assign_one_to_one(std::span<const Call> calls, const std::vector<std::size_t>& group_of, std::vector<MatchResult>& out,
                       const MatchOptions& options) {
  // Claims: per interview, the groups whose matched members link to it, with the group's best score.
  struct Claim {
    std::size_t group;
    double score;
    std::int64_t duration;
    std::size_t first;  // lowest call index in the group (stable tie-break)
  };
  std::unordered_map<std::string, std::vector<Claim>> claims;
  for (std::size_t i = 0; i < calls.size(); ++i) {
    if (out[i].status != MatchStatus::matched || !out[i].interview_id) continue;
    auto& list = claims[*out[i].interview_id];
    const auto sp = span_of(calls[i]);
    auto it = std::find_if(list.begin(), list.end(), [&](const Claim& c) { return c.group == group_of[i]; });
    if (it == list.end()) {
      list.push_back({group_of[i], out[i].score, sp.end - sp.start, i});
    } else {
      it->score = std::max(it->score, out[i].score);
      it->duration = std::max(it->duration, sp.end - sp.start);
      it->first = std::min(it->first, i);
    }
  }
  // Winner per interview: highest score, then the longer recording, then input order.
  std::unordered_map<std::string, Claim> winner;
  std::unordered_set<std::string> taken;
  bool contested = false;
  for (auto& [iv, list] : claims) {
    std::sort(list.begin(), list.end(), [](const Claim& a, const Claim& b) {
      if (a.score != b.score) return a.score > b.score;
      if (a.duration != b.duration) return a.duration > b.duration;
      return a.first < b.first;
    });
    winner.emplace(iv, list.front());
    taken.insert(iv);
    contested = contested || list.size() > 1;
  }
  if (!contested) return;

  // Losers, strongest first, each suggest their best other interview nobody holds yet.
  std::vector<std::size_t> losers;
  for (std::size_t i = 0; i < calls.size(); ++i)
    if (out[i].status == MatchStatus::matched && out[i].interview_id && winner.at(*out[i].interview_id).group != group_of[i])
      losers.push_back(i);
  std::stable_sort(losers.begin(), losers.end(), [&](std::size_t a, std::size_t b) { return out[a].score > out[b].score; });
  const double review_bits = std::log2(options.review_probability / (1 - options.review_probability));
  // A losing group decides once (its split parts share the suggestion).
  std::unordered_map<std::size_t, std::optional<Candidate>> decided;
  for (std::size_t i : losers) {
    MatchResult& r = out[i];
    const std::string lost = *r.interview_id;
    const std::size_t w = winner.at(lost).first;
    auto [slot, fresh] = decided.try_emplace(group_of[i]);
    if (fresh) {
      for (const auto& c : r.candidates)
        if (!c.interview_id.empty() && c.interview_id != lost && c.score >= review_bits && !taken.count(c.interview_id)) {
          slot->second = c;
          taken.insert(c.interview_id);
          break;
        }
    }
    const Candidate* alt = slot->second ? &*slot->second : nullptr;
    std::string message = fmt::format("Interview {} is already linked to call {}, a different meeting with stronger evidence "
                                      "({:.1f} vs {:.1f} bits); one interview links to one meeting.",
                                      lost, calls[w].id, winner.at(lost).score, r.score);
    r.status = MatchStatus::needs_review;
    r.warnings.clear();
    r.enrichment.reset();
    r.panel_id.reset();
    if (alt) {
      message += fmt::format(" The next-best candidate is interview {} ({:.1f} bits); confirm before linking.", alt->interview_id,
                             alt->score);
      r.interview_id = alt->interview_id;
      if (!alt->opportunity_id.empty()) r.opportunity_id = alt->opportunity_id;
    } else {
      message += " No other interview fits; confirm which meeting this recording is.";
      r.interview_id.reset();
    }
    r.reasons.insert(r.reasons.begin(), Reason{ReasonCode::interview_already_linked, std::move(message), {}});
    r.explanation = "Needs review: " + r.reasons.front().message + " Before assignment: " + r.explanation;
  }
}

}  // namespace leverkit::match::detail
