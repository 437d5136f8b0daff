// Private to the Python bindings: what the integration binding files (integration.cpp,
// integration_sync.cpp, integration_flow.cpp, integration_webhook.cpp) share — the callback-error carrier, the owned copies
// handed to Python callbacks, and call conversions. GIL rules: see integration.cpp.
#pragma once

#include "bind.hpp"

#ifdef LEVERKIT_PY_HAS_INTEGRATION

#include <memory>
#include <mutex>

#include "leverkit/client/cancellation.hpp"
#include "leverkit/integration/access.hpp"
#include "leverkit/integration/connection_check.hpp"
#include "leverkit/integration/employees.hpp"
#include "leverkit/integration/flow.hpp"
#include "leverkit/integration/live_match.hpp"
#include "leverkit/integration/recorded_call.hpp"
#include "leverkit/integration/schedule.hpp"
#include "leverkit/integration/sync.hpp"
#include "leverkit/integration/sync_store.hpp"
#include "leverkit/integration/write_back.hpp"
#include "leverkit/integration/write_journal.hpp"

namespace leverkit::inline v0::py {

match::Call to_call(nb::handle obj);  // match.cpp

#define LK_F(T, n) field(#n, &T::n)
#define LK_RO Access::read_only
#define LK_RW Access::read_write

namespace integration_bindings {

using namespace leverkit::integration;

/// The first Python exception raised by a callback during a C++ run, re-raised afterwards.
/// Only touched with the GIL held.
struct CallbackError {
  std::optional<nb::python_error> error;
  void keep(nb::python_error& e) {
    if (!error) error.emplace(std::move(e));
  }
  void rethrow() {
    if (error) {
      nb::python_error e = std::move(*error);
      error.reset();
      throw e;
    }
  }
};

/// SyncProgress with an owned phase (the C++ one is a string_view valid only during the call).
struct PySyncProgress {
  std::string phase;
  std::size_t done = 0;
  std::optional<std::size_t> total;
  std::chrono::milliseconds elapsed{0};
  std::optional<std::chrono::milliseconds> eta;
};

/// What the flow's review callback sees: copies (the C++ request points into the running flow).
struct PyReviewRequest {
  RecordedCall call;
  MatchedCall match;
  autofill::Draft draft;
  Interviewer interviewer;
  FeedbackTemplate feedback_template;
  std::optional<std::string> existing_feedback_id;
};

inline ReviewDecision decline(std::string why) {
  ReviewDecision d;
  d.why = std::move(why);
  return d;
}

inline std::vector<match::Call> to_calls(nb::iterable calls) {
  std::vector<match::Call> out;
  for (nb::handle c : calls) out.push_back(to_call(c));
  return out;
}

inline std::vector<RecordedCall> to_recorded(nb::iterable calls) {
  std::vector<RecordedCall> out;
  for (nb::handle c : calls) {
    if (nb::isinstance<RecordedCall>(c)) {
      out.push_back(nb::cast<RecordedCall>(c));
    } else {
      RecordedCall rc;
      rc.call = to_call(c);
      out.push_back(std::move(rc));
    }
  }
  return out;
}

/// Connection check, sync store, sync, schedule and employee feeds (integration_sync.cpp).
void bind_sync(nb::module_& m);
/// Access, live matching, recorded calls, write journal and write-back, the flow (integration_flow.cpp).
void bind_flow(nb::module_& m);
/// Webhook deliveries into the store, and the signature helper (integration_webhook.cpp).
void bind_webhooks(nb::module_& m);

}  // namespace integration_bindings
}  // namespace leverkit::py

#endif
