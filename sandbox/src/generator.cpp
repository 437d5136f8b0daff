// Seeded data for the sandbox: realistic, Unicode-rich and deterministic for a given seed.
#include <array>
#include <string_view>

#include <fmt/format.h>

#include "store.hpp"

namespace leverkit::sandbox::detail {
namespace {

constexpr std::int64_t kDay = 86'400'000;
constexpr std::int64_t kHour = 3'600'000;

struct Name {
  std::string_view display;
  std::string_view ascii;  // for e-mail addresses
};

constexpr std::array<Name, 32> kFirst{{
    {"Ana", "ana"},       {"José", "jose"},         {"Zoë", "zoe"},         {"Łukasz", "lukasz"},
    {"Søren", "soren"},   {"Chloé", "chloe"},       {"Siobhán", "siobhan"}, {"Priya", "priya"},
    {"Wei", "wei"},       {"Yuki", "yuki"},         {"Ahmed", "ahmed"},     {"Fatima", "fatima"},
    {"Olusegun", "olusegun"}, {"Mateus", "mateus"}, {"Björn", "bjorn"},     {"Inês", "ines"},
    {"Daniel", "daniel"}, {"Sarah", "sarah"},       {"Michael", "michael"}, {"Emily", "emily"},
    {"Jamal", "jamal"},   {"Aisha", "aisha"},       {"Kenji", "kenji"},     {"Mei", "mei"},
    {"Oleksandr", "oleksandr"}, {"Nadia", "nadia"}, {"Thomas", "thomas"},  {"Laura", "laura"},
    {"Raphaël", "raphael"}, {"Ngozi", "ngozi"},     {"Carlos", "carlos"},   {"Hana", "hana"},
}};

constexpr std::array<Name, 28> kLast{{
    {"García", "garcia"},   {"Müller", "muller"},       {"O'Brien", "obrien"},   {"Nguyễn", "nguyen"},
    {"Kowalski", "kowalski"}, {"Smith", "smith"},       {"Johansson", "johansson"}, {"Okafor", "okafor"},
    {"Patel", "patel"},     {"Chen", "chen"},           {"Silva", "silva"},      {"Dubois", "dubois"},
    {"Rossi", "rossi"},     {"Kim", "kim"},             {"Haddad", "haddad"},    {"van der Berg", "vanderberg"},
    {"Jones", "jones"},     {"Williams", "williams"},   {"Tanaka", "tanaka"},    {"Schröder", "schroder"},
    {"Fernández", "fernandez"}, {"Novák", "novak"},     {"Ivanova", "ivanova"},  {"Brown", "brown"},
    {"Adeyemi", "adeyemi"}, {"Lefèvre", "lefevre"},     {"Hansen", "hansen"},    {"Martin", "martin"},
}};

// Whole names in non-Latin scripts (and their e-mail local parts).
constexpr std::array<Name, 5> kScriptNames{{
    {"山田 太郎", "taro.yamada"},
    {"Дмитрий Иванов", "dmitry.ivanov"},
    {"محمد علي", "mohamed.ali"},
    {"김민준", "minjun.kim"},
    {"Αλέξανδρος Παπαδόπουλος", "alexandros.p"},
}};

constexpr std::array<std::string_view, 5> kPersonalDomains{"gmail.com", "proton.me", "outlook.com", "yahoo.co.uk",
                                                           "gmx.de"};
constexpr std::array<std::string_view, 8> kCompanies{"Initech", "Globex", "Umbrella Labs", "Hooli", "Stark Industries",
                                                     "Wayne Enterprises", "Acme Robotics", "Vandelay Industries"};
constexpr std::array<std::string_view, 8> kCities{"San Francisco, CA", "New York, NY", "London", "Berlin",
                                                  "Toronto", "São Paulo", "Tokyo", "Remote"};
constexpr std::array<std::string_view, 8> kCountries{"US", "US", "GB", "DE", "CA", "BR", "JP", "US"};
constexpr std::array<std::string_view, 7> kSources{"LinkedIn", "Referral", "Job site", "Indeed", "Company website",
                                                   "Agency", "University fair"};
constexpr std::array<std::string_view, 5> kTimezones{"America/Los_Angeles", "America/New_York", "Europe/London",
                                                     "Europe/Berlin", "Asia/Tokyo"};

struct Team {
  std::string_view team, department;
  std::array<std::string_view, 3> titles;
};
constexpr std::array<Team, 6> kTeams{{
    {"Platform", "Engineering", {"Senior Backend Engineer", "Site Reliability Engineer", "Staff Software Engineer"}},
    {"Product Design", "Design", {"Product Designer", "UX Researcher", "Design Manager"}},
    {"Growth", "Marketing", {"Growth Marketing Manager", "Content Strategist", "Lifecycle Marketer"}},
    {"Account Executives", "Sales", {"Account Executive", "Sales Development Rep", "Solutions Engineer"}},
    {"Customer Success", "Operations", {"Customer Success Manager", "Support Engineer", "Onboarding Specialist"}},
    {"Data", "Engineering", {"Data Scientist", "Analytics Engineer", "Machine Learning Engineer"}},
}};

std::string phone_in_format(Rng& rng) {
  int a = 200 + static_cast<int>(rng.below(700));
  int b = static_cast<int>(rng.below(10000));
  switch (rng.below(6)) {
    case 0: return fmt::format("+1 {}-555-{:04}", a, b);
    case 1: return fmt::format("({}) 555-{:04}", a, b);
    case 2: return fmt::format("{}555{:04}", a, b);
    case 3: return fmt::format("+44 20 7946 {:04}", b);
    case 4: return fmt::format("+49 30 {:06}", b * 7 % 1000000);
    default: return fmt::format("+81 3-{:04}-{:04}", b, (b * 13) % 10000);
  }
}

Value phone(Rng& rng) {
  Value p = Value::object();
  switch (rng.below(4)) {
    case 0: p.set("type", "mobile"); break;
    case 1: p.set("type", "work"); break;
    case 2: p.set("type", "other"); break;
    default: break;  // Lever often omits the type
  }
  p.set("value", phone_in_format(rng));
  return p;
}

Value strings(std::initializer_list<std::string_view> xs) {
  Array a;
  for (auto x : xs) a.emplace_back(std::string(x));
  return Value(std::move(a));
}

Value options(std::initializer_list<std::string_view> xs) {
  Array a;
  for (auto x : xs) {
    Value o = Value::object();
    o.set("text", x);
    a.push_back(std::move(o));
  }
  return Value(std::move(a));
}

Value field(Rng& rng, std::string_view type, std::string_view text, bool required = false) {
  Value f = Value::object();
  f.set("description", "");
  f.set("required", required);
  f.set("text", text);
  f.set("type", type);
  f.set("id", rng.uuid());
  return f;
}

std::string interview_location(Rng& rng) {
  switch (rng.below(9)) {
    case 0: return fmt::format("https://zoom.us/j/{}?pwd={}", 80000000000ULL + rng.below(9999999999ULL), rng.hex(16));
    case 1: return fmt::format("https://meet.google.com/{}-{}-{}", rng.hex(3), rng.hex(4), rng.hex(3));
    case 2:
      return fmt::format("https://teams.microsoft.com/l/meetup-join/19%3ameeting_{}%40thread.v2/0", rng.hex(24));
    case 3: return fmt::format("https://acme.webex.com/meet/{}", rng.hex(8));
    case 4:
      return fmt::format("Zoom: https://us02web.zoom.us/j/{} — Dial-in: +1 646 558 8656, Meeting ID: {} {} {}#",
                         80000000000ULL + rng.below(999999999ULL), 800 + rng.below(199), 100 + rng.below(899),
                         1000 + rng.below(8999));
    case 5: return fmt::format("Dial-in: +1 415 555 {:04}, PIN: {}#", rng.below(10000), 100000 + rng.below(899999));
    case 6: return phone_in_format(rng);
    case 7: return fmt::format("Conference Room {}{}", 1 + rng.below(6), "ABCD"[rng.below(4)]);
    default: return {};
  }
}

}  // namespace

Value default_score_system_options() {
  return options({"4 - Strong Hire", "3 - Hire", "2 - No Hire", "1 - Strong No Hire"});
}

bool is_feedback_field_type(std::string_view t) {
  for (auto x : {"code", "date", "dropdown", "multiple-choice", "multiple-select", "score-system", "score",
                 "scorecard", "text", "textarea", "yes-no", "currency"})
    if (t == x) return true;
  return false;
}

bool is_form_field_type(std::string_view t) {
  for (auto x : {"currency", "date", "dropdown", "multiple-choice", "multiple-select", "text", "textarea", "yes-no"})
    if (t == x) return true;
  return false;
}

void generate(Store& s, const GeneratorOptions& opt) {
  s.clear();
  Rng rng(opt.seed);
  const std::int64_t now = opt.now_ms;
  const std::int64_t history_start = now - 730 * kDay;
  s.account_id = rng.uuid();

  // ---- users: every access role, some deactivated, managers.
  struct RoleCount {
    std::string_view role;
    int count;
  };
  constexpr std::array<RoleCount, 5> kRoles{{{"super admin", 2}, {"admin", 3}, {"team member", 9},
                                             {"limited team member", 4}, {"interviewer", 12}}};
  std::vector<std::string> recruiters, managers, interviewers, all_users;
  int user_no = 0;
  for (auto [role, count] : kRoles) {
    for (int i = 0; i < count; ++i, ++user_no) {
      const Name& f = kFirst[(user_no * 7 + 3) % kFirst.size()];
      const Name& l = kLast[(user_no * 5 + 1) % kLast.size()];
      std::string username = fmt::format("{}.{}", f.ascii, l.ascii);
      if (user_no >= static_cast<int>(kFirst.size())) username += std::to_string(user_no);
      Value u = Value::object();
      std::string id = rng.uuid();
      u.set("id", id);
      u.set("name", fmt::format("{} {}", f.display, l.display));
      u.set("username", username);
      u.set("email", username + "@acme-robotics.example");
      u.set("accessRole", role);
      u.set("photo", user_no % 3 == 0 ? Value(fmt::format("https://lever-client-photos.example/{}.png", rng.hex(12)))
                                       : Value());
      u.set("createdAt", history_start - static_cast<std::int64_t>(rng.below(400)) * kDay);
      bool deactivated = (user_no % 9 == 8);
      u.set("deactivatedAt", deactivated ? Value(now - static_cast<std::int64_t>(rng.below(200)) * kDay) : Value());
      u.set("externalDirectoryId", user_no % 2 == 0 ? Value(fmt::format("okta-{}", rng.hex(10))) : Value());
      u.set("linkedContactIds", Value());
      static constexpr std::array<std::string_view, 6> kTitles{
          "Recruiter", "Engineering Manager", "Staff Engineer", "Head of People", "Designer", "Sales Director"};
      u.set("jobTitle", user_no % 4 == 3 ? Value() : Value(kTitles[user_no % kTitles.size()]));
      u.set("managerId", all_users.empty() || user_no % 3 == 0 ? Value() : Value(all_users[user_no % all_users.size()]));
      s.users.add(std::move(u));
      all_users.push_back(id);
      if (deactivated) continue;
      if (role == "super admin" || role == "admin") recruiters.push_back(id);
      if (role == "team member") {
        managers.push_back(id);
        interviewers.push_back(id);
      }
      if (role == "interviewer" || role == "limited team member") interviewers.push_back(id);
    }
  }
  auto user_name = [&](const std::string& id) -> const std::string& { return s.users.get(id)->value.str("name"); };
  auto user_email = [&](const std::string& id) -> const std::string& { return s.users.get(id)->value.str("email"); };

  // ---- stages: built-in slugs and custom UUIDs, in pipeline order.
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
  std::vector<std::string> stage_ids;
  for (const auto& d : kStages) {
    Value st = Value::object();
    std::string id = d.slug.empty() ? rng.uuid() : std::string(d.slug);
    st.set("id", id);
    st.set("text", d.text);
    s.stages.add(std::move(st));
    stage_ids.push_back(id);
  }

  // ---- archive reasons.
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
  std::vector<std::string> reason_ids;
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

  // ---- feedback templates: every field type, exactly one score-system each.
  std::vector<std::string> template_ids;
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

  // ---- form templates (profile forms).
  std::vector<std::string> form_template_ids;
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

  // ---- postings: teams x titles, several states, owners and hiring managers.
  std::vector<std::string> posting_ids;
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

  // ---- contacts, opportunities, applications and their sub-resources.
  const std::size_t n = opt.opportunities;
  const std::int64_t step = n == 0 ? kDay : std::max<std::int64_t>(2, (now - history_start) / static_cast<std::int64_t>(n + 1));
  std::vector<std::string> contact_ids;
  std::int64_t created = history_start;
  for (std::size_t i = 0; i < n; ++i) {
    created += step / 2 + static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(step / 2) + 1)) + 1;
    const bool anonymized = rng.chance(0.01);
    const bool reuse_contact = !contact_ids.empty() && rng.chance(0.08);
    std::string contact_id;
    std::string name, email_personal, email_work, headline, location;
    Array phones;
    if (reuse_contact) {
      contact_id = contact_ids[rng.below(contact_ids.size())];
      const Value& c = s.contacts.get(contact_id)->value;
      name = c.str("name");
      headline = c.str("headline");
      if (const Value* loc = c.find("location")) location = loc->str("name");
      for (const auto& e : c.find("emails")->as_array()) {
        if (email_personal.empty()) email_personal = e.as_string();
        else email_work = e.as_string();
      }
      phones = c.find("phones")->as_array();
    } else {
      contact_id = rng.uuid();
      std::string ascii;
      if (rng.chance(0.04)) {
        const Name& whole = kScriptNames[rng.below(kScriptNames.size())];
        name = std::string(whole.display);
        ascii = std::string(whole.ascii);
      } else {
        const Name& f = kFirst[rng.below(kFirst.size())];
        const Name& l = kLast[rng.below(kLast.size())];
        name = fmt::format("{} {}", f.display, l.display);
        ascii = fmt::format("{}.{}", f.ascii, l.ascii);
      }
      std::string_view company = kCompanies[rng.below(kCompanies.size())];
      email_personal = fmt::format("{}{}@{}", ascii, i, kPersonalDomains[rng.below(kPersonalDomains.size())]);
      if (rng.chance(0.4)) {
        std::string domain;
        for (char ch : company)
          if (ch != ' ') domain.push_back(static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch));
        email_work = fmt::format("{}@{}.example", ascii, domain);
      }
      headline = fmt::format("{}, {}", company, kCompanies[rng.below(kCompanies.size())]);
      location = std::string(kCities[rng.below(kCities.size())]);
      std::size_t nphones = rng.below(3);
      for (std::size_t k = 0; k < nphones; ++k) phones.push_back(phone(rng));
      if (anonymized) {
        name.clear();
        headline.clear();
        location.clear();
        email_personal.clear();
        email_work.clear();
        phones.clear();
      }
      Value c = Value::object();
      c.set("id", contact_id);
      c.set("name", name);
      c.set("headline", headline);
      c.set("isAnonymized", anonymized);
      Value loc = Value::object();
      loc.set("name", location);
      c.set("location", std::move(loc));
      Array emails;
      if (!email_personal.empty()) emails.emplace_back(email_personal);
      if (!email_work.empty()) emails.emplace_back(email_work);
      c.set("emails", Value(std::move(emails)));
      c.set("phones", Value(phones));
      c.set("createdAt", created);
      s.contacts.add(std::move(c));
      contact_ids.push_back(contact_id);
      if (!email_personal.empty()) s.contact_by_email[email_personal] = contact_id;
      if (!email_work.empty()) s.contact_by_email[email_work] = contact_id;
    }

    const std::string opp_id = rng.uuid();
    const std::string& posting_id = posting_ids[rng.below(posting_ids.size())];
    const Value& posting = s.postings.get(posting_id)->value;
    const bool has_application = rng.chance(0.9);
    // Pipeline position: weighted toward early stages.
    std::size_t stage_idx = std::min<std::size_t>(kStages.size() - 1, rng.below(4) + rng.below(5) + rng.below(3));
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

    // Panels and interviews for candidates who reached an interviewing stage.
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
          if (!canceled && !no_feedback && date + duration * 60'000 < now) {
            const Value& tmpl = s.feedback_templates.get(template_id)->value;
            for (const auto& uid : chosen) {
              if (!rng.chance(0.75)) continue;
              Value fb = Value::object();
              std::string fid = rng.uuid();
              fb.set("id", fid);
              fb.set("type", "interview");
              fb.set("text", tmpl.str("text"));
              fb.set("instructions", tmpl.str("instructions"));
              Array fields;
              for (const auto& tf : tmpl.find("fields")->as_array()) {
                Value fv = tf;
                const std::string& type = tf.str("type");
                Value value;
                if (type == "score-system") {
                  value = tf.find("options")->as_array()[rng.below(4)].str("text");
                } else if (type == "score") {
                  value = static_cast<std::int64_t>(1 + rng.below(4));
                } else if (type == "textarea" || type == "text") {
                  value = rng.chance(0.8) ? Value(fmt::format("Clear communicator; discussed {} in depth.",
                                                              posting.str("text")))
                                          : Value();
                } else if (type == "yes-no") {
                  value = rng.chance(0.5) ? "yes" : "no";
                } else if (type == "scorecard") {
                  Array cards;
                  for (std::size_t k = 0; k < tf.find("scores")->as_array().size(); ++k) {
                    Value card = Value::object();
                    card.set("score", static_cast<std::int64_t>(1 + rng.below(4)));
                    card.set("comment", "");
                    cards.push_back(std::move(card));
                  }
                  value = Value(std::move(cards));
                } else if (type == "multiple-choice" || type == "dropdown") {
                  const auto& opts = tf.find("options")->as_array();
                  value = opts[rng.below(opts.size())].str("text");
                } else if (type == "multiple-select") {
                  const auto& opts = tf.find("options")->as_array();
                  value = Value(Array{opts[0].str("text"), opts[1 + rng.below(opts.size() - 1)].str("text")});
                } else if (type == "code") {
                  value = "int main() { return 0; }";
                } else if (type == "date") {
                  value = date + 30 * kDay;
                } else if (type == "currency") {
                  value = static_cast<std::int64_t>(100000 + rng.below(60) * 1000);
                }
                fv.set("value", std::move(value));
                fields.push_back(std::move(fv));
              }
              fb.set("fields", Value(std::move(fields)));
              fb.set("baseTemplateId", template_id);
              fb.set("interview", iid);
              fb.set("panel", panel_id);
              fb.set("user", uid);
              std::int64_t done = date + duration * 60'000 + static_cast<std::int64_t>(1 + rng.below(20)) * kHour;
              fb.set("createdAt", done);
              fb.set("completedAt", done);
              fb.set("updatedAt", done);
              fb.set("deletedAt", rng.chance(0.05) ? Value(done + kDay) : Value());
              iv.find("feedbackForms")->push_back(fid);
              s.feedback.add(std::move(fb), opp_id);
            }
          }
          s.interviews.add(std::move(iv), opp_id);
        }
        p.set("end", end);
        s.panels.add(std::move(p), opp_id);
      }
    }

    // Notes, some threaded.
    if (!anonymized && rng.chance(0.3)) {
      std::size_t nnotes = 1 + rng.below(2);
      for (std::size_t k = 0; k < nnotes; ++k) {
        std::int64_t at = created + static_cast<std::int64_t>(k + 1) * kDay;
        const std::string& author = recruiters[rng.below(recruiters.size())];
        Value note = Value::object();
        note.set("id", rng.uuid());
        note.set("text", "Note");
        Array fields;
        std::size_t ncomments = 1 + (rng.chance(0.3) ? 1 : 0);
        for (std::size_t c = 0; c < ncomments; ++c) {
          Value f = Value::object();
          f.set("createdAt", at + static_cast<std::int64_t>(c) * kHour);
          f.set("score", rng.chance(0.2) ? Value(static_cast<std::int64_t>(1 + rng.below(4))) : Value());
          f.set("stage", stage_ids[std::min<std::size_t>(k + 3, stage_idx)]);
          f.set("text", "Comment");
          f.set("type", "note");
          f.set("user", c == 0 ? author : owner);
          f.set("value", c == 0 ? fmt::format("Spoke with {} — strong interest in the {} role. 👍",
                                              name, posting.str("text"))
                                : std::string("Agreed, let's move forward."));
          fields.push_back(std::move(f));
        }
        note.set("fields", Value(std::move(fields)));
        note.set("user", author);
        note.set("secret", rng.chance(0.1));
        note.set("completedAt", at);
        note.set("deletedAt", Value());
        note.set("createdAt", at);
        s.notes.add(std::move(note), opp_id);
      }
    }

    // Profile forms for a few late-stage candidates.
    if (stage_idx >= 8 && rng.chance(0.5)) {
      const Value& tmpl = s.form_templates.get(form_template_ids[0])->value;
      Value form = Value::object();
      form.set("id", rng.uuid());
      form.set("type", "form");
      form.set("text", tmpl.str("text"));
      form.set("instructions", tmpl.str("instructions"));
      form.set("baseTemplateId", tmpl.str("id"));
      Array fields;
      for (const auto& tf : tmpl.find("fields")->as_array()) {
        Value fv = tf;
        const std::string& type = tf.str("type");
        if (type == "currency") fv.set("value", static_cast<std::int64_t>(120000 + rng.below(50) * 1000));
        else if (type == "date") fv.set("value", now + 30 * kDay);
        else if (type == "dropdown") fv.set("value", "Full-time");
        else fv.set("value", rng.chance(0.5) ? "yes" : "no");
        fields.push_back(std::move(fv));
      }
      form.set("fields", Value(std::move(fields)));
      form.set("user", owner);
      form.set("stage", stage_ids[stage_idx]);
      form.set("secret", tmpl.find("secretByDefault")->as_bool());
      form.set("createdAt", created + 10 * kDay);
      form.set("completedAt", created + 10 * kDay);
      form.set("deletedAt", Value());
      s.forms.add(std::move(form), opp_id);
    }
  }
}

}  // namespace leverkit::sandbox::detail
