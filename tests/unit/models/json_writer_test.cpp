#include <doctest/doctest.h>
#include <simdjson.h>

#include <cmath>
#include <limits>

#include "detail/json_writer.hpp"

using leverkit::detail::JsonWriter;

TEST_CASE("JSON writer: commas, nesting and scalars") {
  JsonWriter w;
  w.begin_object().field("a", "x").key("b").begin_array().integer(1).number(2.5).boolean(false).null();
  w.begin_object().end_object().begin_array().end_array().end_array();
  w.field_int("c", -7).opt_field("absent", std::optional<std::string>{}).opt_field("d", std::optional<int>(4));
  w.end_object();
  CHECK(w.str() == R"({"a":"x","b":[1,2.5,false,null,{},[]],"c":-7,"d":4})");
}

TEST_CASE("JSON writer: string escaping of quotes, backslashes and every control character") {
  JsonWriter w;
  w.string("q\"b\\s/\b\f\n\r\t\x01\x1f\x7f");
  CHECK(w.str() == R"("q\"b\\s/\b\f\n\r\t\u0001\u001f)" "\x7f\"");
  std::string all;
  for (int c = 0; c < 0x20; ++c) all += static_cast<char>(c);
  all += "é 日本 🎉 \"end\"";
  JsonWriter w2;
  w2.begin_object().field("s", all).end_object();
  // Parsing our output gives back the exact bytes (UTF-8 passes through unchanged).
  simdjson::dom::parser parser;
  simdjson::padded_string text(w2.str());
  std::string_view back;
  REQUIRE(parser.parse(text)["s"].get(back) == simdjson::SUCCESS);
  CHECK(back == all);
  CHECK(w2.str().find("é 日本 🎉") != std::string::npos);
  CHECK(w2.str().find("\\u0000") != std::string::npos);
}

TEST_CASE("JSON writer: numbers in shortest round-trip form, non-finite numbers become null") {
  JsonWriter w;
  w.begin_array().number(0.1).number(120000.0).number(1e300).number(std::nan(""));
  w.number(std::numeric_limits<double>::infinity()).integer(INT64_MIN).end_array();
  CHECK(w.str() == "[0.1,120000,1e+300,null,null,-9223372036854775808]");
}
