// Benchmarks for leverkit::match. Worlds come from the seeded synthetic generator; the density
// is constant (40 interviews a day), so a bigger index spans more days, as a real tenant does.
//
//   BM_IndexBuild/N      Index::build over N interviews (snapshot copy excluded)
//   BM_Match/N           one call matched against an index of N interviews; counters give the
//                        median and p99 of single-call latencies measured one by one
//   BM_LinearScan/N      baseline: the same calls compared against every interview, with the
//                        same pre-normalised keys (conference key, email, time), no blocking
//   BM_BatchOneMeeting/N match_batch over N recordings sharing one meeting id (back-to-back
//                        parts: one group of N), 10k index
//   BM_EachOneMeeting/N  baseline: the same N calls matched one by one (no grouping)
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <memory>
#include <string>

#include "leverkit/match/conference.hpp"
#include "leverkit/match/email.hpp"
#include "leverkit/match/matcher.hpp"
#include "leverkit/match/synthetic.hpp"

using namespace leverkit::match;

namespace {

struct Fixture {
  synthetic::World world;
  std::shared_ptr<const Index> index;
  std::vector<Call> calls;
};

Fixture& fixture(std::size_t interviews) {
  static std::map<std::size_t, std::unique_ptr<Fixture>> cache;
  auto& slot = cache[interviews];
  if (!slot) {
    slot = std::make_unique<Fixture>();
    slot->world = synthetic::generate({.seed = 42, .opportunities = interviews / 3, .interviews_per_opportunity = 3,
                                       .calls = 2000, .interviews_per_day = 40});
    for (const auto& lc : slot->world.calls) slot->calls.push_back(lc.call);
    slot->index = std::make_shared<const Index>(Index::build(slot->world.snapshot));
  }
  return *slot;
}

void BM_IndexBuild(benchmark::State& state) {
  auto& f = fixture(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    state.PauseTiming();
    LeverSnapshot copy = f.world.snapshot;
    state.ResumeTiming();
    Index idx = Index::build(std::move(copy));
    benchmark::DoNotOptimize(idx.interview_count());
    state.PauseTiming();
    { Index drop = std::move(idx); }  // destruction is not part of building
    state.ResumeTiming();
  }
  state.counters["interviews"] = static_cast<double>(f.index->interview_count());
}

void BM_Match(benchmark::State& state) {
  auto& f = fixture(static_cast<std::size_t>(state.range(0)));
  Matcher m(f.index);
  std::size_t i = 0;
  for (auto _ : state) {
    auto r = m.match(f.calls[i++ % f.calls.size()]);
    benchmark::DoNotOptimize(r.status);
  }
  // Per-call latency distribution over the whole call set (each call timed alone).
  std::vector<double> us;
  us.reserve(f.calls.size());
  for (const auto& c : f.calls) {
    auto t0 = std::chrono::steady_clock::now();
    auto r = m.match(c);
    auto t1 = std::chrono::steady_clock::now();
    benchmark::DoNotOptimize(r.status);
    us.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count());
  }
  std::sort(us.begin(), us.end());
  state.counters["median_us"] = us[us.size() / 2];
  state.counters["p99_us"] = us[us.size() * 99 / 100];
}

// Baseline: no blocking. Keys are normalised once up front (as the index does), then each call
// is compared against every interview: time window, conference key, candidate email.
struct ScanRow {
  std::int64_t start;
  std::string key;
  std::vector<std::string> emails;
};

void BM_LinearScan(benchmark::State& state) {
  auto& f = fixture(static_cast<std::size_t>(state.range(0)));
  const auto& snap = f.index->snapshot();
  std::map<std::string_view, const leverkit::Opportunity*> opp;
  for (const auto& o : snap.opportunities) opp.emplace(o.id, &o);
  std::vector<ScanRow> rows;
  rows.reserve(snap.interviews.size());
  for (const auto& iv : snap.interviews) {
    ScanRow r{leverkit::to_unix_ms(iv.date), {}, {}};
    if (iv.location) {
      auto info = extract_conference(*iv.location);
      if (!info.links.empty()) r.key = info.links.front().key;
    }
    if (iv.opportunity_id)
      if (auto it = opp.find(*iv.opportunity_id); it != opp.end())
        for (const auto& e : it->second->emails)
          if (auto k = normalize_email(e)) r.emails.push_back(k->provider);
    rows.push_back(std::move(r));
  }
  std::size_t i = 0;
  for (auto _ : state) {
    const Call& c = f.calls[i++ % f.calls.size()];
    std::string key;
    if (auto info = extract_conference(c.conference_url); !info.links.empty()) key = info.links.front().key;
    std::vector<std::string> emails;
    for (const auto& p : c.participants)
      if (auto k = normalize_email(p.email)) emails.push_back(k->provider);
    const std::int64_t t = leverkit::to_unix_ms(c.start);
    int best = -1, best_score = 0;
    for (std::size_t k = 0; k < rows.size(); ++k) {
      const auto& r = rows[k];
      int score = std::llabs(r.start - t) <= 30 * 60'000 ? 6 : 0;
      if (!key.empty() && r.key == key) score += 12;
      for (const auto& e : r.emails)
        if (std::find(emails.begin(), emails.end(), e) != emails.end()) score += 10;
      if (score > best_score) { best_score = score; best = static_cast<int>(k); }
    }
    benchmark::DoNotOptimize(best);
  }
}

std::vector<Call> one_meeting(const Fixture& f, std::size_t n) {
  std::vector<Call> calls(n, f.calls[0]);
  const auto t0 = f.calls[0].start;
  for (std::size_t i = 0; i < n; ++i) {
    calls[i].id = "rec" + std::to_string(i);
    calls[i].conference_url = "https://acme.zoom.us/j/89999999999";
    calls[i].start = t0 + std::chrono::minutes(7 * static_cast<int>(i));
    calls[i].end = calls[i].start + std::chrono::minutes(5);
  }
  return calls;
}

void BM_BatchOneMeeting(benchmark::State& state) {
  auto& f = fixture(10'000);
  Matcher m(f.index);
  const auto calls = one_meeting(f, static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    auto r = m.match_batch(calls);
    benchmark::DoNotOptimize(r.data());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

void BM_EachOneMeeting(benchmark::State& state) {
  auto& f = fixture(10'000);
  Matcher m(f.index);
  const auto calls = one_meeting(f, static_cast<std::size_t>(state.range(0)));
  for (auto _ : state)
    for (const auto& c : calls) {
      auto r = m.match(c);
      benchmark::DoNotOptimize(r.status);
    }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

}  // namespace

BENCHMARK(BM_BatchOneMeeting)->Arg(64)->Arg(512)->Arg(4096)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_EachOneMeeting)->Arg(64)->Arg(512)->Arg(4096)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_IndexBuild)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_Match)->Arg(10'000)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_LinearScan)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMicrosecond);
BENCHMARK_MAIN();
