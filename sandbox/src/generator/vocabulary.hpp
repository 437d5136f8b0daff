// vocabulary.hpp — the word lists the generator draws from: names (Unicode and ASCII for
// e-mail), companies, cities, sources, time zones and teams with their job titles.
#pragma once
#include <array>
#include <cstdint>
#include <string_view>

namespace leverkit::sandbox::detail::gen {

inline constexpr std::int64_t kDay = 86'400'000;
inline constexpr std::int64_t kHour = 3'600'000;

struct Name {
  std::string_view display;
  std::string_view ascii;  // for e-mail addresses
};

inline constexpr std::array<Name, 32> kFirst{{
    {"Ana", "ana"},       {"José", "jose"},         {"Zoë", "zoe"},         {"Łukasz", "lukasz"},
    {"Søren", "soren"},   {"Chloé", "chloe"},       {"Siobhán", "siobhan"}, {"Priya", "priya"},
    {"Wei", "wei"},       {"Yuki", "yuki"},         {"Ahmed", "ahmed"},     {"Fatima", "fatima"},
    {"Olusegun", "olusegun"}, {"Mateus", "mateus"}, {"Björn", "bjorn"},     {"Inês", "ines"},
    {"Daniel", "daniel"}, {"Sarah", "sarah"},       {"Michael", "michael"}, {"Emily", "emily"},
    {"Jamal", "jamal"},   {"Aisha", "aisha"},       {"Kenji", "kenji"},     {"Mei", "mei"},
    {"Oleksandr", "oleksandr"}, {"Nadia", "nadia"}, {"Thomas", "thomas"},  {"Laura", "laura"},
    {"Raphaël", "raphael"}, {"Ngozi", "ngozi"},     {"Carlos", "carlos"},   {"Hana", "hana"},
}};

inline constexpr std::array<Name, 28> kLast{{
    {"García", "garcia"},   {"Müller", "muller"},       {"O'Brien", "obrien"},   {"Nguyễn", "nguyen"},
    {"Kowalski", "kowalski"}, {"Smith", "smith"},       {"Johansson", "johansson"}, {"Okafor", "okafor"},
    {"Patel", "patel"},     {"Chen", "chen"},           {"Silva", "silva"},      {"Dubois", "dubois"},
    {"Rossi", "rossi"},     {"Kim", "kim"},             {"Haddad", "haddad"},    {"van der Berg", "vanderberg"},
    {"Jones", "jones"},     {"Williams", "williams"},   {"Tanaka", "tanaka"},    {"Schröder", "schroder"},
    {"Fernández", "fernandez"}, {"Novák", "novak"},     {"Ivanova", "ivanova"},  {"Brown", "brown"},
    {"Adeyemi", "adeyemi"}, {"Lefèvre", "lefevre"},     {"Hansen", "hansen"},    {"Martin", "martin"},
}};

// Whole names in non-Latin scripts (and their e-mail local parts).
inline constexpr std::array<Name, 5> kScriptNames{{
    {"山田 太郎", "taro.yamada"},
    {"Дмитрий Иванов", "dmitry.ivanov"},
    {"محمد علي", "mohamed.ali"},
    {"김민준", "minjun.kim"},
    {"Αλέξανδρος Παπαδόπουλος", "alexandros.p"},
}};

inline constexpr std::array<std::string_view, 5> kPersonalDomains{"gmail.com", "proton.me", "outlook.com", "yahoo.co.uk",
                                                           "gmx.de"};
inline constexpr std::array<std::string_view, 8> kCompanies{"Initech", "Globex", "Umbrella Labs", "Hooli", "Stark Industries",
                                                     "Wayne Enterprises", "Acme Robotics", "Vandelay Industries"};
inline constexpr std::array<std::string_view, 8> kCities{"San Francisco, CA", "New York, NY", "London", "Berlin",
                                                  "Toronto", "São Paulo", "Tokyo", "Remote"};
inline constexpr std::array<std::string_view, 8> kCountries{"US", "US", "GB", "DE", "CA", "BR", "JP", "US"};
inline constexpr std::array<std::string_view, 7> kSources{"LinkedIn", "Referral", "Job site", "Indeed", "Company website",
                                                   "Agency", "University fair"};
inline constexpr std::array<std::string_view, 5> kTimezones{"America/Los_Angeles", "America/New_York", "Europe/London",
                                                     "Europe/Berlin", "Asia/Tokyo"};

struct Team {
  std::string_view team, department;
  std::array<std::string_view, 3> titles;
};
inline constexpr std::array<Team, 6> kTeams{{
    {"Platform", "Engineering", {"Senior Backend Engineer", "Site Reliability Engineer", "Staff Software Engineer"}},
    {"Product Design", "Design", {"Product Designer", "UX Researcher", "Design Manager"}},
    {"Growth", "Marketing", {"Growth Marketing Manager", "Content Strategist", "Lifecycle Marketer"}},
    {"Account Executives", "Sales", {"Account Executive", "Sales Development Rep", "Solutions Engineer"}},
    {"Customer Success", "Operations", {"Customer Success Manager", "Support Engineer", "Onboarding Specialist"}},
    {"Data", "Engineering", {"Data Scientist", "Analytics Engineer", "Machine Learning Engineer"}},
}};

}  // namespace leverkit::sandbox::detail::gen
