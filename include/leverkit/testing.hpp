// leverkit/testing.hpp — umbrella header of the test seams: every header under leverkit/testing/.
//
// What: the fakes a host's own tests use to drive leverkit without a network or wall time
// (FakeTransport, FakeClock, FakeSleeper) and the text-audit hook that sees every error and log
// line. Kept out of leverkit/leverkit.hpp on purpose: production code should not see test seams,
// and they belong to their own library target. A ctest (tests/unit/umbrella) checks that every
// header under leverkit/testing/ is reachable from here.
// Errors / thread-safety: see each header.
// Example:
//   #include <leverkit/testing.hpp>
//   auto transport = std::make_shared<leverkit::testing::FakeTransport>();
#pragma once

#include "leverkit/testing/fake_clock.hpp"
#include "leverkit/testing/fake_transport.hpp"
#include "leverkit/testing/text_audit.hpp"
