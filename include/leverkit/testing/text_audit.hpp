// leverkit/testing/text_audit.hpp — a test seam that sees every text leverkit hands out.
//
// What: when an audit function is installed, leverkit calls it with every error it returns from
// the client pipeline and the OAuth session (`Error::to_string()` after redaction), every
// exception text (`ApiError::what()`) and every log line (after redaction). Tests use it to
// sweep a whole suite's output for credential fragments (tests/unit/client/main.cpp). Off by
// default; it costs one atomic load per error or log line.
// Errors: none. Thread-safety: the function may be called from any thread, concurrently; install
// it before starting threads. It must not throw. Lives in the leverkit_testing library
// (leverkit::testing), not in the production libraries.
// Example:
//   leverkit::testing::set_text_audit([](std::string_view kind, std::string_view text) { ... });
#pragma once

#include <string_view>

#include "leverkit/export.hpp"

namespace leverkit::inline v0::testing {

/// `kind` is "error", "exception" or "log".
using TextAudit = void (*)(std::string_view kind, std::string_view text) noexcept;

/// Installs `fn` (nullptr removes it).
LEVERKIT_EXPORT void set_text_audit(TextAudit fn) noexcept;

}  // namespace leverkit::testing
