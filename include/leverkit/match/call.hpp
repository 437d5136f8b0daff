// leverkit/match/call.hpp — a recorded call, as a notetaker or calendar sees it.
//
// What: `Call` (title, meeting type, start/end instants, optional IANA zone, organizer,
// participants, conference URL, location, description, dial-in phone, capture source) — the
// left side of matching. Plain aggregate; fill what you know, leave the rest empty.
// Errors: none here (see call_json.hpp for reading calls from JSON lines).
// Thread-safety: value type.
// Example:
//   leverkit::match::Call c{.id = "rec-1", .title = "Interview: Jane Doe",
//                           .meeting_type = leverkit::match::MeetingType::job_interview};
//   c.participants.push_back({.name = "Jane Doe", .email = "jane.doe@gmail.com"});
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "leverkit/models/participant.hpp"
#include "leverkit/models/time.hpp"

namespace leverkit::inline v0::match {

enum class MeetingType { unknown, job_interview, debrief, internal, other };

/// How the recording came to exist; uploads and ongoing-call invites usually lack identity.
enum class CallSource { unknown, ats, calendar, ongoing_invite, upload };

// One participant type for matching and autofill (models/participant.hpp, ADR 0095); the role
// `unknown` lets the matcher classify by email/domain.
using leverkit::Participant;
using leverkit::ParticipantRole;
using leverkit::ResponseStatus;

struct Call {
  std::string id;
  std::string title;
  MeetingType meeting_type = MeetingType::unknown;
  Timestamp start{};
  Timestamp end{};
  std::optional<std::string> timezone;        // IANA zone the call was scheduled in, if known
  std::optional<Participant> organizer;
  std::vector<Participant> participants;
  std::string conference_url;
  std::string location;
  std::string description;
  std::string phone;                          // dial-in or phone number the call used
  CallSource source = CallSource::unknown;
  bool local_time_adjusted = false;           // start fell in a DST gap/overlap and was resolved
};

std::string_view to_string(MeetingType t) noexcept;
std::string_view to_string(CallSource s) noexcept;
std::string_view to_string(ParticipantRole r) noexcept;
std::optional<MeetingType> parse_meeting_type(std::string_view s) noexcept;
std::optional<CallSource> parse_call_source(std::string_view s) noexcept;
std::optional<ParticipantRole> parse_participant_role(std::string_view s) noexcept;
std::optional<ResponseStatus> parse_response_status(std::string_view s) noexcept;

}  // namespace leverkit::match
