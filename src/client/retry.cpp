#include "leverkit/client/retry.hpp"

#include <date/date.h>

#include <algorithm>
#include <cmath>
#include <sstream>

#include "leverkit/client/transport.hpp"

namespace leverkit::inline v0 {

std::chrono::milliseconds backoff_delay(const RetryOptions& o, int retry, double u) noexcept {
  if (retry < 1) retry = 1;
  const double initial = static_cast<double>(std::max<std::int64_t>(0, o.initial_backoff.count()));
  const double cap = static_cast<double>(std::max<std::int64_t>(0, o.max_backoff.count()));
  const double mult = o.multiplier >= 1.0 ? o.multiplier : 1.0;
  // pow can overflow to inf for large retry counts; min() with the cap keeps it finite.
  double d = std::min(cap, initial * std::pow(mult, retry - 1));
  const double jitter = std::clamp(o.jitter, 0.0, 1.0);
  u = std::clamp(u, 0.0, 1.0);
  d *= 1.0 - jitter * u;
  return std::chrono::milliseconds(static_cast<std::int64_t>(std::llround(d)));
}

namespace {
// Exactly one "DD:DD:DD" followed by a space or the end.
bool has_clock_time(std::string_view v) noexcept {
  auto digit = [&](std::size_t i) { return i < v.size() && v[i] >= '0' && v[i] <= '9'; };
  const auto first = v.find(':');
  if (first == std::string_view::npos || first < 2 || v.find(':', first + 1) != first + 3) return false;
  if (v.find(':', first + 4) != std::string_view::npos) return false;
  for (std::size_t i : {first - 2, first - 1, first + 1, first + 2, first + 4, first + 5})
    if (!digit(i)) return false;
  return first + 6 == v.size() || v[first + 6] == ' ';
}
}  // namespace

std::optional<std::chrono::milliseconds> parse_retry_after(std::string_view value,
                                                           std::chrono::system_clock::time_point now) {
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
  if (value.empty()) return std::nullopt;
  if (std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    if (value.size() > 9) return std::chrono::milliseconds(std::chrono::seconds(999'999'999));
    std::int64_t secs = 0;
    for (char c : value) secs = secs * 10 + (c - '0');
    return std::chrono::milliseconds(std::chrono::seconds(secs));
  }
  // All three HTTP-date forms carry "HH:MM:SS"; anything else never reaches date::parse, whose
  // seconds reader converted an unset long double for input like "00:00:z0" (undefined
  // behaviour found by tests/fuzz, fuzz_time).
  if (!has_clock_time(value)) return std::nullopt;
  // HTTP-date (RFC 9110 §5.6.7): IMF-fixdate, then the obsolete RFC 850 and asctime forms.
  static constexpr const char* formats[] = {"%a, %d %b %Y %H:%M:%S GMT", "%A, %d-%b-%y %H:%M:%S GMT",
                                            "%a %b %e %H:%M:%S %Y"};
  const std::string text(value);
  for (const char* fmt : formats) {
    std::istringstream in(text);
    in.imbue(std::locale::classic());
    date::sys_seconds when;
    in >> date::parse(fmt, when);
    if (in.fail()) continue;
    in >> std::ws;
    if (!in.eof()) continue;
    // In seconds, not system_clock's nanoseconds: a year such as 0026 ("Thu, 01 Jan 26 ..." read
    // by the IMF form) overflowed the subtraction (found by fuzz_time).
    const auto delta = std::chrono::duration_cast<std::chrono::milliseconds>(
        when - std::chrono::floor<std::chrono::seconds>(now));
    return std::max(delta, std::chrono::milliseconds(0));
  }
  return std::nullopt;
}

bool attempts_left(const RetryOptions& o, int attempts, int rate_limited) noexcept {
  const int counted = o.rate_limited_within_budget ? attempts - rate_limited : attempts;
  return counted < o.max_attempts;
}

bool should_retry_status(const RetryOptions& o, HttpMethod method, int status) noexcept {
  if (std::find(o.retry_statuses.begin(), o.retry_statuses.end(), status) == o.retry_statuses.end()) return false;
  // A POST is not idempotent: repeat it only when Lever refused it before acting (429).
  return method != HttpMethod::post || status == 429;
}

bool should_retry_transport(const RetryOptions& o, HttpMethod method, const Error& e) noexcept {
  if (!o.retry_transport_errors || e.permanent) return false;  // e.g. TLS verification failed
  if (e.code != Errc::transport && e.code != Errc::timeout) return false;
  return method != HttpMethod::post || request_not_sent(e);
}

}  // namespace leverkit
