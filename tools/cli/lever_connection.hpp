// Shared by `leverkit sync|schedule|users`: connect to Lever (LEVER_API_KEY, --base-url or
// LEVER_BASE_URL) and open the --store database. Header-only so it adds no command of its own.
#pragma once

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <memory>
#include <stdexcept>
#include <string>

#include "leverkit/fmt.hpp"
#include "leverkit/client/client.hpp"
#include "leverkit/integration/sync_store.hpp"

namespace leverkit::inline v0::cli {

struct ConnectionArgs {
  std::string base_url;
  std::string store = "leverkit.db";
  bool json = false;
};

inline void add_connection_options(CLI::App* sub, ConnectionArgs& a) {
  sub->add_option("--base-url", a.base_url,
                  "Lever API root (default: $LEVER_BASE_URL, else https://api.lever.co/v1; a local leverkit-sandbox: http://127.0.0.1:PORT/v1)");
  sub->add_option("--store", a.store, "SQLite file holding the synced state (default leverkit.db)");
  sub->add_flag("--json", a.json, "Machine-readable JSON on stdout");
}

/// The API key comes from $LEVER_API_KEY only (never a flag: flags end up in shell history and ps).
inline Client connect(const ConnectionArgs& a) {
  auto creds = ApiKeyCredentials::from_environment();
  if (!creds) throw std::runtime_error("set LEVER_API_KEY to a Lever API key");
  ClientOptions o = ClientOptions::from_environment();
  if (!a.base_url.empty()) o.base_url = a.base_url;
  auto c = Client::create(creds.value(), o);
  if (!c) throw std::runtime_error(fmt::format("cannot connect: {}", c.error().to_string()));
  return c.value();
}

inline std::shared_ptr<integration::SyncStore> open_store(const ConnectionArgs& a) {
  auto s = integration::open_sqlite_store(a.store);
  if (!s) throw std::runtime_error(s.error().to_string());
  return s.value();
}

}  // namespace leverkit::cli
