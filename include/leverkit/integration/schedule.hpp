// leverkit/integration/schedule.hpp — the recording schedule: which Lever interviews to record.
//
// What: `upcoming_interviews` reads the SyncStore and lists the interviews starting in a window
// that a notetaker can join — a video link or a phone number / dial-in in the interview's
// location (or note/subject), found by `match::extract_conference` — with the interviewers
// (enriched with their Lever user), the candidate and the enrichment a recording needs
// (candidate name, job title, stage, location, profile URL). Canceled interviews, and interviews
// of deleted opportunities, are left out.
// `poll_schedule` adds the changes since the previous poll of the same feed: `created`,
// `rescheduled` (start or duration moved), `updated` (join link, phone or interviewers changed),
// `canceled` (canceled, deleted, lost its link, or its opportunity was deleted). The feed's last
// view is saved in the store (namespace "schedule.<feed>"), so changes are reported once, across
// restarts, whichever path brought them into the store (run_sync polling or webhooks); each
// change says which (`source`).
// Errors: the store's errors; decode_error naming a stored object that no longer decodes.
// Thread-safety: one poll per feed name at a time; different feeds are independent.
// Example:
//   auto now = leverkit::Timestamp(std::chrono::floor<std::chrono::milliseconds>(std::chrono::system_clock::now()));
//   LEVERKIT_TRY(feed, leverkit::integration::poll_schedule(*store, {.from = now, .to = now + std::chrono::hours(48)}));
//   for (auto& c : feed.changes) fmt::print("{} {}\n", to_string(c.kind), c.interview.interview.id);
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "leverkit/integration/sync_store.hpp"
#include "leverkit/match/conference.hpp"
#include "leverkit/match/result.hpp"
#include "leverkit/models/interview.hpp"
#include "leverkit/models/user.hpp"

namespace leverkit::inline v0::integration {

struct ScheduleOptions {
  Timestamp from{};  // interviews starting at or after
  Timestamp to{};    // and before
  /// Only interviews with a video link or a phone number (a notetaker cannot join the others).
  bool require_conference = true;
  /// Feed name: separate consumers keep separate "since last run" state.
  std::string feed = "default";
};

struct ScheduledInterviewer {
  Interviewer interviewer;       // as on the interview
  std::optional<User> user;      // the Lever user, when synced
};

struct ScheduledInterview {
  Interview interview;           // opportunity_id filled
  match::InterviewConference conference;
  std::vector<ScheduledInterviewer> interviewers;
  std::vector<std::string> candidate_emails;
  match::Enrichment enrichment;  // candidate name, job title, stage, location, profile URL, ids
};

enum class ScheduleChangeKind { created, rescheduled, updated, canceled };
std::string_view to_string(ScheduleChangeKind k) noexcept;

struct ScheduleChange {
  ScheduleChangeKind kind = ScheduleChangeKind::created;
  ScheduledInterview interview;            // for canceled: the last known version
  std::optional<Timestamp> previous_start;  // rescheduled
  std::optional<int> previous_duration;
  ObjectSource source = ObjectSource::poll;  // which path brought the change into the store
};

struct ScheduleFeed {
  std::vector<ScheduledInterview> upcoming;  // by start time
  std::vector<ScheduleChange> changes;       // since the previous poll of this feed
};

/// The window's recordable interviews (no state is read or written).
Result<std::vector<ScheduledInterview>> upcoming_interviews(const SyncStore& store, const ScheduleOptions& options);

/// upcoming_interviews + the changes since the last poll of `options.feed`; saves the new view.
Result<ScheduleFeed> poll_schedule(SyncStore& store, const ScheduleOptions& options);

}  // namespace leverkit::integration
