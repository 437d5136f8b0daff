#include "leverkit/match/matcher.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <unordered_map>

#include "batch.hpp"
#include "index_data.hpp"
#include "leverkit/match/names.hpp"
#include "leverkit/match/phone.hpp"
#include "leverkit/match/zones.hpp"
#include "text_util.hpp"

namespace leverkit::match {

using detail::IndexData;
using detail::IvRec;
using detail::kDayMs;
using detail::kHourMs;
using detail::kMinuteMs;
using detail::kNone;
using detail::OppRec;

namespace {

// ---- feature weights (log2 Bayes factors), match-autofill.md §5.3 -------------------------
namespace w {
constexpr double conf_unique = 12, conf_room = 3, conf_other = -2;
constexpr double dial_equal = 10, dial_other = -1;
constexpr double email_exact = 10, email_provider = 9, email_plus = 7, email_local = 1, email_absent = -1;
constexpr double phone_exact = 9, phone_nsn = 7;
constexpr double name_exact = 5, name_nick = 4, name_fuzzy = 3, name_surname = 1.5, name_different = -4;
constexpr double title_name = 2;
constexpr double time_on = 6, time_loose = 3, time_same_day = 0, time_tz = 4, time_other_day = -3, time_far = -6;
constexpr double iv_half = 4, iv_some = 2, iv_none = -3;
constexpr double dur_ok = 0.5, dur_short = -1;
constexpr double canceled = -8;
constexpr double job_title = 1;
constexpr double identity_cap_bonus = 3;
constexpr double prior_cap = 6;
}  // namespace w

constexpr std::int64_t kCandidateHorizonMs = 7 * kDayMs;  // beyond: "no interview scheduled"

enum class TimeLevel { on_time, loose, tz_shift, same_day, other_day, far };
struct Person {
  const Participant* p = nullptr;
  std::optional<EmailKey> email;
  std::vector<std::string> tokens;
  bool declined = false;
};

struct NormCall {
  const Call* call = nullptr;
  MeetingType type = MeetingType::unknown;
  std::int64_t start = 0, end = 0;
  std::vector<Person> external, internal;
  std::vector<ConferenceLink> links;
  std::vector<DialIn> dial_ins;
  std::vector<std::string> phones;  // candidate-phone evidence (not bridges)
  std::vector<std::string> title_tokens;
  bool external_identity() const {
    for (const auto& p : external) if (p.email || !p.tokens.empty()) return true;
    return !phones.empty();
  }
};

struct Ev {
  const char* feature;
  const char* level;
  double weight;
};

// Small fixed-capacity lists: scoring runs for every blocked pair and must not allocate.
struct EvList {
  std::array<Ev, 16> v{};
  std::size_t n = 0;
  void push_back(const Ev& e) { if (n < v.size()) v[n++] = e; }
  const Ev* begin() const { return v.data(); }
  const Ev* end() const { return v.data() + n; }
};

struct Fields {
  std::array<const char*, 6> v{};
  std::size_t n = 0;
  void add(const char* f) { if (n < v.size()) v[n++] = f; }
  bool empty() const { return n == 0; }
  std::vector<std::string> strings() const { return {v.begin(), v.begin() + static_cast<std::ptrdiff_t>(n)}; }
};

struct Scored {
  std::uint32_t iv = kNone;
  double score = 0;
  EvList ev;
  bool strong = false;       // an identifier agrees (key, dial-in, email, phone)
  bool key_backed = false;   // conference key or dial-in agrees
  bool anchored = false;     // something besides time and interviewers agrees (key, room, identity)
  NameLevel name = NameLevel::missing;
  TimeLevel time = TimeLevel::far;
  double coverage = -1;      // interviewer coverage, -1 when not comparable
  std::int64_t delta_ms = 0;
  Fields mismatches;
  const char* found_by = "";
};

bool contains(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

// ---- meeting-type inference for calls that do not say ------------------------------------
MeetingType infer_type(const Call& c, bool has_external) {
  if (c.meeting_type != MeetingType::unknown) return c.meeting_type;
  std::string t = fold_text(c.title);
  if (detail::ifind(t, "debrief") != std::string::npos || detail::ifind(t, "hiring committee") != std::string::npos ||
      detail::ifind(t, "roundup") != std::string::npos)
    return MeetingType::debrief;
  if (!has_external) {
    for (auto cue : {"standup", "stand-up", "sync", "1:1", "1on1", "all hands", "all-hands", "calibration", "retro",
                     "planning", "team meeting", "offsite", "prep"})
      if (detail::ifind(t, cue) != std::string::npos) return MeetingType::internal;
  }
  return MeetingType::job_interview;
}

class Engine {
 public:
  Engine(const IndexData& d, const MatchOptions& o) : d_(d), o_(o) {
    accept_bits_ = std::log2(o.accept_probability / (1 - o.accept_probability));
    review_bits_ = std::log2(o.review_probability / (1 - o.review_probability));
  }

  MatchResult run(const Call& call) const;

 private:
  NormCall normalise(const Call& call) const;
  Scored score(const NormCall& c, std::uint32_t iv, double prior) const;
  double prior_bits(const NormCall& c) const;
  std::map<std::uint32_t, int> identity_opps(const NormCall& c) const;
  MatchResult debrief(const NormCall& c, MatchResult r) const;
  void enrich(MatchResult& r, std::uint32_t opp, std::uint32_t iv) const;
  static void explain_evidence(MatchResult& r, const Scored& s);
  std::string who(std::uint32_t opp) const;
  std::string when(std::int64_t ms) const { return to_iso8601(from_unix_ms(ms)); }

  const IndexData& d_;
  const MatchOptions& o_;
  double accept_bits_ = 5, review_bits_ = 0;
};

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
          internal = person.tokens.size() >= 2 && d_.internal_names.count(detail::join_tokens(person.tokens)) > 0;
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

double Engine::prior_bits(const NormCall& c) const {
  // Live interviews starting within ±24 h of the call (hour resolution).
  const auto& pre = d_.live_per_hour_prefix;
  if (pre.size() < 2) return 0.0;
  const auto last = static_cast<std::int64_t>(pre.size()) - 1;
  auto at = [&](std::int64_t ms) {
    std::int64_t h = detail::floor_div(ms, kHourMs) - d_.first_hour;
    return pre[static_cast<std::size_t>(std::clamp<std::int64_t>(h, 0, last))];
  };
  double n = std::max<double>(1.0, static_cast<double>(at(c.start + kDayMs + kHourMs) - at(c.start - kDayMs)));
  return -std::min(w::prior_cap, std::log2(n));
}

std::map<std::uint32_t, int> Engine::identity_opps(const NormCall& c) const {
  // opportunity -> best identity level: 3 email (exact/provider), 2 email plus-stripped, 2 phone, 0 weak.
  std::map<std::uint32_t, int> out;
  auto bump = [&](std::uint32_t o, int lvl) {
    auto [it, fresh] = out.emplace(o, lvl);
    if (!fresh) it->second = std::max(it->second, lvl);
  };
  for (const auto& p : c.external) {
    if (!p.email) continue;
    for (auto h : {detail::key_hash(p.email->provider), detail::key_hash(p.email->plus_stripped)})
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
    for (auto [k, o] : d_.by_phone.find(detail::key_hash(key)))
      for (const auto& op : d_.opps[o].phones)
        if (compare_phones(ph, op, d_.options.default_region) != PhoneMatch::none) bump(o, 2);
  }
  return out;
}

Scored Engine::score(const NormCall& c, std::uint32_t ivi, double prior) const {
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
        double wt = room ? w::conf_room : w::conf_unique;
        if (wt > conf || !conf_level) { conf = wt; conf_level = room ? "room_equal" : "unique_equal"; }
        if (!room) s.strong = s.key_backed = true;
      } else if (l.provider == m.provider && !conf_level) {
        conf = w::conf_other;
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
        dial = w::dial_equal;
        dial_level = "digits_equal";
        s.strong = s.key_backed = true;
      } else if (!dial_level) {
        dial = w::dial_other;
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

  // Identity group: email, phone, name; capped at max(member) + 3 (they are correlated).
  double email = 0, phone = 0, name = 0;
  const char *email_level = nullptr, *phone_level = nullptr, *name_level = nullptr;
  if (opp) {
    for (const auto& p : c.external) {
      if (!p.email) continue;
      for (const auto& e : opp->emails) {
        double wt = 0;
        const char* lvl = nullptr;
        if (e.exact == p.email->exact) { wt = w::email_exact; lvl = "exact"; }
        else if (e.provider == p.email->provider) { wt = w::email_provider; lvl = "provider_normalised"; }
        else if (e.plus_stripped == p.email->plus_stripped) { wt = w::email_plus; lvl = "plus_stripped"; }
        else if (e.personal_provider && p.email->personal_provider && e.local == p.email->local) { wt = w::email_local; lvl = "local_part_only"; }
        if (lvl && wt > email) { email = wt; email_level = lvl; }
      }
    }
    if (email >= w::email_plus) s.strong = true;
    if (!email_level && !opp->emails.empty() && c.external.empty() && !c.internal.empty()) {
      email = w::email_absent;
      email_level = "no_external_attendee";
    }
    for (const auto& ph : c.phones) {
      for (const auto& op : opp->phones) {
        auto m = compare_phones(ph, op, d_.options.default_region);
        if (m == PhoneMatch::exact && phone < w::phone_exact) { phone = w::phone_exact; phone_level = "exact"; }
        else if (m == PhoneMatch::nsn && phone < w::phone_nsn) { phone = w::phone_nsn; phone_level = "nsn"; }
      }
    }
    if (phone > 0) s.strong = true;
    bool any_named = false;
    NameLevel best = NameLevel::missing;
    for (const auto& p : c.external) {
      if (p.tokens.empty()) continue;
      any_named = true;
      best = std::max(best, compare_names(p.tokens, opp->name_tokens));
    }
    if (any_named && best == NameLevel::missing) best = NameLevel::different;
    s.name = best;
    switch (best) {
      case NameLevel::exact: name = w::name_exact; name_level = "exact"; break;
      case NameLevel::nickname: name = w::name_nick; name_level = "nickname"; break;
      case NameLevel::fuzzy: name = w::name_fuzzy; name_level = "fuzzy"; break;
      case NameLevel::surname_only: name = w::name_surname; name_level = "surname_only"; break;
      case NameLevel::different:
        // A display name ("JD's iPhone") that differs is no evidence once an identifier agrees.
        if (email >= w::email_plus || phone > 0) { name_level = "different_ignored"; name = 0; }
        else { name = w::name_different; name_level = "different"; s.mismatches.add("candidate_name"); }
        break;
      default: break;
    }
    if (email > w::email_local || phone > 0 || name >= w::name_surname) s.anchored = true;
    double pos_max = std::max({email, phone, name, 0.0});
    double group = std::max(email, 0.0) + std::max(phone, 0.0) + std::max(name, 0.0);
    double capped = std::min(group, pos_max + w::identity_cap_bonus);
    if (email_level) add("candidate_email", email_level, email > 0 ? email : email);
    if (phone_level) add("candidate_phone", phone_level, phone);
    if (name_level) add("candidate_name", name_level, name);
    if (capped < group) add("identity_cap", "correlated_identity", capped - group);
    // Name in the title ("Interview: Jane Doe"): at least two candidate tokens present.
    if (opp->name_tokens.size() >= 2) {
      int hits = 0;
      for (const auto& t : opp->name_tokens) hits += contains(c.title_tokens, t) ? 1 : 0;
      if (hits >= 2) add("title_names_candidate", "two_or_more_tokens", w::title_name);
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
    case TimeLevel::on_time: add("time", "on_time", w::time_on); break;
    case TimeLevel::loose: add("time", "loose", w::time_loose); break;
    case TimeLevel::tz_shift: add("time", "timezone_shift", w::time_tz); break;
    case TimeLevel::same_day: add("time", "same_day", w::time_same_day); break;
    case TimeLevel::other_day: add("time", "other_day", w::time_other_day); s.mismatches.add("time"); break;
    case TimeLevel::far: add("time", "far", w::time_far); s.mismatches.add("time"); break;
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
      if (s.coverage >= 0.5) add("interviewers", "half_or_more_present", w::iv_half);
      else if (hit > 0) add("interviewers", "some_present", w::iv_some);
      else { add("interviewers", "none_present", w::iv_none); s.mismatches.add("interviewers"); }
    }
  }

  // Duration.
  if (iv.iv->duration > 0 && c.end > c.start) {
    std::int64_t rec = c.end - c.start, sched = iv.end_ms - iv.start_ms;
    if (std::llabs(rec - sched) <= 15 * kMinuteMs) add("duration", "consistent", w::dur_ok);
    else if (rec * 4 < sched) add("duration", "much_shorter", w::dur_short);
  }
  if (iv.canceled) add("canceled", "interview_canceled", w::canceled);

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
      if (n > 0 && hits * 2 >= n) add("job_title", "in_call_title", w::job_title);
    }
  }
  return s;
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

std::string evidence_sentence(const Scored& s, std::size_t top = 4) {
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

  // ---- blocking: the union of several cheap keys ----
  // Per-thread scratch reused across calls: a blocked call yields tens of ~500-byte Scored
  // records, and a fresh buffer each call costs malloc consolidation.
  thread_local std::vector<std::pair<std::uint32_t, const char*>> cand;
  thread_local std::vector<Scored> store;
  thread_local std::vector<Scored*> scored;
  cand.clear();
  store.clear();
  scored.clear();
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
  const std::int64_t w0 = detail::week_of(c.start - kCandidateHorizonMs), w1 = detail::week_of(c.start + kCandidateHorizonMs);
  for (std::int64_t wk = w0; wk <= w1; ++wk) {
    for (const auto& l : c.links)
      for (auto [k, iv] : d_.by_conf_key.find(detail::key_hash(l.key, wk))) take(iv, "conference_key");
    for (const auto& di : c.dial_ins)
      for (auto [k, iv] : d_.by_conf_key.find(detail::key_hash(di.key(), wk))) take(iv, "dial_in");
  }
  std::map<std::uint32_t, int> ids = identity_opps(c);
  // Weak email identity: same local part at another free-mail provider.
  for (const auto& p : c.external)
    if (p.email && p.email->personal_provider)
      for (auto [k, o] : d_.by_email_local.find(detail::key_hash(p.email->local))) ids.emplace(o, 0);
  for (auto [o, lvl] : ids)
    for (auto iv : d_.opps[o].interviews) take(iv, lvl > 0 ? "candidate_identity" : "email_local_part");
  const std::int64_t d0 = detail::day_of(c.start - 12 * kHourMs), d1 = detail::day_of(c.start + 12 * kHourMs);
  auto by_tokens = [&](const std::vector<std::string>& tokens, const char* label) {
    for (const auto& t : tokens) {
      if (t.size() < 2) continue;
      for (std::int64_t day = d0; day <= d1; ++day)
        for (auto [k, iv] : d_.by_name_day.find(detail::key_hash(t, day))) take_near(iv, label);
    }
  };
  for (const auto& p : c.external) by_tokens(p.tokens, "name_and_day");
  by_tokens(c.title_tokens, "title_name_and_day");
  for (const auto& p : c.internal) {
    if (!p.email) continue;
    for (std::int64_t day = d0; day <= d1; ++day)
      for (auto [k, iv] : d_.by_interviewer_day.find(detail::key_hash(p.email->exact, day))) take_near(iv, "interviewer_and_day");
  }

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

  // Distinct Lever people behind the strong identity (duplicate candidates share email/phone).
  std::vector<std::string> contacts;
  for (auto [o, lvl] : ids)
    if (lvl >= 2 && !d_.opps[o].anonymized && !contains(contacts, d_.opps[o].contact_id)) contacts.push_back(d_.opps[o].contact_id);

  // Interviewers and a loose time alone cannot even justify a review (an ongoing-call invite).
  for (Scored* sp : scored)
    if (auto& s = *sp; !s.anchored && s.time != TimeLevel::on_time && s.time != TimeLevel::loose && s.time != TimeLevel::tz_shift && s.score >= review_bits_)
      s.score = std::min(s.score, review_bits_ - 0.5), s.ev.push_back({"unanchored", "time_and_interviewers_only", 0});
  std::sort(scored.begin(), scored.end(), by_score);
  const Scored* best = scored.empty() ? nullptr : scored[0];
  const Scored* runner = scored.size() > 1 ? scored[1] : nullptr;
  if (best) {
    r.score = best->score;
    r.probability = 1.0 / (1.0 + std::exp2(-best->score));
    explain_evidence(r, *best);
  }
  auto opp_of = [&](const Scored* s) { return s ? d_.ivs[s->iv].opp : kNone; };
  auto set_link = [&](const Scored& s, bool with_interview) {
    const auto& rec = d_.ivs[s.iv];
    if (rec.opp != kNone) r.opportunity_id = d_.opps[rec.opp].opp->id;
    if (with_interview) {
      r.interview_id = rec.iv->id;
      if (!rec.panel_id.empty()) r.panel_id = rec.panel_id;
    }
  };
  auto iv_label = [&](const Scored& s) {
    const auto& rec = d_.ivs[s.iv];
    return fmt::format("interview {} with {} at {}", rec.iv->id, who(rec.opp), when(rec.start_ms));
  };
  // Strong identity pointing at someone other than the best interview's candidate.
  const bool conflict = best && !ids.empty() && !ids.count(opp_of(best)) &&
                        std::any_of(ids.begin(), ids.end(), [](const auto& kv) { return kv.second >= 2; }) &&
                        best->score >= review_bits_;
  const bool guard = best && (best->strong || (best->name >= NameLevel::fuzzy && best->time == TimeLevel::on_time &&
                                               best->coverage >= 0.5));
  const bool runner_close = best && runner && runner->score >= review_bits_ && best->score - runner->score < o_.margin_bits;

  if (best && runner_close && best->score >= review_bits_) {
    r.status = MatchStatus::needs_review;
    bool dup_people = opp_of(best) != opp_of(runner) && opp_of(best) != kNone && opp_of(runner) != kNone &&
                      d_.opps[opp_of(best)].contact_id != d_.opps[opp_of(runner)].contact_id && ids.count(opp_of(best)) &&
                      ids.count(opp_of(runner)) && contacts.size() >= 2;
    if (dup_people) {
      r.reasons.push_back({ReasonCode::duplicate_candidates,
                           fmt::format("The attendee's email/phone belongs to {} Lever candidates ({} and {}), each with an interview at "
                                       "this time; merge the duplicates or pick one.",
                                       contacts.size(), who(opp_of(best)), who(opp_of(runner))),
                           {}});
    } else {
      r.reasons.push_back({ReasonCode::ambiguous,
                           fmt::format("Two interviews fit about equally well ({:.1f} vs {:.1f} bits, margin below {:.0f}): {} and {}.",
                                       best->score, runner->score, o_.margin_bits, iv_label(*best), iv_label(*runner)),
                           {}});
    }
  } else if (best && best->score >= review_bits_ && conflict) {
    r.status = MatchStatus::needs_review;
    std::string other;
    for (auto [o, lvl] : ids) if (lvl >= 2) { other = who(o); break; }
    r.reasons.push_back({ReasonCode::identity_conflict,
                         fmt::format("Strong identifiers disagree: the attendee's email/phone is {}, but the link and time point to {}.",
                                     other, iv_label(*best)),
                         {}});
    set_link(*best, false);
  } else if (best && best->score >= accept_bits_ && !d_.ivs[best->iv].canceled && guard) {
    r.status = MatchStatus::matched;
    set_link(*best, true);
    enrich(r, opp_of(best), best->iv);
    const std::int64_t ad = std::llabs(best->delta_ms);
    if (best->time == TimeLevel::tz_shift) {
      r.warnings.push_back({WarningCode::timezone_shift_suspected,
                            fmt::format("The call started {:+.1f} h from the scheduled time, exactly a time-zone offset difference; "
                                        "the interview or the invite was probably entered in the wrong zone.",
                                        static_cast<double>(best->delta_ms) / static_cast<double>(kHourMs))});
    } else if (ad > 30 * kMinuteMs) {
      r.warnings.push_back({WarningCode::reschedule_suspected,
                            fmt::format("The call started {} min from the scheduled time ({}); the interview was probably moved "
                                        "without updating Lever.",
                                        best->delta_ms / kMinuteMs, when(d_.ivs[best->iv].start_ms))});
    }
    if (best->coverage == 0.0 || best->name == NameLevel::different) {
      r.warnings.push_back({WarningCode::participant_mismatch,
                            best->coverage == 0.0 ? std::string("None of the interviewers scheduled in Lever attended the call.")
                                                  : std::string("The external attendee's name differs from the candidate's name in Lever.")});
    }
  } else if (best && best->score >= accept_bits_ && !d_.ivs[best->iv].canceled && !guard) {
    r.status = MatchStatus::needs_review;
    set_link(*best, true);
    r.reasons.push_back({ReasonCode::insufficient_info,
                         fmt::format("Only name and time point to {} (no link, email or phone agrees); confirm before linking.",
                                     iv_label(*best)),
                         {}});
  } else if (best && best->score >= review_bits_ && !d_.ivs[best->iv].canceled) {
    r.status = MatchStatus::needs_review;
    set_link(*best, true);
    if (!best->mismatches.empty()) {
      r.reasons.push_back({ReasonCode::data_mismatch,
                           fmt::format("{} is the closest interview but {} disagree.", iv_label(*best), list_fields(best->mismatches)),
                           best->mismatches.strings()});
    } else {
      r.reasons.push_back({ReasonCode::insufficient_info,
                           fmt::format("The evidence for {} is too weak to link automatically.", iv_label(*best)), {}});
    }
  } else {
    r.status = MatchStatus::no_match;
    // The most specific reason, in precedence order.
    const Scored* canceled_fit = nullptr;
    for (const Scored* sp : scored)
      if (const auto& s = *sp; d_.ivs[s.iv].canceled && s.score - w::canceled >= accept_bits_ && (s.strong || ids.count(d_.ivs[s.iv].opp))) {
        canceled_fit = &s;
        break;
      }
    std::vector<std::uint32_t> live_ids;
    for (auto [o, lvl] : ids) if (lvl >= 2 && !d_.opps[o].anonymized && !d_.opps[o].deleted) live_ids.push_back(o);
    if (canceled_fit) {
      const auto& rec = d_.ivs[canceled_fit->iv];
      set_link(*canceled_fit, false);
      r.reasons.push_back({ReasonCode::interview_canceled,
                           fmt::format("The call fits {} but that interview was canceled at {}; no live interview matches.",
                                       iv_label(*canceled_fit), when(to_unix_ms(*rec.iv->canceled_at))),
                           {}});
    } else if (!live_ids.empty() && contacts.size() >= 2) {
      r.reasons.push_back({ReasonCode::duplicate_candidates,
                           fmt::format("The attendee's email/phone belongs to {} different Lever candidates and none has an interview "
                                       "at this time.", contacts.size()),
                           {}});
    } else if (!live_ids.empty()) {
      r.opportunity_id = d_.opps[live_ids.front()].opp->id;
      // A candidate interview exists but disagrees, or there is none near the call.
      const Scored* near = nullptr;
      for (const Scored* s : scored)
        if (d_.ivs[s->iv].opp == live_ids.front() && !d_.ivs[s->iv].canceled) { near = s; break; }
      if (near && !near->mismatches.empty()) {
        r.reasons.push_back({ReasonCode::data_mismatch,
                             fmt::format("{} is {}'s interview nearest the call but {} disagree.", iv_label(*near),
                                         d_.opps[live_ids.front()].opp->name, list_fields(near->mismatches)),
                             near->mismatches.strings()});
      } else {
        std::int64_t nearest = -1;
        for (auto iv : d_.opps[live_ids.front()].interviews)
          if (!d_.ivs[iv].canceled && (nearest < 0 || std::llabs(d_.ivs[iv].start_ms - c.start) < std::llabs(nearest - c.start)))
            nearest = d_.ivs[iv].start_ms;
        r.reasons.push_back({ReasonCode::no_interview_scheduled,
                             nearest < 0 ? fmt::format("{} is in Lever but has no live interview.", who(live_ids.front()))
                                         : fmt::format("{} is in Lever but has no interview near the call; the nearest is at {}.",
                                                       who(live_ids.front()), when(nearest)),
                             {}});
      }
    } else if (c.external_identity()) {
      bool anonymized = std::any_of(ids.begin(), ids.end(), [&](const auto& kv) { return d_.opps[kv.first].anonymized; });
      std::string idtext;
      for (const auto& p : c.external) {
        if (!idtext.empty()) idtext += ", ";
        idtext += p.email ? p.email->exact : detail::join_tokens(p.tokens);
      }
      if (idtext.empty()) idtext = "the dial-in phone";
      r.reasons.push_back({ReasonCode::candidate_not_in_ats,
                           anonymized ? fmt::format("The external attendee ({}) only matches an anonymized Lever candidate.", idtext)
                                      : fmt::format("No Lever candidate matches the external attendee ({}) by email, phone or name near "
                                                    "the call time.", idtext),
                           {}});
    } else if (best && !best->mismatches.empty() && best->key_backed) {
      set_link(*best, false);
      r.reasons.push_back({ReasonCode::data_mismatch,
                           fmt::format("{} shares the call's link but {} disagree.", iv_label(*best), list_fields(best->mismatches)),
                           best->mismatches.strings()});
    } else {
      r.reasons.push_back({ReasonCode::insufficient_info,
                           fmt::format("The call has no external attendee, no identifying link or dial-in and no phone{}; time alone "
                                       "cannot identify an interview.",
                                       call.source == CallSource::upload ? " (uploaded recording)"
                                       : call.source == CallSource::ongoing_invite ? " (recorder invited into an ongoing call)" : ""),
                           {}});
    }
  }

  // Explanation.
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
  const std::int64_t d0 = detail::day_of(from), d1 = detail::day_of(c.start);
  for (const auto& t : c.title_tokens)
    for (std::int64_t day = d0; day <= d1; ++day)
      for (auto [k, iv] : d_.by_name_day.find(detail::key_hash(t, day))) consider(iv);
  for (const auto& p : c.internal)
    if (p.email)
      for (std::int64_t day = d0; day <= d1; ++day)
        for (auto [k, iv] : d_.by_interviewer_day.find(detail::key_hash(p.email->exact, day))) consider(iv);

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

}  // namespace

MatchResult Matcher::match(const Call& call) const { return Engine(index_->data(), options_).run(call); }

std::vector<MatchResult> Matcher::match_batch(std::span<const Call> calls) const {
  Engine engine(index_->data(), options_);
  std::vector<MatchResult> out;
  out.reserve(calls.size());
  for (const auto& c : calls) out.push_back(engine.run(c));
  const auto group_of = detail::group_recordings(calls, out);
  detail::assign_one_to_one(calls, group_of, out, options_);
  return out;
}

}  // namespace leverkit::match
