// Request plumbing of the sandbox: routing, authentication (API keys, OAuth bearer tokens),
// the per-key token bucket, fault plans, statistics, the /__sandbox admin API and /oauth.
#include <algorithm>
#include <chrono>
#include <fstream>
#include <filesystem>

#include <fmt/format.h>
#include "leverkit/fmt.hpp"

#include "api_impl.hpp"
#include "calls.hpp"

namespace leverkit::sandbox::detail {
namespace {

std::vector<std::string_view> split_view(std::string_view path) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '/') {
      ++i;
      continue;
    }
    std::size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    out.push_back(path.substr(i, j - i));
    i = j;
  }
  return out;
}

// Routes own their segments; request paths are only viewed.
std::vector<std::string> split_path(std::string_view path) {
  const auto views = split_view(path);
  return {views.begin(), views.end()};
}

std::vector<std::string> all_scopes() {
  std::vector<std::string> out;
  for (std::string_view r : {"applications", "archive_reasons", "contact", "feedback", "feedback_templates", "forms",
                             "form_templates", "interviews", "notes", "opportunities", "panels", "postings", "stages",
                             "users", "webhooks"}) {
    out.push_back(fmt::format("{}:read:admin", r));
    out.push_back(fmt::format("{}:write:admin", r));
  }
  out.emplace_back("confidential:access:admin");
  return out;
}

std::vector<std::string> read_scopes() {
  std::vector<std::string> out;
  for (auto& s : all_scopes())
    if (s.find(":read:") != std::string::npos) out.push_back(s);
  return out;
}

bool has_scope(const std::vector<std::string>& scopes, std::string_view resource, bool write) {
  std::string want = fmt::format("{}:{}:admin", resource, write ? "write" : "read");
  std::string write_scope = fmt::format("{}:write:admin", resource);
  for (const auto& s : scopes)
    if (s == "*" || s == want || s == write_scope) return true;
  return false;
}

std::vector<std::pair<std::string, std::string>> parse_form(std::string_view body) {
  std::vector<std::pair<std::string, std::string>> out;
  std::size_t i = 0;
  while (i <= body.size()) {
    std::size_t amp = body.find('&', i);
    if (amp == std::string_view::npos) amp = body.size();
    std::string_view pair = body.substr(i, amp - i);
    if (!pair.empty()) {
      std::size_t eq = pair.find('=');
      auto k = url_decode(pair.substr(0, eq), true);
      auto v = url_decode(eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1), true);
      if (k && v) out.emplace_back(std::move(*k), std::move(*v));
    }
    i = amp + 1;
  }
  return out;
}

std::string_view status_code_name(int status) {
  switch (status) {
    case 429: return "TooManyRequests";
    case 500: return "InternalServerError";
    case 502: return "BadGateway";
    case 503: return "ServiceUnavailable";
    default: return "Error";
  }
}

}  // namespace

// ---------------------------------------------------------------- Ctx

std::optional<std::string_view> Ctx::param(std::string_view name) const {
  for (const auto& [k, v] : req.params)
    if (k == name) return std::string_view(v);
  return std::nullopt;
}

std::vector<std::string_view> Ctx::params(std::string_view name) const {
  std::vector<std::string_view> out;
  for (const auto& [k, v] : req.params) {
    if (k == name || (k.size() == name.size() + 2 && k.starts_with(name) && k.ends_with("[]")))
      out.emplace_back(v);
  }
  return out;
}

bool Ctx::flag(std::string_view name) const {
  auto v = param(name);
  return v && *v == "true";
}

// ---------------------------------------------------------------- Impl basics

Api::Impl::Impl(ServerOptions o) : opt(std::move(o)) {
  keys = opt.api_keys;
  if (keys.empty()) {
    keys.push_back(ApiKey{std::string(kFullKey), "full", all_scopes()});
    keys.push_back(ApiKey{std::string(kReadOnlyKey), "read-only", read_scopes()});
  }
  clients = opt.oauth_clients;
  if (clients.empty()) clients.push_back(OAuthClient{std::string(kOAuthClientId), std::string(kOAuthClientSecret), {}});
  for (auto& c : clients)
    if (c.redirect_uris.empty()) c.redirect_uris = kDefaultRedirectUris;
  rate = opt.rate_limit;
  webhook_token = opt.webhook_signature_token;
  if (webhook_token.empty()) webhook_token = Rng(opt.seed ^ 0x77ebb00c5ULL).hex(48);
  write_rng = Rng(opt.seed ^ 0xC0FFEEULL);
  oauth_rng = Rng(opt.seed ^ 0x0A07ULL);
  webhook_rng = Rng(opt.seed ^ 0x1ebe7ULL);
  add_routes();
}

std::int64_t Api::Impl::now_ms() const {
  if (opt.clock) return opt.clock();
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::int64_t Api::Impl::write_clock() {
  std::int64_t t = std::max(now_ms(), last_write_ms + 1);
  last_write_ms = t;
  return t;
}

ApiResponse Api::Impl::json(int status, std::string body) {
  ApiResponse r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

ApiResponse Api::Impl::error(int status, std::string_view code, std::string_view message) {
  std::string out = "{\"code\":";
  write_json_string(out, code);
  out += ",\"message\":";
  write_json_string(out, message);
  out.push_back('}');
  return json(status, std::move(out));
}

void Api::Impl::fail(int status, std::string_view code, std::string message) {
  throw ApiFailure{status, std::string(code), std::move(message)};
}

void Api::Impl::not_found(std::string_view kind, std::string_view id) {
  fail(404, "ResourceNotFound", fmt::format("{} {} was not found", kind, id));
}

void Api::Impl::count_write(std::string_view resource) {
  std::lock_guard lock(stats_mutex);
  ++writes_per_resource[std::string(resource)];
}

// ---------------------------------------------------------------- routing

void Api::Impl::add_routes() {
  auto add = [this](std::string method, std::string pattern, Handler h, std::string resource, bool write) {
    Route r{method, pattern, split_path(pattern), h, resource, write, method + " " + pattern,
            fmt::format("{}:{}:admin", resource, write ? "write" : "read"), fmt::format("{}:write:admin", resource)};
    routes.push_back(std::move(r));
  };
  add("GET", "/v1/opportunities", &Impl::list_opportunities, "opportunities", false);
  add("GET", "/v1/opportunities/deleted", &Impl::list_deleted_opportunities, "opportunities", false);
  add("POST", "/v1/opportunities", &Impl::create_opportunity, "opportunities", true);
  add("GET", "/v1/opportunities/:id", &Impl::get_opportunity, "opportunities", false);
  add("PUT", "/v1/opportunities/:id/stage", &Impl::update_stage, "opportunities", true);
  add("PUT", "/v1/opportunities/:id/archived", &Impl::update_archived, "opportunities", true);
  add("POST", "/v1/opportunities/:id/addTags", &Impl::add_tags, "opportunities", true);
  add("POST", "/v1/opportunities/:id/removeTags", &Impl::remove_tags, "opportunities", true);
  add("POST", "/v1/opportunities/:id/addLinks", &Impl::add_links, "opportunities", true);
  add("POST", "/v1/opportunities/:id/removeLinks", &Impl::remove_links, "opportunities", true);
  add("POST", "/v1/opportunities/:id/addSources", &Impl::add_sources, "opportunities", true);
  add("POST", "/v1/opportunities/:id/removeSources", &Impl::remove_sources, "opportunities", true);
  add("GET", "/v1/opportunities/:id/applications", &Impl::list_applications, "applications", false);
  add("GET", "/v1/opportunities/:id/applications/:app", &Impl::get_application, "applications", false);
  add("GET", "/v1/opportunities/:id/interviews", &Impl::list_interviews, "interviews", false);
  add("POST", "/v1/opportunities/:id/interviews", &Impl::create_interview, "interviews", true);
  add("GET", "/v1/opportunities/:id/interviews/:iv", &Impl::get_interview, "interviews", false);
  add("PUT", "/v1/opportunities/:id/interviews/:iv", &Impl::update_interview, "interviews", true);
  add("DELETE", "/v1/opportunities/:id/interviews/:iv", &Impl::delete_interview, "interviews", true);
  add("GET", "/v1/opportunities/:id/panels", &Impl::list_panels, "panels", false);
  add("POST", "/v1/opportunities/:id/panels", &Impl::create_panel, "panels", true);
  add("GET", "/v1/opportunities/:id/panels/:panel", &Impl::get_panel, "panels", false);
  add("PUT", "/v1/opportunities/:id/panels/:panel", &Impl::update_panel, "panels", true);
  add("DELETE", "/v1/opportunities/:id/panels/:panel", &Impl::delete_panel, "panels", true);
  add("GET", "/v1/opportunities/:id/feedback", &Impl::list_feedback, "feedback", false);
  add("POST", "/v1/opportunities/:id/feedback", &Impl::create_feedback, "feedback", true);
  add("GET", "/v1/opportunities/:id/feedback/:fb", &Impl::get_feedback, "feedback", false);
  add("PUT", "/v1/opportunities/:id/feedback/:fb", &Impl::update_feedback, "feedback", true);
  add("DELETE", "/v1/opportunities/:id/feedback/:fb", &Impl::delete_feedback, "feedback", true);
  add("GET", "/v1/opportunities/:id/notes", &Impl::list_notes, "notes", false);
  add("POST", "/v1/opportunities/:id/notes", &Impl::create_note, "notes", true);
  add("GET", "/v1/opportunities/:id/notes/:note", &Impl::get_note, "notes", false);
  add("PUT", "/v1/opportunities/:id/notes/:note", &Impl::update_note, "notes", true);
  add("DELETE", "/v1/opportunities/:id/notes/:note", &Impl::delete_note, "notes", true);
  add("GET", "/v1/opportunities/:id/forms", &Impl::list_forms, "forms", false);
  add("POST", "/v1/opportunities/:id/forms", &Impl::create_form, "forms", true);
  add("GET", "/v1/opportunities/:id/forms/:form", &Impl::get_form, "forms", false);
  add("GET", "/v1/contacts/:id", &Impl::get_contact, "contact", false);
  add("PUT", "/v1/contacts/:id", &Impl::update_contact, "contact", true);
  add("GET", "/v1/feedback_templates", &Impl::list_feedback_templates, "feedback_templates", false);
  add("POST", "/v1/feedback_templates", &Impl::create_feedback_template, "feedback_templates", true);
  add("GET", "/v1/feedback_templates/:id", &Impl::get_feedback_template, "feedback_templates", false);
  add("PUT", "/v1/feedback_templates/:id", &Impl::update_feedback_template, "feedback_templates", true);
  add("DELETE", "/v1/feedback_templates/:id", &Impl::delete_feedback_template, "feedback_templates", true);
  add("GET", "/v1/form_templates", &Impl::list_form_templates, "form_templates", false);
  add("POST", "/v1/form_templates", &Impl::create_form_template, "form_templates", true);
  add("GET", "/v1/form_templates/:id", &Impl::get_form_template, "form_templates", false);
  add("PUT", "/v1/form_templates/:id", &Impl::update_form_template, "form_templates", true);
  add("DELETE", "/v1/form_templates/:id", &Impl::delete_form_template, "form_templates", true);
  add("GET", "/v1/users", &Impl::list_users, "users", false);
  add("POST", "/v1/users", &Impl::create_user, "users", true);
  add("GET", "/v1/users/:id", &Impl::get_user, "users", false);
  add("PUT", "/v1/users/:id", &Impl::update_user, "users", true);
  add("POST", "/v1/users/:id/deactivate", &Impl::deactivate_user, "users", true);
  add("POST", "/v1/users/:id/reactivate", &Impl::reactivate_user, "users", true);
  add("GET", "/v1/stages", &Impl::list_stages, "stages", false);
  add("GET", "/v1/stages/:id", &Impl::get_stage, "stages", false);
  add("GET", "/v1/archive_reasons", &Impl::list_archive_reasons, "archive_reasons", false);
  add("GET", "/v1/archive_reasons/:id", &Impl::get_archive_reason, "archive_reasons", false);
  add("GET", "/v1/postings", &Impl::list_postings, "postings", false);
  add("POST", "/v1/postings", &Impl::create_posting, "postings", true);
  add("GET", "/v1/postings/:id", &Impl::get_posting, "postings", false);
  add("POST", "/v1/postings/:id", &Impl::update_posting, "postings", true);
  add("GET", "/v1/webhooks", &Impl::list_webhooks, "webhooks", false);
  add("POST", "/v1/webhooks", &Impl::create_webhook, "webhooks", true);
  add("DELETE", "/v1/webhooks/:id", &Impl::delete_webhook, "webhooks", true);
}

ApiResponse Api::Impl::dispatch(const ApiRequest& req) {
  total_requests.fetch_add(1, std::memory_order_relaxed);
  std::string_view path = req.path;
  if (path.starts_with("/__sandbox")) {
    if (!opt.admin) return error(404, "ResourceNotFound", fmt::format("Route {} {} was not found", req.method, req.path));
    try {
      return admin(req);
    } catch (const ApiFailure& f) {
      return error(f.status, f.code, f.message);
    }
  }
  if (path.starts_with("/oauth/")) return oauth(req);

  auto segs = split_view(path);
  const Route* route = nullptr;
  std::vector<std::string_view> args;
  bool path_matched = false;
  for (const auto& r : routes) {
    if (r.segments.size() != segs.size()) continue;
    bool match = true;
    args.clear();
    for (std::size_t i = 0; i < segs.size(); ++i) {
      const std::string& p = r.segments[i];
      if (!p.empty() && p[0] == ':') {
        args.push_back(segs[i]);
      } else if (p != segs[i]) {
        match = false;
        break;
      }
    }
    if (!match) continue;
    path_matched = true;
    if (r.method == req.method || (req.method == "HEAD" && r.method == "GET")) {
      route = &r;
      break;
    }
  }
  if (!route) {
    (void)path_matched;
    return error(404, "ResourceNotFound", fmt::format("Route {} {} was not found", req.method, req.path));
  }

  {
    std::lock_guard lock(stats_mutex);
    ++requests_per_route[route->key];
  }
  Identity who;
  if (auto denied = authenticate(req, *route, who)) {
    denied->route = route->key;
    return *denied;
  }
  if (!take_token(who.bucket)) {
    {
      std::lock_guard lock(stats_mutex);
      ++rate_limited;
    }
    ApiResponse r = error(429, "TooManyRequests", "Rate limit exceeded: the API key made too many requests. Retry later.");
    r.route = route->key;
    return r;
  }
  std::optional<FaultStep> fault = next_fault(*route, req);
  if (fault && fault->status != 0) {
    {
      std::lock_guard lock(stats_mutex);
      ++faults_injected;
      if (fault->status == 429) ++rate_limited;
    }
    ApiResponse r = error(fault->status, status_code_name(fault->status),
                          fmt::format("Injected fault {} (sandbox fault plan)", fault->status));
    r.route = route->key;
    return r;
  }

  Ctx ctx{req, std::move(args), std::move(who)};
  ApiResponse resp;
  try {
    if (route->write) {
      std::unique_lock lock(store_mutex);
      resp = (this->*(route->handler))(ctx);
    } else {
      std::shared_lock lock(store_mutex);
      resp = (this->*(route->handler))(ctx);
    }
  } catch (const ApiFailure& f) {
    resp = error(f.status, f.code, f.message);
  } catch (const std::exception& e) {
    resp = error(500, "InternalServerError", fmt::format("sandbox error: {}", e.what()));
  }
  if (route->write && resp.status >= 200 && resp.status < 300) count_write(route->resource);
  if (fault && fault->kind != Fault::none) {  // an "ok" step is normal service
    std::lock_guard lock(stats_mutex);
    ++faults_injected;
    resp.fault = fault->kind;
    resp.slow_ms = fault->ms;
  }
  resp.route = route->key;
  return resp;
}

std::optional<ApiResponse> Api::Impl::authenticate(const ApiRequest& req, const Route& route, Identity& who) {
  std::string_view auth = req.authorization;
  auto unauthorized = [](std::string_view msg) {
    ApiResponse r = error(401, "Unauthorized", msg);
    r.headers.emplace_back("WWW-Authenticate", "Basic realm=\"Lever\"");
    return r;
  };
  if (auth.empty()) return unauthorized("Missing credentials: send an API key with HTTP Basic auth or an OAuth bearer token");
  if (auth.size() > 6 && (auth.starts_with("Basic ") || auth.starts_with("basic "))) {
    auto decoded = base64_decode(auth.substr(6));
    if (!decoded) return unauthorized("Malformed Basic authorization header");
    std::string_view user = *decoded;
    user = user.substr(0, user.find(':'));
    for (const auto& k : keys) {
      if (k.key == user) {
        who.name = k.name;
        who.scopes = &k.scopes;
        who.bucket = "key:" + k.name;
        break;
      }
    }
    if (!who.scopes) return unauthorized("Invalid API key");
  } else if (auth.size() > 7 && (auth.starts_with("Bearer ") || auth.starts_with("bearer "))) {
    std::string token(auth.substr(7));
    std::lock_guard lock(oauth_mutex);
    auto it = access_tokens.find(token);
    if (it == access_tokens.end()) return unauthorized("Invalid access token");
    const OAuthGrant& g = grants[it->second.grant];
    if (g.revoked) return unauthorized("Access token revoked");
    if (now_ms() >= it->second.expires_at) return unauthorized("Access token expired");
    who.name = "oauth:" + g.client_id;
    who.scopes = &g.scopes;  // grants are never erased, so the pointer stays valid
    who.bucket = fmt::format("grant:{}", it->second.grant);
  } else {
    return unauthorized("Unsupported authorization scheme");
  }
  if (std::none_of(who.scopes->begin(), who.scopes->end(),
                   [&](const std::string& s) { return s == route.scope || s == route.write_scope || s == "*"; })) {
    return error(403, "Forbidden",
                 fmt::format("This API key or token does not have the {}:{}:admin permission", route.resource,
                             route.write ? "write" : "read"));
  }
  if (route.resource == "opportunities" || route.resource == "postings") {
    auto conf = std::find_if(req.params.begin(), req.params.end(),
                             [](const auto& p) { return p.first == "confidentiality"; });
    if (conf != req.params.end() && conf->second != "non-confidential" &&
        !has_scope(*who.scopes, "confidential", false) &&
        std::find(who.scopes->begin(), who.scopes->end(), "confidential:access:admin") == who.scopes->end() &&
        std::find(who.scopes->begin(), who.scopes->end(), "*") == who.scopes->end()) {
      return error(403, "Forbidden", "This API key or token has no access to confidential data");
    }
  }
  return std::nullopt;
}

bool Api::Impl::take_token(const std::string& bucket) {
  std::lock_guard lock(rate_mutex);
  if (!rate.enabled) return true;
  std::int64_t now = now_ms();
  auto [it, inserted] = buckets.try_emplace(bucket, Bucket{rate.burst, now});
  Bucket& b = it->second;
  if (!inserted) {
    double elapsed = static_cast<double>(std::max<std::int64_t>(0, now - b.last_ms)) / 1000.0;
    b.tokens = std::min(rate.burst, b.tokens + elapsed * rate.per_second);
    b.last_ms = now;
  }
  if (b.tokens < 1.0) return false;
  b.tokens -= 1.0;
  return true;
}

std::optional<FaultStep> Api::Impl::next_fault(const Route& route, const ApiRequest& req) {
  if (!any_fault_plan.load(std::memory_order_acquire)) return std::nullopt;
  std::lock_guard lock(fault_mutex);
  for (auto& plan : fault_plans) {
    if (plan.steps.empty()) continue;
    if (!plan.method.empty() && plan.method != req.method) continue;
    if (plan.path != "*" && plan.path != route.pattern && plan.path != req.path) continue;
    FaultStep step = plan.steps.front();
    plan.steps.pop_front();
    return step;
  }
  return std::nullopt;
}

void Api::Impl::emit(std::string_view event, Value data) {
  if (opt.webhook_url.empty() && store.webhooks.size() == 0) return;
  std::int64_t triggered = now_ms();
  std::vector<std::pair<std::string, std::string>> targets;  // url, signature token
  if (!opt.webhook_url.empty()) targets.emplace_back(opt.webhook_url, webhook_token);
  for (std::size_t i = 0; i < store.webhooks.size(); ++i) {
    const Record& r = store.webhooks.at(i);
    if (r.deleted || r.value.str("event") != event) continue;
    targets.emplace_back(r.value.str("url"), r.secret);
  }
  std::lock_guard lock(webhook_mutex);
  for (const auto& [url, key] : targets) {
    std::string token = webhook_rng.hex(48);
    Value body = Value::object();
    body.set("id", webhook_rng.uuid());
    body.set("event", event);
    body.set("triggeredAt", triggered);
    body.set("token", token);
    body.set("signature", hmac_sha256_hex(key, token + std::to_string(triggered)));
    body.set("data", data);
    outbox.push_back(WebhookDelivery{std::string(event), url, to_json(body)});
  }
  webhook_cv.notify_one();
}

// ---------------------------------------------------------------- admin API

ApiResponse Api::Impl::admin(const ApiRequest& req) {
  std::string_view p = req.path;
  const std::string& m = req.method;
  auto body_of = [&]() -> Value {
    if (req.body.empty()) return Value::object();
    std::string err;
    auto v = parse_json(req.body, err);
    if (!v || !v->is_object()) fail(400, "BadRequest", "Invalid JSON body: " + (v ? std::string("expected an object") : err));
    return std::move(*v);
  };
  if (p == "/__sandbox/health" && m == "GET") return json(200, "{\"ok\":true}");
  if (p == "/__sandbox/calls" && m == "GET") { std::shared_lock lock(store_mutex); return synthetic_calls(store, req); }
  if (p == "/__sandbox/stats" && m == "GET") {
    Value out = Value::object();
    std::lock_guard lock(stats_mutex);
    out.set("totalRequests", total_requests.load());
    Value per = Value::object();
    for (const auto& [k, v] : requests_per_route) per.set(k, v);
    out.set("requests", std::move(per));
    out.set("rateLimited", rate_limited);
    out.set("faultsInjected", faults_injected);
    Value writes = Value::object();
    for (const auto& [k, v] : writes_per_resource) writes.set(k, v);
    out.set("writes", std::move(writes));
    {
      std::lock_guard oauth_lock(oauth_mutex);
      Value oauth_stats = Value::object();
      oauth_stats.set("codeExchanges", oauth_code_exchanges);
      oauth_stats.set("refreshes", oauth_refreshes);
      oauth_stats.set("refused", oauth_refused);
      out.set("oauth", std::move(oauth_stats));
    }
    return json(200, to_json(out));
  }
  if (p == "/__sandbox/stats" && m == "DELETE") {
    std::lock_guard lock(stats_mutex);
    requests_per_route.clear();
    writes_per_resource.clear();
    total_requests = 0;
    rate_limited = faults_injected = 0;
    std::lock_guard oauth_lock(oauth_mutex);
    oauth_code_exchanges = oauth_refreshes = oauth_refused = 0;
    return json(204, "");
  }
  if (p == "/__sandbox/faults") {
    if (m == "DELETE") {
      std::lock_guard lock(fault_mutex);
      fault_plans.clear();
      return json(204, "");
    }
    if (m == "GET") {
      Value out = Value::array();
      std::lock_guard lock(fault_mutex);
      for (const auto& plan : fault_plans) {
        Value v = Value::object();
        v.set("route", plan.method.empty() ? plan.path : plan.method + " " + plan.path);
        v.set("remaining", plan.steps.size());
        out.push_back(std::move(v));
      }
      Value wrap = Value::object();
      wrap.set("data", std::move(out));
      return json(200, to_json(wrap));
    }
    if (m == "POST") {
      Value b = body_of();
      std::string route = b.str("route");
      if (route.empty()) fail(400, "InvalidParameter", "route is required, e.g. \"GET /v1/opportunities\"");
      FaultPlan plan;
      if (auto sp = route.find(' '); sp != std::string::npos) {
        plan.method = route.substr(0, sp);
        plan.path = route.substr(sp + 1);
      } else {
        plan.path = route;
      }
      const Value* faults = b.find("faults");
      if (!faults || !faults->is_array() || faults->as_array().empty())
        fail(400, "InvalidParameter", "faults must be a non-empty array");
      for (const auto& f : faults->as_array()) {
        std::string kind = f.is_object() ? f.str("type") : f.is_int() ? std::to_string(f.as_int()) : f.as_string();
        FaultStep step;
        if (kind == "500" || kind == "502" || kind == "503" || kind == "429") {
          step.status = std::stoi(kind);
        } else if (kind == "ok") {
          // normal service for this request: lets a plan spread faults over a run (5 % of requests)
        } else if (kind == "reset") {
          step.kind = Fault::reset;
        } else if (kind == "truncate" || kind == "truncated") {
          step.kind = Fault::truncate;
        } else if (kind == "invalid-json" || kind == "invalid_json") {
          step.kind = Fault::invalid_json;
        } else if (kind == "slow") {
          step.kind = Fault::slow;
          step.ms = f.is_object() && f.find("ms") ? static_cast<int>(std::clamp<std::int64_t>(f.num("ms"), 0, 60000)) : 1000;
        } else {
          fail(400, "InvalidParameter",
               fmt::format("unknown fault '{}': use 500, 502, 503, 429, reset, truncate, invalid-json, slow or ok", kind));
        }
        plan.steps.push_back(step);
      }
      std::lock_guard lock(fault_mutex);
      fault_plans.push_back(std::move(plan));
      any_fault_plan.store(true, std::memory_order_release);
      return json(201, "{\"ok\":true}");
    }
  }
  if (p == "/__sandbox/reset" && m == "POST") {
    Value b = body_of();
    if (const Value* seed = b.find("seed"); seed && seed->is_int()) opt.seed = static_cast<std::uint64_t>(seed->as_int());
    if (const Value* n = b.find("opportunities"); n && n->is_int())
      opt.opportunities = static_cast<std::size_t>(std::clamp<std::int64_t>(n->as_int(), 0, 200000));
    {
      std::unique_lock lock(store_mutex);
      generate(store, GeneratorOptions{opt.seed, opt.opportunities});
      write_rng = Rng(opt.seed ^ 0xC0FFEEULL);
    }
    {
      std::lock_guard lock(stats_mutex);
      requests_per_route.clear();
      writes_per_resource.clear();
      total_requests = 0;
    rate_limited = faults_injected = 0;
    }
    {
      std::lock_guard lock(fault_mutex);
      fault_plans.clear();
    }
    {
      std::lock_guard lock(rate_mutex);
      buckets.clear();
    }
    return json(200, "{\"ok\":true}");
  }
  if (p == "/__sandbox/rate_limit") {
    std::lock_guard lock(rate_mutex);
    if (m == "POST") {
      Value b = body_of();
      if (const Value* e = b.find("enabled"); e && e->is_bool()) rate.enabled = e->as_bool();
      if (const Value* r = b.find("perSecond"); r && r->is_number() && r->as_double() > 0) rate.per_second = r->as_double();
      if (const Value* r = b.find("burst"); r && r->is_number() && r->as_double() >= 1) rate.burst = r->as_double();
      buckets.clear();
    }
    Value out = Value::object();
    out.set("enabled", rate.enabled);
    out.set("perSecond", rate.per_second);
    out.set("burst", rate.burst);
    return json(200, to_json(out));
  }
  if (p == "/__sandbox/oauth/revoke" && m == "POST") {
    Value b = body_of();
    std::lock_guard lock(oauth_mutex);
    std::int64_t revoked = 0;
    auto revoke = [&](std::size_t g) {
      if (!grants[g].revoked) ++revoked;
      grants[g].revoked = true;
    };
    if (const auto& t = b.str("refreshToken"); !t.empty()) {
      if (auto it = refresh_tokens.find(t); it != refresh_tokens.end()) revoke(it->second);
    }
    if (const auto& t = b.str("accessToken"); !t.empty()) {
      if (auto it = access_tokens.find(t); it != access_tokens.end()) revoke(it->second.grant);
    }
    if (const auto& c = b.str("clientId"); !c.empty()) {
      for (std::size_t g = 0; g < grants.size(); ++g)
        if (grants[g].client_id == c) revoke(g);
    }
    return json(200, fmt::format("{{\"revoked\":{}}}", revoked));
  }
  if (p == "/__sandbox/webhooks" && m == "GET") {
    Value out = Value::object();
    out.set("url", opt.webhook_url);
    out.set("signatureToken", webhook_token);
    Value list = Value::array();
    std::lock_guard lock(webhook_mutex);
    for (const auto& d : delivered) {
      Value v = Value::object();
      v.set("event", d.event);
      v.set("url", d.url);
      v.set("status", d.status);
      v.set("attempts", d.attempts);
      list.push_back(std::move(v));
    }
    out.set("deliveries", std::move(list));
    out.set("pending", outbox.size());
    return json(200, to_json(out));
  }
  if (p == "/__sandbox/keys" && m == "GET") {
    Value out = Value::array();
    for (const auto& k : keys) {
      Value v = Value::object();
      v.set("name", k.name);
      v.set("key", k.key);
      Array scopes;
      for (const auto& s : k.scopes) scopes.emplace_back(s);
      v.set("scopes", Value(std::move(scopes)));
      out.push_back(std::move(v));
    }
    Value wrap = Value::object();
    wrap.set("data", std::move(out));
    return json(200, to_json(wrap));
  }
  return error(404, "ResourceNotFound", fmt::format("Route {} {} was not found", req.method, req.path));
}

// ---------------------------------------------------------------- OAuth

ApiResponse Api::Impl::oauth(const ApiRequest& req) {
  auto oauth_error = [](int status, std::string_view err, std::string_view desc) {
    std::string out = "{\"error\":";
    write_json_string(out, err);
    out += ",\"error_description\":";
    write_json_string(out, desc);
    out += "}";
    return json(status, std::move(out));
  };
  auto find = [](const std::vector<std::pair<std::string, std::string>>& ps, std::string_view k) -> std::string {
    for (const auto& [key, v] : ps)
      if (key == k) return v;
    return {};
  };
  if (req.path == "/oauth/authorize" && req.method == "GET") {
    std::string client_id = find(req.params, "client_id");
    std::string redirect = find(req.params, "redirect_uri");
    std::string state = find(req.params, "state");
    std::string response_type = find(req.params, "response_type");
    if (redirect.empty()) return oauth_error(400, "invalid_request", "redirect_uri is required");
    auto client = std::find_if(clients.begin(), clients.end(), [&](const OAuthClient& c) { return c.client_id == client_id; });
    if (client_id.empty() || client == clients.end()) return oauth_error(400, "unauthorized_client", "unknown client_id");
    // Never redirect to an unregistered URI (an open redirector would leak codes): exact match only.
    if (std::find(client->redirect_uris.begin(), client->redirect_uris.end(), redirect) == client->redirect_uris.end())
      return oauth_error(400, "invalid_request", "redirect_uri does not exactly match a registered redirect URI");
    if (state.empty()) return oauth_error(400, "invalid_request", "state is required");
    std::string sep = redirect.find('?') == std::string::npos ? "?" : "&";
    ApiResponse r = json(302, "");
    r.content_type = "text/plain";
    if (response_type != "code") {
      r.headers.emplace_back("Location", redirect + sep + "error=unsupported_response_type&error_description=" +
                                             url_encode("response_type must be code") + "&state=" + url_encode(state));
      return r;
    }
    OAuthGrant grant;
    grant.client_id = client_id;
    std::string scope = find(req.params, "scope");
    for (std::size_t i = 0; i < scope.size();) {
      std::size_t j = scope.find(' ', i);
      if (j == std::string::npos) j = scope.size();
      if (j > i) grant.scopes.push_back(scope.substr(i, j - i));
      i = j + 1;
    }
    if (grant.scopes.empty()) grant.scopes = all_scopes();
    std::lock_guard lock(oauth_mutex);
    std::string code = oauth_rng.hex(32);
    grants.push_back(std::move(grant));
    auth_codes[code] = AuthCode{grants.size() - 1, now_ms() + opt.oauth_code_ttl.count() * 1000, redirect};
    r.headers.emplace_back("Location", redirect + sep + "code=" + code + "&state=" + url_encode(state));
    return r;
  }
  if (req.path == "/oauth/token" && req.method == "POST") {
    std::vector<std::pair<std::string, std::string>> form;
    if (req.content_type.starts_with("application/json")) {
      std::string err;
      auto v = parse_json(req.body, err);
      if (!v || !v->is_object()) return oauth_error(400, "invalid_request", "body must be a form or a JSON object");
      for (const auto& [k, val] : v->as_object())
        if (val.is_string()) form.emplace_back(k, val.as_string());
    } else {
      form = parse_form(req.body);
    }
    std::string client_id = find(form, "client_id");
    std::string client_secret = find(form, "client_secret");
    if (client_id.empty() && req.authorization.starts_with("Basic ")) {
      if (auto d = base64_decode(std::string_view(req.authorization).substr(6))) {
        auto colon = d->find(':');
        client_id = d->substr(0, colon);
        if (colon != std::string::npos) client_secret = d->substr(colon + 1);
      }
    }
    if (std::none_of(clients.begin(), clients.end(), [&](const OAuthClient& c) {
          return c.client_id == client_id && c.client_secret == client_secret;
        }))
      return oauth_error(401, "invalid_client", "unknown client or wrong client_secret");
    std::string grant_type = find(form, "grant_type");
    std::lock_guard lock(oauth_mutex);
    auto refused = [&](int status, std::string_view err, std::string_view desc) {
      ++oauth_refused;
      return oauth_error(status, err, desc);
    };
    std::size_t grant_index = 0;
    if (grant_type == "authorization_code") {
      const std::string code = find(form, "code");
      auto it = auth_codes.find(code);
      if (it == auth_codes.end()) {
        if (auto used = used_codes.find(code); used != used_codes.end()) {
          // RFC 6749 §4.1.2: a reused code revokes what it issued.
          grants[used->second].revoked = true;
          return refused(400, "invalid_grant", "authorization code was already used; the tokens it issued are revoked");
        }
        return refused(400, "invalid_grant", "authorization code is invalid");
      }
      const AuthCode ac = it->second;
      auth_codes.erase(it);  // single use
      used_codes[code] = ac.grant;
      grant_index = ac.grant;
      if (now_ms() > ac.expires_at) return refused(400, "invalid_grant", "authorization code expired");
      if (grants[grant_index].client_id != client_id)
        return refused(400, "invalid_grant", "authorization code was issued to another client");
      if (find(form, "redirect_uri") != ac.redirect_uri)
        return refused(400, "invalid_grant", "redirect_uri does not match the one of the authorization request");
      ++oauth_code_exchanges;
    } else if (grant_type == "refresh_token") {
      std::string rt = find(form, "refresh_token");
      auto it = refresh_tokens.find(rt);
      if (it == refresh_tokens.end()) return refused(400, "invalid_grant", "unknown refresh token");
      grant_index = it->second;
      OAuthGrant& g = grants[grant_index];
      if (g.client_id != client_id) return refused(400, "invalid_grant", "refresh token belongs to another client");
      if (g.revoked) return refused(400, "invalid_grant", "the grant was revoked");
      if (g.refresh_token != rt) {
        // Reuse of a rotated token: treat it as theft and kill the whole grant, as Lever's
        // Auth0 rotation does.
        g.revoked = true;
        return refused(400, "invalid_grant", "refresh token was already used (rotation); the grant is revoked");
      }
      ++oauth_refreshes;
    } else {
      return refused(400, "unsupported_grant_type", "grant_type must be authorization_code or refresh_token");
    }
    OAuthGrant& g = grants[grant_index];
    std::string access = "sbx_at_" + oauth_rng.hex(40);
    std::string refresh = "v1.sbx_rt_" + oauth_rng.hex(40);
    g.refresh_token = refresh;
    refresh_tokens[refresh] = grant_index;
    access_tokens[access] = AccessToken{grant_index, now_ms() + opt.access_token_ttl.count() * 1000};
    Value out = Value::object();
    out.set("access_token", access);
    out.set("refresh_token", refresh);
    out.set("token_type", "Bearer");
    std::string scope;
    for (const auto& s : g.scopes) {
      if (!scope.empty()) scope.push_back(' ');
      scope += s;
    }
    out.set("scope", scope);
    out.set("expires_in", opt.access_token_ttl.count());
    ApiResponse r = json(200, to_json(out));
    r.headers.emplace_back("Cache-Control", "no-store");
    return r;
  }
  return error(404, "ResourceNotFound", fmt::format("Route {} {} was not found", req.method, req.path));
}

// ---------------------------------------------------------------- Api

Api::Api(ServerOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}
Api::~Api() = default;

const ServerOptions& Api::options() const noexcept { return impl_->opt; }

std::optional<std::string> Api::load() {
  std::unique_lock lock(impl_->store_mutex);
  generate(impl_->store, GeneratorOptions{impl_->opt.seed, impl_->opt.opportunities});
  if (impl_->opt.data_dir.empty()) return std::nullopt;
  // Fixtures: <dir>/<collection>.json holding an array of objects (or {"data": [...]}) appended
  // to the generated data. Sub-resources name their opportunity in "opportunityId".
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(impl_->opt.data_dir, ec)) return "--data: not a directory: " + impl_->opt.data_dir;
  Store& s = impl_->store;
  std::pair<std::string_view, Collection*> files[] = {
      {"users", &s.users},         {"stages", &s.stages},     {"archive_reasons", &s.archive_reasons},
      {"postings", &s.postings},   {"contacts", &s.contacts}, {"opportunities", &s.opportunities},
      {"feedback_templates", &s.feedback_templates},         {"form_templates", &s.form_templates},
      {"applications", &s.applications}, {"panels", &s.panels}, {"interviews", &s.interviews},
      {"feedback", &s.feedback},   {"notes", &s.notes},       {"forms", &s.forms}};
  for (auto [name, coll] : files) {
    fs::path file = fs::path(impl_->opt.data_dir) / (std::string(name) + ".json");
    if (!fs::exists(file, ec)) continue;
    std::ifstream in(file, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::string err;
    auto doc = parse_json(text, err);
    if (!doc) return fmt::format("{}: invalid JSON: {}", file.string(), err);
    const Value* arr = doc->is_array() ? &*doc : doc->find("data");
    if (!arr || !arr->is_array()) return fmt::format("{}: expected an array or {{\"data\": [...]}}", file.string());
    std::size_t k = 0;
    for (const auto& item : arr->as_array()) {
      if (!item.is_object() || item.str("id").empty())
        return fmt::format("{}: item {} must be an object with a string \"id\"", file.string(), k);
      bool sub = coll == &s.applications || coll == &s.panels || coll == &s.interviews || coll == &s.feedback ||
                 coll == &s.notes || coll == &s.forms;
      std::string parent = sub ? item.str("opportunityId") : std::string();
      if (sub && parent.empty()) return fmt::format("{}: item {} needs \"opportunityId\"", file.string(), k);
      Value v = item;
      if (!v.find("createdAt")) v.set("createdAt", std::int64_t{0});
      Record& r = coll->add(std::move(v), parent);
      if (coll == &s.panels || coll == &s.interviews || coll == &s.feedback || coll == &s.notes) r.value.erase("opportunityId");
      if (coll == &s.interviews) r.value.set("opportunityId", parent);
      ++k;
    }
  }
  return std::nullopt;
}

ApiResponse Api::handle(const ApiRequest& req) { return impl_->dispatch(req); }

std::optional<WebhookDelivery> Api::next_delivery(int timeout_ms) {
  std::unique_lock lock(impl_->webhook_mutex);
  impl_->webhook_cv.wait_for(lock, std::chrono::milliseconds(timeout_ms),
                             [&] { return impl_->stopping || !impl_->outbox.empty(); });
  if (impl_->outbox.empty()) return std::nullopt;
  WebhookDelivery d = std::move(impl_->outbox.front());
  impl_->outbox.pop_front();
  return d;
}

void Api::record_delivery(DeliveryOutcome outcome) {
  std::lock_guard lock(impl_->webhook_mutex);
  if (impl_->delivered.size() >= 1000) impl_->delivered.erase(impl_->delivered.begin());
  impl_->delivered.push_back(std::move(outcome));
}

void Api::shutdown() {
  std::lock_guard lock(impl_->webhook_mutex);
  impl_->stopping = true;
  impl_->webhook_cv.notify_all();
}

}  // namespace leverkit::sandbox::detail
