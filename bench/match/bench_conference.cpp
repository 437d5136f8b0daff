// Benchmark: extract_conference over calendar descriptions of growing length. The question is
// whether its cost per byte stays flat (linear) as a description grows from 1 KiB to 256 KiB —
// an invitation pasted many times, or a long agenda, must not make matching quadratic.
//
//   BM_ExtractInvites/N  N bytes of Zoom invitations, each with its own link, meeting id,
//                        passcode and dial-in numbers (every one distinct: the worst case for the
//                        de-duplication of ids and phones)
//   BM_ExtractProse/N    N bytes of prose with one Meet link at the end (the common case)
// The baseline is the same benchmark at N = 1 KiB: docs/performance.md gives ns/byte at each N
// and the ratio to the 1 KiB figure (≈ 1 means linear).
#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>

#include <fmt/format.h>

#include "leverkit/match/conference.hpp"

using namespace leverkit::match;

namespace {

std::string invites(std::size_t bytes) {
  std::string s;
  for (std::uint64_t i = 0; s.size() < bytes; ++i) {
    const std::uint64_t id = 81'234'567'890ULL + i * 7'919;
    s += fmt::format(
        "Ada Park is inviting you to a scheduled Zoom meeting.\n"
        "Join Zoom Meeting\nhttps://us02web.zoom.us/j/{0}?pwd=QWxhZGRpbjpvcGVuIHNlc2FtZQ{1}\n\n"
        "Meeting ID: {2} {3} {4}\nPasscode: 4{1:05}\n\nOne tap mobile\n+1{5},,{0}#,,,,*4{1:05}# US\n\n"
        "Dial by your location\n        +1 {6} US (New York)\n        +1 {7} US (San Jose)\n\n",
        id, i % 100'000, id / 10'000'000, id / 10'000 % 1'000, id % 10'000, 6'465'588'656 + i, 6'469'313'860 + i,
        4'086'380'968 + i);
  }
  s.resize(bytes);
  return s;
}

std::string prose(std::size_t bytes) {
  const std::string tail = "\nJoin with Google Meet: https://meet.google.com/abc-defg-hij\n";
  std::string s;
  while (s.size() + tail.size() < bytes)
    s += "Agenda: introductions, a walk through the take-home exercise, then questions from the candidate. ";
  s.resize(bytes - tail.size());
  return s + tail;
}

void run(benchmark::State& state, const std::string& text) {
  std::size_t found = 0;
  for (auto _ : state) {
    auto info = extract_conference(text);
    found += info.links.size() + info.phones.size();
    benchmark::DoNotOptimize(info);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(text.size()));
  state.counters["ns_per_byte"] = benchmark::Counter(static_cast<double>(state.iterations() * text.size()),
                                                     benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
  state.counters["found"] = static_cast<double>(found) / static_cast<double>(state.iterations());
}

void BM_ExtractInvites(benchmark::State& state) { run(state, invites(static_cast<std::size_t>(state.range(0)))); }
void BM_ExtractProse(benchmark::State& state) { run(state, prose(static_cast<std::size_t>(state.range(0)))); }

}  // namespace

BENCHMARK(BM_ExtractInvites)->RangeMultiplier(4)->Range(1 << 10, 1 << 18)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ExtractProse)->RangeMultiplier(4)->Range(1 << 10, 1 << 18)->Unit(benchmark::kMicrosecond);
BENCHMARK_MAIN();
