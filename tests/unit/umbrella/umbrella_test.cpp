// Both umbrellas compile together in one translation unit, and the headers the umbrella used to
// miss (issue 13) are usable through it alone.
#include <leverkit/leverkit.hpp>
#include <leverkit/testing.hpp>

#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <type_traits>

TEST_CASE("the umbrella exposes call_json, lever_files, names, transcript and the classifier") {
  auto call = leverkit::match::parse_call_json(R"({"id":"c1","start":"2026-05-04T15:00:00Z"})");
  REQUIRE(call);
  CHECK(call.value().id == "c1");
  auto t = leverkit::autofill::parse_transcript("Sam: Hello?\nDana: Hi.\n", leverkit::autofill::TranscriptFormat::speaker_lines);
  REQUIRE(t);
  CHECK(t.value().utterances.size() == 2);
  static_assert(std::is_class_v<leverkit::testing::FakeTransport>);
  static_assert(std::is_class_v<leverkit::testing::FakeClock>);
  static_assert(std::is_abstract_v<leverkit::autofill::TextModel>);
}
