#include "leverkit/testing/text_audit.hpp"

#include "text_audit_hook.hpp"

namespace leverkit::inline v0::testing {

// TextAudit and the production hook have the same signature: the hook is the seam, this is the
// public name tests use.
void set_text_audit(TextAudit fn) noexcept { detail::set_text_audit_hook(fn); }

}  // namespace leverkit::testing
