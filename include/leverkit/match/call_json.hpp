// leverkit/match/call_json.hpp — read a call from one JSON line (the CLI's input format).
//
// What: `parse_call_json` reads `{id, title, meeting_type, start, end, timezone, organizer,
// participants[{name,email,role,response,phone}], conference_url, location, description, phone,
// source}` (docs/matching.md). `start`/`end` are ISO-8601 (with offset, or local time resolved
// in `timezone` with the DST policy of zones.hpp) or epoch milliseconds.
// Errors: decode_error naming the field ("start: expected ISO-8601 or epoch ms"); unknown keys
// are ignored. Thread-safety: reentrant.
// Example:
//   LEVERKIT_TRY(call, leverkit::match::parse_call_json(R"({"id":"c1","start":"2026-05-01T14:00:00Z"})"));
#pragma once

#include <string_view>

#include "leverkit/match/call.hpp"
#include "leverkit/models/error.hpp"

namespace leverkit::inline v0::match {

Result<Call> parse_call_json(std::string_view line);

}  // namespace leverkit::match
