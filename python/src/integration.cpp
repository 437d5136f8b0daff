// leverkit::integration bindings (only when that layer is built; see ADR 0070 and 0072): the
// connection check, the sync store and sync, the schedule and employee feeds, live matching with
// access decisions, recorded calls, the write journal and the write-back, and the end-to-end flow.
//
// GIL: every call that does network, SQLite or engine work runs with the GIL released. Python
// callbacks (sync progress, the flow's review and event callbacks) may be invoked from C++ worker
// threads; the wrappers below acquire the GIL before touching any Python object, and an exception
// raised by a callback is kept, the C++ run is stopped (sync: cancelled; flow: the draft is
// declined) and the exception is re-raised in the calling thread once the run has returned.
#include "bind.hpp"

#ifdef LEVERKIT_PY_HAS_INTEGRATION

#include <memory>
#include <mutex>

#include "leverkit/client/cancellation.hpp"
#include "leverkit/integration/access.hpp"
#include "leverkit/integration/connection_check.hpp"
#include "leverkit/integration/employees.hpp"
#include "leverkit/integration/flow.hpp"
#include "leverkit/integration/live_match.hpp"
#include "leverkit/integration/recorded_call.hpp"
#include "leverkit/integration/schedule.hpp"
#include "leverkit/integration/sync.hpp"
#include "leverkit/integration/sync_store.hpp"
#include "leverkit/integration/write_back.hpp"
#include "leverkit/integration/write_journal.hpp"

#endif

namespace leverkit::py {

#ifdef LEVERKIT_PY_HAS_INTEGRATION

match::Call to_call(nb::handle obj);  // match.cpp

#define LK_F(T, n) field(#n, &T::n)
#define LK_RO Access::read_only
#define LK_RW Access::read_write

namespace {

using namespace leverkit::integration;

/// The first Python exception raised by a callback during a C++ run, re-raised afterwards.
/// Only touched with the GIL held.
struct CallbackError {
  std::optional<nb::python_error> error;
  void keep(nb::python_error& e) {
    if (!error) error.emplace(std::move(e));
  }
  void rethrow() {
    if (error) {
      nb::python_error e = std::move(*error);
      error.reset();
      throw e;
    }
  }
};

/// SyncProgress with an owned phase (the C++ one is a string_view valid only during the call).
struct PySyncProgress {
  std::string phase;
  std::size_t done = 0;
  std::optional<std::size_t> total;
  std::chrono::milliseconds elapsed{0};
  std::optional<std::chrono::milliseconds> eta;
};

/// What the flow's review callback sees: copies (the C++ request points into the running flow).
struct PyReviewRequest {
  RecordedCall call;
  MatchedCall match;
  autofill::Draft draft;
  Interviewer interviewer;
  FeedbackTemplate feedback_template;
  std::optional<std::string> existing_feedback_id;
};

ReviewDecision decline(std::string why) {
  ReviewDecision d;
  d.why = std::move(why);
  return d;
}

std::vector<match::Call> to_calls(nb::iterable calls) {
  std::vector<match::Call> out;
  for (nb::handle c : calls) out.push_back(to_call(c));
  return out;
}

std::vector<RecordedCall> to_recorded(nb::iterable calls) {
  std::vector<RecordedCall> out;
  for (nb::handle c : calls) {
    if (nb::isinstance<RecordedCall>(c)) {
      out.push_back(nb::cast<RecordedCall>(c));
    } else {
      RecordedCall rc;
      rc.call = to_call(c);
      out.push_back(std::move(rc));
    }
  }
  return out;
}

}  // namespace

void bind_integration(nb::module_& m) {
  m.attr("HAS_INTEGRATION") = true;

  // ---- connection check ----
  nb::enum_<PermissionStatus>(m, "PermissionStatus", "Whether the credential has one Lever permission.")
      .value("granted", PermissionStatus::granted)
      .value("missing", PermissionStatus::missing)
      .value("unknown", PermissionStatus::unknown)
      .value("not_applicable", PermissionStatus::not_applicable);
  bind_struct<PermissionCheck>(m, "PermissionCheck", "One permission, the feature needing it and how it was probed.",
                               LK_RO, LK_F(PermissionCheck, scope), LK_F(PermissionCheck, feature),
                               LK_F(PermissionCheck, status), LK_F(PermissionCheck, probe),
                               LK_F(PermissionCheck, inferred), LK_F(PermissionCheck, detail));
  bind_struct<ConnectionReport>(m, "ConnectionReport", "What the credential can do, permission by permission.",
                                LK_RO, LK_F(ConnectionReport, credential_kind), LK_F(ConnectionReport, permissions))
      .def("all_granted", &ConnectionReport::all_granted, "True when every needed permission is granted.")
      .def("missing_lines", &ConnectionReport::missing_lines, "One line per missing permission, for a user.")
      .def("to_text", &ConnectionReport::to_text)
      .def("to_json", &ConnectionReport::to_json);
  m.def(
      "check_connection",
      [](const Client& client, std::optional<std::string> granted_scopes, std::string perform_as,
         const std::optional<CallOptions>& options) {
        CheckOptions o;
        o.granted_scopes = std::move(granted_scopes);
        o.perform_as = std::move(perform_as);
        if (options) o.call = *options;
        return call_released([&] { return check_connection(client, o); });
      },
      nb::arg("client"), nb::kw_only(), nb::arg("granted_scopes") = nb::none(),
      nb::arg("perform_as") = "leverkit-permission-probe", nb::arg("options") = nb::none(),
      "Probes every permission the integration needs with harmless requests (GIL released). "
      "granted_scopes: an OAuth grant's scope string, when known.");

  // ---- sync store ----
  nb::enum_<ObjectKind>(m, "ObjectKind", "Kinds of Lever objects a SyncStore holds.")
      .value("opportunity", ObjectKind::opportunity)
      .value("interview", ObjectKind::interview)
      .value("panel", ObjectKind::panel)
      .value("user", ObjectKind::user)
      .value("posting", ObjectKind::posting)
      .value("stage", ObjectKind::stage);
  nb::enum_<ObjectSource>(m, "ObjectSource", "Which path brought an object into the store.")
      .value("poll", ObjectSource::poll)
      .value("webhook", ObjectSource::webhook);
  bind_struct<StoredObject>(m, "StoredObject", "A Lever object as stored: its JSON verbatim plus bookkeeping.",
                            LK_RO, LK_F(StoredObject, kind), LK_F(StoredObject, id), LK_F(StoredObject, parent_id),
                            LK_F(StoredObject, json), LK_F(StoredObject, updated_at), LK_F(StoredObject, deleted),
                            LK_F(StoredObject, source));
  nb::class_<SyncStore>(m, "SyncStore",
                        "Local copy of the Lever objects an integration needs (SQLite file or memory). "
                        "Thread-safe; every call runs with the GIL released.")
      .def_static("memory", &make_memory_store, "A store in memory (lost at exit).")
      .def_static(
          "open_sqlite", [](std::string path) { return call_released([&] { return open_sqlite_store(path); }); },
          nb::arg("path"), "Opens (creating when missing) a SQLite store file.")
      .def(
          "count_objects",
          [](const SyncStore& s, ObjectKind k) { return call_released([&] { return s.count_objects(k); }); },
          nb::arg("kind"))
      .def(
          "get_object",
          [](const SyncStore& s, ObjectKind k, std::string id) {
            return call_released([&] { return s.get_object(k, id); });
          },
          nb::arg("kind"), nb::arg("id"))
      .def(
          "list_objects",
          [](const SyncStore& s, ObjectKind k, std::optional<std::string> parent_id) {
            return call_released([&] {
              return s.list_objects(k, parent_id ? std::optional<std::string_view>(*parent_id) : std::nullopt);
            });
          },
          nb::arg("kind"), nb::arg("parent_id") = nb::none())
      .def(
          "get_value",
          [](const SyncStore& s, std::string ns, std::string key) {
            return call_released([&] { return s.get_value(ns, key); });
          },
          nb::arg("ns"), nb::arg("key"))
      .def(
          "put_value",
          [](SyncStore& s, std::string ns, std::string key, std::string value) {
            call_released([&] { return s.put_value(ns, key, value); });
          },
          nb::arg("ns"), nb::arg("key"), nb::arg("value"))
      .def(
          "checkpoint",
          [](const SyncStore& s, std::string name) { return call_released([&] { return s.checkpoint(name); }); },
          nb::arg("name"), "A sync checkpoint ('opportunities', ...) or None.")
      .def(
          "load_snapshot",
          [](const SyncStore& s, bool include_archived, bool include_canceled) {
            SnapshotOptions o{include_archived, include_canceled};
            return call_released([&] { return s.load_snapshot(o); });
          },
          nb::kw_only(), nb::arg("include_archived") = true, nb::arg("include_canceled") = true,
          "The stored objects as a LeverSnapshot for the matcher.");

  // ---- sync ----
  nb::enum_<InterviewScope>(m, "InterviewScope", "Which opportunities' interviews a sync lists.")
      .value("all", InterviewScope::all)
      .value("not_archived", InterviewScope::not_archived)
      .value("changed_only", InterviewScope::changed_only);
  bind_struct<PySyncProgress>(m, "SyncProgress", "Progress of a sync phase (passed to on_progress).", LK_RO,
                              LK_F(PySyncProgress, phase), LK_F(PySyncProgress, done), LK_F(PySyncProgress, total),
                              LK_F(PySyncProgress, elapsed), LK_F(PySyncProgress, eta));
  bind_struct<SyncReport>(m, "SyncReport", "What a sync run fetched and stored.", LK_RO,
                          LK_F(SyncReport, incremental), LK_F(SyncReport, resumed),
                          LK_F(SyncReport, confidential_included), LK_F(SyncReport, pages),
                          LK_F(SyncReport, stages), LK_F(SyncReport, users), LK_F(SyncReport, postings),
                          LK_F(SyncReport, opportunities), LK_F(SyncReport, deleted_opportunities),
                          LK_F(SyncReport, opportunities_visited), LK_F(SyncReport, interviews),
                          LK_F(SyncReport, panels), LK_F(SyncReport, elapsed), LK_F(SyncReport, watermark));
  m.def(
      "run_sync",
      [](const Client& client, SyncStore& store, bool full, bool include_confidential, bool include_deleted,
         InterviewScope interview_scope, int page_size, std::size_t workers,
         std::optional<std::chrono::milliseconds> watermark_overlap, nb::object on_progress,
         std::optional<CancellationToken> cancel) {
        SyncOptions o;
        o.full = full;
        o.include_confidential = include_confidential;
        o.include_deleted = include_deleted;
        o.interview_scope = interview_scope;
        o.page_size = page_size;
        o.workers = workers;
        if (watermark_overlap) o.watermark_overlap = *watermark_overlap;
        // A raising callback cancels the run through this source (plus the caller's token).
        CancellationSource stop;
        std::optional<CancellationToken> outer = std::move(cancel);
        o.cancel = stop.token();
        CallbackError cb_error;
        if (!on_progress.is_none()) {
          PyObject* fn = on_progress.ptr();  // kept alive by `on_progress` for the whole call
          o.on_progress = [fn, &cb_error, &stop, &outer](const SyncProgress& p) {
            if (outer && outer->cancelled()) stop.cancel();
            nb::gil_scoped_acquire acquire;  // may run on a sync worker thread
            if (cb_error.error) return;
            try {
              nb::handle callback(fn);
              callback(nb::cast(PySyncProgress{std::string(p.phase), p.done, p.total, p.elapsed, p.eta}));
            } catch (nb::python_error& e) {
              cb_error.keep(e);
              stop.cancel();
            }
          };
        }
        // Without a callback the caller's token is used directly; with one, it is forwarded on
        // every progress report (above), since a sync takes one token.
        if (outer && on_progress.is_none()) o.cancel = *outer;
        Result<SyncReport> r = [&] {
          nb::gil_scoped_release release;
          return run_sync(client, store, o);
        }();
        cb_error.rethrow();
        return unwrap(std::move(r));
      },
      nb::arg("client"), nb::arg("store"), nb::kw_only(), nb::arg("full") = false,
      nb::arg("include_confidential") = true, nb::arg("include_deleted") = true,
      nb::arg("interview_scope") = InterviewScope::not_archived, nb::arg("page_size") = 100,
      nb::arg("workers") = 4, nb::arg("watermark_overlap") = nb::none(), nb::arg("on_progress") = nb::none(),
      nb::arg("cancel") = nb::none(),
      nb::sig("def run_sync(client: Client, store: SyncStore, *, full: bool = False, include_confidential: bool = "
              "True, include_deleted: bool = True, interview_scope: InterviewScope = InterviewScope.not_archived, "
              "page_size: int = 100, workers: int = 4, watermark_overlap: datetime.timedelta | None = None, "
              "on_progress: collections.abc.Callable[[SyncProgress], None] | None = None, cancel: "
              "CancellationToken | None = None) -> SyncReport"),
      "Backfills, then incrementally syncs, Lever into the store (GIL released; resumable). on_progress "
      "is called (with the GIL) from worker threads; an exception it raises stops the sync and is re-raised.");

  // ---- schedule ----
  bind_struct<match::InterviewConference>(m, "InterviewConference", "How to join an interview, when known.", LK_RO,
                                          LK_F(match::InterviewConference, join_url),
                                          LK_F(match::InterviewConference, phone));
  bind_struct<ScheduledInterviewer>(m, "ScheduledInterviewer", "An interviewer, with the Lever user when synced.",
                                    LK_RO, LK_F(ScheduledInterviewer, interviewer), LK_F(ScheduledInterviewer, user));
  bind_struct<ScheduledInterview>(m, "ScheduledInterview", "An upcoming interview, ready for a notetaker's bot.",
                                  LK_RO, LK_F(ScheduledInterview, interview), LK_F(ScheduledInterview, conference),
                                  LK_F(ScheduledInterview, interviewers), LK_F(ScheduledInterview, candidate_emails),
                                  LK_F(ScheduledInterview, enrichment));
  nb::enum_<ScheduleChangeKind>(m, "ScheduleChangeKind", "How an interview changed since the last poll.")
      .value("created", ScheduleChangeKind::created)
      .value("rescheduled", ScheduleChangeKind::rescheduled)
      .value("updated", ScheduleChangeKind::updated)
      .value("canceled", ScheduleChangeKind::canceled);
  bind_struct<ScheduleChange>(m, "ScheduleChange", "One change of the schedule.", LK_RO,
                              LK_F(ScheduleChange, kind), LK_F(ScheduleChange, interview),
                              LK_F(ScheduleChange, previous_start), LK_F(ScheduleChange, previous_duration),
                              LK_F(ScheduleChange, source));
  bind_struct<ScheduleFeed>(m, "ScheduleFeed", "Upcoming interviews and the changes since the previous poll.", LK_RO,
                            LK_F(ScheduleFeed, upcoming), LK_F(ScheduleFeed, changes));
  m.def(
      "upcoming_interviews",
      [](const SyncStore& store, Timestamp start, Timestamp end, bool require_conference) {
        ScheduleOptions o{start, end, require_conference, "default"};
        return call_released([&] { return upcoming_interviews(store, o); });
      },
      nb::arg("store"), nb::arg("start"), nb::arg("end"), nb::kw_only(), nb::arg("require_conference") = true,
      "Interviews starting in [start, end) from the store, by start time (GIL released).");
  m.def(
      "poll_schedule",
      [](SyncStore& store, Timestamp start, Timestamp end, bool require_conference, std::string feed) {
        ScheduleOptions o{start, end, require_conference, std::move(feed)};
        return call_released([&] { return poll_schedule(store, o); });
      },
      nb::arg("store"), nb::arg("start"), nb::arg("end"), nb::kw_only(), nb::arg("require_conference") = true,
      nb::arg("feed") = "default",
      "upcoming_interviews plus the changes since this feed's previous poll (remembered in the store).");

  // ---- employees ----
  nb::enum_<EmployeeChangeKind>(m, "EmployeeChangeKind", "How a Lever user changed since the last run.")
      .value("added", EmployeeChangeKind::added)
      .value("role_changed", EmployeeChangeKind::role_changed)
      .value("deactivated", EmployeeChangeKind::deactivated)
      .value("reactivated", EmployeeChangeKind::reactivated);
  bind_struct<EmployeeChange>(m, "EmployeeChange", "One user change.", LK_RO, LK_F(EmployeeChange, kind),
                              LK_F(EmployeeChange, user), LK_F(EmployeeChange, previous_role));
  bind_struct<EmployeeSyncReport>(m, "EmployeeSyncReport", "Every user and the changes since the feed's last run.",
                                  LK_RO, LK_F(EmployeeSyncReport, users), LK_F(EmployeeSyncReport, changes));
  m.def(
      "sync_employees",
      [](const Client& client, SyncStore& store, std::string feed, int page_size) {
        EmployeeSyncOptions o{std::move(feed), page_size};
        return call_released([&] { return sync_employees(client, store, o); });
      },
      nb::arg("client"), nb::arg("store"), nb::kw_only(), nb::arg("feed") = "default", nb::arg("page_size") = 100,
      "Lists Lever's users into the store and reports added / changed / deactivated ones (GIL released).");
  m.def(
      "employee_changes",
      [](SyncStore& store, std::string feed) {
        EmployeeSyncOptions o{std::move(feed), 100};
        return call_released([&] { return employee_changes(store, o); });
      },
      nb::arg("store"), nb::kw_only(), nb::arg("feed") = "default",
      "The same report from the users already in the store (after run_sync), without requests.");

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

#else

void bind_integration(nb::module_& m) { m.attr("HAS_INTEGRATION") = false; }

#endif

}  // namespace leverkit::py
