// demo_support.hpp — what the integration examples share: connecting (Lever with LEVER_API_KEY,
// else an in-process leverkit-sandbox), the permission check (leverkit::check_connection), a
// sync into a store, and loading recorded calls.
#pragma once

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "leverkit/fmt.hpp"
#include "leverkit/client/client.hpp"
#include "leverkit/client/transport.hpp"
#include "leverkit/integration/connection_check.hpp"
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

/// The permission check of leverkit::integration (issue 9's `check_connection`): every
/// permission the integration needs, probed with calls that cannot change anything (reads with
/// limit=1; writes aimed at objects that do not exist — 403 = missing, 404/400 = granted).
inline leverkit::Result<leverkit::ConnectionReport> check_permissions(const leverkit::Client& client) {
  return leverkit::check_connection(client);
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
