// leverkit/models/participant.hpp — a person on a recorded call: one type for matching and autofill.
//
// What: `Participant` (name, email, role, calendar response, phone). Matching reads the email and
// role to find the candidate and the interviewers (match::Call::participants); autofill reads the
// name and role to tell whose words are the candidate's answers (autofill::CallContext). Both
// layers take this same type, so a call's participants go from one to the other unchanged.
// `role` is what the recorder or calendar knows; `unknown` lets matching classify by email and
// domain, and makes autofill fall back to speaker labels.
// Errors: none (a plain aggregate). Thread-safety: value type.
// Example:
//   leverkit::Participant p{.name = "Dana Reyes", .email = "dana@example.com",
//                           .role = leverkit::ParticipantRole::candidate};
#pragma once

#include <string>

namespace leverkit::inline v0 {

/// Role when the recorder knows it. For autofill, `candidate` is the candidate and
/// `interviewer`/`internal` are the company's side; the rest leave the speaker to its label.
enum class ParticipantRole { unknown, candidate, interviewer, internal, external, resource };

/// The participant's answer to the calendar invitation.
enum class ResponseStatus { unknown, accepted, tentative, declined, needs_action };

struct Participant {
  std::string name;
  std::string email;
  ParticipantRole role = ParticipantRole::unknown;
  ResponseStatus response = ResponseStatus::unknown;
  std::string phone;
  friend bool operator==(const Participant&, const Participant&) = default;
};

}  // namespace leverkit
