// Seeded data for the sandbox: realistic, Unicode-rich and deterministic for a given seed. This
// file runs the per-resource generators (generator/*.cpp) in their fixed order on one stream.
#include "generator/vocabulary.hpp"
#include "generator/world.hpp"

namespace leverkit::sandbox::detail {

void generate(Store& s, const GeneratorOptions& opt) {
  s.clear();
  Rng rng(opt.seed);
  const std::int64_t now = opt.now_ms;
  const std::int64_t history_start = now - 730 * gen::kDay;
  s.account_id = rng.uuid();
  gen::World w{s, rng, now, history_start, {}, {}, {}, {}, {}, {}, {}, {}, {}};
  gen::generate_users(w);
  gen::generate_stages(w);
  gen::generate_archive_reasons(w);
  gen::generate_feedback_templates(w);
  gen::generate_form_templates(w);
  gen::generate_postings(w);
  gen::generate_candidates(w, opt.opportunities);
}

}  // namespace leverkit::sandbox::detail
