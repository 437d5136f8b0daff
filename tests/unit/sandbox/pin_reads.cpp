// Pin test, part 1 of the transcript: reads of every list and item route (paging, filters,
// expand/include, authentication errors); finds the ids the later parts write to.
#include "pin_script.hpp"

namespace pin {

void pin_reads(Script& s, PinIds& ids) {
  // ---- reads: lists, pages, filters, expand/include, singles, errors.
  s.section = "reads";
  for (std::string top : {"/v1/users", "/v1/stages", "/v1/archive_reasons", "/v1/postings", "/v1/feedback_templates",
                          "/v1/form_templates", "/v1/webhooks", "/v1/opportunities", "/v1/opportunities/deleted"}) {
    Value page = s.call("GET", top, {}, {{"limit", "7"}});
    for (int i = 0; i < 2 && page.find("next"); ++i)
      page = s.call("GET", top, {}, {{"limit", "7"}, {"offset", page.str("next")}});
  }
  s.call("GET", "/v1/opportunities", {}, {{"limit", "0"}});
  s.call("GET", "/v1/opportunities", {}, {{"offset", ""}});
  s.call("GET", "/v1/opportunities", {}, {{"offset", "%5B1%2C2%2C%22nope%22%5D"}});
  s.call("GET", "/v1/opportunities", {}, {{"confidentiality", "bogus"}});
  s.call("GET", "/v1/opportunities", {}, {{"confidentiality", "all"}, {"limit", "5"}, {"expand", "stage"},
                                          {"expand", "owner"}, {"expand", "followers"}, {"expand", "contact"},
                                          {"expand", "applications"}});
  s.call("GET", "/v1/opportunities", {}, {{"confidentiality", "confidential"}}, kReadOnly);
  s.call("GET", "/v1/opportunities", {}, {{"include", "stage"}, {"include", "emails"}, {"limit", "3"}});
  s.call("GET", "/v1/opportunities", {}, {{"archived", "true"}, {"limit", "4"}});
  s.call("GET", "/v1/opportunities", {}, {{"archived", "maybe"}});
  s.call("GET", "/v1/opportunities", {}, {{"snoozed", "true"}});
  s.call("GET", "/v1/opportunities", {}, {{"origin", "referred"}, {"limit", "4"}});
  s.call("GET", "/v1/opportunities", {}, {{"tag", "Silver medalist"}, {"source", "LinkedIn"}});
  s.call("GET", "/v1/opportunities", {}, {{"stage_id", "offer"}, {"stage_id", "applicant-new"}, {"limit", "4"}});
  s.call("GET", "/v1/opportunities", {}, {{"created_at_start", "1750000000000"}, {"created_at_end", "1760000000000"},
                                          {"limit", "4"}});
  s.call("GET", "/v1/opportunities", {}, {{"updated_at_start", "x"}});
  s.call("GET", "/v1/opportunities", {}, {{"archived_at_start", "1"}, {"limit", "3"}});
  s.call("GET", "/v1/opportunities", {}, {{"advanced_at_end", "1760000000000"}, {"limit", "3"}});
  s.call("GET", "/v1/opportunities/deleted", {}, {{"deleted_at_start", "1"}});
  s.call("GET", "/v1/users", {}, {{"includeDeactivated", "true"}, {"accessRole", "admin"}});
  s.call("GET", "/v1/archive_reasons", {}, {{"type", "hired"}});
  s.call("GET", "/v1/archive_reasons", {}, {{"type", "other"}});
  s.call("GET", "/v1/postings", {}, {{"state", "published"}, {"team", "Platform"}, {"expand", "owner"}});
  s.call("GET", "/v1/postings", {}, {{"confidentiality", "all"}, {"department", "Engineering"},
                                     {"distributionChannel", "public"}, {"tag", "Engineering"}});
  s.call("GET", "/v1/nothing");
  s.call("GET", "/v1/opportunities", {}, {}, "");
  s.call("GET", "/v1/opportunities", {}, {}, "Basic !!!");
  s.call("GET", "/v1/opportunities", {}, {}, "Basic bm9wZTo=");
  s.call("GET", "/v1/opportunities", {}, {}, "Bearer nope");
  s.call("GET", "/v1/opportunities", {}, {}, "Digest x");
  s.call("HEAD", "/v1/stages");
  s.call("POST", "/v1/users", R"({"name":"R","email":"r@example.com"})", {}, kReadOnly);

  Value users = data(s.call("GET", "/v1/users", {}, {{"includeDeactivated", "true"}}));
  std::string actor = users.as_array()[0].str("id"), deactivated;
  for (const auto& u : users.as_array())
    if (!u.find("deactivatedAt")->is_null()) deactivated = u.str("id");
  s.call("GET", "/v1/users/" + actor);
  s.call("GET", "/v1/users/nope");
  s.call("GET", "/v1/stages/offer");
  s.call("GET", "/v1/stages/nope");
  std::string reason = data(s.call("GET", "/v1/archive_reasons")).as_array()[0].str("id");
  std::string non_hired = data(s.call("GET", "/v1/archive_reasons", {}, {{"type", "non-hired"}})).as_array()[0].str("id");
  s.call("GET", "/v1/archive_reasons/" + reason);
  s.call("GET", "/v1/archive_reasons/nope");
  std::string posting = data(s.call("GET", "/v1/postings")).as_array()[0].str("id");
  s.call("GET", "/v1/postings/" + posting, {}, {{"expand", "hiringManager"}, {"expand", "followers"}});
  s.call("GET", "/v1/postings/nope");
  Value templates = data(s.call("GET", "/v1/feedback_templates"));
  s.call("GET", "/v1/feedback_templates/" + templates.as_array()[0].str("id"));
  s.call("GET", "/v1/feedback_templates/nope");
  Value form_templates = data(s.call("GET", "/v1/form_templates"));
  s.call("GET", "/v1/form_templates/" + form_templates.as_array()[0].str("id"));
  s.call("GET", "/v1/form_templates/nope");
  s.call("GET", "/v1/opportunities/nope");

  // Walk opportunities until one with every kind of sub-resource has been read.
  Value opps = data(s.call("GET", "/v1/opportunities", {}, {{"limit", "100"}}));
  std::string opp_with_panel, opp_plain, contact, external_panel, external_interview, internal_panel,
      internal_interview, seeded_note;
  for (const auto& opp : opps.as_array()) {
    const std::string id = opp.str("id");
    const std::string base = "/v1/opportunities/" + id;
    s.call("GET", base, {}, {{"expand", "stage"}, {"expand", "sourcedBy"}});
    if (contact.empty()) contact = opp.str("contact");
    Value apps = data(s.call("GET", base + "/applications", {}, {{"expand", "posting"}, {"expand", "user"}}));
    if (!apps.as_array().empty()) s.call("GET", base + "/applications/" + apps.as_array()[0].str("id"));
    Value panels = data(s.call("GET", base + "/panels", {}, {{"expand", "user"}}));
    Value ivs = data(s.call("GET", base + "/interviews", {}, {{"expand", "feedbackForms"}}));
    Value fbs = data(s.call("GET", base + "/feedback", {}, {{"expand", "user"}}));
    Value notes = data(s.call("GET", base + "/notes"));
    Value forms = data(s.call("GET", base + "/forms", {}, {{"expand", "stage"}}));
    for (const auto& p : panels.as_array()) {
      s.call("GET", base + "/panels/" + p.str("id"));
      if (p.find("externallyManaged")->as_bool() && external_panel.empty()) {
        external_panel = p.str("id");
        opp_with_panel = id;
        external_interview = p.find("interviews")->as_array()[0].str("id");
      }
      if (!p.find("externallyManaged")->as_bool() && internal_panel.empty()) {
        internal_panel = p.str("id");
        internal_interview = p.find("interviews")->as_array()[0].str("id");
      }
    }
    if (!ivs.as_array().empty()) s.call("GET", base + "/interviews/" + ivs.as_array()[0].str("id"));
    if (!fbs.as_array().empty()) s.call("GET", base + "/feedback/" + fbs.as_array()[0].str("id"));
    if (!notes.as_array().empty()) {
      s.call("GET", base + "/notes/" + notes.as_array()[0].str("id"));
      if (seeded_note.empty()) seeded_note = base + "/notes/" + notes.as_array()[0].str("id");
    }
    if (!forms.as_array().empty()) s.call("GET", base + "/forms/" + forms.as_array()[0].str("id"));
    if (panels.as_array().empty() && opp_plain.empty() && !opp.find("archived")->is_object()) opp_plain = id;
  }
  REQUIRE_FALSE(opp_with_panel.empty());
  REQUIRE_FALSE(internal_panel.empty());
  REQUIRE_FALSE(opp_plain.empty());
  s.call("GET", "/v1/opportunities/" + opp_plain + "/panels/" + external_panel);
  s.call("GET", "/v1/contacts/" + contact);
  s.call("GET", "/v1/contacts/nope");

  ids = PinIds{actor, deactivated, reason, non_hired, posting, opp_with_panel, opp_plain, contact, external_panel,
               internal_panel, internal_interview, seeded_note, templates, form_templates};
}

}  // namespace pin
