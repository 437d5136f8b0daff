// calls.hpp — the sandbox's synthetic recorded calls (admin API `GET /__sandbox/calls`).
//
// A notetaker's input is a recorded call plus its transcript; the sandbox can hand those out for
// its own seeded interviews so the examples, the demo and the integration tests have a full
// "recorded call → Lever" loop without any recording. See docs/sandbox.md.
// Thread-safety: the caller holds the store lock (shared) while this runs.
#pragma once

#include "api.hpp"
#include "store.hpp"

namespace leverkit::inline v0::sandbox::detail {

/// `GET /__sandbox/calls?count=N&seed=S`: N calls (1–200, default 10), deterministic for (data,
/// count, seed). Answers 400 on a bad parameter.
ApiResponse synthetic_calls(const Store& store, const ApiRequest& req);

}  // namespace leverkit::sandbox::detail
