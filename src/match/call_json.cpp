#include "leverkit/fmt.hpp"
#include "leverkit/match/call_json.hpp"

#include <fmt/format.h>

#include <simdjson.h>

#include <charconv>

#include "leverkit/match/zones.hpp"
#include "text_util.hpp"

namespace leverkit::inline v0::match {

std::string_view to_string(MeetingType t) noexcept {
  switch (t) {
    case MeetingType::unknown: return "unknown";
    case MeetingType::job_interview: return "job_interview";
    case MeetingType::debrief: return "debrief";
    case MeetingType::internal: return "internal";
    case MeetingType::other: return "other";
  }
  return "unknown";
}
std::string_view to_string(CallSource s) noexcept {
  switch (s) {
    case CallSource::unknown: return "unknown";
    case CallSource::ats: return "ats";
    case CallSource::calendar: return "calendar";
    case CallSource::ongoing_invite: return "ongoing_invite";
    case CallSource::upload: return "upload";
  }
  return "unknown";
}
std::string_view to_string(ParticipantRole r) noexcept {
  switch (r) {
    case ParticipantRole::unknown: return "unknown";
    case ParticipantRole::candidate: return "candidate";
    case ParticipantRole::interviewer: return "interviewer";
    case ParticipantRole::internal: return "internal";
    case ParticipantRole::external: return "external";
    case ParticipantRole::resource: return "resource";
  }
  return "unknown";
}

std::optional<MeetingType> parse_meeting_type(std::string_view s) noexcept {
  if (s.empty() || s == "unknown") return MeetingType::unknown;
  if (s == "job_interview" || s == "interview") return MeetingType::job_interview;
  if (s == "debrief") return MeetingType::debrief;
  if (s == "internal") return MeetingType::internal;
  if (s == "other") return MeetingType::other;
  return std::nullopt;
}
std::optional<CallSource> parse_call_source(std::string_view s) noexcept {
  if (s.empty() || s == "unknown") return CallSource::unknown;
  if (s == "ats" || s == "scheduled" || s == "scheduled_from_ats") return CallSource::ats;
  if (s == "calendar") return CallSource::calendar;
  if (s == "ongoing_invite" || s == "ongoing" || s == "invited") return CallSource::ongoing_invite;
  if (s == "upload" || s == "uploaded") return CallSource::upload;
  return std::nullopt;
}
std::optional<ParticipantRole> parse_participant_role(std::string_view s) noexcept {
  if (s.empty() || s == "unknown") return ParticipantRole::unknown;
  if (s == "candidate") return ParticipantRole::candidate;
  if (s == "interviewer") return ParticipantRole::interviewer;
  if (s == "internal" || s == "organizer" || s == "recruiter" || s == "coordinator") return ParticipantRole::internal;
  if (s == "external" || s == "guest") return ParticipantRole::external;
  if (s == "resource" || s == "room" || s == "bot") return ParticipantRole::resource;
  return std::nullopt;
}
std::optional<ResponseStatus> parse_response_status(std::string_view s) noexcept {
  if (s.empty() || s == "unknown") return ResponseStatus::unknown;
  if (s == "accepted" || s == "yes") return ResponseStatus::accepted;
  if (s == "tentative" || s == "maybe") return ResponseStatus::tentative;
  if (s == "declined" || s == "no") return ResponseStatus::declined;
  if (s == "needsAction" || s == "needs_action" || s == "none") return ResponseStatus::needs_action;
  return std::nullopt;
}

namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

Error bad(std::string_view field, std::string_view what) {
  return Error{Errc::decode_error, fmt::format("{}: {}", field, what)};
}

Result<std::string> get_string(element obj, std::string_view field, std::string_view path) {
  auto v = obj[field];
  if (v.error() == simdjson::NO_SUCH_FIELD) return std::string{};
  if (v.error()) return bad(path, "unreadable");
  element e = v.value_unsafe();
  if (e.is_null()) return std::string{};
  if (!e.is_string()) return bad(path, "expected a string");
  return std::string(e.get_string().value_unsafe());
}

bool has_offset(std::string_view s) {
  if (s.empty()) return false;
  if (s.back() == 'Z' || s.back() == 'z') return true;
  auto t = s.find_first_of("Tt ");
  if (t == std::string_view::npos) return false;
  return s.find_first_of("+-", t) != std::string_view::npos;
}

Result<Timestamp> get_instant(element obj, std::string_view field, const std::optional<std::string>& zone, bool required,
                              bool& adjusted) {
  auto v = obj[field];
  if (v.error() == simdjson::NO_SUCH_FIELD || (!v.error() && v.value_unsafe().is_null())) {
    if (required) return bad(field, "required (ISO-8601 or epoch ms)");
    return Timestamp{};
  }
  if (v.error()) return bad(field, "unreadable");
  element e = v.value_unsafe();
  // Epoch milliseconds must name a year in 0001..9999: a double such as 2.2e31 cast to int64 was
  // undefined behaviour (found by tests/fuzz, fuzz_call_json), an overflowing digit string read as 0.
  constexpr double kMinMs = -62135596800000.0, kMaxMs = 253402300799999.0;
  auto epoch_ms = [&](double ms) -> Result<Timestamp> {
    if (!(ms >= kMinMs && ms <= kMaxMs)) return bad(field, "epoch milliseconds out of range (years 0001-9999)");
    return from_unix_ms(static_cast<std::int64_t>(ms));
  };
  if (e.is_int64()) return epoch_ms(static_cast<double>(e.get_int64().value_unsafe()));
  if (e.is_uint64()) return bad(field, "epoch milliseconds out of range (years 0001-9999)");
  if (e.is_double()) return epoch_ms(e.get_double().value_unsafe());
  if (!e.is_string()) return bad(field, "expected ISO-8601 text or epoch milliseconds");
  std::string_view s = detail::trim(e.get_string().value_unsafe());
  if (detail::all_digits(s)) {
    std::int64_t ms = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), ms);
    if (ec != std::errc{} || end != s.data() + s.size())
      return bad(field, "epoch milliseconds out of range (years 0001-9999)");
    return epoch_ms(static_cast<double>(ms));
  }
  if (!has_offset(s) && zone && s.size() > 10) {
    auto r = resolve_local_time(s, *zone);
    if (!r) return bad(field, r.error().message);
    adjusted = adjusted || r.value().nonexistent || r.value().ambiguous;
    return r.value().instant;
  }
  auto t = parse_iso8601(s);
  if (!t) return bad(field, fmt::format("expected ISO-8601 or epoch ms, got '{}'", s));
  return t.value();
}

Result<Participant> read_participant(element e, std::string_view path) {
  Participant p;
  if (e.is_string()) {  // a bare email address
    p.email = std::string(e.get_string().value_unsafe());
    return p;
  }
  if (!e.is_object()) return bad(path, "expected an object {name, email, role, response}");
  LEVERKIT_TRY(name, get_string(e, "name", fmt::format("{}.name", path)));
  LEVERKIT_TRY(email, get_string(e, "email", fmt::format("{}.email", path)));
  LEVERKIT_TRY(role, get_string(e, "role", fmt::format("{}.role", path)));
  LEVERKIT_TRY(resp, get_string(e, "response", fmt::format("{}.response", path)));
  LEVERKIT_TRY(phone, get_string(e, "phone", fmt::format("{}.phone", path)));
  p.name = std::move(name);
  p.email = std::move(email);
  p.phone = std::move(phone);
  auto r = parse_participant_role(role);
  if (!r) return bad(fmt::format("{}.role", path), fmt::format("unknown role '{}'", role));
  p.role = *r;
  auto rs = parse_response_status(resp);
  if (!rs) return bad(fmt::format("{}.response", path), fmt::format("unknown response '{}'", resp));
  p.response = *rs;
  return p;
}

}  // namespace

Result<Call> parse_call_json(std::string_view line) {
  thread_local simdjson::dom::parser parser;
  simdjson::padded_string padded(line);
  auto doc = parser.parse(padded);
  if (doc.error()) return Error{Errc::decode_error, fmt::format("not valid JSON ({})", simdjson::error_message(doc.error()))};
  element root = doc.value_unsafe();
  if (!root.is_object()) return Error{Errc::decode_error, "expected a JSON object per line"};
  Call c;
  {
    auto v = root["id"];
    if (v.error() || v.value_unsafe().is_null()) return bad("id", "required");
    element e = v.value_unsafe();
    if (e.is_string()) c.id = std::string(e.get_string().value_unsafe());
    else if (e.is_int64()) c.id = std::to_string(e.get_int64().value_unsafe());
    else return bad("id", "expected a string");
    if (c.id.empty()) return bad("id", "must not be empty");
  }
  LEVERKIT_TRY(title, get_string(root, "title", "title"));
  c.title = std::move(title);
  LEVERKIT_TRY(type, get_string(root, "meeting_type", "meeting_type"));
  auto mt = parse_meeting_type(type);
  if (!mt) return bad("meeting_type", fmt::format("unknown meeting type '{}' (job_interview, debrief, internal, other)", type));
  c.meeting_type = *mt;
  LEVERKIT_TRY(tz, get_string(root, "timezone", "timezone"));
  if (!tz.empty()) {
    auto canon = canonical_zone(tz);
    if (!canon) return bad("timezone", canon.error().message);
    c.timezone = canon.value();
  }
  LEVERKIT_TRY(start, get_instant(root, "start", c.timezone, true, c.local_time_adjusted));
  LEVERKIT_TRY(end, get_instant(root, "end", c.timezone, false, c.local_time_adjusted));
  c.start = start;
  c.end = end == Timestamp{} ? start : end;
  if (c.end < c.start && c.local_time_adjusted) {
    // A start in a DST gap moved forward by the gap; keep the wall-clock duration instead.
    std::string_view s0, s1;
    if (!root["start"].get(s0) && !root["end"].get(s1)) {
      auto a = parse_iso8601(s0), b = parse_iso8601(s1);
      if (a && b && b.value() >= a.value()) c.end = c.start + (b.value() - a.value());
    }
  }
  if (c.end < c.start) return bad("end", "is before start");
  for (auto [field, dest] : {std::pair<std::string_view, std::string*>{"conference_url", &c.conference_url},
                             {"location", &c.location}, {"description", &c.description}, {"phone", &c.phone}}) {
    LEVERKIT_TRY(s, get_string(root, field, field));
    *dest = std::move(s);
  }
  LEVERKIT_TRY(source, get_string(root, "source", "source"));
  auto src = parse_call_source(source);
  if (!src) return bad("source", fmt::format("unknown source '{}' (ats, calendar, ongoing_invite, upload)", source));
  c.source = *src;
  if (auto v = root["organizer"]; !v.error() && !v.value_unsafe().is_null()) {
    LEVERKIT_TRY(p, read_participant(v.value_unsafe(), "organizer"));
    c.organizer = std::move(p);
  }
  if (auto v = root["participants"]; !v.error() && !v.value_unsafe().is_null()) {
    if (!v.value_unsafe().is_array()) return bad("participants", "expected an array");
    simdjson::dom::array arr;
    if (v.value_unsafe().get(arr)) return bad("participants", "expected an array");
    std::size_t i = 0;
    for (element e : arr) {
      LEVERKIT_TRY(p, read_participant(e, fmt::format("participants[{}]", i)));
      c.participants.push_back(std::move(p));
      ++i;
    }
  }
  return c;
}

}  // namespace leverkit::match
