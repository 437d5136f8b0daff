#include "leverkit/match/conference.hpp"

#include <algorithm>
#include <array>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "leverkit/match/phone.hpp"
#include "text_util.hpp"

namespace leverkit::inline v0::match {
namespace {

using detail::ascii_lower;
using detail::ends_with;
using detail::host_is;
using detail::is_digit;
using detail::starts_with;

int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  c = ascii_lower(c);
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

std::string percent_decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      int h = hex_value(s[i + 1]), l = hex_value(s[i + 2]);
      if (h >= 0 && l >= 0) {
        out.push_back(static_cast<char>(h * 16 + l));
        i += 2;
        continue;
      }
    }
    out.push_back(s[i]);
  }
  return out;
}

std::string html_unescape(std::string_view s) {
  static constexpr std::array<std::pair<std::string_view, char>, 8> kEntities{{
      {"&amp;", '&'}, {"&#38;", '&'}, {"&quot;", '"'}, {"&lt;", '<'},
      {"&gt;", '>'}, {"&#x2f;", '/'}, {"&#47;", '/'}, {"&#61;", '='}}};
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    bool hit = false;
    if (s[i] == '&') {
      for (const auto& [ent, ch] : kEntities) {
        if (s.size() - i >= ent.size() && detail::lower(s.substr(i, ent.size())) == ent) {
          out.push_back(ch);
          i += ent.size();
          hit = true;
          break;
        }
      }
    }
    if (!hit) out.push_back(s[i++]);
  }
  return out;
}

std::string_view trim_url_tail(std::string_view u) {
  while (!u.empty()) {
    char c = u.back();
    if (c == '.' || c == ',' || c == ';' || c == ':' || c == '>' || c == '\'' || c == '"' || c == ']' ||
        c == '!' || c == '*') {
      u.remove_suffix(1);
    } else if (c == ')') {
      // Keep a closing parenthesis that belongs to the URL ("...(x)").
      if (std::count(u.begin(), u.end(), '(') >= std::count(u.begin(), u.end(), ')')) break;
      u.remove_suffix(1);
    } else {
      break;
    }
  }
  return u;
}

struct Url {
  std::string scheme, host, path, query;
};

Url split_url(std::string_view u) {
  Url r;
  auto sep = u.find("://");
  if (sep != std::string_view::npos) {
    r.scheme = detail::lower(u.substr(0, sep));
    u.remove_prefix(sep + 3);
  }
  auto frag = u.find('#');
  std::string_view fragment;
  if (frag != std::string_view::npos) {
    fragment = u.substr(frag + 1);
    u = u.substr(0, frag);
  }
  auto slash = u.find_first_of("/?");
  std::string_view host = u.substr(0, slash);
  if (auto at = host.rfind('@'); at != std::string_view::npos) host.remove_prefix(at + 1);
  if (auto colon = host.find(':'); colon != std::string_view::npos) host = host.substr(0, colon);
  r.host = detail::lower(host);
  if (slash != std::string_view::npos) {
    std::string_view rest = u.substr(slash);
    auto q = rest.find('?');
    r.path = std::string(rest.substr(0, q));
    if (q != std::string_view::npos) r.query = std::string(rest.substr(q + 1));
  }
  // Teams' web client puts the route after "#": "/_#/l/meetup-join/...".
  if (!fragment.empty() && fragment.front() == '/') r.path += std::string(fragment);
  return r;
}

std::optional<std::string> query_param(std::string_view query, std::string_view name) {
  std::size_t pos = 0;
  while (pos <= query.size()) {
    auto amp = query.find('&', pos);
    if (amp == std::string_view::npos) amp = query.size();
    std::string_view kv = query.substr(pos, amp - pos);
    auto eq = kv.find('=');
    if (eq != std::string_view::npos && detail::lower(kv.substr(0, eq)) == name) return std::string(kv.substr(eq + 1));
    pos = amp + 1;
  }
  return std::nullopt;
}

std::vector<std::string_view> path_segments(std::string_view path) {
  std::vector<std::string_view> segs;
  std::size_t pos = 0;
  while (pos < path.size()) {
    auto slash = path.find('/', pos);
    if (slash == std::string_view::npos) slash = path.size();
    if (slash > pos) segs.push_back(path.substr(pos, slash - pos));
    pos = slash + 1;
  }
  return segs;
}

bool is_zoom_host(std::string_view h) {
  return host_is(h, "zoom.us") || host_is(h, "zoom.com") || host_is(h, "zoomgov.com") || host_is(h, "zoom.de") ||
         host_is(h, "zoom.com.cn") || host_is(h, "zoom-x.de");
}
bool is_teams_host(std::string_view h) {
  return host_is(h, "teams.microsoft.com") || host_is(h, "teams.microsoft.us") || host_is(h, "teams.live.com") ||
         h == "gov.teams.microsoft.us" || h == "dod.teams.microsoft.us";
}

bool meet_code(std::string_view s) {
  // abc-defg-hij: 3-4-3 lower-case letters.
  if (s.size() != 12 || s[3] != '-' || s[8] != '-') return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i == 3 || i == 8) continue;
    char c = ascii_lower(s[i]);
    if (c < 'a' || c > 'z') return false;
  }
  return true;
}

std::optional<ConferenceLink> make(Provider p, std::string key, std::string_view url, LinkStrength s) {
  return ConferenceLink{p, std::move(key), std::string(url), s};
}

std::optional<ConferenceLink> teams_from_path(std::string_view path, std::string_view url) {
  auto segs = path_segments(path);
  for (std::size_t i = 0; i + 1 < segs.size(); ++i) {
    if (segs[i] == "meetup-join") {
      std::string thread = percent_decode(segs[i + 1]);
      return make(Provider::teams, "teams:" + thread, url, LinkStrength::unique);
    }
    if (segs[i] == "meet" && detail::all_digits(segs[i + 1]))
      return make(Provider::teams, "teams-id:" + std::string(segs[i + 1]), url, LinkStrength::unique);
  }
  return std::nullopt;
}

}  // namespace

std::string unwrap_url(std::string_view url_in) {
  std::string url = html_unescape(trim_url_tail(detail::trim(url_in)));
  for (int depth = 0; depth < 5; ++depth) {
    Url u = split_url(url);
    std::optional<std::string> inner;
    if (ends_with(u.host, "safelinks.protection.outlook.com")) {
      inner = query_param(u.query, "url");
    } else if ((starts_with(u.host, "www.google.") || starts_with(u.host, "google.")) && u.path == "/url") {
      inner = query_param(u.query, "q");
      if (!inner) inner = query_param(u.query, "url");
    } else if (is_teams_host(u.host) && u.path.find("/dl/launcher/launcher.html") != std::string::npos) {
      inner = query_param(u.query, "url");
      if (inner) {
        std::string target = percent_decode(*inner);
        if (starts_with(target, "/_#")) target.erase(0, 3);
        if (starts_with(target, "/")) target = "https://" + u.host + target;
        url = target;
        continue;
      }
    }
    if (!inner) break;
    url = html_unescape(trim_url_tail(percent_decode(*inner)));
  }
  return url;
}

std::optional<ConferenceLink> parse_conference_url(std::string_view raw) {
  std::string url = unwrap_url(raw);
  Url u = split_url(url);
  const std::string& h = u.host;
  auto segs = path_segments(u.path);

  if (u.scheme == "zoommtg" || u.scheme == "zoomus") {
    if (auto c = query_param(u.query, "confno"); c && detail::all_digits(*c))
      return make(Provider::zoom, "zoom:" + *c, url, LinkStrength::unique);
    return std::nullopt;
  }
  if (is_zoom_host(h)) {
    if (segs.size() >= 2) {
      std::string_view kind = segs[0];
      if ((kind == "j" || kind == "s" || kind == "w" || kind == "wc") ) {
        std::string_view id = segs[1];
        if (kind == "wc" && segs.size() >= 3 && segs[1] == "join") id = segs[2];
        if (detail::all_digits(id) && id.size() >= 9 && id.size() <= 11)
          return make(Provider::zoom, "zoom:" + std::string(id), url, LinkStrength::unique);
      }
      if (kind == "my") return make(Provider::zoom, "zoom-pmr:" + detail::lower(segs[1]), url, LinkStrength::persistent_room);
    }
    return std::nullopt;
  }
  if (h == "meet.google.com") {
    for (auto s : segs) {
      if (s == "_meet" || s == "lookup") continue;
      if (meet_code(s)) return make(Provider::google_meet, "meet:" + detail::lower(s), url, LinkStrength::unique);
      break;
    }
    return std::nullopt;
  }
  if (is_teams_host(h)) return teams_from_path(u.path, url);
  if (host_is(h, "webex.com")) {
    if (auto mtid = query_param(u.query, "mtid"))
      return make(Provider::webex, "webex:" + detail::lower(*mtid), url, LinkStrength::unique);
    std::string site = h.substr(0, h.find('.'));
    for (std::size_t i = 0; i + 1 < segs.size(); ++i) {
      if (segs[i] == "meet" || segs[i] == "join")
        return make(Provider::webex, "webex-pmr:" + site + "/" + detail::lower(segs[i + 1]), url, LinkStrength::persistent_room);
      if (segs[i] == "meeting" && segs.size() > i + 2 && segs[i + 1] == "download")
        return make(Provider::webex, "webex:" + detail::lower(segs[i + 2]), url, LinkStrength::unique);
    }
    return std::nullopt;
  }
  if (host_is(h, "gotomeeting.com") || host_is(h, "goto.com") || host_is(h, "gotomeet.me")) {
    for (std::size_t i = 0; i < segs.size(); ++i) {
      std::string_view s = segs[i];
      if ((s == "join" || s == "meeting") && i + 1 < segs.size()) s = segs[++i];
      if (detail::all_digits(s) && s.size() >= 9)
        return make(Provider::goto_meeting, "goto:" + std::string(s), url, LinkStrength::unique);
      if (!s.empty() && s != "join")
        return make(Provider::goto_meeting, "goto-room:" + detail::lower(s), url, LinkStrength::persistent_room);
    }
    return std::nullopt;
  }
  if (host_is(h, "whereby.com")) {
    if (segs.empty()) return std::nullopt;
    std::string sub = h == "whereby.com" || h == "www.whereby.com" ? "" : h.substr(0, h.find('.'));
    return make(Provider::whereby, "whereby:" + sub + "/" + detail::lower(segs[0]), url, LinkStrength::persistent_room);
  }
  if (h == "around.co" || h == "meet.around.co" || h == "www.around.co") {
    if (segs.empty()) return std::nullopt;
    return make(Provider::around, "around:" + detail::lower(segs.back()), url, LinkStrength::persistent_room);
  }
  if (host_is(h, "chime.aws")) {
    for (auto s : segs)
      if (detail::all_digits(s) && s.size() == 10) return make(Provider::chime, "chime:" + std::string(s), url, LinkStrength::unique);
    return std::nullopt;
  }
  return std::nullopt;
}

namespace {

constexpr std::array<std::string_view, 12> kBareHosts{
    "zoom.us/", "meet.google.com/", "teams.microsoft.com/", "teams.live.com/", "webex.com/", "whereby.com/",
    "around.co/", "chime.aws/", "gotomeeting.com/", "goto.com/", "gotomeet.me/", "zoomgov.com/"};

bool url_delim(char c) { return detail::is_space(c) || c == '<' || c == '>' || c == '"' || c == '\'' || c == '`' || c == '|'; }

struct Token {
  std::size_t begin, end;
};

// URL-ish tokens: contain "://", start with "zoommtg:" / "msteams:", or name a known host.
std::vector<Token> url_tokens(std::string_view text) {
  std::vector<Token> out;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && url_delim(text[i])) ++i;
    std::size_t b = i;
    while (i < text.size() && !url_delim(text[i])) ++i;
    if (i == b) continue;
    std::string_view tok = text.substr(b, i - b);
    bool is_url = tok.find("://") != std::string_view::npos;
    if (!is_url && tok.find('/') != std::string_view::npos)  // every bare host ends in '/'
      for (auto host : kBareHosts)
        if (detail::ifind(tok, host) != std::string_view::npos) { is_url = true; break; }
    if (is_url) out.push_back({b, i});
  }
  return out;
}

bool looks_like_date(std::string_view run) {
  // "2026-05-01" or "2026/05/01": four-digit year group first.
  return run.size() >= 10 && is_digit(run[0]) && is_digit(run[3]) && (run[4] == '-' || run[4] == '/') &&
         (run[0] == '1' || run[0] == '2');
}

std::string read_digits(std::string_view text, std::size_t& i, bool allow_spaces) {
  std::string d;
  while (i < text.size()) {
    char c = text[i];
    if (is_digit(c)) {
      d.push_back(c);
      ++i;
    } else if (allow_spaces && (c == ' ' || c == '-') && i + 1 < text.size() && is_digit(text[i + 1]) && !d.empty()) {
      ++i;
    } else {
      break;
    }
  }
  return d;
}

}  // namespace

ConferenceInfo extract_conference(std::string_view text) {
  ConferenceInfo info;
  if (text.empty()) return info;
  // `scrub` is the text with what has been consumed blanked out; `low` is scrub lower-cased, kept
  // in step, so the ~20 label and cue searches are plain finds (memchr-driven) rather than
  // case-folding scans: ~50 ns/byte before (docs/performance.md).
  std::string scrub(text);
  std::string low = detail::lower(text);
  // De-duplication goes through hash sets: a description pasted many times must not cost
  // (items found)^2 comparisons (256 KiB of distinct invitations cost 1.4x per byte what 1 KiB did).
  std::unordered_set<std::string> seen;  // link keys ("zoom:…"), "id:" + labelled ids, "phone:" + phones
  auto blank = [&](std::size_t b, std::size_t e) {
    std::fill(scrub.begin() + static_cast<std::ptrdiff_t>(b), scrub.begin() + static_cast<std::ptrdiff_t>(e), ' ');
    std::fill(low.begin() + static_cast<std::ptrdiff_t>(b), low.begin() + static_cast<std::ptrdiff_t>(e), ' ');
  };

  for (const auto& t : url_tokens(text)) {
    std::string_view tok = text.substr(t.begin, t.end - t.begin);
    // Strip an HTML attribute prefix such as href= that survived tokenisation.
    if (auto eq = tok.find("http"); eq != std::string_view::npos && eq > 0) tok.remove_prefix(eq);
    std::string candidate = tok.find("://") == std::string_view::npos && !starts_with(detail::lower(tok), "zoommtg:")
                                ? "https://" + std::string(tok)
                                : std::string(tok);
    if (auto link = parse_conference_url(candidate))
      if (seen.insert(link->key).second) info.links.push_back(std::move(*link));
    blank(t.begin, t.end);
  }

  // Labelled conference ids ("Meeting ID: 840 1234 5678", "Phone conference ID: 123 456 789#",
  // "PIN: 123 456 789#", "Access code: 2550 123 4567"); a passcode is a secret, not an identity.
  static constexpr std::array<std::string_view, 8> kIdLabels{"conference id", "meeting id", "access code",
                                                             "meeting number", "webinar id", "pin:", "pin ", "participant code"};
  static constexpr std::array<std::string_view, 2> kSecretLabels{"passcode", "password"};
  std::vector<std::string> labelled;
  std::string pin;
  bool bridge_context = false;
  for (auto label : kIdLabels) {
    std::size_t pos = 0;
    while ((pos = low.find(label, pos)) != std::string::npos) {
      std::size_t i = pos + label.size();
      while (i < scrub.size() && (scrub[i] == ':' || scrub[i] == ' ' || scrub[i] == '#' || scrub[i] == '\t')) ++i;
      std::size_t b = i;
      std::string digits = read_digits(scrub, i, true);
      if (digits.size() >= 4) {
        bridge_context = true;
        if (seen.insert("id:" + digits).second) labelled.push_back(digits);
        blank(b, i);
      }
      pos = i > pos ? i : pos + 1;
    }
  }
  for (auto label : kSecretLabels) {
    std::size_t pos = low.find(label);
    if (pos == std::string::npos) continue;
    std::size_t i = pos + label.size();
    while (i < scrub.size() && (scrub[i] == ':' || scrub[i] == ' ')) ++i;
    std::size_t b = i;
    pin = read_digits(scrub, i, true);
    blank(b, i);
  }
  for (auto cue : {"join by phone", "dial-in", "dial in", "dial by your location", "one tap mobile", "audio conference",
                   "toll-free", "toll free", "call in"})
    if (low.find(cue) != std::string::npos) bridge_context = true;

  // Phone-number runs, each possibly followed by pauses and DTMF conference digits.
  std::vector<std::pair<std::string, std::string>> runs;  // (number text, post-dial digits)
  std::string first_pin;
  for (std::size_t i = 0; i < scrub.size();) {
    char c = scrub[i];
    bool start = is_digit(c) || ((c == '+' || c == '(') && i + 1 < scrub.size() && (is_digit(scrub[i + 1]) || scrub[i + 1] == '('));
    if (!start || (i > 0 && (detail::is_alnum(scrub[i - 1]) || scrub[i - 1] == '/' || scrub[i - 1] == ':' ))) {
      ++i;
      continue;
    }
    std::size_t b = i;
    int ndig = 0;
    while (i < scrub.size() && (is_digit(scrub[i]) || scrub[i] == ' ' || scrub[i] == '-' || scrub[i] == '.' ||
                                scrub[i] == '(' || scrub[i] == ')' || (scrub[i] == '+' && i == b))) {
      if (is_digit(scrub[i])) ++ndig;
      ++i;
    }
    std::string_view run = detail::trim(std::string_view(scrub).substr(b, i - b));
    while (!run.empty() && (run.back() == '-' || run.back() == '.' || run.back() == '(')) run.remove_suffix(1);
    bool plausible = ndig >= 7 && ndig <= 15 && (run.front() == '+' || ndig >= 10) && !looks_like_date(run);
    if (!plausible) continue;
    std::string post;
    std::size_t j = i;
    bool paused = false;
    while (j < scrub.size() && (scrub[j] == ',' || scrub[j] == ';' || scrub[j] == 'p' || scrub[j] == 'w')) {
      paused = true;
      ++j;
    }
    if (detail::ifind(std::string_view(scrub).substr(j, 6), "postd=") == 0) { paused = true; j += 6; }
    if (paused) {
      post = read_digits(scrub, j, false);
      while (j < scrub.size() && (scrub[j] == '#' || scrub[j] == ',' || scrub[j] == '*')) ++j;
      std::string p = read_digits(scrub, j, false);
      if (!p.empty() && first_pin.empty()) first_pin = p;
      i = j;
    }
    runs.emplace_back(std::string(run), post);
  }

  std::unordered_map<std::string_view, std::size_t> dial_at;  // conference digits → dial_ins index
  dial_at.reserve(runs.size() + labelled.size());
  auto add_dial = [&](const std::string& bridge, const std::string& digits, const std::string& p) {
    if (digits.size() < 4) return;
    // Keys view `runs` / `labelled`, which outlive the map and are not resized below.
    if (auto [it, added] = dial_at.try_emplace(digits, info.dial_ins.size()); !added) {
      if (auto& d = info.dial_ins[it->second]; d.bridge.empty()) d.bridge = bridge;
      return;
    }
    info.dial_ins.push_back(DialIn{bridge, digits, p});
  };
  std::string first_bridge;
  for (const auto& [number, post] : runs) {
    if (!post.empty()) {
      add_dial(number, post, first_pin.empty() ? pin : first_pin);
      if (first_bridge.empty()) first_bridge = number;
    }
  }
  for (const auto& digits : labelled) {
    std::string bridge = first_bridge;
    if (bridge.empty())
      for (const auto& r : runs) { bridge = r.first; break; }
    add_dial(bridge, digits, pin);
  }
  if (!bridge_context && info.dial_ins.empty()) {
    for (const auto& r : runs)
      if (seen.insert("phone:" + r.first).second) info.phones.push_back(r.first);
  }
  return info;
}

InterviewConference extract_conference(const Interview& interview) {
  InterviewConference out;
  const std::string* sources[] = {interview.location ? &*interview.location : nullptr, &interview.note, &interview.subject};
  for (const std::string* s : sources) {
    if (!s || s->empty()) continue;
    ConferenceInfo info = extract_conference(*s);
    if (!out.link && !info.links.empty()) {
      out.link = info.links.front();
      out.join_url = out.link->url;
    }
    if (!out.join_url) {
      for (const auto& t : url_tokens(*s)) {
        std::string_view tok = std::string_view(*s).substr(t.begin, t.end - t.begin);
        if (detail::ifind(tok, "http") == 0) {
          out.join_url = unwrap_url(tok);
          break;
        }
      }
    }
    if (!out.dial_in && !info.dial_ins.empty()) {
      out.dial_in = info.dial_ins.front();
      if (!out.phone && !out.dial_in->bridge.empty()) {
        auto e164 = normalize_phone(out.dial_in->bridge);
        out.phone = e164 ? *e164 : out.dial_in->bridge;
      }
    }
    if (!out.phone && !info.phones.empty()) {
      auto e164 = normalize_phone(info.phones.front());
      out.phone = e164 ? *e164 : info.phones.front();
    }
    if (out.join_url && out.phone) break;
  }
  return out;
}

std::string_view to_string(Provider p) noexcept {
  switch (p) {
    case Provider::zoom: return "zoom";
    case Provider::google_meet: return "google_meet";
    case Provider::teams: return "teams";
    case Provider::webex: return "webex";
    case Provider::goto_meeting: return "goto";
    case Provider::whereby: return "whereby";
    case Provider::around: return "around";
    case Provider::chime: return "chime";
  }
  return "unknown";
}

}  // namespace leverkit::match
