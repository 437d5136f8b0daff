// Statements that answer without a direct question: self-introductions (current employer and
// title), softened preferences ("ideally", "preferably") and willingness ("happy to", "open to",
// "fine with") — in transcripts and in notes; and what must still not count.
#include <doctest/doctest.h>

#include <string>

#include "form_field.hpp"
#include "detail/readers.hpp"
#include "detail/text.hpp"
#include "leverkit/autofill/autofill.hpp"

using namespace leverkit;
using namespace leverkit::autofill;
namespace detail = leverkit::autofill::detail;

namespace {

// One draft from a speaker-lines transcript (Ana = candidate, Tom = interviewer) and/or notes.
Draft draft(std::vector<FormField> fields, std::string transcript, std::string notes = {}) {
  AutofillInput in;
  in.template_id = "t";
  in.fields = std::move(fields);
  in.call.participants = {{.name = "Ana Costa", .role = leverkit::ParticipantRole::candidate}, {.name = "Tom Hale", .role = leverkit::ParticipantRole::interviewer}};
  if (!transcript.empty()) {
    auto t = parse_transcript(transcript, TranscriptFormat::speaker_lines);
    REQUIRE(t);
    in.transcript = std::move(t).value();
  }
  if (!notes.empty()) {
    auto n = parse_notes(notes);
    REQUIRE(n);
    in.notes = std::move(n).value();
  }
  auto d = autofill::autofill(in);
  REQUIRE(d);
  return std::move(d).value();
}

const FieldOutcome& get(const Draft& d, std::string_view id) {
  for (const auto& f : d.fields)
    if (f.id == id) return f;
  FAIL("no field " << id);
  return d.fields.front();
}

std::string text_of(const FieldOutcome& o) {
  if (auto* s = std::get_if<std::string>(&o.value)) return *s;
  return {};
}

const std::vector<FormField> kWho{field("employer", FieldType::text, "Current employer"),
                                  field("title", FieldType::text, "Current job title")};

}  // namespace

TEST_CASE("self-introduction: 'I'm a backend engineer at Stripe' answers current employer and title") {
  auto d = draft(kWho, "Tom Hale: Could you introduce yourself?\n"
                       "Ana Costa: Sure. I'm a backend engineer at Stripe, about three years now.\n");
  const auto& emp = get(d, "employer");
  REQUIRE(emp.decision == Decision::filled);
  CHECK(text_of(emp) == "Stripe");
  REQUIRE(emp.evidence.size() == 1);
  CHECK(emp.evidence[0].speaker == "Ana Costa");
  CHECK(emp.evidence[0].quote.find("I'm a backend engineer at Stripe") != std::string::npos);
  const auto& title = get(d, "title");
  REQUIRE(title.decision == Decision::filled);
  CHECK(text_of(title) == "backend engineer");

  auto w = draft(kWho, "Tom Hale: Tell me about you.\nAna Costa: I work as a data analyst at Initech Labs.\n");
  CHECK(text_of(get(w, "employer")) == "Initech Labs");
  CHECK(text_of(get(w, "title")) == "data analyst");

  auto notes = draft({kWho[0]}, "", "# Screen\n- Currently a staff engineer at Shopify\n");
  CHECK(text_of(get(notes, "employer")) == "Shopify");
}

TEST_CASE("self-introduction: past tense, the interviewer's own intro, a hedge or no company name do not count") {
  auto past = draft(kWho, "Tom Hale: Tell me about yourself.\nAna Costa: I was a product designer at Airbnb until March.\n");
  CHECK(get(past, "employer").decision == Decision::skipped);
  auto interviewer = draft(kWho, "Tom Hale: I'm a recruiter at Acme, by the way.\nAna Costa: Nice to meet you.\n");
  CHECK(get(interviewer, "employer").decision == Decision::skipped);
  auto hedged = draft(kWho, "Tom Hale: And now?\nAna Costa: I think I'm a contractor at Globex, technically.\n");
  CHECK(get(hedged, "employer").decision == Decision::skipped);
  auto nameless = draft(kWho, "Tom Hale: And now?\nAna Costa: I'm a team lead at the moment.\n");
  CHECK(get(nameless, "employer").decision == Decision::skipped);
}

TEST_CASE("softened preferences: 'ideally' and 'preferably' state the preference, a real hedge still hedges") {
  const std::vector<FormField> arr{field("arr", FieldType::dropdown, "Preferred work arrangement", {"Remote", "Hybrid", "Onsite"})};
  auto ideally = draft(arr, "Tom Hale: Remote, hybrid or onsite?\nAna Costa: Ideally hybrid.\n");
  REQUIRE(get(ideally, "arr").decision == Decision::filled);
  CHECK(text_of(get(ideally, "arr")) == "Hybrid");
  auto preferably = draft(arr, "", "- Work arrangement: preferably remote\n");
  REQUIRE(get(preferably, "arr").decision == Decision::filled);
  CHECK(text_of(get(preferably, "arr")) == "Remote");
  auto maybe = draft(arr, "Tom Hale: Remote, hybrid or onsite?\nAna Costa: Maybe hybrid, it depends on the team.\n");
  CHECK(get(maybe, "arr").decision == Decision::skipped);
  CHECK(get(maybe, "arr").skip == SkipCode::hedged);
  CHECK(detail::is_hedged(detail::tokenize("Ideally remote, if the team allows it")));  // the condition hedges
}

TEST_CASE("willingness answers yes/no: 'happy to', 'open to', 'fine with' — and their negations") {
  const std::vector<FormField> f{field("reloc", FieldType::yes_no, "Is the candidate willing to relocate?"),
                                 field("travel", FieldType::yes_no, "Is the candidate able to travel?")};
  auto yes = draft(f, "Tom Hale: Would you be open to relocating to Lisbon?\n"
                      "Ana Costa: I'm open to that.\n"
                      "Tom Hale: There is some travel to the Berlin office.\n"
                      "Ana Costa: I'm fine with that.\n");
  REQUIRE(get(yes, "reloc").decision == Decision::filled);
  CHECK(text_of(get(yes, "reloc")) == "yes");
  REQUIRE(get(yes, "travel").decision == Decision::filled);
  CHECK(text_of(get(yes, "travel")) == "yes");

  auto no = draft(f, "Tom Hale: Would you be open to relocating to Seattle?\n"
                     "Ana Costa: No, I'm not open to relocating, my kids are in school here.\n"
                     "Tom Hale: The role has frequent travel.\n"
                     "Ana Costa: I'd rather not, honestly.\n");
  REQUIRE(get(no, "reloc").decision == Decision::filled);
  CHECK(text_of(get(no, "reloc")) == "no");
  REQUIRE(get(no, "travel").decision == Decision::filled);
  CHECK(text_of(get(no, "travel")) == "no");

  auto notes = draft(f, "", "- Relocation: happy to relocate to London\n- Travel: fine with monthly travel\n");
  CHECK(text_of(get(notes, "reloc")) == "yes");
  CHECK(text_of(get(notes, "travel")) == "yes");
}

TEST_CASE("stems: a label's base form meets the -ing and -ed forms of the conversation") {
  CHECK(detail::stem("relocate") == detail::stem("relocating"));
  CHECK(detail::stem("relocate") == detail::stem("relocated"));
  CHECK(detail::stem("commute") == detail::stem("commuting"));
  CHECK(detail::stem("date") == "date");  // short words keep their e
  CHECK(detail::stem("skills") == "skill");
  CHECK(detail::stem("free") == "free");
}
