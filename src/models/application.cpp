#include "detail/decoders.hpp"

namespace leverkit::inline v0 {
namespace detail {

Result<std::optional<ArchivedState>> read_archived(od::value v, const JsonPath& p) {
  if (is_null(v)) return std::optional<ArchivedState>{};
  ArchivedState a;
  LEVERKIT_TRYV(for_each_field(v, p, "an archived object", [&](std::string_view k, od::value f, const JsonPath& fp) -> Result<void> {
    if (k == "reason") return assign(a.reason, read_opt_string(f, fp));
    if (k == "archivedAt") return assign(a.archived_at, read_opt_timestamp(f, fp));
    return skip(f, fp);
  }));
  return std::optional<ArchivedState>{std::move(a)};
}

namespace {
Result<std::optional<Phone>> read_opt_phone(od::value v, const JsonPath& p) {
  if (is_null(v)) return std::optional<Phone>{};
  LEVERKIT_TRY(ph, read_phone(v, p));
  return std::optional<Phone>{std::move(ph)};
}
}  // namespace

Result<Application> decode_value(od::value v, const JsonPath& p, Tag<Application>) {
  Application a;
  bool has_id = false;
  LEVERKIT_TRYV(for_each_field(v, p, "an application object", [&](std::string_view k, od::value f, const JsonPath& fp) -> Result<void> {
    if (k == "id") {
      has_id = true;
      return assign(a.id, read_string(f, fp));
    }
    if (k == "opportunityId") return assign(a.opportunity_id, read_opt_string(f, fp));
    if (k == "candidateId") return assign(a.candidate_id, read_opt_string(f, fp));
    if (k == "createdAt") return assign(a.created_at, read_opt_timestamp(f, fp));
    if (k == "type") return assign(a.type, read_opt_string(f, fp));
    if (k == "posting") return assign(a.posting, read_opt_expandable<Posting>(f, fp, decoder<Posting>));
    if (k == "postingOwner") return assign(a.posting_owner, read_opt_expandable<User>(f, fp, decoder<User>));
    if (k == "postingHiringManager")
      return assign(a.posting_hiring_manager, read_opt_expandable<User>(f, fp, decoder<User>));
    if (k == "user") return assign(a.user, read_opt_expandable<User>(f, fp, decoder<User>));
    if (k == "name") return assign(a.name, read_opt_string(f, fp));
    if (k == "email") return assign(a.email, read_opt_string(f, fp));
    if (k == "phone") return assign(a.phone, read_opt_phone(f, fp));
    if (k == "company") return assign(a.company, read_opt_string(f, fp));
    if (k == "links") return assign(a.links, read_string_array(f, fp));
    if (k == "comments") return assign(a.comments, read_opt_string(f, fp));
    if (k == "archived") return assign(a.archived, read_archived(f, fp));
    return skip(f, fp);
  }));
  LEVERKIT_TRYV(require(has_id, p, "id"));
  return a;
}

}  // namespace detail

Result<Application> decode_application(std::string_view json) { return detail::decode_one<Application>({json, 0}); }
Result<Page<Application>> decode_application_page(std::string_view json) {
  return detail::decode_page<Application>({json, 0});
}

}  // namespace leverkit
