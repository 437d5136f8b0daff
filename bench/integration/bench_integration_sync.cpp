// bench_integration_sync — how close does syncing interviews for N opportunities get to Lever's
// rate limit? Runs the sandbox in process with a fixed latency per request and Lever's bucket
// (10/s, bursts to 20), then lists the interviews and panels of N opportunities:
//   1. sequentially (one worker): bounded by latency, ~1/latency req/s;
//   2. with a pool of workers sharing the client's default limiter (9.8/s, burst 19);
//   3. with the same pool and a limiter at exactly Lever's 10/s, 20 (to show why the margin exists);
// and finally times a full backfill (run_sync) of the account at the same latency.
// 429s are counted by the sandbox (/__sandbox/stats "rateLimited"), so retried ones count too.
// Usage: bench_integration_sync [--opportunities N] [--latency-ms MS] [--jitter-ms MS] [--workers W]
//                               [--skip-backfill] [--backfill-only] [--no-rate-limit] [--sqlite FILE]
// --no-rate-limit turns both buckets off: the backfill then measures leverkit + sandbox cost alone.
// --sqlite FILE backfills into a fresh SQLite store at FILE (default: the in-memory store).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "leverkit/client/client.hpp"
#include "leverkit/integration/sync.hpp"
#include "leverkit/sandbox/server.hpp"

using namespace leverkit;
using namespace std::chrono_literals;

namespace {

long stat_of(const Client& admin, std::string_view key) {
  auto r = admin.request(HttpMethod::get, "/stats");
  if (!r) return -1;
  const std::string& b = r.value().body;
  auto k = b.find(fmt::format("\"{}\":", key));
  if (k == std::string::npos) return -1;
  return std::strtol(b.c_str() + k + key.size() + 3, nullptr, 10);
}

Client make_client(const std::string& base, std::shared_ptr<RateLimiter> limiter) {
  ClientOptions o;
  o.base_url = base + "/v1";
  o.rate_limiter = std::move(limiter);
  return Client::create(std::make_shared<ApiKeyCredentials>(std::string(sandbox::kFullKey)), o).value();
}

struct Row {
  std::string name;
  std::size_t requests = 0;
  double seconds = 0;
  long rate_limited = 0;
};

Row fan_out(const std::string& name, const std::string& base, const Client& admin, const std::vector<std::string>& ids,
            std::size_t workers, RateLimitOptions limit) {
  std::this_thread::sleep_for(2500ms);  // the sandbox's bucket refills to its burst between runs
  auto limiter = std::make_shared<TokenBucketRateLimiter>(limit, steady_clock_source(), thread_sleeper());
  Client client = make_client(base, limiter);
  auto store = integration::make_memory_store();
  long before = stat_of(admin, "rateLimited");
  auto t0 = std::chrono::steady_clock::now();
  auto r = integration::sync_interviews(client, *store, ids, {.workers = workers});
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (!r) {
    std::fprintf(stderr, "%s failed: %s\n", name.c_str(), r.error().to_string().c_str());
    std::exit(1);
  }
  return {name, r.value().requests, s, stat_of(admin, "rateLimited") - before};
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t n = 150, workers = 4;
  int latency_ms = 150, jitter_ms = 0;
  bool backfill = true, fan_outs = true, unlimited = false;
  std::string sqlite_path;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&] { return i + 1 < argc ? std::string(argv[++i]) : std::string(); };
    if (a == "--opportunities") n = std::stoul(next());
    else if (a == "--latency-ms") latency_ms = std::stoi(next());
    else if (a == "--jitter-ms") jitter_ms = std::stoi(next());
    else if (a == "--workers") workers = std::stoul(next());
    else if (a == "--skip-backfill") backfill = false;
    else if (a == "--backfill-only") fan_outs = false;
    else if (a == "--no-rate-limit") unlimited = true;
    else if (a == "--sqlite") sqlite_path = next();
    else {
      std::fprintf(stderr, "usage: %s [--opportunities N] [--latency-ms MS] [--jitter-ms MS] [--workers W] [--skip-backfill] [--backfill-only] [--no-rate-limit] [--sqlite FILE]\n", argv[0]);
      return 2;
    }
  }
  sandbox::ServerOptions so;
  so.opportunities = n;
  so.latency = std::chrono::milliseconds(latency_ms);
  so.jitter = std::chrono::milliseconds(jitter_ms);
  so.rate_limit = {.enabled = !unlimited, .per_second = 10.0, .burst = 20.0};
  sandbox::Server server(so);
  if (auto r = server.start(); !r) {
    std::fprintf(stderr, "sandbox: %s\n", r.error().to_string().c_str());
    return 1;
  }
  ClientOptions ao;
  ao.base_url = server.base_url() + "/__sandbox";
  ao.retry.max_attempts = 1;
  Client admin = Client::create(std::make_shared<ApiKeyCredentials>("admin"), ao).value();

  // The opportunity ids (not timed).
  std::vector<std::string> ids;
  {
    Client c = make_client(server.base_url(), nullptr);
    for (auto& o : c.list_opportunities({.confidentiality = Confidentiality::all, .limit = 100})) {
      if (!o) {
        std::fprintf(stderr, "listing: %s\n", o.error().to_string().c_str());
        return 1;
      }
      ids.push_back(o.value().id);
      if (ids.size() == n) break;
    }
  }
  std::printf("%zu opportunities, %d ms latency (+ up to %d ms jitter) per request, sandbox bucket 10/s burst 20, %zu workers\n\n",
              ids.size(), latency_ms, jitter_ms, workers);
  std::vector<Row> rows;
  RateLimitOptions dflt;
  if (fan_outs) {
  rows.push_back(fan_out("sequential loop (1 worker, default limiter)", server.base_url(), admin, ids, 1, dflt));
  rows.push_back(fan_out(fmt::format("pool of {} (default limiter {:.1f}/s, burst {:.0f})", workers, dflt.requests_per_second, dflt.burst),
                         server.base_url(), admin, ids, workers, dflt));
  rows.push_back(fan_out(fmt::format("pool of {} (same-rate limiter 10/s, burst 20)", workers), server.base_url(), admin, ids,
                         workers, {.requests_per_second = 10.0, .burst = 20.0}));
  if (!rows.empty()) std::printf("| run | requests | seconds | req/s | %% of 10 req/s | req/s net of the first 20 (burst) | 429s |\n");
  if (!rows.empty()) std::printf("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
  for (const auto& r : rows) {
    double rps = static_cast<double>(r.requests) / r.seconds;
    // A lower bound for the steady rate: as if the burst's requests had not been made at all.
    double net = static_cast<double>(r.requests > 20 ? r.requests - 20 : 0) / r.seconds;
    std::printf("| %s | %zu | %.2f | %.2f | %.1f %% | %.2f | %ld |\n", r.name.c_str(), r.requests, r.seconds, rps, rps * 10.0,
                net, r.rate_limited);
  }
  }
  if (backfill) {
    if (fan_outs) std::this_thread::sleep_for(2500ms);
    Client c = make_client(server.base_url(), unlimited ? std::make_shared<TokenBucketRateLimiter>(
                                                              RateLimitOptions{.requests_per_second = 1e9, .burst = 1e9},
                                                              steady_clock_source(), thread_sleeper())
                                                        : nullptr);
    std::shared_ptr<integration::SyncStore> store = integration::make_memory_store();
    if (!sqlite_path.empty()) {
      for (const char* suffix : {"", "-wal", "-shm"}) std::remove((sqlite_path + suffix).c_str());
      auto s = integration::open_sqlite_store(sqlite_path);
      if (!s) {
        std::fprintf(stderr, "%s\n", s.error().to_string().c_str());
        return 1;
      }
      store = s.value();
    }
    long before = stat_of(admin, "rateLimited");
    auto t0 = std::chrono::steady_clock::now();
    auto r = integration::run_sync(c, *store, {.workers = workers});
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (!r) {
      std::fprintf(stderr, "backfill failed: %s\n", r.error().to_string().c_str());
      return 1;
    }
    std::fflush(stdout);
    std::printf("\nbackfill (run_sync, %zu workers, %s store): %zu opportunities (%zu deleted), %zu interviews, %zu panels, %zu users, "
                "%zu postings in %.2f s, %zu requests (%.2f req/s), %ld x 429\n",
                workers, sqlite_path.empty() ? "memory" : "SQLite", r.value().opportunities, r.value().deleted_opportunities, r.value().interviews, r.value().panels,
                r.value().users, r.value().postings, s, r.value().pages, static_cast<double>(r.value().pages) / s,
                stat_of(admin, "rateLimited") - before);
  }
  server.stop();
  return 0;
}
