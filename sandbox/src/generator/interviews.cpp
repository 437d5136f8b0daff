// Generated panels and their interviews for candidates who reached an interviewing stage:
// conference links of every provider, reschedules, cancellations, some in the future.
#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "generator/vocabulary.hpp"
#include "generator/world.hpp"

namespace leverkit::sandbox::detail::gen {

void generate_interviews(World& w, const Candidacy& c) {
  Store& s = w.s;
  Rng& rng = w.rng;
  const std::int64_t now = w.now;
  const auto& stage_ids = w.stage_ids;
  const auto& template_ids = w.template_ids;
  const auto& interviewers = w.interviewers;
  const std::string& opp_id = c.opp_id;
  const std::string& posting_id = c.posting_id;
  const std::string& app_id = c.app_id;
  const std::string& owner = c.owner;
  const std::string& name = c.name;
  const std::size_t stage_idx = c.stage_idx;
  const std::int64_t created = c.created;
  const bool has_application = c.has_application;
  auto user_name = [&](const std::string& id) -> const std::string& { return s.users.get(id)->value.str("name"); };
  auto user_email = [&](const std::string& id) -> const std::string& { return s.users.get(id)->value.str("email"); };
  if (stage_idx >= 5 && rng.chance(0.75)) {
    std::size_t npanels = 1 + rng.below(2);
    for (std::size_t pi = 0; pi < npanels; ++pi) {
      std::string panel_id = rng.uuid();
      std::int64_t pcreated = created + static_cast<std::int64_t>(pi + 1) * 2 * kDay;
      std::int64_t start = pcreated + (2 + static_cast<std::int64_t>(rng.below(6))) * kDay + 9 * kHour +
                           static_cast<std::int64_t>(rng.below(8)) * kHour;
      // Every tenth scheduled panel lies in the future relative to the generated history.
      if (rng.chance(0.1)) start = now + static_cast<std::int64_t>(1 + rng.below(30)) * kDay + 10 * kHour;
      const bool canceled = rng.chance(0.08);
      const bool external = rng.chance(0.35);
      std::string_view tz = kTimezones[rng.below(kTimezones.size())];
      std::string stage_at = stage_ids[std::min<std::size_t>(5 + pi * 2, stage_idx)];
      Value p = Value::object();
      p.set("id", panel_id);
      p.set("applications", has_application ? strings({app_id}) : Value::array());
      p.set("canceledAt", canceled ? Value(start - kDay) : Value());
      p.set("createdAt", pcreated);
      p.set("end", start);  // fixed below
      p.set("externallyManaged", external);
      p.set("externalUrl", external ? Value(fmt::format("https://scheduler.example/panels/{}", rng.hex(10))) : Value());
      p.set("feedbackReminder", "daily");
      p.set("note", rng.chance(0.3) ? Value("Please review the résumé before joining.") : Value());
      p.set("stage", stage_at);
      p.set("start", start);
      p.set("timezone", tz);
      p.set("user", owner);
      std::size_t ninterviews = 1 + rng.below(3);
      std::int64_t slot = start;
      std::int64_t end = start;
      for (std::size_t ii = 0; ii < ninterviews; ++ii) {
        const std::string template_id = template_ids[rng.below(template_ids.size())];
        const bool no_feedback = rng.chance(0.1);
        std::int64_t duration = std::array<std::int64_t, 4>{30, 45, 60, 90}[rng.below(4)];
        std::int64_t date = slot;
        std::string note = "";
        if (rng.chance(0.1)) {
          // Rescheduled: moved a day later, the note tells where from.
          note = fmt::format("Rescheduled from {} (candidate request)", date);
          date += kDay;
        }
        Value iv = Value::object();
        std::string iid = rng.uuid();
        iv.set("id", iid);
        iv.set("panel", panel_id);
        static constexpr std::array<std::string_view, 5> kSubjects{
            "Recruiter screen", "Technical interview", "System design", "Hiring manager chat", "Culture add"};
        iv.set("subject", fmt::format("{} — {}", kSubjects[rng.below(kSubjects.size())], name.empty() ? "Candidate" : name));
        iv.set("note", note);
        Array ivs;
        std::size_t ninterviewers = 1 + rng.below(2);
        std::vector<std::string> chosen;
        for (std::size_t k = 0; k < ninterviewers; ++k) {
          const std::string& uid = interviewers[rng.below(interviewers.size())];
          if (std::find(chosen.begin(), chosen.end(), uid) != chosen.end()) continue;
          chosen.push_back(uid);
          Value who = Value::object();
          who.set("id", uid);
          who.set("name", user_name(uid));
          who.set("email", user_email(uid));
          who.set("feedbackTemplate", no_feedback ? std::string("no-feedback") : template_id);
          ivs.push_back(std::move(who));
        }
        iv.set("interviewers", Value(std::move(ivs)));
        iv.set("timezone", tz);
        iv.set("createdAt", pcreated);
        iv.set("date", date);
        iv.set("duration", duration);
        std::string loc = interview_location(rng);
        iv.set("location", loc.empty() ? Value() : Value(loc));
        iv.set("feedbackTemplate", no_feedback ? Value() : Value(template_id));
        iv.set("feedbackForms", Value::array());
        iv.set("feedbackReminder", external ? "frequently" : "daily");
        iv.set("user", owner);
        iv.set("stage", stage_at);
        iv.set("canceledAt", canceled ? Value(start - kDay) : Value());
        iv.set("postings", strings({posting_id}));
        iv.set("gcalEventUrl", Value());
        iv.set("opportunityId", opp_id);
        end = std::max(end, date + duration * 60'000);
        slot = date + duration * 60'000 + 15 * 60'000;

        // Feedback from interviewers of past, held interviews.
        if (!canceled && !no_feedback && date + duration * 60'000 < now)
          generate_feedback(w, c, iv, template_id, panel_id, iid, chosen, date, duration);
        s.interviews.add(std::move(iv), opp_id);
      }
      p.set("end", end);
      s.panels.add(std::move(p), opp_id);
    }
  }
}

}  // namespace leverkit::sandbox::detail::gen
