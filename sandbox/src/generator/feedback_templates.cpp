// Generated feedback templates: every field type, exactly one score-system field each.
#include <array>
#include <utility>

#include <fmt/format.h>

#include "generator/vocabulary.hpp"
#include "generator/world.hpp"

namespace leverkit::sandbox::detail::gen {

void generate_feedback_templates(World& w) {
  Store& s = w.s;
  Rng& rng = w.rng;
  const std::int64_t history_start = w.history_start;
  auto& template_ids = w.template_ids;
  auto add_template = [&](std::string_view text, std::string_view group, bool builtin, Array fields) {
    Value t = Value::object();
    std::string id = rng.uuid();
    t.set("id", id);
    t.set("text", text);
    if (group.empty()) {
      t.set("group", Value());
    } else {
      Value g = Value::object();
      g.set("id", rng.uuid());
      g.set("name", group);
      t.set("group", std::move(g));
    }
    t.set("instructions", fmt::format("Please complete the {} within 24 hours.", text));
    t.set("fields", Value(std::move(fields)));
    t.set("createdAt", builtin ? Value() : Value(history_start + static_cast<std::int64_t>(rng.below(30)) * kDay));
    t.set("stage", Value());
    t.set("updatedAt", Value());
    s.feedback_templates.add(std::move(t));
    template_ids.push_back(id);
  };
  auto score_system = [&](std::string_view text) {
    Value f = field(rng, "score-system", text);
    f.set("prompt", "Select one");
    f.set("options", default_score_system_options());
    return f;
  };
  {
    Array f;
    f.push_back(score_system("Rating"));
    Value sc = field(rng, "scorecard", "");
    Array scores;
    for (auto [t, d] : std::array<std::pair<std::string_view, std::string_view>, 4>{
             {{"Adaptability", "Will this person work well in a fast paced environment?"},
              {"Prior Success", "How did they perform in their previous roles?"},
              {"Work Ethic", "Are they going to help lead the team to set a high bar?"},
              {"Organization", "Will they help structure and build our team in a thoughtful manner?"}}}) {
      Value x = Value::object();
      x.set("text", t);
      x.set("description", d);
      scores.push_back(std::move(x));
    }
    sc.set("scores", Value(std::move(scores)));
    f.push_back(std::move(sc));
    f.push_back(field(rng, "textarea", "Other thoughts?"));
    add_template("General On-site Interview", "On-site Interviews", true, std::move(f));
  }
  {
    Array f;
    f.push_back(score_system("Overall rating"));
    f.push_back(field(rng, "textarea", "Summary of the conversation", true));
    f.push_back(field(rng, "text", "Current compensation expectations"));
    f.push_back(field(rng, "yes-no", "Would you like to work with this person?"));
    Value dd = field(rng, "dropdown", "Notice period");
    dd.set("prompt", "Select one");
    dd.set("options", options({"Immediately", "2 weeks", "1 month", "3 months"}));
    f.push_back(std::move(dd));
    add_template("Recruiter Phone Screen", "Phone Screens", false, std::move(f));
  }
  {
    Array f;
    f.push_back(score_system("Overall rating"));
    f.push_back(field(rng, "code", "Solution the candidate wrote"));
    f.push_back(field(rng, "score", "Problem solving"));
    f.push_back(field(rng, "score", "Code quality"));
    Value mc = field(rng, "multiple-choice", "Seniority signal");
    mc.set("options", options({"Junior", "Mid-level", "Senior", "Staff+"}));
    f.push_back(std::move(mc));
    Value ms = field(rng, "multiple-select", "Languages used");
    ms.set("options", options({"C++", "Python", "Go", "Rust", "TypeScript"}));
    f.push_back(std::move(ms));
    f.push_back(field(rng, "textarea", "Strengths"));
    f.push_back(field(rng, "textarea", "Concerns"));
    add_template("Technical Interview", "On-site Interviews", false, std::move(f));
  }
  {
    Array f;
    f.push_back(score_system("Recommendation"));
    f.push_back(field(rng, "date", "Earliest start date"));
    f.push_back(field(rng, "currency", "Expected salary"));
    f.push_back(field(rng, "yes-no", "Has a competing offer?"));
    f.push_back(field(rng, "text", "Reference contact"));
    add_template("Hiring Manager Debrief", "", false, std::move(f));
  }
}

}  // namespace leverkit::sandbox::detail::gen
