// schedule.hpp — panel/interview bookkeeping shared by the interview and panel handlers.
#pragma once
#include <cstddef>

#include "store.hpp"

namespace leverkit::sandbox::detail {

/// Sets a panel's start/end from its live interviews (unchanged when it has none).
void recompute_panel_times(Store& s, Record& panel);
/// Number of live interviews on `panel`.
[[nodiscard]] std::size_t live_interviews(const Store& s, const Record& panel);

}  // namespace leverkit::sandbox::detail
