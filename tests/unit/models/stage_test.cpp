#include <doctest/doctest.h>

#include "leverkit/models/stage.hpp"

using namespace leverkit;

TEST_CASE("stage decodes bare, wrapped and doubly wrapped") {
  for (const char* doc : {R"({"id":"lead-new","text":"New lead"})",
                          R"({"data":{"id":"lead-new","text":"New lead"}})",
                          R"({"data":{"data":{"id":"lead-new","text":"New lead","extra":[1,2]}}})"}) {
    auto s = decode_stage(doc);
    REQUIRE_MESSAGE(s.has_value(), doc);
    CHECK(s.value() == Stage{"lead-new", "New lead"});
  }
}

TEST_CASE("stage decode errors name the JSON path") {
  auto r = decode_stage(R"({"data":{"id":7,"text":"x"}})");
  REQUIRE(r.has_error());
  CHECK(r.error().code == Errc::decode_error);
  CHECK(r.error().message == "at data.id: expected a string");
  auto missing = decode_stage(R"({"data":{"text":"x"}})");
  REQUIRE(missing.has_error());
  CHECK(missing.error().message == "at data: missing required field 'id'");
  auto page = decode_stage_page(R"({"data":[{"id":"a","text":"A"},{"id":"b","text":5}],"hasNext":false})");
  REQUIRE(page.has_error());
  CHECK(page.error().message == "at data[1].text: expected a string");
  CHECK(decode_stage("{not json").has_error());
  CHECK(decode_stage("").has_error());
}

TEST_CASE("stage page reads hasNext and next, tolerates their absence") {
  auto p = decode_stage_page(R"({"data":[{"id":"a","text":"A"}],"hasNext":true,"next":"%5B1%5D"})").value();
  CHECK(p.data.size() == 1);
  CHECK(p.has_next);
  CHECK(p.next == std::optional<std::string>("%5B1%5D"));
  CHECK(p.more());
  auto last = decode_stage_page(R"({"data":[]})").value();
  CHECK_FALSE(last.has_next);
  CHECK_FALSE(last.more());
  auto bare = decode_stage_page(R"([{"id":"a","text":"A"}])").value();
  CHECK(bare.data.size() == 1);
}
