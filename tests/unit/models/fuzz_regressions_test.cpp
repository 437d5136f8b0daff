// Inputs found by the fuzz targets (tests/fuzz) that crashed a decoder, kept as plain unit tests.
// The raw crash inputs also live in tests/fuzz/regressions/<target>/ and replay in ctest.
#include <doctest/doctest.h>

#include <string>

#include "leverkit/models/application.hpp"
#include "leverkit/models/opportunity.hpp"
#include "leverkit/models/webhook.hpp"

using namespace leverkit;

// fuzz_models, issue 12: a malformed member inside `data` made simdjson abandon the document
// while the object unwrapper probed for a doubled `data`; the rewind that followed dereferenced
// a null parser (a segfault without sanitizers).
TEST_CASE("fuzz regression: malformed JSON inside data is a decode_error, not a crash") {
  for (const std::string body : {R"({"data":{"a" "b"}})", R"({"data":{"data":{"x" 1}}})", R"({"event":"x","data":{"fromSt Ig:"ead"9"}})",
                                 R"({"data":{"id":"o1",)"}) {
    auto a = decode_application(body);
    REQUIRE_FALSE(a);
    CHECK(a.error().code == Errc::decode_error);
    auto o = decode_opportunity(body);
    REQUIRE_FALSE(o);
    CHECK(o.error().code == Errc::decode_error);
    auto w = decode_webhook(body);
    CHECK_FALSE(w);
  }
}

// fuzz_form_json, issue 12: a timestamp written as a huge double (1.78e104) was cast to int64
// (undefined behaviour) instead of being refused.
TEST_CASE("fuzz regression: an integer field holding a double out of int64 range is a decode_error") {
  for (const std::string n : {"1.78297e+104", "-1e300", "9223372036854775808.0", "1e19"}) {
    auto o = decode_opportunity(R"({"data":{"id":"o1","createdAt":)" + n + "}}");
    REQUIRE_FALSE(o);
    CHECK(o.error().code == Errc::decode_error);
    CHECK(o.error().message.find("createdAt") != std::string::npos);
  }
  auto ok = decode_opportunity(R"({"data":{"id":"o1","createdAt":1.7e12}})");
  REQUIRE_MESSAGE(ok, (ok ? "" : ok.error().to_string()));
  CHECK(to_unix_ms(*ok.value().created_at) == 1'700'000'000'000);
}
