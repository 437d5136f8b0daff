// api_impl.hpp — private state of the sandbox Api, shared by the request plumbing in api/
// (router, auth, rate limiter, fault injector, webhook outbox, stats, admin, OAuth server) and
// the Lever resources in resources/ (one file per resource).
#pragma once
#include <atomic>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <shared_mutex>
#include <unordered_map>

#include "api.hpp"
#include "store.hpp"

namespace leverkit::sandbox::detail {

/// Thrown inside handlers only; `Api::handle` turns it into a Lever-style error response.
struct ApiFailure {
  int status;
  std::string code;
  std::string message;
};

struct Identity {
  std::string name;                         // key name or "oauth:<client>"
  const std::vector<std::string>* scopes = nullptr;
  std::string bucket;                       // rate-limit bucket
};

struct Ctx {
  const ApiRequest& req;
  std::vector<std::string_view> args;       // path parameters in order
  Identity who;
  [[nodiscard]] std::optional<std::string_view> param(std::string_view name) const;
  [[nodiscard]] std::vector<std::string_view> params(std::string_view name) const;
  [[nodiscard]] bool flag(std::string_view name) const;  // "true"
};

struct Expansion {
  std::string_view key;
  const Collection* target;
};

struct FaultStep {
  int status = 0;            // 500/502/503/429 or 0 for a transport fault
  Fault kind = Fault::none;
  int ms = 0;                // slow body duration
};

struct FaultPlan {
  std::string method;        // empty: any
  std::string path;          // route pattern ("/v1/opportunities/:id"), concrete path, or "*"
  std::deque<FaultStep> steps;
};

struct OAuthGrant {
  std::string client_id;
  std::vector<std::string> scopes;
  std::string refresh_token;   // the one live refresh token
  bool revoked = false;
};

struct AccessToken {
  std::size_t grant;
  std::int64_t expires_at;
};

struct Bucket {
  double tokens;
  std::int64_t last_ms;
};

struct Api::Impl {
  using Handler = ApiResponse (Impl::*)(Ctx&);
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;
    Handler handler;
    std::string resource;   // Lever scope resource ("opportunities", "contact", ...)
    bool write;
    std::string key;        // "GET /v1/opportunities/:id"
    std::string scope;      // the scope this route needs ("notes:write:admin")
    std::string write_scope;  // which also grants reads
  };

  explicit Impl(ServerOptions o);

  ServerOptions opt;
  std::vector<ApiKey> keys;
  std::vector<OAuthClient> clients;
  std::string webhook_token;

  std::shared_mutex store_mutex;
  Store store;
  Rng write_rng{0};         // ids for created objects (under the unique lock)
  std::int64_t last_write_ms = 0;

  std::vector<Route> routes;

  std::mutex stats_mutex;
  std::map<std::string, std::uint64_t> requests_per_route;
  std::map<std::string, std::uint64_t> writes_per_resource;
  std::map<int, std::uint64_t> responses_per_status;
  std::uint64_t rate_limited = 0, faults_injected = 0;
  std::atomic<std::uint64_t> total_requests{0};

  std::mutex fault_mutex;
  std::vector<FaultPlan> fault_plans;
  std::atomic<bool> any_fault_plan{false};  // skips the fault lock on the hot path

  std::mutex rate_mutex;
  RateLimitOptions rate;
  std::unordered_map<std::string, Bucket> buckets;

  std::mutex oauth_mutex;
  std::vector<OAuthGrant> grants;
  struct AuthCode {
    std::size_t grant;
    std::int64_t expires_at;
    std::string redirect_uri;  // must be presented again, identical, at the exchange
  };
  std::unordered_map<std::string, AuthCode> auth_codes;
  std::unordered_map<std::string, std::size_t> used_codes;  // spent code -> grant (reuse revokes it)
  std::uint64_t oauth_code_exchanges = 0, oauth_refreshes = 0, oauth_refused = 0;  // under oauth_mutex
  std::unordered_map<std::string, AccessToken> access_tokens;
  std::unordered_map<std::string, std::size_t> refresh_tokens;  // live and spent -> grant
  std::unordered_map<std::string, bool> refresh_spent;
  Rng oauth_rng{0};

  std::mutex webhook_mutex;
  std::condition_variable webhook_cv;
  std::deque<WebhookDelivery> outbox;
  std::vector<DeliveryOutcome> delivered;
  bool stopping = false;
  Rng webhook_rng{0};

  // ---- plumbing (api/*.cpp, one room each)
  std::int64_t now_ms() const;  // api.cpp
  std::int64_t write_clock();   // api.cpp; strictly increasing, >= now
  void add_routes();            // router.cpp
  ApiResponse dispatch(const ApiRequest& req);  // router.cpp
  std::optional<ApiResponse> authenticate(const ApiRequest& req, const Route& route, Identity& who);  // auth.cpp
  bool take_token(const std::string& bucket);  // rate_limiter.cpp
  std::optional<FaultStep> next_fault(const Route& route, const ApiRequest& req);  // fault_injector.cpp
  ApiResponse oauth(const ApiRequest& req);    // oauth_server.cpp
  void emit(std::string_view event, Value data);  // webhook_outbox.cpp

  // ---- the /__sandbox admin API: admin.cpp dispatches; each room answers its own paths
  // (nullopt: not mine) so a room's state and its admin endpoint live in one file.
  ApiResponse admin(const ApiRequest& req);
  /// The admin request body: {} when empty, else a JSON object (400 BadRequest otherwise).
  static Value admin_body(const ApiRequest& req);
  std::optional<ApiResponse> admin_stats(const ApiRequest& req);       // stats.cpp
  std::optional<ApiResponse> admin_faults(const ApiRequest& req);      // fault_injector.cpp
  std::optional<ApiResponse> admin_rate_limit(const ApiRequest& req);  // rate_limiter.cpp
  std::optional<ApiResponse> admin_webhooks(const ApiRequest& req);    // webhook_outbox.cpp
  std::optional<ApiResponse> admin_oauth(const ApiRequest& req);       // oauth_server.cpp

  // ---- helpers for handlers (api.cpp: responses; resources/handler_support.cpp: the rest)
  static ApiResponse error(int status, std::string_view code, std::string_view message);
  static ApiResponse json(int status, std::string body);
  [[noreturn]] static void fail(int status, std::string_view code, std::string message);
  [[noreturn]] static void bad(std::string message) { fail(400, "InvalidParameter", std::move(message)); }
  [[noreturn]] static void not_found(std::string_view kind, std::string_view id);
  Value body_object(const Ctx& ctx);
  std::size_t limit_of(const Ctx& ctx);
  std::optional<Cursor> cursor_of(const Ctx& ctx);
  std::string perform_as(const Ctx& ctx, bool required);
  void write_item(std::string& out, const Value& v, const Ctx& ctx, std::initializer_list<Expansion> exp) const;
  template <class Positions, class Keep>
  ApiResponse list(const Ctx& ctx, const Collection& c, const Positions& positions, Keep&& keep,
                   std::initializer_list<Expansion> exp, bool include_deleted = false,
                   const std::function<Value(const Value&)>& view = {});
  ApiResponse single(const Ctx& ctx, const Value& v, std::initializer_list<Expansion> exp, int status = 200,
                     std::string_view extra = {});
  Record& opportunity(const Ctx& ctx);  // args[0], 404 when unknown
  Record& child(Collection& c, const Ctx& ctx, std::string_view kind);  // args[1] belonging to args[0]
  Value panel_view(const Value& panel) const;  // resources/panels.cpp
  void count_write(std::string_view resource);

  // ---- resources (resources/<resource>.cpp)
  ApiResponse list_opportunities(Ctx&);
  ApiResponse list_deleted_opportunities(Ctx&);
  ApiResponse get_opportunity(Ctx&);
  ApiResponse create_opportunity(Ctx&);
  ApiResponse update_stage(Ctx&);
  ApiResponse update_archived(Ctx&);
  ApiResponse add_tags(Ctx&);
  ApiResponse remove_tags(Ctx&);
  ApiResponse add_links(Ctx&);
  ApiResponse remove_links(Ctx&);
  ApiResponse add_sources(Ctx&);
  ApiResponse remove_sources(Ctx&);
  ApiResponse list_applications(Ctx&);
  ApiResponse get_application(Ctx&);
  ApiResponse get_contact(Ctx&);
  ApiResponse update_contact(Ctx&);
  ApiResponse list_interviews(Ctx&);
  ApiResponse get_interview(Ctx&);
  ApiResponse create_interview(Ctx&);
  ApiResponse update_interview(Ctx&);
  ApiResponse delete_interview(Ctx&);
  ApiResponse list_panels(Ctx&);
  ApiResponse get_panel(Ctx&);
  ApiResponse create_panel(Ctx&);
  ApiResponse update_panel(Ctx&);
  ApiResponse delete_panel(Ctx&);
  ApiResponse list_feedback(Ctx&);
  ApiResponse get_feedback(Ctx&);
  ApiResponse create_feedback(Ctx&);
  ApiResponse update_feedback(Ctx&);
  ApiResponse delete_feedback(Ctx&);
  ApiResponse list_notes(Ctx&);
  ApiResponse get_note(Ctx&);
  ApiResponse create_note(Ctx&);
  ApiResponse update_note(Ctx&);
  ApiResponse delete_note(Ctx&);
  ApiResponse list_forms(Ctx&);
  ApiResponse get_form(Ctx&);
  ApiResponse create_form(Ctx&);
  ApiResponse list_feedback_templates(Ctx&);
  ApiResponse get_feedback_template(Ctx&);
  ApiResponse create_feedback_template(Ctx&);
  ApiResponse update_feedback_template(Ctx&);
  ApiResponse delete_feedback_template(Ctx&);
  ApiResponse list_form_templates(Ctx&);
  ApiResponse get_form_template(Ctx&);
  ApiResponse create_form_template(Ctx&);
  ApiResponse update_form_template(Ctx&);
  ApiResponse delete_form_template(Ctx&);
  ApiResponse list_users(Ctx&);
  ApiResponse get_user(Ctx&);
  ApiResponse create_user(Ctx&);
  ApiResponse update_user(Ctx&);
  ApiResponse deactivate_user(Ctx&);
  ApiResponse reactivate_user(Ctx&);
  ApiResponse list_stages(Ctx&);
  ApiResponse get_stage(Ctx&);
  ApiResponse list_archive_reasons(Ctx&);
  ApiResponse get_archive_reason(Ctx&);
  ApiResponse list_postings(Ctx&);
  ApiResponse get_posting(Ctx&);
  ApiResponse create_posting(Ctx&);
  ApiResponse update_posting(Ctx&);
  ApiResponse list_webhooks(Ctx&);
  ApiResponse create_webhook(Ctx&);
  ApiResponse delete_webhook(Ctx&);

  // ---- shared write logic (resources/: interviews, template_bodies, opportunities)
  Value make_interview(const Ctx& ctx, const Value& in, const std::string& opp_id, const std::string& panel_id,
                       const std::string& creator, std::string_view default_reminder, const std::string& id,
                       std::int64_t created, const Value& panel);
  Array template_fields(const Value& fields_in, bool feedback, const Value* previous);
  // Applies a feedback/form template create or update body to `target` (text, group,
  // instructions, fields; secretByDefault for form templates) and stamps updatedAt.
  void apply_template_body(Value& target, Ctx& ctx, bool feedback, bool create);
  Value opportunity_write_view(const Value& opp) const;
  Value event_ids(const Record& opp) const;
  ApiResponse edit_list(Ctx& ctx, std::string_view field, bool add);
};

template <class Positions, class Keep>
ApiResponse Api::Impl::list(const Ctx& ctx, const Collection& c, const Positions& positions, Keep&& keep,
                            std::initializer_list<Expansion> exp, bool include_deleted,
                            const std::function<Value(const Value&)>& view) {
  std::size_t limit = limit_of(ctx);
  auto cursor = cursor_of(ctx);
  PageResult page = paginate(c, positions, limit, cursor, keep, include_deleted);
  if (page.stale)
    fail(400, "InvalidParameter", "Invalid offset token: it does not name a position in this list (stale or from another list)");
  std::string out = "{\"data\":[";
  bool first = true;
  for (std::size_t pos : page.positions) {
    if (!first) out.push_back(',');
    first = false;
    if (view) write_item(out, view(c.at(pos).value), ctx, exp);
    else write_item(out, c.at(pos).value, ctx, exp);
  }
  out += "],\"hasNext\":";
  out += page.has_next ? "true" : "false";
  if (page.next) {
    out += ",\"next\":";
    write_json_string(out, encode_cursor(*page.next));
  }
  out.push_back('}');
  return json(200, std::move(out));
}

}  // namespace leverkit::sandbox::detail
