// The sandbox's own JSON writer/reader, cursors, HMAC and the seeded generator.
#include <map>

#include <doctest/doctest.h>

#include "api.hpp"
#include "store.hpp"
#include "value.hpp"

using namespace leverkit::sandbox::detail;

TEST_CASE("JSON writer escapes and round-trips through the reader") {
  Value v = Value::object();
  v.set("s", "quote\" backslash\\ nl\n tab\t ctl\x01 ünï 山田 👍");
  v.set("i", std::int64_t{-1783260000000});
  v.set("d", 1.5);
  v.set("b", true);
  v.set("n", Value());
  v.set("a", Value(Array{Value(1), Value("x")}));
  std::string text = to_json(v);
  CHECK(text.find("\\u0001") != std::string::npos);
  CHECK(text.find("\\\"") != std::string::npos);
  std::string err;
  auto back = parse_json(text, err);
  REQUIRE(back.has_value());
  CHECK(*back == v);
  v.set("i", 7);  // set keeps the key's position
  CHECK(to_json(v).find("\"s\"") < to_json(v).find("\"i\":7"));
  CHECK_FALSE(parse_json("{\"a\":", err).has_value());
  // Echoed input that is not UTF-8 still yields valid JSON (U+FFFD), valid UTF-8 passes through.
  std::string bad_utf8;
  write_json_string(bad_utf8, std::string("a\xff\xc3(\xed\xa0\x80z\xc3\xa9"));
  CHECK(bad_utf8 == "\"a\\ufffd\\ufffd(\\ufffd\\ufffd\\ufffdz\xc3\xa9\"");
  CHECK(parse_json(bad_utf8, err).has_value());
  CHECK_FALSE(err.empty());
}

TEST_CASE("URL encoding and offset tokens look like Lever's") {
  CHECK(url_encode("[3,1491435120000,\"5599cc20\"]") == "%5B3%2C1491435120000%2C%225599cc20%22%5D");
  CHECK(url_decode("%5B1%2C2%5D") == std::optional<std::string>("[1,2]"));
  CHECK_FALSE(url_decode("%zz").has_value());
  CHECK_FALSE(url_decode("%4").has_value());
  Cursor c{12, 1700000000000, "abc-def"};
  std::string token = encode_cursor(c);
  CHECK(token == "%5B12%2C1700000000000%2C%22abc-def%22%5D");
  auto back = decode_cursor(token);
  REQUIRE(back.has_value());
  CHECK(back->position == 12);
  CHECK(back->created_at == 1700000000000);
  CHECK(back->id == "abc-def");
  CHECK(decode_cursor("[12,1700000000000,\"abc-def\"]").has_value());
  for (std::string_view bad : {"", "x", "%5B%5D", "[1,2]", "[-1,2,\"a\"]", "[\"1\",2,\"a\"]", "{}", "%5B1%2C2%2C3%5D"})
    CHECK_MESSAGE(!decode_cursor(bad).has_value(), bad);
}

TEST_CASE("HMAC-SHA256 hex matches RFC 4231 test case 2") {
  CHECK(hmac_sha256_hex("Jefe", "what do ya want for nothing?") ==
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  CHECK(base64_decode("c2FuZGJveC1mdWxsLWtleTo=") == std::optional<std::string>("sandbox-full-key:"));
  CHECK_FALSE(base64_decode("!!!").has_value());
}

TEST_CASE("generator: deterministic per seed / scaled / realistic variety") {
  Store a, b, c;
  generate(a, {42, 400});
  generate(b, {42, 400});
  generate(c, {7, 400});
  auto dump = [](const Collection& col) {
    std::string out;
    for (std::size_t i = 0; i < col.size(); ++i) write_json(out, col.at(i).value);
    return out;
  };
  CHECK(dump(a.opportunities) == dump(b.opportunities));
  CHECK(dump(a.interviews) == dump(b.interviews));
  CHECK(dump(a.opportunities) != dump(c.opportunities));
  CHECK(a.opportunities.size() + a.deleted_opportunities.size() == 400);

  bool archived = false, anonymized = false, unicode = false, multi_opp_contact = false, canceled = false,
       rescheduled = false, zoom = false, meet = false, teams = false, webex = false, dial_in = false, deleted_fb = false;
  std::map<std::string, int> per_contact;
  std::int64_t last_created = 0;
  for (std::size_t i = 0; i < a.opportunities.size(); ++i) {
    const Value& o = a.opportunities.at(i).value;
    archived |= o.find("archived")->is_object();
    anonymized |= o.find("isAnonymized")->as_bool();
    for (unsigned char ch : o.str("name")) unicode |= ch >= 0x80;
    if (++per_contact[o.str("contact")] > 1) multi_opp_contact = true;
    CHECK(o.num("createdAt") > last_created);  // list order = creation order
    last_created = o.num("createdAt");
  }
  for (std::size_t i = 0; i < a.interviews.size(); ++i) {
    const Value& iv = a.interviews.at(i).value;
    canceled |= iv.find("canceledAt")->is_int();
    rescheduled |= iv.str("note").starts_with("Rescheduled");
    const std::string& loc = iv.str("location");
    zoom |= loc.find("zoom.us") != std::string::npos;
    meet |= loc.find("meet.google.com") != std::string::npos;
    teams |= loc.find("teams.microsoft.com") != std::string::npos;
    webex |= loc.find("webex.com") != std::string::npos;
    dial_in |= loc.find("Dial-in") != std::string::npos;
  }
  for (std::size_t i = 0; i < a.feedback.size(); ++i) deleted_fb |= a.feedback.at(i).value.find("deletedAt")->is_int();
  CHECK(archived);
  CHECK(anonymized);
  CHECK(unicode);
  CHECK(multi_opp_contact);
  CHECK(canceled);
  CHECK(rescheduled);
  CHECK(zoom);
  CHECK(meet);
  CHECK(teams);
  CHECK(webex);
  CHECK(dial_in);
  CHECK(deleted_fb);
  CHECK(a.deleted_opportunities.size() > 0);
  for (std::size_t i = 0; i < a.postings.size(); ++i) {
    CHECK_FALSE(a.postings.at(i).value.str("owner").empty());
  }
}
