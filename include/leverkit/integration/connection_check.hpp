// leverkit/integration/connection_check.hpp — "Test connection": which Lever permissions work.
//
// What: `check_connection()` probes every permission the seed integration needs (lever-api.md
// §2.2 list) with the cheapest call that cannot change anything, and reports per permission and
// per feature what works and what is missing ("feedback:write:admin missing — cannot submit
// feedback"), for API keys and OAuth alike (it only needs a Client).
// How each permission is probed:
//  - read scopes: a GET with limit=1 (or of one object under the first opportunity found).
//  - write scopes: a write aimed at an object that does not exist (an opportunity, template or
//    webhook id "leverkit-permission-probe"). Lever (and leverkit-sandbox) check the key's
//    permission before looking the object up, so 403 means "missing" and 404/400 mean "granted",
//    and nothing can be written because the target does not exist. That ordering is what the
//    sandbox does and what Lever's per-endpoint key permissions imply; it is not documented by
//    Lever — a 404 from a proxy that hides routes would read as granted. Such probes are marked
//    `inferred`.
//  - offline_access cannot be probed by any API call: it is reported from the OAuth token's
//    granted scopes when `CheckOptions::granted_scopes` is given (and not applicable to keys).
//  When `granted_scopes` is given (OAuth), a scope absent from it is reported missing without a
//  request, since Lever would refuse it anyway.
// Errors: the Result is an error only when no probe could run (401: bad key/token, or the first
// probe failed below HTTP); individual probe failures other than 403 are `unknown` entries with
// the error text. Never a secret in any text.
// Thread-safety: a pure function of the client; may run concurrently.
// Example:
//   LEVERKIT_TRY(report, leverkit::check_connection(client));
//   for (const auto& line : report.missing_lines()) std::cout << line << '\n';
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "leverkit/client/client.hpp"

namespace leverkit::inline v0 {

enum class PermissionStatus { granted, missing, unknown, not_applicable };
std::string_view to_string(PermissionStatus s) noexcept;

struct PermissionCheck {
  std::string scope;     // "feedback:write:admin"
  std::string feature;   // "submit feedback"
  PermissionStatus status = PermissionStatus::unknown;
  std::string probe;     // "GET /feedback_templates?limit=1"
  bool inferred = false; // a write probe against a missing object (see the header comment)
  std::string detail;    // why unknown / Lever's message for missing
};

struct ConnectionReport {
  std::string credential_kind;  // "api key" or "oauth"
  std::vector<PermissionCheck> permissions;

  [[nodiscard]] bool all_granted() const;
  /// "feedback:write:admin missing — cannot submit feedback", one per missing permission.
  [[nodiscard]] std::vector<std::string> missing_lines() const;
  [[nodiscard]] std::string to_text() const;
  [[nodiscard]] std::string to_json() const;
};

struct CheckOptions {
  /// OAuth: the token's granted scopes (TokenSet::scope). Scopes absent here are reported missing
  /// without probing; offline_access is reported from it.
  std::optional<std::string> granted_scopes;
  /// A user id for `perform_as` on write probes (any string works: the target does not exist).
  std::string perform_as = "leverkit-permission-probe";
  CallOptions call;
};

/// The permissions the integration needs and the feature each one enables (lever-api.md §2.2).
const std::vector<std::pair<std::string, std::string>>& integration_permissions();

Result<ConnectionReport> check_connection(const Client& client, const CheckOptions& options = {});

}  // namespace leverkit
