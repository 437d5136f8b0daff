// /v1/opportunities/:id/forms (profile forms): list, get and create from a form template.
#include <fmt/format.h>

#include "api_impl.hpp"
#include "resources/request_args.hpp"
#include "resources/field_values.hpp"

namespace leverkit::sandbox::detail {

ApiResponse Api::Impl::list_forms(Ctx& ctx) {
  Record& o = opportunity(ctx);
  return list(ctx, store.forms, store.forms.children(o.value.str("id")), [](const Record&) { return true; },
              {{"user", &store.users}, {"stage", &store.stages}});
}

ApiResponse Api::Impl::get_form(Ctx& ctx) {
  return single(ctx, child(store.forms, ctx, "forms").value, {{"user", &store.users}, {"stage", &store.stages}});
}

ApiResponse Api::Impl::create_form(Ctx& ctx) {
  Record& o = opportunity(ctx);
  std::string actor = perform_as(ctx, false);
  Value b = body_object(ctx);
  const std::string& tid = need_string(b, "baseTemplateId");
  const Record* tmpl = store.form_templates.get(tid);
  if (!tmpl) bad(fmt::format("baseTemplateId {} was not found", tid));
  const Value* in = b.find("fields");
  const auto& tfields = tmpl->value.find("fields")->as_array();
  if (!in || !in->is_array()) bad("fields is required: every field of the template, each with a value");
  if (in->as_array().size() != tfields.size())
    bad(fmt::format("fields must contain every field of the template ({} expected, {} sent)", tfields.size(),
                    in->as_array().size()));
  Array fields;
  for (std::size_t i = 0; i < tfields.size(); ++i) {
    const Value& sent = in->as_array()[i];
    if (!sent.is_object()) bad(fmt::format("fields[{}] must be an object", i));
    const Value& tf = tfields[i];
    if ((sent.find("type") && sent.str("type") != tf.str("type")) || (sent.find("text") && sent.str("text") != tf.str("text")))
      bad(fmt::format("fields[{}] does not match template field \"{}\" ({})", i, tf.str("text"), tf.str("type")));
    Value v = sent.find("value") ? *sent.find("value") : Value();
    if (v.is_null() && tf.find("required")->as_bool()) bad(fmt::format("fields[{}] (\"{}\") is required", i, tf.str("text")));
    check_value(tf, v, i);
    Value x = tf;
    x.set("value", std::move(v));
    fields.push_back(std::move(x));
  }
  std::int64_t now = write_clock();
  Value form = Value::object();
  form.set("id", write_rng.uuid());
  form.set("type", "form");
  form.set("text", tmpl->value.str("text"));
  form.set("instructions", tmpl->value.str("instructions"));
  form.set("baseTemplateId", tid);
  form.set("fields", Value(std::move(fields)));
  form.set("user", actor.empty() ? Value() : Value(actor));
  form.set("stage", o.value.str("stage"));
  form.set("secret", opt_bool(b, "secret").value_or(tmpl->value.find("secretByDefault")->as_bool()));
  form.set("createdAt", now);
  form.set("completedAt", now);
  form.set("deletedAt", Value());
  Record& rec = store.forms.add(std::move(form), o.value.str("id"));
  rec.api_created = true;
  return single(ctx, rec.value, {}, 201);
}

}  // namespace leverkit::sandbox::detail
