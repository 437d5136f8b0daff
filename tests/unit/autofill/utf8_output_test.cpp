// Issue 12: invalid UTF-8 in a transcript must not make the draft JSON invalid. The writer replaces
// each ill-formed byte with U+FFFD and keeps well-formed multi-byte text as it is.
#include <doctest/doctest.h>

#include <simdjson.h>

#include <string>

#include "models/detail/json_writer.hpp"
#include "leverkit/autofill/autofill.hpp"

using namespace leverkit;
using namespace leverkit::autofill;

namespace {
const std::string kReplacement = "\xEF\xBF\xBD";

bool valid_json(const std::string& text) {
  simdjson::dom::parser parser;
  simdjson::padded_string padded(text);
  simdjson::dom::element doc;
  return parser.parse(padded).get(doc) == simdjson::SUCCESS;
}
}  // namespace

TEST_CASE("json_string replaces ill-formed UTF-8 bytes with U+FFFD") {
  using leverkit::detail::json_string;
  CHECK(json_string("caf\xC3\xA9") == "\"caf\xC3\xA9\"");                  // well-formed kept
  CHECK(json_string("\xF0\x9F\x98\x80") == "\"\xF0\x9F\x98\x80\"");        // 4-byte kept
  CHECK(json_string("a\xFFz") == "\"a" + kReplacement + "z\"");             // stray byte
  CHECK(json_string("caf\xE9") == "\"caf" + kReplacement + "\"");          // Latin-1 é
  CHECK(json_string("\xC3") == "\"" + kReplacement + "\"");                 // truncated at end
  CHECK(json_string("\xC0\xAF") == "\"" + kReplacement + kReplacement + "\"");  // overlong '/'
  CHECK(json_string("\xED\xA0\x80") == "\"" + kReplacement + kReplacement + kReplacement + "\"");  // surrogate
  CHECK(json_string("\xF4\x90\x80\x80").find("\xF4") == std::string::npos);  // above U+10FFFF
  CHECK(json_string("\x7F") == "\"\\u007f\"");
  CHECK(valid_json(json_string("\x80\xBF\xFE\xFF mixed \xE2\x82")));
}

TEST_CASE("a transcript with invalid UTF-8 still yields a draft that is valid JSON") {
  FormField loc;
  loc.id = "loc";
  loc.type = FieldType::text;
  loc.text = "Current location";
  AutofillInput in;
  in.template_id = "t";
  in.fields = {loc};
  auto t = parse_transcript("Sam: Where are you based?\nDana: I'm in M\xFCnchen, Germany \xFF\xFE.\n");
  REQUIRE(t);
  in.transcript = std::move(t).value();
  in.call.participants = {{.name = "Dana", .role = leverkit::ParticipantRole::candidate}, {.name = "Sam", .role = leverkit::ParticipantRole::interviewer}};
  auto d = autofill::autofill(in);
  REQUIRE(d);
  const std::string json = draft_to_json(d.value());
  CHECK(valid_json(json));
  CHECK(simdjson::validate_utf8(json.data(), json.size()));
}
