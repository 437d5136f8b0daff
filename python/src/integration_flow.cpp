// leverkit::integration bindings, part 2: access decisions, live matching, recorded calls, the
// write journal and write-back, and the end-to-end flow (GIL and callback rules: integration.cpp).
#include "integration.hpp"

#ifdef LEVERKIT_PY_HAS_INTEGRATION

namespace leverkit::inline v0::py::integration_bindings {

void bind_flow(nb::module_& m) {
  // ---- access ----
  nb::enum_<AccessReason>(m, "AccessReason", "Why a user may see a call.")
      .value("interviewer", AccessReason::interviewer)
      .value("panel_interviewer", AccessReason::panel_interviewer)
      .value("opportunity_owner", AccessReason::opportunity_owner)
      .value("posting_hiring_manager", AccessReason::posting_hiring_manager)
      .value("posting_owner", AccessReason::posting_owner)
      .value("opportunity_follower", AccessReason::opportunity_follower)
      .value("admin_role", AccessReason::admin_role)
      .value("always_allowed", AccessReason::always_allowed);
  bind_struct<AccessPolicy>(m, "AccessPolicy", "Who may see a matched call's recording and notes.", LK_RW,
                            LK_F(AccessPolicy, interviewers), LK_F(AccessPolicy, panel_interviewers),
                            LK_F(AccessPolicy, opportunity_owner), LK_F(AccessPolicy, posting_hiring_manager),
                            LK_F(AccessPolicy, posting_owner), LK_F(AccessPolicy, opportunity_followers),
                            LK_F(AccessPolicy, admin_roles), LK_F(AccessPolicy, confidential_roles),
                            LK_F(AccessPolicy, confidential_panel_interviewers),
                            LK_F(AccessPolicy, unmatched_roles), LK_F(AccessPolicy, always_allow));
  bind_struct<AccessGrant>(m, "AccessGrant", "One user who may see the call, and why.", LK_RO,
                           LK_F(AccessGrant, user_id), LK_F(AccessGrant, name), LK_F(AccessGrant, email),
                           LK_F(AccessGrant, access_role), LK_F(AccessGrant, known), LK_F(AccessGrant, reasons));
  bind_struct<AccessDecision>(m, "AccessDecision", "Who may see one call.", LK_RO, LK_F(AccessDecision, call_id),
                              LK_F(AccessDecision, matched), LK_F(AccessDecision, confidential),
                              LK_F(AccessDecision, opportunity_id), LK_F(AccessDecision, posting_id),
                              LK_F(AccessDecision, viewers), LK_F(AccessDecision, excluded))
      .def("may_see", [](const AccessDecision& d, std::string_view user_id) { return may_see(d, user_id); },
           nb::arg("user_id"));

  // ---- live matching ----
  bind_struct<MatchedCall>(m, "MatchedCall", "A match result with its access decision and linked Lever objects.",
                           LK_RO, LK_F(MatchedCall, result), LK_F(MatchedCall, access),
                           LK_F(MatchedCall, interview), LK_F(MatchedCall, opportunity));
  nb::class_<LiveMatcher>(m, "LiveMatcher",
                          "A matcher over a synced store's snapshot that also decides who may see each call. "
                          "Thread-safe; index building and matching run with the GIL released.")
      .def(
          "__init__",
          [](LiveMatcher* self, match::LeverSnapshot snapshot, std::optional<match::MatchOptions> match_options,
             std::optional<AccessPolicy> access) {
            LiveMatchOptions o;
            if (match_options) o.match = *match_options;
            if (access) o.access = std::move(*access);
            nb::gil_scoped_release release;
            new (self) LiveMatcher(std::move(snapshot), std::move(o));
          },
          nb::arg("snapshot"), nb::kw_only(), nb::arg("match") = nb::none(), nb::arg("access") = nb::none())
      .def_static(
          "from_store",
          [](const SyncStore& store, std::optional<match::MatchOptions> match_options,
             std::optional<AccessPolicy> access, bool include_archived, bool include_canceled) {
            LiveMatchOptions o;
            if (match_options) o.match = *match_options;
            if (access) o.access = std::move(*access);
            SnapshotOptions so{include_archived, include_canceled};
            return call_released([&] { return live_matcher_from_store(store, o, so); });
          },
          nb::arg("store"), nb::kw_only(), nb::arg("match") = nb::none(), nb::arg("access") = nb::none(),
          nb::arg("include_archived") = true, nb::arg("include_canceled") = true,
          "Loads the store's snapshot and builds the index (GIL released).")
      .def(
          "match",
          [](const LiveMatcher& lm, nb::iterable calls) {
            std::vector<match::Call> cs = to_calls(calls);
            nb::gil_scoped_release release;
            return lm.match(cs);
          },
          nb::arg("calls"),
          nb::sig("def match(self, calls: collections.abc.Iterable[Call | str | collections.abc.Mapping[str, "
                  "typing.Any]]) -> list[MatchedCall]"),
          "Matches the calls (Call objects, dicts or JSON lines) and decides access for each.")
      .def_prop_ro("snapshot", &LiveMatcher::snapshot, "The snapshot the index was built from.");

  // ---- recorded calls ----
  bind_struct<RecordedCall>(m, "RecordedCall",
                            "A notetaker's recorded call: the call to match, its transcript and AI notes.", LK_RW,
                            LK_F(RecordedCall, call), LK_F(RecordedCall, transcript), LK_F(RecordedCall, notes),
                            LK_F(RecordedCall, recording_url), LK_F(RecordedCall, expected_kind),
                            LK_F(RecordedCall, expected_interview_id), LK_F(RecordedCall, expected_opportunity_id),
                            LK_F(RecordedCall, expected_template_id));
  m.def(
      "parse_recorded_calls", [](std::string_view json) { return unwrap(parse_recorded_calls(json)); },
      nb::arg("json"), "Parses a JSON array of recorded calls (the sandbox's /__sandbox/calls format).");
  m.def(
      "fetch_sandbox_calls",
      [](std::string base_url, int count, int seed) {
        return call_released([&] { return fetch_sandbox_calls(base_url, count, seed); });
      },
      nb::arg("sandbox_base_url"), nb::arg("count"), nb::arg("seed") = 1,
      "Recorded calls a leverkit-sandbox generates for its own data (base URL with or without /v1).");

  // ---- write journal and write-back ----
  nb::enum_<WriteKind>(m, "WriteKind").value("note", WriteKind::note).value("feedback", WriteKind::feedback);
  nb::enum_<WriteStatus>(m, "WriteStatus")
      .value("pending", WriteStatus::pending)
      .value("succeeded", WriteStatus::succeeded)
      .value("ambiguous", WriteStatus::ambiguous)
      .value("failed", WriteStatus::failed);
  bind_struct<JournalEntry>(m, "JournalEntry", "One logical write to Lever, by idempotency key.", LK_RO,
                            LK_F(JournalEntry, key), LK_F(JournalEntry, kind), LK_F(JournalEntry, opportunity_id),
                            LK_F(JournalEntry, call_id), LK_F(JournalEntry, marker),
                            LK_F(JournalEntry, performed_as), LK_F(JournalEntry, action),
                            LK_F(JournalEntry, status), LK_F(JournalEntry, lever_id), LK_F(JournalEntry, attempts),
                            LK_F(JournalEntry, readbacks), LK_F(JournalEntry, last_error),
                            LK_F(JournalEntry, updated_at));
  nb::class_<WriteJournal>(m, "WriteJournal",
                           "Remembers every write to Lever so that a re-run writes nothing twice "
                           "(MemoryWriteJournal, SqliteWriteJournal). Thread-safe.")
      .def("get", [](WriteJournal& j, std::string key) { return call_released([&] { return j.get(key); }); },
           nb::arg("key"))
      .def("list", [](WriteJournal& j) { return call_released([&] { return j.list(); }); });
  nb::class_<MemoryWriteJournal, WriteJournal>(m, "MemoryWriteJournal", "A journal in memory.").def(nb::init<>());
  nb::class_<SqliteWriteJournal, WriteJournal>(m, "SqliteWriteJournal",
                                               "A journal in a SQLite file (may be the SyncStore's file).")
      .def_static(
          "open",
          [](std::string path) {
            return std::shared_ptr<SqliteWriteJournal>(call_released([&] { return SqliteWriteJournal::open(path); }));
          },
          nb::arg("path"));

  nb::enum_<WriteAction>(m, "WriteAction", "What a write-back did.")
      .value("created", WriteAction::created)
      .value("updated", WriteAction::updated)
      .value("already_present", WriteAction::already_present)
      .value("recovered", WriteAction::recovered);
  bind_struct<WriteOutcome>(m, "WriteOutcome", "The outcome of one logical write.", LK_RO,
                            LK_F(WriteOutcome, action), LK_F(WriteOutcome, key), LK_F(WriteOutcome, lever_id),
                            LK_F(WriteOutcome, attempts), LK_F(WriteOutcome, readbacks),
                            LK_F(WriteOutcome, kept_fields));
  bind_struct<CallNote>(m, "CallNote", "A note about a recorded call, posted once per call.", LK_RW,
                        LK_F(CallNote, call_id), LK_F(CallNote, opportunity_id), LK_F(CallNote, tldr),
                        LK_F(CallNote, body), LK_F(CallNote, call_url), LK_F(CallNote, perform_as),
                        LK_F(CallNote, secret), LK_F(CallNote, created_at));
  m.def("note_marker", &note_marker, nb::arg("call_id"), "The marker a note about call_id carries.");
  m.def("render_note", &render_note, nb::arg("note"), "The note text as posted.");
  bind_struct<FeedbackWrite>(m, "FeedbackWrite", "A reviewed feedback form to submit (or update).", LK_RW,
                             LK_F(FeedbackWrite, call_id), LK_F(FeedbackWrite, request),
                             LK_F(FeedbackWrite, template_fields),
                             LK_F(FeedbackWrite, overwrite_existing_values));
  nb::class_<WriteBack>(m, "WriteBack",
                        "Idempotent writes to Lever through a journal: notes and feedback, each at most once "
                        "(ambiguous failures resolved by reading Lever back). Network calls release the GIL.")
      .def(
          "__init__",
          [](WriteBack* self, const Client& client, WriteJournal& journal, int max_attempts,
             std::optional<std::chrono::milliseconds> retry_delay, bool check_lever_first) {
            WriteBackOptions o;
            o.max_attempts = max_attempts;
            if (retry_delay) o.retry_delay = *retry_delay;
            o.check_lever_first = check_lever_first;
            new (self) WriteBack(client, journal, std::move(o));
          },
          nb::arg("client"), nb::arg("journal"), nb::kw_only(), nb::arg("max_attempts") = 4,
          nb::arg("retry_delay") = nb::none(), nb::arg("check_lever_first") = true, nb::keep_alive<1, 3>())
      .def(
          "post_note",
          [](const WriteBack& w, const CallNote& note) { return call_released([&] { return w.post_note(note); }); },
          nb::arg("note"))
      .def(
          "submit_feedback",
          [](const WriteBack& w, const FeedbackWrite& fw) {
            return call_released([&] { return w.submit_feedback(fw); });
          },
          nb::arg("write"));

  // ---- the flow ----
  bind_struct<PyReviewRequest>(m, "ReviewRequest",
                               "A draft waiting for its interviewer's review (passed to run_flow's review callback).",
                               LK_RO, LK_F(PyReviewRequest, call), LK_F(PyReviewRequest, match),
                               LK_F(PyReviewRequest, draft), LK_F(PyReviewRequest, interviewer),
                               LK_F(PyReviewRequest, feedback_template),
                               LK_F(PyReviewRequest, existing_feedback_id));
  bind_struct<ReviewDecision>(m, "ReviewDecision",
                              "The review callback's answer: approve as reviewer_user_id (an interviewer of the "
                              "interview), or decline with why.",
                              LK_RW, LK_F(ReviewDecision, approve), LK_F(ReviewDecision, reviewer_user_id),
                              LK_F(ReviewDecision, why));
  bind_struct<CallFlowResult>(m, "CallFlowResult", "What the flow did with one call.", LK_RO,
                              LK_F(CallFlowResult, call_id), LK_F(CallFlowResult, match),
                              LK_F(CallFlowResult, interviewer_id), LK_F(CallFlowResult, template_id),
                              LK_F(CallFlowResult, draft), LK_F(CallFlowResult, existing_feedback_id),
                              LK_F(CallFlowResult, review), LK_F(CallFlowResult, note),
                              LK_F(CallFlowResult, feedback), LK_F(CallFlowResult, errors));
  bind_struct<FlowReport>(m, "FlowReport", "The flow's counts and per-call results.", LK_RO,
                          LK_F(FlowReport, calls), LK_F(FlowReport, matched), LK_F(FlowReport, needs_review),
                          LK_F(FlowReport, no_match), LK_F(FlowReport, drafts), LK_F(FlowReport, approved),
                          LK_F(FlowReport, notes_created), LK_F(FlowReport, feedback_created),
                          LK_F(FlowReport, feedback_updated), LK_F(FlowReport, already_present),
                          LK_F(FlowReport, errors), LK_F(FlowReport, dry_run))
      .def("to_json", [](const FlowReport& r) { return to_json(r); });
  m.def("extract_tldr", &extract_tldr, nb::arg("notes"), "The one-line summary the flow puts first in a note.");
  m.def(
      "run_flow",
      [](const Client& client, WriteJournal& journal, const LiveMatcher& matcher, nb::iterable calls,
         nb::object review, bool post_notes, bool submit_feedback, bool dry_run, std::optional<std::string> note_author,
         nb::object on_event, int max_attempts, std::optional<std::chrono::milliseconds> retry_delay) {
        std::vector<RecordedCall> rcs = to_recorded(calls);
        FlowOptions o;
        o.post_notes = post_notes;
        o.submit_feedback = submit_feedback;
        o.dry_run = dry_run;
        o.note_author = std::move(note_author);
        o.write.max_attempts = max_attempts;
        if (retry_delay) o.write.retry_delay = *retry_delay;
        CallbackError cb_error;
        if (!review.is_none()) {
          PyObject* fn = review.ptr();  // kept alive by `review` for the whole call
          o.review = [fn, &cb_error](const ReviewRequest& r) -> ReviewDecision {
            nb::gil_scoped_acquire acquire;  // may run on a C++ thread
            if (cb_error.error) return decline("review callback raised");
            try {
              PyReviewRequest req{*r.call, *r.match, *r.draft, *r.interviewer, *r.feedback_template,
                                  r.existing_feedback_id};
              nb::handle callback(fn);
              nb::object answer = callback(nb::cast(std::move(req)));
              if (answer.is_none()) return decline("declined by the review callback");
              return nb::cast<ReviewDecision>(answer);
            } catch (nb::python_error& e) {
              cb_error.keep(e);
            } catch (nb::cast_error&) {
              PyErr_SetString(PyExc_TypeError, "run_flow: review must return a ReviewDecision or None");
              nb::python_error e;
              cb_error.keep(e);
            }
            return decline("review callback raised");
          };
        }
        if (!on_event.is_none()) {
          PyObject* fn = on_event.ptr();
          o.on_event = [fn, &cb_error](std::string_view line) {
            nb::gil_scoped_acquire acquire;
            if (cb_error.error) return;
            try {
              nb::handle callback(fn);
              callback(nb::str(line.data(), line.size()));
            } catch (nb::python_error& e) {
              cb_error.keep(e);
            }
          };
        }
        Result<FlowReport> r = [&] {
          nb::gil_scoped_release release;
          return run_flow(client, journal, matcher, rcs, o);
        }();
        cb_error.rethrow();
        return unwrap(std::move(r));
      },
      nb::arg("client"), nb::arg("journal"), nb::arg("matcher"), nb::arg("calls"), nb::kw_only(),
      nb::arg("review") = nb::none(), nb::arg("post_notes") = true, nb::arg("submit_feedback") = true,
      nb::arg("dry_run") = false, nb::arg("note_author") = nb::none(), nb::arg("on_event") = nb::none(),
      nb::arg("max_attempts") = 4, nb::arg("retry_delay") = nb::none(),
      nb::sig("def run_flow(client: Client, journal: WriteJournal, matcher: LiveMatcher, calls: "
              "collections.abc.Iterable[RecordedCall | Call | str | collections.abc.Mapping[str, typing.Any]], *, "
              "review: collections.abc.Callable[[ReviewRequest], ReviewDecision | None] | None = None, "
              "post_notes: bool = True, submit_feedback: bool = True, dry_run: bool = False, note_author: str | "
              "None = None, on_event: collections.abc.Callable[[str], None] | None = None, max_attempts: int = 4, "
              "retry_delay: datetime.timedelta | None = None) -> FlowReport"),
      "Recorded calls -> Lever: match, post a note per matched call, draft each interviewer's feedback, ask "
      "`review` (called with the GIL, possibly from a C++ thread; None declines), submit approved drafts. "
      "Every write goes through the journal, so a second run writes nothing. A callback's exception is "
      "re-raised after the run.");
}

}  // namespace leverkit::py::integration_bindings

#endif
