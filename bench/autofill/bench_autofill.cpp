// Autofill speed: a one-hour interview transcript (~10,000 words) against a 20-field form.
// Baselines measured in the same run: parsing + tokenising the transcript once (the floor any
// engine pays), and a naive extractor that rescans every utterance for every field.
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <random>
#include <string>
#include <vector>

#include "detail/text.hpp"
#include "leverkit/autofill/autofill.hpp"

using namespace leverkit;
using namespace leverkit::autofill;

namespace {

std::string make_transcript(std::size_t target_words) {
  static const std::vector<std::string> kQuestions{
      "Can you walk me through the architecture of your last project?",
      "How did you handle on-call at your previous team?",
      "What was the hardest bug you fixed last year?",
      "How do you usually test a change like that?",
      "Tell me about a time you disagreed with a product manager.",
      "How big was the team you worked with?"};
  static const std::vector<std::string> kAnswers{
      "So we had a set of services talking over a message queue, and the main challenge was keeping the "
      "ordering guarantees while we scaled out the consumers, which took a few iterations to get right.",
      "Um, we rotated weekly, and I wrote most of the runbooks, because a lot of the alerts were noisy and "
      "people kept getting paged for things that did not need a human at three in the morning.",
      "It was a race in the cache invalidation path, and it only showed up under load, so we built a small "
      "harness to replay production traffic and finally caught it after a couple of days.",
      "Mostly unit tests around the core logic, then an integration suite against a staging copy of the "
      "database, and we had canaries for the riskier deployments so we could roll back quickly.",
      "We had different views on a launch date, and I put together the data on the error budget, and in "
      "the end we agreed to ship behind a flag to a small share of customers first.",
      "Around eight engineers, plus a designer and a product manager who joined halfway through the year."};
  static const std::vector<std::pair<std::string, std::string>> kFacts{
      {"Do you need visa sponsorship?", "No, I don't need sponsorship, I'm a permanent resident."},
      {"When could you start?", "I could start in three weeks, so March 23rd."},
      {"Do you prefer remote, hybrid or onsite?", "Hybrid works best for me."},
      {"Which languages have you used professionally?", "Mostly Python and Go, and some Java years ago."},
      {"Where are you based?", "I'm based in Lisbon, Portugal."},
      {"What's your notice period?", "It's four weeks at my current company."},
      {"What are your salary expectations?", "I'm looking for $150k base."},
      {"Would you relocate?", "No, I'd rather not relocate."},
      {"Who is your current employer?", "I work at Globex Corporation on the payments team."},
      {"How many years of experience do you have?", "About nine years of backend work."}};
  std::mt19937 rng(42);
  std::string out;
  std::size_t words = 0, sec = 0, fact = 0;
  auto line = [&](std::string_view who, const std::string& text) {
    out += fmt::format("[{:02}:{:02}:{:02}] {}: {}\n", sec / 3600, sec / 60 % 60, sec % 60, who, text);
    words += static_cast<std::size_t>(std::count(text.begin(), text.end(), ' ')) + 3;
    sec += 6 + text.size() / 15;
  };
  std::size_t turn = 0;
  while (words < target_words) {
    if (turn % 12 == 5 && fact < kFacts.size()) {
      line("Sam Lee", kFacts[fact].first);
      line("Dana Reyes", kFacts[fact].second);
      ++fact;
    } else {
      line("Sam Lee", kQuestions[rng() % kQuestions.size()]);
      line("Dana Reyes", kAnswers[rng() % kAnswers.size()]);
    }
    ++turn;
  }
  return out;
}

std::vector<FormField> make_form() {
  auto f = [](std::string id, FieldType t, std::string text, std::vector<std::string> opts = {}) {
    FormField x;
    x.id = std::move(id);
    x.type = t;
    x.text = std::move(text);
    for (auto& o : opts) x.options.push_back(FieldOption{std::move(o), std::nullopt});
    return x;
  };
  return {
      f("1", FieldType::score_system, "Overall rating", {"4 - Strong Hire", "3 - Hire", "2 - No Hire", "1 - Strong No Hire"}),
      f("2", FieldType::yes_no, "Does the candidate require visa sponsorship?"),
      f("3", FieldType::date, "Earliest start date"),
      f("4", FieldType::dropdown, "Preferred work arrangement", {"Remote", "Hybrid", "Onsite"}),
      f("5", FieldType::multiple_select, "Languages used professionally", {"Java", "JavaScript", "Python", "Go", "Rust"}),
      f("6", FieldType::text, "Where is the candidate based?"),
      f("7", FieldType::text, "Notice period"),
      f("8", FieldType::text, "Salary expectations"),
      f("9", FieldType::yes_no, "Is the candidate willing to relocate?"),
      f("10", FieldType::text, "Current employer"),
      f("11", FieldType::text, "Years of experience"),
      f("12", FieldType::yes_no, "Does the candidate have strong Python skills?"),
      f("13", FieldType::textarea, "Strengths"),
      f("14", FieldType::textarea, "Concerns"),
      f("15", FieldType::textarea, "Notes"),
      f("16", FieldType::text, "Current salary"),
      f("17", FieldType::scorecard, "Skills"),
      f("18", FieldType::yes_no, "Has the candidate worked with Kubernetes?"),
      f("19", FieldType::date, "Graduation date"),
      f("20", FieldType::multiple_choice, "Communication", {"1", "2", "3", "4", "5"}),
  };
}

struct Fixture {
  std::string text = make_transcript(10000);
  std::vector<FormField> form = make_form();
  AutofillInput input;
  Fixture() {
    input.template_id = "bench";
    input.fields = form;
    input.transcript = parse_transcript(text).value();
    input.call.meeting_start = parse_iso8601("2026-03-02T15:00:00Z").value();
    input.call.time_zone = "Europe/Lisbon";
    input.call.participants = {{.name = "Dana Reyes", .role = leverkit::ParticipantRole::candidate}, {.name = "Sam Lee", .role = leverkit::ParticipantRole::interviewer}};
  }
};

const Fixture& fixture() {
  static const Fixture f;
  return f;
}

// Baseline 1: parse the transcript and tokenise every utterance once.
void BM_Baseline_ParseTokenize(benchmark::State& state) {
  const auto& fx = fixture();
  for (auto _ : state) {
    auto t = parse_transcript(fx.text).value();
    std::size_t n = 0;
    for (const auto& u : t.utterances) n += detail::tokenize(u.text).size();
    benchmark::DoNotOptimize(n);
  }
  state.counters["words"] = static_cast<double>(std::count(fx.text.begin(), fx.text.end(), ' '));
}
BENCHMARK(BM_Baseline_ParseTokenize)->Unit(benchmark::kMillisecond);

// Baseline 2: a naive extractor — for each field, tokenise and scan every utterance for the
// label's words (no index), keeping the best-overlapping utterance.
void BM_Baseline_NaivePerFieldScan(benchmark::State& state) {
  const auto& fx = fixture();
  for (auto _ : state) {
    std::size_t best_total = 0;
    for (const auto& f : fx.form) {
      auto label = detail::words(f.text);
      std::size_t best = 0;
      for (const auto& u : fx.input.transcript.utterances) {
        std::size_t hits = 0;
        for (const auto& t : detail::tokenize(u.text))
          for (const auto& w : label) hits += (t.norm == w);
        best = std::max(best, hits);
      }
      best_total += best;
    }
    benchmark::DoNotOptimize(best_total);
  }
}
BENCHMARK(BM_Baseline_NaivePerFieldScan)->Unit(benchmark::kMillisecond);

// The engine on a parsed transcript: index, classify, retrieve, read, validate, 20 fields.
void BM_Autofill_20Fields(benchmark::State& state) {
  const auto& fx = fixture();
  std::size_t filled = 0;
  for (auto _ : state) {
    auto d = autofill::autofill(fx.input).value();
    filled = d.filled_count();
    benchmark::DoNotOptimize(d);
  }
  state.counters["filled"] = static_cast<double>(filled);
}
BENCHMARK(BM_Autofill_20Fields)->Unit(benchmark::kMillisecond);

// End to end from the transcript text.
void BM_Autofill_ParseAnd20Fields(benchmark::State& state) {
  const auto& fx = fixture();
  for (auto _ : state) {
    auto in = fx.input;
    in.transcript = parse_transcript(fx.text).value();
    auto d = autofill::autofill(in).value();
    benchmark::DoNotOptimize(d);
  }
}
BENCHMARK(BM_Autofill_ParseAnd20Fields)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
