// Interviews, panels and feedback linked to an interview through leverkit::Client against the
// in-process sandbox, with perform_as rules that must fail before anything is sent.
#include "resources_env.hpp"

using namespace resources_test;

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
