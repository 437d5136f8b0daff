// leverkit/match/zones.hpp — instants and IANA time zones (Hinnant date-tz on the OS tz database).
//
// What: resolve a local wall-clock time in a zone to a UTC instant with an explicit DST policy
// (a time in the spring-forward gap moves forward by the gap, a repeated fall-back time takes the earlier
// instant; both are reported), zone offsets at an instant, zone-name validation, and Windows
// zone names ("Pacific Standard Time") mapped to IANA via ICU/CLDR.
// Errors: invalid_argument naming the zone or the text.
// Thread-safety: thread-safe (the tz database is loaded once, read-only afterwards).
// Example:
//   LEVERKIT_TRY(r, leverkit::match::resolve_local_time("2026-03-08T02:30:00", "America/New_York"));
//   r.nonexistent;   // true: 02:30 does not exist that night; r.instant is 03:30 EDT
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "leverkit/models/error.hpp"
#include "leverkit/models/time.hpp"

namespace leverkit::inline v0::match {

struct LocalResolution {
  Timestamp instant{};
  bool nonexistent = false;  // fell in a DST gap
  bool ambiguous = false;    // fell in a repeated hour
};

/// `local` is "YYYY-MM-DDTHH:MM[:SS[.fff]]" without offset; `zone` an IANA or Windows name.
Result<LocalResolution> resolve_local_time(std::string_view local, std::string_view zone);

/// Canonical IANA name for an IANA or Windows zone name.
Result<std::string> canonical_zone(std::string_view zone);

/// UTC offset of `zone` at instant `t` (DST included).
Result<std::chrono::minutes> zone_offset(std::string_view zone, Timestamp t);

}  // namespace leverkit::match
