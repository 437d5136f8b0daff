// The sandbox over real HTTP (in-process server on a free loopback port): shapes against the
// Lever samples, pagination, auth, OAuth, rate limits, faults, quirks, webhooks.
#include <chrono>
#include <filesystem>
#include <unistd.h>
#include <map>
#include <mutex>
#include <thread>

#include "api.hpp"
#include "harness.hpp"

using namespace sbx_test;
using leverkit::sandbox::detail::hmac_sha256_hex;
using leverkit::sandbox::detail::url_encode;

namespace {

// Every key of the real sample must be served; extra keys only from `allowed_extra`.
void check_keys(const Value& sample, const Value& ours, const std::set<std::string>& allowed_extra = {}) {
  REQUIRE(ours.is_object());
  auto want = keys(sample), got = keys(ours);
  for (const auto& k : want) CHECK_MESSAGE(got.count(k) == 1, "missing key ", k);
  for (const auto& k : got) CHECK_MESSAGE((want.count(k) == 1 || allowed_extra.count(k) == 1), "unexpected key ", k);
}

std::string perform_as(Sandbox& s) {
  auto r = s.get("/v1/users?accessRole=super%20admin");
  REQUIRE(r.status == 200);
  return r.body.find("data")->as_array().at(0).str("id");
}

// An opportunity with an externally managed panel (and one with an app-managed panel).
struct PanelPick {
  std::string opp, panel, interview;
};
PanelPick find_panel(Sandbox& s, bool external) {
  std::string offset;
  for (int page = 0; page < 10; ++page) {
    auto r = s.get("/v1/opportunities?limit=100" + (offset.empty() ? "" : "&offset=" + url_encode(offset)));
    REQUIRE(r.status == 200);
    for (const auto& o : r.body.find("data")->as_array()) {
      auto p = s.get("/v1/opportunities/" + o.str("id") + "/panels");
      for (const auto& panel : p.body.find("data")->as_array()) {
        if (panel.find("externallyManaged")->as_bool() == external && !panel.find("interviews")->as_array().empty())
          return {o.str("id"), panel.str("id"), panel.find("interviews")->as_array()[0].str("id")};
      }
    }
    if (!r.body.find("next")) break;
    offset = r.body.str("next");
  }
  FAIL("no panel found");
  return {};
}

}  // namespace

TEST_CASE("shapes match the real Lever samples") {
  Sandbox s;
  auto list = s.get("/v1/opportunities?limit=5");
  REQUIRE(list.status == 200);
  auto page_sample = load_sample("list_page_opportunities.json");
  check_keys(page_sample, list.body);
  const Value& opp = list.body.find("data")->as_array().at(0);
  auto one = s.get("/v1/opportunities/" + opp.str("id"));
  REQUIRE(one.status == 200);
  check_keys(load_sample("opportunity.json"), one.body);
  check_keys(*load_sample("opportunity.json").find("data"), *one.body.find("data"));

  check_keys(*load_sample("user.json").find("data"), *s.get("/v1/users/" + perform_as(s)).body.find("data"));
  auto stages = s.get("/v1/stages");
  check_keys(load_sample("stages.json"), stages.body);
  const Value stages_sample = load_sample("stages.json");
  for (const auto& st : stages.body.find("data")->as_array()) check_keys(stages_sample.find("data")->as_array()[0], st);

  auto pick = find_panel(s, true);
  auto iv = s.get("/v1/opportunities/" + pick.opp + "/interviews/" + pick.interview);
  REQUIRE(iv.status == 200);
  check_keys(*load_sample("interview.json").find("data"), *iv.body.find("data"));
  const Value panel_sample = load_sample("panel_create_response.json");
  const Value& sample_panel = *panel_sample.find("data");
  auto panel = s.get("/v1/opportunities/" + pick.opp + "/panels/" + pick.panel);
  check_keys(sample_panel, *panel.body.find("data"));
  check_keys(sample_panel.find("interviews")->as_array()[0], panel.body.find("data")->find("interviews")->as_array()[0]);

  // Templates: per field type, the keys Lever sends.
  auto templates = s.get("/v1/feedback_templates");
  REQUIRE(templates.status == 200);
  check_keys(load_sample("feedback_templates_list.json"), templates.body);
  std::map<std::string, std::set<std::string>> sample_field_keys;
  const Value templates_sample = load_sample("feedback_templates_list.json");
  for (const auto& t : templates_sample.find("data")->as_array())
    for (const auto& f : t.find("fields")->as_array()) sample_field_keys[f.str("type")] = keys(f);
  std::set<std::string> seen_types;
  for (const auto& t : templates.body.find("data")->as_array()) {
    check_keys(*load_sample("feedback_template.json").find("data"), t);
    int score_systems = 0;
    for (const auto& f : t.find("fields")->as_array()) {
      seen_types.insert(f.str("type"));
      if (f.str("type") == "score-system") ++score_systems;
      if (sample_field_keys.count(f.str("type"))) CHECK(keys(f) == sample_field_keys[f.str("type")]);
    }
    CHECK(score_systems == 1);
  }
  for (const auto& [type, _] : sample_field_keys) CHECK_MESSAGE(seen_types.count(type) == 1, "no template uses ", type);

  auto err = s.get("/v1/stages/a80bbbe0-d4dd-4eac-bdbf-302345414f93");
  CHECK(err.status == 404);
  check_keys(load_sample("error_404.json"), err.body);
  CHECK(err.body.str("message") == "stages a80bbbe0-d4dd-4eac-bdbf-302345414f93 was not found");
}

TEST_CASE("pagination walks every record once / Lever-style tokens / 400 on bad limit and stale offset") {
  Sandbox s;
  std::set<std::string> ids;
  std::string offset;
  int pages = 0;
  while (true) {
    auto r = s.get("/v1/opportunities?limit=37" + (offset.empty() ? "" : "&offset=" + url_encode(offset)));
    REQUIRE(r.status == 200);
    ++pages;
    for (const auto& o : r.body.find("data")->as_array()) CHECK(ids.insert(o.str("id")).second);
    if (!r.body.find("hasNext")->as_bool()) {
      CHECK(r.body.find("next") == nullptr);
      break;
    }
    offset = r.body.str("next");
    CHECK(offset.starts_with("%5B"));  // a URL-encoded JSON array
  }
  CHECK(ids.size() > 200);
  CHECK(pages == static_cast<int>((ids.size() + 36) / 37));
  // The raw, already-decoded form is accepted too (clients that do not re-encode).
  auto first = s.get("/v1/opportunities?limit=2");
  std::string tok = first.body.str("next");
  CHECK(s.get("/v1/opportunities?limit=2&offset=" + tok).status == 200);

  for (std::string bad : {"0", "101", "-1", "abc", "1.5"}) {
    auto r = s.get("/v1/opportunities?limit=" + bad);
    CHECK(r.status == 400);
    CHECK(r.body.str("code") == "InvalidParameter");
  }
  auto garbage = s.get("/v1/opportunities?offset=garbage");
  CHECK(garbage.status == 400);
  CHECK(garbage.body.str("message").find("offset") != std::string::npos);
  // A token of another list is stale here.
  auto users = s.get("/v1/users?limit=2");
  auto cross = s.get("/v1/opportunities?offset=" + url_encode(users.body.str("next")));
  CHECK(cross.status == 400);
  CHECK(cross.body.str("code") == "InvalidParameter");
  CHECK(cross.body.str("message").find("offset") != std::string::npos);
}

TEST_CASE("API keys: 401 without or with a bad key / 403 for writes with the read-only key") {
  Sandbox s;
  CHECK(s.get("/v1/stages", "").status == 401);
  auto bad = s.get("/v1/stages", "not-a-key");
  CHECK(bad.status == 401);
  CHECK(bad.body.str("code") == "Unauthorized");
  CHECK(s.get("/v1/stages", leverkit::sandbox::kReadOnlyKey).status == 200);
  auto opp = s.get("/v1/opportunities?limit=1").body.find("data")->as_array()[0].str("id");
  auto denied = s.post("/v1/opportunities/" + opp + "/notes", R"({"value":"hi"})", leverkit::sandbox::kReadOnlyKey);
  CHECK(denied.status == 403);
  CHECK(denied.body.str("code") == "Forbidden");
  CHECK(denied.body.str("message").find("notes:write:admin") != std::string::npos);
  // Confidential data needs its own permission.
  CHECK(s.get("/v1/opportunities?confidentiality=all", leverkit::sandbox::kReadOnlyKey).status == 403);
  CHECK(s.get("/v1/opportunities?confidentiality=all").status == 200);
}

TEST_CASE("rate limit: token bucket per key / 429 with a Lever-style body / refills with time") {
  auto now = std::make_shared<std::atomic<std::int64_t>>(1'800'000'000'000);
  auto o = Sandbox::defaults();
  o.rate_limit = {true, 2.0, 5.0};
  o.clock = [now] { return now->load(); };
  Sandbox s(o);
  for (int i = 0; i < 5; ++i) CHECK(s.get("/v1/stages").status == 200);
  auto limited = s.get("/v1/stages");
  CHECK(limited.status == 429);
  CHECK(limited.body.str("code") == "TooManyRequests");
  // Another key has its own bucket.
  CHECK(s.get("/v1/stages", leverkit::sandbox::kReadOnlyKey).status == 200);
  now->fetch_add(500);  // 2/s -> one token back
  CHECK(s.get("/v1/stages").status == 200);
  CHECK(s.get("/v1/stages").status == 429);
  auto stats = s.get("/__sandbox/stats");
  CHECK(stats.body.num("rateLimited") == 2);
}

TEST_CASE("OAuth: authorize redirect / code exchange / refresh rotation / reuse kills the grant / TTL / revocation") {
  auto now = std::make_shared<std::atomic<std::int64_t>>(1'800'000'000'000);
  auto o = Sandbox::defaults();
  o.clock = [now] { return now->load(); };
  o.access_token_ttl = std::chrono::seconds(60);
  Sandbox s(o);
  auto auth = s.client->Get(
      "/oauth/authorize?client_id=sandbox-client&redirect_uri=http%3A%2F%2Flocalhost%2Fcb&response_type=code&state=xyz"
      "&scope=" + url_encode("offline_access stages:read:admin notes:read:admin"));
  REQUIRE(auth);
  CHECK(auth->status == 302);
  std::string location = auth->get_header_value("Location");
  CHECK(location.starts_with("http://localhost/cb?code="));
  CHECK(location.find("state=xyz") != std::string::npos);
  std::string code = location.substr(location.find("code=") + 5);
  code = code.substr(0, code.find('&'));

  auto token = [&](const std::string& form) {
    auto r = s.client->Post("/oauth/token", form, "application/x-www-form-urlencoded");
    REQUIRE(r);
    return std::make_pair(r->status, parse(r->body));
  };
  std::string creds = "&client_id=sandbox-client&client_secret=sandbox-client-secret";
  auto [st1, t1] = token("grant_type=authorization_code&code=" + code + "&redirect_uri=http%3A%2F%2Flocalhost%2Fcb" + creds);
  REQUIRE(st1 == 200);
  CHECK(t1.str("token_type") == "Bearer");
  CHECK(t1.num("expires_in") == 60);
  CHECK(t1.str("scope") == "offline_access stages:read:admin notes:read:admin");
  // The code is single-use (a reuse also revokes what it issued: strict_test.cpp).
  CHECK(s.get("/v1/stages", "Bearer " + t1.str("access_token")).status == 200);
  CHECK(s.get("/v1/users", "Bearer " + t1.str("access_token")).status == 403);  // scope not granted

  auto [st2, t2] = token("grant_type=refresh_token&refresh_token=" + url_encode(t1.str("refresh_token")) + creds);
  REQUIRE(st2 == 200);
  CHECK(t2.str("refresh_token") != t1.str("refresh_token"));
  now->fetch_add(61'000);
  CHECK(s.get("/v1/stages", "Bearer " + t2.str("access_token")).status == 401);  // expired
  auto [st3, t3] = token("grant_type=refresh_token&refresh_token=" + url_encode(t2.str("refresh_token")) + creds);
  REQUIRE(st3 == 200);
  CHECK(s.get("/v1/stages", "Bearer " + t3.str("access_token")).status == 200);
  // Reusing a rotated refresh token: invalid_grant, and the whole grant dies.
  auto [st4, reuse] = token("grant_type=refresh_token&refresh_token=" + url_encode(t1.str("refresh_token")) + creds);
  CHECK(st4 == 400);
  CHECK(reuse.str("error") == "invalid_grant");
  CHECK(s.get("/v1/stages", "Bearer " + t3.str("access_token")).status == 401);
  CHECK(token("grant_type=refresh_token&refresh_token=" + url_encode(t3.str("refresh_token")) + creds).second.str("error") ==
        "invalid_grant");
  CHECK(token("grant_type=refresh_token&refresh_token=x&client_id=sandbox-client&client_secret=wrong").first == 401);

  // Revocation through the admin API.
  auto again = s.client->Get("/oauth/authorize?client_id=sandbox-client&redirect_uri=http%3A%2F%2Flocalhost%2Fcb&response_type=code&state=s");
  std::string loc2 = again->get_header_value("Location");
  std::string code2 = loc2.substr(loc2.find("code=") + 5);
  code2 = code2.substr(0, code2.find('&'));
  auto [st5, t5] = token("grant_type=authorization_code&code=" + code2 + "&redirect_uri=http%3A%2F%2Flocalhost%2Fcb" + creds);
  REQUIRE(st5 == 200);
  CHECK(s.get("/v1/stages", "Bearer " + t5.str("access_token")).status == 200);
  auto rev = s.client->Post("/__sandbox/oauth/revoke", "{\"refreshToken\":\"" + t5.str("refresh_token") + "\"}", "application/json");
  CHECK(parse(rev->body).num("revoked") == 1);
  CHECK(s.get("/v1/stages", "Bearer " + t5.str("access_token")).status == 401);
}

TEST_CASE("quirk 15, quirk 3: users hide deactivated ones unless includeDeactivated=true  stages mix slugs and UUIDs") {
  Sandbox s;
  auto active = s.get("/v1/users");
  auto all = s.get("/v1/users?includeDeactivated=true");
  std::size_t deactivated = 0;
  for (const auto& u : all.body.find("data")->as_array()) deactivated += u.find("deactivatedAt")->is_null() ? 0 : 1;
  CHECK(deactivated > 0);
  CHECK(active.body.find("data")->as_array().size() + deactivated == all.body.find("data")->as_array().size());
  for (const auto& u : active.body.find("data")->as_array()) CHECK(u.find("deactivatedAt")->is_null());
  std::set<std::string> roles;
  for (const auto& u : all.body.find("data")->as_array()) roles.insert(u.str("accessRole"));
  CHECK(roles == std::set<std::string>{"super admin", "admin", "team member", "limited team member", "interviewer"});
  auto stages = s.get("/v1/stages").body;
  bool slug = false, uuid = false;
  for (const auto& st : stages.find("data")->as_array()) (st.str("id").size() == 36 ? uuid : slug) = true;
  CHECK(slug);
  CHECK(uuid);
  CHECK(s.get("/v1/stages/lead-new").body.find("data")->str("text") == "New lead");
}

TEST_CASE("quirk 14, quirk 13: notes: create returns the full note plus noteId / note_id threads / only API notes change") {
  Sandbox s;
  std::string actor = perform_as(s);
  std::string opp = s.get("/v1/opportunities?limit=1").body.find("data")->as_array()[0].str("id");
  auto created = s.post("/v1/opportunities/" + opp + "/notes?perform_as=" + actor, R"({"value":"Great call ✨","score":4})");
  REQUIRE(created.status == 201);
  const Value& note = *created.body.find("data");
  check_keys(*load_sample("note_create_response.json").find("data"), note);
  CHECK(note.str("noteId") == note.str("id"));
  auto threaded = s.post("/v1/opportunities/" + opp + "/notes?note_id=" + note.str("id"), R"({"value":"reply"})");
  REQUIRE(threaded.status == 201);
  auto got = s.get("/v1/opportunities/" + opp + "/notes/" + note.str("id"));
  check_keys(*load_sample("note.json").find("data"), *got.body.find("data"));
  CHECK(got.body.find("data")->find("fields")->as_array().size() == 2);
  CHECK(s.post("/v1/opportunities/" + opp + "/notes", R"({"value":""})").status == 400);
  CHECK(s.post("/v1/opportunities/" + opp + "/notes", R"({"value":"x","score":9})").status == 400);
  CHECK(s.post("/v1/opportunities/" + opp + "/notes", R"({"value":"x","createdAt":99999999999999})").status == 400);
  CHECK(s.post("/v1/opportunities/nope/notes", R"({"value":"x"})").status == 404);
  CHECK(s.del("/v1/opportunities/" + opp + "/notes/" + note.str("id")).status == 204);
  CHECK(s.get("/v1/opportunities/" + opp + "/notes/" + note.str("id")).status == 404);
  auto stats = s.get("/__sandbox/stats").body;
  CHECK(stats.find("writes")->num("notes") == 3);
}

TEST_CASE("feedback: panel+interview together / type checks / deleted feedback still returned / PUT shape") {
  Sandbox s;
  std::string actor = perform_as(s);
  auto pick = find_panel(s, false);
  auto templates = s.get("/v1/feedback_templates").body.find("data")->as_array();
  const Value& tmpl = templates[0];
  std::string score_field, text_field;
  for (const auto& f : tmpl.find("fields")->as_array()) {
    if (f.str("type") == "score-system") score_field = f.str("id");
    if (f.str("type") == "textarea") text_field = f.str("id");
  }
  std::string base = "/v1/opportunities/" + pick.opp + "/feedback";
  CHECK(s.post(base, "{\"baseTemplateId\":\"" + tmpl.str("id") + "\"}").status == 400);  // perform_as missing
  std::string q = "?perform_as=" + actor;
  auto only_panel = s.post(base + q, "{\"baseTemplateId\":\"" + tmpl.str("id") + "\",\"panel\":\"" + pick.panel + "\"}");
  CHECK(only_panel.status == 400);
  CHECK(only_panel.body.str("message").find("together") != std::string::npos);
  auto wrong_value = s.post(base + q, "{\"baseTemplateId\":\"" + tmpl.str("id") + "\",\"fieldValues\":[{\"id\":\"" +
                                          score_field + "\",\"value\":\"5 - Amazing\"}]}");
  CHECK(wrong_value.status == 400);
  auto created = s.post(base + q, "{\"baseTemplateId\":\"" + tmpl.str("id") + "\",\"panel\":\"" + pick.panel +
                                      "\",\"interview\":\"" + pick.interview + "\",\"fieldValues\":[{\"id\":\"" +
                                      score_field + "\",\"value\":\"3 - Hire\"}]}");
  REQUIRE(created.status == 201);
  const Value& fb = *created.body.find("data");
  check_keys(*load_sample("feedback.json").find("data"), fb);
  CHECK(fb.str("user") == actor);
  CHECK(fb.find("completedAt")->is_int());
  auto iv = s.get("/v1/opportunities/" + pick.opp + "/interviews/" + pick.interview).body;
  bool linked = false;
  for (const auto& id : iv.find("data")->find("feedbackForms")->as_array()) linked |= id.as_string() == fb.str("id");
  CHECK(linked);

  auto updated = s.put(base + "/" + fb.str("id") + q,
                       "{\"fieldValues\":[{\"id\":\"" + text_field + "\",\"value\":\"Strong technical skills\"}]}");
  REQUIRE(updated.status == 200);
  check_keys(*load_sample("feedback_update_response.json").find("data"), *updated.body.find("data"));
  bool overall = false;
  for (const auto& f : updated.body.find("data")->find("fields")->as_array()) {
    if (f.find("overall")) {
      overall = true;
      CHECK(f.str("type") == "score");
      CHECK(f.str("value") == "3 - Hire");
      check_keys(load_sample("feedback_update_response.json").find("data")->find("fields")->as_array()[0], f);
    }
  }
  CHECK(overall);
  CHECK(s.del(base + "/" + fb.str("id") + q).status == 204);
  auto after = s.get(base + "/" + fb.str("id"));
  CHECK(after.status == 200);
  CHECK(after.body.find("data")->find("deletedAt")->is_int());
  CHECK(s.del(base + "/" + fb.str("id") + q).status == 404);
}

TEST_CASE("quirk 9, quirk 13: feedback templates: exactly one score-system / ids regenerated on PUT / only API templates deletable") {
  Sandbox s;
  auto none = s.post("/v1/feedback_templates", R"({"text":"T","fields":[{"type":"text","text":"Q"}]})");
  CHECK(none.status == 400);
  auto two = s.post("/v1/feedback_templates",
                    R"({"text":"T","fields":[{"type":"score-system","text":"A"},{"type":"score-system","text":"B"}]})");
  CHECK(two.status == 400);
  CHECK(s.post("/v1/feedback_templates", R"({"text":"T","fields":[{"type":"bogus","text":"A"}]})").status == 400);
  auto created = s.post("/v1/feedback_templates",
                        R"({"text":"Sandbox template","instructions":"","fields":[{"type":"score-system","text":"Overall","required":true},{"type":"textarea","text":"Notes"}]})");
  REQUIRE(created.status == 201);
  const Value& t = *created.body.find("data");
  check_keys(*load_sample("feedback_template.json").find("data"), t);
  const Value& ss = t.find("fields")->as_array()[0];
  CHECK(ss.str("prompt") == "Select one");
  CHECK(ss.find("options")->as_array().size() == 4);
  auto updated = s.put("/v1/feedback_templates/" + t.str("id"),
                       R"J({"text":"Sandbox template (updated)","fields":[{"type":"score-system","text":"Overall"},{"type":"textarea","text":"Notes"}]})J");
  REQUIRE(updated.status == 200);
  for (std::size_t i = 0; i < 2; ++i)
    CHECK(updated.body.find("data")->find("fields")->as_array()[i].str("id") != t.find("fields")->as_array()[i].str("id"));
  std::string builtin = s.get("/v1/feedback_templates").body.find("data")->as_array()[0].str("id");
  CHECK(s.del("/v1/feedback_templates/" + builtin).status == 403);
  CHECK(s.del("/v1/feedback_templates/" + t.str("id")).status == 204);
  CHECK(s.get("/v1/feedback_templates/" + t.str("id")).status == 404);
}

TEST_CASE("quirk 8, quirk 12: panels and interviews: writes only on externally managed panels / PUT full replace / last interview deletes panel") {
  Sandbox s;
  std::string actor = perform_as(s);
  std::string q = "?perform_as=" + actor;
  auto internal = find_panel(s, false);
  CHECK(s.del("/v1/opportunities/" + internal.opp + "/panels/" + internal.panel + q).status == 403);
  CHECK(s.del("/v1/opportunities/" + internal.opp + "/interviews/" + internal.interview + q).status == 403);

  std::string opp = internal.opp;
  std::string iv_body = "{\"subject\":\"Technical Interview\",\"interviewers\":[{\"id\":\"" + actor +
                        "\"}],\"date\":1783260000000,\"duration\":60}";
  auto bad_tz = s.post("/v1/opportunities/" + opp + "/panels" + q, "{\"interviews\":[" + iv_body + "]}");
  CHECK(bad_tz.status == 400);
  auto created = s.post("/v1/opportunities/" + opp + "/panels" + q,
                        "{\"timezone\":\"America/Los_Angeles\",\"interviews\":[" + iv_body + "," + iv_body + "]}");
  REQUIRE(created.status == 201);
  const Value& panel = *created.body.find("data");
  check_keys(*load_sample("panel_create_response.json").find("data"), panel);
  CHECK(panel.find("externallyManaged")->as_bool());
  CHECK(panel.str("feedbackReminder") == "daily");
  CHECK(panel.num("start") == 1783260000000);
  auto ivs = panel.find("interviews")->as_array();
  REQUIRE(ivs.size() == 2);
  check_keys(load_sample("panel_create_response.json").find("data")->find("interviews")->as_array()[0], ivs[0]);

  // PUT: keep the first interview (changed), drop the second, add a new one.
  std::string kept = ivs[0].str("id");
  auto replaced = s.put("/v1/opportunities/" + opp + "/panels/" + panel.str("id") + q,
                        "{\"timezone\":\"Europe/Berlin\",\"interviews\":[{\"id\":\"" + kept + "\",\"subject\":\"Moved\",\"interviewers\":[{\"id\":\"" +
                            actor + "\"}],\"date\":1783270000000,\"duration\":30}," + iv_body + "]}");
  REQUIRE(replaced.status == 200);
  auto now_ivs = replaced.body.find("data")->find("interviews")->as_array();
  REQUIRE(now_ivs.size() == 2);
  CHECK(now_ivs[0].str("id") == kept);
  CHECK(now_ivs[0].str("subject") == "Moved");
  CHECK(now_ivs[1].str("id") != ivs[1].str("id"));
  CHECK(replaced.body.find("data")->find("note")->is_null());
  CHECK(s.get("/v1/opportunities/" + opp + "/interviews/" + ivs[1].str("id")).status == 404);

  // Interview PUT replaces the whole object: the note not sent is gone.
  auto iv_put = s.put("/v1/opportunities/" + opp + "/interviews/" + kept + q,
                      "{\"panel\":\"" + panel.str("id") + "\",\"interviewers\":[{\"id\":\"" + actor +
                          "\"}],\"date\":1783280000000,\"duration\":45}");
  REQUIRE(iv_put.status == 200);
  CHECK(iv_put.body.find("data")->str("subject").empty());
  CHECK(s.put("/v1/opportunities/" + opp + "/interviews/" + kept + q, "{\"interviewers\":[]}").status == 400);

  CHECK(s.del("/v1/opportunities/" + opp + "/interviews/" + kept + q).status == 204);
  CHECK(s.del("/v1/opportunities/" + opp + "/interviews/" + now_ivs[1].str("id") + q).status == 204);
  CHECK(s.get("/v1/opportunities/" + opp + "/panels/" + panel.str("id")).status == 404);
}

TEST_CASE("quirk 16: opportunity writes: stage change / archive / tags  write responses blank the contact fields") {
  Sandbox s;
  std::string actor = perform_as(s);
  const Value opp = s.get("/v1/opportunities?limit=1").body.find("data")->as_array()[0];
  std::string base = "/v1/opportunities/" + opp.str("id");
  auto staged = s.put(base + "/stage", R"({"stage":"offer"})");
  REQUIRE(staged.status == 200);
  CHECK(staged.body.find("data")->str("stage") == "offer");
  CHECK(staged.body.find("data")->str("name").empty());
  CHECK(s.get(base).body.find("data")->str("name") == opp.str("name"));
  CHECK(s.put(base + "/stage", R"({"stage":"nope"})").status == 400);
  std::string reason = s.get("/v1/archive_reasons?type=hired").body.find("data")->as_array()[0].str("id");
  auto archived = s.put(base + "/archived", "{\"reason\":\"" + reason + "\"}");
  REQUIRE(archived.status == 200);
  CHECK(archived.body.find("data")->find("archived")->str("reason") == reason);
  CHECK(s.put(base + "/archived", R"({"reason":null})").body.find("data")->find("archived")->is_null());
  auto tagged = s.post(base + "/addTags", R"({"tags":["sandbox-tag"]})");
  REQUIRE(tagged.status == 200);
  CHECK(s.get("/v1/opportunities?tag=sandbox-tag").body.find("data")->as_array().size() == 1);
  auto created = s.post("/v1/opportunities?perform_as=" + actor,
                        "{\"name\":\"Zoë Test\",\"emails\":[\"" + opp.find("emails")->as_array().at(0).as_string() + "\"]}");
  REQUIRE(created.status == 201);
  CHECK(created.body.find("deduped")->as_bool());
  CHECK(created.body.find("data")->str("contact") == opp.str("contact"));
  CHECK(s.post("/v1/opportunities?perform_as=" + actor, R"({"name":"x","postings":["a","b"]})").status == 400);
}

TEST_CASE("quirk 18, quirk 7: webhooks: list without hasNext or token  deliveries signed like Lever") {
  httplib::Server receiver;
  std::mutex m;
  std::vector<std::string> bodies;
  std::vector<std::string> agents;
  receiver.Post("/hook", [&](const httplib::Request& req, httplib::Response& res) {
    std::lock_guard lock(m);
    bodies.push_back(req.body);
    agents.push_back(req.get_header_value("User-Agent"));
    res.status = 200;
  });
  int port = receiver.bind_to_any_port("127.0.0.1");
  std::thread t([&] { receiver.listen_after_bind(); });
  auto o = Sandbox::defaults();
  o.webhook_url = "http://127.0.0.1:" + std::to_string(port) + "/hook";
  o.webhook_signature_token = "0123456789abcdef0123456789abcdef0123456789abcdef";
  {
    Sandbox s(o);
    auto created = s.post("/v1/webhooks", R"({"event":"candidateHired","url":"https://example.com/webhooks/x"})");
    REQUIRE(created.status == 201);
    check_keys(*load_sample("webhook_create_response.json").find("data"), *created.body.find("data"));
    CHECK(created.body.find("data")->find("configuration")->str("signatureToken").size() == 48);
    auto list = s.get("/v1/webhooks");
    CHECK(list.body.find("hasNext") == nullptr);
    CHECK(list.body.find("data")->as_array()[0].find("configuration")->find("signatureToken") == nullptr);
    CHECK(s.post("/v1/webhooks", R"({"event":"nope","url":"https://x"})").status == 400);

    std::string opp = s.get("/v1/opportunities?limit=1").body.find("data")->as_array()[0].str("id");
    REQUIRE(s.put("/v1/opportunities/" + opp + "/stage", R"({"stage":"offer"})").status == 200);
    for (int i = 0; i < 200; ++i) {
      {
        std::lock_guard lock(m);
        if (!bodies.empty()) break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }
  receiver.stop();
  t.join();
  REQUIRE(bodies.size() >= 1);
  Value hook = parse(bodies[0]);
  auto sample = load_sample("webhook_candidate_stage_change.json");
  for (const auto& k : keys(sample)) CHECK_MESSAGE(hook.find(k) != nullptr, "missing ", k);
  check_keys(*sample.find("data"), *hook.find("data"));
  CHECK(hook.str("event") == "candidateStageChange");
  CHECK(hook.str("token").size() == 48);
  CHECK(hook.str("signature") ==
        hmac_sha256_hex(o.webhook_signature_token, hook.str("token") + std::to_string(hook.num("triggeredAt"))));
  CHECK(agents[0] == "Lever-Webhooks");
}

TEST_CASE("fault plans: status sequence / then normal  transport faults  stats  --no-admin") {
  Sandbox s;
  auto plan = s.client->Post("/__sandbox/faults",
                             R"({"route":"GET /v1/stages","faults":[503,"500",{"type":"429"}]})", "application/json");
  REQUIRE(plan);
  CHECK(plan->status == 201);
  CHECK(s.get("/v1/stages").status == 503);
  CHECK(s.get("/v1/stages").status == 500);
  CHECK(s.get("/v1/stages").status == 429);
  CHECK(s.get("/v1/stages").status == 200);
  CHECK(s.client->Post("/__sandbox/faults", R"({"route":"/v1/stages","faults":["meteor"]})", "application/json")->status == 400);

  s.client->Post("/__sandbox/faults", R"({"route":"/v1/stages","faults":["invalid-json","truncate","reset",{"type":"slow","ms":50}]})",
                 "application/json");
  auto garbled = s.get("/v1/stages");
  CHECK(garbled.status == 200);
  CHECK(garbled.body.is_null());  // not parseable
  CHECK(s.get("/v1/stages").status == 0);  // truncated: the client reports an error
  CHECK(s.get("/v1/stages").status == 0);  // reset
  auto slow = s.get("/v1/stages");
  CHECK(slow.status == 200);
  CHECK(slow.body.find("data")->as_array().size() == 11);
  auto stats = s.get("/__sandbox/stats").body;
  CHECK(stats.num("faultsInjected") == 7);
  CHECK(stats.find("requests")->num("GET /v1/stages") == 8);

  auto o = Sandbox::defaults();
  o.admin = false;
  Sandbox closed(o);
  CHECK(closed.get("/__sandbox/stats").status == 404);
  CHECK(closed.get("/v1/stages").status == 200);
}

TEST_CASE("bad input is a Lever-style 400/404 / never a crash") {
  Sandbox s;
  std::string actor = perform_as(s);
  std::string opp = s.get("/v1/opportunities?limit=1").body.find("data")->as_array()[0].str("id");
  std::string notes = "/v1/opportunities/" + opp + "/notes";
  for (std::string body : {"", "{", "[]", "null", "{\"value\":3}", "{\"value\":[\"a\"]}", "\"x\"", "{\"value\":\"a\",\"secret\":\"yes\"}"}) {
    auto r = s.post(notes, body);
    CHECK_MESSAGE(r.status == 400, body);
    CHECK(r.body.find("code") != nullptr);
    CHECK(r.body.find("message") != nullptr);
  }
  CHECK(s.get("/v1/opportunities/" + opp + "/bogus").status == 404);
  CHECK(s.call("DELETE", "/v1/stages").status == 404);
  CHECK(s.get("/v1/opportunities?created_at_start=yesterday").status == 400);
  CHECK(s.get("/v1/opportunities?archived=maybe").status == 400);
  CHECK(s.post("/v1/users", R"({"name":"A"})").status == 400);
  CHECK(s.post("/v1/users", R"({"name":"A","email":"a@example.com","accessRole":"god"})").status == 400);
  CHECK(s.post("/v1/opportunities/" + opp + "/forms", R"({"baseTemplateId":"nope","fields":[]})").status == 400);
  (void)actor;
}

TEST_CASE("responses are plain JSON even when the client accepts gzip or brotli") {
  Sandbox s;
  httplib::Headers h{{"Authorization", basic(leverkit::sandbox::kFullKey)}, {"Accept-Encoding", "gzip, deflate, br"}};
  s.client->set_decompress(false);
  auto res = s.client->Get("/v1/users", h);
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK_FALSE(res->has_header("Content-Encoding"));
  CHECK(res->get_header_value("Content-Type") == "application/json; charset=utf-8");
  CHECK(parse(res->body).is_object());
}

TEST_CASE("--data fixtures are served next to the generated data / a broken fixture stops start()") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("leverkit_sandbox_fixture_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  {
    std::ofstream(dir / "users.json") << R"({"data":[{"id":"fixture-user","name":"Fixture Person","email":"f@example.com",)"
                                         R"("accessRole":"admin","deactivatedAt":null}]})";
  }
  auto o = Sandbox::defaults();
  o.data_dir = dir.string();
  {
    Sandbox s(o);
    auto u = s.get("/v1/users/fixture-user");
    CHECK(u.status == 200);
    CHECK(u.body.find("data")->str("name") == "Fixture Person");
  }
  { std::ofstream(dir / "notes.json") << R"([{"id":"n1"}])"; }  // sub-resource without opportunityId
  leverkit::sandbox::Server broken(o);
  auto started = broken.start();
  REQUIRE_FALSE(started.has_value());
  CHECK(started.error().message.find("opportunityId") != std::string::npos);
  fs::remove_all(dir);
}
