// Feedback templates, form templates, feedback and profile forms through leverkit::Client
// against the in-process sandbox (typed field values, regenerated field ids, deleted feedback).
#include "resources_env.hpp"

using namespace resources_test;

TEST_CASE("quirk 9: feedback templates: CRUD, PUT regenerates field ids, two score-system fields refused client-side") {
  ResEnv env;
  auto c = env.client();
  auto seeded = collect(c.list_feedback_templates({}));
  REQUIRE(seeded.size() >= 4);
  auto one = ok(c.get_feedback_template({.template_id = seeded.front().id}));
  CHECK(one.text == seeded.front().text);
  CHECK(one.fields.size() == seeded.front().fields.size());

  using leverkit::FormField;
  leverkit::FeedbackTemplateCreate body{
      .text = "Notetaker interview",
      .instructions = "Fill after the call",
      .fields = {FormField{.type = FieldType::score_system, .type_name = "score-system", .text = "Overall", .required = true},
                 FormField{.type = FieldType::textarea, .type_name = "textarea", .text = "Summary"},
                 FormField{.type = FieldType::yes_no, .type_name = "yes-no", .text = "Hire?"}}};
  auto created = ok(c.create_feedback_template({.body = body}));
  CHECK(created.text == "Notetaker interview");
  REQUIRE(created.fields.size() == 3);
  CHECK(created.fields[0].type == FieldType::score_system);
  CHECK(created.fields[0].options.size() == 4);  // defaults filled by Lever
  std::set<std::string> old_ids;
  for (const auto& f : created.fields) old_ids.insert(f.id);

  body.text = "Notetaker interview v2";
  auto updated = ok(c.update_feedback_template({.template_id = created.id, .body = body}));
  CHECK(updated.text == "Notetaker interview v2");
  REQUIRE(updated.fields.size() == 3);
  for (const auto& f : updated.fields) CHECK(old_ids.count(f.id) == 0);
  CHECK(ok(c.get_feedback_template({.template_id = created.id})).text == "Notetaker interview v2");
  CHECK(env.writes("feedback_templates") == 2);

  auto twice = body;
  twice.fields.push_back(FormField{.type = FieldType::score_system, .type_name = "score-system", .text = "Again"});
  auto posts_before = env.requests("POST /v1/feedback_templates");
  auto bad = c.create_feedback_template({.body = twice});
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.error().code == Errc::invalid_argument);
  auto bad_put = c.update_feedback_template({.template_id = created.id, .body = twice});
  REQUIRE_FALSE(bad_put.has_value());
  CHECK(bad_put.error().code == Errc::invalid_argument);
  CHECK(env.requests("POST /v1/feedback_templates") == posts_before);
  CHECK(env.writes("feedback_templates") == 2);

  ok_void(c.delete_feedback_template({.template_id = created.id}));
  auto gone = c.get_feedback_template({.template_id = created.id});
  REQUIRE_FALSE(gone.has_value());
  CHECK(gone.error().code == Errc::not_found);
}

TEST_CASE("form templates: CRUD") {
  ResEnv env;
  auto c = env.client();
  auto seeded = collect(c.list_form_templates({}));
  REQUIRE(seeded.size() >= 2);
  CHECK(ok(c.get_form_template({.template_id = seeded.front().id})).text == seeded.front().text);

  using leverkit::FormField;
  leverkit::FormTemplateCreate body{
      .text = "Notetaker profile",
      .secret_by_default = true,
      .fields = {FormField{.type = FieldType::text, .type_name = "text", .text = "Current employer"},
                 FormField{.type = FieldType::currency, .type_name = "currency", .text = "Expected salary", .currency = "EUR"},
                 FormField{.type = FieldType::dropdown, .type_name = "dropdown", .text = "Notice",
                           .options = {{.text = "1 month"}, {.text = "3 months"}}}}};
  auto created = ok(c.create_form_template({.body = body}));
  CHECK(created.text == "Notetaker profile");
  CHECK(created.secret_by_default);
  REQUIRE(created.fields.size() == 3);
  CHECK(created.fields[1].type == FieldType::currency);
  auto listed = collect(c.list_form_templates({}));
  CHECK(listed.size() == seeded.size() + 1);

  body.text = "Notetaker profile v2";
  body.fields.pop_back();
  auto updated = ok(c.update_form_template({.template_id = created.id, .body = body}));
  CHECK(updated.text == "Notetaker profile v2");
  CHECK(updated.fields.size() == 2);
  CHECK(ok(c.get_form_template({.template_id = created.id})).fields.size() == 2);

  ok_void(c.delete_form_template({.template_id = created.id}));
  CHECK(c.get_form_template({.template_id = created.id}).error().code == Errc::not_found);
  CHECK(env.writes("form_templates") == 3);
}

TEST_CASE("quirk 11: feedback: create from a template with typed values, list hides deleted, get/update/delete") {
  ResEnv env;
  auto c = env.client();
  auto user = first_user(c);
  auto opp = some_opportunities(c).at(5).id;
  auto templates = collect(c.list_feedback_templates({}));
  REQUIRE_FALSE(templates.empty());
  // The template with the most field types exercises most value builders.
  const auto& tmpl = *std::max_element(templates.begin(), templates.end(),
                                       [](const auto& a, const auto& b) { return a.fields.size() < b.fields.size(); });

  std::vector<leverkit::FieldValueEntry> values;
  for (const auto& f : tmpl.fields) values.push_back(ok(leverkit::field_entry(f, fill(f))));
  auto before_visible = collect(c.list_feedback({.opportunity_id = opp})).size();

  auto created = ok(c.create_feedback({.opportunity_id = opp, .perform_as = user,
                                       .body = {.base_template_id = tmpl.id, .field_values = values,
                                                .completed_at = days_from_now(-1)}}));
  CHECK(created.base_template_id == std::optional<std::string>(tmpl.id));
  CHECK(env.writes("feedback") == 1);
  auto got = ok(c.get_feedback({.opportunity_id = opp, .feedback_id = created.id}));
  REQUIRE(got.fields.size() == tmpl.fields.size());
  for (std::size_t i = 0; i < got.fields.size(); ++i) {
    if (got.fields[i].type == FieldType::unknown) continue;
    CHECK_MESSAGE(got.fields[i].value == values[i].value, got.fields[i].text);
  }

  // Update: ids from the feedback form itself.
  std::vector<leverkit::FieldValueEntry> changes;
  for (const auto& f : got.fields)
    if (f.type == FieldType::textarea || f.type == FieldType::text)
      changes.push_back(ok(leverkit::field_entry(f, ok(leverkit::text_value(f, "revised")))));
  REQUIRE_FALSE(changes.empty());
  ok(c.update_feedback({.opportunity_id = opp, .feedback_id = created.id, .perform_as = user, .body = {.field_values = changes}}));
  auto reread = ok(c.get_feedback({.opportunity_id = opp, .feedback_id = created.id}));
  for (const auto& f : reread.fields)
    if (f.id == changes.front().id) CHECK(f.value == leverkit::FieldValue(std::string("revised")));

  // A value of the wrong type never leaves the client.
  const auto* text_field = &got.fields.front();
  for (const auto& f : got.fields)
    if (f.type == FieldType::textarea) text_field = &f;
  auto wrong = leverkit::field_entry(*text_field, leverkit::FieldValue(std::int64_t{7}));
  CHECK_FALSE(wrong.has_value());

  CHECK(collect(c.list_feedback({.opportunity_id = opp})).size() == before_visible + 1);
  ok_void(c.delete_feedback({.opportunity_id = opp, .feedback_id = created.id, .perform_as = user}));
  auto visible = collect(c.list_feedback({.opportunity_id = opp}));
  CHECK(visible.size() == before_visible);
  for (const auto& f : visible) CHECK_FALSE(f.deleted());
  auto all = collect(c.list_feedback({.opportunity_id = opp, .include_deleted = true}));
  auto it = std::find_if(all.begin(), all.end(), [&](const auto& f) { return f.id == created.id; });
  REQUIRE(it != all.end());
  CHECK(it->deleted());
  CHECK(env.writes("feedback") == 3);

  // panel without interview: refused before sending.
  auto posts = env.requests("POST /v1/opportunities/:id/feedback");
  auto half = c.create_feedback({.opportunity_id = opp, .perform_as = user,
                                 .body = {.base_template_id = tmpl.id, .panel = std::string("some-panel"), .field_values = values}});
  REQUIRE_FALSE(half.has_value());
  CHECK(half.error().code == Errc::invalid_argument);
  CHECK(env.requests("POST /v1/opportunities/:id/feedback") == posts);
}

TEST_CASE("profile forms: create with every template field, list, get") {
  ResEnv env;
  auto c = env.client();
  auto user = first_user(c);
  auto opp = some_opportunities(c).at(7).id;
  auto templates = collect(c.list_form_templates({}));
  REQUIRE_FALSE(templates.empty());
  const auto& tmpl = templates.front();
  auto body = leverkit::profile_form_create_from(tmpl);
  REQUIRE(body.fields.size() == tmpl.fields.size());
  for (auto& f : body.fields) f.value = fill(f);
  auto before = collect(c.list_profile_forms({.opportunity_id = opp})).size();

  auto created = ok(c.create_profile_form({.opportunity_id = opp, .perform_as = user, .body = body}));
  CHECK(created.base_template_id == std::optional<std::string>(tmpl.id));
  REQUIRE(created.fields.size() == tmpl.fields.size());
  auto got = ok(c.get_profile_form({.opportunity_id = opp, .profile_form_id = created.id}));
  CHECK(got.text == tmpl.text);
  for (std::size_t i = 0; i < got.fields.size(); ++i)
    if (got.fields[i].type != FieldType::unknown) CHECK_MESSAGE(got.fields[i].value == body.fields[i].value, got.fields[i].text);
  CHECK(collect(c.list_profile_forms({.opportunity_id = opp})).size() == before + 1);
  CHECK(env.writes("forms") == 1);

  // A body missing a template field is refused (the client has no template to check against
  // unless given one, so Lever's 400 is the documented answer) and nothing is written.
  auto partial = body;
  partial.fields.pop_back();
  CHECK_FALSE(leverkit::validate(partial, tmpl).has_value());
  auto bad = c.create_profile_form({.opportunity_id = opp, .perform_as = user, .body = partial});
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.error().code == Errc::bad_request);
  CHECK(bad.error().http_status == 400);
  CHECK(bad.error().lever_code == "InvalidParameter");
  CHECK(env.writes("forms") == 1);
}
