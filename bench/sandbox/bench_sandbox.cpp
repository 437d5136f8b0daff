// In-process costs of leverkit-sandbox: data generation, request handling without sockets,
// JSON writing. The HTTP throughput (wrk) is in bench/sandbox/run_wrk.sh.
#include <benchmark/benchmark.h>

#include "api.hpp"
#include "store.hpp"
#include "value.hpp"

using namespace leverkit::sandbox::detail;

static void BM_Generate(benchmark::State& state) {
  for (auto _ : state) {
    Store s;
    generate(s, {42, static_cast<std::size_t>(state.range(0))});
    benchmark::DoNotOptimize(s.opportunities.size());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_Generate)->Arg(5000)->Unit(benchmark::kMillisecond);

static ApiRequest get(std::string path, std::vector<std::pair<std::string, std::string>> params = {}) {
  ApiRequest r;
  r.method = "GET";
  r.path = std::move(path);
  r.params = std::move(params);
  r.authorization = "Basic c2FuZGJveC1mdWxsLWtleTo=";
  return r;
}

static void BM_HandleStages(benchmark::State& state) {
  leverkit::sandbox::ServerOptions o;
  o.opportunities = 5000;
  o.rate_limit.enabled = false;
  Api api(o);
  (void)api.load();
  ApiRequest r = get("/v1/stages");
  for (auto _ : state) benchmark::DoNotOptimize(api.handle(r).body.size());
}
BENCHMARK(BM_HandleStages);

static void BM_HandleOpportunityPage(benchmark::State& state) {
  leverkit::sandbox::ServerOptions o;
  o.opportunities = 5000;
  o.rate_limit.enabled = false;
  Api api(o);
  (void)api.load();
  ApiRequest r = get("/v1/opportunities", {{"limit", "100"}});
  std::size_t bytes = 0;
  for (auto _ : state) {
    auto res = api.handle(r);
    bytes += res.body.size();
    benchmark::DoNotOptimize(res.body.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
}
BENCHMARK(BM_HandleOpportunityPage);

BENCHMARK_MAIN();
