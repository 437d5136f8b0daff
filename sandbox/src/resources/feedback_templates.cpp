// /v1/feedback_templates: list, get, create, update and delete (API-created only).
#include "api_impl.hpp"

namespace leverkit::sandbox::detail {

ApiResponse Api::Impl::list_feedback_templates(Ctx& ctx) {
  return list(ctx, store.feedback_templates, std::views::iota(std::size_t{0}, store.feedback_templates.size()),
              [](const Record&) { return true; }, {});
}

ApiResponse Api::Impl::get_feedback_template(Ctx& ctx) {
  const Record* r = store.feedback_templates.get(ctx.args.at(0));
  if (!r) not_found("feedback_templates", ctx.args.at(0));
  return single(ctx, r->value, {});
}

ApiResponse Api::Impl::create_feedback_template(Ctx& ctx) {
  Value t = Value::object();
  apply_template_body(t, ctx, true, true);
  Record& r = store.feedback_templates.add(std::move(t));
  r.api_created = true;
  return single(ctx, r.value, {}, 201);
}

ApiResponse Api::Impl::update_feedback_template(Ctx& ctx) {
  Record* r = store.feedback_templates.get(ctx.args.at(0));
  if (!r) not_found("feedback_templates", ctx.args.at(0));
  apply_template_body(r->value, ctx, true, false);
  return single(ctx, r->value, {});
}

ApiResponse Api::Impl::delete_feedback_template(Ctx& ctx) {
  Record* r = store.feedback_templates.get(ctx.args.at(0));
  if (!r) not_found("feedback_templates", ctx.args.at(0));
  if (!r->api_created) fail(403, "Forbidden", "Only feedback templates created through the API can be deleted");
  store.feedback_templates.remove(ctx.args.at(0));
  write_clock();
  return json(204, "");
}

}  // namespace leverkit::sandbox::detail
