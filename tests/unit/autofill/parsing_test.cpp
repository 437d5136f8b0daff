// Transcript and notes readers, the field classifier, and the typed readers.
#include <doctest/doctest.h>

#include <chrono>

#include "detail/readers.hpp"
#include "detail/text.hpp"
#include "leverkit/autofill/classifier.hpp"
#include "leverkit/autofill/transcript.hpp"

using namespace leverkit;
using namespace leverkit::autofill;
using namespace std::chrono;

TEST_CASE("WebVTT: voice tags, plain speaker cues, merged turns, NOTE blocks") {
  auto t = parse_transcript(
      "WEBVTT\n\nNOTE recorded by notetaker\nsecond line\n\n"
      "intro\n00:00:01.000 --> 00:00:04.000 align:start\n<v Sam Lee>Hello <i>there</i>.</v>\n\n"
      "00:00:04.500 --> 00:00:06.000\n<v Sam Lee>Where are you based?\n\n"
      "01:00:07.250 --> 01:00:09.000\nDana Reyes: In Lisbon &amp; Porto.\n");
  REQUIRE(t);
  CHECK(t.value().format == TranscriptFormat::webvtt);
  REQUIRE(t.value().utterances.size() == 2);
  CHECK(t.value().utterances[0].speaker == "Sam Lee");
  CHECK(t.value().utterances[0].text == "Hello there. Where are you based?");
  CHECK(t.value().utterances[0].start_ms == 1000);
  CHECK(t.value().utterances[0].end_ms == 6000);
  CHECK(t.value().utterances[1].speaker == "Dana Reyes");
  CHECK(t.value().utterances[1].text == "In Lisbon & Porto.");
  CHECK(t.value().utterances[1].start_ms == 3607250);
}

TEST_CASE("WebVTT and SRT: unreadable timing is an error naming the line") {
  auto bad = parse_transcript("WEBVTT\n\n00:00:01.000 --> soon\n<v A>x\n");
  REQUIRE_FALSE(bad);
  CHECK(bad.error().code == Errc::invalid_argument);
  CHECK(bad.error().message.find("line 3") != std::string::npos);
  auto srt = parse_transcript("hello\nworld\n", TranscriptFormat::srt);
  REQUIRE_FALSE(srt);
  CHECK(srt.error().message.find("SRT: line 1") != std::string::npos);
  CHECK_FALSE(parse_transcript("WEBVTT\n\n"));  // no speech
}

TEST_CASE("SRT with speaker prefixes") {
  auto t = parse_transcript("1\n00:00:02,000 --> 00:00:05,000\nTom: Notice period?\n\n2\n00:00:05,500 --> 00:00:09,000\nPriya: Four weeks.\nStill four.\n");
  REQUIRE(t);
  CHECK(t.value().format == TranscriptFormat::srt);
  REQUIRE(t.value().utterances.size() == 2);
  CHECK(t.value().utterances[1].speaker == "Priya");
  CHECK(t.value().utterances[1].text == "Four weeks. Still four.");
  CHECK(t.value().utterances[1].start_ms == 5500);
}

TEST_CASE("Speaker lines: timestamps, continuation lines, and a clear error without a speaker") {
  auto t = parse_transcript("[00:01:02] Lena Ortiz: Hi.\ncontinued here\n00:01:10 Marcus Webb: Hello!\nMarcus Webb: Again.\n");
  REQUIRE(t);
  REQUIRE(t.value().utterances.size() == 2);
  CHECK(t.value().utterances[0].text == "Hi. continued here");
  CHECK(t.value().utterances[0].start_ms == 62000);
  CHECK(t.value().utterances[1].text == "Hello! Again.");
  CHECK(t.value().utterances[1].start_ms == 70000);
  auto bad = parse_transcript("just some words without a label\n", TranscriptFormat::speaker_lines);
  REQUIRE_FALSE(bad);
  CHECK(bad.error().message.find("line 1") != std::string::npos);
}

TEST_CASE("JSON utterances: start_ms or start seconds, wrapped or bare, error paths") {
  auto a = parse_transcript(R"([{"speaker":"A","start_ms":1500,"end_ms":2000,"text":"Hi"},{"speaker":"B","start":2.25,"text":"Yo"}])");
  REQUIRE(a);
  CHECK(a.value().format == TranscriptFormat::json);
  REQUIRE(a.value().utterances.size() == 2);
  CHECK(a.value().utterances[0].start_ms == 1500);
  CHECK(a.value().utterances[1].start_ms == 2250);
  auto b = parse_transcript(R"({"utterances":[{"speaker":"A","text":"Hi"}]})");
  REQUIRE(b);
  CHECK(b.value().utterances[0].speaker == "A");
  auto bad = parse_transcript(R"([{"speaker":"A","text":"Hi"},{"speaker":"B"}])");
  REQUIRE_FALSE(bad);
  CHECK(bad.error().message.find("$[1].text") != std::string::npos);
  auto bad_time = parse_transcript(R"([{"speaker":"A","text":"Hi","start_ms":"soon"}])");
  REQUIRE_FALSE(bad_time);
  CHECK(bad_time.error().message.find("$[0].start_ms") != std::string::npos);
}

TEST_CASE("Notes: headings and keys become topics, code blocks are kept verbatim") {
  auto n = parse_notes("# Logistics\n- **Notice period:** 4 weeks\n* Open to hybrid work\n1. Start date: April 1st\n```\nint main() {}\n```\n");
  REQUIRE(n);
  REQUIRE(n.value().utterances.size() == 4);
  CHECK(n.value().utterances[0].topic == "Notice period");
  CHECK(n.value().utterances[0].text == "4 weeks");
  CHECK(n.value().utterances[1].topic == "Logistics");
  CHECK(n.value().utterances[1].role == SpeakerRole::notes);
  CHECK(n.value().utterances[2].topic == "Start date");
  CHECK(n.value().utterances[3].code_block);
  CHECK(n.value().utterances[3].text == "int main() {}\n");
  CHECK_FALSE(parse_notes("```\nunterminated\n"));
}

namespace {
FormField typed_field(FieldType t, std::string text, std::vector<std::string> options = {}) {
  FormField f;
  f.type = t;
  f.text = std::move(text);
  for (auto& o : options) f.options.push_back(FieldOption{std::move(o), std::nullopt});
  return f;
}
}  // namespace

TEST_CASE("Classifier: types, rating option sets, sensitive topics, quality words, vague labels") {
  CHECK(classify_field(typed_field(FieldType::score_system, "Overall")).cls == FieldClass::evaluative_type);
  CHECK(classify_field(typed_field(FieldType::score, "Thumbs")).cls == FieldClass::evaluative_type);
  CHECK(classify_field(typed_field(FieldType::scorecard, "Skills")).cls == FieldClass::evaluative_type);
  CHECK(classify_field(typed_field(FieldType::dropdown, "Coding", {"1", "2", "3", "4"})).cls == FieldClass::evaluative_options);
  CHECK(classify_field(typed_field(FieldType::dropdown, "Verdict", {"Strong hire", "Hire", "No hire"})).cls == FieldClass::evaluative_options);
  CHECK(classify_field(typed_field(FieldType::dropdown, "Bar", {"Exceeds expectations", "Meets expectations", "Below"})).cls == FieldClass::evaluative_options);
  // a numeric bucket set is not a rating scale
  CHECK(classify_field(typed_field(FieldType::dropdown, "Years of experience", {"0-2 years", "3-5 years", "6+ years"})).cls == FieldClass::objective);
  CHECK(classify_field(typed_field(FieldType::text, "Candidate's age")).cls == FieldClass::sensitive);
  CHECK(classify_field(typed_field(FieldType::text, "Salary history")).cls == FieldClass::sensitive);
  CHECK(classify_field(typed_field(FieldType::text, "What does the candidate currently earn?")).cls == FieldClass::sensitive);
  CHECK(classify_field(typed_field(FieldType::yes_no, "Does the candidate have children?")).cls == FieldClass::sensitive);
  CHECK(classify_field(typed_field(FieldType::text, "Salary expectations")).cls == FieldClass::objective);
  CHECK(classify_field(typed_field(FieldType::yes_no, "Does the candidate have strong Python skills?")).cls == FieldClass::subjective);
  CHECK(classify_field(typed_field(FieldType::yes_no, "Has the candidate used Python professionally?")).cls == FieldClass::objective);
  CHECK(classify_field(typed_field(FieldType::textarea, "General thoughts")).cls == FieldClass::subjective);
  CHECK(classify_field(typed_field(FieldType::textarea, "Would you hire this person?")).cls == FieldClass::subjective);
  CHECK(classify_field(typed_field(FieldType::textarea, "Notes")).cls == FieldClass::vague);
  CHECK(classify_field(typed_field(FieldType::text, "Other")).cls == FieldClass::vague);
  CHECK(classify_field(typed_field(FieldType::textarea, "Anything else?")).cls == FieldClass::vague);
  CHECK(classify_field(typed_field(FieldType::text, "Highest level of education")).cls == FieldClass::objective);
  CHECK(classify_field(typed_field(FieldType::text, "Favourite colour")).cls == FieldClass::unclassified);
  CHECK(classify_field(typed_field(FieldType::text, "Why does the candidate want to join our company?")).cls == FieldClass::unclassified);
  auto c = classify_field(typed_field(FieldType::date, "Earliest start date"));
  CHECK(c.cls == FieldClass::objective);
  CHECK(c.concept_hint == Concept::start_date);
  CHECK_FALSE(c.reason.empty());
}

namespace {
detail::YesNoReading yn(std::string_view q, std::string_view a, std::vector<std::string> keys, bool qm = true) {
  return detail::read_yes_no(detail::tokenize(q), qm, detail::tokenize(a), true, keys);
}
}  // namespace

TEST_CASE("Yes/no reader: negation scope, pseudo-negation, hedges, conditionals, negative questions") {
  std::vector<std::string> k{"visa", "sponsorship"};
  auto r = yn("Do you need sponsorship?", "No, I don't need sponsorship.", k);
  CHECK(r.status == detail::ReadStatus::value);
  CHECK_FALSE(r.yes);
  r = yn("Do you need sponsorship?", "I will need sponsorship, I don't have a green card.", k);
  CHECK(r.status == detail::ReadStatus::value);
  CHECK(r.yes);
  r = yn("Do you need a visa?", "Yes, no problem, I need a visa.", k);
  CHECK(r.yes);
  CHECK(yn("Do you need sponsorship?", "I think I might need a visa.", k).status == detail::ReadStatus::hedged);
  CHECK(yn("Do you need sponsorship?", "If I move to the US office, yes.", k).status == detail::ReadStatus::hedged);
  r = yn("You don't need sponsorship, right?", "Right.", k);
  CHECK(r.status == detail::ReadStatus::value);
  CHECK_FALSE(r.yes);
  CHECK(yn("You don't need sponsorship, right?", "No.", k).status == detail::ReadStatus::ambiguous);
  r = yn("Do you need sponsorship?", "Yes.", k);
  CHECK(r.yes);
  // a bare "yes" counts only as the answer to this field's question
  CHECK(yn("Do you like Lisbon?", "Yes.", k, false).status == detail::ReadStatus::none);
}

TEST_CASE("Date reader: absolute, year-less future-leaning, relative to the meeting day, vague periods") {
  const year_month_day ref{year{2026}, March, day{2}};  // a Monday
  auto read = [&](std::string_view s) { return detail::read_dates(s, detail::tokenize(s), ref); };
  auto one = [&](std::string_view s) {
    auto v = read(s);
    REQUIRE(v.size() == 1);
    REQUIRE(v[0].status == detail::ReadStatus::value);
    return detail::iso_date(v[0].date);
  };
  CHECK(one("starting March 3rd") == "2026-03-03");
  CHECK(one("on the 16th of March") == "2026-03-16");
  CHECK(one("3 March 2027") == "2027-03-03");
  CHECK(one("2026-04-01 works") == "2026-04-01");
  CHECK(one("February 10th") == "2027-02-10");  // already past this year: next year
  CHECK(one("next Monday") == "2026-03-09");
  CHECK(one("on Friday") == "2026-03-06");
  CHECK(one("in two weeks") == "2026-03-16");
  CHECK(one("in a couple of weeks") == "2026-03-16");
  CHECK(one("three weeks from now") == "2026-03-23");
  CHECK(one("end of the month") == "2026-03-31");
  CHECK(one("beginning of next month") == "2026-04-01");
  CHECK(one("tomorrow") == "2026-03-03");
  for (std::string_view vague : {"next week", "sometime in April", "in a few weeks", "asap"}) {
    auto v = read(vague);
    REQUIRE(v.size() == 1);
    CHECK(v[0].status == detail::ReadStatus::ambiguous);
  }
  CHECK(read("I may join later").empty());  // "may" is a verb here
}

TEST_CASE("Number reader: digits, k, money, number words, ranges") {
  auto read = [](std::string_view s) { return detail::read_numbers(s, detail::tokenize(s)); };
  auto v = read("I have twelve years of experience");
  REQUIRE(v.size() == 1);
  CHECK(detail::format_number(v[0]) == "12 years");
  v = read("I'm looking for $150k base");
  REQUIRE(v.size() == 1);
  CHECK(detail::format_number(v[0]) == "150000 USD");
  v = read("a hundred and fifty thousand");
  REQUIRE(v.size() == 1);
  CHECK(v[0].value == doctest::Approx(150000));
  v = read("about 1,500 people");
  REQUIRE(v.size() == 1);
  CHECK(v[0].value == doctest::Approx(1500));
  v = read("5 or 6 years");
  REQUIRE(v.size() == 1);
  CHECK(v[0].range);
  CHECK(v[0].status == detail::ReadStatus::ambiguous);
  v = read("between 120 and 130k");
  REQUIRE(v.size() == 1);
  CHECK(v[0].value == doctest::Approx(120000));
  CHECK(v[0].high == doctest::Approx(130000));
}

TEST_CASE("Option matching: whole tokens only, common-word names need capitals") {
  auto find = [](std::string_view s, std::string_view opt) {
    return detail::find_option(s, detail::tokenize(s), detail::words(opt));
  };
  CHECK(find("I write JavaScript daily", "Java") < 0);
  CHECK(find("I write JavaScript daily", "JavaScript") >= 0);
  CHECK(find("Java Script mostly", "Java") < 0);
  CHECK(find("I'd go with whatever you use", "Go") < 0);
  CHECK(find("Mostly Python and Go", "Go") >= 0);
  CHECK(find("Mostly C++ at work", "C") < 0);
  CHECK(find("Mostly C++ at work", "C++") >= 0);
  CHECK(find("some C# too", "C#") >= 0);
  auto b = detail::option_bucket("6-9 years");
  REQUIRE(b);
  CHECK(b->lo == 6);
  CHECK(b->hi == 9);
  CHECK(b->unit == "year");
  auto plus = detail::option_bucket("10+ years");
  REQUIRE(plus);
  CHECK(plus->lo == 10);
}

#include <random>

#include "leverkit/autofill/autofill.hpp"
#include "leverkit/autofill/form_json.hpp"

TEST_CASE("Robustness: random and truncated inputs give values or errors, never a crash") {
  std::mt19937 rng(1234);
  const std::string alphabet =
      "abcXYZ019 :.,?!-->[]{}<>\"'\n\t#*`$k\xE2\x80\x99\xC3\xA9";
  const std::vector<std::string> seeds{
      "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Dana>I could start on March 3rd.\n",
      "1\n00:00:01,000 --> 00:00:02,000\nDana: No, I don't need a visa.\n",
      "[00:00:01] Sam: When?\n[00:00:02] Dana: In two weeks, 99999999999999999999999999 years.\n",
      R"([{"speaker":"Dana","start":1.5,"text":"Hybrid, actually remote"}])",
      "# Notes\n- Start date: next Monday\n```\ncode\n```\n"};
  FormField yes_no;
  yes_no.id = "v";
  yes_no.type = FieldType::yes_no;
  yes_no.text = "Does the candidate require visa sponsorship?";
  FormField date;
  date.id = "d";
  date.type = FieldType::date;
  date.text = "Earliest start date";
  int parsed = 0;
  for (int iter = 0; iter < 1500; ++iter) {
    std::string s = seeds[static_cast<std::size_t>(iter) % seeds.size()];
    // truncate, then mutate a few bytes
    s.resize(rng() % (s.size() + 1));
    for (int k = 0; k < 4 && !s.empty(); ++k) s[rng() % s.size()] = alphabet[rng() % alphabet.size()];
    for (auto fmt : {TranscriptFormat::automatic, TranscriptFormat::webvtt, TranscriptFormat::srt,
                     TranscriptFormat::speaker_lines, TranscriptFormat::json}) {
      auto t = parse_transcript(s, fmt);
      if (!t) {
        CHECK(t.error().code == Errc::invalid_argument);
        continue;
      }
      ++parsed;
      AutofillInput in;
      in.template_id = "t";
      in.fields = {yes_no, date};
      in.transcript = std::move(t).value();
      in.call.participants = {{.name = "Dana", .role = leverkit::ParticipantRole::candidate}};
      in.call.meeting_start = parse_iso8601("2026-03-02T15:00:00Z").value();
      auto d = autofill::autofill(in);
      REQUIRE(d);
      CHECK(d.value().fields.size() == 2);
    }
    auto n = parse_notes(s);
    if (!n) CHECK(n.error().code == Errc::invalid_argument);
    auto f = read_form_json(s);
    if (!f) CHECK(f.error().code == Errc::decode_error);
  }
  CHECK(parsed > 100);
}
