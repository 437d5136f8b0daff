// Private: the deterministic extractor (the validator every proposal passes is in validator.hpp).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "detail/prepared.hpp"
#include "leverkit/autofill/autofill.hpp"
#include "leverkit/autofill/classifier.hpp"

namespace leverkit::inline v0::autofill::detail {

/// A value some backend proposes for one field, before validation.
struct Proposal {
  FieldValue value;
  std::vector<EvidenceQuote> evidence;
  double confidence = 0.0;
  std::string interpretation;  // "'next Monday' resolved against the meeting date 2026-03-02"
  std::string backend;         // "deterministic" | "model" | "metadata"
};

/// What the deterministic extractor concluded for one objective field.
struct Extraction {
  std::optional<Proposal> proposal;   // set when a value was read (may still be low confidence)
  std::optional<SkipCode> skip;       // set when it abstained
  std::string why;
  std::vector<EvidenceQuote> evidence;  // best evidence for a skip
};

Extraction extract_deterministic(const Prepared& p, const FormField& f, const FieldClassification& c,
                                 const CallContext& call);

}  // namespace leverkit::autofill::detail
