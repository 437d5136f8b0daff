#include "detail/decoders.hpp"

namespace leverkit::inline v0 {
namespace detail {

// `group` is {id, name}, null, or "" (lever-api.md §6.10).
Result<std::optional<TemplateGroup>> read_template_group(od::value v, const JsonPath& p) {
  if (is_null(v)) return std::optional<TemplateGroup>{};
  od::json_type t;
  if (auto ec = v.type().get(t); ec) return decode_error(p, ec, "a group object");
  if (t == od::json_type::string) {
    LEVERKIT_TRY(id, read_string(v, p));
    if (id.empty()) return std::optional<TemplateGroup>{};
    return std::optional<TemplateGroup>{TemplateGroup{std::move(id), {}}};
  }
  TemplateGroup g;
  bool has_id = false;
  LEVERKIT_TRYV(for_each_field(v, p, "a group object", [&](std::string_view k, od::value f, const JsonPath& fp) -> Result<void> {
    if (k == "id") {
      has_id = true;
      return assign(g.id, read_string(f, fp));
    }
    if (k == "name") return assign(g.name, read_string_or_empty(f, fp));
    return skip(f, fp);
  }));
  LEVERKIT_TRYV(require(has_id, p, "id"));
  return std::optional<TemplateGroup>{std::move(g)};
}

namespace {
// Template `stage` is {id, text}, null, or "" (and an id string would be an unexpanded stage).
Result<std::optional<Stage>> read_template_stage(od::value v, const JsonPath& p) {
  if (is_null(v)) return std::optional<Stage>{};
  od::json_type t;
  if (auto ec = v.type().get(t); ec) return decode_error(p, ec, "a stage object");
  if (t == od::json_type::string) {
    LEVERKIT_TRY(id, read_string(v, p));
    if (id.empty()) return std::optional<Stage>{};
    return std::optional<Stage>{Stage{std::move(id), {}}};
  }
  LEVERKIT_TRY(s, decode_value(v, p, Tag<Stage>{}));
  return std::optional<Stage>{std::move(s)};
}
}  // namespace

Result<FeedbackTemplate> decode_value(od::value v, const JsonPath& p, Tag<FeedbackTemplate>) {
  FeedbackTemplate t;
  bool has_id = false;
  LEVERKIT_TRYV(for_each_field(v, p, "a feedback template object", [&](std::string_view k, od::value f, const JsonPath& fp) -> Result<void> {
    if (k == "id") {
      has_id = true;
      return assign(t.id, read_string(f, fp));
    }
    if (k == "text") return assign(t.text, read_string_or_empty(f, fp));
    if (k == "group") return assign(t.group, read_template_group(f, fp));
    if (k == "instructions") return assign(t.instructions, read_opt_string(f, fp));
    if (k == "createdAt") return assign(t.created_at, read_opt_timestamp(f, fp));
    if (k == "updatedAt") return assign(t.updated_at, read_opt_timestamp(f, fp));
    if (k == "stage") return assign(t.stage, read_template_stage(f, fp));
    if (k == "fields") return assign(t.fields, read_array<FormField>(f, fp, decoder<FormField>));
    return skip(f, fp);
  }));
  LEVERKIT_TRYV(require(has_id, p, "id"));
  return t;
}

// Reads the GET shape and the PUT-response shape (quirk 10): `userId` → user, `profileId` →
// opportunity_id, `panelId`/`interviewId` → panel/interview.
Result<Feedback> decode_value(od::value v, const JsonPath& p, Tag<Feedback>) {
  Feedback fb;
  bool has_id = false;
  LEVERKIT_TRYV(for_each_field(v, p, "a feedback object", [&](std::string_view k, od::value f, const JsonPath& fp) -> Result<void> {
    if (k == "id") {
      has_id = true;
      return assign(fb.id, read_string(f, fp));
    }
    if (k == "type") return assign(fb.type, read_string_or_empty(f, fp));
    if (k == "text") return assign(fb.text, read_string_or_empty(f, fp));
    if (k == "instructions") return assign(fb.instructions, read_opt_string(f, fp));
    if (k == "baseTemplateId") return assign(fb.base_template_id, read_opt_string(f, fp));
    if (k == "fields") return assign(fb.fields, read_array<FormField>(f, fp, decoder<FormField>));
    if (k == "user") return assign(fb.user, read_opt_expandable<User>(f, fp, decoder<User>));
    if (k == "userId") {
      LEVERKIT_TRY(id, read_opt_string(f, fp));
      if (id && !fb.user) fb.user = Expandable<User>{std::move(*id), std::nullopt};
      return success();
    }
    if (k == "panel" || k == "panelId") {
      LEVERKIT_TRY(id, read_opt_string(f, fp));
      if (id) fb.panel = std::move(id);
      return success();
    }
    if (k == "interview" || k == "interviewId") {
      LEVERKIT_TRY(id, read_opt_string(f, fp));
      if (id) fb.interview = std::move(id);
      return success();
    }
    if (k == "profileId" || k == "opportunityId") return assign(fb.opportunity_id, read_opt_string(f, fp));
    if (k == "createdAt") return assign(fb.created_at, read_opt_timestamp(f, fp));
    if (k == "updatedAt") return assign(fb.updated_at, read_opt_timestamp(f, fp));
    if (k == "completedAt") return assign(fb.completed_at, read_opt_timestamp(f, fp));
    if (k == "deletedAt") return assign(fb.deleted_at, read_opt_timestamp(f, fp));
    return skip(f, fp);
  }));
  LEVERKIT_TRYV(require(has_id, p, "id"));
  return fb;
}

}  // namespace detail

Result<FeedbackTemplate> decode_feedback_template(std::string_view json) {
  return detail::decode_one<FeedbackTemplate>({json, 0});
}
Result<Page<FeedbackTemplate>> decode_feedback_template_page(std::string_view json) {
  return detail::decode_page<FeedbackTemplate>({json, 0});
}
Result<Feedback> decode_feedback(std::string_view json) { return detail::decode_one<Feedback>({json, 0}); }
Result<Page<Feedback>> decode_feedback_page(std::string_view json) { return detail::decode_page<Feedback>({json, 0}); }

}  // namespace leverkit
