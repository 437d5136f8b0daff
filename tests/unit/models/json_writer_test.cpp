#include <doctest/doctest.h>
#include <simdjson.h>

#include <cmath>
#include <limits>

#include "models/detail/json_writer.hpp"

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
  CHECK(w.str() == R"("q\"b\\s/\b\f\n\r\t\u0001\u001f\u007f")");
  std::string all;
  for (int c = 0; c < 0x20; ++c) all += static_cast<char>(c);
  all += "é 日本 🎉 \"end\"";
  JsonWriter w2;
  w2.begin_object().field("s", all).end_object();
  // Parsing our output gives back the exact bytes (well-formed UTF-8 passes through unchanged).
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

TEST_CASE("JSON writer: each ill-formed UTF-8 byte becomes U+FFFD, keys included") {
  const std::string fffd = "\xEF\xBF\xBD";
  using leverkit::detail::json_string;
  CHECK(json_string("caf\xC3\xA9") == "\"caf\xC3\xA9\"");
  CHECK(json_string("caf\xE9!") == "\"caf" + fffd + "!\"");  // Latin-1 byte mid-run
  CHECK(json_string("\xC0\xAF") == "\"" + fffd + fffd + "\"");  // overlong '/'
  CHECK(json_string("\xED\xA0\x80") == "\"" + fffd + fffd + fffd + "\"");  // surrogate
  CHECK(json_string("\xF4\x90\x80\x80").find("\xF4") == std::string::npos);  // above U+10FFFF
  CHECK(json_string("a\xE2\x82") == "\"a" + fffd + fffd + "\"");  // truncated at the end
  JsonWriter w;
  w.begin_object().field("k\xFF", "v\x80\"").end_object();
  CHECK(w.str() == "{\"k" + fffd + "\":\"v" + fffd + "\\\"\"}");
  simdjson::dom::parser parser;
  simdjson::padded_string text(w.str());
  simdjson::dom::element doc;
  CHECK(parser.parse(text).get(doc) == simdjson::SUCCESS);
}

TEST_CASE("JSON writer: fixed decimals, null helpers, field values and layout whitespace") {
  JsonWriter w;
  w.begin_array().number_fixed(0.8, 2).number_fixed(1.0 / 3, 3).number_fixed(std::nan(""), 2);
  w.string_or_null(std::nullopt).string_or_null(std::string("x")).integer_or_null(std::nullopt).integer_or_null(5);
  w.end_array();
  CHECK(w.take() == R"([0.80,0.333,null,null,"x",null,5])");
  CHECK(w.str().empty());  // take() leaves an empty writer that can be reused

  w.begin_array();
  w.field_value(leverkit::FieldValue{});
  w.field_value(leverkit::FieldValue{std::string("yes")});
  w.field_value(leverkit::FieldValue{std::int64_t{1773014400000}});
  w.field_value(leverkit::FieldValue{2.5});
  w.field_value(leverkit::FieldValue{std::vector<std::string>{"Go", "C++"}});
  w.field_value(leverkit::FieldValue{std::vector<leverkit::ScorecardScore>{{3, "ok"}, {std::nullopt, ""}}});
  w.end_array();
  CHECK(w.take() ==
        R"([null,"yes",1773014400000,2.5,["Go","C++"],[{"score":3,"comment":"ok"},{"score":null,"comment":""}]])");

  // separator() writes the comma now so a line break can follow it; raw() pastes encoded JSON.
  w.begin_object().key("rows").begin_array();
  for (int i = 0; i < 2; ++i) w.separator().whitespace("\n  ").begin_object().field_int("i", i).end_object();
  w.whitespace("\n").end_array().key("m").raw(R"({"a":1})").end_object();
  CHECK(w.take() == "{\"rows\":[\n  {\"i\":0},\n  {\"i\":1}\n],\"m\":{\"a\":1}}");
}
