// `leverkit check [--json]` — "Test connection": which Lever permissions the configured API key
// (LEVER_API_KEY) or OAuth session (--session FILE, from `leverkit connect`) has, per feature.
// Exit status: 0 all granted, 2 some missing or unknown, 1 the check could not run.
#include <iostream>
#include <fmt/format.h>
#include <memory>

#include "cli_auth.hpp"
#include "commands.hpp"
#include "leverkit/client/client.hpp"
#include "leverkit/integration/connection_check.hpp"

namespace leverkit::inline v0::cli {
namespace {

struct CheckArgs {
  AuthArgs auth;
  bool json = false;
  bool oauth = false;
};

int run(const CheckArgs& a) {
  std::shared_ptr<Credentials> creds;
  CheckOptions options;
  const std::string key = env_or("LEVER_API_KEY");
  if (a.oauth || !a.auth.session_file.empty() || key.empty()) {
    const std::string file = a.auth.session_file.empty() ? default_session_file() : a.auth.session_file;
    auto store = std::make_shared<FileTokenStore>(file);
    auto tokens = store->load();
    if (!tokens) throw std::runtime_error(tokens.error().to_string());
    if (!tokens.value())
      throw std::runtime_error(fmt::format("no LEVER_API_KEY and no OAuth session in {} (run `leverkit connect`)", file));
    options.granted_scopes = tokens.value()->scope;
    auto session = OAuthSession::create(oauth_config(a.auth, "unused:check"), store);
    if (!session) throw std::runtime_error(session.error().to_string());
    creds = std::make_shared<OAuthCredentials>(session.value());
  } else {
    creds = std::make_shared<ApiKeyCredentials>(key);
  }
  auto client = Client::create(creds, client_options(a.auth));
  if (!client) throw std::runtime_error(client.error().to_string());
  auto report = check_connection(client.value(), options);
  if (!report) throw std::runtime_error(report.error().to_string());
  std::cout << (a.json ? report.value().to_json() + "\n" : report.value().to_text());
  return report.value().all_granted() ? 0 : 2;
}

CommandRegistrar registrar{[](CLI::App& app) {
  auto args = std::make_shared<CheckArgs>();
  auto* sub = app.add_subcommand(
      "check", "Test the Lever connection: which permissions the API key (LEVER_API_KEY) or OAuth session has");
  sub->add_flag("--json", args->json, "One JSON object instead of text");
  sub->add_flag("--oauth", args->oauth, "Use the OAuth session even when LEVER_API_KEY is set");
  sub->add_option("--environment", args->auth.environment, "production (default), sandbox or eu");
  sub->add_option("--base-url", args->auth.base_url, "API root, e.g. http://127.0.0.1:8080/v1 (default: LEVER_BASE_URL)");
  sub->add_option("--sandbox-server", args->auth.sandbox_server, "A leverkit-sandbox server (its /v1 and /oauth)");
  sub->add_option("--client-id", args->auth.client_id, "OAuth client id (default: LEVER_CLIENT_ID)");
  sub->add_option("--session", args->auth.session_file, "OAuth session file written by `leverkit connect`");
  sub->callback([args] {
    int rc = run(*args);
    if (rc != 0) throw CLI::RuntimeError(rc);
  });
}};

}  // namespace
}  // namespace leverkit::cli
