// Every typed leverkit::Client resource method (interviews, panels, templates, feedback, profile
// forms, notes, applications, contacts, opportunity writes, webhooks) against leverkit-sandbox
// started in process on a free loopback port, with the documented error statuses and the
// client-side rules that must fail before anything is sent (proved with /__sandbox/stats).
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "leverkit/client/client.hpp"
#include "leverkit/models/field_value.hpp"
#include "leverkit/sandbox/server.hpp"

namespace sbx = leverkit::sandbox;
using leverkit::Errc;
using leverkit::FieldType;

namespace {

struct ResEnv {
  ResEnv() : server(defaults()) { REQUIRE(server.start().has_value()); }
  static sbx::ServerOptions defaults() {
    sbx::ServerOptions o;
    o.opportunities = 120;
    o.rate_limit.enabled = false;
    return o;
  }
  leverkit::Client client(std::string_view key = sbx::kFullKey) {
    leverkit::ClientOptions o;
    o.base_url = server.base_url() + "/v1";
    o.rate_limit = {.requests_per_second = 100000.0, .burst = 100000.0};
    o.retry.max_attempts = 2;
    o.retry.initial_backoff = std::chrono::milliseconds(1);
    o.retry.max_backoff = std::chrono::milliseconds(2);
    auto c = leverkit::Client::create(std::make_shared<leverkit::ApiKeyCredentials>(std::string(key)), o);
    REQUIRE(c.has_value());
    return c.value();
  }
  // The admin API lives outside /v1: a second client rooted at /__sandbox reads the stats.
  std::string stats() {
    if (!admin) {
      leverkit::ClientOptions o;
      o.base_url = server.base_url() + "/__sandbox";
      auto c = leverkit::Client::create(std::make_shared<leverkit::ApiKeyCredentials>("unused"), o);
      REQUIRE(c.has_value());
      admin = std::make_unique<leverkit::Client>(c.value());
    }
    auto r = admin->request(leverkit::HttpMethod::get, "/stats");
    REQUIRE(r.has_value());
    return r.value().body;
  }
  // Successful writes the sandbox counted for `resource` ("notes", "feedback", ...).
  long writes(std::string_view resource) { return number_after(stats(), "\"writes\"", resource); }
  // Requests the sandbox received (any status) for a route key such as "POST /v1/opportunities/:id/interviews".
  long requests(std::string_view route) { return number_after(stats(), "\"requests\"", route); }

  static long number_after(const std::string& body, std::string_view section, std::string_view key) {
    auto s = body.find(section);
    REQUIRE(s != std::string::npos);
    auto end = body.find('}', s);
    auto k = body.find("\"" + std::string(key) + "\":", s);
    if (k == std::string::npos || k > end) return 0;
    return std::stol(body.substr(k + key.size() + 3));
  }

  sbx::Server server;
  std::unique_ptr<leverkit::Client> admin;
};

template <class P>
auto collect(P&& paginator) {
  using T = typename std::remove_cvref_t<decltype(*paginator.begin())>::value_type;
  std::vector<T> out;
  for (auto&& r : paginator) {
    REQUIRE_MESSAGE(r.has_value(), (r.has_value() ? std::string() : r.error().to_string()));
    out.push_back(std::move(r).value());
  }
  return out;
}

template <class T>
const T& ok(const leverkit::Result<T>& r) {
  REQUIRE_MESSAGE(r.has_value(), (r.has_value() ? std::string() : r.error().to_string()));
  return r.value();
}
void ok_void(const leverkit::Result<void>& r) {
  REQUIRE_MESSAGE(r.has_value(), (r.has_value() ? std::string() : r.error().to_string()));
}

leverkit::Timestamp days_from_now(int days) {
  return std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now()) +
         std::chrono::hours(24 * days);
}

// A valid value for any fillable field, built with the typed builders.
leverkit::FieldValue fill(const leverkit::FormField& f) {
  leverkit::Result<leverkit::FieldValue> v = leverkit::no_value();
  switch (f.type) {
    case FieldType::text:
    case FieldType::textarea:
    case FieldType::code: v = leverkit::text_value(f, "answer to " + f.text); break;
    case FieldType::yes_no: v = leverkit::yes_no_value(f, true); break;
    case FieldType::date: v = leverkit::date_value(f, days_from_now(-3)); break;
    case FieldType::currency: v = leverkit::number_value(f, 85000.0); break;
    case FieldType::dropdown:
    case FieldType::multiple_choice:
    case FieldType::score_system:
      REQUIRE_FALSE(f.options.empty());
      v = leverkit::option_value(f, f.options.back().text);
      break;
    case FieldType::multiple_select:
      REQUIRE_FALSE(f.options.empty());
      v = leverkit::options_value(f, {f.options.front().text});
      break;
    case FieldType::score: v = leverkit::score_value(f, 3); break;
    case FieldType::scorecard: {
      std::vector<leverkit::ScorecardScore> rows;
      for (std::size_t i = 0; i < f.scores.size(); ++i) rows.push_back({.score = 4, .comment = "row"});
      v = leverkit::scorecard_value(f, rows);
      break;
    }
    default: break;
  }
  return ok(v);
}

std::string first_user(const leverkit::Client& c) {
  auto users = collect(c.list_users({.limit = 5}));
  REQUIRE_FALSE(users.empty());
  return users.front().id;
}

std::vector<leverkit::Opportunity> some_opportunities(const leverkit::Client& c) {
  auto opps = collect(c.list_opportunities({.archived = false, .limit = 100}));
  REQUIRE(opps.size() > 10);
  return opps;
}

leverkit::PanelCreate external_panel(const std::string& user, int interviews = 1) {
  leverkit::PanelCreate p{.timezone = "Europe/Berlin", .note = "loop", .external_url = "https://ats.example/p/1"};
  for (int i = 0; i < interviews; ++i)
    p.interviews.push_back({.interviewers = {{.id = user}},
                            .date = days_from_now(5 + i),
                            .duration = 45,
                            .subject = "Round " + std::to_string(i + 1),
                            .location = "https://zoom.us/j/123"});
  return p;
}

}  // namespace

TEST_CASE("quirk 12: interviews: list/get on seeded panels, writes on a panel that is not externally managed are refused") {
  ResEnv env;
  auto c = env.client();
  auto user = first_user(c);
  // A seeded panel that is not externally managed (Lever's own scheduling) and one of its interviews.
  std::optional<leverkit::Interview> seeded;
  std::string opp_id;
  for (const auto& o : some_opportunities(c)) {
    auto ivs = collect(c.list_interviews({.opportunity_id = o.id}));
    if (ivs.empty()) continue;
    auto panels = collect(c.list_panels({.opportunity_id = o.id}));
    for (const auto& iv : ivs) {
      auto p = std::find_if(panels.begin(), panels.end(), [&](const auto& x) { return iv.panel == std::optional<std::string>(x.id); });
      if (p != panels.end() && !p->externally_managed) {
        seeded = iv;
        opp_id = o.id;
        break;
      }
    }
    if (seeded) break;
  }
  REQUIRE(seeded.has_value());
  auto got = ok(c.get_interview({.opportunity_id = opp_id, .interview_id = seeded->id}));
  CHECK(got.id == seeded->id);
  CHECK(got.subject == seeded->subject);
  CHECK(got.date == seeded->date);
  REQUIRE(got.panel.has_value());
  auto panel = ok(c.get_panel({.opportunity_id = opp_id, .panel_id = *got.panel}));
  CHECK_FALSE(panel.externally_managed);

  auto before = env.writes("interviews");
  auto upd = c.update_interview_fields({.opportunity_id = opp_id, .interview_id = got.id, .perform_as = user,
                                        .edit = [](leverkit::InterviewUpdate& u) { u.location = "Room 2"; }});
  REQUIRE_FALSE(upd.has_value());
  CHECK(upd.error().code == Errc::forbidden);
  CHECK(upd.error().http_status == 403);
  auto del = c.delete_interview({.opportunity_id = opp_id, .interview_id = got.id, .perform_as = user});
  REQUIRE_FALSE(del.has_value());
  CHECK(del.error().code == Errc::forbidden);
  CHECK(del.error().http_status == 403);
  auto add = c.create_interview({.opportunity_id = opp_id, .perform_as = user,
                                 .body = {.panel = panel.id, .interviewers = {{.id = user}}, .date = days_from_now(2), .duration = 30}});
  REQUIRE_FALSE(add.has_value());
  CHECK(add.error().code == Errc::forbidden);
  CHECK(add.error().http_status == 403);
  auto pdel = c.delete_panel({.opportunity_id = opp_id, .panel_id = panel.id, .perform_as = user});
  REQUIRE_FALSE(pdel.has_value());
  CHECK(pdel.error().code == Errc::forbidden);
  CHECK(pdel.error().http_status == 403);
  CHECK(env.writes("interviews") == before);
  CHECK(env.writes("panels") == 0);
  CHECK(ok(c.get_interview({.opportunity_id = opp_id, .interview_id = got.id})).location == got.location);

  auto missing = c.get_interview({.opportunity_id = opp_id, .interview_id = "00000000-0000-4000-8000-000000000000"});
  REQUIRE_FALSE(missing.has_value());
  CHECK(missing.error().code == Errc::not_found);
  CHECK(missing.error().http_status == 404);
}

TEST_CASE("quirk 8: panels and interviews: create external panel, interview CRUD, read-merge-write, panel update/delete") {
  ResEnv env;
  auto c = env.client();
  auto user = first_user(c);
  auto opp = some_opportunities(c).at(3).id;

  auto panel = ok(c.create_panel({.opportunity_id = opp, .perform_as = user, .body = external_panel(user)}));
  CHECK(panel.externally_managed);
  CHECK(panel.timezone == std::optional<std::string>("Europe/Berlin"));
  CHECK(panel.feedback_reminder == std::optional<std::string>("daily"));  // Lever's default
  CHECK(env.writes("panels") == 1);

  auto created = ok(c.create_interview(
      {.opportunity_id = opp,
       .perform_as = user,
       .body = {.panel = panel.id, .interviewers = {{.id = user}}, .date = days_from_now(9), .duration = 30,
                .subject = "System design", .note = "bring a laptop", .location = "Room 7"}}));
  CHECK(created.panel == std::optional<std::string>(panel.id));
  CHECK(created.subject == "System design");
  CHECK(created.duration == 30);
  CHECK(env.writes("interviews") == 1);
  auto listed = collect(c.list_interviews({.opportunity_id = opp}));
  CHECK(std::count_if(listed.begin(), listed.end(), [&](const auto& i) { return i.id == created.id; }) == 1);

  // Full replace: the body starts from the interview as read.
  auto base = leverkit::interview_update_from(created);
  base.subject = "System design (long)";
  auto replaced = ok(c.update_interview({.opportunity_id = opp, .interview_id = created.id, .perform_as = user, .body = base}));
  CHECK(replaced.subject == "System design (long)");
  CHECK(replaced.note == "bring a laptop");

  // Partial update: only the location changes, everything else survives the PUT.
  auto merged = ok(c.update_interview_fields({.opportunity_id = opp, .interview_id = created.id, .perform_as = user,
                                              .edit = [](leverkit::InterviewUpdate& u) { u.location = "Zoom"; }}));
  auto reread = ok(c.get_interview({.opportunity_id = opp, .interview_id = created.id}));
  CHECK(reread.location == std::optional<std::string>("Zoom"));
  CHECK(reread.subject == "System design (long)");
  CHECK(reread.note == "bring a laptop");
  CHECK(reread.duration == 30);
  CHECK(reread.date == created.date);
  REQUIRE(reread.interviewers.size() == 1);
  CHECK(reread.interviewers.front().id == user);
  CHECK(merged.location == reread.location);
  CHECK(env.writes("interviews") == 3);

  ok_void(c.delete_interview({.opportunity_id = opp, .interview_id = created.id, .perform_as = user}));
  CHECK(c.get_interview({.opportunity_id = opp, .interview_id = created.id}).error().code == Errc::not_found);

  // Panel full replace keeping the existing interview (by id) and adding one.
  auto current = ok(c.get_panel({.opportunity_id = opp, .panel_id = panel.id}));
  auto upd = leverkit::panel_update_from(current);
  REQUIRE(upd.interviews.size() == 1);
  upd.note = "updated note";
  upd.interviews.push_back({.interviewers = {{.id = user}}, .date = days_from_now(12), .duration = 60, .subject = "Culture"});
  auto updated = ok(c.update_panel({.opportunity_id = opp, .panel_id = panel.id, .perform_as = user, .body = upd}));
  CHECK(updated.note == "updated note");
  auto panel_ivs = collect(c.list_interviews({.opportunity_id = opp}));
  CHECK(std::count_if(panel_ivs.begin(), panel_ivs.end(),
                      [&](const auto& i) { return i.panel == std::optional<std::string>(panel.id); }) == 2);

  ok_void(c.delete_panel({.opportunity_id = opp, .panel_id = panel.id, .perform_as = user}));
  auto gone = c.get_panel({.opportunity_id = opp, .panel_id = panel.id});
  REQUIRE_FALSE(gone.has_value());
  CHECK(gone.error().code == Errc::not_found);
  CHECK(env.writes("panels") == 3);
}

TEST_CASE("perform_as missing where Lever requires it: invalid_argument, nothing sent") {
  ResEnv env;
  auto c = env.client();
  auto user = first_user(c);
  auto opp = some_opportunities(c).at(1).id;
  auto sent_before = env.requests("POST /v1/opportunities/:id/interviews") + env.requests("POST /v1/opportunities/:id/panels") +
                     env.requests("POST /v1/opportunities/:id/feedback") + env.requests("POST /v1/opportunities");

  auto iv = c.create_interview({.opportunity_id = opp,
                                .body = {.panel = "p", .interviewers = {{.id = user}}, .date = days_from_now(1), .duration = 30}});
  REQUIRE_FALSE(iv.has_value());
  CHECK(iv.error().code == Errc::invalid_argument);
  CHECK(iv.error().to_string().find("perform_as") != std::string::npos);
  auto panel = c.create_panel({.opportunity_id = opp, .body = external_panel(user)});
  REQUIRE_FALSE(panel.has_value());
  CHECK(panel.error().code == Errc::invalid_argument);
  auto fb = c.create_feedback({.opportunity_id = opp, .body = {.base_template_id = "t"}});
  REQUIRE_FALSE(fb.has_value());
  CHECK(fb.error().code == Errc::invalid_argument);
  auto del = c.delete_interview({.opportunity_id = opp, .interview_id = "x"});
  REQUIRE_FALSE(del.has_value());
  CHECK(del.error().code == Errc::invalid_argument);
  auto created = c.create_opportunity({.body = {.name = "No Author"}});
  REQUIRE_FALSE(created.has_value());
  CHECK(created.error().code == Errc::invalid_argument);

  auto sent_after = env.requests("POST /v1/opportunities/:id/interviews") + env.requests("POST /v1/opportunities/:id/panels") +
                    env.requests("POST /v1/opportunities/:id/feedback") + env.requests("POST /v1/opportunities");
  CHECK(sent_after == sent_before);
  CHECK(env.writes("interviews") + env.writes("panels") + env.writes("feedback") + env.writes("opportunities") == 0);
}

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

TEST_CASE("notes: create (secret, score), comment via note_id, list/get/delete") {
  ResEnv env;
  auto c = env.client();
  auto user = first_user(c);
  auto opp = some_opportunities(c).at(2).id;
  auto created = ok(c.create_note({.opportunity_id = opp, .perform_as = user,
                                   .body = {.value = "AI notes: strong on systems", .secret = true, .score = 4}}));
  REQUIRE_FALSE(created.note_id.empty());
  const auto back = days_from_now(-30);
  auto dated = ok(c.create_note({.opportunity_id = opp, .perform_as = user,
                                 .body = {.value = "imported call notes", .notify_followers = true, .created_at = back}}));
  auto dated_note = ok(c.get_note({.opportunity_id = opp, .note_id = dated.note_id}));
  CHECK(dated_note.created_at == std::optional<leverkit::Timestamp>(back));
  CHECK_FALSE(dated_note.secret);
  auto future = c.create_note({.opportunity_id = opp, .perform_as = user, .body = {.value = "x", .created_at = days_from_now(2)}});
  REQUIRE_FALSE(future.has_value());
  CHECK(future.error().code == Errc::bad_request);  // Lever: createdAt cannot be in the future
  auto comment = ok(c.create_note({.opportunity_id = opp, .perform_as = user, .note_id = created.note_id,
                                   .body = {.value = "follow-up comment"}}));
  CHECK(comment.note_id == created.note_id);
  CHECK(env.writes("notes") == 3);

  auto note = ok(c.get_note({.opportunity_id = opp, .note_id = created.note_id}));
  CHECK(note.secret);
  REQUIRE(note.comments.size() == 2);
  CHECK(note.comments[0].value == "AI notes: strong on systems");
  CHECK(note.comments[0].score == std::optional<int>(4));
  CHECK(note.comments[1].value == "follow-up comment");
  auto notes = collect(c.list_notes({.opportunity_id = opp}));
  CHECK(std::count_if(notes.begin(), notes.end(), [&](const auto& n) { return n.id == created.note_id; }) == 1);

  // Lever answers PUT …/notes/:id with {"data":{"noteId":…}}; update_note reads the note back.
  auto upd = leverkit::note_update_from(note);
  REQUIRE(upd.values.size() == 2);
  CHECK(upd.values[0].value == "AI notes: strong on systems");
  upd.values[1].value = "follow-up comment, edited";
  auto updated = ok(c.update_note({.opportunity_id = opp, .note_id = created.note_id, .body = upd}));
  CHECK(updated.id == created.note_id);
  REQUIRE(updated.comments.size() == 2);
  CHECK(updated.comments[1].value == "follow-up comment, edited");
  CHECK(env.writes("notes") == 4);

  ok_void(c.delete_note({.opportunity_id = opp, .note_id = created.note_id}));
  CHECK(c.get_note({.opportunity_id = opp, .note_id = created.note_id}).error().code == Errc::not_found);
  CHECK(env.writes("notes") == 5);

  // A score out of range never leaves the client.
  auto posts = env.requests("POST /v1/opportunities/:id/notes");
  auto bad = c.create_note({.opportunity_id = opp, .body = {.value = "x", .score = 5}});
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.error().code == Errc::invalid_argument);
  CHECK(env.requests("POST /v1/opportunities/:id/notes") == posts);
}

TEST_CASE("applications and contacts: list/get applications, get/update contact") {
  ResEnv env;
  auto c = env.client();
  auto opp = ok(c.get_opportunity({.opportunity_id = some_opportunities(c).at(4).id}));
  auto apps = collect(c.list_applications({.opportunity_id = opp.id}));
  REQUIRE_FALSE(apps.empty());
  auto app = ok(c.get_application({.opportunity_id = opp.id, .application_id = apps.front().id}));
  CHECK(app.id == apps.front().id);
  CHECK(c.get_application({.opportunity_id = opp.id, .application_id = "nope"}).error().code == Errc::not_found);

  REQUIRE(opp.contact.has_value());
  auto contact = ok(c.get_contact({.contact_id = opp.contact->id}));
  CHECK(contact.id == opp.contact->id);
  auto updated = ok(c.update_contact({.contact_id = contact.id, .body = {.headline = "Staff engineer", .location = "Lisbon"}}));
  CHECK(updated.headline == std::optional<std::string>("Staff engineer"));
  auto reread = ok(c.get_contact({.contact_id = contact.id}));
  CHECK(reread.headline == std::optional<std::string>("Staff engineer"));
  CHECK(reread.name == contact.name);
  CHECK(env.writes("contact") == 1);
  CHECK(c.get_contact({.contact_id = "00000000-0000-4000-8000-000000000000"}).error().code == Errc::not_found);
}

TEST_CASE("opportunities: create, stage, archive/unarchive, tags/links/sources") {
  ResEnv env;
  auto c = env.client();
  auto user = first_user(c);
  auto created = ok(c.create_opportunity({.perform_as = user,
                                          .body = {.name = "Ada Lovelace",
                                                   .emails = {"ada.resint@example.com"},
                                                   .tags = {"from-notetaker"}}}));
  CHECK(created.name == "Ada Lovelace");
  CHECK(env.writes("opportunities") == 1);
  const auto id = created.id;

  auto staged = ok(c.update_opportunity_stage({.opportunity_id = id, .perform_as = user, .body = {.stage = "offer"}}));
  REQUIRE(staged.stage.has_value());
  CHECK(staged.stage->id == "offer");

  auto reasons = collect(c.list_archive_reasons({.type = "non-hired"}));
  REQUIRE_FALSE(reasons.empty());
  auto archived = ok(c.update_opportunity_archived({.opportunity_id = id, .perform_as = user,
                                                    .body = {.reason = reasons.front().id}}));
  REQUIRE(archived.archived.has_value());
  ok(c.update_opportunity_archived({.opportunity_id = id, .perform_as = user, .body = {}}));
  CHECK_FALSE(ok(c.get_opportunity({.opportunity_id = id})).archived.has_value());

  ok(c.add_tags({.opportunity_id = id, .body = {.tags = {"t1", "t2"}}}));
  ok(c.remove_tags({.opportunity_id = id, .body = {.tags = {"from-notetaker"}}}));
  ok(c.add_links({.opportunity_id = id, .body = {.links = {"https://github.com/ada"}}}));
  ok(c.add_sources({.opportunity_id = id, .body = {.sources = {"Notetaker", "Referral"}}}));
  ok(c.remove_sources({.opportunity_id = id, .body = {.sources = {"Referral"}}}));
  auto now = ok(c.get_opportunity({.opportunity_id = id}));
  CHECK(std::set<std::string>(now.tags.begin(), now.tags.end()) == std::set<std::string>{"t1", "t2"});
  CHECK(std::count(now.links.begin(), now.links.end(), "https://github.com/ada") == 1);
  CHECK(std::count(now.sources.begin(), now.sources.end(), "Notetaker") == 1);
  CHECK(std::count(now.sources.begin(), now.sources.end(), "Referral") == 0);
  ok(c.remove_links({.opportunity_id = id, .body = {.links = {"https://github.com/ada"}}}));
  CHECK(ok(c.get_opportunity({.opportunity_id = id})).links.empty());
  CHECK(env.writes("opportunities") == 10);
}

TEST_CASE("webhooks: list, create, delete") {
  ResEnv env;
  auto c = env.client();
  auto before = collect(c.list_webhooks({}));
  auto created = ok(c.create_webhook({.body = {.url = "https://hooks.example.com/lever", .event = "candidateStageChange"}}));
  CHECK(created.url == "https://hooks.example.com/lever");
  CHECK(created.event == "candidateStageChange");
  auto after = collect(c.list_webhooks({}));
  CHECK(after.size() == before.size() + 1);
  CHECK(std::count_if(after.begin(), after.end(), [&](const auto& w) { return w.id == created.id; }) == 1);
  ok_void(c.delete_webhook({.webhook_id = created.id}));
  auto final_list = collect(c.list_webhooks({}));
  CHECK(final_list.size() == before.size());
  CHECK(env.writes("webhooks") == 2);
}

TEST_CASE("documented errors on resource writes: 403 with the read-only key, 404 for unknown ids") {
  ResEnv env;
  auto full = env.client();
  auto ro = env.client(sbx::kReadOnlyKey);
  auto user = first_user(full);
  auto opp = some_opportunities(full).at(6).id;

  auto note = ro.create_note({.opportunity_id = opp, .body = {.value = "read-only"}});
  REQUIRE_FALSE(note.has_value());
  CHECK(note.error().code == Errc::forbidden);
  CHECK(note.error().http_status == 403);
  auto panel = ro.create_panel({.opportunity_id = opp, .perform_as = user, .body = external_panel(user)});
  REQUIRE_FALSE(panel.has_value());
  CHECK(panel.error().code == Errc::forbidden);
  auto tags = ro.add_tags({.opportunity_id = opp, .body = {.tags = {"x"}}});
  REQUIRE_FALSE(tags.has_value());
  CHECK(tags.error().code == Errc::forbidden);
  // Reads work with the same key.
  CHECK_FALSE(collect(ro.list_feedback_templates({})).empty());
  CHECK(env.writes("notes") + env.writes("panels") + env.writes("opportunities") == 0);

  const std::string unknown = "00000000-0000-4000-8000-000000000000";
  auto n = full.get_note({.opportunity_id = opp, .note_id = unknown});
  REQUIRE_FALSE(n.has_value());
  CHECK(n.error().code == Errc::not_found);
  CHECK(n.error().lever_code == "ResourceNotFound");
  CHECK(full.get_feedback({.opportunity_id = opp, .feedback_id = unknown}).error().code == Errc::not_found);
  CHECK(full.get_profile_form({.opportunity_id = opp, .profile_form_id = unknown}).error().code == Errc::not_found);
  CHECK(full.get_panel({.opportunity_id = opp, .panel_id = unknown}).error().code == Errc::not_found);
  CHECK(full.get_feedback_template({.template_id = unknown}).error().code == Errc::not_found);
  CHECK(full.delete_webhook({.webhook_id = unknown}).error().code == Errc::not_found);
  CHECK(full.add_tags({.opportunity_id = unknown, .body = {.tags = {"x"}}}).error().code == Errc::not_found);
}

TEST_CASE("feedback linked to an interview of an externally managed panel: panel and interview together") {
  ResEnv env;
  auto c = env.client();
  auto user = first_user(c);
  auto opp = some_opportunities(c).at(8).id;
  auto templates = collect(c.list_feedback_templates({}));
  REQUIRE_FALSE(templates.empty());
  const auto& tmpl = templates.front();
  auto body = external_panel(user);
  body.interviews.front().feedback_template = tmpl.id;
  auto panel = ok(c.create_panel({.opportunity_id = opp, .perform_as = user, .body = body}));
  auto ivs = collect(c.list_interviews({.opportunity_id = opp}));
  auto iv = std::find_if(ivs.begin(), ivs.end(), [&](const auto& i) { return i.panel == std::optional<std::string>(panel.id); });
  REQUIRE(iv != ivs.end());
  CHECK(iv->feedback_template == std::optional<std::string>(tmpl.id));

  std::vector<leverkit::FieldValueEntry> values;
  for (const auto& f : tmpl.fields) values.push_back(ok(leverkit::field_entry(f, fill(f))));
  auto fb = ok(c.create_feedback({.opportunity_id = opp, .perform_as = user,
                                  .body = {.base_template_id = tmpl.id, .panel = panel.id, .interview = iv->id,
                                           .field_values = values}}));
  auto got = ok(c.get_feedback({.opportunity_id = opp, .feedback_id = fb.id}));
  CHECK(got.panel == std::optional<std::string>(panel.id));
  CHECK(got.interview == std::optional<std::string>(iv->id));
  CHECK(got.type == "interview");

  // interview without panel: refused before sending.
  auto posts = env.requests("POST /v1/opportunities/:id/feedback");
  auto half = c.create_feedback({.opportunity_id = opp, .perform_as = user,
                                 .body = {.base_template_id = tmpl.id, .interview = iv->id, .field_values = values}});
  REQUIRE_FALSE(half.has_value());
  CHECK(half.error().code == Errc::invalid_argument);
  CHECK(env.requests("POST /v1/opportunities/:id/feedback") == posts);
  CHECK(env.writes("feedback") == 1);
}
