// The router: the route table (method + pattern -> handler, resource, scope), path matching, and
// the request pipeline (auth, rate limit, fault plan, handler under the store lock, statistics).
#include <fmt/format.h>

#include "api_impl.hpp"

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

}  // namespace leverkit::sandbox::detail
