#include "detail/decoders.hpp"

namespace leverkit::inline v0 {
namespace detail {
namespace {

Result<PostingCategories> read_categories(od::value v, const JsonPath& p) {
  PostingCategories c;
  if (is_null(v)) return c;
  LEVERKIT_TRYV(for_each_field(v, p, "a categories object", [&](std::string_view k, od::value f, const JsonPath& fp) -> Result<void> {
    if (k == "team") return assign(c.team, read_opt_string(f, fp));
    if (k == "department") return assign(c.department, read_opt_string(f, fp));
    if (k == "location") return assign(c.location, read_opt_string(f, fp));
    if (k == "allLocations") return assign(c.all_locations, read_string_array(f, fp));
    if (k == "commitment") return assign(c.commitment, read_opt_string(f, fp));
    if (k == "level") return assign(c.level, read_opt_string(f, fp));
    return skip(f, fp);
  }));
  return c;
}

Result<PostingList> read_list(od::value v, const JsonPath& p) {
  PostingList l;
  LEVERKIT_TRYV(for_each_field(v, p, "a posting list object", [&](std::string_view k, od::value f, const JsonPath& fp) -> Result<void> {
    if (k == "text") return assign(l.text, read_string_or_empty(f, fp));
    if (k == "content") return assign(l.content, read_string_or_empty(f, fp));
    return skip(f, fp);
  }));
  return l;
}

Result<std::optional<PostingContent>> read_content(od::value v, const JsonPath& p) {
  if (is_null(v)) return std::optional<PostingContent>{};
  PostingContent c;
  LEVERKIT_TRYV(for_each_field(v, p, "a posting content object", [&](std::string_view k, od::value f, const JsonPath& fp) -> Result<void> {
    if (k == "description") return assign(c.description, read_string_or_empty(f, fp));
    if (k == "descriptionHtml") return assign(c.description_html, read_string_or_empty(f, fp));
    if (k == "lists") return assign(c.lists, read_array<PostingList>(f, fp, read_list));
    if (k == "closing") return assign(c.closing, read_string_or_empty(f, fp));
    if (k == "closingHtml") return assign(c.closing_html, read_string_or_empty(f, fp));
    return skip(f, fp);
  }));
  return std::optional<PostingContent>{std::move(c)};
}

Result<std::optional<SalaryRange>> read_salary(od::value v, const JsonPath& p) {
  if (is_null(v)) return std::optional<SalaryRange>{};
  SalaryRange s;
  LEVERKIT_TRYV(for_each_field(v, p, "a salary range object", [&](std::string_view k, od::value f, const JsonPath& fp) -> Result<void> {
    if (k == "min") return assign(s.min, read_opt_number(f, fp));
    if (k == "max") return assign(s.max, read_opt_number(f, fp));
    if (k == "currency") return assign(s.currency, read_opt_string(f, fp));
    if (k == "interval") return assign(s.interval, read_opt_string(f, fp));
    return skip(f, fp);
  }));
  return std::optional<SalaryRange>{std::move(s)};
}

Result<PostingUrls> read_urls(od::value v, const JsonPath& p) {
  PostingUrls u;
  if (is_null(v)) return u;
  LEVERKIT_TRYV(for_each_field(v, p, "a urls object", [&](std::string_view k, od::value f, const JsonPath& fp) -> Result<void> {
    if (k == "list") return assign(u.list, read_opt_string(f, fp));
    if (k == "show") return assign(u.show, read_opt_string(f, fp));
    if (k == "apply") return assign(u.apply, read_opt_string(f, fp));
    return skip(f, fp);
  }));
  return u;
}

}  // namespace

Result<Posting> decode_value(od::value v, const JsonPath& p, Tag<Posting>) {
  Posting o;
  bool has_id = false;
  LEVERKIT_TRYV(for_each_field(v, p, "a posting object", [&](std::string_view k, od::value f, const JsonPath& fp) -> Result<void> {
    if (k == "id") {
      has_id = true;
      return assign(o.id, read_string(f, fp));
    }
    if (k == "text") return assign(o.text, read_string_or_empty(f, fp));
    if (k == "createdAt") return assign(o.created_at, read_opt_timestamp(f, fp));
    if (k == "updatedAt") return assign(o.updated_at, read_opt_timestamp(f, fp));
    if (k == "state") return assign(o.state, read_string_or_empty(f, fp));
    if (k == "distributionChannels") return assign(o.distribution_channels, read_string_array(f, fp));
    if (k == "confidentiality") return assign(o.confidentiality, read_opt_string(f, fp));
    if (k == "user") return assign(o.user, read_opt_expandable<User>(f, fp, decoder<User>));
    if (k == "owner") return assign(o.owner, read_opt_expandable<User>(f, fp, decoder<User>));
    if (k == "hiringManager") return assign(o.hiring_manager, read_opt_expandable<User>(f, fp, decoder<User>));
    if (k == "categories") return assign(o.categories, read_categories(f, fp));
    if (k == "tags") return assign(o.tags, read_string_array(f, fp));
    if (k == "content") return assign(o.content, read_content(f, fp));
    if (k == "country") return assign(o.country, read_opt_string(f, fp));
    if (k == "followers")
      return assign(o.followers, read_array<Expandable<User>>(f, fp, [](od::value e, const JsonPath& ep) {
                      return read_expandable<User>(e, ep, decoder<User>);
                    }));
    if (k == "requisitionCodes") return assign(o.requisition_codes, read_string_array(f, fp));
    if (k == "salaryRange") return assign(o.salary_range, read_salary(f, fp));
    if (k == "salaryDescription") return assign(o.salary_description, read_opt_string(f, fp));
    if (k == "urls") return assign(o.urls, read_urls(f, fp));
    if (k == "workplaceType") return assign(o.workplace_type, read_opt_string(f, fp));
    return skip(f, fp);
  }));
  LEVERKIT_TRYV(require(has_id, p, "id"));
  return o;
}

}  // namespace detail

Result<Posting> decode_posting(std::string_view json) { return detail::decode_one<Posting>({json, 0}); }
Result<Page<Posting>> decode_posting_page(std::string_view json) { return detail::decode_page<Posting>({json, 0}); }

}  // namespace leverkit
