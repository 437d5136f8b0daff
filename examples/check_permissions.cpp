// check_permissions — which Lever permissions this key has, and what each one enables.
//
// Uses leverkit::check_connection (issue 9): reads probed with limit=1, writes aimed at objects
// that do not exist, so nothing can change. With LEVER_API_KEY set it checks Lever; without it, an
// in-process leverkit-sandbox with its full key.
#include <iostream>
#include <fmt/format.h>

#include "demo_support.hpp"

int main() {
  auto conn = demo::connect(60);
  if (!conn) return std::cerr << "check_permissions: " << conn.error().to_string() << '\n', 1;
  fmt::print("Lever at {}\n", conn.value().base_url);
  auto report = demo::check_permissions(*conn.value().client);
  if (!report) return std::cerr << "check_permissions: " << report.error().to_string() << '\n', 1;
  fmt::print("{}", report.value().to_text());
  return 0;
}
