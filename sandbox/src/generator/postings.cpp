// Generated postings: teams x titles, several states, owners, hiring managers and salary ranges.
#include <fmt/format.h>

#include "generator/vocabulary.hpp"
#include "generator/world.hpp"

namespace leverkit::sandbox::detail::gen {

void generate_postings(World& w) {
  Store& s = w.s;
  Rng& rng = w.rng;
  const std::int64_t history_start = w.history_start;
  const auto& recruiters = w.recruiters;
  const auto& managers = w.managers;
  auto& posting_ids = w.posting_ids;
  for (std::size_t ti = 0; ti < kTeams.size(); ++ti) {
    for (std::size_t k = 0; k < 3; ++k) {
      const Team& team = kTeams[ti];
      std::size_t city = (ti * 3 + k) % kCities.size();
      Value p = Value::object();
      std::string id = rng.uuid();
      std::int64_t created = history_start + static_cast<std::int64_t>(ti * 3 + k) * 9 * kDay;
      p.set("id", id);
      p.set("text", team.titles[k]);
      p.set("createdAt", created);
      p.set("updatedAt", created + 3 * kDay);
      static constexpr std::array<std::string_view, 6> kStates{"published", "published", "internal",
                                                               "closed",    "draft",     "published"};
      std::string_view state = kStates[(ti + k * 2) % kStates.size()];
      p.set("state", state);
      p.set("distributionChannels", state == "internal" ? Value() : strings({"public", "internal"}));
      p.set("confidentiality", (ti * 3 + k) == 16 ? "confidential" : "non-confidential");
      std::string owner = recruiters[(ti + k) % recruiters.size()];
      std::string hm = managers[(ti * 3 + k) % managers.size()];
      p.set("user", owner);
      p.set("owner", owner);
      p.set("hiringManager", (ti * 3 + k) % 7 == 6 ? Value() : Value(hm));
      Value cat = Value::object();
      cat.set("team", team.team);
      cat.set("department", team.department);
      cat.set("location", kCities[city]);
      cat.set("allLocations", strings({kCities[city]}));
      cat.set("commitment", k == 2 && ti == 4 ? "Part-time" : "Full-time");
      cat.set("level", k == 0 ? "Senior" : "Mid");
      p.set("categories", std::move(cat));
      p.set("tags", strings({team.department, kCities[city]}));
      Value content = Value::object();
      std::string desc = fmt::format("Join the {} team at Acme Robotics as a {}.", team.team, team.titles[k]);
      content.set("description", desc);
      content.set("descriptionHtml", fmt::format("<div>{}</div>", desc));
      Array lists;
      Value l = Value::object();
      l.set("text", "What you will do");
      l.set("content", "<li>Build things people use</li><li>Work with a kind team</li>");
      lists.push_back(std::move(l));
      content.set("lists", Value(std::move(lists)));
      content.set("closing", "We value diverse teams.");
      content.set("closingHtml", "<div>We value diverse teams.</div>");
      p.set("content", std::move(content));
      p.set("country", kCountries[city]);
      p.set("followers", strings({owner, hm}));
      p.set("reqCode", fmt::format("REQ-{}", 100 + ti * 3 + k));
      p.set("requisitionCodes", strings({fmt::format("REQ-{}", 100 + ti * 3 + k)}));
      p.set("salaryDescription", "");
      p.set("salaryDescriptionHtml", "");
      Value sr = Value::object();
      sr.set("min", static_cast<std::int64_t>(90000 + ti * 10000 + k * 5000));
      sr.set("max", static_cast<std::int64_t>(130000 + ti * 10000 + k * 5000));
      sr.set("currency", kCountries[city] == "GB" ? "GBP" : kCountries[city] == "DE" ? "EUR" : "USD");
      sr.set("interval", "per-year-salary");
      p.set("salaryRange", std::move(sr));
      Value urls = Value::object();
      urls.set("list", "https://jobs.lever.co/acme-robotics");
      urls.set("show", fmt::format("https://jobs.lever.co/acme-robotics/{}", id));
      urls.set("apply", fmt::format("https://jobs.lever.co/acme-robotics/{}/apply", id));
      p.set("urls", std::move(urls));
      p.set("workplaceType", kCities[city] == "Remote" ? "remote" : (k == 1 ? "hybrid" : "onsite"));
      s.postings.add(std::move(p));
      posting_ids.push_back(id);
    }
  }
}

}  // namespace leverkit::sandbox::detail::gen
