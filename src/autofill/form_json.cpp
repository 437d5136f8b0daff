#include "leverkit/autofill/form_json.hpp"

#include <fmt/format.h>
#include <simdjson.h>

#include "detail/field_type_name.hpp"

namespace leverkit::autofill {
namespace {

Error bad(std::string_view path, std::string_view what) {
  return Error{Errc::decode_error, fmt::format("at {}: {}", path, what)};
}

Result<FieldValue> read_value(simdjson::dom::element v, const std::string& path) {
  using simdjson::dom::element_type;
  switch (v.type()) {
    case element_type::NULL_VALUE: return FieldValue{};
    case element_type::STRING: {
      std::string_view s;
      if (v.get(s) != simdjson::SUCCESS) return bad(path, "unreadable string");
      if (s == "null") return FieldValue{};  // some integrations send the string "null" for empty
      return FieldValue{std::string(s)};
    }
    case element_type::INT64:
    case element_type::UINT64: {
      std::int64_t n = 0;
      if (v.get(n) != simdjson::SUCCESS) return bad(path, "integer out of range");
      return FieldValue{n};
    }
    case element_type::DOUBLE: {
      double d = 0;
      if (v.get(d) != simdjson::SUCCESS) return bad(path, "unreadable number");
      return FieldValue{d};
    }
    case element_type::BOOL: {
      bool b = false;
      if (v.get(b) != simdjson::SUCCESS) return bad(path, "unreadable boolean");
      return FieldValue{std::string(b ? "yes" : "no")};
    }
    case element_type::ARRAY: {
      std::vector<std::string> strs;
      std::vector<ScorecardScore> scores;
      std::size_t i = 0;
      simdjson::dom::array arr;
      if (v.get(arr) != simdjson::SUCCESS) return bad(path, "expected an array");
      for (auto e : arr) {
        if (std::string_view es; e.get(es) == simdjson::SUCCESS) {
          strs.emplace_back(es);
        } else if (e.is_object()) {
          ScorecardScore s;
          simdjson::dom::element sc;
          if (std::int64_t n; e["score"].get(sc) == simdjson::SUCCESS && sc.get(n) == simdjson::SUCCESS) s.score = static_cast<int>(n);
          std::string_view c;
          if (e["comment"].get(c) == simdjson::SUCCESS) s.comment = std::string(c);
          scores.push_back(std::move(s));
        } else {
          return bad(fmt::format("{}[{}]", path, i), "expected a string or a {score, comment} object");
        }
        ++i;
      }
      if (!scores.empty()) return FieldValue{std::move(scores)};
      return FieldValue{std::move(strs)};
    }
    case element_type::OBJECT: return FieldValue{};  // file uploads: not a value autofill reads
  }
  return FieldValue{};
}

}  // namespace

Result<FormDocument> read_form_json(std::string_view json) {
  simdjson::dom::parser parser;
  simdjson::padded_string padded(json);
  simdjson::dom::element root;
  if (auto ec = parser.parse(padded).get(root); ec) return bad("$", simdjson::error_message(ec));
  std::string base = "$";
  if (simdjson::dom::element data; root.is_object() && root["data"].get(data) == simdjson::SUCCESS) {
    root = data;
    base = "$.data";
  }
  if (!root.is_object()) return bad(base, "expected a feedback template or feedback form object");
  FormDocument doc;
  std::string_view s;
  if (root["baseTemplateId"].get(s) == simdjson::SUCCESS) {
    doc.template_id = std::string(s);
    doc.is_feedback_form = true;
  } else if (root["id"].get(s) == simdjson::SUCCESS) {
    doc.template_id = std::string(s);
  }
  simdjson::dom::array fields;
  if (root["fields"].get(fields) != simdjson::SUCCESS) return bad(base + ".fields", "missing or not an array");
  std::size_t i = 0;
  for (auto el : fields) {
    auto path = fmt::format("{}.fields[{}]", base, i++);
    if (!el.is_object()) return bad(path, "expected a field object");
    FormField f;
    if (el["type"].get(s) != simdjson::SUCCESS) return bad(path + ".type", "missing or not a string");
    f.type_name = std::string(s);
    f.type = detail::field_type_from_name(s);
    if (el["text"].get(s) != simdjson::SUCCESS) return bad(path + ".text", "missing or not a string");
    f.text = std::string(s);
    if (el["id"].get(s) == simdjson::SUCCESS) f.id = std::string(s);
    if (el["description"].get(s) == simdjson::SUCCESS && !s.empty()) f.description = std::string(s);
    if (el["prompt"].get(s) == simdjson::SUCCESS) f.prompt = std::string(s);
    bool b = false;
    if (el["required"].get(b) == simdjson::SUCCESS) f.required = b;
    if (el["overall"].get(b) == simdjson::SUCCESS) f.overall = b;
    simdjson::dom::array opts;
    if (el["options"].get(opts) == simdjson::SUCCESS) {
      std::size_t k = 0;
      for (auto o : opts) {
        FieldOption fo;
        if (std::string_view os; o.get(os) == simdjson::SUCCESS) {
          fo.text = std::string(os);
        } else if (o["text"].get(s) == simdjson::SUCCESS) {
          fo.text = std::string(s);
          if (o["optionId"].get(s) == simdjson::SUCCESS) fo.option_id = std::string(s);
        } else {
          return bad(fmt::format("{}.options[{}].text", path, k), "missing or not a string");
        }
        f.options.push_back(std::move(fo));
        ++k;
      }
    }
    simdjson::dom::array scores;
    if (el["scores"].get(scores) == simdjson::SUCCESS)
      for (auto sc : scores) {
        ScorecardRow row;
        if (sc["text"].get(s) == simdjson::SUCCESS) row.text = std::string(s);
        if (sc["description"].get(s) == simdjson::SUCCESS) row.description = std::string(s);
        f.scores.push_back(std::move(row));
      }
    simdjson::dom::element v;
    if (el["value"].get(v) == simdjson::SUCCESS) {
      LEVERKIT_TRY(val, read_value(v, path + ".value"));
      f.value = std::move(val);
    }
    doc.fields.push_back(std::move(f));
  }
  return doc;
}

}  // namespace leverkit::autofill
