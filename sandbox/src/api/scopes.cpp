// Lever's permission scopes: the full and read-only sets and the check a route makes.
#include "api/scopes.hpp"

#include <fmt/format.h>

namespace leverkit::sandbox::detail {

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

}  // namespace leverkit::sandbox::detail
