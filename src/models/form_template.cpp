#include "detail/decoders.hpp"

namespace leverkit::inline v0 {
namespace detail {

Result<FormTemplate> decode_value(od::value v, const JsonPath& p, Tag<FormTemplate>) {
  FormTemplate t;
  bool has_id = false;
  LEVERKIT_TRYV(for_each_field(v, p, "a form template object", [&](std::string_view k, od::value f, const JsonPath& fp) -> Result<void> {
    if (k == "id") {
      has_id = true;
      return assign(t.id, read_string(f, fp));
    }
    if (k == "text") return assign(t.text, read_string_or_empty(f, fp));
    if (k == "group") return assign(t.group, read_template_group(f, fp));
    if (k == "instructions") return assign(t.instructions, read_opt_string(f, fp));
    if (k == "secretByDefault") return assign(t.secret_by_default, read_bool_or_false(f, fp));
    if (k == "fields") return assign(t.fields, read_array<FormField>(f, fp, decoder<FormField>));
    if (k == "createdAt") return assign(t.created_at, read_opt_timestamp(f, fp));
    if (k == "updatedAt") return assign(t.updated_at, read_opt_timestamp(f, fp));
    return skip(f, fp);
  }));
  LEVERKIT_TRYV(require(has_id, p, "id"));
  return t;
}

Result<ProfileForm> decode_value(od::value v, const JsonPath& p, Tag<ProfileForm>) {
  ProfileForm o;
  bool has_id = false;
  LEVERKIT_TRYV(for_each_field(v, p, "a profile form object", [&](std::string_view k, od::value f, const JsonPath& fp) -> Result<void> {
    if (k == "id") {
      has_id = true;
      return assign(o.id, read_string(f, fp));
    }
    if (k == "type") return assign(o.type, read_string_or_empty(f, fp));
    if (k == "text") return assign(o.text, read_string_or_empty(f, fp));
    if (k == "instructions") return assign(o.instructions, read_opt_string(f, fp));
    if (k == "baseTemplateId") return assign(o.base_template_id, read_opt_string(f, fp));
    if (k == "fields") return assign(o.fields, read_array<FormField>(f, fp, decoder<FormField>));
    if (k == "user") return assign(o.user, read_opt_expandable<User>(f, fp, decoder<User>));
    if (k == "stage") return assign(o.stage, read_opt_expandable<Stage>(f, fp, decoder<Stage>));
    if (k == "secret") {
      if (is_null(f)) return success();
      return assign(o.secret, read_bool(f, fp));
    }
    if (k == "createdAt") return assign(o.created_at, read_opt_timestamp(f, fp));
    if (k == "completedAt") return assign(o.completed_at, read_opt_timestamp(f, fp));
    if (k == "deletedAt") return assign(o.deleted_at, read_opt_timestamp(f, fp));
    return skip(f, fp);
  }));
  LEVERKIT_TRYV(require(has_id, p, "id"));
  return o;
}

}  // namespace detail

Result<FormTemplate> decode_form_template(std::string_view json) { return detail::decode_one<FormTemplate>({json, 0}); }
Result<Page<FormTemplate>> decode_form_template_page(std::string_view json) {
  return detail::decode_page<FormTemplate>({json, 0});
}
Result<ProfileForm> decode_profile_form(std::string_view json) { return detail::decode_one<ProfileForm>({json, 0}); }
Result<Page<ProfileForm>> decode_profile_form_page(std::string_view json) {
  return detail::decode_page<ProfileForm>({json, 0});
}

}  // namespace leverkit
