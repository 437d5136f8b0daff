// /v1/contacts/:id: get and update (a new e-mail joins the contact's dedupe index).
#include "api_impl.hpp"
#include "resources/request_args.hpp"

namespace leverkit::sandbox::detail {

ApiResponse Api::Impl::get_contact(Ctx& ctx) {
  const Record* c = store.contacts.get(ctx.args.at(0));
  if (!c) not_found("contacts", ctx.args.at(0));
  return single(ctx, c->value, {});
}

ApiResponse Api::Impl::update_contact(Ctx& ctx) {
  Record* c = store.contacts.get(ctx.args.at(0));
  if (!c) not_found("contacts", ctx.args.at(0));
  Value b = body_object(ctx);
  if (auto v = opt_string(b, "name")) c->value.set("name", *v);
  if (auto v = opt_string(b, "headline")) c->value.set("headline", *v);
  if (auto v = opt_string(b, "location")) {
    Value loc = Value::object();
    loc.set("name", *v);
    c->value.set("location", std::move(loc));
  }
  if (b.find("emails")) {
    auto emails = string_array(b, "emails", false);
    c->value.set("emails", to_array(emails));
    for (const auto& e : emails) store.contact_by_email[e] = c->value.str("id");
  }
  if (const Value* ph = b.find("phones")) {
    if (!ph->is_array()) bad("phones must be an array of {type, value} objects");
    for (const auto& p : ph->as_array())
      if (!p.is_object() || !p.find("value") || !p.find("value")->is_string()) bad("phones[] must be objects with a string value");
    c->value.set("phones", *ph);
  }
  Value ev = Value::object();
  ev.set("contactId", c->value.str("id"));
  emit("contactUpdated", std::move(ev));
  return single(ctx, c->value, {});
}

}  // namespace leverkit::sandbox::detail
