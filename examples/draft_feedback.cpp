// draft_feedback — for every matched call, draft the interviewer's feedback form from the
// transcript (autofill) and show it: what was filled, from which quote, and what is left to the
// interviewer. Writes nothing: the review step declines every draft.
#include <iostream>
#include <fmt/format.h>

#include "demo_support.hpp"
#include "leverkit/integration/flow.hpp"

int main(int argc, char** argv) {
  auto conn = demo::connect(400);
  if (!conn) return std::cerr << "draft_feedback: " << conn.error().to_string() << '\n', 1;
  auto matcher = demo::matcher_for(*conn.value().client, true);
  if (!matcher) return std::cerr << "draft_feedback: " << matcher.error().to_string() << '\n', 1;
  auto calls = demo::load_calls(conn.value(), argc > 1 ? argv[1] : nullptr, 8);
  if (!calls) return std::cerr << "draft_feedback: " << calls.error().to_string() << '\n', 2;
  leverkit::integration::MemoryWriteJournal journal;
  leverkit::integration::FlowOptions o;
  o.post_notes = false;
  o.review = [](const leverkit::integration::ReviewRequest& r) {
    fmt::print("\n{} — {} for {}\n", r.call->call.id, r.feedback_template->text, r.interviewer->name);
    for (const auto& f : r.draft->fields) {
      if (f.decision == leverkit::autofill::Decision::filled)
        fmt::print("  ✔ {}: {}  ← \"{}\"\n", f.text, leverkit::autofill::field_value_to_json(f.value),
                   f.evidence.empty() ? std::string() : f.evidence.front().quote);
      else
        fmt::print("  · {}: left for the interviewer ({})\n", f.text, f.why);
    }
    return leverkit::integration::ReviewDecision{.approve = false, .why = "draft only"};
  };
  auto report = leverkit::integration::run_flow(*conn.value().client, journal, matcher.value(), calls.value(), o);
  if (!report) return std::cerr << "draft_feedback: " << report.error().to_string() << '\n', 1;
  fmt::print("\n{} drafts from {} matched calls; nothing written\n", report.value().drafts, report.value().matched);
  return 0;
}
