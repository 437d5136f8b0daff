// Decoding throughput of leverkit's typed decoder against simdjson baselines on the same bytes.
//
// Input: a realistic list page of 100 opportunities (~140 KB), built from the real
// opportunity sample (tests/data/lever-samples/opportunity.json) with distinct ids, names,
// emails and timestamps per record, in Lever's list envelope with hasNext/next.
// Baselines in the same run: simdjson DOM parse of the same bytes, and simdjson On Demand
// iterating every record's fields without materialising anything (iterate-and-skip).
#include <benchmark/benchmark.h>
#include <simdjson.h>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include "detail/decoders.hpp"
#include "leverkit/models/opportunity.hpp"

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The sample's inner object, minified, as a template with per-record substitutions.
std::string make_page(int records) {
  const std::string doc = read_file(std::string(LEVERKIT_TEST_DATA_DIR) + "/lever-samples/opportunity.json");
  simdjson::dom::parser parser;
  simdjson::dom::element root = parser.parse(doc);
  const std::string one = simdjson::minify(root["data"]);
  std::string page = "{\"data\":[";
  for (int i = 0; i < records; ++i) {
    std::string rec = one;
    const auto replace_all = [&rec](const std::string& from, const std::string& to) {
      for (std::size_t pos = rec.find(from); pos != std::string::npos; pos = rec.find(from, pos + to.size()))
        rec.replace(pos, from.size(), to);
    };
    char id[40];
    std::snprintf(id, sizeof id, "6408dc54-7015-4e5b-8d60-%012d", i);
    replace_all("6408dc54-7015-4e5b-8d60-23afff2b1efc", id);
    replace_all("Nango Seed Candidate 1", "Candidate Number " + std::to_string(i));
    replace_all("nango-seed-candidate-1@example.com", "candidate" + std::to_string(i) + "@example.com");
    replace_all("1782972986091", std::to_string(1782972986091 + i * 1000));
    if (i > 0) page += ',';
    page += rec;
  }
  page += "],\"hasNext\":true,\"next\":\"%5B3%2C1491435120000%2C%225599cc20-0000-4000-8000-000000000000%22%5D\"}";
  return page;
}

const std::string& page() {
  static const std::string p = make_page(100);
  return p;
}

void BM_decode_opportunity_page(benchmark::State& state) {
  const std::string& json = page();
  std::size_t n = 0;
  for (auto _ : state) {
    auto r = leverkit::decode_opportunity_page(json);
    if (!r) state.SkipWithError(r.error().message.c_str());
    n += r.value().data.size();
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * json.size()));
  state.counters["records"] = static_cast<double>(n) / static_cast<double>(state.iterations());
}

// The transport hands the decoder a buffer with SIMDJSON_PADDING spare capacity: no copy.
void BM_decode_opportunity_page_padded(benchmark::State& state) {
  const simdjson::padded_string padded(page());
  for (auto _ : state) {
    auto r = leverkit::detail::decode_page<leverkit::Opportunity>(
        {std::string_view(padded.data(), padded.size()), padded.size() + simdjson::SIMDJSON_PADDING});
    if (!r) state.SkipWithError(r.error().message.c_str());
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * padded.size()));
}

void BM_simdjson_dom_parse(benchmark::State& state) {
  const simdjson::padded_string padded(page());
  simdjson::dom::parser parser;
  for (auto _ : state) {
    simdjson::dom::element doc;
    if (parser.parse(padded).get(doc)) state.SkipWithError("parse failed");
    benchmark::DoNotOptimize(doc);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * padded.size()));
}

// On Demand: visit every record and every key, skip every value (the structural floor).
void BM_simdjson_ondemand_iterate_skip(benchmark::State& state) {
  const simdjson::padded_string padded(page());
  simdjson::ondemand::parser parser;
  for (auto _ : state) {
    std::size_t keys = 0;
    auto doc = parser.iterate(padded);
    for (auto rec : doc["data"].get_array()) {
      for (auto field : rec.get_object()) {
        std::string_view k;
        if (field.unescaped_key().get(k)) state.SkipWithError("bad key");
        keys += k.size();
      }
    }
    benchmark::DoNotOptimize(keys);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * padded.size()));
}

void BM_implementation(benchmark::State& state) {
  // Reports which simdjson kernel On Demand code in this binary was compiled for.
  for (auto _ : state) benchmark::DoNotOptimize(simdjson::builtin_implementation());
  state.SetLabel(std::string("decoders=") + leverkit::detail::simdjson_kernel() +
                 " bench_tu=" SIMDJSON_STRINGIFY(SIMDJSON_BUILTIN_IMPLEMENTATION) +
                 " active=" + simdjson::get_active_implementation()->name() +
                 " page_bytes=" + std::to_string(page().size()));
}

}  // namespace

BENCHMARK(BM_implementation)->Iterations(1);
BENCHMARK(BM_simdjson_dom_parse);
BENCHMARK(BM_simdjson_ondemand_iterate_skip);
BENCHMARK(BM_decode_opportunity_page);
BENCHMARK(BM_decode_opportunity_page_padded);
BENCHMARK_MAIN();
