#include "leverkit/testing/fake_transport.hpp"

#include <fmt/format.h>

namespace leverkit::inline v0::testing {

HttpResponse json_response(int status, std::string body, Headers extra) {
  HttpResponse r;
  r.status = status;
  r.headers = std::move(extra);
  if (!r.headers.contains("content-type")) r.headers.add("Content-Type", "application/json");
  r.body = std::move(body);
  r.ensure_padding();
  return r;
}

void FakeTransport::on(HttpMethod method, std::string path, Reply reply) {
  std::lock_guard lock(mutex_);
  routes_[{method, std::move(path)}].push_back(std::move(reply));
}

void FakeTransport::enqueue(Reply reply) {
  std::lock_guard lock(mutex_);
  queue_.push_back(std::move(reply));
}

void FakeTransport::set_handler(Handler handler) {
  std::lock_guard lock(mutex_);
  handler_ = std::move(handler);
}

Result<HttpResponse> FakeTransport::send(const HttpRequest& request, const CallOptions& options) {
  Handler handler;
  {
    std::lock_guard lock(mutex_);
    requests_.push_back(request);
    timeouts_.push_back(options.timeout);
    if (options.cancel.cancelled()) return Error(Errc::cancelled, "cancelled before sending");
    auto it = routes_.find({request.method, std::string(request.path())});
    std::optional<Reply> reply;
    if (it != routes_.end() && !it->second.empty()) {
      reply = it->second.front();
      if (it->second.size() > 1) it->second.pop_front();
    } else if (!queue_.empty()) {
      reply = std::move(queue_.front());
      queue_.pop_front();
    } else {
      handler = handler_;
    }
    if (reply) {
      if (*reply) reply->value().ensure_padding();
      return std::move(*reply);
    }
  }
  if (handler) {
    auto r = handler(request);
    if (r) r.value().ensure_padding();
    return r;
  }
  return Error(Errc::invalid_argument,
               fmt::format("FakeTransport: nothing scripted for {} {}", to_string(request.method), request.path()));
}

std::vector<HttpRequest> FakeTransport::requests() const {
  std::lock_guard lock(mutex_);
  return requests_;
}

std::size_t FakeTransport::request_count() const {
  std::lock_guard lock(mutex_);
  return requests_.size();
}

std::vector<std::optional<std::chrono::milliseconds>> FakeTransport::timeouts() const {
  std::lock_guard lock(mutex_);
  return timeouts_;
}

void FakeTransport::clear_requests() {
  std::lock_guard lock(mutex_);
  requests_.clear();
  timeouts_.clear();
}

}  // namespace leverkit::testing
