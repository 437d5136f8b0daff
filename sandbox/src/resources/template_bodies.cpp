// What feedback and form templates share: field validation (ids regenerated on every write),
// the group and the create/update body.
#include <fmt/format.h>

#include "api_impl.hpp"
#include "resources/request_args.hpp"

namespace leverkit::sandbox::detail {

Array Api::Impl::template_fields(const Value& fields_in, bool feedback, const Value* previous) {
  (void)previous;  // Lever regenerates every field id on update, so nothing is carried over
  if (!fields_in.is_array() || fields_in.as_array().empty()) bad("fields is required: a non-empty array");
  Array out;
  int score_systems = 0;
  for (std::size_t i = 0; i < fields_in.as_array().size(); ++i) {
    const Value& f = fields_in.as_array()[i];
    if (!f.is_object()) bad(fmt::format("fields[{}] must be an object", i));
    const Value* type = f.find("type");
    if (!type || !type->is_string()) bad(fmt::format("fields[{}].type is required", i));
    const std::string& t = type->as_string();
    if (feedback ? !is_feedback_field_type(t) : !is_form_field_type(t))
      bad(fmt::format("fields[{}].type '{}' is not allowed on a {} template", i, t, feedback ? "feedback" : "form"));
    const Value* text = f.find("text");
    if (!text || !text->is_string()) bad(fmt::format("fields[{}].text is required", i));
    Value x = Value::object();
    x.set("description", f.find("description") && f.find("description")->is_string() ? f.str("description") : "");
    x.set("required", f.find("required") ? f.find("required")->as_bool() : false);
    x.set("text", text->as_string());
    x.set("type", t);
    x.set("id", write_rng.uuid());
    if (t == "score-system") {
      ++score_systems;
      x.set("prompt", f.find("prompt") && f.find("prompt")->is_string() ? f.str("prompt") : "Select one");
      const Value* opts = f.find("options");
      x.set("options", opts && opts->is_array() && !opts->as_array().empty() ? *opts : default_score_system_options());
    } else if (t == "dropdown" || t == "multiple-choice" || t == "multiple-select") {
      const Value* opts = f.find("options");
      if (!opts || !opts->is_array() || opts->as_array().empty())
        bad(fmt::format("fields[{}].options is required for {} fields", i, t));
      Array o;
      for (const auto& opt_v : opts->as_array()) {
        if (!opt_v.is_object() || !opt_v.find("text") || !opt_v.find("text")->is_string())
          bad(fmt::format("fields[{}].options[] must be objects with a text", i));
        Value ov = Value::object();
        ov.set("text", opt_v.str("text"));
        o.push_back(std::move(ov));
      }
      if (t == "dropdown") x.set("prompt", f.find("prompt") && f.find("prompt")->is_string() ? f.str("prompt") : "Select one");
      x.set("options", Value(std::move(o)));
    } else if (t == "scorecard") {
      const Value* scores = f.find("scores");
      if (!scores || !scores->is_array() || scores->as_array().empty())
        bad(fmt::format("fields[{}].scores is required for scorecard fields", i));
      Array sc;
      for (const auto& s : scores->as_array()) {
        if (!s.is_object() || !s.find("text") || !s.find("text")->is_string())
          bad(fmt::format("fields[{}].scores[] must be objects with a text", i));
        Value sv = Value::object();
        sv.set("text", s.str("text"));
        sv.set("description", s.str("description"));
        sc.push_back(std::move(sv));
      }
      x.set("scores", Value(std::move(sc)));
    }
    out.push_back(std::move(x));
  }
  if (feedback && score_systems != 1)
    bad(fmt::format("a feedback template needs exactly one score-system field ({} sent)", score_systems));
  return out;
}

namespace {
Value template_group(const Value& body) {
  const Value* g = body.find("group");
  if (!g || g->is_null() || (g->is_string() && g->as_string().empty())) return Value();
  if (g->is_string()) {
    Value out = Value::object();
    out.set("id", g->as_string());
    out.set("name", g->as_string());
    return out;
  }
  if (g->is_object()) return *g;
  throw ApiFailure{400, "InvalidParameter", "group must be a group id"};
}
}  // namespace

void Api::Impl::apply_template_body(Value& target, Ctx& ctx, bool feedback, bool create) {
  Value b = body_object(ctx);
  const std::string& text = need_string(b, "text");
  const Value* fields = b.find("fields");
  if (!fields) bad("fields is required: a non-empty array");
  // On update the previous fields are passed so field ids are regenerated as Lever does.
  Array f = template_fields(*fields, feedback, create ? nullptr : target.find("fields"));
  const std::int64_t now = write_clock();
  if (create) target.set("id", write_rng.uuid());
  target.set("text", text);
  target.set("group", template_group(b));
  target.set("instructions", opt_string(b, "instructions").value_or(""));
  if (!feedback) target.set("secretByDefault", opt_bool(b, "secretByDefault").value_or(false));
  target.set("fields", Value(std::move(f)));
  if (create) {
    target.set("createdAt", now);
    if (feedback) target.set("stage", Value());
  }
  target.set("updatedAt", now);
}

}  // namespace leverkit::sandbox::detail
