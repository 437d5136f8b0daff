// check_permissions — which Lever resources this key may read and write, by a cheap probe.
//
// With LEVER_API_KEY set it probes Lever read-only (add --write-probe to also POST empty bodies to
// the write routes: 400 = allowed, 403 = missing scope; nothing can be created by them). Without
// it, it probes an in-process leverkit-sandbox with its full key, writes included.
#include <cstring>
#include <iostream>

#include "demo_support.hpp"

int main(int argc, char** argv) {
  bool write_probe = argc > 1 && std::strcmp(argv[1], "--write-probe") == 0;
  auto conn = demo::connect(60);
  if (!conn) {
    std::cerr << "check_permissions: " << conn.error().to_string() << '\n';
    return 1;
  }
  fmt::print("Lever at {}\n", conn.value().base_url);
  int missing = 0;
  for (const auto& p : demo::probe_permissions(*conn.value().client, write_probe || conn.value().local)) {
    fmt::print("  {:<32} {:<4} {}\n", p.what, p.allowed ? "yes" : "NO", p.status);
    missing += p.allowed ? 0 : 1;
  }
  fmt::print("{} permission(s) missing\n", missing);
  return 0;
}
