#include "leverkit/fmt.hpp"
#include "leverkit/integration/connection_check.hpp"

#include <algorithm>
#include <sstream>

#include <fmt/format.h>

#include "models/detail/json_writer.hpp"
#include "leverkit/client/oauth.hpp"

namespace leverkit::inline v0 {

namespace {

constexpr std::string_view probe_id = "leverkit-permission-probe";

struct Probe {
  HttpMethod method;
  std::string path;  // relative to the client's base URL; "{opp}" = an opportunity id
  std::string body;
  bool inferred;
};

// The cheapest call that exercises `scope` and cannot change anything.
std::optional<Probe> probe_for(std::string_view scope) {
  const std::string none(probe_id);
  if (scope == "opportunities:read:admin") return Probe{HttpMethod::get, "/opportunities?limit=1", "", false};
  if (scope == "interviews:read:admin") return Probe{HttpMethod::get, "/opportunities/{opp}/interviews?limit=1", "", false};
  if (scope == "interviews:write:admin")
    return Probe{HttpMethod::post, "/opportunities/" + none + "/interviews?perform_as={as}", "{}", true};
  if (scope == "panels:read:admin") return Probe{HttpMethod::get, "/opportunities/{opp}/panels?limit=1", "", false};
  if (scope == "panels:write:admin")
    return Probe{HttpMethod::post, "/opportunities/" + none + "/panels?perform_as={as}", "{}", true};
  if (scope == "feedback:read:admin") return Probe{HttpMethod::get, "/opportunities/{opp}/feedback?limit=1", "", false};
  if (scope == "feedback:write:admin")
    return Probe{HttpMethod::post, "/opportunities/" + none + "/feedback?perform_as={as}", "{}", true};
  if (scope == "feedback_templates:read:admin") return Probe{HttpMethod::get, "/feedback_templates?limit=1", "", false};
  if (scope == "feedback_templates:write:admin")
    return Probe{HttpMethod::put, "/feedback_templates/" + none, "{}", true};
  if (scope == "forms:write:admin")
    return Probe{HttpMethod::post, "/opportunities/" + none + "/forms?perform_as={as}", "{}", true};
  if (scope == "form_templates:read:admin") return Probe{HttpMethod::get, "/form_templates?limit=1", "", false};
  if (scope == "notes:read:admin") return Probe{HttpMethod::get, "/opportunities/{opp}/notes?limit=1", "", false};
  if (scope == "notes:write:admin")
    return Probe{HttpMethod::post, "/opportunities/" + none + "/notes", "{}", true};
  if (scope == "users:read:admin") return Probe{HttpMethod::get, "/users?limit=1", "", false};
  if (scope == "stages:read:admin") return Probe{HttpMethod::get, "/stages?limit=1", "", false};
  if (scope == "postings:read:admin") return Probe{HttpMethod::get, "/postings?limit=1", "", false};
  if (scope == "applications:read:admin")
    return Probe{HttpMethod::get, "/opportunities/{opp}/applications?limit=1", "", false};
  if (scope == "contact:read:admin") return Probe{HttpMethod::get, "/contacts/{contact}", "", false};
  if (scope == "archive_reasons:read:admin") return Probe{HttpMethod::get, "/archive_reasons?limit=1", "", false};
  if (scope == "webhooks:write:admin") return Probe{HttpMethod::delete_, "/webhooks/" + none, "", true};
  return std::nullopt;  // offline_access: no API call can tell
}

void replace_all(std::string& s, std::string_view from, std::string_view to) {
  for (auto p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) s.replace(p, from.size(), to);
}

// First "id" string value and "contact" string value of a {"data":[{...}]} page, cheaply.
std::string json_string_field(std::string_view body, std::string_view key) {
  const std::string needle = fmt::format("\"{}\":\"", key);
  auto p = body.find(needle);
  if (p == std::string_view::npos) return {};
  p += needle.size();
  auto e = body.find('"', p);
  if (e == std::string_view::npos) return {};
  return std::string(body.substr(p, e - p));
}

std::vector<std::string> split_scopes(std::string_view s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    auto j = s.find(' ', i);
    if (j == std::string_view::npos) j = s.size();
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

}  // namespace

std::string_view to_string(PermissionStatus s) noexcept {
  switch (s) {
    case PermissionStatus::granted: return "granted";
    case PermissionStatus::missing: return "missing";
    case PermissionStatus::unknown: return "unknown";
    case PermissionStatus::not_applicable: return "not_applicable";
  }
  return "unknown";
}

const std::vector<std::pair<std::string, std::string>>& integration_permissions() {
  static const std::vector<std::pair<std::string, std::string>> list = {
      {"opportunities:read:admin", "find candidates and their opportunities"},
      {"interviews:read:admin", "read scheduled interviews (recording schedule, call matching)"},
      {"interviews:write:admin", "create or update interviews"},
      {"panels:read:admin", "read interview panels"},
      {"panels:write:admin", "create or update interview panels"},
      {"feedback:read:admin", "read submitted feedback"},
      {"feedback:write:admin", "submit feedback"},
      {"feedback_templates:read:admin", "read feedback forms (feedback drafts)"},
      {"feedback_templates:write:admin", "manage feedback templates"},
      {"forms:write:admin", "submit profile forms"},
      {"form_templates:read:admin", "read profile form templates"},
      {"notes:read:admin", "read notes"},
      {"notes:write:admin", "post AI notes to the candidate profile"},
      {"users:read:admin", "sync employees and interviewers"},
      {"stages:read:admin", "show candidate stages"},
      {"postings:read:admin", "show job titles (postings)"},
      {"applications:read:admin", "read applications"},
      {"contact:read:admin", "read candidate contact details (match calls by email and phone)"},
      {"archive_reasons:read:admin", "show archive reasons"},
      {"webhooks:write:admin", "register webhooks (real-time updates)"},
      {"offline_access", "stay connected (refresh tokens)"},
  };
  return list;
}

Result<ConnectionReport> check_connection(const Client& client, const CheckOptions& options) {
  ConnectionReport report;
  report.credential_kind = options.granted_scopes ? "oauth" : "api key";
  std::vector<std::string> granted;
  if (options.granted_scopes) granted = split_scopes(*options.granted_scopes);
  std::string opp(probe_id), contact(probe_id);
  bool any_response = false;

  for (const auto& [scope, feature] : integration_permissions()) {
    PermissionCheck c;
    c.scope = scope;
    c.feature = feature;
    if (options.granted_scopes && std::find(granted.begin(), granted.end(), scope) == granted.end()) {
      c.status = PermissionStatus::missing;
      c.probe = "granted scopes of the OAuth token";
      c.detail = "not among the scopes this connection was granted";
      report.permissions.push_back(std::move(c));
      continue;
    }
    auto probe = probe_for(scope);
    if (!probe) {
      c.status = options.granted_scopes ? PermissionStatus::granted : PermissionStatus::not_applicable;
      c.probe = options.granted_scopes ? "granted scopes of the OAuth token" : "no API call can probe it";
      if (!options.granted_scopes) c.detail = "OAuth only: API keys do not expire and need no refresh token";
      report.permissions.push_back(std::move(c));
      continue;
    }
    std::string path = probe->path;
    replace_all(path, "{opp}", url_encode(opp));
    replace_all(path, "{contact}", url_encode(contact));
    replace_all(path, "{as}", url_encode(options.perform_as));
    c.probe = fmt::format("{} {}", to_string(probe->method), path);
    c.inferred = probe->inferred || path.find(probe_id) != std::string::npos;
    auto r = client.request(probe->method, path, probe->body, options.call);
    if (r) {
      any_response = true;
      c.status = PermissionStatus::granted;
      if (scope == "opportunities:read:admin") {
        // Read probes of sub-resources use a real opportunity when there is one.
        if (auto id = json_string_field(r.value().body, "id"); !id.empty()) opp = id;
        if (auto ct = json_string_field(r.value().body, "contact"); !ct.empty()) contact = ct;
      }
    } else {
      const Error& e = r.error();
      if (e.http_status != 0) any_response = true;
      switch (e.code) {
        case Errc::forbidden:
          c.status = PermissionStatus::missing;
          c.detail = e.lever_message.empty() ? e.message : e.lever_message;
          break;
        case Errc::not_found:
        case Errc::bad_request:
        case Errc::conflict:
          // Lever looked at the request after checking the permission: granted.
          c.status = PermissionStatus::granted;
          break;
        case Errc::unauthorized:
        case Errc::auth_failed:
          return Error(e.code, fmt::format("the {} was refused, nothing could be checked: {}", report.credential_kind,
                                           e.to_string()));
        default:
          if (!any_response && (e.code == Errc::transport || e.code == Errc::timeout || e.code == Errc::invalid_argument))
            return Error(e.code, fmt::format("could not reach Lever: {}", e.to_string()));
          c.status = PermissionStatus::unknown;
          c.detail = e.to_string();
      }
    }
    report.permissions.push_back(std::move(c));
  }
  return report;
}

bool ConnectionReport::all_granted() const {
  return std::all_of(permissions.begin(), permissions.end(), [](const PermissionCheck& c) {
    return c.status == PermissionStatus::granted || c.status == PermissionStatus::not_applicable;
  });
}

std::vector<std::string> ConnectionReport::missing_lines() const {
  std::vector<std::string> out;
  for (const auto& c : permissions)
    if (c.status == PermissionStatus::missing) out.push_back(fmt::format("{} missing — cannot {}", c.scope, c.feature));
  return out;
}

std::string ConnectionReport::to_text() const {
  std::size_t granted = 0, missing = 0, unknown = 0;
  for (const auto& c : permissions) {
    granted += c.status == PermissionStatus::granted ? 1 : 0;
    missing += c.status == PermissionStatus::missing ? 1 : 0;
    unknown += c.status == PermissionStatus::unknown ? 1 : 0;
  }
  std::string out = fmt::format("Lever connection ({}): {} granted, {} missing, {} unknown\n", credential_kind, granted,
                                missing, unknown);
  for (const auto& c : permissions) {
    std::string_view mark = c.status == PermissionStatus::granted        ? "ok     "
                            : c.status == PermissionStatus::missing      ? "MISSING"
                            : c.status == PermissionStatus::not_applicable ? "n/a    "
                                                                         : "UNKNOWN";
    if (c.status == PermissionStatus::missing) {
      out += fmt::format("  {} {} missing — cannot {}\n", mark, c.scope, c.feature);
    } else {
      out += fmt::format("  {} {:<32} {}{}\n", mark, c.scope, c.feature, c.inferred ? " (write probe, inferred)" : "");
      if (c.status == PermissionStatus::unknown) out += fmt::format("          {}\n", c.detail);
    }
  }
  return out;
}

std::string ConnectionReport::to_json() const {
  detail::JsonWriter w;
  w.begin_object().field("credential", credential_kind).field("allGranted", all_granted());
  w.key("permissions").begin_array();
  for (const auto& c : permissions) {
    w.begin_object()
        .field("scope", c.scope)
        .field("feature", c.feature)
        .field("status", to_string(c.status))
        .field("probe", c.probe)
        .field("inferred", c.inferred);
    if (!c.detail.empty()) w.field("detail", c.detail);
    w.end_object();
  }
  w.end_array();
  w.key("missing").begin_array();
  for (const auto& line : missing_lines()) w.string(line);
  w.end_array();
  w.end_object();
  return w.str();
}

}  // namespace leverkit
