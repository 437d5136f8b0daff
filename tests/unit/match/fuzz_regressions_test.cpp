// Inputs found by the fuzz targets (tests/fuzz) that broke the call reader, kept as unit tests.
// The raw inputs also live in tests/fuzz/regressions/<target>/ and replay in ctest.
#include <doctest/doctest.h>

#include <string>

#include "leverkit/match/call_json.hpp"

using namespace leverkit;
using namespace leverkit::match;

// fuzz_call_json, issue 12: an epoch-ms double far out of range was cast to int64 (undefined
// behaviour); an overflowing digit string silently read as 1970.
TEST_CASE("fuzz regression: out-of-range epoch milliseconds are an error naming the field") {
  for (const std::string line : {R"({"id":"c","start":1.80,"end":22222222222222222222222222222221.060})",
                                 R"({"id":"c","start":1700000000000,"end":1e300})",
                                 R"({"id":"c","start":1700000000000,"end":-1e300})",
                                 R"({"id":"c","start":1700000000000,"end":18446744073709551615})",
                                 R"({"id":"c","start":1700000000000,"end":"99999999999999999999999"})"}) {
    auto c = parse_call_json(line);
    REQUIRE_FALSE(c);
    CHECK(c.error().message.find("end") != std::string::npos);
    CHECK(c.error().message.find("out of range") != std::string::npos);
  }
  auto ok = parse_call_json(R"({"id":"c","start":1700000000000,"end":"1700000360000"})");
  REQUIRE_MESSAGE(ok, (ok ? "" : ok.error().message));
}
