// The validator on its own: every proposal, from any backend, passes here or is rejected with
// a reason (field policy, overwrite, type, quotes said by the candidate, text quoted verbatim,
// and the model's value re-derived from its own quotes).
#include <doctest/doctest.h>

#include <string>

#include "form_field.hpp"
#include "detail/prepared.hpp"
#include "detail/validator.hpp"
#include "leverkit/autofill/autofill.hpp"

using namespace leverkit;
using namespace leverkit::autofill;
using namespace leverkit::autofill::detail;

namespace {

Prepared prepared() {
  Transcript t;
  t.utterances = {{"Sam", SpeakerRole::interviewer, 0, 4000, "Do you need visa sponsorship?", {}, false},
                  {"Dana", SpeakerRole::candidate, 5000, 9000, "No, I don't need sponsorship. I live in Lisbon.", {}, false},
                  {"Sam", SpeakerRole::interviewer, 10000, 12000, "I live in Porto myself.", {}, false},
                  {"Sam", SpeakerRole::interviewer, 13000, 15000, "Remote, hybrid or onsite?", {}, false},
                  {"Dana", SpeakerRole::candidate, 16000, 18000, "Maybe hybrid, not sure.", {}, false}};
  CallContext call;
  call.participants = {{.name = "Dana", .role = leverkit::ParticipantRole::candidate}, {.name = "Sam", .role = leverkit::ParticipantRole::interviewer}};
  return prepare(t, Transcript{}, call, std::nullopt);
}

Proposal proposal(FieldValue v, std::string quote, std::string backend = "model") {
  Proposal p;
  p.value = std::move(v);
  p.evidence.push_back(EvidenceQuote{std::move(quote), {}, SpeakerRole::unknown, std::nullopt});
  p.confidence = 0.9;
  p.backend = std::move(backend);
  return p;
}

}  // namespace

TEST_CASE("validator: a candidate's quote passes and takes the utterance's speaker and time") {
  auto p = prepared();
  auto f = field("visa", FieldType::yes_no, "Does the candidate require visa sponsorship?");
  auto prop = proposal(std::string("no"), "i DON'T   need sponsorship");
  CHECK_FALSE(validate(p, f, prop));
  CHECK(prop.evidence[0].speaker == "Dana");
  CHECK(prop.evidence[0].role == SpeakerRole::candidate);
  CHECK(prop.evidence[0].start_ms == 5000);
  CHECK_FALSE(rederive(p, f, classify_field(f), prop));
}

TEST_CASE("validator: policy, overwrite, type and missing evidence are rejected with a reason") {
  auto p = prepared();
  auto eval = field("overall", FieldType::score_system, "Overall", {"4 - Strong Hire", "3 - Hire"});
  auto prop = proposal(std::string("3 - Hire"), "No, I don't need sponsorship.");
  auto why = validate(p, eval, prop);
  REQUIRE(why);
  CHECK(why->find("field policy") == 0);

  auto visa = field("visa", FieldType::yes_no, "Does the candidate require visa sponsorship?");
  visa.value = FieldValue{std::string("yes")};
  prop = proposal(std::string("no"), "I don't need sponsorship");
  CHECK(validate(p, visa, prop) == std::optional<std::string>("the field already has a value"));

  auto arr = field("arr", FieldType::dropdown, "Preferred work arrangement", {"Remote", "Hybrid", "Onsite"});
  prop = proposal(std::string("Office"), "Maybe hybrid");
  CHECK(validate(p, arr, prop));  // not an option

  prop = proposal(std::string("no"), "x");
  prop.evidence.clear();
  CHECK(validate(p, field("visa", FieldType::yes_no, "Does the candidate require visa sponsorship?"), prop) ==
        std::optional<std::string>("no evidence quote"));
}

TEST_CASE("validator: quotes must be the candidate's, and text values quoted verbatim") {
  auto p = prepared();
  auto loc = field("loc", FieldType::text, "Current location");
  auto prop = proposal(std::string("Porto"), "I live in Porto myself");
  auto why = validate(p, loc, prop);
  REQUIRE(why);
  CHECK(why->find("was not said by the candidate") != std::string::npos);
  prop = proposal(std::string("Lisbon"), "I live in Madrid");
  why = validate(p, loc, prop);
  REQUIRE(why);
  CHECK(why->find("does not occur") != std::string::npos);
  prop = proposal(std::string("the Portuguese capital"), "I live in Lisbon");
  why = validate(p, loc, prop);
  REQUIRE(why);
  CHECK(why->find("quoted") != std::string::npos);
  prop = proposal(std::string("Lisbon"), "I live in Lisbon");
  CHECK_FALSE(validate(p, loc, prop));
}

TEST_CASE("validator: a model's value must follow from its own quote (rederive)") {
  auto p = prepared();
  auto visa = field("visa", FieldType::yes_no, "Does the candidate require visa sponsorship?");
  auto prop = proposal(std::string("yes"), "No, I don't need sponsorship.");
  REQUIRE_FALSE(validate(p, visa, prop));
  CHECK(rederive(p, visa, classify_field(visa), prop) == std::optional<std::string>("the quote says the opposite"));

  auto arr = field("arr", FieldType::dropdown, "Preferred work arrangement", {"Remote", "Hybrid", "Onsite"});
  prop = proposal(std::string("Remote"), "Maybe hybrid, not sure.");
  REQUIRE_FALSE(validate(p, arr, prop));
  auto why = rederive(p, arr, classify_field(arr), prop);
  REQUIRE(why);
  CHECK(why->find("Remote") != std::string::npos);
}
