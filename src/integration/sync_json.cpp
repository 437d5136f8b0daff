// JSON for sync / schedule / employee results (sync_json.hpp), on the models' JsonWriter.
#include "leverkit/integration/sync_json.hpp"

#include "models/detail/json_writer.hpp"

namespace leverkit::inline v0::integration {

using leverkit::detail::JsonWriter;

namespace {

void time_field(JsonWriter& w, std::string_view key, Timestamp t) {
  w.field(key, t);
  w.field(std::string(key) + "Iso", to_iso8601(t));
}

void user_body(JsonWriter& w, const User& u) {
  w.field("id", u.id).field("name", u.name).field("email", u.email).field("accessRole", u.access_role);
  w.field("active", u.active());
  w.opt_field("jobTitle", u.job_title).opt_field("managerId", u.manager_id);
  if (u.deactivated_at) time_field(w, "deactivatedAt", *u.deactivated_at);
}

void scheduled_body(JsonWriter& w, const ScheduledInterview& s) {
  const Interview& i = s.interview;
  w.field("interviewId", i.id).opt_field("opportunityId", i.opportunity_id).opt_field("panelId", i.panel);
  w.field("subject", i.subject);
  time_field(w, "start", i.date);
  time_field(w, "end", i.end());
  w.field_int("durationMinutes", i.duration).opt_field("timezone", i.timezone).opt_field("location", i.location);
  if (i.canceled_at) time_field(w, "canceledAt", *i.canceled_at);
  w.key("conference").begin_object();
  w.opt_field("joinUrl", s.conference.join_url).opt_field("phone", s.conference.phone);
  if (s.conference.link) {
    w.field("provider", match::to_string(s.conference.link->provider)).field("meetingKey", s.conference.link->key);
  }
  if (s.conference.dial_in) w.field("dialInKey", s.conference.dial_in->key()).field("pin", s.conference.dial_in->pin);
  w.end_object();
  w.key("interviewers").begin_array();
  for (const auto& who : s.interviewers) {
    w.begin_object().field("id", who.interviewer.id).field("name", who.interviewer.name).field("email", who.interviewer.email);
    w.opt_field("responseStatus", who.interviewer.response_status);
    if (who.user) w.field("accessRole", who.user->access_role).opt_field("jobTitle", who.user->job_title);
    w.end_object();
  }
  w.end_array();
  const auto& e = s.enrichment;
  w.key("candidate").begin_object().field("name", e.candidate_name).field("location", e.location);
  w.key("emails").string_array(s.candidate_emails).field("profileUrl", e.profile_url).end_object();
  w.field("jobTitle", e.job_title).field("stage", e.stage);
}

}  // namespace

std::string to_json(const SyncReport& r) {
  JsonWriter w;
  w.begin_object().field("incremental", r.incremental).field("resumed", r.resumed);
  w.field("confidentialIncluded", r.confidential_included).field_int("pages", static_cast<std::int64_t>(r.pages));
  w.field_int("stages", static_cast<std::int64_t>(r.stages)).field_int("users", static_cast<std::int64_t>(r.users));
  w.field_int("postings", static_cast<std::int64_t>(r.postings));
  w.field_int("opportunities", static_cast<std::int64_t>(r.opportunities));
  w.field_int("deletedOpportunities", static_cast<std::int64_t>(r.deleted_opportunities));
  w.field_int("opportunitiesVisited", static_cast<std::int64_t>(r.opportunities_visited));
  w.field_int("interviews", static_cast<std::int64_t>(r.interviews)).field_int("panels", static_cast<std::int64_t>(r.panels));
  w.field_int("elapsedMs", r.elapsed.count());
  if (r.watermark) time_field(w, "watermark", *r.watermark);
  w.end_object();
  return w.str();
}

std::string to_json(const SyncProgress& p) {
  JsonWriter w;
  w.begin_object().field("phase", p.phase).field_int("done", static_cast<std::int64_t>(p.done));
  if (p.total) w.field_int("total", static_cast<std::int64_t>(*p.total));
  w.field_int("elapsedMs", p.elapsed.count());
  if (p.eta) w.field_int("etaMs", p.eta->count());
  w.end_object();
  return w.str();
}

std::string to_json(const InterviewFanOutReport& r) {
  JsonWriter w;
  w.begin_object().field_int("opportunities", static_cast<std::int64_t>(r.opportunities));
  w.field_int("interviews", static_cast<std::int64_t>(r.interviews)).field_int("panels", static_cast<std::int64_t>(r.panels));
  w.field_int("requests", static_cast<std::int64_t>(r.requests)).field_int("elapsedMs", r.elapsed.count());
  w.end_object();
  return w.str();
}

std::string to_json(const ScheduledInterview& s) {
  JsonWriter w;
  w.begin_object();
  scheduled_body(w, s);
  w.end_object();
  return w.str();
}

std::string to_json(const ScheduleChange& c) {
  JsonWriter w;
  w.begin_object().field("change", to_string(c.kind)).field("source", c.source == ObjectSource::webhook ? "webhook" : "poll");
  if (c.previous_start) time_field(w, "previousStart", *c.previous_start);
  if (c.previous_duration) w.field_int("previousDurationMinutes", *c.previous_duration);
  w.key("interview").begin_object();
  scheduled_body(w, c.interview);
  w.end_object().end_object();
  return w.str();
}

std::string to_json(const EmployeeChange& c) {
  JsonWriter w;
  w.begin_object().field("change", to_string(c.kind)).opt_field("previousRole", c.previous_role);
  w.key("user").begin_object();
  user_body(w, c.user);
  w.end_object().end_object();
  return w.str();
}

std::string to_json(const User& u) {
  JsonWriter w;
  w.begin_object();
  user_body(w, u);
  w.end_object();
  return w.str();
}

}  // namespace leverkit::integration
