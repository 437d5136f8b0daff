// Evaluation over the synthetic scenario corpus in tests/data/autofill/scenarios (format in its
// README): fill precision, coverage of answerable objective fields, forbidden fills, and skip
// codes where the ground truth names one. Fails below the targets of issue 6.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "detail/field_type_name.hpp"
#include "detail/text.hpp"
#include "leverkit/autofill/autofill.hpp"

using namespace leverkit;
using namespace leverkit::autofill;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  std::size_t b = 0;
  for (std::size_t i = 0; i <= s.size(); ++i)
    if (i == s.size() || s[i] == sep) {
      out.emplace_back(detail::trim(s.substr(b, i - b)));
      b = i + 1;
    }
  return out;
}

struct Expect {
  std::string id;
  enum Kind { value, abstain, forbidden } kind = value;
  std::string text;  // value, or skip code for abstain/forbidden (may be empty)
};

struct Scenario {
  std::string name;
  AutofillInput input;
  std::vector<Expect> expects;
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Scenario load(const fs::path& path) {
  Scenario sc;
  sc.name = path.filename().string();
  auto text = slurp(path);
  std::string section = "header", transcript, notes, format = "auto";
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.rfind("== ", 0) == 0) {
      section = line.substr(3);
      continue;
    }
    if (section == "header") {
      auto colon = line.find(':');
      if (colon == std::string::npos) continue;
      auto key = line.substr(0, colon);
      auto val = std::string(detail::trim(std::string_view(line).substr(colon + 1)));
      if (key == "meeting") {
        auto parts = split(val, ' ');
        sc.input.call.meeting_start = parse_iso8601(parts.at(0)).value();
        sc.input.call.time_zone = parts.size() > 1 ? parts[1] : "UTC";
      } else if (key == "candidate") {
        sc.input.call.participants.push_back({.name = val, .role = leverkit::ParticipantRole::candidate});
      } else if (key == "interviewer") {
        sc.input.call.participants.push_back({.name = val, .role = leverkit::ParticipantRole::interviewer});
      } else if (key == "format") {
        format = val;
      }
    } else if (section == "form") {
      if (detail::trim(line).empty()) continue;
      auto cols = split(line, '|');
      REQUIRE_MESSAGE(cols.size() >= 5, sc.name << ": bad form line: " << line);
      FormField f;
      f.id = cols[0];
      f.type = detail::field_type_from_name(cols[1]);
      f.type_name = cols[1];
      f.text = cols[2];
      if (!cols[3].empty())
        for (auto& o : split(cols[3], ';')) f.options.push_back(FieldOption{o, std::nullopt});
      if (cols.size() > 5 && !cols[5].empty()) f.value = cols[5];
      Expect e;
      e.id = f.id;
      if (cols[4].rfind('!', 0) == 0) {
        e.kind = Expect::forbidden;
        e.text = cols[4].substr(1);
      } else if (cols[4].rfind('-', 0) == 0 && !(cols[4].size() > 1 && std::isdigit(static_cast<unsigned char>(cols[4][1])))) {
        e.kind = Expect::abstain;
        e.text = cols[4].substr(1);
      } else {
        e.text = cols[4];
      }
      sc.input.fields.push_back(std::move(f));
      sc.expects.push_back(std::move(e));
    } else if (section == "transcript") {
      transcript += line + "\n";
    } else if (section == "notes") {
      notes += line + "\n";
    }
  }
  sc.input.template_id = "eval";
  TranscriptFormat fmt = TranscriptFormat::automatic;
  if (format == "webvtt") fmt = TranscriptFormat::webvtt;
  else if (format == "srt") fmt = TranscriptFormat::srt;
  else if (format == "lines") fmt = TranscriptFormat::speaker_lines;
  else if (format == "json") fmt = TranscriptFormat::json;
  if (!detail::trim(transcript).empty()) {
    auto t = parse_transcript(transcript, fmt);
    REQUIRE_MESSAGE(t, sc.name << ": " << (t ? "" : t.error().message));
    sc.input.transcript = std::move(t).value();
  }
  if (!detail::trim(notes).empty()) {
    auto n = parse_notes(notes);
    REQUIRE_MESSAGE(n, sc.name);
    sc.input.notes = std::move(n).value();
  }
  return sc;
}

std::string shown(const FieldOutcome& o) {
  if (o.type == FieldType::date) {
    auto ms = std::get<std::int64_t>(o.value);
    auto d = std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(std::chrono::sys_time<std::chrono::milliseconds>{std::chrono::milliseconds{ms}})};
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(d.year()), static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
  }
  if (auto* s = std::get_if<std::string>(&o.value)) return *s;
  if (auto* l = std::get_if<std::vector<std::string>>(&o.value)) return fmt::format("{}", fmt::join(*l, ";"));
  if (auto* d = std::get_if<double>(&o.value)) return fmt::format("{}", *d);
  return "?";
}

bool matches(const FieldOutcome& o, const std::string& want) {
  auto got = shown(o);
  if (!want.empty() && want[0] == '~') return detail::fold_text(got).find(detail::fold_text(want.substr(1))) != std::string::npos;
  return detail::fold_text(got) == detail::fold_text(want);
}

struct Totals {
  int fills = 0, correct = 0, answerable = 0, answered = 0, forbidden_fills = 0, forbidden_fields = 0;
  int code_checks = 0, code_ok = 0, scenarios = 0, wrong_fills = 0;
  std::map<std::string, std::pair<int, int>> per_type;  // fills, correct
  std::vector<std::string> problems;
};

// "scenarios" is the TRAINING set (the engine was tuned on it); "heldout" is frozen and was
// never tuned on (tests/data/autofill/heldout/README.md).
Totals evaluate(const AutofillOptions& opt = {}, const char* set = "scenarios") {
  Totals t;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(fs::path(LEVERKIT_TEST_DATA_DIR) / "autofill" / set))
    if (e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    auto sc = load(f);
    ++t.scenarios;
    auto d = autofill::autofill(sc.input, opt);
    REQUIRE_MESSAGE(d, sc.name << ": " << (d ? "" : d.error().message));
    for (const auto& e : sc.expects) {
      auto it = std::find_if(d.value().fields.begin(), d.value().fields.end(), [&](const FieldOutcome& o) { return o.id == e.id; });
      REQUIRE(it != d.value().fields.end());
      const auto& o = *it;
      bool filled = o.decision == Decision::filled;
      if (filled) {
        ++t.fills;
        ++t.per_type[o.type_name].first;
      }
      switch (e.kind) {
        case Expect::value:
          ++t.answerable;
          if (filled && matches(o, e.text)) {
            ++t.correct;
            ++t.answered;
            ++t.per_type[o.type_name].second;
          } else if (filled) {
            ++t.wrong_fills;
            t.problems.push_back(fmt::format("{} {}: WRONG fill \"{}\", expected \"{}\"", sc.name, e.id, shown(o), e.text));
          } else {
            t.problems.push_back(fmt::format("{} {}: missed \"{}\" ({}: {})", sc.name, e.id, e.text,
                                             o.skip ? to_string(*o.skip) : "?", o.why));
          }
          break;
        case Expect::abstain:
          if (filled) ++t.wrong_fills;
          if (filled) t.problems.push_back(fmt::format("{} {}: WRONG fill \"{}\", expected a skip", sc.name, e.id, shown(o)));
          break;
        case Expect::forbidden:
          ++t.forbidden_fields;
          if (filled) {
            ++t.forbidden_fills;
            t.problems.push_back(fmt::format("{} {}: FORBIDDEN fill \"{}\"", sc.name, e.id, shown(o)));
          }
          break;
      }
      if (e.kind != Expect::value && !e.text.empty()) {
        ++t.code_checks;
        if (o.skip && to_string(*o.skip) == e.text) ++t.code_ok;
        else t.problems.push_back(fmt::format("{} {}: skip code {} expected {}", sc.name, e.id, o.skip ? to_string(*o.skip) : "none", e.text));
      }
    }
  }
  return t;
}

void print(const char* set, const Totals& t) {
  const double precision = t.fills ? static_cast<double>(t.correct) / t.fills : 1.0;
  const double coverage = t.answerable ? static_cast<double>(t.answered) / t.answerable : 0.0;
  std::printf("autofill eval (%s): %d scenarios, %d fills, %d correct, precision %.1f %%, recall %d/%d = %.1f %%, "
              "wrong fills %d, forbidden fills %d of %d forbidden fields, skip codes %d/%d\n",
              set, t.scenarios, t.fills, t.correct, 100 * precision, t.answered, t.answerable, 100 * coverage, t.wrong_fills,
              t.forbidden_fills, t.forbidden_fields, t.code_ok, t.code_checks);
  for (const auto& [type, pc] : t.per_type) std::printf("  %-16s fills %d correct %d\n", type.c_str(), pc.first, pc.second);
  for (const auto& p : t.problems) std::printf("  %s\n", p.c_str());
}

}  // namespace

// HELD-OUT set: the honest figures. Zero forbidden fills is a hard gate (a safety property, not a
// tuned number); precision, recall and wrong fills are reported for the docs.
TEST_CASE("Evaluation (held-out): zero forbidden fills (hard), figures reported") {
  auto t = evaluate({}, "heldout");
  print("held-out", t);
  CHECK(t.scenarios >= 10);
  CHECK(t.forbidden_fields > 0);
  REQUIRE(t.forbidden_fills == 0);
}

TEST_CASE("Evaluation (training set): precision >= 97 %, coverage >= 80 %, zero forbidden fills (hard)") {
  auto t = evaluate();
  const double precision = t.fills ? static_cast<double>(t.correct) / t.fills : 1.0;
  const double coverage = t.answerable ? static_cast<double>(t.answered) / t.answerable : 0.0;
  print("training", t);
  CHECK(t.scenarios >= 30);
  CHECK(t.forbidden_fields > 0);
  REQUIRE(t.forbidden_fills == 0);
  CHECK(precision >= 0.97);
  CHECK(coverage >= 0.80);
}

TEST_CASE("Evaluation: the skip codes named by the ground truth are the ones given") {
  auto t = evaluate();
  CHECK(t.code_checks >= 20);
  CHECK(t.code_ok == t.code_checks);
}

namespace {
// Tries to fill every field of every form with the first option / "yes" / a quote of the
// candidate's first words, whatever the field is.
struct FillEverything : TextModel {
  Result<std::string> complete(std::string_view prompt, std::string_view) override {
    // the prompt lists only what the engine allows; answer for ids it did NOT list as well
    (void)prompt;
    return std::string(R"({"fields":[{"id":"overall","value":"4 - Strong Hire","evidence":[{"quote":"Yes"}]},
      {"id":"py","value":"yes","evidence":[{"quote":"Python"}]},{"id":"sal","value":"90000","evidence":[{"quote":"ninety thousand"}]},
      {"id":"notes","value":"great","evidence":[{"quote":"I"}]},{"id":"age","value":"34","evidence":[{"quote":"I'm 34"}]},
      {"id":"married","value":"yes","evidence":[{"quote":"married"}]},{"id":"tech","value":"Strong","evidence":[{"quote":"Strong"}]},
      {"id":"strongpy","value":"yes","evidence":[{"quote":"Yes"}]},{"id":"impress","value":"Terraform","evidence":[{"quote":"Terraform"}]}]})");
  }
};
}  // namespace

TEST_CASE("Evaluation: a model that tries to fill everything adds no forbidden fill (hard)") {
  AutofillOptions opt;
  opt.model.model = std::make_shared<FillEverything>();
  auto t = evaluate(opt);
  REQUIRE(t.forbidden_fills == 0);
  auto h = evaluate(opt, "heldout");
  REQUIRE(h.forbidden_fills == 0);
}
