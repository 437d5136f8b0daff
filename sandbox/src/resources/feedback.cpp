// /v1/opportunities/:id/feedback: list (deleted ones stay listed), get, create, update (its own
// PUT response shape) and delete.
#include <fmt/format.h>

#include "api_impl.hpp"
#include "resources/request_args.hpp"
#include "resources/field_values.hpp"

namespace leverkit::sandbox::detail {

ApiResponse Api::Impl::list_feedback(Ctx& ctx) {
  Record& o = opportunity(ctx);
  // Deleted feedback stays listed with deletedAt set (lever-api.md §6.12).
  return list(ctx, store.feedback, store.feedback.children(o.value.str("id")), [](const Record&) { return true; },
              {{"user", &store.users}});
}

ApiResponse Api::Impl::get_feedback(Ctx& ctx) {
  return single(ctx, child(store.feedback, ctx, "feedback").value, {{"user", &store.users}});
}

ApiResponse Api::Impl::create_feedback(Ctx& ctx) {
  Record& o = opportunity(ctx);
  std::string actor = perform_as(ctx, true);
  Value b = body_object(ctx);
  const std::string& tid = need_string(b, "baseTemplateId");
  const Record* tmpl = store.feedback_templates.get(tid);
  if (!tmpl) bad(fmt::format("baseTemplateId {} was not found", tid));
  auto panel = opt_string(b, "panel");
  auto interview = opt_string(b, "interview");
  if (panel.has_value() != interview.has_value()) bad("panel and interview must be sent together");
  std::string opp_id = o.value.str("id");
  Record* iv = nullptr;
  if (panel) {
    const Record* p = store.panels.get(*panel);
    if (!p || p->parent != opp_id) bad(fmt::format("panel {} was not found on this opportunity", *panel));
    iv = store.interviews.get(*interview);
    if (!iv || iv->value.str("panel") != *panel) bad(fmt::format("interview {} does not belong to panel {}", *interview, *panel));
  }
  Array fields;
  for (const auto& f : tmpl->value.find("fields")->as_array()) {
    Value x = f;
    x.set("value", Value());
    fields.push_back(std::move(x));
  }
  apply_field_values(fields, b);
  std::int64_t now = write_clock();
  auto created = opt_int(b, "createdAt");
  auto completed = opt_int(b, "completedAt");
  Value fb = Value::object();
  std::string id = write_rng.uuid();
  fb.set("id", id);
  fb.set("type", "interview");
  fb.set("text", tmpl->value.str("text"));
  fb.set("instructions", tmpl->value.str("instructions"));
  fb.set("fields", Value(std::move(fields)));
  fb.set("baseTemplateId", tid);
  fb.set("interview", interview ? Value(*interview) : Value());
  fb.set("panel", panel ? Value(*panel) : Value());
  fb.set("user", actor);
  fb.set("createdAt", created.value_or(now));
  fb.set("completedAt", completed.value_or(now));
  fb.set("updatedAt", now);
  fb.set("deletedAt", Value());
  Record& rec = store.feedback.add(std::move(fb), opp_id);
  rec.api_created = true;
  if (iv) iv->value.find("feedbackForms")->push_back(id);
  return single(ctx, rec.value, {}, 201);
}

ApiResponse Api::Impl::update_feedback(Ctx& ctx) {
  Record& rec = child(store.feedback, ctx, "feedback");
  std::string actor = perform_as(ctx, true);
  if (!rec.value.find("deletedAt")->is_null()) not_found("feedback", rec.value.str("id"));
  Value b = body_object(ctx);
  Array fields = rec.value.find("fields")->as_array();
  apply_field_values(fields, b);  // ids come from the form itself, not from the current template
  std::int64_t now = write_clock();
  rec.value.set("fields", Value(fields));
  if (auto c = opt_int(b, "completedAt")) rec.value.set("completedAt", *c);
  rec.value.set("updatedAt", now);
  // The PUT response has its own shape (lever-api.md §6.12, sample feedback_update_response.json).
  Value out = Value::object();
  out.set("accountId", store.account_id);
  out.set("createdAt", *rec.value.find("createdAt"));
  out.set("userId", rec.value.str("user"));
  out.set("profileId", rec.parent);
  out.set("baseTemplateId", rec.value.str("baseTemplateId"));
  out.set("text", rec.value.str("text"));
  out.set("instructions", rec.value.str("instructions"));
  out.set("type", rec.value.str("type"));
  Array put_fields;
  for (const auto& f : fields) {
    Value x = Value::object();
    bool overall = f.str("type") == "score-system";
    for (const auto& [k, v] : f.as_object()) {
      if (k == "value") continue;
      x.set(k, k == "type" && overall ? Value("score") : v);
    }
    if (overall) {
      x.set("isSummary", true);
      x.set("summaryText", "");
      x.set("overall", true);
    }
    x.set("value", f.find("value") ? *f.find("value") : Value());
    put_fields.push_back(std::move(x));
  }
  out.set("fields", Value(std::move(put_fields)));
  out.set("completedAt", *rec.value.find("completedAt"));
  out.set("updatedAt", now);
  out.set("id", rec.value.str("id"));
  (void)actor;
  return single(ctx, out, {});
}

ApiResponse Api::Impl::delete_feedback(Ctx& ctx) {
  Record& rec = child(store.feedback, ctx, "feedback");
  perform_as(ctx, true);
  if (!rec.value.find("deletedAt")->is_null()) not_found("feedback", rec.value.str("id"));
  rec.value.set("deletedAt", write_clock());
  return json(204, "");
}

}  // namespace leverkit::sandbox::detail
