// `leverkit match --lever DIR --calls FILE.jsonl` — link recorded calls to Lever interviews.
// Reads saved Lever API responses and a JSON-lines file of calls; prints one JSON line per call
// (docs/matching.md). A bad input line is reported on stderr with its line number and skipped.
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "commands.hpp"
#include "leverkit/fmt.hpp"
#include "leverkit/match/call_json.hpp"
#include "leverkit/match/lever_files.hpp"
#include "leverkit/match/matcher.hpp"

namespace leverkit::inline v0::cli {
namespace {

struct MatchArgs {
  std::string lever_dir, calls_file, region = "US";
  std::vector<std::string> company_domains;
  bool no_batch = false;
};

int run(const MatchArgs& a) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(a.lever_dir, ec))
    throw std::runtime_error(fmt::format("match: --lever \"{}\" is not a directory of Lever responses", a.lever_dir));
  if (fs::is_directory(a.calls_file, ec))
    throw std::runtime_error(fmt::format("match: --calls \"{}\" is a directory, not a JSON-lines file", a.calls_file));
  std::ifstream in(a.calls_file, std::ios::binary);
  if (!in) throw std::runtime_error(fmt::format("match: cannot read --calls file \"{}\"", a.calls_file));

  auto snapshot = match::load_lever_directory(a.lever_dir);
  if (!snapshot) throw std::runtime_error(fmt::format("match: {}", snapshot.error().message));
  match::Index::Options options;
  options.default_region = a.region;
  options.company_domains = a.company_domains;
  match::Index index = match::Index::build(std::move(snapshot).value(), options);
  match::Matcher matcher(std::move(index));

  std::vector<match::Call> calls;
  std::string line;
  std::size_t line_no = 0, bad = 0;
  const std::string name = fs::path(a.calls_file).filename().string();
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    auto call = match::parse_call_json(line);
    if (!call) {
      ++bad;
      std::cerr << fmt::format("leverkit match: {}:{}: skipped: {}\n", name, line_no, call.error().message);
      continue;
    }
    calls.push_back(std::move(call).value());
  }
  if (in.bad()) throw std::runtime_error(fmt::format("match: error while reading \"{}\"", a.calls_file));

  std::vector<match::MatchResult> results;
  if (a.no_batch) {
    results.reserve(calls.size());
    for (const auto& c : calls) results.push_back(matcher.match(c));
  } else {
    results = matcher.match_batch(calls);
  }
  std::size_t counts[3] = {0, 0, 0};
  std::string out;
  for (const auto& r : results) {
    out += match::to_json(r);
    out += '\n';
    ++counts[static_cast<int>(r.status)];
  }
  std::cout << out << std::flush;
  std::cerr << fmt::format("leverkit match: {} calls: {} matched, {} need review, {} not matched; {} bad line(s) skipped\n",
                           results.size(), counts[0], counts[1], counts[2], bad);
  return 0;
}

CommandRegistrar registrar{[](CLI::App& app) {
  auto args = std::make_shared<MatchArgs>();
  auto* sub = app.add_subcommand("match", "Link recorded calls (JSON lines) to Lever interviews and candidates; JSON lines on stdout");
  sub->add_option("--lever", args->lever_dir,
                  "Directory of Lever responses: opportunities.json, interviews.json [, panels.json, users.json, postings.json, stages.json]")
      ->required();
  sub->add_option("--calls", args->calls_file, "Calls, one JSON object per line (see docs/matching.md)")->required();
  sub->add_option("--region", args->region, "Default region for phone numbers without a country code (ISO 3166, default US)");
  sub->add_option("--company-domain", args->company_domains, "Extra internal email domain(s); Lever users' domains are always internal");
  sub->add_flag("--no-batch", args->no_batch, "Match each call alone (no duplicate/split grouping)");
  sub->callback([args] {
    int rc = run(*args);
    if (rc != 0) throw CLI::RuntimeError(rc);
  });
}};

}  // namespace
}  // namespace leverkit::cli
