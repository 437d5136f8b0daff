#include "leverkit/fmt.hpp"
#include "leverkit/match/zones.hpp"

#include <fmt/format.h>

#include <date/date.h>
#include <date/tz.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <sstream>
#include <unordered_map>

#include "text_util.hpp"

namespace leverkit::inline v0::match {
namespace {

const date::time_zone* find_zone(std::string_view name) {
  // locate_zone searches ~600 names; matching asks for the same few zones again and again.
  thread_local std::unordered_map<std::string, const date::time_zone*> cache;
  std::string key(name);
  if (auto it = cache.find(key); it != cache.end()) return it->second;
  const date::time_zone* tz = nullptr;
  try {
    tz = date::locate_zone(key);
  } catch (const std::exception&) {
    tz = nullptr;
  }
  if (cache.size() < 1024) cache.emplace(std::move(key), tz);
  return tz;
}

}  // namespace

Result<std::string> canonical_zone(std::string_view zone) {
  std::string_view z = detail::trim(zone);
  if (z.empty()) return Error{Errc::invalid_argument, "timezone: empty zone name"};
  if (const auto* tz = find_zone(z)) return std::string(tz->name());
  // Outlook / Graph send Windows names; CLDR's windowsZones maps them (territory 001).
  icu::UnicodeString win = icu::UnicodeString::fromUTF8(icu::StringPiece(z.data(), static_cast<int32_t>(z.size())));
  icu::UnicodeString iana;
  UErrorCode status = U_ZERO_ERROR;
  icu::TimeZone::getIDForWindowsID(win, nullptr, iana, status);
  if (U_SUCCESS(status) && !iana.isEmpty()) {
    std::string out;
    iana.toUTF8String(out);
    if (const auto* tz = find_zone(out)) return std::string(tz->name());
  }
  return Error{Errc::invalid_argument, fmt::format("timezone: unknown zone '{}'", z)};
}

Result<std::chrono::minutes> zone_offset(std::string_view zone, Timestamp t) {
  const auto* tz = find_zone(zone);
  if (!tz) {
    LEVERKIT_TRY(name, canonical_zone(zone));
    tz = find_zone(name);
    if (!tz) return Error{Errc::invalid_argument, fmt::format("timezone: unknown zone '{}'", zone)};
  }
  auto info = tz->get_info(std::chrono::time_point_cast<std::chrono::seconds>(t));
  return std::chrono::duration_cast<std::chrono::minutes>(info.offset);
}

Result<LocalResolution> resolve_local_time(std::string_view local, std::string_view zone) {
  LEVERKIT_TRY(name, canonical_zone(zone));
  const auto* tz = find_zone(name);
  if (!tz) return Error{Errc::invalid_argument, fmt::format("timezone: unknown zone '{}'", zone)};
  // Parse the wall-clock text with the models' ISO reader as if it were UTC, then reinterpret.
  LEVERKIT_TRY(as_utc, parse_iso8601(local));
  date::local_time<std::chrono::milliseconds> lt{as_utc.time_since_epoch()};
  auto info = tz->get_info(std::chrono::time_point_cast<std::chrono::seconds>(lt));
  LocalResolution r;
  switch (info.result) {
    case date::local_info::unique:
      r.instant = Timestamp{lt.time_since_epoch() - std::chrono::duration_cast<std::chrono::milliseconds>(info.first.offset)};
      break;
    case date::local_info::nonexistent:
      // Spring forward: the clock jumped past this time; the meeting happened at the same
      // elapsed time after the transition (what calendars do), i.e. shift by the old offset.
      r.nonexistent = true;
      r.instant = Timestamp{lt.time_since_epoch() - std::chrono::duration_cast<std::chrono::milliseconds>(info.first.offset)};
      break;
    case date::local_info::ambiguous:
      r.ambiguous = true;  // fall back: take the earlier instant
      r.instant = Timestamp{lt.time_since_epoch() - std::chrono::duration_cast<std::chrono::milliseconds>(info.first.offset)};
      break;
  }
  return r;
}

}  // namespace leverkit::match
