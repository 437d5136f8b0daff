// scopes.hpp — Lever's permission scopes as the sandbox grants and checks them.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace leverkit::sandbox::detail {

/// Every read and write scope, plus confidential access (the default full key and OAuth grant).
[[nodiscard]] std::vector<std::string> all_scopes();
/// The read scopes only (the default read-only key).
[[nodiscard]] std::vector<std::string> read_scopes();
/// Whether `scopes` allow reading (or writing) `resource`; a write scope also grants reads.
[[nodiscard]] bool has_scope(const std::vector<std::string>& scopes, std::string_view resource, bool write);

}  // namespace leverkit::sandbox::detail
