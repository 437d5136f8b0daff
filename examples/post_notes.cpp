// post_notes — post each matched call's AI notes on the candidate's Lever profile: TL;DR first,
// then the notes, a link back to the recording and the call's marker. Run it twice: the second
// run finds every note (journal + marker in Lever) and writes nothing.
//
// Against Lever (LEVER_API_KEY set) it only writes with --write; otherwise it shows what it would post.
#include <cstring>
#include <fmt/format.h>
#include <iostream>

#include "demo_support.hpp"
#include "leverkit/integration/flow.hpp"

int main(int argc, char** argv) {
  bool write = false;
  const char* file = nullptr;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--write") == 0) write = true;
    else file = argv[i];
  }
  auto conn = demo::connect(400);
  if (!conn) return std::cerr << "post_notes: " << conn.error().to_string() << '\n', 1;
  auto matcher = demo::matcher_for(*conn.value().client, true);
  if (!matcher) return std::cerr << "post_notes: " << matcher.error().to_string() << '\n', 1;
  auto calls = demo::load_calls(conn.value(), file, 8);
  if (!calls) return std::cerr << "post_notes: " << calls.error().to_string() << '\n', 2;
  leverkit::integration::MemoryWriteJournal journal;
  leverkit::integration::FlowOptions o;
  o.submit_feedback = false;
  o.dry_run = !(conn.value().local || write);
  o.on_event = [](std::string_view line) { fmt::print("  {}\n", line); };
  for (int run = 1; run <= 2; ++run) {
    fmt::print("run {}:\n", run);
    auto report = leverkit::integration::run_flow(*conn.value().client, journal, matcher.value(), calls.value(), o);
    if (!report) return std::cerr << "post_notes: " << report.error().to_string() << '\n', 1;
    fmt::print("  {} notes posted, {} already in Lever{}\n", report.value().notes_created, report.value().already_present,
               o.dry_run ? " (dry run)" : "");
  }
  return 0;
}
