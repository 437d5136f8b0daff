// leverkit-sandbox: runs the Lever emulator until SIGINT/SIGTERM.
// The first line of stdout is the base URL, so scripts can read it (see docs/sandbox.md).
#include <csignal>
#include <cstdio>
#include <iostream>
#include <pthread.h>

#include <CLI/CLI.hpp>

#include "leverkit/sandbox/server.hpp"

int main(int argc, char** argv) {
  leverkit::sandbox::ServerOptions opt;
  CLI::App app{"leverkit-sandbox: a local Lever Data API emulator (http://127.0.0.1, API under /v1)"};
  std::string rate_limit = "10/20";
  long latency_ms = 0, jitter_ms = 0, ttl_s = 3600;
  bool no_admin = false;
  std::string port_file;
  app.add_option("--host", opt.host, "Address to bind (default 127.0.0.1)");
  app.add_option("--port", opt.port, "Port; 0 picks a free one")->check(CLI::Range(0, 65535));
  app.add_option("--seed", opt.seed, "Seed of the generated data");
  app.add_option("--opportunities", opt.opportunities, "Number of generated opportunities")->check(CLI::Range(0, 1000000));
  app.add_option("--data", opt.data_dir, "Directory of JSON fixtures to add (see docs/sandbox.md)");
  app.add_flag("--log-requests", opt.log_requests, "Log one line per request to stderr");
  app.add_option("--latency-ms", latency_ms, "Fixed latency added to every request")->check(CLI::Range(0, 60000));
  app.add_option("--jitter-ms", jitter_ms, "Random extra latency, uniform in [0, N]")->check(CLI::Range(0, 60000));
  app.add_option("--rate-limit", rate_limit, "Token bucket per key: RATE[/BURST] per second, or 'off' (default 10/20)");
  app.add_flag("--no-admin", no_admin, "Disable the /__sandbox admin API");
  app.add_option("--webhook-url", opt.webhook_url, "Deliver webhook events to this URL");
  app.add_option("--webhook-token", opt.webhook_signature_token, "Signature token for --webhook-url deliveries");
  app.add_option("--access-token-ttl", ttl_s, "OAuth access-token lifetime in seconds")->check(CLI::Range(1L, 31536000L));
  app.add_option("--threads", opt.threads, "Worker threads (default: max(32, 4 x cores))");
  app.add_option("--port-file", port_file, "Also write the base URL to this file once listening");
  CLI11_PARSE(app, argc, argv);

  opt.latency = std::chrono::milliseconds(latency_ms);
  opt.jitter = std::chrono::milliseconds(jitter_ms);
  opt.access_token_ttl = std::chrono::seconds(ttl_s);
  opt.admin = !no_admin;
  if (rate_limit == "off") {
    opt.rate_limit.enabled = false;
  } else {
    try {
      std::size_t slash = rate_limit.find('/');
      opt.rate_limit.per_second = std::stod(rate_limit.substr(0, slash));
      opt.rate_limit.burst = slash == std::string::npos ? opt.rate_limit.per_second * 2 : std::stod(rate_limit.substr(slash + 1));
      if (opt.rate_limit.per_second <= 0 || opt.rate_limit.burst < 1) throw std::invalid_argument("range");
    } catch (const std::exception&) {
      std::cerr << "leverkit-sandbox: --rate-limit must be RATE[/BURST] (e.g. 10/20) or off\n";
      return 2;
    }
  }

  // Block the signals in every thread; the main thread waits for them with sigwait.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  leverkit::sandbox::Server server(opt);
  if (auto r = server.start(); !r) {
    std::cerr << "leverkit-sandbox: " << r.error().message << '\n';
    return 1;
  }
  std::cout << server.base_url() << std::endl;  // first line of stdout, flushed
  if (!port_file.empty()) {
    std::string tmp = port_file + ".tmp";
    if (FILE* f = std::fopen(tmp.c_str(), "w")) {
      std::fprintf(f, "%s\n", server.base_url().c_str());
      std::fclose(f);
      std::rename(tmp.c_str(), port_file.c_str());
    }
  }
  std::cerr << "leverkit-sandbox: " << opt.opportunities << " opportunities (seed " << opt.seed << "), keys "
            << leverkit::sandbox::kFullKey << " (full) and " << leverkit::sandbox::kReadOnlyKey << " (read-only)"
            << (opt.rate_limit.enabled ? "" : ", rate limit off") << '\n';
  int sig = 0;
  sigwait(&signals, &sig);
  server.stop();
  if (!port_file.empty()) std::remove(port_file.c_str());
  return 0;
}
