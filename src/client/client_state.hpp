// Private: the state every Client copy shares, the request pipeline and the helpers the
// per-resource files (client_*.cpp) are written with.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "detail/decoders.hpp"
#include "leverkit/client/client.hpp"

namespace leverkit::inline v0::detail {

/// Maps a non-2xx response to an Error (status → Errc, Lever's {code, message}, request id,
/// Retry-After, the stale-offset rule of ADR 0020). `what` is "GET /v1/opportunities".
Error error_from_response(const HttpResponse& response, std::string_view what, bool request_had_offset,
                          std::chrono::system_clock::time_point now);

struct ClientState {
  std::string base_url;  // no trailing slash
  std::string base_path; // path part of base_url ("/v1"), for messages
  std::shared_ptr<Credentials> credentials;
  std::shared_ptr<Transport> transport;
  std::shared_ptr<RateLimiter> limiter;
  RetryOptions retry;
  std::shared_ptr<Clock> clock;
  std::shared_ptr<Sleeper> sleeper;
  std::function<double()> random;
  std::chrono::milliseconds default_timeout{};
  std::function<void(LogLevel, std::string_view)> logger;
  std::mutex rng_mutex;
  std::mt19937_64 rng{std::random_device{}()};

  /// The whole pipeline for one call. `has_offset`: the query carries a pagination token.
  Result<HttpResponse> execute(HttpMethod method, std::string_view path_and_query, std::string body,
                               const CallOptions& options, bool has_offset = false);

  double next_random();
  void log(LogLevel level, std::string line) const;
  Error redact(Error e) const;
};

/// One time budget for a Client method that makes several requests (update_interview_fields:
/// GET then PUT; update_note: PUT then GET). The deadline is fixed when the method starts, from
/// CallOptions::timeout (else the client's default); every sub-request gets only what is left of
/// it as its own timeout, and none is sent once it is spent — so the method as a whole never
/// runs past the budget its caller gave (ADR 0095).
class CallBudget {
 public:
  CallBudget(const ClientState& st, const CallOptions& options);
  /// `options` with `timeout` = the budget left; Errc::timeout (not_sent, naming `what` and the
  /// budget) when nothing is left.
  [[nodiscard]] Result<CallOptions> next(std::string_view what) const;

 private:
  std::shared_ptr<Clock> clock_;
  const CallOptions& options_;
  std::chrono::milliseconds budget_;
  Clock::time_point deadline_;
};

/// Query string builder: every key and value percent-encoded, multi-valued keys repeated.
class Query {
 public:
  void put(std::string_view key, std::string_view value);
  void add(std::string_view key, const std::vector<std::string>& values) {
    for (const auto& v : values) put(key, v);
  }
  void add(std::string_view key, const std::optional<std::string>& value) {
    if (value) put(key, *value);
  }
  void add(std::string_view key, std::optional<Timestamp> t);
  void add(std::string_view key, std::optional<bool> b);
  void add(std::string_view key, std::optional<int> n);
  void add(std::string_view key, std::optional<Confidentiality> c);
  [[nodiscard]] const std::string& str() const noexcept { return s_; }
  [[nodiscard]] bool empty() const noexcept { return s_.empty(); }

 private:
  std::string s_;
};

/// invalid_argument unless 1 <= limit <= 100.
Result<void> check_limit(std::optional<int> limit);
/// "/<prefix>/<encoded id>[suffix]"; invalid_argument naming `param` when the id is empty.
Result<std::string> id_path(std::string_view prefix, std::string_view id, std::string_view param,
                            std::string_view suffix = {});

template <class T>
Result<T> decode_response(const HttpResponse& r) {
  return decode_one<T>(JsonInput{r.body, r.body.capacity()});
}

/// "/opportunities/<opp><suffix>".
inline Result<std::string> opp_path(std::string_view opp, std::string_view suffix, std::string_view param) {
  return id_path("/opportunities", opp, param, suffix);
}
/// "/opportunities/<opp><kind>/<id>".
inline Result<std::string> item_path(std::string_view opp, std::string_view kind, std::string_view id,
                                     std::string_view opp_param, std::string_view id_param) {
  LEVERKIT_TRY(base, opp_path(opp, kind, opp_param));
  return id_path(base, id, id_param);
}

/// `perform_as` required by Lever: invalid_argument naming `param` when empty.
Result<void> require_perform_as(Query& q, std::string_view perform_as, std::string_view param);
/// `perform_as` optional.
inline void optional_perform_as(Query& q, const std::optional<std::string>& perform_as) {
  if (perform_as && !perform_as->empty()) q.put("perform_as", *perform_as);
}

/// One call whose response is one T.
template <class T>
Result<T> call_one(ClientState& st, HttpMethod method, const std::string& path_and_query, std::string body,
                   const CallOptions& options) {
  LEVERKIT_TRY(resp, st.execute(method, path_and_query, std::move(body), options));
  return decode_response<T>(resp);
}

/// One call whose response body does not matter (204 on deletes).
Result<void> call_void(ClientState& st, HttpMethod method, const std::string& path_and_query, std::string body,
                       const CallOptions& options);

/// A lazy listing of `path` + `query`; each page is one call with `options`. `keep`, when set,
/// drops items it returns false for (e.g. deleted feedback) from each page.
template <class T>
Paginator<T> make_paginator(std::shared_ptr<ClientState> state, std::string path, Query query,
                            std::optional<std::string> start_offset, CallOptions options,
                            std::function<bool(const T&)> keep = {}) {
  return Paginator<T>(
      [state = std::move(state), base = path + query.str(), sep = query.empty() ? '?' : '&',
       options = std::move(options), keep = std::move(keep)](const std::optional<std::string>& offset) -> Result<Page<T>> {
        std::string url = base;
        if (offset) {
          url += sep;
          url += "offset=";
          url += url_encode(*offset);
        }
        LEVERKIT_TRY(resp, state->execute(HttpMethod::get, url, {}, options, offset.has_value()));
        LEVERKIT_TRY(page, decode_page<T>(JsonInput{resp.body, resp.body.capacity()}));
        if (keep) std::erase_if(page.data, [&](const T& item) { return !keep(item); });
        return page;
      },
      std::move(start_offset));
}

}  // namespace leverkit::detail
