// Candidate lookup: normalise a call once, find the Lever candidates its email/phone point to,
// and block — the union of cheap index keys that yields the few interviews worth scoring.
#include <algorithm>
#include <cmath>

#include "engine.hpp"
#include "leverkit/match/phone.hpp"
#include "text_util.hpp"

namespace leverkit::inline v0::match::detail {

MeetingType infer_type(const Call& c, bool has_external) {
  if (c.meeting_type != MeetingType::unknown) return c.meeting_type;
  std::string t = fold_text(c.title);
  if (ifind(t, "debrief") != std::string::npos || ifind(t, "hiring committee") != std::string::npos ||
      ifind(t, "roundup") != std::string::npos)
    return MeetingType::debrief;
  if (!has_external) {
    for (auto cue : {"standup", "stand-up", "sync", "1:1", "1on1", "all hands", "all-hands", "calibration", "retro",
                     "planning", "team meeting", "offsite", "prep"})
      if (ifind(t, cue) != std::string::npos) return MeetingType::internal;
  }
  return MeetingType::job_interview;
}

NormCall Engine::normalise(const Call& call) const {
  NormCall n;
  n.call = &call;
  n.start = to_unix_ms(call.start);
  n.end = std::max(to_unix_ms(call.end), n.start);
  // Each address is normalised once (the organizer check needs them all anyway).
  std::vector<std::pair<const Participant*, std::optional<EmailKey>>> people;
  people.reserve(call.participants.size() + 1);
  for (const auto& p : call.participants) people.emplace_back(&p, normalize_email(p.email));
  if (call.organizer) {
    bool listed = false;
    auto ok = normalize_email(call.organizer->email);
    for (const auto& pe : people)
      if (ok && pe.second && pe.second->exact == ok->exact) listed = true;
    if (!listed) people.emplace_back(&*call.organizer, std::move(ok));
  }
  n.external.reserve(people.size());
  n.internal.reserve(people.size());
  for (auto& [p, key] : people) {
    if (p->role == ParticipantRole::resource) continue;
    Person person;
    person.p = p;
    person.email = std::move(key);
    // Folding costs; an internal attendee with an email is compared by email only.
    const bool known_internal = person.email && (p->role == ParticipantRole::interviewer || p->role == ParticipantRole::internal ||
                                                 (p->role == ParticipantRole::unknown && d_.internal_emails.count(person.email->exact)));
    if (!known_internal || !person.email) person.tokens = name_tokens(p->name);
    person.declined = p->response == ResponseStatus::declined;
    if (person.email && is_role_mailbox(*person.email)) continue;
    if (!person.email && person.tokens.empty()) continue;
    bool internal = false;
    switch (p->role) {
      case ParticipantRole::candidate:
      case ParticipantRole::external: internal = false; break;
      case ParticipantRole::interviewer:
      case ParticipantRole::internal: internal = true; break;
      default:
        if (person.email) {
          internal = d_.internal_emails.count(person.email->exact) > 0 || d_.company_domains.count(person.email->domain) > 0;
        } else {
          internal = person.tokens.size() >= 2 && d_.internal_names.count(join_tokens(person.tokens)) > 0;
        }
    }
    if (!p->phone.empty() && !internal) n.phones.push_back(p->phone);
    (internal ? n.internal : n.external).push_back(std::move(person));
  }
  n.type = infer_type(call, !n.external.empty());

  auto absorb = [&](std::string_view text, bool phones_are_candidate) {
    if (text.empty()) return;
    ConferenceInfo info = extract_conference(text);
    for (auto& l : info.links)
      if (std::none_of(n.links.begin(), n.links.end(), [&](const auto& x) { return x.key == l.key; })) n.links.push_back(std::move(l));
    for (auto& di : info.dial_ins)
      if (std::none_of(n.dial_ins.begin(), n.dial_ins.end(), [&](const auto& x) { return x.conference_digits == di.conference_digits; }))
        n.dial_ins.push_back(std::move(di));
    if (phones_are_candidate) for (auto& p : info.phones) n.phones.push_back(std::move(p));
  };
  absorb(call.conference_url, false);
  absorb(call.phone, true);
  absorb(call.location, true);
  absorb(call.description, false);
  n.title_tokens = name_tokens(call.title);
  return n;
}

IdentityOpps Engine::identity_opps(const NormCall& c) const {
  IdentityOpps out;
  auto bump = [&](std::uint32_t o, int lvl) {
    auto [it, fresh] = out.emplace(o, lvl);
    if (!fresh) it->second = std::max(it->second, lvl);
  };
  for (const auto& p : c.external) {
    if (!p.email) continue;
    for (auto h : {key_hash(p.email->provider), key_hash(p.email->plus_stripped)})
      for (auto [k, o] : d_.by_email.find(h)) {
        for (const auto& e : d_.opps[o].emails) {
          if (e.provider == p.email->provider) bump(o, 3);
          else if (e.plus_stripped == p.email->plus_stripped) bump(o, 2);
        }
      }
  }
  for (const auto& ph : c.phones) {
    auto key = phone_block_key(ph);
    if (key.empty()) continue;
    for (auto [k, o] : d_.by_phone.find(key_hash(key)))
      for (const auto& op : d_.opps[o].phones)
        if (compare_phones(ph, op, d_.options.default_region) != PhoneMatch::none) bump(o, 2);
  }
  return out;
}

void Engine::lookup(const NormCall& c, IdentityOpps& ids, std::vector<std::pair<std::uint32_t, const char*>>& cand) const {
  // O(1) de-duplication across blocks: a per-thread stamp per interview, bumped every call.
  thread_local std::vector<std::uint32_t> stamp;
  thread_local std::uint32_t epoch = 0;
  if (stamp.size() < d_.ivs.size()) stamp.assign(d_.ivs.size(), 0);
  if (++epoch == 0) { std::fill(stamp.begin(), stamp.end(), 0); epoch = 1; }
  auto take = [&](std::uint32_t iv, const char* by) {
    if (iv >= d_.ivs.size() || stamp[iv] == epoch) return;
    const auto& rec = d_.ivs[iv];
    if (std::llabs(c.start - rec.start_ms) > kCandidateHorizonMs) return;
    stamp[iv] = epoch;
    cand.emplace_back(iv, by);
  };
  // Weak blocks (names, interviewers) only look around the call: far interviews reach the
  // scorer through identifiers instead.
  auto take_near = [&](std::uint32_t iv, const char* by) {
    if (std::llabs(c.start - d_.ivs[iv].start_ms) <= 12 * kHourMs) take(iv, by);
  };
  const std::int64_t w0 = week_of(c.start - kCandidateHorizonMs), w1 = week_of(c.start + kCandidateHorizonMs);
  for (std::int64_t wk = w0; wk <= w1; ++wk) {
    for (const auto& l : c.links)
      for (auto [k, iv] : d_.by_conf_key.find(key_hash(l.key, wk))) take(iv, "conference_key");
    for (const auto& di : c.dial_ins)
      for (auto [k, iv] : d_.by_conf_key.find(key_hash(di.key(), wk))) take(iv, "dial_in");
  }
  // Weak email identity: same local part at another free-mail provider.
  for (const auto& p : c.external)
    if (p.email && p.email->personal_provider)
      for (auto [k, o] : d_.by_email_local.find(key_hash(p.email->local))) ids.emplace(o, 0);
  for (auto [o, lvl] : ids)
    for (auto iv : d_.opps[o].interviews) take(iv, lvl > 0 ? "candidate_identity" : "email_local_part");
  const std::int64_t d0 = day_of(c.start - 12 * kHourMs), d1 = day_of(c.start + 12 * kHourMs);
  auto by_tokens = [&](const std::vector<std::string>& tokens, const char* label) {
    for (const auto& t : tokens) {
      if (t.size() < 2) continue;
      for (std::int64_t day = d0; day <= d1; ++day)
        for (auto [k, iv] : d_.by_name_day.find(key_hash(t, day))) take_near(iv, label);
    }
  };
  for (const auto& p : c.external) by_tokens(p.tokens, "name_and_day");
  by_tokens(c.title_tokens, "title_name_and_day");
  for (const auto& p : c.internal) {
    if (!p.email) continue;
    for (std::int64_t day = d0; day <= d1; ++day)
      for (auto [k, iv] : d_.by_interviewer_day.find(key_hash(p.email->exact, day))) take_near(iv, "interviewer_and_day");
  }
}

}  // namespace leverkit::match::detail
