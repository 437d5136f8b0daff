// Evaluation: hand-written scenarios (tests/data/match/scenarios.jsonl against the Lever world in
// tests/data/match/lever/) and the seeded synthetic generator. Fails below the targets:
// auto-link precision >= 99 %, recall >= 95 %, reason-code accuracy >= 95 %.
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <simdjson.h>

#include <fstream>
#include <map>
#include <sstream>

#include "leverkit/match/call_json.hpp"
#include "leverkit/match/lever_files.hpp"
#include "leverkit/match/matcher.hpp"
#include "leverkit/match/synthetic.hpp"

using namespace leverkit::match;

namespace {

struct Expect {
  MatchStatus status = MatchStatus::no_match;
  std::string interview_id, opportunity_id, panel_id, reason, warning, family, batch;
};

struct Metrics {
  int total = 0, gold_matched = 0, out_matched = 0, correct_links = 0, review = 0, nonmatch = 0, reason_ok = 0, warn_total = 0,
      warn_ok = 0;
  std::vector<std::string> failures;
  double precision() const { return out_matched ? static_cast<double>(correct_links) / out_matched : 1.0; }
  double recall() const { return gold_matched ? static_cast<double>(correct_links) / gold_matched : 1.0; }
  double review_rate() const { return total ? static_cast<double>(review) / total : 0.0; }
  double reason_accuracy() const { return nonmatch ? static_cast<double>(reason_ok) / nonmatch : 1.0; }
};

void score(Metrics& m, const Expect& g, const MatchResult& r, const std::string& label) {
  ++m.total;
  if (r.status == MatchStatus::needs_review) ++m.review;
  bool link_ok = false;
  if (g.status == MatchStatus::matched) {
    ++m.gold_matched;
    link_ok = r.status == MatchStatus::matched && r.opportunity_id.value_or("") == g.opportunity_id &&
              r.interview_id.value_or("") == g.interview_id && (g.panel_id.empty() || r.panel_id.value_or("") == g.panel_id);
  }
  if (r.status == MatchStatus::matched) {
    ++m.out_matched;
    if (link_ok) ++m.correct_links;
  }
  bool ok = link_ok;
  if (g.status != MatchStatus::matched) {
    ++m.nonmatch;
    bool reason_ok = r.status != MatchStatus::matched && !r.reasons.empty() && to_string(r.reasons.front().code) == g.reason;
    if (reason_ok) ++m.reason_ok;
    ok = reason_ok && r.status == g.status;
  }
  if (!g.warning.empty()) {
    ++m.warn_total;
    bool w = std::any_of(r.warnings.begin(), r.warnings.end(), [&](const auto& x) { return to_string(x.code) == g.warning; });
    if (w) ++m.warn_ok;
    ok = ok && w;
  }
  if (!ok)
    m.failures.push_back(fmt::format("{} [{}]: expected {} {} {} {} -> got {} {} {} {} | {}", label, g.family, to_string(g.status),
                                     g.interview_id, g.reason, g.warning, to_string(r.status), r.interview_id.value_or("-"),
                                     r.reasons.empty() ? "" : to_string(r.reasons.front().code),
                                     r.warnings.empty() ? "" : to_string(r.warnings.front().code), r.explanation));
}

std::string str(simdjson::dom::element e, const char* k) {
  auto v = e[k];
  if (v.error() || !v.value_unsafe().is_string()) return {};
  return std::string(v.value_unsafe().get_string().value_unsafe());
}

void report(const char* what, const Metrics& m) {
  MESSAGE(fmt::format("{}: {} calls, precision {:.4f} ({}/{}), recall {:.4f} ({}/{}), review rate {:.4f}, reason accuracy {:.4f} "
                      "({}/{}), warnings {}/{}",
                      what, m.total, m.precision(), m.correct_links, m.out_matched, m.recall(), m.correct_links, m.gold_matched,
                      m.review_rate(), m.reason_accuracy(), m.reason_ok, m.nonmatch, m.warn_ok, m.warn_total));
  for (const auto& f : m.failures) MESSAGE(f);
}

// Runs one scenario file against its Lever world; calls sharing a "batch" id are matched
// together (duplicate/split grouping, one-to-one assignment), others alone.
Metrics run_scenarios(const std::string& lever_dir, const std::string& scenarios_path) {
  Metrics m;
  auto snap = load_lever_directory(lever_dir);
  REQUIRE_MESSAGE(snap, (snap ? "" : snap.error().to_string()));
  Index index = Index::build(std::move(snap).value());
  Matcher matcher(std::move(index));

  std::ifstream in(scenarios_path);
  REQUIRE(in);
  std::string line;
  std::vector<Call> calls;
  std::vector<Expect> gold;
  simdjson::dom::parser parser;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    auto call = parse_call_json(line);
    if (!call) FAIL_CHECK(call.error().to_string() << " in " << line);
    REQUIRE(call);
    calls.push_back(std::move(call).value());
    simdjson::dom::element doc = parser.parse(line).value();
    simdjson::dom::element e = doc["expect"].value();
    Expect x;
    std::string st = str(e, "status");
    x.status = st == "matched" ? MatchStatus::matched : st == "needs_review" ? MatchStatus::needs_review : MatchStatus::no_match;
    x.interview_id = str(e, "interview_id");
    x.opportunity_id = str(e, "opportunity_id");
    x.panel_id = str(e, "panel_id");
    x.reason = str(e, "reason");
    x.warning = str(e, "warning");
    x.family = str(e, "family");
    x.batch = str(doc, "batch");
    gold.push_back(std::move(x));
  }
  std::map<std::string, std::vector<std::size_t>> batches;
  for (std::size_t i = 0; i < calls.size(); ++i) {
    if (!gold[i].batch.empty()) { batches[gold[i].batch].push_back(i); continue; }
    score(m, gold[i], matcher.match(calls[i]), calls[i].id);
  }
  for (const auto& [id, members] : batches) {
    std::vector<Call> group;
    for (auto i : members) group.push_back(calls[i]);
    auto results = matcher.match_batch(group);
    for (std::size_t k = 0; k < members.size(); ++k) score(m, gold[members[k]], results[k], calls[members[k]].id);
  }
  return m;
}

}  // namespace

// TRAINING set: the weights were tuned on these scenarios (ADR 0040), so the targets here show
// the rules do what they say, not field accuracy.
TEST_CASE("hand-written scenarios (training set) meet the precision, recall and reason-accuracy targets") {
  const std::string dir = std::string(LEVERKIT_TEST_DATA_DIR) + "/match";
  Metrics m = run_scenarios(dir + "/lever", dir + "/scenarios.jsonl");
  report("hand-written (training)", m);
  CHECK(m.total >= 40);
  CHECK(m.precision() >= 0.99);
  CHECK(m.recall() >= 0.95);
  CHECK(m.reason_accuracy() >= 0.95);
  CHECK(m.warn_ok == m.warn_total);
}

// HELD-OUT set (tests/data/match/heldout, frozen, never tuned on): its figures are the honest
// ones. Only auto-link precision is a gate — a wrong link is the costly error; recall, reason
// accuracy and warnings are reported for the docs, not tuned to.
TEST_CASE("held-out scenarios: auto-link precision >= 95 %, figures reported") {
  const std::string dir = std::string(LEVERKIT_TEST_DATA_DIR) + "/match/heldout";
  Metrics m = run_scenarios(dir + "/lever", dir + "/scenarios.jsonl");
  report("hand-written (held-out)", m);
  CHECK(m.total >= 30);
  CHECK(m.precision() >= 0.95);
}

TEST_CASE("synthetic scenarios (seeded generator) meet the targets") {
  for (std::uint64_t seed : {11u, 29u}) {
    auto world = synthetic::generate({.seed = seed, .opportunities = 400, .interviews_per_opportunity = 3, .calls = 400,
                                      .interviews_per_day = 40});
    auto calls = world.calls;
    Index index = Index::build(std::move(world.snapshot));
    Matcher matcher(std::move(index));
    Metrics m;
    for (const auto& lc : calls) {
      Expect g;
      g.status = lc.gold.status;
      g.interview_id = lc.gold.interview_id.value_or("");
      g.opportunity_id = lc.gold.opportunity_id.value_or("");
      g.reason = lc.gold.reason ? std::string(to_string(*lc.gold.reason)) : "";
      g.family = lc.gold.family;
      score(m, g, matcher.match(lc.call), lc.call.id);
    }
    report(fmt::format("synthetic seed {}", seed).c_str(), m);
    CHECK(m.precision() >= 0.99);
    CHECK(m.recall() >= 0.95);
    CHECK(m.reason_accuracy() >= 0.95);
  }
}
