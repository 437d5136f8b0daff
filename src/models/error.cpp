#include "leverkit/models/error.hpp"

#include <fmt/format.h>

#include <ostream>

#include "text_audit_hook.hpp"

namespace leverkit::inline v0 {

std::string_view to_string(Errc code) noexcept {
  switch (code) {
    case Errc::ok: return "ok";
    case Errc::transport: return "transport";
    case Errc::timeout: return "timeout";
    case Errc::cancelled: return "cancelled";
    case Errc::bad_request: return "bad_request";
    case Errc::unauthorized: return "unauthorized";
    case Errc::forbidden: return "forbidden";
    case Errc::not_found: return "not_found";
    case Errc::conflict: return "conflict";
    case Errc::rate_limited: return "rate_limited";
    case Errc::server_error: return "server_error";
    case Errc::unexpected_status: return "unexpected_status";
    case Errc::decode_error: return "decode_error";
    case Errc::invalid_argument: return "invalid_argument";
    case Errc::stale_cursor: return "stale_cursor";
    case Errc::auth_failed: return "auth_failed";
    case Errc::io_error: return "io_error";
  }
  return "unknown";
}

namespace {
class Category final : public std::error_category {
 public:
  const char* name() const noexcept override { return "leverkit"; }
  std::string message(int c) const override { return std::string(to_string(static_cast<Errc>(c))); }
};
}  // namespace

const std::error_category& leverkit_category() noexcept {
  static const Category category;
  return category;
}

bool Error::retryable() const noexcept {
  if (permanent || may_have_written) return false;
  switch (code) {
    case Errc::transport:
    case Errc::timeout:
    case Errc::rate_limited:
    case Errc::server_error: return true;
    default: return false;
  }
}

std::string Error::to_string() const {
  std::string out(leverkit::to_string(code));
  if (http_status != 0 || !lever_code.empty()) {
    out += " (";
    if (http_status != 0) out += fmt::format("HTTP {}", http_status);
    if (!lever_code.empty()) out += (http_status != 0 ? ", " : "") + lever_code;
    out += ')';
  }
  if (!message.empty()) out += ": " + message;
  if (!lever_message.empty() && lever_message != message) out += " — Lever says: " + lever_message;
  if (attempts > 1) out += fmt::format(" after {} attempts", attempts);
  if (retry_after) out += fmt::format(" (retry after {} ms)", retry_after->count());
  if (!request_id.empty()) out += " [request " + request_id + "]";
  return out;
}

std::ostream& operator<<(std::ostream& os, const Error& e) { return os << e.to_string(); }

ApiError::ApiError(Error e) : std::runtime_error(e.to_string()), error_(std::move(e)) {
  detail::audit_text("exception", what());
}

BadResultAccess::BadResultAccess()
    : std::logic_error("leverkit::Result::error() called on a Result that holds a value") {}

void result_detail::throw_api_error(const Error& e) { throw ApiError(e); }
void result_detail::throw_api_error(Error&& e) { throw ApiError(std::move(e)); }
void result_detail::throw_bad_result_access() { throw BadResultAccess(); }

}  // namespace leverkit
