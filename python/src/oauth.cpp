// OAuth: token sets and stores, the authorization-code session and OAuthCredentials.
// Token exchanges and refreshes run with the GIL released. TokenSet never shows its tokens in
// repr() (secrets stay out of logs); read them only through the attributes.
#include "bind.hpp"

#include <memory>

#include "leverkit/client/oauth.hpp"
#include "leverkit/client/token_store.hpp"

namespace leverkit::inline v0::py {

#define LK_F(T, n) field(#n, &T::n)

namespace {

Timestamp to_ms(std::chrono::system_clock::time_point t) {
  return std::chrono::time_point_cast<std::chrono::milliseconds>(t);
}

}  // namespace

void bind_oauth(nb::module_& m) {
  nb::class_<TokenSet>(m, "TokenSet",
                       "OAuth tokens as Lever issued them. repr() never shows the tokens; "
                       "treat access_token and refresh_token as secrets.")
      .def(
          "__init__",
          [](TokenSet* self, std::string access_token, std::string refresh_token, std::string token_type,
             std::string scope, std::optional<Timestamp> expires_at) {
            new (self) TokenSet{};
            self->access_token = std::move(access_token);
            self->refresh_token = std::move(refresh_token);
            self->token_type = std::move(token_type);
            self->scope = std::move(scope);
            if (expires_at) self->expires_at = *expires_at;
          },
          nb::kw_only(), nb::arg("access_token"), nb::arg("refresh_token") = "", nb::arg("token_type") = "Bearer",
          nb::arg("scope") = "", nb::arg("expires_at") = nb::none())
      .def_rw("access_token", &TokenSet::access_token)
      .def_rw("refresh_token", &TokenSet::refresh_token, "Empty when offline_access was not granted.")
      .def_rw("token_type", &TokenSet::token_type)
      .def_rw("scope", &TokenSet::scope, "Granted scopes, space-separated.")
      .def_prop_rw(
          "expires_at", [](const TokenSet& t) { return to_ms(t.expires_at); },
          [](TokenSet& t, Timestamp v) { t.expires_at = v; }, "When the access token expires (UTC).")
      .def("to_json", &token_set_to_json, "The JSON FileTokenStore writes (contains the secrets).")
      .def_static(
          "from_json", [](std::string_view json) { return unwrap(token_set_from_json(json)); }, nb::arg("json"),
          "Parses to_json()'s format; DecodeError names what was wrong (never a token).")
      .def("__repr__", [](const TokenSet& t) {
        return "TokenSet(token_type='" + t.token_type + "', scope='" + t.scope +
               "', refresh_token=" + (t.refresh_token.empty() ? "False" : "True") + ", access_token=[redacted])";
      });

  nb::class_<TokenStore>(m, "TokenStore",
                         "Where an OAuthSession keeps its tokens (MemoryTokenStore, FileTokenStore). "
                         "Refresh rotation is saved before the new token is used.")
      .def("load", [](TokenStore& s) { return call_released([&] { return s.load(); }); },
           "The stored tokens, or None.")
      .def("save", [](TokenStore& s, const TokenSet& t) { call_released([&] { return s.save(t); }); },
           nb::arg("tokens"))
      .def("clear", [](TokenStore& s) { call_released([&] { return s.clear(); }); }, "Forget the tokens.");
  nb::class_<MemoryTokenStore, TokenStore>(m, "MemoryTokenStore", "Tokens in memory (lost at exit).")
      .def(nb::new_([](std::optional<TokenSet> initial) {
             return initial ? std::make_shared<MemoryTokenStore>(std::move(*initial))
                            : std::make_shared<MemoryTokenStore>();
           }),
           nb::arg("initial") = nb::none())
      .def_prop_ro("saves", &MemoryTokenStore::saves, "How many times tokens were saved.");
  nb::class_<FileTokenStore, TokenStore>(
      m, "FileTokenStore", "Tokens in a JSON file (mode 0600, locked across processes, replaced atomically).")
      .def(nb::new_([](std::string path) { return std::make_shared<FileTokenStore>(std::move(path)); }),
           nb::arg("path"))
      .def_prop_ro("path", &FileTokenStore::path);

  bind_struct<OAuthEndpoints>(m, "OAuthEndpoints", "Lever's OAuth authorize and token URLs and the audience.",
                              Access::read_write, LK_F(OAuthEndpoints, authorize_url),
                              LK_F(OAuthEndpoints, token_url), LK_F(OAuthEndpoints, audience));
  m.def("oauth_endpoints", &oauth_endpoints, nb::arg("environment"), "Lever's OAuth endpoints for an environment.");
  m.def("sandbox_server_endpoints", &sandbox_server_endpoints, nb::arg("server_url"),
        "The OAuth endpoints of a leverkit-sandbox at server_url (no /v1), e.g. 'http://127.0.0.1:8080'.");
  m.def("integration_scopes", &integration_scopes, "The scopes a notetaker integration asks for.");
  bind_struct<AuthorizationRequest>(m, "AuthorizationRequest",
                                    "Where to send the user's browser, and the state the redirect must carry.",
                                    Access::read_only, LK_F(AuthorizationRequest, url),
                                    LK_F(AuthorizationRequest, state));

  nb::class_<OAuthSession>(m, "OAuthSession",
                           "One user's OAuth grant: the authorize URL, the code exchange, access tokens refreshed "
                           "when due (single-flight across threads). Errors never contain a token or the secret.")
      .def(nb::new_([](std::string client_id, std::string client_secret, std::string redirect_uri,
                       std::shared_ptr<TokenStore> store, std::optional<std::vector<std::string>> scopes,
                       Environment environment, std::optional<OAuthEndpoints> endpoints,
                       std::optional<std::chrono::seconds> refresh_margin) {
             OAuthConfig c;
             c.client_id = std::move(client_id);
             c.client_secret = std::move(client_secret);
             c.redirect_uri = std::move(redirect_uri);
             if (scopes) c.scopes = std::move(*scopes);
             c.environment = environment;
             c.endpoints = std::move(endpoints);
             if (refresh_margin) c.refresh_margin = *refresh_margin;
             if (!store) store = std::make_shared<MemoryTokenStore>();
             return unwrap(OAuthSession::create(std::move(c), std::move(store)));
           }),
           nb::arg("client_id"), nb::arg("client_secret"), nb::arg("redirect_uri"), nb::kw_only(),
           nb::arg("store") = nb::none(), nb::arg("scopes") = nb::none(),
           nb::arg("environment") = Environment::production, nb::arg("endpoints") = nb::none(),
           nb::arg("refresh_margin") = nb::none(),
           "Validates the configuration (InvalidArgument naming the field). store defaults to a "
           "MemoryTokenStore; endpoints override environment (sandbox_server_endpoints for a local sandbox).")
      .def("authorization_url", &OAuthSession::authorization_url,
           "A fresh authorize URL with a new random state (the previous state stops being accepted).")
      .def(
          "complete",
          [](OAuthSession& s, std::string url) { return call_released([&] { return s.complete(url); }); },
          nb::arg("redirected_url"),
          "Checks the redirect's state, exchanges its code (GIL released) and stores the tokens.")
      .def(
          "exchange_code",
          [](OAuthSession& s, std::string code) { return call_released([&] { return s.exchange_code(code); }); },
          nb::arg("code"), "Exchanges a code you got and checked yourself.")
      .def("check_state", &OAuthSession::check_state, nb::arg("state"),
           "True when state is the pending authorization's (constant-time compare).")
      .def(
          "access_token",
          [](OAuthSession& s, const std::optional<CallOptions>& options) {
            CallOptions o = options.value_or(CallOptions{});
            return call_released([&] { return s.access_token(o); });
          },
          nb::arg("options") = nb::none(), "A valid access token, refreshed first when due (GIL released).")
      .def("disconnect", [](OAuthSession& s) { call_released([&] { return s.disconnect(); }); },
           "Forgets the tokens (store cleared).")
      .def_prop_ro("refresh_count", &OAuthSession::refresh_count)
      .def_prop_ro("failed", &OAuthSession::failed, "The grant is dead (revoked): reconnect.")
      .def_prop_ro("identity", &OAuthSession::identity)
      .def(
          "redact",
          [](const OAuthSession& s, std::string text) {
            s.redact(text);
            return text;
          },
          nb::arg("text"), "`text` with every token and the client secret replaced by [redacted].")
      .def_prop_ro("endpoints", &OAuthSession::endpoints)
      .def_prop_ro("store", &OAuthSession::store);

  nb::class_<OAuthCredentials, Credentials>(m, "OAuthCredentials",
                                            "Credentials from an OAuthSession (Bearer token, refreshed on 401).")
      .def(nb::new_([](std::shared_ptr<OAuthSession> session) {
             if (!session) raise_error(Error(Errc::invalid_argument, "session: must not be None"));
             return std::make_shared<OAuthCredentials>(std::move(session));
           }),
           nb::arg("session"))
      .def_prop_ro("session", &OAuthCredentials::session)
      .def("__repr__",
           [](const OAuthCredentials& c) { return "OAuthCredentials(identity='" + c.identity() + "')"; });
}

}  // namespace leverkit::py
