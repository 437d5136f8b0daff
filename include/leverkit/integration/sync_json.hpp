// leverkit/integration/sync_json.hpp — JSON for the sync, schedule and employee results.
//
// What: one compact JSON object per value, for CLIs (`leverkit sync|schedule|users --json`),
// logs and hosts in other languages. Timestamps are epoch ms plus an ISO 8601 twin ("start" and
// "startIso"); optional values that are unset are omitted. No secrets are ever part of these values.
// Errors: none. Thread-safety: pure functions.
// Example:
//   fmt::print("{}\n", leverkit::integration::to_json(report));
#pragma once

#include <string>

#include "leverkit/integration/employees.hpp"
#include "leverkit/integration/schedule.hpp"
#include "leverkit/integration/sync.hpp"

namespace leverkit::inline v0::integration {

std::string to_json(const SyncReport& report);
std::string to_json(const SyncProgress& progress);
std::string to_json(const InterviewFanOutReport& report);
std::string to_json(const ScheduledInterview& interview);
std::string to_json(const ScheduleChange& change);
std::string to_json(const EmployeeChange& change);
/// A user as an employee: id, name, email, accessRole, active, jobTitle, managerId, deactivatedAt.
std::string to_json(const User& user);

}  // namespace leverkit::integration
