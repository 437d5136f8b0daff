#include "detail/decoders.hpp"

namespace leverkit::inline v0 {
namespace detail {

Result<User> decode_value(od::value v, const JsonPath& p, Tag<User>) {
  User u;
  bool has_id = false;
  LEVERKIT_TRYV(for_each_field(v, p, "a user object", [&](std::string_view k, od::value f, const JsonPath& fp) -> Result<void> {
    if (k == "id") {
      has_id = true;
      return assign(u.id, read_string(f, fp));
    }
    if (k == "name") return assign(u.name, read_string_or_empty(f, fp));
    if (k == "username") return assign(u.username, read_string_or_empty(f, fp));
    if (k == "email") return assign(u.email, read_string_or_empty(f, fp));
    if (k == "createdAt") return assign(u.created_at, read_opt_timestamp(f, fp));
    if (k == "deactivatedAt") return assign(u.deactivated_at, read_opt_timestamp(f, fp));
    if (k == "accessRole") return assign(u.access_role, read_string_or_empty(f, fp));
    if (k == "photo") return assign(u.photo, read_opt_string(f, fp));
    if (k == "externalDirectoryId") return assign(u.external_directory_id, read_opt_string(f, fp));
    if (k == "linkedContactIds") return assign(u.linked_contact_ids, read_string_array(f, fp));
    if (k == "jobTitle") return assign(u.job_title, read_opt_string(f, fp));
    if (k == "managerId") return assign(u.manager_id, read_opt_string(f, fp));
    return skip(f, fp);
  }));
  LEVERKIT_TRYV(require(has_id, p, "id"));
  return u;
}

}  // namespace detail

Result<User> decode_user(std::string_view json) { return detail::decode_one<User>({json, 0}); }
Result<Page<User>> decode_user_page(std::string_view json) { return detail::decode_page<User>({json, 0}); }

}  // namespace leverkit
