// Generated profile forms for a few late-stage candidates.
#include "generator/vocabulary.hpp"
#include "generator/world.hpp"

namespace leverkit::sandbox::detail::gen {

void generate_forms(World& w, const Candidacy& c) {
  Store& s = w.s;
  Rng& rng = w.rng;
  const std::int64_t now = w.now;
  const auto& form_template_ids = w.form_template_ids;
  const auto& stage_ids = w.stage_ids;
  const std::string& opp_id = c.opp_id;
  const std::string& owner = c.owner;
  const std::size_t stage_idx = c.stage_idx;
  const std::int64_t created = c.created;
  if (stage_idx >= 8 && rng.chance(0.5)) {
    const Value& tmpl = s.form_templates.get(form_template_ids[0])->value;
    Value form = Value::object();
    form.set("id", rng.uuid());
    form.set("type", "form");
    form.set("text", tmpl.str("text"));
    form.set("instructions", tmpl.str("instructions"));
    form.set("baseTemplateId", tmpl.str("id"));
    Array fields;
    for (const auto& tf : tmpl.find("fields")->as_array()) {
      Value fv = tf;
      const std::string& type = tf.str("type");
      if (type == "currency") fv.set("value", static_cast<std::int64_t>(120000 + rng.below(50) * 1000));
      else if (type == "date") fv.set("value", now + 30 * kDay);
      else if (type == "dropdown") fv.set("value", "Full-time");
      else fv.set("value", rng.chance(0.5) ? "yes" : "no");
      fields.push_back(std::move(fv));
    }
    form.set("fields", Value(std::move(fields)));
    form.set("user", owner);
    form.set("stage", stage_ids[stage_idx]);
    form.set("secret", tmpl.find("secretByDefault")->as_bool());
    form.set("createdAt", created + 10 * kDay);
    form.set("completedAt", created + 10 * kDay);
    form.set("deletedAt", Value());
    s.forms.add(std::move(form), opp_id);
  }
}

}  // namespace leverkit::sandbox::detail::gen
