// /v1/users: list (filters), get, create, update (full replace), deactivate and reactivate.
#include <algorithm>

#include <fmt/format.h>

#include "api_impl.hpp"
#include "resources/request_args.hpp"

namespace leverkit::sandbox::detail {

namespace {
constexpr std::string_view kAccessRoles[] = {"super admin", "admin", "team member", "limited team member", "interviewer"};
std::string access_role(const Value& b) {
  auto r = opt_string(b, "accessRole");
  if (!r) return "interviewer";
  if (std::find(std::begin(kAccessRoles), std::end(kAccessRoles), *r) == std::end(kAccessRoles))
    throw ApiFailure{400, "InvalidParameter",
                     "accessRole must be super admin, admin, team member, limited team member or interviewer"};
  return *r;
}
}  // namespace

ApiResponse Api::Impl::list_users(Ctx& ctx) {
  bool include_deactivated = ctx.flag("includeDeactivated");
  auto emails = ctx.params("email");
  auto roles = ctx.params("accessRole");
  auto external = ctx.params("external_directory_id");
  std::vector<std::string> lowered;
  for (auto e : emails) lowered.push_back(lower(e));
  return list(ctx, store.users, std::views::iota(std::size_t{0}, store.users.size()),
              [&](const Record& r) {
                const Value& u = r.value;
                if (!include_deactivated && !u.find("deactivatedAt")->is_null()) return false;
                if (!lowered.empty() && std::find(lowered.begin(), lowered.end(), lower(u.str("email"))) == lowered.end())
                  return false;
                if (!roles.empty() && !contains(roles, u.str("accessRole"))) return false;
                if (!external.empty() && !contains(external, u.str("externalDirectoryId"))) return false;
                return true;
              },
              {});
}

ApiResponse Api::Impl::get_user(Ctx& ctx) {
  const Record* r = store.users.get(ctx.args.at(0));
  if (!r) not_found("users", ctx.args.at(0));
  return single(ctx, r->value, {});
}

ApiResponse Api::Impl::create_user(Ctx& ctx) {
  Value b = body_object(ctx);
  const std::string& name = need_string(b, "name");
  const std::string& email = need_string(b, "email");
  if (email.find('@') == std::string::npos) bad("email must be an e-mail address");
  for (std::size_t i = 0; i < store.users.size(); ++i)
    if (!store.users.at(i).deleted && lower(store.users.at(i).value.str("email")) == lower(email))
      bad(fmt::format("a user with email {} already exists", email));
  std::string role = access_role(b);
  auto manager = opt_string(b, "managerId");
  if (manager && !store.users.get(*manager)) bad(fmt::format("managerId {} was not found", *manager));
  Value u = Value::object();
  u.set("id", write_rng.uuid());
  u.set("name", name);
  u.set("username", email.substr(0, email.find('@')));
  u.set("email", email);
  u.set("accessRole", role);
  u.set("photo", Value());
  u.set("createdAt", write_clock());
  u.set("deactivatedAt", Value());
  auto ext = opt_string(b, "externalDirectoryId");
  u.set("externalDirectoryId", ext ? Value(*ext) : Value());
  u.set("linkedContactIds", Value());
  auto title = opt_string(b, "jobTitle");
  u.set("jobTitle", title ? Value(*title) : Value());
  u.set("managerId", manager ? Value(*manager) : Value());
  Record& r = store.users.add(std::move(u));
  r.api_created = true;
  return single(ctx, r.value, {}, 201);
}

ApiResponse Api::Impl::update_user(Ctx& ctx) {
  Record* r = store.users.get(ctx.args.at(0));
  if (!r) not_found("users", ctx.args.at(0));
  Value b = body_object(ctx);
  // Full replace: name, email and accessRole are required; omitted optional fields reset.
  const std::string& name = need_string(b, "name");
  const std::string& email = need_string(b, "email");
  need_string(b, "accessRole");
  std::string role = access_role(b);
  auto manager = opt_string(b, "managerId");
  if (manager && !store.users.get(*manager)) bad(fmt::format("managerId {} was not found", *manager));
  r->value.set("name", name);
  r->value.set("username", email.substr(0, email.find('@')));
  r->value.set("email", email);
  r->value.set("accessRole", role);
  auto ext = opt_string(b, "externalDirectoryId");
  r->value.set("externalDirectoryId", ext ? Value(*ext) : Value());
  auto title = opt_string(b, "jobTitle");
  r->value.set("jobTitle", title ? Value(*title) : Value());
  r->value.set("managerId", manager ? Value(*manager) : Value());
  write_clock();
  return single(ctx, r->value, {});
}

ApiResponse Api::Impl::deactivate_user(Ctx& ctx) {
  Record* r = store.users.get(ctx.args.at(0));
  if (!r) not_found("users", ctx.args.at(0));
  if (!r->value.find("deactivatedAt")->is_null()) bad("user is already deactivated");
  r->value.set("deactivatedAt", write_clock());
  return single(ctx, r->value, {});
}

ApiResponse Api::Impl::reactivate_user(Ctx& ctx) {
  Record* r = store.users.get(ctx.args.at(0));
  if (!r) not_found("users", ctx.args.at(0));
  if (r->value.find("deactivatedAt")->is_null()) bad("user is not deactivated");
  r->value.set("deactivatedAt", Value());
  write_clock();
  return single(ctx, r->value, {});
}

}  // namespace leverkit::sandbox::detail
