// Notes, applications, contacts, opportunity writes and webhooks through leverkit::Client against
// the in-process sandbox, and the documented 403/404 errors of resource writes.
#include "resources_env.hpp"

using namespace resources_test;

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
