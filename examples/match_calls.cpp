// match_calls — sync the account, then link recorded calls to Lever interviews, with the
// explanation and the access list (who may see the call's notes) of each call.
//
// Calls: the in-process sandbox's synthetic ones, or a JSON-lines file given as the first
// argument (leverkit/integration/recorded_call.hpp) when LEVER_API_KEY points at Lever.
#include <iostream>
#include <fmt/format.h>
#include "leverkit/fmt.hpp"

#include "demo_support.hpp"

int main(int argc, char** argv) {
  auto conn = demo::connect(400);
  if (!conn) return std::cerr << "match_calls: " << conn.error().to_string() << '\n', 1;
  auto matcher = demo::matcher_for(*conn.value().client);
  if (!matcher) return std::cerr << "match_calls: " << matcher.error().to_string() << '\n', 1;
  auto calls = demo::load_calls(conn.value(), argc > 1 ? argv[1] : nullptr);
  if (!calls) return std::cerr << "match_calls: " << calls.error().to_string() << '\n', 2;
  std::vector<leverkit::match::Call> plain;
  for (const auto& c : calls.value()) plain.push_back(c.call);
  for (const auto& m : matcher.value().match(plain)) {
    const auto& r = m.result;
    fmt::print("{:<14} {:<12} p={:.3f}", r.call_id, leverkit::match::to_string(r.status), r.probability);
    if (r.enrichment)
      fmt::print("  {} · {} · {}", r.enrichment->candidate_name, r.enrichment->job_title, r.enrichment->stage);
    else if (!r.reasons.empty())
      fmt::print("  {}: {}", leverkit::match::to_string(r.reasons.front().code), r.reasons.front().message);
    fmt::print("\n{:<14} access: {} viewer(s){}\n", "", m.access.viewers.size(), m.access.confidential ? " (confidential)" : "");
  }
  return 0;
}
