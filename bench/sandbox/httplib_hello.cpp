// Baseline for docs/performance.md: a minimal cpp-httplib server with the sandbox's socket
// settings, answering GET /hello with a small JSON body. Prints its URL, stops on SIGINT/SIGTERM.
#include <httplib.h>

#include <csignal>
#include <iostream>
#include <pthread.h>
#include <thread>

int main() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  httplib::Server server;
  server.set_tcp_nodelay(true);
  server.set_keep_alive_max_count(1'000'000);
  server.Get("/hello", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"data":[{"id":"lead-new","text":"New lead"}],"hasNext":false})", "application/json");
  });
  int port = server.bind_to_any_port("127.0.0.1");
  std::thread t([&] { server.listen_after_bind(); });
  std::cout << "http://127.0.0.1:" << port << std::endl;
  int sig = 0;
  sigwait(&signals, &sig);
  server.stop();
  t.join();
  return 0;
}
