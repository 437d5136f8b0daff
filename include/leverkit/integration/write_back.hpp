// leverkit/integration/write_back.hpp — post AI notes and reviewed feedback to Lever, never twice.
//
// What: `WriteBack::post_note` posts a call's AI notes on the candidate's profile, TL;DR first,
// then the notes, a link back to the recording and a stable marker naming the call
// (`[leverkit:call=<id>]`) so the note can be found again in Lever. `WriteBack::submit_feedback`
// turns a reviewed autofill draft (the `CreateFeedbackRequest` from autofill::make_feedback_create,
// which cannot exist without a reviewer) into the interviewer's feedback on the interview/panel with `perform_as` = the
// reviewer; when that interviewer already has a form for the same interview and template it is
// UPDATED (values mapped onto the form's own field ids, answers a human already gave are kept
// unless `overwrite_existing_values`) instead of a second form being created.
// Every write goes through a `WriteJournal`: intent before the request, outcome after. A POST that
// failed ambiguously (timeout, reset, truncated or unreadable 2xx, 5xx) may have been applied, so
// before any retry the write-back READS Lever (the notes' marker; the author's form on that
// interview) and stops if the object is there; a journal entry left pending/ambiguous by a crash
// triggers the same read on the next run. 429 and not-sent failures are retried without a read
// (Lever did nothing); other 4xx end the write as `failed`.
// Errors: invalid_argument (missing id, TL;DR, reviewer, call id), the client's errors after the
// attempts are spent, conflict when the journal says a write succeeded but Lever no longer has
// the object (deleted by a human: not re-created) or when a call whose note was posted on one
// opportunity is now matched to another (one note per call), io_error from the journal.
// Thread-safety: a WriteBack may be shared; concurrent writes of the *same* key are not
// serialized (one writer per call is the expected use).
// Example:
//   leverkit::integration::MemoryWriteJournal journal;
//   leverkit::integration::WriteBack wb{client, journal};
//   LEVERKIT_TRY(out, wb.post_note({.call_id = "rec-1", .opportunity_id = opp,
//                                   .tldr = "Strong systems background", .body = notes,
//                                   .call_url = "https://notetaker.example/rec-1"}));
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "leverkit/autofill/draft.hpp"
#include "leverkit/client/client.hpp"
#include "leverkit/client/clock.hpp"
#include "leverkit/integration/write_journal.hpp"

namespace leverkit::inline v0::integration {

struct CallNote {
  std::string call_id;         // required: goes into the marker
  std::string opportunity_id;  // required
  std::string tldr;            // required: the first line of the note
  std::string body;            // the AI notes
  std::string call_url;        // link back to the recording ("" = none)
  std::optional<std::string> perform_as;
  bool secret = false;
  std::optional<Timestamp> created_at;
};

/// "[leverkit:call=<call id>]" — the marker a read-back looks for.
std::string note_marker(std::string_view call_id);
/// "TL;DR: …\n\n<body>\n\nRecording: <url>\n[leverkit:call=<id>]".
std::string render_note(const CallNote& note);

struct FeedbackWrite {
  std::string call_id;                    // for the journal ("" allowed)
  /// From autofill::make_feedback_create: opportunity_id, perform_as (the reviewer) and body,
  /// all required — the same request Client::create_feedback takes.
  CreateFeedbackRequest request;
  /// The template's fields, to map values onto an existing form whose field ids differ from
  /// the template's (Lever regenerates ids when a template is edited). Optional.
  std::vector<FormField> template_fields;
  bool overwrite_existing_values = false;
};

enum class WriteAction {
  created,          // this call created the object
  updated,          // an existing feedback form was updated
  already_present,  // the journal or Lever showed it was written before: nothing sent
  recovered,        // an ambiguous failure, then the read-back found our object
};
std::string_view to_string(WriteAction a) noexcept;

struct WriteOutcome {
  WriteAction action = WriteAction::created;
  std::string key;                          // journal key
  std::string lever_id;                     // note id / feedback id
  int attempts = 0;                         // write requests sent by this call
  int readbacks = 0;                        // reads of Lever made by this call
  std::vector<std::string> kept_fields;     // update: field ids left as the human answered them
};

struct WriteBackOptions {
  int max_attempts = 4;                             // write requests per logical write
  std::chrono::milliseconds retry_delay{500};       // before re-reading / re-sending
  std::shared_ptr<Sleeper> sleeper;                 // nullptr = thread_sleeper()
  std::function<Timestamp()> now;                   // journal times; empty = system clock
  /// Read Lever before the first write even when the journal knows nothing of the key (a host
  /// that lost its journal, or another process writing): one list request per write.
  bool check_lever_first = true;
};

class WriteBack {
 public:
  WriteBack(Client client, WriteJournal& journal, WriteBackOptions options = {});

  Result<WriteOutcome> post_note(const CallNote& note, const CallOptions& call = {}) const;
  Result<WriteOutcome> submit_feedback(const FeedbackWrite& write, const CallOptions& call = {}) const;

  /// The journal key of a note / feedback write (for hosts that inspect the journal).
  static std::string note_key(const CallNote& note);
  static std::string feedback_key(const FeedbackWrite& write);

 private:
  Client client_;
  WriteJournal* journal_;
  WriteBackOptions options_;
};

/// Whether a failed write may nevertheless have been applied by Lever.
[[nodiscard]] bool write_outcome_ambiguous(const Error& e) noexcept;

}  // namespace leverkit::integration
