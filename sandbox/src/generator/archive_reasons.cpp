// Generated archive reasons: hired, non-hired and an inactive legacy one.
#include <array>

#include "generator/world.hpp"

namespace leverkit::sandbox::detail::gen {

void generate_archive_reasons(World& w) {
  Store& s = w.s;
  Rng& rng = w.rng;
  auto& reason_ids = w.reason_ids;
  struct ReasonDef {
    std::string_view text, type, status;
  };
  constexpr std::array<ReasonDef, 8> kReasons{{{"Hired", "hired", "active"},
                                              {"Underqualified", "non-hired", "active"},
                                              {"Withdrew", "non-hired", "active"},
                                              {"Position filled", "non-hired", "active"},
                                              {"Timing", "non-hired", "active"},
                                              {"No response", "non-hired", "active"},
                                              {"Offer declined", "non-hired", "active"},
                                              {"Culture fit (legacy)", "non-hired", "inactive"}}};
  for (const auto& d : kReasons) {
    Value r = Value::object();
    std::string id = rng.uuid();
    r.set("id", id);
    r.set("text", d.text);
    r.set("status", d.status);
    r.set("type", d.type);
    s.archive_reasons.add(std::move(r));
    reason_ids.push_back(id);
  }
}

}  // namespace leverkit::sandbox::detail::gen
