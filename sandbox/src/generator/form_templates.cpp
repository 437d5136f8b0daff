// Generated profile-form templates (offer details, candidate preferences).
#include "generator/vocabulary.hpp"
#include "generator/world.hpp"

namespace leverkit::sandbox::detail::gen {

void generate_form_templates(World& w) {
  Store& s = w.s;
  Rng& rng = w.rng;
  const std::int64_t history_start = w.history_start;
  auto& form_template_ids = w.form_template_ids;
  {
    Value t = Value::object();
    std::string id = rng.uuid();
    t.set("id", id);
    t.set("text", "Offer details");
    t.set("group", Value());
    t.set("instructions", "Filled in by the recruiter before the offer call.");
    t.set("secretByDefault", true);
    Array f;
    f.push_back(field(rng, "currency", "Base salary", true));
    f.push_back(field(rng, "date", "Start date"));
    Value dd = field(rng, "dropdown", "Contract");
    dd.set("options", options({"Full-time", "Part-time", "Contractor"}));
    f.push_back(std::move(dd));
    f.push_back(field(rng, "yes-no", "Relocation needed?"));
    t.set("fields", Value(std::move(f)));
    t.set("createdAt", history_start);
    t.set("updatedAt", history_start);
    s.form_templates.add(std::move(t));
    form_template_ids.push_back(id);
  }
  {
    Value t = Value::object();
    std::string id = rng.uuid();
    t.set("id", id);
    t.set("text", "Candidate preferences");
    t.set("group", Value());
    t.set("instructions", "");
    t.set("secretByDefault", false);
    Array f;
    Value mc = field(rng, "multiple-choice", "Preferred work mode");
    mc.set("options", options({"Remote", "Hybrid", "On-site"}));
    f.push_back(std::move(mc));
    Value ms = field(rng, "multiple-select", "Teams of interest");
    ms.set("options", options({"Platform", "Data", "Growth", "Design"}));
    f.push_back(std::move(ms));
    f.push_back(field(rng, "text", "Pronouns"));
    f.push_back(field(rng, "textarea", "Notes"));
    t.set("fields", Value(std::move(f)));
    t.set("createdAt", history_start + kDay);
    t.set("updatedAt", history_start + kDay);
    s.form_templates.add(std::move(t));
    form_template_ids.push_back(id);
  }
}

}  // namespace leverkit::sandbox::detail::gen
