// Private: the validator — the one gate every proposal passes, from any backend. Tested on its
// own in tests/unit/autofill/validator_test.cpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "detail/extract.hpp"
#include "detail/prepared.hpp"
#include "leverkit/autofill/autofill.hpp"
#include "leverkit/autofill/classifier.hpp"

namespace leverkit::inline v0::autofill::detail {

/// Field policy (re-classified here), no overwrite, type and option membership, and evidence
/// quotes that occur (whitespace- and case-folded) in an utterance of the candidate or the notes;
/// a text value must itself be quoted. Rewrites each quote's speaker/time from the utterance it
/// was found in. Returns the reason on rejection.
std::optional<std::string> validate(const Prepared& p, const FormField& f, Proposal& proposal);

/// Re-derives a model's value from its own quotes with the typed readers: the quote must state
/// the value (a hedged or opposite quote is rejected).
std::optional<std::string> rederive(const Prepared& p, const FormField& f, const FieldClassification& c,
                                    const Proposal& proposal);

std::string format_date_value(std::int64_t ms);

}  // namespace leverkit::autofill::detail
