// The recording schedule and its change feed (schedule.hpp; ADR 0061).
#include "leverkit/integration/schedule.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <set>
#include <utility>

#include <fmt/format.h>

namespace leverkit::inline v0::integration {

std::string_view to_string(ScheduleChangeKind k) noexcept {
  switch (k) {
    case ScheduleChangeKind::created: return "created";
    case ScheduleChangeKind::rescheduled: return "rescheduled";
    case ScheduleChangeKind::updated: return "updated";
    case ScheduleChangeKind::canceled: return "canceled";
  }
  return "unknown";
}

namespace {

// Everything the enrichment needs, decoded once from the store.
struct Context {
  std::map<std::string, Opportunity, std::less<>> opps;
  std::set<std::string, std::less<>> deleted_opps;
  std::map<std::string, User, std::less<>> users;
  std::map<std::string, Posting, std::less<>> postings;
  std::map<std::string, Stage, std::less<>> stages;

  static Result<Context> load(const SyncStore& store) {
    Context c;
    LEVERKIT_TRY(opps, store.list_objects(ObjectKind::opportunity));
    for (auto& o : opps) {
      if (o.deleted) {
        c.deleted_opps.insert(o.id);
        continue;
      }
      LEVERKIT_TRY(d, named(decode_opportunity(o.json), o));
      c.opps.emplace(o.id, std::move(d));
    }
    LEVERKIT_TRY(users, store.list_objects(ObjectKind::user));
    for (auto& o : users) {
      LEVERKIT_TRY(d, named(decode_user(o.json), o));
      c.users.emplace(o.id, std::move(d));
    }
    LEVERKIT_TRY(postings, store.list_objects(ObjectKind::posting));
    for (auto& o : postings) {
      LEVERKIT_TRY(d, named(decode_posting(o.json), o));
      c.postings.emplace(o.id, std::move(d));
    }
    LEVERKIT_TRY(stages, store.list_objects(ObjectKind::stage));
    for (auto& o : stages) {
      LEVERKIT_TRY(d, named(decode_stage(o.json), o));
      c.stages.emplace(o.id, std::move(d));
    }
    return c;
  }

  template <class T>
  static Result<T> named(Result<T> r, const StoredObject& o) {
    if (r) return r;
    Error e = std::move(r).error();
    e.message = fmt::format("stored {} {}: {}", to_string(o.kind), o.id, e.message);
    return e;
  }

  ScheduledInterview describe(Interview iv, const std::string& parent) const {
    ScheduledInterview s;
    if (!iv.opportunity_id && !parent.empty()) iv.opportunity_id = parent;
    s.conference = match::extract_conference(iv);
    match::Enrichment& e = s.enrichment;
    e.interview_id = iv.id;
    e.panel_id = iv.panel.value_or("");
    e.interview_location = iv.location.value_or("");
    auto stage_text = [&](const Expandable<Stage>& st) -> std::string {
      if (st.object && !st.object->text.empty()) return st.object->text;
      if (auto it = stages.find(st.id); it != stages.end()) return it->second.text;
      return {};
    };
    auto posting_text = [&](const Expandable<Posting>& p) -> std::string {
      if (p.object) return p.object->text;
      if (auto it = postings.find(p.id); it != postings.end()) return it->second.text;
      return {};
    };
    for (const auto& p : iv.postings)
      if (e.job_title.empty()) e.job_title = posting_text(p);
    if (iv.stage) e.stage = stage_text(*iv.stage);
    if (iv.opportunity_id) {
      e.opportunity_id = *iv.opportunity_id;
      if (auto it = opps.find(*iv.opportunity_id); it != opps.end()) {
        const Opportunity& o = it->second;
        e.candidate_name = o.name;
        e.location = o.location.value_or("");
        e.profile_url = o.urls.show.value_or("https://hire.lever.co/candidates/" + o.id);
        s.candidate_emails = o.emails;
        for (const auto& a : o.applications)
          if (e.job_title.empty() && a.object && a.object->posting) e.job_title = posting_text(*a.object->posting);
        if (e.stage.empty() && o.stage) e.stage = stage_text(*o.stage);
      }
    }
    if (e.location.empty())
      for (const auto& p : iv.postings)
        if (auto it = postings.find(p.id); it != postings.end() && e.location.empty())
          e.location = it->second.categories.location.value_or("");
    for (const auto& who : iv.interviewers) {
      ScheduledInterviewer si{.interviewer = who, .user = std::nullopt};
      if (auto it = users.find(who.id); it != users.end()) si.user = it->second;
      s.interviewers.push_back(std::move(si));
    }
    s.interview = std::move(iv);
    return s;
  }
};

bool recordable(const ScheduledInterview& s) { return s.conference.has_video() || s.conference.has_phone(); }

// The feed's saved view of one interview: start, duration, join URL, phone, interviewer ids.
struct View {
  std::int64_t start = 0;
  int duration = 0;
  std::string join, phone, interviewers;

  static View of(const ScheduledInterview& s) {
    View v;
    v.start = to_unix_ms(s.interview.date);
    v.duration = s.interview.duration;
    v.join = s.conference.join_url.value_or("");
    v.phone = s.conference.phone.value_or("");
    for (const auto& i : s.interview.interviewers) v.interviewers += i.id + ",";
    return v;
  }
  [[nodiscard]] std::string encode() const {
    return fmt::format("{}\x1f{}\x1f{}\x1f{}\x1f{}", start, duration, join, phone, interviewers);
  }
  static View decode(std::string_view s) {
    View v;
    std::vector<std::string_view> parts;
    std::size_t i = 0;
    while (true) {
      std::size_t j = s.find('\x1f', i);
      parts.push_back(s.substr(i, j == std::string_view::npos ? std::string_view::npos : j - i));
      if (j == std::string_view::npos) break;
      i = j + 1;
    }
    parts.resize(5);
    std::from_chars(parts[0].data(), parts[0].data() + parts[0].size(), v.start);
    std::from_chars(parts[1].data(), parts[1].data() + parts[1].size(), v.duration);
    v.join = parts[2];
    v.phone = parts[3];
    v.interviewers = parts[4];
    return v;
  }
};

Result<std::vector<ScheduledInterview>> upcoming(const SyncStore& store, const ScheduleOptions& o, const Context& ctx,
                                                 std::map<std::string, ObjectSource>& sources) {
  LEVERKIT_TRY(ivs, store.list_objects(ObjectKind::interview));
  std::vector<ScheduledInterview> out;
  for (auto& obj : ivs) {
    if (obj.deleted) continue;
    if (!obj.parent_id.empty() && (ctx.deleted_opps.contains(obj.parent_id))) continue;
    LEVERKIT_TRY(iv, Context::named(decode_interview(obj.json), obj));
    if (iv.canceled() || iv.date < o.from || iv.date >= o.to) continue;
    auto s = ctx.describe(std::move(iv), obj.parent_id);
    if (o.require_conference && !recordable(s)) continue;
    sources[obj.id] = obj.source;
    out.push_back(std::move(s));
  }
  std::sort(out.begin(), out.end(), [](const ScheduledInterview& a, const ScheduledInterview& b) {
    return std::tie(a.interview.date, a.interview.id) < std::tie(b.interview.date, b.interview.id);
  });
  return out;
}

}  // namespace

Result<std::vector<ScheduledInterview>> upcoming_interviews(const SyncStore& store, const ScheduleOptions& options) {
  LEVERKIT_TRY(ctx, Context::load(store));
  std::map<std::string, ObjectSource> sources;
  return upcoming(store, options, ctx, sources);
}

Result<ScheduleFeed> poll_schedule(SyncStore& store, const ScheduleOptions& options) {
  LEVERKIT_TRY(ctx, Context::load(store));
  std::map<std::string, ObjectSource> sources;
  ScheduleFeed feed;
  LEVERKIT_TRY(now, upcoming(store, options, ctx, sources));
  feed.upcoming = std::move(now);
  const std::string ns = "schedule." + options.feed;
  LEVERKIT_TRY(saved, store.list_values(ns));
  std::map<std::string, View, std::less<>> prev;
  for (const auto& v : saved) prev.emplace(v.key, View::decode(v.value));

  StoreBatch b;
  std::set<std::string, std::less<>> current_ids;
  for (const auto& s : feed.upcoming) {
    const std::string& id = s.interview.id;
    current_ids.insert(id);
    View v = View::of(s);
    ObjectSource src = sources.count(id) ? sources[id] : ObjectSource::poll;
    auto it = prev.find(id);
    if (it == prev.end()) {
      feed.changes.push_back({.kind = ScheduleChangeKind::created, .interview = s, .previous_start = std::nullopt,
                              .previous_duration = std::nullopt, .source = src});
    } else if (it->second.start != v.start || it->second.duration != v.duration) {
      feed.changes.push_back({.kind = ScheduleChangeKind::rescheduled, .interview = s,
                              .previous_start = from_unix_ms(it->second.start),
                              .previous_duration = it->second.duration, .source = src});
    } else if (it->second.join != v.join || it->second.phone != v.phone || it->second.interviewers != v.interviewers) {
      feed.changes.push_back({.kind = ScheduleChangeKind::updated, .interview = s, .previous_start = std::nullopt,
                              .previous_duration = std::nullopt, .source = src});
    }
    if (it == prev.end() || it->second.encode() != v.encode()) b.values.push_back({ns, id, v.encode()});
  }
  for (const auto& [id, view] : prev) {
    if (current_ids.contains(id)) continue;
    b.erase_values.push_back({ns, id, {}});
    // Why did it leave the window's list?
    ScheduleChange c{.kind = ScheduleChangeKind::canceled, .interview = {}, .previous_start = from_unix_ms(view.start),
                     .previous_duration = view.duration, .source = ObjectSource::poll};
    LEVERKIT_TRY(obj, store.get_object(ObjectKind::interview, id));
    if (obj) {
      c.source = obj->source;
      auto iv = decode_interview(obj->json);
      if (iv && !iv.value().id.empty() && !obj->deleted) {
        const Interview& i = iv.value();
        bool opp_gone = !obj->parent_id.empty() && ctx.deleted_opps.contains(obj->parent_id);
        if (!i.canceled() && !opp_gone) {
          if (i.date < options.from && i.date <= from_unix_ms(view.start)) continue;  // it simply started: not a change
          if (i.date >= options.to && i.date == from_unix_ms(view.start)) continue;  // the window shrank: not a change
          if (i.date != from_unix_ms(view.start) || i.duration != view.duration) c.kind = ScheduleChangeKind::rescheduled;
          // else: it lost its join link / phone → cannot be recorded any more → canceled
        }
        c.interview = ctx.describe(iv.value(), obj->parent_id);
      } else {
        Interview last;
        last.id = id;
        if (iv && !iv.value().id.empty()) last = iv.value();
        c.interview = ctx.describe(std::move(last), obj->parent_id);
      }
    } else {
      // Gone from the store: a sync found it no longer listed (deleted in Lever).
      Interview last;
      last.id = id;
      last.date = from_unix_ms(view.start);
      last.duration = view.duration;
      c.interview = ctx.describe(std::move(last), {});
    }
    feed.changes.push_back(std::move(c));
  }
  if (!b.empty()) LEVERKIT_TRYV(store.apply(b));
  return feed;
}

}  // namespace leverkit::integration
