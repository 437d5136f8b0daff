// `leverkit users` — employee sync: Lever users with their access roles, and who was added,
// changed role, was deactivated or reactivated since this feed's last run.
#include <fmt/format.h>

#include <iostream>
#include <stdexcept>

#include "commands.hpp"
#include "leverkit/fmt.hpp"
#include "leverkit/integration/employees.hpp"
#include "leverkit/integration/sync_json.hpp"
#include "lever_connection.hpp"

namespace leverkit::inline v0::cli {
namespace {

struct UsersArgs {
  ConnectionArgs conn;
  std::string feed = "default";
  bool offline = false, changes_only = false;
};

int run(const UsersArgs& a) {
  auto store = open_store(a.conn);
  integration::EmployeeSyncOptions o{.feed = a.feed};
  auto r = a.offline ? integration::employee_changes(*store, o)
                     : integration::sync_employees(connect(a.conn), *store, o);
  if (!r) throw std::runtime_error(fmt::format("users: {}", r.error().to_string()));
  const auto& rep = r.value();
  if (a.conn.json) {
    std::string out = "{\"users\":[";
    if (!a.changes_only)
      for (std::size_t i = 0; i < rep.users.size(); ++i) out += (i ? "," : "") + integration::to_json(rep.users[i]);
    out += "],\"changes\":[";
    for (std::size_t i = 0; i < rep.changes.size(); ++i) out += (i ? "," : "") + integration::to_json(rep.changes[i]);
    std::cout << out << "]}\n";
    return 0;
  }
  if (!a.changes_only) {
    std::cout << fmt::format("{} user(s)\n", rep.users.size());
    for (const auto& u : rep.users)
      std::cout << fmt::format("  {:<28} {:<34} {:<20} {}\n", u.name, u.email, u.access_role, u.active() ? "active" : "deactivated");
  }
  std::cout << fmt::format("{} change(s) since the last run of feed \"{}\"\n", rep.changes.size(), a.feed);
  for (const auto& c : rep.changes) {
    std::string extra = c.previous_role ? fmt::format(" ({} -> {})", *c.previous_role, c.user.access_role) : std::string();
    std::cout << fmt::format("  {:<13} {} <{}>{}\n", to_string(c.kind), c.user.name, c.user.email, extra);
  }
  return 0;
}

CommandRegistrar registrar{[](CLI::App& app) {
  auto args = std::make_shared<UsersArgs>();
  auto* sub = app.add_subcommand("users", "Employee sync: Lever users with access roles and the changes since the last run");
  add_connection_options(sub, args->conn);
  sub->add_option("--feed", args->feed, "Name of this consumer's change feed (default \"default\")");
  sub->add_flag("--offline", args->offline, "Diff the users already in --store (no Lever call)");
  sub->add_flag("--changes-only", args->changes_only, "Print only the changes");
  sub->callback([args] {
    int rc = run(*args);
    if (rc != 0) throw CLI::RuntimeError(rc);
  });
}};

}  // namespace
}  // namespace leverkit::cli
