// quickstart — list stages, users, postings and opportunities (with pagination) and summarise.
//
// With LEVER_API_KEY set it talks to Lever (LEVER_BASE_URL overrides the host, e.g. the sandbox
// account https://api.sandbox.lever.co/v1 or a local leverkit-sandbox at http://127.0.0.1:PORT/v1).
// Without it, it starts leverkit-sandbox in process on a free loopback port and uses the
// sandbox's documented full key. Read-only: it never writes to the account.
#include <cstdlib>
#include <iostream>
#include <map>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "leverkit/client/client.hpp"
#ifdef LEVERKIT_QUICKSTART_WITH_SANDBOX
#include "leverkit/sandbox/server.hpp"
#endif

namespace {

int fail(const leverkit::Error& e) {
  std::cerr << "quickstart: " << e.to_string() << '\n';
  return 1;
}

int run(const std::shared_ptr<leverkit::Credentials>& credentials, const leverkit::ClientOptions& options);

}  // namespace

int main() {
  std::shared_ptr<leverkit::Credentials> credentials;
  leverkit::ClientOptions options;
#ifdef LEVERKIT_QUICKSTART_WITH_SANDBOX
  std::unique_ptr<leverkit::sandbox::Server> sandbox;
#endif
  if (const char* key = std::getenv("LEVER_API_KEY"); key && *key) {
    credentials = std::make_shared<leverkit::ApiKeyCredentials>(key);
    options = leverkit::ClientOptions::from_environment();
    fmt::print("Using Lever at {}\n", options.base_url.empty() ? std::string("https://api.lever.co/v1") : options.base_url);
  } else {
#ifdef LEVERKIT_QUICKSTART_WITH_SANDBOX
    sandbox = std::make_unique<leverkit::sandbox::Server>(leverkit::sandbox::ServerOptions{.opportunities = 300});
    if (auto started = sandbox->start(); !started) return fail(started.error());
    credentials = std::make_shared<leverkit::ApiKeyCredentials>(std::string(leverkit::sandbox::kFullKey));
    options.base_url = sandbox->base_url() + "/v1";
    fmt::print("LEVER_API_KEY is not set: using a local leverkit-sandbox at {}\n", options.base_url);
#else
    std::cerr << "quickstart: set LEVER_API_KEY (this build has no sandbox)\n";
    return 2;
#endif
  }
  int rc = run(credentials, options);
#ifdef LEVERKIT_QUICKSTART_WITH_SANDBOX
  if (sandbox) sandbox->stop();  // after the client is gone: its idle connection would hold a worker
#endif
  return rc;
}

namespace {

int run(const std::shared_ptr<leverkit::Credentials>& credentials, const leverkit::ClientOptions& options) {
  auto created = leverkit::Client::create(credentials, options);
  if (!created) return fail(created.error());
  const leverkit::Client& client = created.value();

  // 1. Pipeline stages (built-in ones have slug ids, custom ones UUIDs).
  std::map<std::string, std::string> stage_names;
  for (auto&& stage : client.list_stages({})) {
    if (!stage) return fail(stage.error());
    stage_names[stage.value().id] = stage.value().text;
  }
  fmt::print("\n{} stages:", stage_names.size());
  for (auto&& stage : client.list_stages({})) {
    if (stage) fmt::print(" {} ({})", stage.value().text, stage.value().id.size() > 20 ? stage.value().id.substr(0, 8) + "…" : stage.value().id);
  }
  fmt::print("\n");

  // 2. Users: active ones by access role.
  std::map<std::string, int> roles;
  int users = 0;
  for (auto&& user : client.list_users({})) {
    if (!user) return fail(user.error());
    ++users;
    ++roles[user.value().access_role];
  }
  fmt::print("{} active users:", users);
  for (const auto& [role, n] : roles) fmt::print(" {} {},", n, role);
  fmt::print("\n");

  // 3. Published postings.
  int postings = 0;
  for (auto&& posting : client.list_postings({.state = {"published"}})) {
    if (!posting) return fail(posting.error());
    if (postings++ < 3) fmt::print("  posting: {}\n", posting.value().text);
  }
  fmt::print("{} published postings\n", postings);

  // 4. Opportunities, page by page (checkpointable with next_token()).
  auto listing = client.list_opportunities({.limit = 50});
  int pages = 0, total = 0, archived = 0;
  std::map<std::string, int> per_stage;
  for (auto&& page : listing.pages()) {
    if (!page) return fail(page.error());
    ++pages;
    for (const auto& opp : page.value().data) {
      if (total < 5) {
        std::string stage = opp.stage ? stage_names[opp.stage.value().id] : "?";
        fmt::print("  {} — {}{}\n", opp.name.empty() ? "(anonymized)" : opp.name, stage, opp.archived ? " (archived)" : "");
      }
      ++total;
      if (opp.archived) ++archived;
      if (opp.stage) ++per_stage[stage_names[opp.stage.value().id]];
    }
    if (pages == 20) {
      fmt::print("  … stopping after 20 pages; resume with offset {}\n", listing.next_token().value_or("(end)"));
      break;
    }
  }
  fmt::print("\nLearned: {} opportunities over {} pages, {} archived; by stage:", total, pages, archived);
  for (const auto& [stage, n] : per_stage) fmt::print(" {} {},", stage, n);
  fmt::print("\n");
  return 0;
}

}  // namespace
