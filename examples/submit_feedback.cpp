// submit_feedback — draft each matched call's feedback and submit it as the interviewer, after
// the interviewer's review. Here the "review" is this program acting for the interviewer, named
// explicitly; a real host shows the draft to that person (see `leverkit flow`). A second run
// updates nothing and creates nothing: the interviewer's form is found and already says it.
//
// Against Lever (LEVER_API_KEY set) it only writes with --write.
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
  if (!conn) return std::cerr << "submit_feedback: " << conn.error().to_string() << '\n', 1;
  auto matcher = demo::matcher_for(*conn.value().client, true);
  if (!matcher) return std::cerr << "submit_feedback: " << matcher.error().to_string() << '\n', 1;
  auto calls = demo::load_calls(conn.value(), file, 8);
  if (!calls) return std::cerr << "submit_feedback: " << calls.error().to_string() << '\n', 2;
  leverkit::integration::MemoryWriteJournal journal;
  leverkit::integration::FlowOptions o;
  o.post_notes = false;
  o.dry_run = !(conn.value().local || write);
  o.on_event = [](std::string_view line) { fmt::print("  {}\n", line); };
  o.review = [](const leverkit::integration::ReviewRequest& r) {
    return leverkit::integration::ReviewDecision{.approve = true, .reviewer_user_id = r.interviewer->id};
  };
  for (int run = 1; run <= 2; ++run) {
    fmt::print("run {}:\n", run);
    auto report = leverkit::integration::run_flow(*conn.value().client, journal, matcher.value(), calls.value(), o);
    if (!report) return std::cerr << "submit_feedback: " << report.error().to_string() << '\n', 1;
    const auto& r = report.value();
    fmt::print("  {} approved: {} created, {} updated, {} already in Lever{}\n", r.approved, r.feedback_created,
               r.feedback_updated, r.already_present, o.dry_run ? " (dry run)" : "");
  }
  return 0;
}
