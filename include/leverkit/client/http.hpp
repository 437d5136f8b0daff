// leverkit/client/http.hpp — the HTTP request and response values that cross the transport seam.
//
// What: `HttpMethod`, `Headers` (ordered, case-insensitive names), `HttpRequest` (absolute URL,
// headers, body) and `HttpResponse` (status, headers, body). A response body is kept in a
// std::string whose spare capacity is at least `body_padding` bytes, so the JSON decoders parse
// it in place without copying; `HttpResponse::ensure_padding()` restores that after edits.
// Also small URL helpers (`url_path`, `query_values`, `url_encode`) used by fakes and tests.
// Errors: none. Thread-safety: value types.
// Example:
//   leverkit::HttpResponse r{.status = 200, .body = R"({"data":[]})"};
//   r.ensure_padding();
//   auto ct = r.headers.get("content-type");   // case-insensitive
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace leverkit::inline v0 {

enum class HttpMethod { get, post, put, delete_ };

std::string_view to_string(HttpMethod m) noexcept;

/// Spare bytes a response body keeps beyond its size (>= simdjson::SIMDJSON_PADDING; checked
/// by a static_assert inside the library).
inline constexpr std::size_t body_padding = 64;

/// Header list preserving order; lookups ignore ASCII case, as HTTP requires.
class Headers {
 public:
  Headers() = default;
  Headers(std::initializer_list<std::pair<std::string, std::string>> init) : items_(init) {}

  /// Appends (keeps existing values of the same name).
  void add(std::string name, std::string value);
  /// Replaces every value of `name` with one.
  void set(std::string_view name, std::string value);
  void remove(std::string_view name);
  /// First value of `name`, if any.
  [[nodiscard]] std::optional<std::string_view> get(std::string_view name) const;
  [[nodiscard]] bool contains(std::string_view name) const { return get(name).has_value(); }

  [[nodiscard]] const std::vector<std::pair<std::string, std::string>>& items() const noexcept { return items_; }
  [[nodiscard]] std::size_t size() const noexcept { return items_.size(); }
  [[nodiscard]] bool empty() const noexcept { return items_.empty(); }

 private:
  std::vector<std::pair<std::string, std::string>> items_;
};

/// ASCII case-insensitive equality (header names, hosts).
bool iequals(std::string_view a, std::string_view b) noexcept;

struct HttpRequest {
  HttpMethod method = HttpMethod::get;
  std::string url;   // absolute, query included and already percent-encoded
  Headers headers;
  std::string body;  // sent as is (JSON for Lever writes)

  /// The path part of `url` ("/v1/opportunities"), without query or fragment.
  [[nodiscard]] std::string_view path() const noexcept;
};

struct HttpResponse {
  int status = 0;
  Headers headers;
  std::string body;

  /// Reserves `body_padding` spare bytes behind the body (no-op when already there).
  void ensure_padding() { body.reserve(body.size() + body_padding); }
  [[nodiscard]] bool padded() const noexcept { return body.capacity() >= body.size() + body_padding; }
  [[nodiscard]] bool ok() const noexcept { return status >= 200 && status < 300; }
};

/// "/v1/x" of "https://host/v1/x?y=1#f"; the whole string when it has no scheme.
std::string_view url_path(std::string_view url) noexcept;
/// Every value of query key `key` in `url`, percent-decoded ('+' is taken literally), in order.
std::vector<std::string> query_values(std::string_view url, std::string_view key);
/// Percent-encodes everything except RFC 3986 unreserved characters.
std::string url_encode(std::string_view s);
/// Inverse of url_encode; malformed escapes are kept literally.
std::string url_decode(std::string_view s);

}  // namespace leverkit
