// api.hpp — the sandbox's request handling, independent of the HTTP library so that it can be
// driven in-process (fuzz tests) and so cpp-httplib stays in a single translation unit.
// Thread-safety: `handle` may be called concurrently; the store is guarded internally.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "leverkit/sandbox/server.hpp"

namespace leverkit::inline v0::sandbox::detail {

struct ApiRequest {
  std::string method;
  std::string path;
  std::vector<std::pair<std::string, std::string>> params;  // decoded query parameters, in order
  std::string body;
  std::string content_type;
  std::string authorization;
};

/// How the transport must (mis)deliver the response.
enum class Fault { none, reset, truncate, invalid_json, slow };

struct ApiResponse {
  int status = 200;
  std::string body;
  // With the charset cpp-httplib does not compress (it only matches "application/json"
  // exactly): brotli at its default level cost 25-50 ms per page, far more than the handler.
  std::string content_type = "application/json; charset=utf-8";
  std::vector<std::pair<std::string, std::string>> headers;
  Fault fault = Fault::none;
  int slow_ms = 0;
  std::string route;  // matched route key for logs ("GET /v1/opportunities/:id")
};

/// One webhook POST the server must send.
struct WebhookDelivery {
  std::string event;
  std::string url;
  std::string body;
};

struct DeliveryOutcome {
  std::string event;
  std::string url;
  int status = 0;  // 0: no HTTP response
  int attempts = 0;
};

class Api {
 public:
  explicit Api(ServerOptions options);
  ~Api();
  Api(const Api&) = delete;
  Api& operator=(const Api&) = delete;

  /// (Re)generates the seeded data and loads fixtures; returns an error message on failure.
  std::optional<std::string> load();
  [[nodiscard]] ApiResponse handle(const ApiRequest& req);

  /// Blocks up to `timeout_ms` for the next queued delivery; nullopt on timeout or shutdown.
  std::optional<WebhookDelivery> next_delivery(int timeout_ms);
  void record_delivery(DeliveryOutcome outcome);
  void shutdown();
  [[nodiscard]] const ServerOptions& options() const noexcept;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// Lowercase hex HMAC-SHA256 (Lever's webhook signature: key = signature token,
/// message = token + triggeredAt).
[[nodiscard]] std::string hmac_sha256_hex(std::string_view key, std::string_view message);
/// Standard base64 decoding; nullopt on malformed input.
[[nodiscard]] std::optional<std::string> base64_decode(std::string_view in);

}  // namespace leverkit::sandbox::detail
