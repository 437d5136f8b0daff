// /v1/opportunities/:id/panels: the panel view (with its interviews), list, get, create, update
// (whole replace of the interview set) and delete.
#include <algorithm>

#include <fmt/format.h>

#include "api_impl.hpp"
#include "resources/request_args.hpp"
#include "resources/schedule.hpp"

namespace leverkit::sandbox::detail {

Value Api::Impl::panel_view(const Value& panel) const {
  Value out = panel;
  Array interviews;
  const std::string& pid = panel.str("id");
  // Interviews of a panel belong to the same opportunity; walk that opportunity's interviews.
  std::string opp;
  if (auto pos = store.panels.position(pid)) opp = store.panels.at(*pos).parent;
  for (std::size_t pos : store.interviews.children(opp)) {
    const Record& r = store.interviews.at(pos);
    if (r.deleted || r.value.str("panel") != pid) continue;
    const Value& iv = r.value;
    Value small = Value::object();
    small.set("id", iv.str("id"));
    small.set("date", *iv.find("date"));
    small.set("duration", *iv.find("duration"));
    small.set("feedbackReminder", *iv.find("feedbackReminder"));
    const Value* ft = iv.find("feedbackTemplate");
    small.set("feedbackTemplate", ft && ft->is_string() ? *ft : Value("no-feedback"));
    Array who;
    for (const auto& person : iv.find("interviewers")->as_array()) {
      Value p = Value::object();
      p.set("id", person.str("id"));
      p.set("email", person.str("email"));
      p.set("name", person.str("name"));
      p.set("responseStatus", "needsAction");
      p.set("feedbackTemplate", *person.find("feedbackTemplate"));
      who.push_back(std::move(p));
    }
    small.set("interviewers", Value(std::move(who)));
    small.set("location", *iv.find("location"));
    small.set("note", iv.str("note").empty() ? Value() : Value(iv.str("note")));
    small.set("subject", iv.str("subject"));
    interviews.push_back(std::move(small));
  }
  // Keep Lever's key order: interviews sit between feedbackReminder and note.
  Object ordered;
  for (auto& [k, v] : out.object_ref()) {
    if (k == "note") ordered.emplace_back("interviews", Value(std::move(interviews)));
    ordered.emplace_back(k, std::move(v));
  }
  return Value(std::move(ordered));
}

ApiResponse Api::Impl::list_panels(Ctx& ctx) {
  Record& o = opportunity(ctx);
  return list(ctx, store.panels, store.panels.children(o.value.str("id")), [](const Record&) { return true; },
              {{"stage", &store.stages}, {"user", &store.users}}, false,
              [this](const Value& v) { return panel_view(v); });
}

ApiResponse Api::Impl::get_panel(Ctx& ctx) {
  return single(ctx, panel_view(child(store.panels, ctx, "panels").value), {{"stage", &store.stages}, {"user", &store.users}});
}

namespace {
Value panel_applications(const Store& s, const Value& body, const std::string& opp_id) {
  const Value* apps = body.find("applications");
  if (!apps || apps->is_null()) {
    Array all;
    for (std::size_t pos : s.applications.children(opp_id))
      if (!s.applications.at(pos).deleted) all.emplace_back(s.applications.at(pos).value.str("id"));
    return Value(std::move(all));
  }
  if (!apps->is_array() || apps->as_array().empty())
    throw ApiFailure{400, "InvalidParameter", "applications must be a non-empty array of application ids"};
  for (const auto& a : apps->as_array()) {
    const Record* r = a.is_string() ? s.applications.get(a.as_string()) : nullptr;
    if (!r || r->parent != opp_id)
      throw ApiFailure{400, "InvalidParameter", fmt::format("application {} does not belong to this opportunity", to_json(a))};
  }
  return *apps;
}
}  // namespace

ApiResponse Api::Impl::create_panel(Ctx& ctx) {
  Record& o = opportunity(ctx);
  std::string actor = perform_as(ctx, true);
  Value b = body_object(ctx);
  const std::string& tz = need_string(b, "timezone");
  const Value* ivs = b.find("interviews");
  if (!ivs || !ivs->is_array() || ivs->as_array().empty()) bad("interviews is required: a non-empty array");
  std::string opp_id = o.value.str("id");
  std::int64_t now = write_clock();
  std::string reminder_value = reminder(b, "daily");
  Value p = Value::object();
  std::string panel_id = write_rng.uuid();
  p.set("id", panel_id);
  p.set("applications", panel_applications(store, b, opp_id));
  p.set("canceledAt", Value());
  p.set("createdAt", now);
  p.set("end", std::int64_t{0});
  p.set("externallyManaged", true);
  auto ext = opt_string(b, "externalUrl");
  p.set("externalUrl", ext ? Value(*ext) : Value());
  p.set("feedbackReminder", reminder_value);
  auto note = opt_string(b, "note");
  p.set("note", note ? Value(*note) : Value());
  p.set("stage", o.value.str("stage"));
  p.set("start", std::int64_t{0});
  p.set("timezone", tz);
  p.set("user", actor);
  // Validate every interview before storing anything.
  std::vector<Value> made;
  for (std::size_t i = 0; i < ivs->as_array().size(); ++i) {
    try {
      made.push_back(make_interview(ctx, ivs->as_array()[i], opp_id, panel_id, actor, reminder_value, write_rng.uuid(),
                                    now, p));
    } catch (ApiFailure& f) {
      f.message = fmt::format("interviews[{}]: {}", i, f.message);
      throw;
    }
  }
  Record& prec = store.panels.add(std::move(p), opp_id);
  prec.api_created = true;
  for (auto& iv : made) {
    Value ev = event_ids(o);
    ev.set("interviewId", iv.str("id"));
    ev.set("panelId", panel_id);
    store.interviews.add(std::move(iv), opp_id).api_created = true;
    emit("interviewCreated", std::move(ev));
  }
  Record& panel = *store.panels.get(panel_id);
  recompute_panel_times(store, panel);
  return single(ctx, panel_view(panel.value), {}, 201);
}

ApiResponse Api::Impl::update_panel(Ctx& ctx) {
  Record& panel = child(store.panels, ctx, "panels");
  std::string actor = perform_as(ctx, true);
  if (!panel.value.find("externallyManaged")->as_bool())
    fail(403, "Forbidden", "Only externally managed panels can be changed through the API");
  Value b = body_object(ctx);
  const std::string& tz = need_string(b, "timezone");
  const Value* ivs = b.find("interviews");
  if (!ivs || !ivs->is_array() || ivs->as_array().empty()) bad("interviews is required: a non-empty array");
  std::string opp_id = panel.parent;
  std::string panel_id = panel.value.str("id");
  std::string reminder_value = reminder(b, "daily");
  Value p = panel.value;
  p.set("applications", panel_applications(store, b, opp_id));
  auto ext = opt_string(b, "externalUrl");
  p.set("externalUrl", ext ? Value(*ext) : Value());
  p.set("feedbackReminder", reminder_value);
  auto note = opt_string(b, "note");
  p.set("note", note ? Value(*note) : Value());
  p.set("timezone", tz);
  std::int64_t now = write_clock();
  // Existing interviews keep their id; new ones must have none; the rest are deleted.
  std::vector<std::pair<Record*, Value>> replaced;
  std::vector<Value> added;
  std::vector<std::string> kept;
  for (std::size_t i = 0; i < ivs->as_array().size(); ++i) {
    const Value& in = ivs->as_array()[i];
    try {
      if (auto id = in.is_object() ? opt_string(in, "id") : std::nullopt) {
        Record* r = store.interviews.get(*id);
        if (!r || r->value.str("panel") != panel_id) bad(fmt::format("interview {} is not on this panel", *id));
        Value iv = make_interview(ctx, in, opp_id, panel_id, r->value.str("user"), reminder_value, *id,
                                  r->value.num("createdAt"), p);
        iv.set("feedbackForms", *r->value.find("feedbackForms"));
        replaced.emplace_back(r, std::move(iv));
        kept.push_back(*id);
      } else {
        added.push_back(make_interview(ctx, in, opp_id, panel_id, actor, reminder_value, write_rng.uuid(), now, p));
      }
    } catch (ApiFailure& f) {
      f.message = fmt::format("interviews[{}]: {}", i, f.message);
      throw;
    }
  }
  Record& o = *store.opportunities.get(opp_id);
  for (std::size_t pos : store.interviews.children(opp_id)) {
    Record& r = store.interviews.at(pos);
    if (r.deleted || r.value.str("panel") != panel_id) continue;
    if (std::find(kept.begin(), kept.end(), r.value.str("id")) == kept.end()) {
      r.deleted = true;
      Value ev = event_ids(o);
      ev.set("interviewId", r.value.str("id"));
      ev.set("panelId", panel_id);
      emit("interviewDeleted", std::move(ev));
    }
  }
  for (auto& [r, v] : replaced) {
    r->value = std::move(v);
    Value ev = event_ids(o);
    ev.set("interviewId", r->value.str("id"));
    ev.set("panelId", panel_id);
    emit("interviewUpdated", std::move(ev));
  }
  for (auto& v : added) {
    Value ev = event_ids(o);
    ev.set("interviewId", v.str("id"));
    ev.set("panelId", panel_id);
    store.interviews.add(std::move(v), opp_id).api_created = true;
    emit("interviewCreated", std::move(ev));
  }
  Record& fresh = *store.panels.get(panel_id);
  fresh.value = std::move(p);
  recompute_panel_times(store, fresh);
  return single(ctx, panel_view(fresh.value), {});
}

ApiResponse Api::Impl::delete_panel(Ctx& ctx) {
  Record& panel = child(store.panels, ctx, "panels");
  perform_as(ctx, true);
  if (!panel.value.find("externallyManaged")->as_bool())
    fail(403, "Forbidden", "Only externally managed panels can be deleted through the API");
  std::string panel_id = panel.value.str("id");
  Record& o = *store.opportunities.get(panel.parent);
  for (std::size_t pos : store.interviews.children(panel.parent)) {
    Record& r = store.interviews.at(pos);
    if (r.deleted || r.value.str("panel") != panel_id) continue;
    r.deleted = true;
    Value ev = event_ids(o);
    ev.set("interviewId", r.value.str("id"));
    ev.set("panelId", panel_id);
    emit("interviewDeleted", std::move(ev));
  }
  store.panels.remove(panel_id);
  write_clock();
  return json(204, "");
}

}  // namespace leverkit::sandbox::detail
