// Shared test helper: a feedback-form field with an id, a type, its question text and options.
// One definition for the autofill suites (they used to carry a copy each, which a unity build of
// the suite — the ASan pass — rejects as a redefinition).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "leverkit/models/form_field.hpp"

inline leverkit::FormField field(std::string id, leverkit::FieldType t, std::string text,
                                 std::vector<std::string> options = {}) {
  leverkit::FormField f;
  f.id = std::move(id);
  f.type = t;
  f.text = std::move(text);
  for (auto& o : options) f.options.push_back(leverkit::FieldOption{std::move(o), std::nullopt});
  return f;
}
