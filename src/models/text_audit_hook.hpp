// Private to leverkit: the production side of the text-audit test seam. The library calls
// audit_text() with every error, exception text and log line it hands out; nothing is called
// unless a hook is installed. Only leverkit::testing::set_text_audit (the leverkit_testing
// library, include/leverkit/testing/text_audit.hpp) installs one, so the production libraries
// carry no leverkit::testing symbol (docs/adr/0092).
#pragma once

#include <string_view>

#include "leverkit/export.hpp"

namespace leverkit::inline v0::detail {

using TextAuditHook = void (*)(std::string_view kind, std::string_view text) noexcept;

/// Installs `fn` (nullptr removes it).
LEVERKIT_EXPORT void set_text_audit_hook(TextAuditHook fn) noexcept;

/// Hands `text` to the installed hook, if any: one atomic load when none is.
LEVERKIT_EXPORT void audit_text(std::string_view kind, std::string_view text) noexcept;

}  // namespace leverkit::detail
