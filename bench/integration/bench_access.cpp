// Benchmarks for deciding who may see a call (leverkit/integration/access.hpp).
// Accounts come from the seeded synthetic generator with N opportunities (3 interviews each),
// N/10 users (2 % admins) and posting owners / hiring managers; one decision per iteration,
// cycling over 1,000 matched calls.
//
//   BM_DecideAccessScan/N     baseline: decide_access(snapshot, …), which scans the snapshot
//   BM_DecideAccessIndexed/N  decide_access(AccessIndex, …), the index built once outside the loop
//   BM_AccessIndexBuild/N     building that AccessIndex (paid once per snapshot)
#include <benchmark/benchmark.h>

#include <map>
#include <memory>
#include <string>

#include "leverkit/integration/access.hpp"
#include "leverkit/integration/access_index.hpp"
#include "leverkit/match/synthetic.hpp"

namespace li = leverkit::integration;
namespace lm = leverkit::match;

namespace {

struct Fixture {
  lm::LeverSnapshot snap;
  std::vector<lm::MatchResult> results;
};

const Fixture& fixture(std::size_t opportunities) {
  static std::map<std::size_t, std::unique_ptr<Fixture>> cache;
  auto& slot = cache[opportunities];
  if (slot) return *slot;
  slot = std::make_unique<Fixture>();
  auto world = lm::synthetic::generate({.seed = 7, .opportunities = opportunities, .interviews_per_opportunity = 3,
                                        .calls = 1, .interviews_per_day = 40});
  auto& s = slot->snap = std::move(world.snapshot);
  for (std::size_t i = s.users.size(); i < opportunities / 10; ++i) {
    leverkit::User u;
    u.id = "user-" + std::to_string(i);
    u.email = u.id + "@acme.example";
    u.access_role = i % 50 == 0 ? "admin" : "team member";
    s.users.push_back(std::move(u));
  }
  for (std::size_t i = 0; i < s.postings.size(); ++i) {
    s.postings[i].owner = leverkit::Expandable<leverkit::User>{.id = s.users[(i * 7) % s.users.size()].id};
    s.postings[i].hiring_manager = leverkit::Expandable<leverkit::User>{.id = s.users[(i * 11) % s.users.size()].id};
  }
  for (std::size_t i = 0; i < s.interviews.size() && slot->results.size() < 1000; i += s.interviews.size() / 1000 + 1) {
    const auto& iv = s.interviews[i];
    lm::MatchResult r;
    r.call_id = "call-" + std::to_string(i);
    r.status = lm::MatchStatus::matched;
    r.opportunity_id = iv.opportunity_id;
    r.interview_id = iv.id;
    r.panel_id = iv.panel;
    slot->results.push_back(std::move(r));
  }
  return *slot;
}

void BM_DecideAccessScan(benchmark::State& state) {
  const auto& f = fixture(static_cast<std::size_t>(state.range(0)));
  std::size_t i = 0, viewers = 0;
  for (auto _ : state) {
    auto d = li::decide_access(f.snap, f.results[i++ % f.results.size()]);
    viewers += d.viewers.size();
    benchmark::DoNotOptimize(d);
  }
  state.counters["viewers/call"] = static_cast<double>(viewers) / static_cast<double>(state.iterations());
}

void BM_DecideAccessIndexed(benchmark::State& state) {
  const auto& f = fixture(static_cast<std::size_t>(state.range(0)));
  const li::AccessIndex index{f.snap};
  std::size_t i = 0, viewers = 0;
  for (auto _ : state) {
    auto d = li::decide_access(index, f.results[i++ % f.results.size()]);
    viewers += d.viewers.size();
    benchmark::DoNotOptimize(d);
  }
  state.counters["viewers/call"] = static_cast<double>(viewers) / static_cast<double>(state.iterations());
}

void BM_AccessIndexBuild(benchmark::State& state) {
  const auto& f = fixture(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    li::AccessIndex index{f.snap};
    benchmark::DoNotOptimize(index);
  }
}

}  // namespace

BENCHMARK(BM_DecideAccessScan)->Arg(1'000)->Arg(10'000)->Arg(100'000);
BENCHMARK(BM_DecideAccessIndexed)->Arg(1'000)->Arg(10'000)->Arg(100'000);
BENCHMARK(BM_AccessIndexBuild)->Arg(1'000)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
