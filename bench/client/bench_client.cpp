// Client-side overheads. Baselines are measured in the same run:
// - rate limiter: steady_clock::now() and an uncontended mutex lock/unlock (the floor of any
//   thread-safe clock-driven limiter);
// - pagination: decoding the same page bytes directly with detail::decode_page<Opportunity>,
//   and copying the page bytes (what a transport does when it fills a response buffer).
#include <benchmark/benchmark.h>

#include <fstream>
#include <mutex>
#include <sstream>

#include <fmt/format.h>

#include "detail/decoders.hpp"
#include "leverkit/client/client.hpp"
#include "leverkit/client/rate_limiter.hpp"
#include "leverkit/testing/fake_transport.hpp"

using namespace leverkit;

namespace {

constexpr int items_per_page = 100;
constexpr int pages_per_listing = 10;

std::string read_file(const std::string& path) {
  std::ifstream f(path);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

// One real-shaped opportunity object (the sample's payload, unwrapped).
std::string sample_opportunity() {
  std::string doc = read_file(LEVERKIT_SOURCE_DIR "/tests/data/lever-samples/opportunity.json");
  auto data = doc.find("\"data\"");
  auto open = doc.find('{', data == std::string::npos ? 0 : data);
  auto close = doc.rfind('}', doc.rfind('}') - 1);
  if (data == std::string::npos || open == std::string::npos || close == std::string::npos || close < open) {
    return R"({"id":"o1","name":"A","stage":"applicant-new","emails":["a@b.co"],"tags":["x"],"createdAt":1})";
  }
  return doc.substr(open, close - open + 1);
}

std::string page_body(int page) {
  static const std::string item = sample_opportunity();
  std::string s = R"({"data":[)";
  for (int i = 0; i < items_per_page; ++i) {
    if (i) s += ',';
    s += item;
  }
  s += "]";
  if (page + 1 < pages_per_listing) s += fmt::format(R"(,"hasNext":true,"next":"%5B{}%5D")", page + 1);
  else s += R"(,"hasNext":false)";
  return s + "}";
}

const std::vector<std::string>& pages() {
  static const std::vector<std::string> p = [] {
    std::vector<std::string> v;
    for (int i = 0; i < pages_per_listing; ++i) v.push_back(page_body(i));
    return v;
  }();
  return p;
}

std::int64_t listing_bytes() {
  std::int64_t n = 0;
  for (const auto& p : pages()) n += static_cast<std::int64_t>(p.size());
  return n;
}

// ---- rate limiter ------------------------------------------------------------------------

void BM_Baseline_SteadyClockNow(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(std::chrono::steady_clock::now());
}
BENCHMARK(BM_Baseline_SteadyClockNow)->Threads(1)->Threads(2);

void BM_Baseline_MutexLockUnlock(benchmark::State& state) {
  static std::mutex m;
  for (auto _ : state) {
    std::lock_guard lock(m);
    benchmark::ClobberMemory();
  }
}
BENCHMARK(BM_Baseline_MutexLockUnlock)->Threads(1)->Threads(2);

void BM_RateLimiterAcquire(benchmark::State& state) {
  // A budget so large the bucket never waits: this measures the bookkeeping, not throttling.
  static auto limiter = std::make_shared<TokenBucketRateLimiter>(
      RateLimitOptions{.requests_per_second = 1e15, .burst = 1e15}, steady_clock_source(), thread_sleeper());
  const CancellationToken none;
  for (auto _ : state) {
    auto r = limiter->acquire(std::nullopt, none);
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_RateLimiterAcquire)->Threads(1)->Threads(2);

// ---- pagination --------------------------------------------------------------------------

void BM_Baseline_CopyPageBytes(benchmark::State& state) {
  for (auto _ : state) {
    for (const auto& p : pages()) {
      HttpResponse r = testing::json_response(200, p);
      benchmark::DoNotOptimize(r.body.data());
    }
  }
  state.SetBytesProcessed(state.iterations() * listing_bytes());
  state.SetItemsProcessed(state.iterations() * items_per_page * pages_per_listing);
}
BENCHMARK(BM_Baseline_CopyPageBytes);

void BM_Baseline_DecodePageRaw(benchmark::State& state) {
  std::vector<std::string> padded = pages();
  for (auto& p : padded) p.reserve(p.size() + body_padding);
  for (auto _ : state) {
    for (const auto& p : padded) {
      auto page = detail::decode_page<Opportunity>(detail::JsonInput{p, p.capacity()});
      if (!page || page.value().data.size() != items_per_page) state.SkipWithError("decode failed");
      benchmark::DoNotOptimize(page);
    }
  }
  state.SetBytesProcessed(state.iterations() * listing_bytes());
  state.SetItemsProcessed(state.iterations() * items_per_page * pages_per_listing);
}
BENCHMARK(BM_Baseline_DecodePageRaw);

void BM_ListOpportunities_FakeTransport(benchmark::State& state) {
  auto fake = std::make_shared<testing::FakeTransport>();
  fake->set_handler([](const HttpRequest& req) -> Result<HttpResponse> {
    auto off = query_values(req.url, "offset");
    int page = off.empty() ? 0 : std::stoi(off[0].substr(3));  // "%5B<n>%5D"
    return testing::json_response(200, pages()[static_cast<std::size_t>(page)]);
  });
  auto client = Client::create(std::make_shared<ApiKeyCredentials>("bench-key"),
                               {.transport = fake,
                                .rate_limiter = std::make_shared<TokenBucketRateLimiter>(
                                    RateLimitOptions{.requests_per_second = 1e15, .burst = 1e15},
                                    steady_clock_source(), thread_sleeper())})
                    .value();
  for (auto _ : state) {
    std::size_t n = 0;
    for (auto& opp : client.list_opportunities({.limit = items_per_page})) {
      if (!opp) state.SkipWithError("listing failed");
      benchmark::DoNotOptimize(opp);
      ++n;
    }
    if (n != static_cast<std::size_t>(items_per_page * pages_per_listing)) state.SkipWithError("wrong count");
  }
  state.SetBytesProcessed(state.iterations() * listing_bytes());
  state.SetItemsProcessed(state.iterations() * items_per_page * pages_per_listing);
}
BENCHMARK(BM_ListOpportunities_FakeTransport);

}  // namespace

BENCHMARK_MAIN();
