// Duplicate-safe write-back of notes and feedback (docs/adr/0066-write-journal-and-read-before-retry.md).
#include "leverkit/fmt.hpp"
#include "leverkit/integration/write_back.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace leverkit::inline v0::integration {

std::string_view to_string(WriteAction a) noexcept {
  switch (a) {
    case WriteAction::created: return "created";
    case WriteAction::updated: return "updated";
    case WriteAction::already_present: return "already_present";
    case WriteAction::recovered: return "recovered";
  }
  return "unknown";
}

std::string note_marker(std::string_view call_id) { return fmt::format("[leverkit:call={}]", call_id); }

std::string render_note(const CallNote& note) {
  std::string out = fmt::format("TL;DR: {}", note.tldr);
  if (!note.body.empty()) out += fmt::format("\n\n{}", note.body);
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  if (!note.call_url.empty()) out += fmt::format("\n\nRecording: {}", note.call_url);
  out += fmt::format("\n{}", note_marker(note.call_id));
  return out;
}

bool write_outcome_ambiguous(const Error& e) noexcept {
  switch (e.code) {
    case Errc::transport:
    case Errc::timeout:
    case Errc::cancelled:
      return !request_not_sent(e);
    case Errc::server_error:      // 5xx: the body may have been applied before the failure
    case Errc::decode_error:      // a 2xx we could not read (truncated, invalid JSON)
      return true;
    case Errc::unexpected_status:
      return e.http_status == 0 || e.http_status >= 500 || e.http_status == 408;
    default:
      return false;
  }
}

namespace {

/// Failures where Lever provably did nothing and a plain retry is safe.
bool not_applied_retryable(const Error& e) noexcept {
  return e.code == Errc::rate_limited || ((e.code == Errc::transport || e.code == Errc::timeout) && request_not_sent(e));
}

Timestamp now_of(const WriteBackOptions& o) {
  if (o.now) return o.now();
  return std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
}

/// The note (id) on `opportunity` whose text holds `marker`, if any.
Result<std::optional<std::string>> find_note(const Client& client, const std::string& opportunity, const std::string& marker,
                                             const CallOptions& call) {
  for (auto&& r : client.list_notes({.opportunity_id = opportunity}, call)) {
    if (!r) return std::move(r).error();
    const Note& n = r.value();
    if (n.deleted_at) continue;
    for (const auto& c : n.comments)
      if (c.value.find(marker) != std::string::npos) return std::optional<std::string>{n.id};
  }
  return std::optional<std::string>{};
}

/// The author's live feedback form on the same interview/panel and template, if any.
Result<std::optional<Feedback>> find_feedback(const Client& client, const FeedbackWrite& w, const CallOptions& call) {
  const FeedbackCreate& b = w.request.body;
  std::optional<Feedback> found;
  for (auto&& r : client.list_feedback({.opportunity_id = w.request.opportunity_id}, call)) {
    if (!r) return std::move(r).error();
    Feedback f = std::move(r).value();
    if (f.deleted() || !f.user || f.user->id != w.request.perform_as) continue;
    if (f.base_template_id.value_or("") != b.base_template_id) continue;
    if (f.interview != b.interview || (b.panel && f.panel != b.panel)) continue;
    // Several forms (created by hand): the earliest is the one the interviewer sees first.
    if (!found || f.created_at < found->created_at) found = std::move(f);
  }
  return found;
}

struct Attempt {
  JournalEntry& entry;
  WriteJournal& journal;
  const WriteBackOptions& options;
  WriteOutcome& outcome;

  Result<void> save(WriteStatus status, std::string error = {}) {
    entry.status = status;
    entry.last_error = std::move(error);
    entry.updated_at = now_of(options);
    return journal.put(entry);
  }
};

Result<void> pause(const WriteBackOptions& o, const CallOptions& call) {
  auto sleeper = o.sleeper ? o.sleeper : thread_sleeper();
  return sleeper->sleep_for(o.retry_delay, call.cancel);
}

/// The create loop shared by notes and feedback: intent → POST → outcome; after an ambiguous
/// failure read Lever (`find`) before sending again.
template <class Send, class Find>
Result<WriteOutcome> create_once(JournalEntry& entry, WriteJournal& journal, const WriteBackOptions& options,
                                 const CallOptions& call, Send&& send, Find&& find) {
  WriteOutcome out;
  out.key = entry.key;
  Attempt a{entry, journal, options, out};
  entry.action = "create";
  std::optional<Error> last;
  // Once an attempt may have been applied, no later refusal (a 429, a 4xx) proves otherwise:
  // the entry stays `ambiguous` so the next run reads Lever before sending again. Saving it as
  // `failed` would let that run POST blindly and double a write whose read-back lagged.
  bool maybe_applied = false;
  auto refused = [&]() { return maybe_applied ? WriteStatus::ambiguous : WriteStatus::failed; };
  for (int i = 0; i < std::max(1, options.max_attempts); ++i) {
    if (i > 0) LEVERKIT_TRYV(pause(options, call));
    ++entry.attempts;
    ++out.attempts;
    LEVERKIT_TRYV(a.save(WriteStatus::pending));  // intent: durable before the request leaves
    Result<std::string> sent = send();
    if (sent) {
      entry.lever_id = sent.value();
      LEVERKIT_TRYV(a.save(WriteStatus::succeeded));
      out.action = WriteAction::created;
      out.lever_id = entry.lever_id;
      return out;
    }
    Error e = std::move(sent).error();
    if (not_applied_retryable(e)) {
      LEVERKIT_TRYV(a.save(refused(), e.to_string()));
      last = std::move(e);
      continue;
    }
    if (!write_outcome_ambiguous(e)) {
      LEVERKIT_TRYV(a.save(refused(), e.to_string()));
      return e;
    }
    maybe_applied = true;
    LEVERKIT_TRYV(a.save(WriteStatus::ambiguous, e.to_string()));
    last = std::move(e);
    // The request may have been applied: look before sending it again.
    LEVERKIT_TRYV(pause(options, call));
    ++entry.readbacks;
    ++out.readbacks;
    auto seen = find();
    if (!seen) {
      // Cannot tell: stop here (the entry stays ambiguous, so the next run reads first).
      LEVERKIT_TRYV(a.save(WriteStatus::ambiguous, last->to_string()));
      Error err = std::move(seen).error();
      err.message = fmt::format("write {} had an ambiguous outcome ({}) and Lever could not be read back: {}",
                                entry.key, last->to_string(), err.message);
      return err;
    }
    if (seen.value()) {
      entry.lever_id = *seen.value();
      LEVERKIT_TRYV(a.save(WriteStatus::succeeded));
      out.action = WriteAction::recovered;
      out.lever_id = entry.lever_id;
      return out;
    }
    LEVERKIT_TRYV(a.save(WriteStatus::ambiguous, last->to_string()));
  }
  Error err = last ? *last : Error(Errc::invalid_argument, "write-back: no attempt was made");
  err.message = fmt::format("write {} gave up after {} attempts: {}", entry.key, out.attempts, err.message);
  return err;
}

Result<JournalEntry> load_entry(WriteJournal& journal, const std::string& key) {
  LEVERKIT_TRY(existing, journal.get(key));
  if (existing) return std::move(*existing);
  JournalEntry e;
  e.key = key;
  return e;
}

}  // namespace

WriteBack::WriteBack(Client client, WriteJournal& journal, WriteBackOptions options)
    : client_(std::move(client)), journal_(&journal), options_(std::move(options)) {}

std::string WriteBack::note_key(const CallNote& note) {
  // One note per call, whichever opportunity it was matched to: a call re-matched elsewhere
  // must not get a second note (see post_note).
  return fmt::format("note:{}", note.call_id);
}

std::string WriteBack::feedback_key(const FeedbackWrite& w) {
  const FeedbackCreate& b = w.request.body;
  return fmt::format("feedback:{}:{}:{}:{}", w.request.opportunity_id, b.interview.value_or(b.panel.value_or("-")),
                     w.request.perform_as, b.base_template_id);
}

Result<WriteOutcome> WriteBack::post_note(const CallNote& note, const CallOptions& call) const {
  if (note.call_id.empty()) return Error(Errc::invalid_argument, "post_note: call_id is required (it marks the note)");
  if (note.opportunity_id.empty()) return Error(Errc::invalid_argument, "post_note: opportunity_id is required");
  if (note.tldr.empty()) return Error(Errc::invalid_argument, "post_note: tldr is required (it opens the note)");
  const std::string key = note_key(note);
  const std::string marker = note_marker(note.call_id);
  LEVERKIT_TRY(entry, load_entry(*journal_, key));
  entry.kind = WriteKind::note;
  entry.call_id = note.call_id;
  entry.marker = marker;
  entry.performed_as = note.perform_as.value_or("");
  WriteOutcome out;
  out.key = key;
  if (!entry.opportunity_id.empty() && entry.opportunity_id != note.opportunity_id && entry.attempts > 0 &&
      entry.status != WriteStatus::failed)
    return Error(Errc::conflict,
                 fmt::format("post_note: call {} was posted (or may have been) on opportunity {}; it now matches {}. "
                             "Not posting a second note: move or delete the first one, then clear journal entry {}",
                             note.call_id, entry.opportunity_id, note.opportunity_id, key));
  entry.opportunity_id = note.opportunity_id;
  if (entry.status == WriteStatus::succeeded && !entry.lever_id.empty()) {
    out.action = WriteAction::already_present;
    out.lever_id = entry.lever_id;
    return out;
  }
  auto find = [&]() { return find_note(client_, note.opportunity_id, marker, call); };
  const bool unknown_outcome = entry.attempts > 0 && entry.status != WriteStatus::failed;
  if (options_.check_lever_first || unknown_outcome) {
    ++entry.readbacks;
    LEVERKIT_TRY(seen, find());
    if (seen) {
      entry.lever_id = *seen;
      entry.status = WriteStatus::succeeded;
      entry.updated_at = now_of(options_);
      LEVERKIT_TRYV(journal_->put(entry));
      out.action = unknown_outcome ? WriteAction::recovered : WriteAction::already_present;
      out.lever_id = *seen;
      out.readbacks = 1;
      return out;
    }
  }
  CreateNoteRequest req{.opportunity_id = note.opportunity_id,
                        .perform_as = note.perform_as,
                        .body = {.value = render_note(note), .secret = note.secret, .created_at = note.created_at}};
  auto send = [&]() -> Result<std::string> {
    LEVERKIT_TRY(created, client_.create_note(req, call));
    return created.note_id;
  };
  int pre_reads = (options_.check_lever_first || unknown_outcome) ? 1 : 0;
  LEVERKIT_TRY(result, create_once(entry, *journal_, options_, call, send, find));
  result.readbacks += pre_reads;
  return result;
}

Result<WriteOutcome> WriteBack::submit_feedback(const FeedbackWrite& w, const CallOptions& call) const {
  const FeedbackCreate& body = w.request.body;
  if (w.request.opportunity_id.empty()) return Error(Errc::invalid_argument, "submit_feedback: request.opportunity_id is required");
  if (w.request.perform_as.empty())
    return Error(Errc::invalid_argument, "submit_feedback: request.perform_as is empty: feedback needs an explicit reviewer");
  if (body.base_template_id.empty()) return Error(Errc::invalid_argument, "submit_feedback: request.body.base_template_id is required");
  LEVERKIT_TRYV(validate(body));
  const std::string key = feedback_key(w);
  LEVERKIT_TRY(entry, load_entry(*journal_, key));
  entry.kind = WriteKind::feedback;
  entry.opportunity_id = w.request.opportunity_id;
  entry.call_id = w.call_id;
  entry.marker = fmt::format("{}|{}|{}", body.interview.value_or(""), w.request.perform_as, body.base_template_id);
  entry.performed_as = w.request.perform_as;

  // Feedback is always read first: whether the author already has a form decides create vs
  // update, and it is the read that resolves a previous ambiguous outcome.
  ++entry.readbacks;
  LEVERKIT_TRY(existing, find_feedback(client_, w, call));
  if (!existing && entry.status == WriteStatus::succeeded && !entry.lever_id.empty())
    return Error(Errc::conflict, fmt::format("feedback {} was written by leverkit (journal {}) but is no longer in Lever; "
                                             "not re-creating what a person may have deleted",
                                             entry.lever_id, key));
  if (!existing) {
    auto send = [&]() -> Result<std::string> {
      LEVERKIT_TRY(fb, client_.create_feedback(w.request, call));
      return fb.id;
    };
    auto find = [&]() -> Result<std::optional<std::string>> {
      LEVERKIT_TRY(f, find_feedback(client_, w, call));
      if (!f) return std::optional<std::string>{};
      return std::optional<std::string>{f->id};
    };
    LEVERKIT_TRY(result, create_once(entry, *journal_, options_, call, send, find));
    result.readbacks += 1;
    return result;
  }

  // Update the existing form: map template field ids onto the form's own field ids.
  WriteOutcome out;
  out.key = key;
  out.readbacks = 1;
  out.lever_id = existing->id;
  FeedbackUpdate update;
  for (const auto& fv : body.field_values) {
    const FormField* target = nullptr;
    for (const auto& f : existing->fields)
      if (f.id == fv.id) target = &f;
    if (!target) {
      auto tf = std::find_if(w.template_fields.begin(), w.template_fields.end(),
                             [&](const FormField& f) { return f.id == fv.id; });
      if (tf != w.template_fields.end())
        for (const auto& f : existing->fields)
          if (f.text == tf->text && f.type_name == tf->type_name) target = &f;
    }
    if (!target)
      return Error(Errc::invalid_argument,
                   fmt::format("submit_feedback: field {} of the draft is not on feedback form {} (template edited? pass "
                               "template_fields to map by question)",
                               fv.id, existing->id));
    if (target->value == fv.value) continue;  // already says this (e.g. our own earlier write)
    if (!std::holds_alternative<std::monostate>(target->value) && !w.overwrite_existing_values) {
      out.kept_fields.push_back(target->id);
      continue;
    }
    update.field_values.push_back({.id = target->id, .value = fv.value});
  }
  if (update.field_values.empty()) {
    entry.lever_id = existing->id;
    entry.status = WriteStatus::succeeded;
    entry.updated_at = now_of(options_);
    if (entry.action.empty()) entry.action = "update";
    LEVERKIT_TRYV(journal_->put(entry));
    out.action = WriteAction::already_present;
    return out;
  }
  entry.action = "update";
  entry.lever_id = existing->id;
  ++entry.attempts;
  out.attempts = 1;
  entry.status = WriteStatus::pending;
  entry.updated_at = now_of(options_);
  LEVERKIT_TRYV(journal_->put(entry));
  // A PUT of field values is idempotent: the client itself retries it on 5xx and resets.
  auto r = client_.update_feedback({.opportunity_id = w.request.opportunity_id,
                                    .feedback_id = existing->id,
                                    .perform_as = w.request.perform_as,
                                    .body = update},
                                   call);
  if (!r) {
    Error e = std::move(r).error();
    entry.status = write_outcome_ambiguous(e) ? WriteStatus::ambiguous : WriteStatus::failed;
    entry.last_error = e.to_string();
    entry.updated_at = now_of(options_);
    LEVERKIT_TRYV(journal_->put(entry));
    return e;
  }
  entry.status = WriteStatus::succeeded;
  entry.last_error.clear();
  entry.updated_at = now_of(options_);
  LEVERKIT_TRYV(journal_->put(entry));
  out.action = WriteAction::updated;
  return out;
}

}  // namespace leverkit::integration
