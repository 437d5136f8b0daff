// leverkit::integration bindings, part 1: the connection check, the sync store and sync, the
// schedule and employee feeds (GIL and callback rules: integration.cpp).
#include "integration.hpp"

#ifdef LEVERKIT_PY_HAS_INTEGRATION

namespace leverkit::inline v0::py::integration_bindings {

void bind_sync(nb::module_& m) {
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
}

}  // namespace leverkit::py::integration_bindings

#endif
