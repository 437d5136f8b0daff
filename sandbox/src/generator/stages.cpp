// Generated pipeline stages: built-in slugs and custom UUIDs, in pipeline order.
#include <array>

#include "generator/world.hpp"

namespace leverkit::sandbox::detail::gen {

void generate_stages(World& w) {
  Store& s = w.s;
  Rng& rng = w.rng;
  auto& stage_ids = w.stage_ids;
  struct StageDef {
    std::string_view slug, text;
  };
  constexpr std::array<StageDef, 11> kStages{{{"lead-new", "New lead"},
                                              {"lead-reached-out", "Reached out"},
                                              {"lead-responded", "Responded"},
                                              {"applicant-new", "New applicant"},
                                              {"", "HM Review"},
                                              {"", "Recruiter screen"},
                                              {"", "HM Screen"},
                                              {"", "On-site interview"},
                                              {"", "Reference check"},
                                              {"offer", "Offer"},
                                              {"", "Background Check"}}};
  for (const auto& d : kStages) {
    Value st = Value::object();
    std::string id = d.slug.empty() ? rng.uuid() : std::string(d.slug);
    st.set("id", id);
    st.set("text", d.text);
    s.stages.add(std::move(st));
    stage_ids.push_back(id);
  }
}

}  // namespace leverkit::sandbox::detail::gen
