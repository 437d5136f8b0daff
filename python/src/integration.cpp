// leverkit::integration bindings (only when that layer is built; see ADR 0070 and 0072): the
// connection check, the sync store and sync, the schedule and employee feeds, live matching with
// access decisions, recorded calls, the write journal and the write-back, the end-to-end flow, and
// webhook deliveries.
//
// GIL: every call that does network, SQLite or engine work runs with the GIL released. Python
// callbacks (sync progress, the flow's review and event callbacks) may be invoked from C++ worker
// threads; the wrappers (integration_sync.cpp, integration_flow.cpp) acquire the GIL before
// touching any Python object, and an exception raised by a callback is kept, the C++ run is
// stopped (sync: cancelled; flow: the draft is declined) and the exception is re-raised in the
// calling thread once the run has returned.
#include "integration.hpp"

namespace leverkit::inline v0::py {

#ifdef LEVERKIT_PY_HAS_INTEGRATION

void bind_integration(nb::module_& m) {
  m.attr("HAS_INTEGRATION") = true;
  // Registration order matters (a type must exist before a signature names it): sync first.
  integration_bindings::bind_sync(m);
  integration_bindings::bind_flow(m);
  integration_bindings::bind_webhooks(m);
}

#else

void bind_integration(nb::module_& m) { m.attr("HAS_INTEGRATION") = false; }

#endif

}  // namespace leverkit::py
