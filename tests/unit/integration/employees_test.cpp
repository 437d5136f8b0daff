// Employee sync against the sandbox: users with access roles, and the diff since the last run.
#include <algorithm>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "leverkit/integration/employees.hpp"
#include "sync_env.hpp"

using namespace leverkit::integration;
using leverkit::Errc;

namespace {
std::vector<std::string> kinds(const EmployeeSyncReport& r) {
  std::vector<std::string> out;
  for (const auto& c : r.changes) out.push_back(fmt::format("{}:{}", to_string(c.kind), c.user.id));
  std::sort(out.begin(), out.end());
  return out;
}
}  // namespace

TEST_CASE("employee sync: every user with its role, then added, role_changed, deactivated, reactivated once each") {
  sync_test::SyncEnv env;
  auto client = env.client();
  auto store = make_memory_store();
  auto first = sync_employees(client, *store);
  REQUIRE_MESSAGE(first.has_value(), (first ? "" : first.error().to_string()));
  const auto& users = first.value().users;
  REQUIRE(users.size() >= 10);
  CHECK(first.value().changes.size() == users.size());  // a new feed: everyone is added
  CHECK(std::all_of(first.value().changes.begin(), first.value().changes.end(),
                    [](const EmployeeChange& c) { return c.kind == EmployeeChangeKind::added; }));
  CHECK(std::any_of(users.begin(), users.end(), [](const leverkit::User& u) { return !u.active(); }));
  for (const auto& u : users) CHECK_FALSE(u.access_role.empty());
  CHECK(sync_employees(client, *store).value().changes.empty());

  auto active = std::find_if(users.begin(), users.end(), [](auto& u) { return u.active() && u.access_role == "interviewer"; });
  auto other = std::find_if(users.begin(), users.end(), [&](auto& u) { return u.active() && u.id != active->id; });
  auto inactive = std::find_if(users.begin(), users.end(), [](auto& u) { return !u.active(); });
  REQUIRE(active != users.end());
  REQUIRE(other != users.end());
  REQUIRE(inactive != users.end());
  using leverkit::HttpMethod;
  REQUIRE(client.request(HttpMethod::post, "/users/" + other->id + "/deactivate").has_value());
  REQUIRE(client.request(HttpMethod::post, "/users/" + inactive->id + "/reactivate").has_value());
  REQUIRE(client.request(HttpMethod::put, "/users/" + active->id,
                         fmt::format(R"({{"name":"{}","email":"{}","accessRole":"team member"}})", active->name, active->email))
              .has_value());
  auto second = sync_employees(client, *store).value();
  std::vector<std::string> want{"deactivated:" + other->id, "reactivated:" + inactive->id, "role_changed:" + active->id};
  std::sort(want.begin(), want.end());
  CHECK(kinds(second) == want);
  for (const auto& c : second.changes)
    if (c.kind == EmployeeChangeKind::role_changed) {
      CHECK(c.previous_role == std::optional<std::string>("interviewer"));
      CHECK(c.user.access_role == "team member");
    }
  CHECK(sync_employees(client, *store).value().changes.empty());
  // The same diff from the store alone (another feed, e.g. after run_sync synced users).
  auto from_store = employee_changes(*store, {.feed = "audit"}).value();
  CHECK(from_store.changes.size() == from_store.users.size());
}

TEST_CASE("employee sync: a failed listing leaves the store and the feed untouched") {
  sync_test::SyncEnv env;
  auto store = make_memory_store();
  auto bad = sync_employees(env.client("not-a-key"), *store);
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.error().code == Errc::unauthorized);
  CHECK(store->count_objects(ObjectKind::user).value() == 0);
  CHECK(store->list_values("employees.default").value().empty());
}
