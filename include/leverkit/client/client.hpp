// leverkit/client/client.hpp — the Lever Data API client.
//
// What: `Client`, one method per Lever operation (verb_noun), each taking one request struct and
// a `CallOptions` last. Every call goes through the same pipeline: credentials → shared rate
// limiter → transport → status mapping → retry with back-off (Retry-After honoured) → decode.
// List methods return a lazy `Paginator<T>`.
// Errors: `Result<T>` with `Errc` from the HTTP status (400 bad_request, 401 unauthorized, 403
// forbidden, 404 not_found, 409/422 conflict, 429 rate_limited, 5xx server_error, other
// unexpected_status), Lever's `{code, message}` in lever_code/lever_message, the request id, the
// number of attempts; `stale_cursor` when Lever refuses a list's offset token (ADR 0020);
// transport/timeout/cancelled from below HTTP; decode_error naming the JSON path.
// No error, exception or log line ever contains the credential.
// Thread-safety: a Client is a cheap copyable handle to shared state; copies and threads may
// call concurrently and share one rate-limit bucket per credential.
// Example:
//   auto creds = std::make_shared<leverkit::ApiKeyCredentials>(key);
//   LEVERKIT_TRY(client, leverkit::Client::create(creds, {.environment = leverkit::Environment::sandbox}));
//   for (auto& opp : client.list_opportunities({.stage_id = {"applicant-new"}})) { ... }
#pragma once

#include <memory>
#include <string>

#include "leverkit/client/call_options.hpp"
#include "leverkit/client/client_options.hpp"
#include "leverkit/client/credentials.hpp"
#include "leverkit/client/http.hpp"
#include "leverkit/client/paginator.hpp"
#include "leverkit/client/requests.hpp"
#include "leverkit/models/opportunity.hpp"
#include "leverkit/models/posting.hpp"
#include "leverkit/models/stage.hpp"
#include "leverkit/models/user.hpp"

namespace leverkit {

namespace detail {
struct ClientState;
}

class Client {
 public:
  /// Validates `options` (base URL scheme and host, retry numbers) and builds the shared state.
  static Result<Client> create(std::shared_ptr<Credentials> credentials, ClientOptions options = {});

  // ---- opportunities ----
  Paginator<Opportunity> list_opportunities(const ListOpportunitiesRequest& request, const CallOptions& options = {}) const;
  Result<Opportunity> get_opportunity(const GetOpportunityRequest& request, const CallOptions& options = {}) const;

  // ---- users ----
  Paginator<User> list_users(const ListUsersRequest& request, const CallOptions& options = {}) const;
  Result<User> get_user(const GetUserRequest& request, const CallOptions& options = {}) const;

  // ---- stages, archive reasons ----
  Paginator<Stage> list_stages(const ListStagesRequest& request, const CallOptions& options = {}) const;
  Paginator<ArchiveReason> list_archive_reasons(const ListArchiveReasonsRequest& request,
                                                const CallOptions& options = {}) const;

  // ---- postings ----
  Paginator<Posting> list_postings(const ListPostingsRequest& request, const CallOptions& options = {}) const;
  Result<Posting> get_posting(const GetPostingRequest& request, const CallOptions& options = {}) const;

  /// The base URL requests go to ("https://api.lever.co/v1").
  [[nodiscard]] const std::string& base_url() const noexcept;

  /// The generic pipeline every method uses: `path_and_query` is appended to the base URL
  /// ("/stages?limit=10"). A non-2xx status is an Error. For operations not wrapped yet.
  Result<HttpResponse> request(HttpMethod method, std::string_view path_and_query, std::string body = {},
                               const CallOptions& options = {}) const;

  /// Identity shared by copies (equal when one is a copy of the other).
  friend bool operator==(const Client& a, const Client& b) noexcept { return a.state_ == b.state_; }

 private:
  explicit Client(std::shared_ptr<detail::ClientState> state) : state_(std::move(state)) {}
  std::shared_ptr<detail::ClientState> state_;
};

}  // namespace leverkit
