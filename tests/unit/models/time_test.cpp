#include <doctest/doctest.h>

#include "leverkit/models/time.hpp"

using namespace leverkit;

TEST_CASE("ISO-8601 round trip and offsets") {
  CHECK(to_iso8601(from_unix_ms(1783260000000)) == "2026-07-05T14:00:00.000Z");
  CHECK(to_unix_ms(parse_iso8601("2026-07-05T14:00:00Z").value()) == 1783260000000);
  CHECK(to_unix_ms(parse_iso8601("2026-07-05T07:00:00-07:00").value()) == 1783260000000);
  CHECK(to_unix_ms(parse_iso8601("2026-07-05T16:00+0200").value()) == 1783260000000);
  CHECK(to_unix_ms(parse_iso8601("2026-07-05 14:00:00.250Z").value()) == 1783260000250);
  CHECK(to_unix_ms(parse_iso8601("1970-01-01").value()) == 0);
}

TEST_CASE("ISO-8601 rejects malformed text with the text in the message") {
  for (const char* bad : {"", "2026", "2026-13-01T00:00Z", "2026-02-30", "2026-07-05T25:00Z",
                          "2026-07-05T14:00:00Zjunk", "2026-07-05T14:00+25:00", "July 5"}) {
    auto r = parse_iso8601(bad);
    REQUIRE_MESSAGE(r.has_error(), bad);
    CHECK(r.error().code == Errc::invalid_argument);
    CHECK(r.error().message.find(bad) != std::string::npos);
  }
}
