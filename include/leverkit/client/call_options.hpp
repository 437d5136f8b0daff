// leverkit/client/call_options.hpp — per-call knobs, the last parameter of every Client method.
//
// What: an overall `timeout` for the call (rate-limit waits, every attempt and the back-off
// between attempts all count against it), extra request headers, and a cancellation token.
// Errors: a call whose timeout elapses ends with `Errc::timeout`; a cancelled one with
// `Errc::cancelled`. Thread-safety: a value type.
// Example:
//   auto opp = client.get_opportunity({.opportunity_id = id}, {.timeout = std::chrono::seconds(5)});
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "leverkit/client/cancellation.hpp"

namespace leverkit::inline v0 {

struct CallOptions {
  /// Whole-call budget; nullopt = the client's default (ClientOptions::default_timeout).
  std::optional<std::chrono::milliseconds> timeout;
  /// Added to the request as is (after the client's own headers; `Authorization` is refused).
  std::vector<std::pair<std::string, std::string>> headers;
  CancellationToken cancel;
};

}  // namespace leverkit
