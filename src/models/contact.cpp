#include "detail/decoders.hpp"

namespace leverkit::inline v0 {
namespace detail {

Result<Phone> read_phone(od::value v, const JsonPath& p) {
  Phone ph;
  LEVERKIT_TRYV(for_each_field(v, p, "a phone object", [&](std::string_view k, od::value f, const JsonPath& fp) -> Result<void> {
    if (k == "type") return assign(ph.type, read_opt_string(f, fp));
    if (k == "value") return assign(ph.value, read_string_or_empty(f, fp));
    return skip(f, fp);
  }));
  return ph;
}

namespace {
// Contacts carry `location` as {"name": ...}; a plain string (the request shape) is accepted too.
Result<std::optional<std::string>> read_contact_location(od::value v, const JsonPath& p) {
  if (is_null(v)) return std::optional<std::string>{};
  od::json_type t;
  if (auto ec = v.type().get(t); ec) return decode_error(p, ec, "a location object");
  if (t == od::json_type::string) return read_opt_string(v, p);
  std::optional<std::string> name;
  LEVERKIT_TRYV(for_each_field(v, p, "a location object", [&](std::string_view k, od::value f, const JsonPath& fp) -> Result<void> {
    if (k == "name") return assign(name, read_opt_string(f, fp));
    return skip(f, fp);
  }));
  return name;
}
}  // namespace

Result<Contact> decode_value(od::value v, const JsonPath& p, Tag<Contact>) {
  Contact c;
  bool has_id = false;
  LEVERKIT_TRYV(for_each_field(v, p, "a contact object", [&](std::string_view k, od::value f, const JsonPath& fp) -> Result<void> {
    if (k == "id") {
      has_id = true;
      return assign(c.id, read_string(f, fp));
    }
    if (k == "name") return assign(c.name, read_string_or_empty(f, fp));
    if (k == "headline") return assign(c.headline, read_opt_string(f, fp));
    if (k == "isAnonymized") return assign(c.is_anonymized, read_bool_or_false(f, fp));
    if (k == "location") return assign(c.location, read_contact_location(f, fp));
    if (k == "emails") return assign(c.emails, read_string_array(f, fp));
    if (k == "phones") return assign(c.phones, read_array<Phone>(f, fp, read_phone));
    return skip(f, fp);
  }));
  LEVERKIT_TRYV(require(has_id, p, "id"));
  return c;
}

}  // namespace detail

Result<Contact> decode_contact(std::string_view json) { return detail::decode_one<Contact>({json, 0}); }

}  // namespace leverkit
