// leverkit/match/conference.hpp — video links and dial-ins: canonical meeting keys.
//
// What: finds conference links in free text (Zoom incl. vanity subdomains and /j/ /s/ /w/ /my/,
// Google Meet, Teams legacy meetup-join, /meet/<id> and teams.live.com, Webex MTID and personal
// rooms, GoTo, Whereby, Around, Chime), unwrapping Outlook SafeLinks and Google redirects, and
// dial-ins whose *conference digits* (never the shared bridge number) are the key. The same
// extractor tells whether a Lever interview has a join URL or a phone number.
// Errors: none; text without a recognisable link yields an empty result.
// Thread-safety: pure functions.
// Example:
//   auto info = leverkit::match::extract_conference("Join: https://acme.zoom.us/j/84012345678?pwd=x");
//   info.links[0].key;                                 // "zoom:84012345678"
//   auto j = leverkit::match::extract_conference(interview);  // j.join_url / j.phone
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "leverkit/models/interview.hpp"

namespace leverkit::inline v0::match {

enum class Provider { zoom, google_meet, teams, webex, goto_meeting, whereby, around, chime };

/// A per-meeting key is strong evidence; a persistent room (Zoom /my/, Webex /meet/, Whereby,
/// Around, GoTo room names) is reused across meetings and counts for little.
enum class LinkStrength { unique, persistent_room };

struct ConferenceLink {
  Provider provider = Provider::zoom;
  std::string key;   // "zoom:84012345678", "meet:abc-defg-hij", "teams:19:meeting_x@thread.v2", ...
  std::string url;   // the unwrapped URL, for display and joining
  LinkStrength strength = LinkStrength::unique;
  friend bool operator==(const ConferenceLink&, const ConferenceLink&) = default;
};

struct DialIn {
  std::string bridge;             // the bridge number as written (shared by many meetings)
  std::string conference_digits;  // the meeting/conference id: the identity
  std::string pin;
  [[nodiscard]] std::string key() const { return "dial:" + conference_digits; }
  friend bool operator==(const DialIn&, const DialIn&) = default;
};

struct ConferenceInfo {
  std::vector<ConferenceLink> links;   // distinct keys, in order of appearance
  std::vector<DialIn> dial_ins;        // distinct conference digits
  std::vector<std::string> phones;     // bare phone numbers (no conference digits): a person's phone
  [[nodiscard]] bool empty() const noexcept { return links.empty() && dial_ins.empty() && phones.empty(); }
};

/// Undo Outlook SafeLinks, Google `/url?q=` redirects and Teams launcher wrappers (nested, bounded
/// depth), decode `&amp;` and percent-escapes in the wrapped target, trim trailing punctuation.
std::string unwrap_url(std::string_view url);

/// Recognise one URL (after unwrapping); nullopt when it is not a known conference provider.
std::optional<ConferenceLink> parse_conference_url(std::string_view url);

/// Scan free text (location, description, title, a dial string) for links, dial-ins and phones.
ConferenceInfo extract_conference(std::string_view text);

/// What a Lever interview offers for joining: used both by matching and by auto-scheduling.
struct InterviewConference {
  std::optional<ConferenceLink> link;   // first recognised video link
  std::optional<std::string> join_url;  // link->url, or any other http(s) URL in the location
  std::optional<DialIn> dial_in;
  std::optional<std::string> phone;     // the number to dial: a dial-in bridge or a bare phone
  [[nodiscard]] bool has_video() const noexcept { return join_url.has_value(); }
  [[nodiscard]] bool has_phone() const noexcept { return phone.has_value(); }
};

/// Looks at the interview's location first, then its note and subject.
InterviewConference extract_conference(const Interview& interview);

std::string_view to_string(Provider p) noexcept;

}  // namespace leverkit::match
