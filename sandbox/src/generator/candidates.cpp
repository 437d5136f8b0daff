// Generated candidacies: opportunities (stage history, archive state, tags, sources, a few
// deleted) with their applications; contacts and sub-resources come from their own generators.
#include <algorithm>

#include <fmt/format.h>

#include "generator/vocabulary.hpp"
#include "generator/world.hpp"

namespace leverkit::sandbox::detail::gen {

void generate_candidates(World& w, std::size_t n) {
  Store& s = w.s;
  Rng& rng = w.rng;
  const std::int64_t now = w.now;
  const std::int64_t history_start = w.history_start;
  const auto& recruiters = w.recruiters;
  const auto& stage_ids = w.stage_ids;
  const auto& reason_ids = w.reason_ids;
  const auto& posting_ids = w.posting_ids;
  const std::int64_t step = n == 0 ? kDay : std::max<std::int64_t>(2, (now - history_start) / static_cast<std::int64_t>(n + 1));
  std::vector<std::string> contact_ids;
  std::int64_t created = history_start;
  for (std::size_t i = 0; i < n; ++i) {
    created += step / 2 + static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(step / 2) + 1)) + 1;
    const bool anonymized = rng.chance(0.01);
    auto [contact_id, name, email_personal, email_work, headline, location, phones] =
        generate_contact(w, contact_ids, i, anonymized, created);

    const std::string opp_id = rng.uuid();
    const std::string& posting_id = posting_ids[rng.below(posting_ids.size())];
    const Value& posting = s.postings.get(posting_id)->value;
    const bool has_application = rng.chance(0.9);
    // Pipeline position: weighted toward early stages.
    std::size_t stage_idx = std::min<std::size_t>(stage_ids.size() - 1, rng.below(4) + rng.below(5) + rng.below(3));
    const bool archived = rng.chance(0.25);
    const bool hired = archived && stage_idx >= 9 && rng.chance(0.6);
    const bool confidential = posting.str("confidentiality") == "confidential";
    std::string_view origin;
    switch (rng.below(20)) {
      case 0: case 1: case 2: case 3: case 4: case 5: case 6: case 7: case 8: case 9: origin = "applied"; break;
      case 10: case 11: case 12: case 13: case 14: origin = "sourced"; break;
      case 15: case 16: origin = "referred"; break;
      case 17: origin = "agency"; break;
      case 18: origin = "university"; break;
      default: origin = "internal"; break;
    }
    const std::string& owner = recruiters[rng.below(recruiters.size())];
    std::string hm = posting.str("hiringManager");
    std::string app_id = has_application ? rng.uuid() : std::string();

    Value o = Value::object();
    o.set("id", opp_id);
    o.set("name", name);
    o.set("contact", contact_id);
    o.set("headline", headline);
    o.set("stage", stage_ids[stage_idx]);
    o.set("confidentiality", confidential ? "confidential" : "non-confidential");
    o.set("location", location);
    o.set("phones", Value(phones));
    Array emails;
    if (!email_personal.empty()) emails.emplace_back(email_personal);
    if (!email_work.empty()) emails.emplace_back(email_work);
    o.set("emails", Value(std::move(emails)));
    Array links;
    if (!anonymized && rng.chance(0.5)) links.emplace_back(fmt::format("https://linkedin.com/in/{}", rng.hex(10)));
    if (!anonymized && rng.chance(0.2)) links.emplace_back(fmt::format("https://github.com/{}", rng.hex(8)));
    o.set("links", Value(std::move(links)));
    // Stage history from the pipeline entry point to the current stage.
    Array changes;
    std::size_t entry = origin == "applied" ? std::min<std::size_t>(3, stage_idx) : 0;
    std::int64_t t = created;
    std::int64_t last_advanced = created;
    for (std::size_t st = entry; st <= stage_idx; ++st) {
      if (st != entry && st != stage_idx && rng.chance(0.5)) continue;
      Value ch = Value::object();
      ch.set("toStageId", stage_ids[st]);
      ch.set("toStageIndex", static_cast<std::int64_t>(st));
      ch.set("updatedAt", t);
      ch.set("userId", owner);
      changes.push_back(std::move(ch));
      last_advanced = t;
      t += kDay + static_cast<std::int64_t>(rng.below(5)) * kDay;
    }
    std::int64_t archived_at = t + static_cast<std::int64_t>(rng.below(10)) * kDay;
    if (archived) {
      Value a = Value::object();
      a.set("reason", hired ? reason_ids[0] : reason_ids[1 + rng.below(reason_ids.size() - 1)]);
      a.set("archivedAt", archived_at);
      o.set("archived", std::move(a));
    } else {
      o.set("archived", Value());
    }
    Array tags;
    tags.emplace_back(posting.str("text"));
    tags.emplace_back(posting.find("categories")->str("team"));
    tags.emplace_back(posting.find("categories")->str("location"));
    if (rng.chance(0.1)) tags.emplace_back("Silver medalist");
    o.set("tags", Value(std::move(tags)));
    o.set("sources", strings({origin == "referred" ? "Referral" : kSources[rng.below(kSources.size())]}));
    o.set("stageChanges", Value(std::move(changes)));
    o.set("origin", origin);
    o.set("sourcedBy", origin == "sourced" || origin == "referred" ? Value(owner) : Value());
    o.set("owner", owner);
    Array followers;
    followers.emplace_back(owner);
    if (!hm.empty() && hm != owner) followers.emplace_back(hm);
    o.set("followers", Value(std::move(followers)));
    o.set("applications", has_application ? strings({app_id}) : Value::array());
    o.set("createdAt", created);
    std::int64_t updated = archived ? archived_at : last_advanced;
    o.set("updatedAt", updated);
    o.set("lastInteractionAt", updated + static_cast<std::int64_t>(rng.below(48)) * kHour);
    o.set("lastAdvancedAt", last_advanced);
    o.set("snoozedUntil", rng.chance(0.03) ? Value(now + static_cast<std::int64_t>(rng.below(60)) * kDay) : Value());
    Value urls = Value::object();
    urls.set("list", "https://hire.lever.co/candidates");
    urls.set("show", fmt::format("https://hire.lever.co/candidates/{}", opp_id));
    o.set("urls", std::move(urls));
    o.set("isAnonymized", anonymized);
    if (rng.chance(0.1)) {
      Value dp = Value::object();
      Value store_v = Value::object();
      store_v.set("allowed", true);
      store_v.set("expiresAt", created + 365 * kDay);
      Value contact_v = Value::object();
      contact_v.set("allowed", rng.chance(0.5));
      contact_v.set("expiresAt", Value());
      dp.set("store", std::move(store_v));
      dp.set("contact", std::move(contact_v));
      o.set("dataProtection", std::move(dp));
    } else {
      o.set("dataProtection", Value());
    }
    o.set("opportunityLocation", posting.find("categories")->str("location"));

    if (rng.chance(0.02) && i + 1 < n) {
      // Deleted candidacy: only visible through /opportunities/deleted.
      o.set("deletedAt", now - static_cast<std::int64_t>(rng.below(90)) * kDay);
      o.set("deletedBy", recruiters[0]);
      s.deleted_opportunities.add(std::move(o));
      continue;
    }
    Record& opp_rec = s.opportunities.add(std::move(o));
    opp_rec.posting = posting_id;

    if (has_application) {
      Value a = Value::object();
      a.set("id", app_id);
      a.set("opportunityId", opp_id);
      a.set("candidateId", opp_id);
      a.set("createdAt", created);
      a.set("type", origin == "referred" ? "referral" : origin == "applied" ? "posting" : "user");
      a.set("posting", posting_id);
      a.set("postingHiringManager", hm.empty() ? Value() : Value(hm));
      a.set("postingOwner", posting.str("owner"));
      a.set("user", origin == "applied" ? Value() : Value(owner));
      a.set("name", name);
      a.set("email", email_personal);
      Array ph = phones;
      a.set("phone", ph.empty() ? Value() : ph.front());
      a.set("company", headline.substr(0, headline.find(',')));
      a.set("links", Value::array());
      a.set("comments", Value());
      a.set("customQuestions", Value::array());
      a.set("archived", archived ? *s.opportunities.get(opp_id)->value.find("archived") : Value());
      a.set("requisitionForHire", Value());
      s.applications.add(std::move(a), opp_id);
    }

    const Candidacy c{opp_id, posting_id, posting, app_id, owner, name, stage_idx, created, has_application, anonymized};
    generate_interviews(w, c);
    generate_notes(w, c);
    generate_forms(w, c);
  }
}

}  // namespace leverkit::sandbox::detail::gen
