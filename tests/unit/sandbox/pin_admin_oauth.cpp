// Pin test, parts 3 and 4 of the transcript: the admin API (stats, faults, rate limit, webhooks,
// keys, reset) and the OAuth authorization server (codes, refresh rotation, reuse, revocation).
#include "pin_script.hpp"

namespace pin {

void pin_admin(Script& s, const PinIds& ids) {
  const std::string& actor = ids.actor;
  const std::string& opp_plain = ids.opp_plain;

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
}

void pin_oauth(Script& s) {
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
}

}  // namespace pin
