// leverkit/integration/employees.hpp — employee sync: Lever users, their access roles, and what
// changed since the last run.
//
// What: `sync_employees` lists every Lever user (deactivated ones too: Lever hides them unless
// asked, lever-api.md §6.6), stores them in the SyncStore, and reports the changes since the
// previous run of the same feed: `added`, `role_changed` (accessRole moved, e.g. "interviewer" →
// "team member"), `deactivated`, `reactivated`. `employee_changes` computes the same diff from
// the store alone (after run_sync has synced users). The feed's last view lives in the store
// (namespace "employees.<feed>"), so each change is reported once, across restarts. The first run
// of a feed reports every user as `added`.
// Errors: the client's errors (the store is not touched then); the store's; decode_error naming
// a stored user that no longer decodes.
// Thread-safety: one run per feed at a time.
// Example:
//   LEVERKIT_TRY(r, leverkit::integration::sync_employees(client, *store));
//   for (auto& c : r.changes) fmt::print("{} {} {}\n", to_string(c.kind), c.user.email, c.user.access_role);
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "leverkit/client/client.hpp"
#include "leverkit/integration/sync_store.hpp"
#include "leverkit/models/user.hpp"

namespace leverkit::inline v0::integration {

enum class EmployeeChangeKind { added, role_changed, deactivated, reactivated };
std::string_view to_string(EmployeeChangeKind k) noexcept;

struct EmployeeChange {
  EmployeeChangeKind kind = EmployeeChangeKind::added;
  User user;                                  // as Lever has it now
  std::optional<std::string> previous_role;   // role_changed
};

struct EmployeeSyncOptions {
  std::string feed = "default";
  int page_size = 100;
};

struct EmployeeSyncReport {
  std::vector<User> users;               // every user, active and deactivated, by id
  std::vector<EmployeeChange> changes;   // since the previous run of this feed
};

/// Lists users from Lever, stores them, diffs against the feed's last view and saves the new one.
Result<EmployeeSyncReport> sync_employees(const Client& client, SyncStore& store, const EmployeeSyncOptions& options = {});

/// The same diff from the users already in the store.
Result<EmployeeSyncReport> employee_changes(SyncStore& store, const EmployeeSyncOptions& options = {});

}  // namespace leverkit::integration
