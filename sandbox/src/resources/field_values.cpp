// Checks and applies submitted feedback/form field values against their field types.
#include "resources/field_values.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "api_impl.hpp"

namespace leverkit::sandbox::detail {

bool has_option(const Value& field, std::string_view text) {
  for (const auto& o : field.find("options") ? field.find("options")->as_array() : Array{})
    if (o.str("text") == text) return true;
  return false;
}

/// Checks a submitted value against the field's type (lever-api.md §6.11).
void check_value(const Value& field, const Value& v, std::size_t i) {
  if (v.is_null()) return;
  const std::string& type = field.str("type");
  auto fail_type = [&](std::string_view what) {
    throw ApiFailure{400, "InvalidParameter",
                     fmt::format("fieldValues[{}]: field {} ({}) expects {}", i, field.str("id"), type, what)};
  };
  if (type == "text" || type == "textarea" || type == "code") {
    if (!v.is_string()) fail_type("a string");
  } else if (type == "score-system" || type == "dropdown" || type == "multiple-choice") {
    if (!v.is_string() || !has_option(field, v.as_string())) fail_type("the text of one of its options");
  } else if (type == "multiple-select") {
    if (!v.is_array()) fail_type("an array of option texts");
    for (const auto& x : v.as_array())
      if (!x.is_string() || !has_option(field, x.as_string())) fail_type("an array of option texts");
  } else if (type == "score") {
    if (!v.is_int() || v.as_int() < 1 || v.as_int() > 4) fail_type("an integer from 1 to 4");
  } else if (type == "scorecard") {
    const Value* scores = field.find("scores");
    if (!v.is_array() || !scores || v.as_array().size() != scores->as_array().size())
      fail_type("an array of {score, comment}, one per scorecard row");
    for (const auto& x : v.as_array())
      if (!x.is_object() || (x.find("score") && !x.find("score")->is_null() && !x.find("score")->is_int()))
        fail_type("an array of {score, comment}, one per scorecard row");
  } else if (type == "yes-no") {
    if (!v.is_string() || (v.as_string() != "yes" && v.as_string() != "no")) fail_type("\"yes\", \"no\" or null");
  } else if (type == "date") {
    if (!v.is_int()) fail_type("a timestamp in milliseconds");
  } else if (type == "currency") {
    if (!v.is_number()) fail_type("a number");
  }
}

/// Applies `fieldValues` [{id, value}] to `fields` (each field gets its `value`).
void apply_field_values(Array& fields, const Value& body) {
  const Value* fv = body.find("fieldValues");
  if (!fv || fv->is_null()) return;
  if (!fv->is_array()) throw ApiFailure{400, "InvalidParameter", "fieldValues must be an array of {id, value}"};
  for (std::size_t i = 0; i < fv->as_array().size(); ++i) {
    const Value& e = fv->as_array()[i];
    if (!e.is_object() || !e.find("id") || !e.find("id")->is_string())
      throw ApiFailure{400, "InvalidParameter", fmt::format("fieldValues[{}].id is required", i)};
    auto it = std::find_if(fields.begin(), fields.end(), [&](const Value& f) { return f.str("id") == e.str("id"); });
    if (it == fields.end())
      throw ApiFailure{400, "InvalidParameter",
                       fmt::format("fieldValues[{}]: field {} is not on this form (field ids change when a template is updated)",
                                   i, e.str("id"))};
    Value v = e.find("value") ? *e.find("value") : Value();
    check_value(*it, v, i);
    it->set("value", std::move(v));
  }
}

}  // namespace leverkit::sandbox::detail
