#include <doctest/doctest.h>

#include "leverkit/match/email.hpp"
#include "leverkit/match/names.hpp"
#include "leverkit/match/phone.hpp"
#include "leverkit/match/zones.hpp"

using namespace leverkit::match;

TEST_CASE("email keys fold dots and +tags only where the provider ignores them") {
  auto g = normalize_email("Jane Doe <Jane.Doe+jobs@GoogleMail.com>");
  REQUIRE(g);
  CHECK(g->exact == "jane.doe+jobs@gmail.com");
  CHECK(g->provider == "janedoe@gmail.com");
  CHECK(g->personal_provider);
  auto o = normalize_email("jane.doe+x@outlook.com");
  CHECK(o->provider == "jane.doe@outlook.com");  // dots kept at Outlook.com
  auto y = normalize_email("jane-promo@yahoo.com");
  CHECK(y->provider == "jane@yahoo.com");
  auto corp = normalize_email("jane.doe+jobs@acme.com");
  CHECK(corp->provider == "jane.doe+jobs@acme.com");  // unknown domain: not folded at provider level
  CHECK(corp->plus_stripped == "jane.doe@acme.com");  // only the weaker level strips the tag
  CHECK_FALSE(corp->personal_provider);
  auto corp_dots = normalize_email("j.a.n.e@acme.com");
  CHECK(corp_dots->provider == "j.a.n.e@acme.com");
  CHECK(normalize_email("mailto:Bob@Example.org")->exact == "bob@example.org");
  CHECK_FALSE(normalize_email("not an email"));
  CHECK_FALSE(normalize_email("bob@localhost"));
  CHECK(is_role_mailbox(*normalize_email("recruiting@acme.com")));
  CHECK(is_role_mailbox(*normalize_email("c_123@resource.calendar.google.com")));
}

TEST_CASE("phones to E.164, the fast path agrees with libphonenumber") {
  CHECK(normalize_phone("(415) 555-0132") == "+14155550132");
  CHECK(normalize_phone("+1 415-555-0132") == "+14155550132");
  CHECK(normalize_phone("tel:+1-415-555-0132") == "+14155550132");
  CHECK(normalize_phone("+44 20 7946 0958") == "+442079460958");
  CHECK(normalize_phone("020 7946 0958", "GB") == "+442079460958");
  CHECK(normalize_phone("030 12345678", "DE") == "+493012345678");
  CHECK_FALSE(normalize_phone("12"));
  for (auto s : {"(415) 555-0132", "415.555.0199", "1-212-555-0100", "+1 (646) 558-8656"})
    CHECK(normalize_phone(s, "US") == normalize_phone_libphonenumber(s, "US"));
  CHECK(phone_block_key("+44 20 7946 0958") == phone_block_key("020 7946 0958"));
  CHECK(compare_phones("+14155550132", "(415) 555-0132") == PhoneMatch::exact);
  CHECK(compare_phones("+442079460958", "020 7946 0958", "US") == PhoneMatch::nsn);
  CHECK(compare_phones("+14155550132", "+14155550133") == PhoneMatch::none);
}

TEST_CASE("names: ICU folding, honorifics, order, nicknames, Jaro-Winkler") {
  CHECK(fold_text("José Müller-Straße") == "jose muller-strasse");
  CHECK(fold_text("ZOË Łukasz") == "zoe lukasz");
  CHECK(name_tokens("Dr. José Müller-Lüdenscheidt") == std::vector<std::string>{"jose", "muller", "ludenscheidt"});
  CHECK(name_tokens("O'Brien, Siobhán") == std::vector<std::string>{"siobhan", "obrien"});
  CHECK(jaro_winkler("martha", "marhta") == doctest::Approx(0.961).epsilon(0.001));
  CHECK(jaro_winkler("jon", "john") == doctest::Approx(0.933).epsilon(0.001));
  CHECK(nickname_equivalent("bill", "william"));
  CHECK(nickname_equivalent("kate", "katherine"));
  CHECK_FALSE(nickname_equivalent("bill", "robert"));
  CHECK(compare_names(name_tokens("Bill Smith"), name_tokens("William Smith")) == NameLevel::nickname);
  CHECK(compare_names(name_tokens("Wei Zhang"), name_tokens("Zhang Wei")) == NameLevel::exact);
  CHECK(compare_names(name_tokens("Jose Garcia"), name_tokens("José García")) == NameLevel::exact);
  CHECK(compare_names(name_tokens("Jon Smyth"), name_tokens("Jon Smith")) == NameLevel::partial);
  CHECK(compare_names(name_tokens("J. Smith"), name_tokens("Jane Smith")) == NameLevel::fuzzy);
  CHECK(compare_names(name_tokens("Smith"), name_tokens("Jane Smith")) == NameLevel::surname_only);
  CHECK(compare_names(name_tokens("Mario Rossi"), name_tokens("Maria Bianchi")) == NameLevel::different);
  CHECK(compare_names(name_tokens("Mary Ann Lee"), name_tokens("Mary Lee")) == NameLevel::exact);
  CHECK(compare_names({}, name_tokens("Mary Lee")) == NameLevel::missing);
}

TEST_CASE("zones: DST gap and overlap, Windows names, offsets") {
  auto gap = resolve_local_time("2026-03-08T02:30:00", "America/New_York");
  REQUIRE(gap);
  CHECK(gap.value().nonexistent);
  CHECK(leverkit::to_iso8601(gap.value().instant) == "2026-03-08T07:30:00.000Z");
  auto overlap = resolve_local_time("2026-11-01T01:30:00", "America/New_York");
  REQUIRE(overlap);
  CHECK(overlap.value().ambiguous);
  CHECK(leverkit::to_iso8601(overlap.value().instant) == "2026-11-01T05:30:00.000Z");  // the earlier (EDT) instant
  auto normal = resolve_local_time("2026-07-01T10:00:00", "Europe/Berlin");
  CHECK(leverkit::to_iso8601(normal.value().instant) == "2026-07-01T08:00:00.000Z");
  CHECK(canonical_zone("Pacific Standard Time").value() == "America/Los_Angeles");
  CHECK_FALSE(canonical_zone("Mars/Olympus_Mons"));
  // US and EU switch on different dates: on 2026-03-20 New York is UTC-4 but London still UTC+0.
  auto t = leverkit::parse_iso8601("2026-03-20T12:00:00Z").value();
  CHECK(zone_offset("America/New_York", t).value().count() == -240);
  CHECK(zone_offset("Europe/London", t).value().count() == 0);
}
