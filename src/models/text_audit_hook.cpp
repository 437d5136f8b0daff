#include "text_audit_hook.hpp"

#include <atomic>

namespace leverkit::inline v0::detail {
namespace {
std::atomic<TextAuditHook> hook{nullptr};
}

void set_text_audit_hook(TextAuditHook fn) noexcept { hook.store(fn, std::memory_order_release); }

void audit_text(std::string_view kind, std::string_view text) noexcept {
  if (auto fn = hook.load(std::memory_order_acquire)) fn(kind, text);
}

}  // namespace leverkit::detail
