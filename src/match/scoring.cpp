// Scoring: additive log2 evidence for one (call, interview) pair, weights from MatchWeights
// (data, not constants). Which identifier is "strong" is decided by level, not by weight.
#include <algorithm>
#include <cmath>

#include "engine.hpp"
#include "leverkit/match/phone.hpp"
#include "leverkit/match/zones.hpp"

namespace leverkit::inline v0::match::detail {

double Engine::prior_bits(const NormCall& c) const {
  // Live interviews starting within ±24 h of the call (hour resolution).
  const auto& pre = d_.live_per_hour_prefix;
  if (pre.size() < 2) return 0.0;
  const auto last = static_cast<std::int64_t>(pre.size()) - 1;
  auto at = [&](std::int64_t ms) {
    std::int64_t h = floor_div(ms, kHourMs) - d_.first_hour;
    return pre[static_cast<std::size_t>(std::clamp<std::int64_t>(h, 0, last))];
  };
  double n = std::max<double>(1.0, static_cast<double>(at(c.start + kDayMs + kHourMs) - at(c.start - kDayMs)));
  return -std::min(o_.weights.prior_cap, std::log2(n));
}

Scored Engine::score(const NormCall& c, std::uint32_t ivi, double prior) const {
  const MatchWeights& w = o_.weights;
  const IvRec& iv = d_.ivs[ivi];
  const OppRec* opp = iv.opp != kNone ? &d_.opps[iv.opp] : nullptr;
  Scored s;
  s.iv = ivi;
  auto add = [&](const char* f, const char* l, double wt) {
    s.ev.push_back({f, l, wt});
    s.score += wt;
  };
  add("prior", "interviews_within_24h", prior);

  // Conference key and dial-in digits: one group, the stronger counts.
  double conf = 0;
  const char* conf_level = nullptr;
  for (const auto& l : c.links) {
    for (const auto& m : iv.links) {
      if (l.key == m.key) {
        bool room = l.strength == LinkStrength::persistent_room || d_.conference_key_is_room(l.key);
        double wt = room ? w.conf_room : w.conf_unique;
        if (wt > conf || !conf_level) { conf = wt; conf_level = room ? "room_equal" : "unique_equal"; }
        if (!room) s.strong = s.key_backed = true;
      } else if (l.provider == m.provider && !conf_level) {
        conf = w.conf_other;
        conf_level = "same_provider_different";
      }
    }
  }
  if (conf_level && conf < 0) {
    s.mismatches.add("conference_link");
  }
  double dial = 0;
  const char* dial_level = nullptr;
  for (const auto& a : c.dial_ins)
    for (const auto& b : iv.dial_ins) {
      if (a.conference_digits == b.conference_digits) {
        dial = w.dial_equal;
        dial_level = "digits_equal";
        s.strong = s.key_backed = true;
      } else if (!dial_level) {
        dial = w.dial_other;
        dial_level = "digits_different";
      }
    }
  // A Zoom invite's "Meeting ID" dial-in repeats the link's digits: count the identity once.
  if (conf_level && dial_level) {
    if (dial > conf) { conf = dial; conf_level = dial_level; }
    dial_level = nullptr;
  }
  if (conf_level) add("conference_key", conf_level, conf);
  if (conf > 0 || dial > 0) s.anchored = true;
  if (dial_level) add("dial_in", dial_level, dial);

  // Identity group: email, phone, name; capped at max(member) + bonus (they are correlated).
  if (opp) {
    enum class EmailLevel { none, local, plus, provider, exact };
    double email = 0, phone = 0, name = 0;
    EmailLevel email_lvl = EmailLevel::none;
    const char *email_level = nullptr, *phone_level = nullptr, *name_level = nullptr;
    for (const auto& p : c.external) {
      if (!p.email) continue;
      for (const auto& e : opp->emails) {
        double wt = 0;
        const char* lvl = nullptr;
        EmailLevel el = EmailLevel::none;
        if (e.exact == p.email->exact) { wt = w.email_exact; lvl = "exact"; el = EmailLevel::exact; }
        else if (e.provider == p.email->provider) { wt = w.email_provider; lvl = "provider_normalised"; el = EmailLevel::provider; }
        else if (e.plus_stripped == p.email->plus_stripped) { wt = w.email_plus; lvl = "plus_stripped"; el = EmailLevel::plus; }
        else if (e.personal_provider && p.email->personal_provider && e.local == p.email->local) { wt = w.email_local; lvl = "local_part_only"; el = EmailLevel::local; }
        if (lvl && (wt > email || !email_level)) { email = wt; email_level = lvl; email_lvl = std::max(email_lvl, el); }
      }
    }
    const bool email_strong = email_lvl >= EmailLevel::plus;
    if (email_strong) s.strong = true;
    if (!email_level && !opp->emails.empty() && c.external.empty() && !c.internal.empty()) {
      email = w.email_absent;
      email_level = "no_external_attendee";
    }
    bool phone_exact = false;
    for (const auto& ph : c.phones) {
      for (const auto& op : opp->phones) {
        auto m = compare_phones(ph, op, d_.options.default_region);
        if (m == PhoneMatch::exact && !phone_exact) { phone = w.phone_exact; phone_level = "exact"; phone_exact = true; }
        else if (m == PhoneMatch::nsn && !phone_level) { phone = w.phone_nsn; phone_level = "nsn"; }
      }
    }
    const bool phone_agrees = phone_level != nullptr;
    if (phone_agrees) s.strong = true;
    bool any_named = false;
    NameLevel best = NameLevel::missing;
    for (const auto& p : c.external) {
      if (p.tokens.empty()) continue;
      any_named = true;
      best = std::max(best, compare_names(p.tokens, opp->name_tokens));
    }
    if (any_named && best == NameLevel::missing) best = NameLevel::different;
    s.name = best;
    // A name shared by several Lever people identifies less: log2(people) bits fewer.
    const double common = opp->name_count > 1 ? std::min(w.common_name_cap, std::log2(static_cast<double>(opp->name_count))) : 0.0;
    auto named = [&](double base) { return common > 0 ? std::max(w.name_floor, base - common) : base; };
    switch (best) {
      case NameLevel::exact: name = named(w.name_exact); name_level = common > 0 ? "exact_common_name" : "exact"; break;
      case NameLevel::nickname: name = named(w.name_nickname); name_level = common > 0 ? "nickname_common_name" : "nickname"; break;
      case NameLevel::fuzzy: name = named(w.name_fuzzy); name_level = common > 0 ? "fuzzy_common_name" : "fuzzy"; break;
      case NameLevel::surname_only: name = w.name_surname; name_level = "surname_only"; break;
      case NameLevel::different:
        // A display name ("JD's iPhone") that differs is no evidence once an identifier agrees.
        if (email_strong || phone_agrees) { name_level = "different_ignored"; name = 0; }
        else { name = w.name_different; name_level = "different"; s.mismatches.add("candidate_name"); }
        break;
      default: break;
    }
    const bool name_agrees = best >= NameLevel::surname_only;
    if (email_lvl > EmailLevel::local || phone_agrees || name_agrees) s.anchored = true;
    double pos_max = std::max({email, phone, name, 0.0});
    double group = std::max(email, 0.0) + std::max(phone, 0.0) + std::max(name, 0.0);
    double capped = std::min(group, pos_max + w.identity_cap_bonus);
    if (email_level) add("candidate_email", email_level, email);
    if (phone_level) add("candidate_phone", phone_level, phone);
    if (name_level) add("candidate_name", name_level, name);
    if (capped < group) add("identity_cap", "correlated_identity", capped - group);
    // Identifiers that contradict the candidate's: an attendee email none of theirs, or a phone
    // none of theirs (only when Lever has that kind of identifier for them).
    bool any_external_email = false;
    for (const auto& p : c.external) any_external_email = any_external_email || p.email.has_value();
    const bool email_contra = any_external_email && !opp->emails.empty() && !email_level;
    const bool phone_contra = !c.phones.empty() && !opp->phones.empty() && !phone_agrees;
    if (email_contra || phone_contra) {
      s.contradicted = true;
      add("identity_contradicts", email_contra && phone_contra ? "email_and_phone" : email_contra ? "email" : "phone",
          w.identity_contradicts);
    }
    // Name in the title ("Interview: Jane Doe"): at least two candidate tokens present.
    if (opp->name_tokens.size() >= 2) {
      int hits = 0;
      for (const auto& t : opp->name_tokens) hits += contains(c.title_tokens, t) ? 1 : 0;
      if (hits >= 2) add("title_names_candidate", "two_or_more_tokens", w.title_name);
    }
  }

  // Time: instants only; the recording may start early and overrun.
  s.delta_ms = c.start - iv.start_ms;
  const std::int64_t ad = std::llabs(s.delta_ms);
  const std::int64_t ov = std::max<std::int64_t>(0, std::min(c.end, iv.end_ms + 15 * kMinuteMs) - std::max(c.start, iv.start_ms));
  const std::int64_t shorter = std::max<std::int64_t>(kMinuteMs, std::min(c.end - c.start, iv.end_ms - iv.start_ms));
  const double ovr = static_cast<double>(ov) / static_cast<double>(shorter);
  bool tz_shift = false;
  // Only an otherwise anchored pair needs the zone-error explanation (and it costs zone lookups).
  if (s.anchored && ad >= 30 * kMinuteMs && ad <= 14 * kHourMs) {
    std::int64_t rem = ad % (30 * kMinuteMs);
    if (rem <= 5 * kMinuteMs || rem >= 25 * kMinuteMs) {
      // Does Δ equal the offset difference between the interview's zone and another zone in play?
      std::vector<std::string_view> zones{"UTC"};
      if (c.call->timezone) zones.push_back(*c.call->timezone);
      if (iv.iv->timezone) zones.push_back(*iv.iv->timezone);
      std::vector<std::int64_t> offs;
      for (auto z : zones) {
        auto off = zone_offset(z, from_unix_ms(iv.start_ms));
        if (off) offs.push_back(off.value().count() * kMinuteMs);
      }
      for (std::size_t a = 0; a < offs.size() && !tz_shift; ++a)
        for (std::size_t b = 0; b < offs.size() && !tz_shift; ++b)
          if (a != b && offs[a] != offs[b] && std::llabs(s.delta_ms - (offs[a] - offs[b])) <= 5 * kMinuteMs) tz_shift = true;
    }
  }
  if (ad <= 10 * kMinuteMs && ovr >= 0.5) s.time = TimeLevel::on_time;
  else if (ad <= 30 * kMinuteMs || ovr >= 0.25) s.time = TimeLevel::loose;
  else if (tz_shift) s.time = TimeLevel::tz_shift;
  else if (ad <= 12 * kHourMs) s.time = TimeLevel::same_day;
  else if (ad <= 24 * kHourMs) s.time = TimeLevel::other_day;
  else s.time = TimeLevel::far;
  switch (s.time) {
    case TimeLevel::on_time: add("time", "on_time", w.time_on); break;
    case TimeLevel::loose: add("time", "loose", w.time_loose); break;
    case TimeLevel::tz_shift: add("time", "timezone_shift", w.time_tz); break;
    case TimeLevel::same_day: add("time", "same_day", w.time_same_day); break;
    case TimeLevel::other_day: add("time", "other_day", w.time_other_day); s.mismatches.add("time"); break;
    case TimeLevel::far: add("time", "far", w.time_far); s.mismatches.add("time"); break;
  }

  // Interviewers: how many of the scheduled interviewers are on the call.
  if (!iv.interviewers.empty()) {
    const std::size_t total = iv.interviewers.size();
    std::size_t hit = 0;
    for (std::uint32_t pid : iv.interviewers) {
      const auto& person = d_.people[pid];
      bool found = false;
      for (const auto& p : c.internal) {
        if (!person.email.empty() && p.email && p.email->exact == person.email) found = true;
        else if (!p.tokens.empty() && compare_names(p.tokens, person.tokens) >= NameLevel::nickname) found = true;
        if (found) break;
      }
      hit += found ? 1 : 0;
    }
    if (!c.internal.empty()) {
      s.coverage = static_cast<double>(hit) / static_cast<double>(total);
      if (s.coverage >= 0.5) add("interviewers", "half_or_more_present", w.interviewers_half);
      else if (hit > 0) add("interviewers", "some_present", w.interviewers_some);
      else { add("interviewers", "none_present", w.interviewers_none); s.mismatches.add("interviewers"); }
    }
  }

  // Duration.
  if (iv.iv->duration > 0 && c.end > c.start) {
    std::int64_t rec = c.end - c.start, sched = iv.end_ms - iv.start_ms;
    if (std::llabs(rec - sched) <= 15 * kMinuteMs) add("duration", "consistent", w.duration_ok);
    else if (rec * 4 < sched) add("duration", "much_shorter", w.duration_short);
  }
  if (iv.canceled) add("canceled", "interview_canceled", w.canceled);

  // Job title words in the call title.
  if (!iv.iv->postings.empty()) {
    const Posting* post = iv.iv->postings.front().object ? &*iv.iv->postings.front().object : nullptr;
    if (!post) if (auto it = d_.postings.find(iv.iv->postings.front().id); it != d_.postings.end()) post = it->second;
    const std::vector<std::string>* pt = nullptr;
    if (auto it = d_.posting_tokens.find(iv.iv->postings.front().id); it != d_.posting_tokens.end()) pt = &it->second;
    if (post && pt) {
      int hits = 0, n = 0;
      for (const auto& t : *pt) {
        if (t.size() < 3) continue;
        ++n;
        hits += contains(c.title_tokens, t) ? 1 : 0;
      }
      if (n > 0 && hits * 2 >= n) add("job_title", "in_call_title", w.job_title);
    }
  }
  return s;
}

}  // namespace leverkit::match::detail
