#include "leverkit/testing/text_audit.hpp"

#include <atomic>

namespace leverkit {
namespace {
std::atomic<testing::TextAudit> audit{nullptr};
}

void testing::set_text_audit(TextAudit fn) noexcept { audit.store(fn, std::memory_order_release); }

void detail::audit_text(std::string_view kind, std::string_view text) noexcept {
  if (auto fn = audit.load(std::memory_order_acquire)) fn(kind, text);
}

}  // namespace leverkit
