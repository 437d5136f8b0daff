// leverkit/models/interview.hpp — a scheduled interview on an opportunity.
//
// What: `Interview` (date = start instant, duration in minutes, IANA timezone, interviewers,
// location text that may hold a video link or a phone number, panel id, cancellation) and its
// decoders. Real list/get responses include `opportunityId`; panels embed a reduced shape.
// Errors: decoders return decode_error naming the JSON path.
// Thread-safety: value types; decoders are reentrant.
// Example:
//   LEVERKIT_TRY(i, leverkit::decode_interview(body));
//   auto end = i.date + std::chrono::minutes(i.duration);
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "leverkit/models/common.hpp"
#include "leverkit/models/error.hpp"
#include "leverkit/models/posting.hpp"
#include "leverkit/models/stage.hpp"
#include "leverkit/models/time.hpp"
#include "leverkit/models/user.hpp"

namespace leverkit::inline v0 {

struct Interviewer {
  std::string id;
  std::string name;
  std::string email;
  std::optional<std::string> feedback_template;  // template id, or "no-feedback"
  std::optional<std::string> response_status;    // "needsAction", "accepted", "declined", ...
  friend bool operator==(const Interviewer&, const Interviewer&) = default;
};

struct Interview {
  std::string id;
  std::optional<std::string> panel;
  std::string subject;
  std::string note;
  std::vector<Interviewer> interviewers;
  std::optional<std::string> timezone;     // IANA name
  std::optional<Timestamp> created_at;
  Timestamp date{};                        // start
  int duration = 0;                        // minutes
  std::optional<std::string> location;     // free text: room, video link, phone, dial-in
  std::optional<std::string> feedback_template;
  std::vector<std::string> feedback_forms;
  std::optional<std::string> feedback_reminder;  // once | daily | frequently | none
  std::optional<Expandable<User>> user;    // creator
  std::optional<Expandable<Stage>> stage;  // stage when scheduled
  std::optional<Timestamp> canceled_at;
  std::vector<Expandable<Posting>> postings;
  std::optional<std::string> gcal_event_url;
  std::optional<std::string> opportunity_id;

  [[nodiscard]] Timestamp end() const noexcept { return date + std::chrono::minutes(duration); }
  [[nodiscard]] bool canceled() const noexcept { return canceled_at.has_value(); }
  friend bool operator==(const Interview&, const Interview&) = default;
};

Result<Interview> decode_interview(std::string_view json);
Result<Page<Interview>> decode_interview_page(std::string_view json);

}  // namespace leverkit
