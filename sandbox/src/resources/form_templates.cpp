// /v1/form_templates: list, get, create, update and delete (API-created only).
#include "api_impl.hpp"

namespace leverkit::sandbox::detail {

ApiResponse Api::Impl::list_form_templates(Ctx& ctx) {
  return list(ctx, store.form_templates, std::views::iota(std::size_t{0}, store.form_templates.size()),
              [](const Record&) { return true; }, {});
}

ApiResponse Api::Impl::get_form_template(Ctx& ctx) {
  const Record* r = store.form_templates.get(ctx.args.at(0));
  if (!r) not_found("form_templates", ctx.args.at(0));
  return single(ctx, r->value, {});
}

ApiResponse Api::Impl::create_form_template(Ctx& ctx) {
  Value t = Value::object();
  apply_template_body(t, ctx, false, true);
  Record& r = store.form_templates.add(std::move(t));
  r.api_created = true;
  return single(ctx, r.value, {}, 201);
}

ApiResponse Api::Impl::update_form_template(Ctx& ctx) {
  Record* r = store.form_templates.get(ctx.args.at(0));
  if (!r) not_found("form_templates", ctx.args.at(0));
  apply_template_body(r->value, ctx, false, false);
  return single(ctx, r->value, {});
}

ApiResponse Api::Impl::delete_form_template(Ctx& ctx) {
  Record* r = store.form_templates.get(ctx.args.at(0));
  if (!r) not_found("form_templates", ctx.args.at(0));
  if (!r->api_created) fail(403, "Forbidden", "Only form templates created through the API can be deleted");
  store.form_templates.remove(ctx.args.at(0));
  write_clock();
  return json(204, "");
}

}  // namespace leverkit::sandbox::detail
