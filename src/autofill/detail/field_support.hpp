// Private: per-field helpers shared by the deterministic extractor and the validator.
#pragma once

#include <string>
#include <vector>

#include "leverkit/autofill/classifier.hpp"
#include "leverkit/models/form_field.hpp"

namespace leverkit::inline v0::autofill::detail {

/// Content stems of the label and description that say what the field is about.
std::vector<std::string> key_stems(const FormField& f);
/// Stems of the concept's synonym list (retrieval expansion and answer relevance).
std::vector<std::string> synonym_stems(Concept c);
/// A value is already present (a human answered): non-null, non-empty.
bool has_value(const FieldValue& v);
/// Option set is a plain yes/no choice ("Yes", "No", optionally "Not discussed").
bool yes_no_options(const FormField& f);
/// Types the engine reads at all.
bool supported_type(FieldType t);
/// Type and option-membership check of a value against a field (what validate_field_value
/// in models will do; kept private until that lands).
bool value_fits(const FormField& f, const FieldValue& v, std::string* why);
bool numeric_concept(Concept c);

}  // namespace leverkit::autofill::detail
