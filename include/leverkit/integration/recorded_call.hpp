// leverkit/integration/recorded_call.hpp — a recorded call as a notetaker hands it over.
//
// What: `RecordedCall` = the call (match's `Call`: time, participants, link…) + its transcript
// (any format autofill's `parse_transcript` reads) + the AI notes (markdown; a first line
// "TL;DR: …" is used as the note's TL;DR) + a link back to the recording.
// `parse_recorded_calls` reads `{"data":[item…]}` or JSON lines of items, each item either
// `{"call":{…}, "transcript", "notes", "recording_url"}` or a bare call object (match's call JSON,
// docs/matching.md). `fetch_sandbox_calls` asks a leverkit-sandbox for synthetic calls of its
// seeded interviews (`GET /__sandbox/calls?count=N&seed=S`, docs/sandbox.md).
// Errors: decode_error naming the item and field; the transport's errors; unexpected_status
// when the sandbox answers non-2xx (e.g. 404 when its admin API is off).
// Thread-safety: value types and reentrant functions.
// Example:
//   LEVERKIT_TRY(calls, leverkit::integration::fetch_sandbox_calls("http://127.0.0.1:8080", 12));
//   for (const auto& c : calls) fmt::print("{} {}\n", c.call.id, c.call.title);
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "leverkit/match/call.hpp"
#include "leverkit/models/error.hpp"

namespace leverkit::inline v0::integration {

struct RecordedCall {
  match::Call call;
  std::string transcript;
  std::string notes;
  std::string recording_url;
  /// The sandbox's gold label ("clean", "personal_email", "not_in_ats"; "" elsewhere).
  std::string expected_kind;
  std::string expected_interview_id;
  std::string expected_opportunity_id;
  std::string expected_template_id;
};

Result<std::vector<RecordedCall>> parse_recorded_calls(std::string_view json);

/// `sandbox_base_url` without "/v1" ("http://127.0.0.1:8080"); loopback only, like the client.
Result<std::vector<RecordedCall>> fetch_sandbox_calls(std::string_view sandbox_base_url, int count, int seed = 1);

}  // namespace leverkit::integration
