// String escaping throughput of the unified JSON writer (ADR 0096) vs the two escapers it
// replaced, on the same 256 KiB inputs in the same run:
//   BM_Escape_Unified      leverkit::detail::append_json_string (runs copied in one append,
//                          UTF-8 validated, ill-formed bytes -> U+FFFD)
//   BM_Escape_OldModels    the old models writer: runs copied, bytes >= 0x80 passed through
//                          unchecked (could emit invalid JSON) — the speed ceiling
//   BM_Escape_OldAutofill  the old autofill escaper: byte by byte, UTF-8 validated
// Inputs: ascii (an English transcript with quotes and line breaks), utf8 (German, French,
// Japanese and emoji mixed in), and invalid (Latin-1 bytes sprinkled in: the repair path).
// Run: cmake -DLEVERKIT_BUILD_BENCH=ON … && cmake --build build --target bench_json_writer &&
//      build/bench/json/bench_json_writer
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <string>
#include <string_view>

#include "models/detail/json_writer.hpp"

namespace {

// ---- baselines: the removed escapers, verbatim apart from their names -------------------------

void old_models_escape(std::string& out, std::string_view s) {
  static constexpr char hex[] = "0123456789abcdef";
  out.push_back('"');
  std::size_t run = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + run, s.data() + i);
    run = i + 1;
    switch (c) {
      case '"': out.append("\\\""); break;
      case '\\': out.append("\\\\"); break;
      case '\b': out.append("\\b"); break;
      case '\f': out.append("\\f"); break;
      case '\n': out.append("\\n"); break;
      case '\r': out.append("\\r"); break;
      case '\t': out.append("\\t"); break;
      default: {
        const char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xF]};
        out.append(u, u + 6);
      }
    }
  }
  out.append(s.data() + run, s.data() + s.size());
  out.push_back('"');
}

std::size_t old_utf8_sequence_length(std::string_view s, std::size_t i) {
  auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  const unsigned char c = b(0);
  const std::size_t left = s.size() - i;
  auto cont = [&](std::size_t k) { return (b(k) & 0xC0) == 0x80; };
  if (c >= 0xC2 && c <= 0xDF) return left >= 2 && cont(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (left < 3 || !cont(1) || !cont(2)) return 0;
    if (c == 0xE0 && b(1) < 0xA0) return 0;
    if (c == 0xED && b(1) >= 0xA0) return 0;
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (left < 4 || !cont(1) || !cont(2) || !cont(3)) return 0;
    if (c == 0xF0 && b(1) < 0x90) return 0;
    if (c == 0xF4 && b(1) >= 0x90) return 0;
    return 4;
  }
  return 0;
}

void old_autofill_escape(std::string& out, std::string_view s) {
  out.reserve(out.size() + s.size() + 2);
  out.push_back('"');
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      if (std::size_t n = old_utf8_sequence_length(s, i); n != 0) {
        out.append(s.substr(i, n));
        i += n;
      } else {
        out += "\xEF\xBF\xBD";
        ++i;
      }
      continue;
    }
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (c < 0x20 || c == 0x7F) out += fmt::format("\\u{:04x}", c);
        else out.push_back(static_cast<char>(c));
    }
    ++i;
  }
  out.push_back('"');
}

// ---- inputs ------------------------------------------------------------------------------------

std::string make_input(int kind) {
  static constexpr std::string_view kAscii =
      "Sam: So tell me about your current role.\nDana: I'm a backend engineer at Initech; we run "
      "\"payments\" on Go and Postgres, about 40k requests/s at peak.\n";
  static constexpr std::string_view kUtf8 =
      "Dana: Ich wohne in München, arbeite für Société Générale — 東京 team next year 🎉.\n";
  static constexpr std::string_view kInvalid = "Dana: I live in M\xFCnchen, caf\xE9 \"Zur Post\".\n";
  const std::string_view unit = kind == 0 ? kAscii : kind == 1 ? kUtf8 : kInvalid;
  std::string s;
  while (s.size() < 256 * 1024) s.append(unit);
  return s;
}

const char* label(int kind) { return kind == 0 ? "ascii" : kind == 1 ? "utf8" : "invalid"; }

template <void (*Escape)(std::string&, std::string_view)>
void run(benchmark::State& state) {
  const int kind = static_cast<int>(state.range(0));
  const std::string in = make_input(kind);
  std::string out;
  for (auto _ : state) {
    out.clear();
    Escape(out, in);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(in.size()));
  state.SetLabel(label(kind));
}

void BM_Escape_Unified(benchmark::State& state) { run<leverkit::detail::append_json_string>(state); }
void BM_Escape_OldModels(benchmark::State& state) { run<old_models_escape>(state); }
void BM_Escape_OldAutofill(benchmark::State& state) { run<old_autofill_escape>(state); }

}  // namespace

BENCHMARK(BM_Escape_Unified)->DenseRange(0, 2);
BENCHMARK(BM_Escape_OldModels)->DenseRange(0, 2);
BENCHMARK(BM_Escape_OldAutofill)->DenseRange(0, 2);
BENCHMARK_MAIN();
