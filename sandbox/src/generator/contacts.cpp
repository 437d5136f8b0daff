// Generated contacts: Unicode names, personal and work e-mails, phones in many formats, a few
// anonymized; a candidate sometimes reuses an earlier contact (several opportunities).
#include <fmt/format.h>

#include "generator/vocabulary.hpp"
#include "generator/world.hpp"

namespace leverkit::sandbox::detail::gen {

ContactFacts generate_contact(World& w, std::vector<std::string>& contact_ids, std::size_t i, bool anonymized,
                              std::int64_t created) {
  Store& s = w.s;
  Rng& rng = w.rng;
  ContactFacts out;
  auto& [contact_id, name, email_personal, email_work, headline, location, phones] = out;
  const bool reuse_contact = !contact_ids.empty() && rng.chance(0.08);
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
  return out;
}

}  // namespace leverkit::sandbox::detail::gen
