// demo_support.hpp — what the integration examples share: connecting (Lever with LEVER_API_KEY,
// else an in-process leverkit-sandbox), a cheap permission probe, and a sync into a store.
//
// The permission probe is the examples' own: it GETs one item of every resource the flow reads
// (limit=1) and, only when writes are allowed, POSTs an *empty* body to the write routes — Lever
// checks the key's permission before the body, so 403 means "missing scope" and 400 means "this
// key may write here", and an empty body can never create anything.
#pragma once

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "leverkit/client/client.hpp"
#include "leverkit/client/transport.hpp"
#include "leverkit/integration/live_match.hpp"
#include "leverkit/integration/recorded_call.hpp"
#include "leverkit/integration/sync.hpp"
#include "leverkit/integration/sync_store.hpp"
#ifdef LEVERKIT_EXAMPLES_WITH_SANDBOX
#include "leverkit/sandbox/server.hpp"
#endif

namespace demo {

struct Connection {
#ifdef LEVERKIT_EXAMPLES_WITH_SANDBOX
  std::unique_ptr<leverkit::sandbox::Server> sandbox;
#endif
  std::optional<leverkit::Client> client;
  std::string base_url;      // ".../v1"
  bool local = false;        // a loopback leverkit-sandbox: synthetic calls available, writes allowed
};

inline bool loopback_url(std::string_view url) {
  for (std::string_view p : {"http://127.", "http://localhost", "http://[::1]"})
    if (url.starts_with(p)) return true;
  return false;
}

/// LEVER_API_KEY set: Lever (LEVER_BASE_URL overrides the host). Else an in-process sandbox.
inline leverkit::Result<Connection> connect(std::size_t sandbox_opportunities = 400) {
  Connection c;
  std::shared_ptr<leverkit::Credentials> creds;
  leverkit::ClientOptions options;
  if (const char* key = std::getenv("LEVER_API_KEY"); key && *key) {
    creds = std::make_shared<leverkit::ApiKeyCredentials>(key);
    options = leverkit::ClientOptions::from_environment();
  } else {
#ifdef LEVERKIT_EXAMPLES_WITH_SANDBOX
    leverkit::sandbox::ServerOptions so;
    so.opportunities = sandbox_opportunities;
    so.rate_limit.enabled = false;  // a local emulator: no reason to wait on Lever's 10 req/s
    c.sandbox = std::make_unique<leverkit::sandbox::Server>(so);
    if (auto started = c.sandbox->start(); !started) return started.error();
    creds = std::make_shared<leverkit::ApiKeyCredentials>(std::string(leverkit::sandbox::kFullKey));
    options.base_url = c.sandbox->base_url() + "/v1";
#else
    return leverkit::Error(leverkit::Errc::invalid_argument, "set LEVER_API_KEY (this build has no sandbox)");
#endif
  }
  // A loopback sandbox is not Lever: its limit (if any) is its own, the client need not pace itself.
  if (loopback_url(options.base_url)) options.rate_limit = {.requests_per_second = 100000.0, .burst = 100000.0};
  LEVERKIT_TRY(client, leverkit::Client::create(creds, options));
  c.base_url = client.base_url();
  c.local = loopback_url(c.base_url);
  c.client = std::move(client);
  return c;
}

struct Permission {
  std::string what;
  std::string route;
  int status = 0;       // HTTP status of the probe (0: transport failure)
  bool allowed = false;
};

inline std::vector<Permission> probe_permissions(const leverkit::Client& client, bool probe_writes) {
  std::vector<Permission> out;
  auto probe = [&](std::string what, leverkit::HttpMethod m, std::string path, bool write) {
    auto r = client.request(m, path, write ? std::string("{}") : std::string());
    Permission p{std::move(what), fmt::format("{} {}", leverkit::to_string(m), path)};
    p.status = r ? r.value().status : r.error().http_status;
    // A write probe with an empty body: 400 = permitted (body refused), 403 = no scope.
    p.allowed = r.has_value() || (write && p.status == 400);
    out.push_back(std::move(p));
  };
  using leverkit::HttpMethod;
  probe("read opportunities", HttpMethod::get, "/opportunities?limit=1", false);
  probe("read confidential opportunities", HttpMethod::get, "/opportunities?limit=1&confidentiality=all", false);
  probe("read users", HttpMethod::get, "/users?limit=1", false);
  probe("read postings", HttpMethod::get, "/postings?limit=1", false);
  probe("read stages", HttpMethod::get, "/stages?limit=1", false);
  probe("read feedback templates", HttpMethod::get, "/feedback_templates?limit=1", false);
  std::string opp;
  auto pager = client.list_opportunities({.limit = 1});
  for (auto&& page : pager.pages()) {
    if (page && !page.value().data.empty()) opp = page.value().data.front().id;
    break;
  }
  if (!opp.empty()) {
    probe("read interviews", HttpMethod::get, fmt::format("/opportunities/{}/interviews?limit=1", opp), false);
    probe("read panels", HttpMethod::get, fmt::format("/opportunities/{}/panels?limit=1", opp), false);
    probe("read notes", HttpMethod::get, fmt::format("/opportunities/{}/notes?limit=1", opp), false);
    probe("read feedback", HttpMethod::get, fmt::format("/opportunities/{}/feedback?limit=1", opp), false);
    if (probe_writes) {
      probe("write notes", HttpMethod::post, fmt::format("/opportunities/{}/notes", opp), true);
      probe("write feedback", HttpMethod::post, fmt::format("/opportunities/{}/feedback?perform_as=probe", opp), true);
    }
  }
  return out;
}

/// Sync the account into a fresh in-memory store, printing progress now and then.
inline leverkit::Result<std::shared_ptr<leverkit::integration::SyncStore>> sync_account(const leverkit::Client& client,
                                                                                       bool quiet = false) {
  auto store = leverkit::integration::make_memory_store();
  leverkit::integration::SyncOptions o;
  std::string last_phase;
  o.on_progress = [&](const leverkit::integration::SyncProgress& p) {
    if (quiet || p.phase == last_phase) return;
    last_phase = std::string(p.phase);
    fmt::print("  sync: {}…\n", p.phase);
  };
  LEVERKIT_TRY(report, leverkit::integration::run_sync(client, *store, o));
  if (!quiet)
    fmt::print("  synced {} opportunities, {} interviews, {} panels, {} users, {} postings in {} ms{}\n",
               report.opportunities, report.interviews, report.panels, report.users, report.postings,
               report.elapsed.count(), report.confidential_included ? " (confidential included)" : "");
  return store;
}

/// Recorded calls: the file `path` when given, else the local sandbox's synthetic calls.
inline leverkit::Result<std::vector<leverkit::integration::RecordedCall>> load_calls(const Connection& conn,
                                                                                     const char* path, int count = 12) {
  if (path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return leverkit::Error(leverkit::Errc::io_error, fmt::format("cannot read {}", path));
    std::stringstream ss;
    ss << in.rdbuf();
    return leverkit::integration::parse_recorded_calls(ss.str());
  }
  if (conn.local) return leverkit::integration::fetch_sandbox_calls(conn.base_url, count);
  return leverkit::Error(leverkit::Errc::invalid_argument,
                         "against Lever, give a file of recorded calls (JSON lines: call, transcript, notes, recording_url)");
}

/// Sync + index: the matcher over the synced snapshot.
inline leverkit::Result<leverkit::integration::LiveMatcher> matcher_for(const leverkit::Client& client, bool quiet = false) {
  LEVERKIT_TRY(store, sync_account(client, quiet));
  LEVERKIT_TRY(snapshot, store->load_snapshot());
  return leverkit::integration::LiveMatcher(std::move(snapshot));
}

}  // namespace demo
