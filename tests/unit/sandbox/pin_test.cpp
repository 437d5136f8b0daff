// Pins the sandbox's observable behaviour to digests: the generated data for fixed seeds, and a
// scripted transcript of requests (every route, admin, OAuth, faults, webhooks) on a fake clock.
// Why: the sandbox is refactored by moving code between files (issue 13); these digests prove a
// move changed nothing. A deliberate behaviour change updates the digests (the failure prints them).
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "api.hpp"
#include "store.hpp"
#include "value.hpp"

using namespace leverkit::sandbox::detail;

namespace {

std::string digest(std::string_view text) { return hmac_sha256_hex("leverkit-sandbox-pin", text).substr(0, 16); }

std::string dump(const Collection& c) {
  std::string out;
  for (std::size_t i = 0; i < c.size(); ++i) {
    const Record& r = c.at(i);
    write_json(out, r.value);
    out += fmt::format("|{}|{}|{}|{}|{}\n", r.parent, r.deleted, r.api_created, r.posting, r.secret);
  }
  return out;
}

std::map<std::string, std::string> store_digests(const Store& s) {
  std::map<std::string, std::string> out;
  const std::pair<const char*, const Collection*> cols[] = {
      {"users", &s.users},
      {"stages", &s.stages},
      {"archive_reasons", &s.archive_reasons},
      {"postings", &s.postings},
      {"feedback_templates", &s.feedback_templates},
      {"form_templates", &s.form_templates},
      {"contacts", &s.contacts},
      {"opportunities", &s.opportunities},
      {"deleted_opportunities", &s.deleted_opportunities},
      {"applications", &s.applications},
      {"panels", &s.panels},
      {"interviews", &s.interviews},
      {"feedback", &s.feedback},
      {"notes", &s.notes},
      {"forms", &s.forms},
      {"webhooks", &s.webhooks}};
  for (auto [name, c] : cols) out[name] = digest(dump(*c));
  std::map<std::string, std::string> emails(s.contact_by_email.begin(), s.contact_by_email.end());
  std::string e = s.account_id + "\n";
  for (const auto& [k, v] : emails) e += k + "=" + v + "\n";
  out["account_and_emails"] = digest(e);
  return out;
}

void check_pinned(const std::map<std::string, std::string>& got, const std::map<std::string, std::string>& want,
                  std::string_view what) {
  std::string all;
  for (const auto& [k, v] : got) all += fmt::format("      {{\"{}\", \"{}\"}},\n", k, v);
  for (const auto& [k, v] : want) {
    auto it = got.find(k);
    CHECK_MESSAGE((it != got.end() && it->second == v), what, ": ", k, " changed; digests now:\n", all);
  }
  CHECK_MESSAGE(got.size() == want.size(), what, ": digests now:\n", all);
}

constexpr std::string_view kFull = "Basic c2FuZGJveC1mdWxsLWtleTo=";       // sandbox-full-key:
constexpr std::string_view kReadOnly = "Basic c2FuZGJveC1yZWFkLW9ubHkta2V5Og==";  // sandbox-read-only-key:

using Params = std::vector<std::pair<std::string, std::string>>;

/// Drives an in-process Api and keeps a per-section transcript of every exchange.
struct Script {
  std::shared_ptr<std::int64_t> clock = std::make_shared<std::int64_t>(1767225600000 + 5 * 86'400'000LL);
  std::unique_ptr<Api> api;
  std::map<std::string, std::string> sections;
  std::string section = "setup";

  explicit Script(leverkit::sandbox::ServerOptions o) {
    o.clock = [c = clock] { return *c; };
    api = std::make_unique<Api>(std::move(o));
    REQUIRE_FALSE(api->load().has_value());
  }

  Value call(std::string method, std::string path, std::string body = {}, Params params = {},
             std::string_view auth = kFull, std::string content_type = "application/json") {
    *clock += 1000;
    ApiRequest r;
    r.method = std::move(method);
    r.path = std::move(path);
    r.body = std::move(body);
    r.params = std::move(params);
    r.content_type = std::move(content_type);
    r.authorization = std::string(auth);
    ApiResponse resp = api->handle(r);
    std::string& t = sections[section];
    t += fmt::format("{} {}", r.method, r.path);
    for (const auto& [k, v] : r.params) t += fmt::format(" {}={}", k, v);
    t += fmt::format(" <{}> -> {} [{}] {} fault={} slow={}", r.body, resp.status, resp.route, resp.content_type,
                     static_cast<int>(resp.fault), resp.slow_ms);
    for (const auto& [k, v] : resp.headers) t += fmt::format(" {}: {}", k, v);
    t += "\n" + resp.body + "\n";
    last_status = resp.status;
    std::string err;
    auto v = parse_json(resp.body, err);
    return v ? std::move(*v) : Value();
  }

  void drain_webhooks() {
    std::string& t = sections[section];
    while (auto d = api->next_delivery(0)) t += fmt::format("webhook {} {} {}\n", d->event, d->url, d->body);
  }

  /// Digest per section. With LEVERKIT_PIN_DUMP=<dir> the transcripts are also written there,
  /// so a changed digest can be explained by diffing the dumps of two builds.
  std::map<std::string, std::string> digests() const {
    std::map<std::string, std::string> out;
    const char* dir = std::getenv("LEVERKIT_PIN_DUMP");
    for (const auto& [k, v] : sections) {
      out[k] = digest(v);
      if (dir && *dir) std::ofstream(std::string(dir) + "/" + k + ".txt", std::ios::binary) << v;
    }
    return out;
  }

  int last_status = 0;
};

const Value& data(const Value& v) {
  static const Value kNull;
  const Value* d = v.find("data");
  return d ? *d : kNull;
}

std::string location_param(const std::string& url) {
  auto p = url.find("code=");
  if (p == std::string::npos) return {};
  auto e = url.find('&', p);
  return url.substr(p + 5, e == std::string::npos ? std::string::npos : e - p - 5);
}

}  // namespace

TEST_CASE("pin: generated data for fixed seeds is unchanged") {
  Store a;
  generate(a, {42, 200});
  check_pinned(store_digests(a),
               {
                   {"account_and_emails", "adfb493eeb6bf5fb"},
                   {"applications", "5137b1ec231c2851"},
                   {"archive_reasons", "40afcaa88a03e5d0"},
                   {"contacts", "23848f77e703299c"},
                   {"deleted_opportunities", "a7c17e49e75de9ad"},
                   {"feedback", "2c19c93415af0a89"},
                   {"feedback_templates", "e9c74265726d0f81"},
                   {"form_templates", "f14d8036bac5a1bc"},
                   {"forms", "ff4c533df61caeb9"},
                   {"interviews", "7d77b8f3115bd9be"},
                   {"notes", "195c619082e55ab2"},
                   {"opportunities", "89a9f07c2cc294ef"},
                   {"panels", "ad96f31dbb2b37f8"},
                   {"postings", "4f998bf1d88f7a32"},
                   {"stages", "fd975ab08f5472af"},
                   {"users", "bec6d7590522aaa9"},
                   {"webhooks", "5505e2ce47e4a06d"},
               },
               "seed 42 x 200");
  Store b;
  generate(b, {7, 1000});
  check_pinned(store_digests(b),
               {
                   {"account_and_emails", "5b1f0a88c9d73c54"},
                   {"applications", "186a8f3293b550eb"},
                   {"archive_reasons", "f19dc10c816199c0"},
                   {"contacts", "3caeac083b561cf6"},
                   {"deleted_opportunities", "dbb0957f7d4f7a07"},
                   {"feedback", "b05e192af61a934f"},
                   {"feedback_templates", "c91e9142ec8bacf1"},
                   {"form_templates", "69f0e23d240b31a9"},
                   {"forms", "f6a92b30e44d5345"},
                   {"interviews", "596fe271985fc662"},
                   {"notes", "a64c329598d2cf09"},
                   {"opportunities", "e8058adb9547f9fd"},
                   {"panels", "bc225a4f52304c24"},
                   {"postings", "1552a17a7dcf384a"},
                   {"stages", "0e5e72bf220e7a8e"},
                   {"users", "b9cbd9de0bcb1b3b"},
                   {"webhooks", "5505e2ce47e4a06d"},
               },
               "seed 7 x 1000");
  Store c;
  generate(c, {3, 0});
  check_pinned(store_digests(c),
               {
                   {"account_and_emails", "b65fd43a02166fdb"},
                   {"applications", "5505e2ce47e4a06d"},
                   {"archive_reasons", "3cf0388c430d55f9"},
                   {"contacts", "5505e2ce47e4a06d"},
                   {"deleted_opportunities", "5505e2ce47e4a06d"},
                   {"feedback", "5505e2ce47e4a06d"},
                   {"feedback_templates", "570376b3a2ad09e0"},
                   {"form_templates", "da9c6dcacd28117e"},
                   {"forms", "5505e2ce47e4a06d"},
                   {"interviews", "5505e2ce47e4a06d"},
                   {"notes", "5505e2ce47e4a06d"},
                   {"opportunities", "5505e2ce47e4a06d"},
                   {"panels", "5505e2ce47e4a06d"},
                   {"postings", "9ef9b8692648c207"},
                   {"stages", "e9b2a53c8eeac1dc"},
                   {"users", "c5c3527883a499bc"},
                   {"webhooks", "5505e2ce47e4a06d"},
               },
               "seed 3 x 0");
}

TEST_CASE("pin: a scripted transcript of every route, admin, OAuth, faults and webhooks is unchanged") {
  leverkit::sandbox::ServerOptions o;
  o.opportunities = 150;
  o.rate_limit.enabled = false;
  o.webhook_url = "http://127.0.0.1:9/hook";
  Script s(o);

  // ---- reads: lists, pages, filters, expand/include, singles, errors.
  s.section = "reads";
  for (std::string top : {"/v1/users", "/v1/stages", "/v1/archive_reasons", "/v1/postings", "/v1/feedback_templates",
                          "/v1/form_templates", "/v1/webhooks", "/v1/opportunities", "/v1/opportunities/deleted"}) {
    Value page = s.call("GET", top, {}, {{"limit", "7"}});
    for (int i = 0; i < 2 && page.find("next"); ++i)
      page = s.call("GET", top, {}, {{"limit", "7"}, {"offset", page.str("next")}});
  }
  s.call("GET", "/v1/opportunities", {}, {{"limit", "0"}});
  s.call("GET", "/v1/opportunities", {}, {{"offset", ""}});
  s.call("GET", "/v1/opportunities", {}, {{"offset", "%5B1%2C2%2C%22nope%22%5D"}});
  s.call("GET", "/v1/opportunities", {}, {{"confidentiality", "bogus"}});
  s.call("GET", "/v1/opportunities", {}, {{"confidentiality", "all"}, {"limit", "5"}, {"expand", "stage"},
                                          {"expand", "owner"}, {"expand", "followers"}, {"expand", "contact"},
                                          {"expand", "applications"}});
  s.call("GET", "/v1/opportunities", {}, {{"confidentiality", "confidential"}}, kReadOnly);
  s.call("GET", "/v1/opportunities", {}, {{"include", "stage"}, {"include", "emails"}, {"limit", "3"}});
  s.call("GET", "/v1/opportunities", {}, {{"archived", "true"}, {"limit", "4"}});
  s.call("GET", "/v1/opportunities", {}, {{"archived", "maybe"}});
  s.call("GET", "/v1/opportunities", {}, {{"snoozed", "true"}});
  s.call("GET", "/v1/opportunities", {}, {{"origin", "referred"}, {"limit", "4"}});
  s.call("GET", "/v1/opportunities", {}, {{"tag", "Silver medalist"}, {"source", "LinkedIn"}});
  s.call("GET", "/v1/opportunities", {}, {{"stage_id", "offer"}, {"stage_id", "applicant-new"}, {"limit", "4"}});
  s.call("GET", "/v1/opportunities", {}, {{"created_at_start", "1750000000000"}, {"created_at_end", "1760000000000"},
                                          {"limit", "4"}});
  s.call("GET", "/v1/opportunities", {}, {{"updated_at_start", "x"}});
  s.call("GET", "/v1/opportunities", {}, {{"archived_at_start", "1"}, {"limit", "3"}});
  s.call("GET", "/v1/opportunities", {}, {{"advanced_at_end", "1760000000000"}, {"limit", "3"}});
  s.call("GET", "/v1/opportunities/deleted", {}, {{"deleted_at_start", "1"}});
  s.call("GET", "/v1/users", {}, {{"includeDeactivated", "true"}, {"accessRole", "admin"}});
  s.call("GET", "/v1/archive_reasons", {}, {{"type", "hired"}});
  s.call("GET", "/v1/archive_reasons", {}, {{"type", "other"}});
  s.call("GET", "/v1/postings", {}, {{"state", "published"}, {"team", "Platform"}, {"expand", "owner"}});
  s.call("GET", "/v1/postings", {}, {{"confidentiality", "all"}, {"department", "Engineering"},
                                     {"distributionChannel", "public"}, {"tag", "Engineering"}});
  s.call("GET", "/v1/nothing");
  s.call("GET", "/v1/opportunities", {}, {}, "");
  s.call("GET", "/v1/opportunities", {}, {}, "Basic !!!");
  s.call("GET", "/v1/opportunities", {}, {}, "Basic bm9wZTo=");
  s.call("GET", "/v1/opportunities", {}, {}, "Bearer nope");
  s.call("GET", "/v1/opportunities", {}, {}, "Digest x");
  s.call("HEAD", "/v1/stages");
  s.call("POST", "/v1/users", R"({"name":"R","email":"r@example.com"})", {}, kReadOnly);

  Value users = data(s.call("GET", "/v1/users", {}, {{"includeDeactivated", "true"}}));
  std::string actor = users.as_array()[0].str("id"), deactivated;
  for (const auto& u : users.as_array())
    if (!u.find("deactivatedAt")->is_null()) deactivated = u.str("id");
  s.call("GET", "/v1/users/" + actor);
  s.call("GET", "/v1/users/nope");
  s.call("GET", "/v1/stages/offer");
  s.call("GET", "/v1/stages/nope");
  std::string reason = data(s.call("GET", "/v1/archive_reasons")).as_array()[0].str("id");
  std::string non_hired = data(s.call("GET", "/v1/archive_reasons", {}, {{"type", "non-hired"}})).as_array()[0].str("id");
  s.call("GET", "/v1/archive_reasons/" + reason);
  s.call("GET", "/v1/archive_reasons/nope");
  std::string posting = data(s.call("GET", "/v1/postings")).as_array()[0].str("id");
  s.call("GET", "/v1/postings/" + posting, {}, {{"expand", "hiringManager"}, {"expand", "followers"}});
  s.call("GET", "/v1/postings/nope");
  Value templates = data(s.call("GET", "/v1/feedback_templates"));
  s.call("GET", "/v1/feedback_templates/" + templates.as_array()[0].str("id"));
  s.call("GET", "/v1/feedback_templates/nope");
  Value form_templates = data(s.call("GET", "/v1/form_templates"));
  s.call("GET", "/v1/form_templates/" + form_templates.as_array()[0].str("id"));
  s.call("GET", "/v1/form_templates/nope");
  s.call("GET", "/v1/opportunities/nope");

  // Walk opportunities until one with every kind of sub-resource has been read.
  Value opps = data(s.call("GET", "/v1/opportunities", {}, {{"limit", "100"}}));
  std::string opp_with_panel, opp_plain, contact, external_panel, external_interview, internal_panel,
      internal_interview, seeded_note, feedback_id, panel_of_interview;
  for (const auto& opp : opps.as_array()) {
    const std::string id = opp.str("id");
    const std::string base = "/v1/opportunities/" + id;
    s.call("GET", base, {}, {{"expand", "stage"}, {"expand", "sourcedBy"}});
    if (contact.empty()) contact = opp.str("contact");
    Value apps = data(s.call("GET", base + "/applications", {}, {{"expand", "posting"}, {"expand", "user"}}));
    if (!apps.as_array().empty()) s.call("GET", base + "/applications/" + apps.as_array()[0].str("id"));
    Value panels = data(s.call("GET", base + "/panels", {}, {{"expand", "user"}}));
    Value ivs = data(s.call("GET", base + "/interviews", {}, {{"expand", "feedbackForms"}}));
    Value fbs = data(s.call("GET", base + "/feedback", {}, {{"expand", "user"}}));
    Value notes = data(s.call("GET", base + "/notes"));
    Value forms = data(s.call("GET", base + "/forms", {}, {{"expand", "stage"}}));
    for (const auto& p : panels.as_array()) {
      s.call("GET", base + "/panels/" + p.str("id"));
      if (p.find("externallyManaged")->as_bool() && external_panel.empty()) {
        external_panel = p.str("id");
        opp_with_panel = id;
        external_interview = p.find("interviews")->as_array()[0].str("id");
      }
      if (!p.find("externallyManaged")->as_bool() && internal_panel.empty()) {
        internal_panel = p.str("id");
        internal_interview = p.find("interviews")->as_array()[0].str("id");
      }
    }
    if (!ivs.as_array().empty()) s.call("GET", base + "/interviews/" + ivs.as_array()[0].str("id"));
    if (!fbs.as_array().empty()) s.call("GET", base + "/feedback/" + fbs.as_array()[0].str("id"));
    if (!notes.as_array().empty()) {
      s.call("GET", base + "/notes/" + notes.as_array()[0].str("id"));
      if (seeded_note.empty()) seeded_note = base + "/notes/" + notes.as_array()[0].str("id");
    }
    if (!forms.as_array().empty()) s.call("GET", base + "/forms/" + forms.as_array()[0].str("id"));
    if (panels.as_array().empty() && opp_plain.empty() && !opp.find("archived")->is_object()) opp_plain = id;
  }
  REQUIRE_FALSE(opp_with_panel.empty());
  REQUIRE_FALSE(internal_panel.empty());
  REQUIRE_FALSE(opp_plain.empty());
  s.call("GET", "/v1/opportunities/" + opp_plain + "/panels/" + external_panel);
  s.call("GET", "/v1/contacts/" + contact);
  s.call("GET", "/v1/contacts/nope");

  // ---- writes: every write route, good and bad, then the webhook deliveries they queued.
  s.section = "writes";
  const Params as{{"perform_as", actor}};
  const std::string plain = "/v1/opportunities/" + opp_plain;
  const std::string withp = "/v1/opportunities/" + opp_with_panel;
  Value created = data(s.call("POST", "/v1/opportunities",
                              R"({"name":"Zoë Ñandú","emails":["zoe.nandu@example.com"],"phones":[{"type":"mobile","value":"+1 415 555 0100"}],"tags":["t1"],"links":["https://x.example"],"sources":["Pin"],"postings":[")" +
                                  posting + R"("],"origin":"applied","createdAt":1700000000000})",
                              as));
  s.call("POST", "/v1/opportunities", R"({"name":"Again","emails":["zoe.nandu@example.com"]})", as);
  s.call("POST", "/v1/opportunities", R"({"name":"Arch","archived":{"reason":")" + non_hired + R"("}})", as);
  s.call("POST", "/v1/opportunities", R"({"name":"N"})");
  s.call("POST", "/v1/opportunities", R"({"headline":"no name"})", as);
  s.call("POST", "/v1/opportunities", R"({"name":"N","postings":["a","b"]})", as);
  s.call("POST", "/v1/opportunities", R"({"name":"N","stage":"nope"})", as);
  s.call("POST", "/v1/opportunities", R"({"name":"N","origin":"nope"})", as);
  s.call("POST", "/v1/opportunities", R"({"name":"N","phones":[1]})", as);
  s.call("POST", "/v1/opportunities", "[1]", as);
  s.call("POST", "/v1/opportunities", "{bad", as);
  s.call("POST", "/v1/opportunities", "", as);
  s.call("POST", "/v1/opportunities", R"({"name":"N"})", {{"perform_as", deactivated}});
  s.call("POST", "/v1/opportunities", R"({"name":"N"})", {{"perform_as", "nope"}});
  const std::string created_path = "/v1/opportunities/" + created.str("id");
  s.call("PUT", plain + "/stage", R"({"stage":"offer"})", as);
  s.call("PUT", plain + "/stage", R"({"stage":"nope"})", as);
  s.call("PUT", plain + "/stage", R"({})", as);
  s.call("PUT", plain + "/archived", R"({"reason":")" + reason + R"(","cleanInterviews":true})", as);
  s.call("PUT", plain + "/archived", R"({"reason":null})");
  s.call("PUT", plain + "/archived", R"({"reason":7})");
  s.call("PUT", plain + "/archived", R"({})");
  s.call("PUT", withp + "/archived", R"({"reason":")" + non_hired + R"(","cleanInterviews":true})");
  s.call("PUT", withp + "/archived", R"({"reason":null})");
  s.call("POST", plain + "/addTags", R"({"tags":["a","b"]})");
  s.call("POST", plain + "/removeTags", R"({"tags":["a","zz"]})");
  s.call("POST", plain + "/addLinks", R"({"links":["https://l.example"]})");
  s.call("POST", plain + "/removeLinks", R"({"links":["https://l.example"]})");
  s.call("POST", plain + "/addSources", R"({"sources":["S"]})");
  s.call("POST", plain + "/removeSources", R"({"sources":["S"]})");
  s.call("POST", plain + "/addTags", R"({"tags":"a"})");
  s.call("POST", plain + "/addTags", R"({"tags":[1]})");
  s.call("POST", "/v1/opportunities/nope/addTags", R"({"tags":["a"]})");
  s.call("PUT", "/v1/contacts/" + contact,
         R"({"name":"C","headline":"H","location":"Berlin","emails":["c@example.com"],"phones":[{"type":"work","value":"1"}]})");
  s.call("PUT", "/v1/contacts/" + contact, R"({"phones":"x"})");
  s.call("PUT", "/v1/contacts/nope", R"({})");

  const std::string tmpl = templates.as_array()[1].str("id");
  const std::string iv_body = R"({"interviewers":[{"id":")" + actor + R"("}],"date":1783260000000,"duration":30,"subject":"S","feedbackTemplate":")" + tmpl + R"(","location":"https://zoom.us/j/1","feedbackReminder":"once"})";
  Value panel = data(s.call("POST", created_path + "/panels",
                            R"({"timezone":"Europe/Berlin","note":"n","externalUrl":"https://s.example/p","interviews":[)" +
                                iv_body + "," + iv_body + "]}",
                            as));
  s.call("POST", created_path + "/panels", R"({"timezone":"UTC","interviews":[]})", as);
  s.call("POST", created_path + "/panels", R"({"timezone":"UTC","interviews":[{"interviewers":[]}]})", as);
  s.call("POST", created_path + "/panels", R"({"timezone":"UTC","applications":["nope"],"interviews":[)" + iv_body + "]}", as);
  s.call("POST", created_path + "/panels", R"({"timezone":"UTC","feedbackReminder":"hourly","interviews":[)" + iv_body + "]}", as);
  s.call("POST", created_path + "/panels", R"({"interviews":[)" + iv_body + "]}", as);
  s.call("POST", created_path + "/panels", R"({"timezone":"UTC","interviews":[)" + iv_body + "]}");
  const std::string panel_path = created_path + "/panels/" + panel.str("id");
  std::string first_iv = panel.find("interviews")->as_array()[0].str("id");
  s.call("PUT", panel_path,
         R"({"timezone":"UTC","interviews":[{"id":")" + first_iv + R"(","interviewers":[{"id":")" + actor +
             R"("}],"date":1783270000000,"duration":45},)" + iv_body + "]}",
         as);
  s.call("PUT", panel_path, R"({"timezone":"UTC","interviews":[{"id":"nope","interviewers":[{"id":")" + actor +
                                R"("}],"date":1,"duration":1}]})",
         as);
  s.call("PUT", withp + "/panels/" + internal_panel, R"({"timezone":"UTC","interviews":[)" + iv_body + "]}", as);
  Value iv = data(s.call("POST", created_path + "/interviews", R"({"panel":")" + panel.str("id") + R"(",)" + iv_body.substr(1), as));
  s.call("POST", created_path + "/interviews", R"({"panel":"nope"})", as);
  s.call("POST", withp + "/interviews", R"({"panel":")" + internal_panel + R"(",)" + iv_body.substr(1), as);
  s.call("PUT", created_path + "/interviews/" + iv.str("id"), iv_body, as);
  s.call("PUT", created_path + "/interviews/" + iv.str("id"), R"({"panel":"other","interviewers":[]})", as);
  s.call("PUT", withp + "/interviews/" + internal_interview, iv_body, as);
  s.call("DELETE", withp + "/interviews/" + internal_interview, {}, as);
  s.call("DELETE", created_path + "/interviews/" + iv.str("id"), {}, as);
  s.call("DELETE", created_path + "/interviews/" + iv.str("id"), {}, as);
  const Value live_panel = data(s.call("GET", panel_path));
  const std::string held_iv = live_panel.find("interviews")->as_array()[0].str("id");
  s.call("GET", created_path + "/interviews", {}, {{"expand", "user"}, {"expand", "stage"}, {"expand", "postings"}});

  const Value& tfields = *templates.as_array()[1].find("fields");
  std::string fb_body = R"({"baseTemplateId":")" + tmpl + R"(","panel":")" + panel.str("id") + R"(","interview":")" + held_iv +
                        R"(","fieldValues":[)";
  for (std::size_t i = 0; i < tfields.as_array().size(); ++i) {
    const Value& f = tfields.as_array()[i];
    const std::string& t = f.str("type");
    std::string v = t == "score-system"  ? "\"3 - Hire\""
                    : t == "yes-no"      ? "\"yes\""
                    : t == "dropdown"    ? "\"2 weeks\""
                    : t == "text" || t == "textarea" ? "\"words\""
                                                     : "null";
    fb_body += fmt::format("{}{{\"id\":\"{}\",\"value\":{}}}", i ? "," : "", f.str("id"), v);
  }
  fb_body += "]}";
  Value fb = data(s.call("POST", created_path + "/feedback", fb_body, as));
  s.call("POST", created_path + "/feedback", R"({"baseTemplateId":"nope"})", as);
  s.call("POST", created_path + "/feedback", R"({"baseTemplateId":")" + tmpl + R"(","panel":"x"})", as);
  s.call("POST", created_path + "/feedback",
         R"({"baseTemplateId":")" + tmpl + R"(","fieldValues":[{"id":")" + tfields.as_array()[0].str("id") + R"(","value":"nope"}]})", as);
  s.call("POST", created_path + "/feedback", R"({"baseTemplateId":")" + tmpl + R"(","fieldValues":[{"id":"nope"}]})", as);
  s.call("POST", created_path + "/feedback", R"({"baseTemplateId":")" + tmpl + R"(","fieldValues":{}})", as);
  const std::string fb_path = created_path + "/feedback/" + fb.str("id");
  s.call("PUT", fb_path, R"({"fieldValues":[{"id":")" + tfields.as_array()[0].str("id") + R"(","value":"1 - Strong No Hire"}],"completedAt":1767000000000})", as);
  s.call("PUT", fb_path, R"({"fieldValues":[{"id":")" + tfields.as_array()[0].str("id") + R"(","value":5}]})", as);
  s.call("GET", created_path + "/interviews/" + held_iv, {}, {{"expand", "feedbackForms"}});
  s.call("DELETE", fb_path, {}, as);
  s.call("DELETE", fb_path, {}, as);
  s.call("PUT", fb_path, "{}", as);
  s.call("GET", created_path + "/feedback");
  s.call("DELETE", panel_path, {}, as);
  s.call("DELETE", withp + "/panels/" + internal_panel, {}, as);
  s.call("GET", created_path + "/panels");

  Value note = data(s.call("POST", created_path + "/notes", R"({"value":"Talked 👍","secret":true,"score":3,"notifyFollowers":false})", as));
  s.call("POST", created_path + "/notes", R"({"value":"reply"})", {{"perform_as", actor}, {"note_id", note.str("id")}});
  s.call("POST", created_path + "/notes", R"({"value":"x"})", {{"note_id", "nope"}});
  s.call("POST", created_path + "/notes", R"({"value":""})");
  s.call("POST", created_path + "/notes", R"({"value":"x","score":9})");
  s.call("POST", created_path + "/notes", R"({"value":"x","createdAt":99999999999999})");
  s.call("POST", created_path + "/notes", R"({"value":"x","createdAt":1700000000000})");
  const std::string note_path = created_path + "/notes/" + note.str("id");
  s.call("PUT", note_path, R"({"values":[{"value":"v1","createdAt":1700000000000},{"value":"v2"}],"score":2,"user":")" + actor + R"(","secret":true,"completedAt":1700000001000})");
  s.call("PUT", note_path, R"({"values":[]})");
  s.call("PUT", note_path, R"({"values":[{"value":1}]})");
  s.call("PUT", note_path, R"({"values":[{"value":"v"}],"user":"nope"})");
  s.call("GET", note_path, {}, {{"expand", "user"}});
  s.call("PUT", seeded_note, R"({"values":[{"value":"v"}]})");
  s.call("DELETE", seeded_note);
  s.call("DELETE", note_path);
  s.call("GET", note_path);

  const Value& ft = form_templates.as_array()[0];
  std::string form_body = R"({"baseTemplateId":")" + ft.str("id") + R"(","fields":[)";
  for (std::size_t i = 0; i < ft.find("fields")->as_array().size(); ++i) {
    const Value& f = ft.find("fields")->as_array()[i];
    const std::string& t = f.str("type");
    std::string v = t == "currency" ? "120000" : t == "date" ? "1790000000000" : t == "dropdown" ? "\"Contractor\"" : "\"no\"";
    form_body += fmt::format("{}{{\"type\":\"{}\",\"text\":\"{}\",\"value\":{}}}", i ? "," : "", t, f.str("text"), v);
  }
  form_body += "]}";
  Value form = data(s.call("POST", created_path + "/forms", form_body, as));
  s.call("GET", created_path + "/forms/" + form.str("id"), {}, {{"expand", "user"}});
  s.call("POST", created_path + "/forms", R"({"baseTemplateId":")" + ft.str("id") + R"(","fields":[]})", as);
  s.call("POST", created_path + "/forms", R"({"baseTemplateId":")" + ft.str("id") + R"(","fields":[{},{},{},{}]})", as);
  s.call("POST", created_path + "/forms", R"({"baseTemplateId":"nope"})", as);

  const std::string tfields_json = to_json(tfields);
  Value nt = data(s.call("POST", "/v1/feedback_templates",
                         R"({"text":"Pin template","group":"g1","instructions":"i","fields":)" + tfields_json + "}"));
  s.call("POST", "/v1/feedback_templates",
         R"({"text":"T2","group":{"id":"g","name":"G"},"fields":[{"type":"score-system","text":"R"},{"type":"scorecard","text":"","scores":[{"text":"A","description":"d"}]},{"type":"dropdown","text":"D","options":[{"text":"x"}]}]})");
  s.call("POST", "/v1/feedback_templates", R"({"text":"T3","fields":[{"type":"text","text":"no score"}]})");
  s.call("POST", "/v1/feedback_templates", R"({"text":"T4","group":7,"fields":)" + tfields_json + "}");
  s.call("POST", "/v1/feedback_templates", R"({"text":"T5","fields":[{"type":"bogus","text":"x"}]})");
  s.call("POST", "/v1/feedback_templates", R"({"text":"T6","fields":[{"type":"dropdown","text":"x"}]})");
  s.call("POST", "/v1/feedback_templates", R"({"text":"T7"})");
  s.call("PUT", "/v1/feedback_templates/" + nt.str("id"),
         R"({"text":"Pin template 2","fields":[{"type":"score-system","text":"R","prompt":"p","options":[{"text":"a"}]}]})");
  s.call("PUT", "/v1/feedback_templates/nope", "{}");
  s.call("DELETE", "/v1/feedback_templates/" + templates.as_array()[0].str("id"));
  s.call("DELETE", "/v1/feedback_templates/" + nt.str("id"));
  s.call("DELETE", "/v1/feedback_templates/" + nt.str("id"));
  Value nft = data(s.call("POST", "/v1/form_templates",
                          R"({"text":"F","secretByDefault":true,"fields":[{"type":"multiple-select","text":"Q","options":[{"text":"a"},{"text":"b"}]},{"type":"yes-no","text":"Y","required":true,"description":"d"}]})"));
  s.call("POST", "/v1/form_templates", R"({"text":"F2","fields":[{"type":"score","text":"no"}]})");
  s.call("PUT", "/v1/form_templates/" + nft.str("id"), R"({"text":"F3","fields":[{"type":"text","text":"T"}]})");
  s.call("PUT", "/v1/form_templates/nope", "{}");
  s.call("DELETE", "/v1/form_templates/" + form_templates.as_array()[0].str("id"));
  s.call("DELETE", "/v1/form_templates/" + nft.str("id"));
  s.call("GET", "/v1/form_templates");

  Value nu = data(s.call("POST", "/v1/users",
                         R"({"name":"Nü User","email":"nu@example.com","accessRole":"team member","managerId":")" + actor +
                             R"(","jobTitle":"Eng","externalDirectoryId":"ext-1"})"));
  s.call("POST", "/v1/users", R"({"name":"Dup","email":"NU@example.com"})");
  s.call("POST", "/v1/users", R"({"name":"X","email":"no-at"})");
  s.call("POST", "/v1/users", R"({"name":"X","email":"x@example.com","accessRole":"boss"})");
  s.call("POST", "/v1/users", R"({"name":"X","email":"x@example.com","managerId":"nope"})");
  const std::string nu_path = "/v1/users/" + nu.str("id");
  s.call("PUT", nu_path, R"({"name":"Nu","email":"nu2@example.com","accessRole":"admin"})");
  s.call("PUT", nu_path, R"({"name":"Nu","email":"nu2@example.com"})");
  s.call("PUT", "/v1/users/nope", "{}");
  s.call("POST", nu_path + "/deactivate");
  s.call("POST", nu_path + "/deactivate");
  s.call("POST", nu_path + "/reactivate");
  s.call("POST", nu_path + "/reactivate");
  s.call("POST", "/v1/users/nope/reactivate");
  s.call("GET", "/v1/users", {}, {{"email", "NU2@example.com"}, {"external_directory_id", ""}});

  Value np = data(s.call("POST", "/v1/postings",
                         R"({"text":"Pin job","state":"published","owner":")" + actor + R"(","hiringManager":")" + actor +
                             R"(","categories":{"team":"T","location":"Lisbon","commitment":"Full-time"},"tags":["x"],"workplaceType":"remote","content":{"description":"Do"}})",
                         as));
  s.call("POST", "/v1/postings", R"({"text":"J","state":"nope"})", as);
  s.call("POST", "/v1/postings", R"({"text":"J","confidentiality":"confidential"})", as);
  s.call("POST", "/v1/postings", R"({"text":"J","owner":"nope"})", as);
  s.call("POST", "/v1/postings", R"({"text":"J","categories":7})", as);
  s.call("POST", "/v1/postings", R"({"text":"J","workplaceType":"moon"})", as);
  s.call("POST", "/v1/postings", R"({"text":"J"})");
  s.call("POST", "/v1/postings/" + np.str("id"), R"({"state":"closed","text":"Pin job 2"})", as);
  s.call("POST", "/v1/postings/" + np.str("id"), R"({"state":"nope"})", as);
  s.call("POST", "/v1/postings/nope", "{}", as);
  s.call("GET", "/v1/postings/" + np.str("id"));

  Value wh = data(s.call("POST", "/v1/webhooks",
                         R"({"url":"https://hooks.example/x","event":"candidateStageChange","configuration":{"conditions":{"origins":["applied"]}}})"));
  s.call("POST", "/v1/webhooks", R"({"url":"http://127.0.0.1:9/h2","event":"interviewCreated"})");
  s.call("POST", "/v1/webhooks", R"({"url":"ftp://x","event":"candidateHired"})");
  s.call("POST", "/v1/webhooks", R"({"url":"https://x","event":"nope"})");
  s.call("GET", "/v1/webhooks");
  s.call("PUT", created_path + "/stage", R"({"stage":"applicant-new"})", as);
  s.call("POST", created_path + "/panels", R"({"timezone":"UTC","interviews":[)" + iv_body + "]}", as);
  s.call("DELETE", "/v1/webhooks/" + wh.str("id"));
  s.call("DELETE", "/v1/webhooks/" + wh.str("id"));
  s.call("GET", "/v1/webhooks");
  s.call("GET", created_path, {}, {{"expand", "applications"}, {"expand", "contact"}});
  s.drain_webhooks();

  // ---- admin API, fault plans, rate limiting.
  s.section = "admin";
  s.call("GET", "/__sandbox/health");
  s.call("GET", "/__sandbox/calls", {}, {{"count", "3"}, {"seed", "5"}});
  s.call("GET", "/__sandbox/calls", {}, {{"count", "0"}});
  s.call("GET", "/__sandbox/stats");
  s.call("GET", "/__sandbox/keys");
  s.api->record_delivery({"candidateHired", "http://127.0.0.1:9/hook", 200, 1});
  s.api->record_delivery({"contactCreated", "http://127.0.0.1:9/hook", 0, 3});
  s.call("GET", "/__sandbox/webhooks");
  s.call("POST", "/__sandbox/faults",
         R"({"route":"GET /v1/stages","faults":[500,"502",{"type":"503"},"429","reset","truncate","invalid-json",{"type":"slow","ms":250},"slow","ok"]})");
  s.call("POST", "/__sandbox/faults", R"({"route":"/v1/opportunities/:id","faults":["invalid_json"]})");
  s.call("POST", "/__sandbox/faults", R"({"route":"*","faults":["truncated"]})");
  s.call("POST", "/__sandbox/faults", R"({"route":"","faults":[500]})");
  s.call("POST", "/__sandbox/faults", R"({"route":"GET /x","faults":[]})");
  s.call("POST", "/__sandbox/faults", R"({"route":"GET /x","faults":["boom"]})");
  s.call("POST", "/__sandbox/faults", "{nope");
  s.call("GET", "/__sandbox/faults");
  for (int i = 0; i < 11; ++i) s.call("GET", "/v1/stages");
  s.call("GET", "/v1/opportunities/" + opp_plain);
  s.call("GET", "/v1/users/" + actor);
  s.call("GET", "/__sandbox/faults");
  s.call("DELETE", "/__sandbox/faults");
  s.call("GET", "/__sandbox/faults");
  s.call("GET", "/__sandbox/rate_limit");
  s.call("POST", "/__sandbox/rate_limit", R"({"enabled":true,"perSecond":2,"burst":3})");
  for (int i = 0; i < 5; ++i) {
    s.call("GET", "/v1/stages");
    s.call("GET", "/v1/stages", {}, {}, kReadOnly);
  }
  *s.clock += 5000;
  s.call("GET", "/v1/stages");
  s.call("POST", "/__sandbox/rate_limit", R"({"enabled":false,"perSecond":0,"burst":0})");
  s.call("GET", "/__sandbox/stats");
  s.call("GET", "/__sandbox/nope");
  s.call("DELETE", "/__sandbox/stats");
  s.call("GET", "/__sandbox/stats");
  s.call("POST", "/__sandbox/reset", R"({"seed":9,"opportunities":40})");
  s.call("GET", "/v1/opportunities", {}, {{"limit", "3"}});
  s.call("GET", "/__sandbox/stats");
  s.call("POST", "/__sandbox/reset", "");
  s.call("GET", "/v1/users", {}, {{"limit", "2"}});

  // ---- OAuth authorization server.
  s.section = "oauth";
  const std::string redirect = leverkit::sandbox::kDefaultRedirectUris.front();
  const std::string client(leverkit::sandbox::kOAuthClientId), secret(leverkit::sandbox::kOAuthClientSecret);
  s.call("GET", "/oauth/authorize", {}, {{"client_id", client}, {"state", "s"}});
  s.call("GET", "/oauth/authorize", {}, {{"client_id", "nope"}, {"redirect_uri", redirect}, {"state", "s"}});
  s.call("GET", "/oauth/authorize", {}, {{"client_id", client}, {"redirect_uri", "http://evil.example/cb"}, {"state", "s"}});
  s.call("GET", "/oauth/authorize", {}, {{"client_id", client}, {"redirect_uri", redirect}});
  s.call("GET", "/oauth/authorize", {}, {{"client_id", client}, {"redirect_uri", redirect}, {"state", "s 1"}, {"response_type", "token"}});
  auto authorize = [&](std::string scope) {
    Params p{{"client_id", client}, {"redirect_uri", redirect}, {"state", "st"}, {"response_type", "code"}};
    if (!scope.empty()) p.emplace_back("scope", scope);
    s.call("GET", "/oauth/authorize", {}, p);
  };
  auto last_code = [&]() {
    const std::string& t = s.sections[s.section];
    auto loc = t.rfind("Location: ");
    return location_param(t.substr(loc, t.find('\n', loc) - loc));
  };
  authorize("stages:read:admin offline_access");
  std::string code = last_code();
  const std::string form_auth = "grant_type=authorization_code&client_id=" + client + "&client_secret=" + secret +
                                "&redirect_uri=" + url_encode(redirect) + "&code=";
  s.call("POST", "/oauth/token", "grant_type=authorization_code&client_id=" + client + "&client_secret=wrong&code=" + code,
         {}, "", "application/x-www-form-urlencoded");
  s.call("POST", "/oauth/token", "grant_type=authorization_code&client_id=" + client + "&client_secret=" + secret + "&code=" + code,
         {}, "", "application/x-www-form-urlencoded");
  authorize("stages:read:admin");
  code = last_code();
  Value tok = s.call("POST", "/oauth/token", form_auth + code, {}, "", "application/x-www-form-urlencoded");
  const std::string first_code = code;
  authorize("");
  code = last_code();
  Value tok2 = s.call("POST", "/oauth/token",
                      R"({"grant_type":"authorization_code","redirect_uri":")" + redirect + R"(","code":")" + code + R"("})",
                      {}, "Basic c2FuZGJveC1jbGllbnQ6c2FuZGJveC1jbGllbnQtc2VjcmV0");
  s.call("GET", "/v1/opportunities", {}, {{"limit", "1"}, {"confidentiality", "all"}}, "Bearer " + tok2.str("access_token"));
  s.call("POST", "/oauth/token", "[1]", {}, "", "application/json");
  s.call("POST", "/oauth/token", "grant_type=password&client_id=" + client + "&client_secret=" + secret, {}, "",
         "application/x-www-form-urlencoded");
  s.call("POST", "/oauth/token", "grant_type=refresh_token&client_id=" + client + "&client_secret=" + secret + "&refresh_token=nope",
         {}, "", "application/x-www-form-urlencoded");
  const std::string bearer = "Bearer " + tok.str("access_token");
  s.call("GET", "/v1/stages", {}, {{"limit", "2"}}, bearer);
  s.call("GET", "/v1/users", {}, {}, bearer);
  *s.clock += 3600 * 1000;
  s.call("GET", "/v1/stages", {}, {}, bearer);
  const std::string refresh_form =
      "grant_type=refresh_token&client_id=" + client + "&client_secret=" + secret + "&refresh_token=";
  Value tok3 = s.call("POST", "/oauth/token", refresh_form + tok.str("refresh_token"), {}, "", "application/x-www-form-urlencoded");
  s.call("GET", "/v1/stages", {}, {}, "Bearer " + tok3.str("access_token"));
  s.call("POST", "/oauth/token", refresh_form + tok.str("refresh_token"), {}, "", "application/x-www-form-urlencoded");
  s.call("GET", "/v1/stages", {}, {}, "Bearer " + tok3.str("access_token"));
  s.call("POST", "/oauth/token", refresh_form + tok3.str("refresh_token"), {}, "", "application/x-www-form-urlencoded");
  s.call("POST", "/oauth/token", form_auth + first_code, {}, "", "application/x-www-form-urlencoded");  // reuse
  s.call("GET", "/v1/opportunities", {}, {{"limit", "1"}}, "Bearer " + tok2.str("access_token"));
  s.call("POST", "/__sandbox/oauth/revoke", R"({"accessToken":")" + tok2.str("access_token") + R"("})");
  s.call("GET", "/v1/opportunities", {}, {{"limit", "1"}}, "Bearer " + tok2.str("access_token"));
  s.call("POST", "/__sandbox/oauth/revoke", R"({"clientId":")" + client + R"(","refreshToken":"nope"})");
  s.call("GET", "/oauth/nope");
  s.call("GET", "/__sandbox/stats");

  check_pinned(s.digests(),
               {
                   {"admin", "00751190f3da77a8"},
                   {"oauth", "1ac7631958f38030"},
                   {"reads", "b28c8ee57ba1e90d"},
                   {"writes", "597d033f2b7a1a26"},
               },
               "transcript");
}
