// lever.oas.json (a third-party OpenAPI 3 spec, see SOURCES.md) holds schemas, not example
// objects: its only example values are `stages.id.examples`. So for every GET operation whose
// resource leverkit models, this test synthesises one response document from the 200 schema —
// every declared property, of its declared type, using the schema's `examples`/`enum` values
// where given — and decodes it with our decoder. That proves each field the spec declares, with
// the type it declares, is accepted, and the checks below prove the values arrive in the model.
// A second pass picks `null` wherever the spec allows it.
// The spec is walked with simdjson's DOM API: simdjson is already the models layer's parser,
// DOM gives the random access `$ref` resolution needs, and the test needs no Python step.
#include <doctest/doctest.h>
#include <simdjson.h>

#include <functional>
#include <map>

#include "leverkit/models/contact.hpp"
#include "leverkit/models/opportunity.hpp"
#include "leverkit/models/posting.hpp"
#include "leverkit/models/stage.hpp"
#include "samples.hpp"

using namespace leverkit;
namespace dom = simdjson::dom;

namespace {

constexpr std::int64_t kTime = 1782972986091;

std::string quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + '"';
}

struct Synth {
  dom::element root;
  bool nulls = false;  // choose null wherever the schema allows it

  dom::element resolve(dom::element schema) const {
    std::string_view ref;
    if (schema["$ref"].get(ref) == simdjson::SUCCESS) {
      constexpr std::string_view prefix = "#";
      REQUIRE(ref.substr(0, 1) == prefix);
      dom::element target;
      REQUIRE(root.at_pointer(ref.substr(1)).get(target) == simdjson::SUCCESS);
      return target;
    }
    return schema;
  }

  std::string type_of(dom::element schema) const {
    std::string_view t;
    if (schema["type"].get(t) == simdjson::SUCCESS) return std::string(t);
    dom::array types;
    if (schema["type"].get(types) == simdjson::SUCCESS) {
      std::string first_non_null;
      bool has_null = false;
      for (dom::element e : types) {
        std::string_view s;
        REQUIRE(e.get(s) == simdjson::SUCCESS);
        if (s == "null") has_null = true;
        else if (first_non_null.empty()) first_non_null = std::string(s);
      }
      if (nulls && has_null) return "null";
      return first_non_null.empty() ? "null" : first_non_null;
    }
    return "object";
  }

  std::string value(dom::element schema_in, std::string_view name) const {
    const dom::element schema = resolve(schema_in);
    const std::string type = type_of(schema);
    if (type == "null") return "null";
    if (type == "boolean") return "true";
    if (type == "number" || type == "integer") return std::to_string(kTime);
    if (type == "string") {
      dom::array examples;
      if (schema["examples"].get(examples) == simdjson::SUCCESS) {
        std::string_view s;
        REQUIRE(examples.at(0).get(s) == simdjson::SUCCESS);
        return quote(s);
      }
      dom::array values;
      if (schema["enum"].get(values) == simdjson::SUCCESS) {
        std::string_view s;
        REQUIRE(values.at(0).get(s) == simdjson::SUCCESS);
        return quote(s);
      }
      std::string_view format;
      if (schema["format"].get(format) == simdjson::SUCCESS) {
        if (format == "email") return quote("someone@example.com");
        if (format == "uri") return quote("https://example.com/x");
      }
      return quote(std::string("x-") + std::string(name));
    }
    if (type == "array") {
      dom::element items;
      if (schema["items"].get(items) != simdjson::SUCCESS) return "[]";
      return "[" + value(items, name) + "]";
    }
    // object
    dom::object props;
    if (schema["properties"].get(props) != simdjson::SUCCESS) return "{}";
    std::string out = "{";
    for (auto [key, sub] : props) {
      if (out.size() > 1) out += ',';
      out += quote(key) + ":" + value(sub, key);
    }
    return out + "}";
  }
};

}  // namespace

TEST_CASE("lever.oas.json: a document synthesised from each modelled 200 schema decodes") {
  const std::string text = test::sample("lever.oas.json");
  dom::parser parser;
  dom::element root;
  REQUIRE(parser.parse(text).get(root) == simdjson::SUCCESS);

  using Check = std::function<void(const std::string&, bool nulls)>;
  const std::map<std::string, Check> checks{
      {"/opportunities/{id}",
       [](const std::string& doc, bool nulls) {
         auto r = decode_opportunity(doc);
         REQUIRE_MESSAGE(r.has_value(), r.error().to_string() << "\n" << doc);
         const Opportunity& o = r.value();
         CHECK(o.id == "x-id");
         CHECK(o.name == "x-name");
         CHECK(o.emails == std::vector<std::string>{"someone@example.com"});
         CHECK(o.phones == std::vector<Phone>{Phone{std::nullopt, "x-value"}});
         CHECK(o.stage_changes.at(0).to_stage_index == std::optional<int>(static_cast<int>(kTime)));
         CHECK(o.urls.show == std::optional<std::string>("https://example.com/x"));
         if (nulls) {  // legacy pair both null: not archived
           CHECK_FALSE(o.archived);
           CHECK_FALSE(o.snoozed_until);
         } else {  // quirk 4: the spec's legacy pair lands in `archived`
           REQUIRE(o.archived);
           CHECK(*o.archived == ArchivedState{"x-archiveReason", from_unix_ms(kTime)});
           CHECK(o.snoozed_until == std::optional<Timestamp>(from_unix_ms(kTime)));
         }
       }},
      {"/opportunities",
       [](const std::string& doc, bool) {
         auto r = decode_opportunity_page(doc);
         REQUIRE_MESSAGE(r.has_value(), r.error().to_string() << "\n" << doc);
         REQUIRE(r.value().data.size() == 1);
         CHECK(r.value().data[0].followers.at(0).id == "x-followers");
       }},
      {"/postings/{id}",
       [](const std::string& doc, bool) {
         auto r = decode_posting(doc);
         REQUIRE_MESSAGE(r.has_value(), r.error().to_string() << "\n" << doc);
         CHECK(r.value().id == "x-id");
         CHECK(r.value().text == "x-text");
       }},
      {"/postings",
       [](const std::string& doc, bool) {
         auto r = decode_posting_page(doc);
         REQUIRE_MESSAGE(r.has_value(), r.error().to_string() << "\n" << doc);
         CHECK(r.value().data.size() == 1);
       }},
      {"/contacts/{id}",
       [](const std::string& doc, bool) {
         auto r = decode_contact(doc);
         REQUIRE_MESSAGE(r.has_value(), r.error().to_string() << "\n" << doc);
         CHECK(r.value().location == std::optional<std::string>("x-name"));  // quirk 5
         CHECK(r.value().is_anonymized);
       }},
      {"/stages",
       [](const std::string& doc, bool) {
         auto r = decode_stage_page(doc);
         REQUIRE_MESSAGE(r.has_value(), r.error().to_string() << "\n" << doc);
         CHECK(r.value().data.at(0).id == "lead-new");  // from the spec's examples
       }},
      {"/archive_reasons",
       [](const std::string& doc, bool) {
         auto r = decode_archive_reason_page(doc);
         REQUIRE_MESSAGE(r.has_value(), r.error().to_string() << "\n" << doc);
         const ArchiveReason& a = r.value().data.at(0);
         CHECK(a.status == std::optional<std::string>("active"));
         CHECK(a.type == std::optional<std::string>("non-hired"));
       }},
  };

  dom::object paths;
  REQUIRE(root["paths"].get(paths) == simdjson::SUCCESS);
  int decoded = 0;
  int unmodelled = 0;
  for (auto [path, item] : paths) {
    dom::element schema;
    REQUIRE(item.at_pointer("/get/responses/200/content/application~1json/schema").get(schema) ==
            simdjson::SUCCESS);
    auto it = checks.find(std::string(path));
    if (it == checks.end()) {  // offers, tags: no leverkit model (yet)
      ++unmodelled;
      continue;
    }
    for (bool nulls : {false, true}) {
      CAPTURE(path);
      CAPTURE(nulls);
      const Synth synth{root, nulls};
      it->second(synth.value(schema, "response"), nulls);
    }
    ++decoded;
  }
  CHECK(decoded == 7);
  CHECK(unmodelled == 2);
}
