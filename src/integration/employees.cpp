// Employee sync (employees.hpp; ADR 0063).
#include "leverkit/integration/employees.hpp"

#include <algorithm>
#include <map>
#include <utility>

#include <fmt/format.h>

#include "raw_json.hpp"

namespace leverkit::inline v0::integration {

std::string_view to_string(EmployeeChangeKind k) noexcept {
  switch (k) {
    case EmployeeChangeKind::added: return "added";
    case EmployeeChangeKind::role_changed: return "role_changed";
    case EmployeeChangeKind::deactivated: return "deactivated";
    case EmployeeChangeKind::reactivated: return "reactivated";
  }
  return "unknown";
}

Result<EmployeeSyncReport> sync_employees(const Client& client, SyncStore& store, const EmployeeSyncOptions& options) {
  // Fetch everything first: a failure half-way leaves the store and the feed untouched.
  std::vector<StoredObject> users;
  std::optional<std::string> token;
  const std::string base = fmt::format("/users?includeDeactivated=true&limit={}", std::clamp(options.page_size, 1, 100));
  while (true) {
    std::string path = base;
    if (token) path += "&offset=" + url_encode(*token);
    LEVERKIT_TRY(resp, client.request(HttpMethod::get, path));
    LEVERKIT_TRY(page, detail::split_page(resp.body));
    for (std::size_t i = 0; i < page.items.size(); ++i) {
      auto u = decode_user(page.items[i]);
      if (!u) {
        Error e = std::move(u).error();
        e.message = fmt::format("users data[{}]: {}", i, e.message);
        return e;
      }
      users.push_back({.kind = ObjectKind::user, .id = u.value().id, .parent_id = {}, .json = std::move(page.items[i])});
    }
    if (!page.more()) break;
    if (token && *page.next == *token) return Error(Errc::decode_error, "users: Lever returned the same page token twice");
    token = page.next;
  }
  StoreBatch b;
  b.upserts = std::move(users);
  LEVERKIT_TRYV(store.apply(b));
  return employee_changes(store, options);
}

Result<EmployeeSyncReport> employee_changes(SyncStore& store, const EmployeeSyncOptions& options) {
  const std::string ns = "employees." + options.feed;
  LEVERKIT_TRY(saved, store.list_values(ns));
  std::map<std::string, std::string, std::less<>> prev;  // id → "<a|d>\x1f<role>"
  for (auto& v : saved) prev.emplace(std::move(v.key), std::move(v.value));
  LEVERKIT_TRY(objs, store.list_objects(ObjectKind::user));
  EmployeeSyncReport out;
  StoreBatch b;
  for (const auto& o : objs) {
    if (o.deleted) continue;
    auto u = decode_user(o.json);
    if (!u) {
      Error e = std::move(u).error();
      e.message = fmt::format("stored user {}: {}", o.id, e.message);
      return e;
    }
    const User& user = u.value();
    std::string view = fmt::format("{}\x1f{}", user.active() ? 'a' : 'd', user.access_role);
    auto it = prev.find(user.id);
    if (it == prev.end()) {
      out.changes.push_back({EmployeeChangeKind::added, user, std::nullopt});
    } else if (it->second != view) {
      bool was_active = it->second.starts_with('a');
      std::string old_role = it->second.size() > 2 ? it->second.substr(2) : std::string();
      if (was_active && !user.active()) out.changes.push_back({EmployeeChangeKind::deactivated, user, std::nullopt});
      if (!was_active && user.active()) out.changes.push_back({EmployeeChangeKind::reactivated, user, std::nullopt});
      if (old_role != user.access_role) out.changes.push_back({EmployeeChangeKind::role_changed, user, old_role});
    }
    if (it == prev.end() || it->second != view) b.values.push_back({ns, user.id, view});
    out.users.push_back(user);
  }
  if (!b.empty()) LEVERKIT_TRYV(store.apply(b));
  return out;
}

}  // namespace leverkit::integration
