#include "leverkit/match/index.hpp"

#include "index_data.hpp"
#include "leverkit/match/names.hpp"
#include "leverkit/match/phone.hpp"
#include "text_util.hpp"

namespace leverkit::inline v0::match {
namespace detail {

std::string join_tokens(const std::vector<std::string>& t) {
  std::string out;
  for (const auto& s : t) {
    if (!out.empty()) out.push_back(' ');
    out += s;
  }
  return out;
}

}  // namespace detail

using detail::IndexData;
using detail::kNone;

Index::Index(std::unique_ptr<IndexData> d) : data_(std::move(d)) {}
Index::Index(Index&&) noexcept = default;
Index& Index::operator=(Index&&) noexcept = default;
Index::~Index() = default;

std::size_t Index::interview_count() const noexcept { return data_->ivs.size(); }
std::size_t Index::opportunity_count() const noexcept { return data_->opps.size(); }
const LeverSnapshot& Index::snapshot() const noexcept { return data_->snap; }

Index Index::build(LeverSnapshot snapshot, Options options) {
  auto d = std::make_unique<IndexData>();
  d->snap = std::move(snapshot);
  d->options = std::move(options);
  auto& s = d->snap;

  for (const auto& dom : d->options.company_domains) d->company_domains.insert(detail::lower(dom));
  auto add_internal = [&](std::string_view email, std::string_view name) {
    if (auto k = normalize_email(email)) {
      d->internal_emails.insert(k->exact);
      if (!k->personal_provider) d->company_domains.insert(k->domain);
    }
    if (!name.empty()) {
      auto t = name_tokens(name);
      if (t.size() >= 2) d->internal_names.insert(detail::join_tokens(t));
    }
  };
  for (const auto& u : s.users) add_internal(u.email, u.name);
  for (const auto& p : s.postings) {
    d->postings.emplace(p.id, &p);
    d->posting_tokens.emplace(p.id, name_tokens(p.text));
  }
  for (const auto& st : s.stages) d->stages.emplace(st.id, &st);
  for (const auto& p : s.panels)
    for (const auto& i : p.interviews) d->panel_of_interview.emplace(i.id, p.id);

  // Opportunities.
  std::unordered_map<std::string_view, std::uint32_t> opp_by_id;
  opp_by_id.reserve(s.opportunities.size());
  d->opps.resize(s.opportunities.size());
  for (std::uint32_t i = 0; i < s.opportunities.size(); ++i) {
    const auto& o = s.opportunities[i];
    auto& r = d->opps[i];
    r.opp = &o;
    opp_by_id.emplace(o.id, i);
    r.contact_id = o.contact ? o.contact->id : o.id;
    r.anonymized = o.is_anonymized || (o.contact && o.contact->object && o.contact->object->is_anonymized);
    r.deleted = o.deleted_at.has_value();
    r.name_tokens = name_tokens(o.name);
    auto add_email = [&](const std::string& e) {
      auto k = normalize_email(e);
      if (!k) return;
      for (const auto& have : r.emails) if (have.exact == k->exact) return;
      d->by_email.add(detail::key_hash(k->provider), i);
      if (k->plus_stripped != k->provider) d->by_email.add(detail::key_hash(k->plus_stripped), i);
      if (k->personal_provider) d->by_email_local.add(detail::key_hash(k->local), i);
      r.emails.push_back(std::move(*k));
    };
    for (const auto& e : o.emails) add_email(e);
    if (o.contact && o.contact->object) for (const auto& e : o.contact->object->emails) add_email(e);
    auto add_phone = [&](const std::string& p) {
      auto key = phone_block_key(p);
      if (key.empty()) return;
      d->by_phone.add(detail::key_hash(key), i);
      r.phones.push_back(p);
    };
    for (const auto& p : o.phones) add_phone(p.value);
    if (o.contact && o.contact->object) for (const auto& p : o.contact->object->phones) add_phone(p.value);
  }

  // Common names: distinct Lever people (contacts) sharing each full name, token order ignored,
  // so the scorer can weigh "Michael Brown" below "Ingrid Larsen".
  {
    std::unordered_map<std::uint64_t, std::uint32_t> people_per_name;
    std::unordered_set<std::uint64_t> seen;
    std::vector<std::uint64_t> name_key(d->opps.size(), 0);
    for (std::uint32_t i = 0; i < d->opps.size(); ++i) {
      const auto& r = d->opps[i];
      if (r.name_tokens.size() < 2) continue;
      auto t = r.name_tokens;
      std::sort(t.begin(), t.end());
      name_key[i] = detail::key_hash(detail::join_tokens(t));
      if (seen.insert(name_key[i] ^ (detail::key_hash(r.contact_id) * 0x9e3779b97f4a7c15ull)).second) ++people_per_name[name_key[i]];
    }
    for (std::uint32_t i = 0; i < d->opps.size(); ++i)
      if (name_key[i]) d->opps[i].name_count = people_per_name[name_key[i]];
  }

  // Interviews.
  d->ivs.resize(s.interviews.size());
  std::vector<std::int64_t> live_starts;
  live_starts.reserve(s.interviews.size());
  std::vector<std::pair<std::uint64_t, std::uint32_t>> key_opp;  // (conference key, opportunity)
  // Panels share links and interviewers recur: normalise each distinct text once.
  std::unordered_map<std::string_view, ConferenceInfo> conf_cache;
  struct PairHash {
    std::size_t operator()(const std::pair<std::string_view, std::string_view>& p) const noexcept {
      return std::hash<std::string_view>{}(p.first) * 31 + std::hash<std::string_view>{}(p.second);
    }
  };
  std::unordered_map<std::pair<std::string_view, std::string_view>, std::uint32_t, PairHash> person_cache;
  for (std::uint32_t i = 0; i < s.interviews.size(); ++i) {
    const auto& iv = s.interviews[i];
    auto& r = d->ivs[i];
    r.iv = &iv;
    r.start_ms = to_unix_ms(iv.date);
    r.end_ms = r.start_ms + std::int64_t{iv.duration} * detail::kMinuteMs;
    r.canceled = iv.canceled_at.has_value();
    if (iv.panel) r.panel_id = *iv.panel;
    else if (auto it = d->panel_of_interview.find(iv.id); it != d->panel_of_interview.end()) r.panel_id = std::string(it->second);
    if (iv.opportunity_id) {
      if (auto it = opp_by_id.find(*iv.opportunity_id); it != opp_by_id.end()) {
        r.opp = it->second;
        d->opps[it->second].interviews.push_back(i);
      }
    }
    if (!r.canceled) live_starts.push_back(r.start_ms);
    for (const auto& p : iv.postings)
      if (p.object && !d->posting_tokens.count(p.id)) d->posting_tokens.emplace(p.id, name_tokens(p.object->text));
    const std::int64_t day = detail::day_of(r.start_ms);

    for (const auto* text : {iv.location ? &*iv.location : nullptr, &iv.note}) {
      if (!text || text->empty()) continue;
      auto [cit, fresh] = conf_cache.try_emplace(*text);
      if (fresh) cit->second = extract_conference(*text);
      ConferenceInfo info = cit->second;
      for (auto& l : info.links) {
        std::uint64_t h = detail::key_hash(l.key);
        d->by_conf_key.add(detail::key_hash(l.key, detail::week_of(r.start_ms)), i);
        key_opp.emplace_back(h, r.opp);
        r.links.push_back(std::move(l));
      }
      for (auto& di : info.dial_ins) {
        std::uint64_t h = detail::key_hash(di.key());
        d->by_conf_key.add(detail::key_hash(di.key(), detail::week_of(r.start_ms)), i);
        key_opp.emplace_back(h, r.opp);
        r.dial_ins.push_back(std::move(di));
      }
      if (text == &iv.note) continue;  // a phone in the note is rarely the candidate's
      for (auto& p : info.phones) r.location_phones.push_back(std::move(p));
    }
    for (const auto& person : iv.interviewers) {
      auto [pit, fresh] = person_cache.try_emplace(std::pair<std::string_view, std::string_view>{person.email, person.name},
                                                   static_cast<std::uint32_t>(d->people.size()));
      if (fresh) {
        detail::PersonRec rec;
        if (auto k = normalize_email(person.email)) {
          d->internal_emails.insert(k->exact);
          if (!k->personal_provider) d->company_domains.insert(k->domain);
          rec.email = std::move(k->exact);
        }
        rec.tokens = name_tokens(person.name);
        if (rec.tokens.size() >= 2) d->internal_names.insert(detail::join_tokens(rec.tokens));
        d->people.push_back(std::move(rec));
      }
      const auto& rec = d->people[pit->second];
      if (!rec.email.empty()) d->by_interviewer_day.add(detail::key_hash(rec.email, day), i);
      r.interviewers.push_back(pit->second);
    }
    if (r.opp != kNone) {
      for (const auto& t : d->opps[r.opp].name_tokens)
        if (t.size() >= 2) d->by_name_day.add(detail::key_hash(t, day), i);
    }
  }

  // A conference key seen on interviews of more than one opportunity is a reused room (a Zoom
  // PMI, a recruiter's standing link): equality is then weak evidence.
  std::sort(key_opp.begin(), key_opp.end());
  key_opp.erase(std::unique(key_opp.begin(), key_opp.end()), key_opp.end());
  for (std::size_t i = 0; i < key_opp.size();) {
    std::size_t j = i;
    while (j < key_opp.size() && key_opp[j].first == key_opp[i].first) ++j;
    if (j - i > 1) d->conf_key_opps.emplace(key_opp[i].first, static_cast<int>(j - i));
    i = j;
  }

  // Hourly prefix counts for the prior (interviews within ±24 h): two loads per call.
  if (!live_starts.empty()) {
    auto [mn, mx] = std::minmax_element(live_starts.begin(), live_starts.end());
    d->first_hour = detail::floor_div(*mn, detail::kHourMs);
    const std::int64_t hours = detail::floor_div(*mx, detail::kHourMs) - d->first_hour + 1;
    std::vector<std::uint32_t> per_hour(static_cast<std::size_t>(hours), 0);
    for (auto t : live_starts) ++per_hour[static_cast<std::size_t>(detail::floor_div(t, detail::kHourMs) - d->first_hour)];
    d->live_per_hour_prefix.assign(per_hour.size() + 1, 0);
    for (std::size_t h = 0; h < per_hour.size(); ++h) d->live_per_hour_prefix[h + 1] = d->live_per_hour_prefix[h] + per_hour[h];
  }
  d->by_conf_key.finish();
  d->by_email.finish();
  d->by_email_local.finish();
  d->by_phone.finish();
  d->by_name_day.finish();
  d->by_interviewer_day.finish();
  return Index(std::move(d));
}

}  // namespace leverkit::match
