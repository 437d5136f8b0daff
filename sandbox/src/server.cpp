// The HTTP side of the sandbox: the only translation unit of the library that includes
// cpp-httplib. It turns httplib requests into ApiRequests, applies latency and transport
// faults, and delivers webhooks.
#include "leverkit/fmt.hpp"
#include "leverkit/sandbox/server.hpp"

#include <httplib.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <fcntl.h>

#include <atomic>
#include <charconv>
#include <condition_variable>
#include <iostream>
#include <random>
#include <thread>

#include <fmt/format.h>

#include "api.hpp"

namespace leverkit::inline v0::sandbox {
namespace {

int socket_port(int fd, bool peer) {
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  int rc = peer ? getpeername(fd, reinterpret_cast<sockaddr*>(&addr), &len)
                : getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  if (rc != 0) return -1;
  if (addr.ss_family == AF_INET) return ntohs(reinterpret_cast<sockaddr_in*>(&addr)->sin_port);
  if (addr.ss_family == AF_INET6) return ntohs(reinterpret_cast<sockaddr_in6*>(&addr)->sin6_port);
  return -1;
}

/// cpp-httplib does not expose the connection's socket; find it by its port pair so a
/// "reset" fault can close it with SO_LINGER 0 (the peer then sees a TCP RST).
void arm_reset(int local_port, int remote_port) {
  for (int fd = 3; fd < 65536; ++fd) {
    if (fcntl(fd, F_GETFD) == -1) {
      if (fd > 4096) break;
      continue;
    }
    if (socket_port(fd, false) == local_port && socket_port(fd, true) == remote_port) {
      linger l{1, 0};
      setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
      return;
    }
  }
}

/// Shuts down the accepted connections of the server on `port` so workers idling in keep-alive
/// wake up now instead of after the keep-alive timeout (httplib's stop() only closes the
/// listening socket). Client sockets of this process have another local port and are untouched.
void shutdown_connections(int port) {
  for (int fd = 3; fd < 65536; ++fd) {
    if (fcntl(fd, F_GETFD) == -1) {
      if (fd > 4096) break;
      continue;
    }
    if (socket_port(fd, false) == port && socket_port(fd, true) > 0) shutdown(fd, SHUT_RDWR);
  }
}

}  // namespace

struct Server::Impl {
  explicit Impl(ServerOptions o) : api(std::move(o)) {}

  detail::Api api;
  httplib::Server http;
  std::thread listener;
  std::thread delivery;
  std::atomic<bool> running{false};
  int port = 0;
  std::mutex wait_mutex;
  std::condition_variable wait_cv;
  bool stopped = false;

  void log(std::string_view line) {
    const auto& opt = api.options();
    if (opt.logger) opt.logger(line);
    else std::cerr << line << '\n';
  }

  void handle(const httplib::Request& req, httplib::Response& res) { handle(req, res, req.body); }

  // Writes arrive through a content reader so the body limit holds for chunked bodies too
  // (cpp-httplib 0.11 applies payload_max_length only to a Content-Length).
  void handle_with_body(const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& reader) {
    const std::size_t limit = api.options().max_body_bytes;
    std::string body;
    bool too_large = false;
    auto receive = [&](const char* data, std::size_t n) {
      if (body.size() + n > limit) {
        too_large = true;
        return false;  // stop reading: the rest is never buffered
      }
      body.append(data, n);
      return true;
    };
    bool read_ok = true;
    if (req.is_multipart_form_data()) {
      read_ok = reader([](const httplib::MultipartFormData&) { return true; }, receive);
    } else {
      read_ok = reader(receive);
    }
    // A Content-Length over the limit is refused by cpp-httplib before any byte reaches us.
    if (!read_ok && req.has_header("Content-Length")) {
      const std::string cl = req.get_header_value("Content-Length");
      std::uint64_t n = 0;
      auto [ptr, ec] = std::from_chars(cl.data(), cl.data() + cl.size(), n);
      if (ec == std::errc() && ptr == cl.data() + cl.size() && n > limit) too_large = true;
    }
    if (!read_ok && !too_large) {
      res.status = 400;
      res.set_header("Connection", "close");
      res.set_content(R"({"code":"BadRequest","message":"the request body could not be read"})", "application/json");
      return;
    }
    if (too_large) {
      res.status = 413;
      res.set_header("Connection", "close");
      res.set_content(fmt::format(R"({{"code":"PayloadTooLarge","message":"request body exceeds {} bytes"}})", limit),
                      "application/json");
      return;
    }
    handle(req, res, body);
  }

  void handle(const httplib::Request& req, httplib::Response& res, const std::string& request_body) {
    const ServerOptions& opt = api.options();
    auto started = std::chrono::steady_clock::now();
    if (opt.latency.count() > 0 || opt.jitter.count() > 0) {
      thread_local std::mt19937_64 rng(std::random_device{}());
      auto extra = opt.jitter.count() > 0 ? static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(opt.jitter.count() + 1)) : 0;
      std::this_thread::sleep_for(opt.latency + std::chrono::milliseconds(extra));
    }
    detail::ApiRequest ar;
    ar.method = req.method;
    ar.path = req.path;
    ar.params.reserve(req.params.size());
    for (const auto& [k, v] : req.params) ar.params.emplace_back(k, v);
    ar.body = request_body;
    ar.content_type = req.get_header_value("Content-Type");
    ar.authorization = req.get_header_value("Authorization");
    detail::ApiResponse r = api.handle(ar);

    res.status = r.status;
    for (const auto& [k, v] : r.headers) res.set_header(k, v);
    auto body = std::make_shared<std::string>(std::move(r.body));
    switch (r.fault) {
      case detail::Fault::none:
        if (!body->empty()) res.set_content(std::move(*body), r.content_type);
        break;
      case detail::Fault::invalid_json:
        res.set_content(body->substr(0, body->size() / 2) + "<<not json>>", r.content_type);
        break;
      case detail::Fault::truncate:
        res.set_content_provider(body->size(), r.content_type,
                                 [body](std::size_t offset, std::size_t, httplib::DataSink& sink) {
                                   if (offset == 0 && body->size() > 1) sink.write(body->data(), body->size() / 2);
                                   return false;  // abort: the client sees fewer bytes than Content-Length
                                 });
        break;
      case detail::Fault::reset:
        arm_reset(req.local_port, req.remote_port);
        res.set_content_provider(body->size() + 1, r.content_type,
                                 [](std::size_t, std::size_t, httplib::DataSink&) { return false; });
        break;
      case detail::Fault::slow: {
        int ms = r.slow_ms;
        res.set_content_provider(body->size(), r.content_type,
                                 [body, ms](std::size_t offset, std::size_t, httplib::DataSink& sink) {
                                   constexpr std::size_t kPieces = 10;
                                   std::size_t piece = std::max<std::size_t>(1, (body->size() + kPieces - 1) / kPieces);
                                   std::size_t n = std::min(piece, body->size() - offset);
                                   std::this_thread::sleep_for(std::chrono::milliseconds(ms / static_cast<int>(kPieces)));
                                   sink.write(body->data() + offset, n);
                                   return true;
                                 });
        break;
      }
    }
    if (opt.log_requests) {
      auto us = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started).count();
      // Never the Authorization header or the body: they may carry secrets.
      log(fmt::format("{} {} -> {} {:.2f}ms{}", req.method, req.path, r.status, static_cast<double>(us) / 1000.0,
                      r.fault == detail::Fault::none ? "" : " (fault)"));
    }
  }

  void deliver_loop() {
    while (running.load()) {
      auto d = api.next_delivery(200);
      if (!d) continue;
      detail::DeliveryOutcome out{d->event, d->url, 0, 0};
      // Split "scheme://host[:port]" from the path.
      std::size_t scheme_end = d->url.find("://");
      std::size_t path_start = scheme_end == std::string::npos ? std::string::npos : d->url.find('/', scheme_end + 3);
      std::string origin = d->url.substr(0, path_start);
      std::string path = path_start == std::string::npos ? "/" : d->url.substr(path_start);
      for (int attempt = 0; attempt < 5 && running.load(); ++attempt) {
        ++out.attempts;
        httplib::Client cli(origin);
        cli.set_connection_timeout(2);
        cli.set_read_timeout(5);
        httplib::Headers headers{{"User-Agent", "Lever-Webhooks"}};
        auto res = cli.Post(path, headers, d->body, "application/json");
        if (res) out.status = res->status;
        if (res && res->status >= 200 && res->status < 300) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(100 << attempt));
      }
      api.record_delivery(std::move(out));
    }
  }
};

Server::Server(ServerOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}

Server::~Server() { stop(); }

Result<void> Server::start() {
  if (impl_->running.load()) return Error(Errc::invalid_argument, "sandbox server already started");
  if (auto err = impl_->api.load()) return Error(Errc::io_error, *err);
  const ServerOptions& opt = impl_->api.options();
  auto& http = impl_->http;
  http.set_tcp_nodelay(true);  // 284 -> 23,800 req/s here (design.md field notes)
  http.set_keep_alive_max_count(1'000'000);
  // An idle keep-alive connection holds a worker until this expires, also across stop().
  http.set_keep_alive_timeout(2);
  http.set_payload_max_length(opt.max_body_bytes);
  // Bounded reads: a connection that goes quiet (idle, or trickling its headers) gives its worker
  // back after read_timeout instead of cpp-httplib's 5 s; enough workers that a handful of idle
  // connections cannot starve the rest.
  const auto rt = std::max<std::chrono::seconds>(opt.read_timeout, std::chrono::seconds(1));
  http.set_read_timeout(rt.count(), 0);
  http.set_write_timeout(5, 0);
  {
    std::size_t n = opt.threads > 0 ? opt.threads : std::max<std::size_t>(32, 4 * std::thread::hardware_concurrency());
    http.new_task_queue = [n] { return new httplib::ThreadPool(n); };
  }
  auto h = [this](const httplib::Request& req, httplib::Response& res) { impl_->handle(req, res); };
  auto hb = [this](const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& reader) {
    impl_->handle_with_body(req, res, reader);
  };
  http.Get(".*", h);
  http.Post(".*", hb);
  http.Put(".*", hb);
  http.Patch(".*", hb);
  http.Delete(".*", h);
  http.Options(".*", h);
  http.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return;
    res.set_content(fmt::format("{{\"code\":\"BadRequest\",\"message\":\"HTTP error {}\"}}", res.status),
                    "application/json");
  });
  int port = opt.port == 0 ? http.bind_to_any_port(opt.host) : (http.bind_to_port(opt.host, opt.port) ? opt.port : -1);
  if (port <= 0) return Error(Errc::transport, fmt::format("cannot bind {}:{}", opt.host, opt.port));
  impl_->port = port;
  impl_->running.store(true);
  impl_->listener = std::thread([this] { impl_->http.listen_after_bind(); });
  impl_->delivery = std::thread([this] { impl_->deliver_loop(); });
  // stop() is a no-op until httplib reports running, so wait for that (bounded).
  for (int i = 0; i < 5000 && !http.is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  return success();
}

void Server::stop() {
  if (!impl_->running.exchange(false)) return;
  impl_->http.stop();
  shutdown_connections(impl_->port);
  if (impl_->listener.joinable()) impl_->listener.join();
  impl_->api.shutdown();
  if (impl_->delivery.joinable()) impl_->delivery.join();
  {
    std::lock_guard lock(impl_->wait_mutex);
    impl_->stopped = true;
  }
  impl_->wait_cv.notify_all();
}

void Server::wait() {
  std::unique_lock lock(impl_->wait_mutex);
  impl_->wait_cv.wait(lock, [&] { return impl_->stopped; });
}

int Server::port() const noexcept { return impl_->port; }

std::string Server::base_url() const { return fmt::format("http://{}:{}", impl_->api.options().host, impl_->port); }

}  // namespace leverkit::sandbox
