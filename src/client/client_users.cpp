// Users (lever-api.md §6.6).
#include "client_state.hpp"

namespace leverkit::inline v0 {

Paginator<User> Client::list_users(const ListUsersRequest& r, const CallOptions& options) const {
  if (auto ok = detail::check_limit(r.limit); !ok) return Paginator<User>(std::move(ok).error());
  detail::Query q;
  q.add("include", r.include);
  if (r.include_deactivated) q.add("includeDeactivated", std::optional<bool>(true));
  q.add("accessRole", r.access_role);
  q.add("email", r.email);
  q.add("external_directory_id", r.external_directory_id);
  q.add("limit", r.limit);
  return detail::make_paginator<User>(state_, "/users", std::move(q), r.offset, options);
}

Result<User> Client::get_user(const GetUserRequest& r, const CallOptions& options) const {
  LEVERKIT_TRY(path, detail::id_path("/users", r.user_id, "GetUserRequest::user_id"));
  return detail::call_one<User>(*state_, HttpMethod::get, path, {}, options);
}

}  // namespace leverkit
