#include <doctest/doctest.h>

#include <string>

#include "leverkit/match/conference.hpp"

using namespace leverkit::match;

namespace {
std::string key_of(std::string_view url) {
  auto l = parse_conference_url(url);
  return l ? l->key : std::string("<none>");
}
}  // namespace

TEST_CASE("zoom links: vanity subdomains, /j/ /s/ /w/ /my/, native scheme") {
  CHECK(key_of("https://zoom.us/j/84012345678?pwd=abc") == "zoom:84012345678");
  CHECK(key_of("https://acme.zoom.us/j/84012345678") == "zoom:84012345678");
  CHECK(key_of("https://us05web.zoom.us/s/84012345678?zak=x") == "zoom:84012345678");
  CHECK(key_of("https://zoom.us/w/912345678") == "zoom:912345678");
  CHECK(key_of("https://zoomgov.com/j/1601234567") == "zoom:1601234567");
  CHECK(key_of("zoommtg://zoom.us/join?confno=84012345678&pwd=x") == "zoom:84012345678");
  auto pmr = parse_conference_url("https://acme.zoom.us/my/Jane.Recruiter");
  REQUIRE(pmr);
  CHECK(pmr->key == "zoom-pmr:jane.recruiter");
  CHECK(pmr->strength == LinkStrength::persistent_room);
  CHECK(key_of("https://zoom.us/pricing") == "<none>");
  CHECK(key_of("https://notzoom.us/j/84012345678") == "<none>");
}

TEST_CASE("google meet, teams (legacy, /meet/, live), webex, goto, whereby, around, chime") {
  CHECK(key_of("https://meet.google.com/abc-defg-hij?authuser=0") == "meet:abc-defg-hij");
  CHECK(key_of("https://meet.google.com/lookup/abcdef") == "<none>");
  CHECK(key_of("https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjA5ZTk2%40thread.v2/0?context=%7b%22Tid%22%3a%22x%22%7d") ==
        "teams:19:meeting_NjA5ZTk2@thread.v2");
  CHECK(key_of("https://teams.microsoft.com/meet/2345678901234?p=abcdef") == "teams-id:2345678901234");
  CHECK(key_of("https://teams.live.com/meet/9876543210123?p=Zx") == "teams-id:9876543210123");
  CHECK(key_of("https://teams.microsoft.com/dl/launcher/launcher.html?url=%2F_%23%2Fl%2Fmeetup-join%2F19%253ameeting_QQ%2540thread.v2%2F0") ==
        "teams:19:meeting_QQ@thread.v2");
  CHECK(key_of("https://acme.webex.com/acme/j.php?MTID=m1234abcd5678") == "webex:m1234abcd5678");
  auto room = parse_conference_url("https://acme.webex.com/meet/jdoe");
  REQUIRE(room);
  CHECK(room->key == "webex-pmr:acme/jdoe");
  CHECK(room->strength == LinkStrength::persistent_room);
  CHECK(key_of("https://global.gotomeeting.com/join/123456789") == "goto:123456789");
  CHECK(key_of("https://meet.goto.com/123456789") == "goto:123456789");
  CHECK(key_of("https://meet.goto.com/acme-recruiting") == "goto-room:acme-recruiting");
  CHECK(key_of("https://whereby.com/acme-hiring") == "whereby:/acme-hiring");
  CHECK(key_of("https://team.whereby.com/room1") == "whereby:team/room1");
  CHECK(key_of("https://around.co/r/acme") == "around:acme");
  CHECK(key_of("https://chime.aws/1234567890") == "chime:1234567890");
}

TEST_CASE("safelinks and google redirects are unwrapped, with percent-decoding and &amp,") {
  std::string safelink =
      "https://nam12.safelinks.protection.outlook.com/?url=https%3A%2F%2Facme.zoom.us%2Fj%2F84012345678%3Fpwd%3DaBc&data=05%7C01&amp;reserved=0";
  CHECK(unwrap_url(safelink) == "https://acme.zoom.us/j/84012345678?pwd=aBc");
  CHECK(key_of(safelink) == "zoom:84012345678");
  std::string google = "https://www.google.com/url?q=https://meet.google.com/xyz-abcd-efg&amp;sa=D&amp;ust=1";
  CHECK(key_of(google) == "meet:xyz-abcd-efg");
  // Nested: a Google redirect wrapping a SafeLink.
  std::string nested = "https://www.google.com/url?q=" +
                       std::string("https%3A%2F%2Feur01.safelinks.protection.outlook.com%2F%3Furl%3Dhttps%253A%252F%252Fzoom.us%252Fj%252F912345678") +
                       "&sa=D";
  CHECK(key_of(nested) == "zoom:912345678");
}

TEST_CASE("extract from free text: links with trailing punctuation, bare hosts, html") {
  auto info = extract_conference("Join us (https://acme.zoom.us/j/84012345678?pwd=x). Backup: meet.google.com/abc-defg-hij, thanks");
  REQUIRE(info.links.size() == 2);
  CHECK(info.links[0].key == "zoom:84012345678");
  CHECK(info.links[1].key == "meet:abc-defg-hij");
  auto html = extract_conference(R"(<a href="https://teams.microsoft.com/meet/1234567890123?p=x">Join</a>)");
  REQUIRE(html.links.size() == 1);
  CHECK(html.links[0].key == "teams-id:1234567890123");
}

TEST_CASE("dial-ins: the conference digits are the key, never the bridge") {
  auto zoom = extract_conference("One tap mobile\n+16465588656,,84012345678#,,,,*123456# US (New York)\nMeeting ID: 840 1234 5678\nPasscode: 123456");
  REQUIRE(zoom.dial_ins.size() == 1);
  CHECK(zoom.dial_ins[0].conference_digits == "84012345678");
  CHECK(zoom.dial_ins[0].key() == "dial:84012345678");
  CHECK(zoom.dial_ins[0].bridge == "+16465588656");
  CHECK(zoom.phones.empty());
  auto meet = extract_conference("Join by phone\n(US) +1 504-555-0199 PIN: 123 456 789#");
  REQUIRE(meet.dial_ins.size() == 1);
  CHECK(meet.dial_ins[0].conference_digits == "123456789");
  CHECK(meet.phones.empty());
  auto teams = extract_conference("+1 323-555-0147,,987654321#   United States, Los Angeles\nPhone conference ID: 987 654 321#");
  REQUIRE(teams.dial_ins.size() == 1);
  CHECK(teams.dial_ins[0].conference_digits == "987654321");
  auto webex = extract_conference("Audio: +1-415-555-0100 Access code: 2550 123 4567");
  REQUIRE(webex.dial_ins.size() == 1);
  CHECK(webex.dial_ins[0].conference_digits == "25501234567");
  // A shared bridge with two different meetings: different keys.
  auto a = extract_conference("+16465588656,,11111111111#");
  auto b = extract_conference("+16465588656,,22222222222#");
  CHECK(a.dial_ins[0].key() != b.dial_ins[0].key());
}

TEST_CASE("long text: every distinct item once, in order of first appearance, labels in any case") {
  // 300 invitations, each pasted twice (as a forwarded thread does), with labels in upper case
  // on the second copy: 300 links, 300 dial-ins, first-seen order, the second copy adds nothing.
  std::string text;
  for (int i = 0; i < 300; ++i) {
    const std::string id = std::to_string(84'000'000'000LL + i * 7'919LL);
    const std::string invite = "Join https://acme.zoom.us/j/" + id + "\nMeeting ID: " + id + "\n";
    std::string shouted = invite;
    shouted.replace(shouted.find("Meeting ID"), 10, "MEETING ID");
    text += invite + "Agenda item " + std::to_string(i) + ".\n" + shouted;
  }
  text += "Call the candidate: (415) 555-0132, or (415) 555-0132 again, or (212) 555-0199.";
  auto info = extract_conference(text);
  REQUIRE(info.links.size() == 300);
  REQUIRE(info.dial_ins.size() == 300);
  for (int i = 0; i < 300; ++i) {
    const std::string id = std::to_string(84'000'000'000LL + i * 7'919LL);
    CHECK(info.links[static_cast<std::size_t>(i)].key == "zoom:" + id);
    CHECK(info.dial_ins[static_cast<std::size_t>(i)].conference_digits == id);
  }
  CHECK(info.phones.empty());  // a bridge context (meeting ids) makes bare numbers not a person's phone
  auto phones = extract_conference("Call (415) 555-0132, or (415) 555-0132 again, or (212) 555-0199.");
  REQUIRE(phones.phones.size() == 2);
  CHECK(phones.phones[0] == "(415) 555-0132");
  CHECK(phones.phones[1] == "(212) 555-0199");
}

TEST_CASE("a bare phone number is a person's phone, dates are not phones") {
  auto info = extract_conference("Phone screen: call the candidate at (415) 555-0132 on 2026-05-01 10:00");
  CHECK(info.dial_ins.empty());
  REQUIRE(info.phones.size() == 1);
  CHECK(info.phones[0] == "(415) 555-0132");
}

TEST_CASE("extract_conference(Interview) answers: video link or phone number") {
  leverkit::Interview iv;
  iv.location = "https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fmeet.google.com%2Fabc-defg-hij&data=1";
  auto j = extract_conference(iv);
  CHECK(j.has_video());
  CHECK(*j.join_url == "https://meet.google.com/abc-defg-hij");
  CHECK_FALSE(j.has_phone());

  leverkit::Interview phone;
  phone.location = "Phone: +44 20 7946 0958";
  auto p = extract_conference(phone);
  CHECK_FALSE(p.has_video());
  REQUIRE(p.has_phone());
  CHECK(*p.phone == "+442079460958");

  leverkit::Interview dial;
  dial.location = "Conference room 4";
  dial.note = "Dial-in: +1 646 558 8656,,84012345678#";
  auto d = extract_conference(dial);
  REQUIRE(d.dial_in);
  CHECK(d.dial_in->conference_digits == "84012345678");
  CHECK(*d.phone == "+16465588656");

  leverkit::Interview other;
  other.location = "Join at https://app.example-video.com/room/42";
  auto o = extract_conference(other);
  CHECK(o.has_video());
  CHECK_FALSE(o.link.has_value());

  leverkit::Interview room;
  room.location = "Building 2, room Everest";
  auto r = extract_conference(room);
  CHECK_FALSE(r.has_video());
  CHECK_FALSE(r.has_phone());
}
