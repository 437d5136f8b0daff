// world.hpp — what the per-resource generators share: one random stream drawn in a fixed order
// (so a seed always yields the same account), the ids made so far, and small value builders.
#pragma once
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "store.hpp"

namespace leverkit::sandbox::detail::gen {

/// The account being generated. The generators run in a fixed order (users, stages, archive
/// reasons, feedback templates, form templates, postings, candidates), each reading what the
/// earlier ones made; changing the order or the draws changes every later value of a seed.
struct World {
  Store& s;
  Rng& rng;
  std::int64_t now;            // generated history ends here
  std::int64_t history_start;  // and starts two years earlier
  std::vector<std::string> recruiters, managers, interviewers, all_users;  // active users by role
  std::vector<std::string> stage_ids, reason_ids, template_ids, form_template_ids, posting_ids;
};

/// One candidacy (opportunity) as its sub-resource generators see it.
struct Candidacy {
  const std::string& opp_id;
  const std::string& posting_id;
  const Value& posting;
  const std::string& app_id;  // empty without an application
  const std::string& owner;
  const std::string& name;
  std::size_t stage_idx;
  std::int64_t created;
  bool has_application;
  bool anonymized;
};

/// A contact as the opportunity generator copies it (new, reused, or anonymized: blank).
struct ContactFacts {
  std::string contact_id, name, email_personal, email_work, headline, location;
  Array phones;
};

void generate_users(World& w);
void generate_stages(World& w);
void generate_archive_reasons(World& w);
void generate_feedback_templates(World& w);
void generate_form_templates(World& w);
void generate_postings(World& w);
/// `n` candidacies with their contacts, applications, panels, interviews, feedback, notes, forms.
void generate_candidates(World& w, std::size_t n);
/// The contact of candidacy `i`: a reused one (8 %) or a new one appended to `contact_ids`.
ContactFacts generate_contact(World& w, std::vector<std::string>& contact_ids, std::size_t i, bool anonymized,
                              std::int64_t created);
void generate_interviews(World& w, const Candidacy& c);
/// Feedback of the interviewers in `chosen` on a held interview `iv` (adds to its feedbackForms).
void generate_feedback(World& w, const Candidacy& c, Value& iv, const std::string& template_id,
                       const std::string& panel_id, const std::string& iid, const std::vector<std::string>& chosen,
                       std::int64_t date, std::int64_t duration);
void generate_notes(World& w, const Candidacy& c);
void generate_forms(World& w, const Candidacy& c);

// ---- value builders (builders.cpp)
[[nodiscard]] std::string phone_in_format(Rng& rng);
[[nodiscard]] Value phone(Rng& rng);
[[nodiscard]] Value strings(std::initializer_list<std::string_view> xs);
[[nodiscard]] Value options(std::initializer_list<std::string_view> xs);
[[nodiscard]] Value field(Rng& rng, std::string_view type, std::string_view text, bool required = false);
/// A conference link, dial-in, phone number, room, or nothing (every provider the matcher knows).
[[nodiscard]] std::string interview_location(Rng& rng);

}  // namespace leverkit::sandbox::detail::gen
