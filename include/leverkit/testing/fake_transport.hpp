// leverkit/testing/fake_transport.hpp — a scripted Transport for tests of code built on leverkit.
//
// What: `FakeTransport` answers requests from scripts instead of the network — per
// method+path routes (each with its own queue of replies; the last reply repeats), a global
// FIFO queue for anything unrouted, or a handler function — and records every request it saw.
// A reply is a response or an injected transport failure (`Error`, e.g. mark_not_sent(...)).
// Responses are padded like the real transport's, so decoding takes the same in-place path.
// Errors: a request nothing was scripted for gets `Errc::invalid_argument` naming method+path.
// Thread-safety: all members are thread-safe.
// Example:
//   auto fake = std::make_shared<leverkit::testing::FakeTransport>();
//   fake->on(leverkit::HttpMethod::get, "/v1/stages", leverkit::testing::json_response(200, R"({"data":[]})"));
//   auto client = leverkit::Client::create(creds, {.transport = fake}).value();
//   CHECK(fake->requests().size() == 0);
#pragma once

#include <cstddef>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "leverkit/client/transport.hpp"
#include "leverkit/export.hpp"

namespace leverkit::inline v0::testing {

/// A padded response with `Content-Type: application/json`.
LEVERKIT_EXPORT HttpResponse json_response(int status, std::string body, Headers extra = {});

class LEVERKIT_EXPORT FakeTransport final : public Transport {
 public:
  using Reply = Result<HttpResponse>;
  using Handler = std::function<Reply(const HttpRequest&)>;

  /// Replies for `method` + `path` (path without query, e.g. "/v1/opportunities"), in order;
  /// the last one repeats for further requests.
  void on(HttpMethod method, std::string path, Reply reply);
  /// Replies for anything without a route, first in first out (not repeating).
  void enqueue(Reply reply);
  /// Called for requests matched by neither a route nor the queue.
  void set_handler(Handler handler);

  Result<HttpResponse> send(const HttpRequest& request, const CallOptions& options) override;

  /// Every request seen, in order (a copy).
  [[nodiscard]] std::vector<HttpRequest> requests() const;
  [[nodiscard]] std::size_t request_count() const;
  /// The timeouts each send() was given (nullopt when none).
  [[nodiscard]] std::vector<std::optional<std::chrono::milliseconds>> timeouts() const;
  void clear_requests();

 private:
  mutable std::mutex mutex_;
  std::map<std::pair<HttpMethod, std::string>, std::deque<Reply>> routes_;
  std::deque<Reply> queue_;
  Handler handler_;
  std::vector<HttpRequest> requests_;
  std::vector<std::optional<std::chrono::milliseconds>> timeouts_;
};

}  // namespace leverkit::testing
