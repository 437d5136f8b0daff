// leverkit/models/time.hpp — Lever's timestamps.
//
// What: `Timestamp`, milliseconds since the Unix epoch in UTC, the unit Lever uses everywhere
// (`createdAt`, interview `date`, query filters such as `created_at_start`).
// Errors: `parse_iso8601` returns invalid_argument naming the text it could not read.
// Thread-safety: pure functions.
// Example:
//   leverkit::Timestamp t = leverkit::from_unix_ms(1783260000000);
//   std::string s = leverkit::to_iso8601(t);   // "2026-07-05T14:00:00.000Z"
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "leverkit/models/error.hpp"

namespace leverkit::inline v0 {

using Timestamp = std::chrono::sys_time<std::chrono::milliseconds>;

constexpr Timestamp from_unix_ms(std::int64_t ms) noexcept { return Timestamp{std::chrono::milliseconds{ms}}; }
constexpr std::int64_t to_unix_ms(Timestamp t) noexcept { return t.time_since_epoch().count(); }

/// "2026-07-05T14:00:00.000Z".
std::string to_iso8601(Timestamp t);
/// Accepts "YYYY-MM-DDTHH:MM[:SS[.fff]]" followed by "Z" or "+HH:MM"/"-HH:MM" (also a space
/// instead of "T"), or a bare date "YYYY-MM-DD" (midnight UTC). A value with no offset is UTC.
Result<Timestamp> parse_iso8601(std::string_view text);

}  // namespace leverkit
