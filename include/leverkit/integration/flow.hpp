// leverkit/integration/flow.hpp — recorded calls → Lever: match, draft, review, write back.
//
// What: `run_flow` takes recorded calls (recorded_call.hpp) and a `LiveMatcher` over the synced
// account and, per call: matches it (matched / needs_review / no_match, with access), and for a
// matched interview drafts the interviewer's feedback with autofill (on the interviewer's
// template, or on their existing form so answers already given are kept), asks `review` — a
// host callback: a terminal prompt, a web UI, a test — and only with an approval naming an
// explicit reviewer who is an interviewer of that interview submits it as that reviewer
// (`perform_as`; update instead of a second form). It also posts the AI notes (TL;DR first,
// link back, marker) for matched calls. Every write goes through `WriteBack` and its journal,
// so running the flow twice writes nothing twice. Calls that are not `matched` are reported,
// never written.
// Errors: run_flow fails only on setup errors (invalid options); a failure on one call is
// recorded in that call's `errors` and the flow goes on with the next.
// Thread-safety: one run at a time per journal; the client may be shared.
// Example:
//   leverkit::integration::LiveMatcher live{std::move(snapshot)};
//   leverkit::integration::FlowOptions o{.review = my_prompt};
//   LEVERKIT_TRY(report, leverkit::integration::run_flow(client, journal, live, calls, o));
//   fmt::print("{}\n", leverkit::integration::to_json(report));
#pragma once

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "leverkit/autofill/autofill.hpp"
#include "leverkit/client/client.hpp"
#include "leverkit/integration/live_match.hpp"
#include "leverkit/integration/recorded_call.hpp"
#include "leverkit/integration/write_back.hpp"

namespace leverkit::inline v0::integration {

struct ReviewRequest {
  const RecordedCall* call = nullptr;
  const MatchedCall* match = nullptr;
  const autofill::Draft* draft = nullptr;
  const Interviewer* interviewer = nullptr;  // whose feedback form this draft is for
  const FeedbackTemplate* feedback_template = nullptr;
  std::optional<std::string> existing_feedback_id;  // set: the reviewer's form will be updated
};

struct ReviewDecision {
  bool approve = false;
  std::string reviewer_user_id;  // required to submit: must be an interviewer of the interview
  std::string why;               // shown in the report ("declined in the prompt", …)
};

using ReviewFn = std::function<ReviewDecision(const ReviewRequest&)>;

struct FlowOptions {
  bool post_notes = true;
  bool submit_feedback = true;
  /// Match, draft and review, but write nothing (prints what would be written).
  bool dry_run = false;
  /// No callback = no review = nothing is submitted (drafts are still reported).
  ReviewFn review;
  std::optional<std::string> note_author;  // perform_as for notes (none: the key's user)
  autofill::AutofillOptions autofill;
  WriteBackOptions write;
  std::function<void(std::string_view)> on_event;  // one line per step, for progress output
};

struct CallFlowResult {
  std::string call_id;
  MatchedCall match;
  std::string interviewer_id;
  std::string template_id;
  std::optional<autofill::Draft> draft;
  std::optional<std::string> existing_feedback_id;
  std::string review;                      // "approved by <id>", "declined: …", "not reviewed", ""
  std::optional<WriteOutcome> note;
  std::optional<WriteOutcome> feedback;
  std::vector<std::string> errors;
};

struct FlowReport {
  std::vector<CallFlowResult> calls;
  std::size_t matched = 0, needs_review = 0, no_match = 0;
  std::size_t drafts = 0, approved = 0;
  std::size_t notes_created = 0, feedback_created = 0, feedback_updated = 0, already_present = 0, errors = 0;
  bool dry_run = false;
};

Result<FlowReport> run_flow(const Client& client, WriteJournal& journal, const LiveMatcher& matcher,
                            std::span<const RecordedCall> calls, const FlowOptions& options);

/// The TL;DR of AI notes: the text after a leading "TL;DR:" line, else the first sentence.
std::string extract_tldr(std::string_view notes);

/// The report as one JSON object (calls with match JSON, draft JSON, review and write outcomes).
std::string to_json(const FlowReport& report);

}  // namespace leverkit::integration
