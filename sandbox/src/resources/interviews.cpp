// /v1/opportunities/:id/interviews (only on externally managed panels for writes), the
// interview builder shared with panels, and the panel start/end bookkeeping.
#include <algorithm>

#include <fmt/format.h>

#include "api_impl.hpp"
#include "resources/request_args.hpp"
#include "resources/schedule.hpp"

namespace leverkit::sandbox::detail {

void recompute_panel_times(Store& s, Record& panel) {
  std::int64_t start = 0, end = 0;
  bool any = false;
  for (std::size_t pos : s.interviews.children(panel.parent)) {
    const Record& r = s.interviews.at(pos);
    if (r.deleted || r.value.str("panel") != panel.value.str("id")) continue;
    std::int64_t d = r.value.num("date");
    std::int64_t e = d + r.value.num("duration") * 60'000;
    start = any ? std::min(start, d) : d;
    end = any ? std::max(end, e) : e;
    any = true;
  }
  if (any) {
    panel.value.set("start", start);
    panel.value.set("end", end);
  }
}

std::size_t live_interviews(const Store& s, const Record& panel) {
  std::size_t n = 0;
  for (std::size_t pos : s.interviews.children(panel.parent)) {
    const Record& r = s.interviews.at(pos);
    if (!r.deleted && r.value.str("panel") == panel.value.str("id")) ++n;
  }
  return n;
}

Value Api::Impl::make_interview(const Ctx& ctx, const Value& in, const std::string& opp_id, const std::string& panel_id,
                                const std::string& creator, std::string_view default_reminder, const std::string& id,
                                std::int64_t created, const Value& panel) {
  (void)ctx;
  if (!in.is_object()) bad("each interview must be an object");
  const Value* who = in.find("interviewers");
  if (!who || !who->is_array() || who->as_array().empty())
    bad("interviewers is required: a non-empty array of {id, feedbackTemplate}");
  auto date = opt_int(in, "date");
  if (!date) bad("date is required (ms since the epoch)");
  auto duration = opt_int(in, "duration");
  if (!duration || *duration < 1) bad("duration is required (minutes, at least 1)");
  std::optional<std::string> tmpl = opt_string(in, "feedbackTemplate");
  if (tmpl && *tmpl != "no-feedback" && !store.feedback_templates.get(*tmpl))
    bad(fmt::format("feedbackTemplate {} was not found", *tmpl));
  Array interviewers;
  for (std::size_t i = 0; i < who->as_array().size(); ++i) {
    const Value& w = who->as_array()[i];
    if (!w.is_object() || !w.find("id") || !w.find("id")->is_string())
      bad(fmt::format("interviewers[{}].id is required", i));
    const Record* u = store.users.get(w.str("id"));
    if (!u) bad(fmt::format("interviewers[{}]: user {} was not found", i, w.str("id")));
    std::string ft = w.str("feedbackTemplate");
    if (ft.empty()) ft = tmpl.value_or("no-feedback");
    if (ft != "no-feedback" && !store.feedback_templates.get(ft))
      bad(fmt::format("interviewers[{}].feedbackTemplate {} was not found", i, ft));
    Value p = Value::object();
    p.set("id", w.str("id"));
    p.set("name", u->value.str("name"));
    p.set("email", u->value.str("email"));
    p.set("feedbackTemplate", ft);
    interviewers.push_back(std::move(p));
  }
  const Record& opp = *store.opportunities.get(opp_id);
  Array postings;
  for (std::size_t pos : store.applications.children(opp_id))
    if (!store.applications.at(pos).deleted) postings.emplace_back(store.applications.at(pos).value.str("posting"));
  Value iv = Value::object();
  iv.set("id", id);
  iv.set("panel", panel_id);
  iv.set("subject", opt_string(in, "subject").value_or(""));
  iv.set("note", opt_string(in, "note").value_or(""));
  iv.set("interviewers", Value(std::move(interviewers)));
  iv.set("timezone", panel.str("timezone"));
  iv.set("createdAt", created);
  iv.set("date", *date);
  iv.set("duration", *duration);
  auto loc = opt_string(in, "location");
  iv.set("location", loc ? Value(*loc) : Value());
  iv.set("feedbackTemplate", tmpl ? Value(*tmpl) : Value());
  iv.set("feedbackForms", Value::array());
  iv.set("feedbackReminder", reminder(in, default_reminder));
  iv.set("user", creator);
  iv.set("stage", opp.value.str("stage"));
  iv.set("canceledAt", Value());
  iv.set("postings", Value(std::move(postings)));
  iv.set("gcalEventUrl", Value());
  iv.set("opportunityId", opp_id);
  return iv;
}

ApiResponse Api::Impl::list_interviews(Ctx& ctx) {
  Record& o = opportunity(ctx);
  return list(ctx, store.interviews, store.interviews.children(o.value.str("id")), [](const Record&) { return true; },
              {{"user", &store.users}, {"stage", &store.stages}, {"postings", &store.postings},
               {"feedbackForms", &store.feedback}});
}

ApiResponse Api::Impl::get_interview(Ctx& ctx) {
  return single(ctx, child(store.interviews, ctx, "interviews").value,
                {{"user", &store.users}, {"stage", &store.stages}, {"postings", &store.postings},
                 {"feedbackForms", &store.feedback}});
}

ApiResponse Api::Impl::create_interview(Ctx& ctx) {
  Record& o = opportunity(ctx);
  std::string actor = perform_as(ctx, true);
  Value b = body_object(ctx);
  const std::string& panel_id = need_string(b, "panel");
  Record* panel = store.panels.get(panel_id);
  if (!panel || panel->parent != o.value.str("id")) bad(fmt::format("panel {} was not found on this opportunity", panel_id));
  if (!panel->value.find("externallyManaged")->as_bool())
    fail(403, "Forbidden", "Interviews can only be created on externally managed panels");
  std::int64_t now = write_clock();
  Value iv = make_interview(ctx, b, o.value.str("id"), panel_id, actor, "frequently", write_rng.uuid(), now, panel->value);
  Record& rec = store.interviews.add(std::move(iv), o.value.str("id"));
  rec.api_created = true;
  recompute_panel_times(store, *panel);
  Value ev = event_ids(o);
  ev.set("interviewId", rec.value.str("id"));
  ev.set("panelId", panel_id);
  emit("interviewCreated", std::move(ev));
  return single(ctx, rec.value, {}, 201);
}

ApiResponse Api::Impl::update_interview(Ctx& ctx) {
  Record& rec = child(store.interviews, ctx, "interviews");
  std::string actor = perform_as(ctx, true);
  Value b = body_object(ctx);
  Record* panel = store.panels.get(rec.value.str("panel"));
  if (!panel || !panel->value.find("externallyManaged")->as_bool())
    fail(403, "Forbidden", "Only interviews on externally managed panels can be changed through the API");
  if (auto p = opt_string(b, "panel"); p && *p != rec.value.str("panel"))
    bad("panel cannot be changed; delete the interview and create it on the other panel");
  // PUT is a whole-object replace: every field not sent is reset (lever-api.md §6.9).
  Value iv = make_interview(ctx, b, rec.parent, rec.value.str("panel"), rec.value.str("user"), "frequently",
                            rec.value.str("id"), rec.value.num("createdAt"), panel->value);
  iv.set("feedbackForms", *rec.value.find("feedbackForms"));
  (void)actor;
  rec.value = std::move(iv);
  write_clock();
  recompute_panel_times(store, *panel);
  Value ev = event_ids(*store.opportunities.get(rec.parent));
  ev.set("interviewId", rec.value.str("id"));
  ev.set("panelId", rec.value.str("panel"));
  emit("interviewUpdated", std::move(ev));
  return single(ctx, rec.value, {});
}

ApiResponse Api::Impl::delete_interview(Ctx& ctx) {
  Record& rec = child(store.interviews, ctx, "interviews");
  perform_as(ctx, true);
  Record* panel = store.panels.get(rec.value.str("panel"));
  if (!panel || !panel->value.find("externallyManaged")->as_bool())
    fail(403, "Forbidden", "Only interviews on externally managed panels can be deleted through the API");
  std::string id = rec.value.str("id");
  store.interviews.remove(id);
  // Deleting the last interview deletes the panel.
  if (live_interviews(store, *panel) == 0) store.panels.remove(panel->value.str("id"));
  else recompute_panel_times(store, *panel);
  write_clock();
  Value ev = event_ids(*store.opportunities.get(rec.parent));
  ev.set("interviewId", id);
  ev.set("panelId", rec.value.str("panel"));
  emit("interviewDeleted", std::move(ev));
  return json(204, "");
}

}  // namespace leverkit::sandbox::detail
