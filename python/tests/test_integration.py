"""The integration layer and OAuth from Python, against the sandbox (issue 11, ADR 0072)."""

from __future__ import annotations

import datetime as dt
import threading
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest

import leverkit

from conftest import FULL_KEY, READ_ONLY_KEY, Sandbox

pytestmark = pytest.mark.skipif(not leverkit.HAS_INTEGRATION, reason="built without leverkit::integration")


def total_writes(sandbox: Sandbox) -> int:
    return sum(int(v) for v in sandbox.stats()["writes"].values())


def test_check_connection_full_key_has_every_permission(sandbox: Sandbox) -> None:
    report = leverkit.check_connection(sandbox.client(FULL_KEY))
    assert report.permissions
    assert report.all_granted(), report.to_text()
    assert report.missing_lines() == []
    assert FULL_KEY not in report.to_json()


def test_check_connection_read_only_key_reports_missing_writes(sandbox: Sandbox) -> None:
    report = leverkit.check_connection(sandbox.client(READ_ONLY_KEY))
    assert not report.all_granted()
    missing = [p for p in report.permissions if p.status == leverkit.PermissionStatus.missing]
    assert missing and all(":write" in p.scope for p in missing)
    granted = [p for p in report.permissions if p.status == leverkit.PermissionStatus.granted]
    assert granted and all(":read" in p.scope for p in granted)
    assert len(report.missing_lines()) == len(missing)


def test_sync_into_sqlite_then_schedule_and_employees(fresh_sandbox: Sandbox, tmp_path: Path) -> None:
    client = fresh_sandbox.client()
    store = leverkit.SyncStore.open_sqlite(str(tmp_path / "sync.db"))
    phases: list[str] = []
    threads: set[int] = set()

    def progress(p: leverkit.SyncProgress) -> None:
        phases.append(p.phase)
        threads.add(threading.get_ident())

    report = leverkit.run_sync(client, store, on_progress=progress)
    assert not report.incremental
    assert report.opportunities > 0
    assert store.count_objects(leverkit.ObjectKind.opportunity) == report.opportunities
    assert store.count_objects(leverkit.ObjectKind.interview) == report.interviews > 0
    assert store.count_objects(leverkit.ObjectKind.user) == report.users > 0
    assert {"opportunities", "interviews"} <= set(phases)
    assert report.watermark is not None and report.watermark.tzinfo is not None

    again = leverkit.run_sync(client, store)
    assert again.incremental and again.opportunities < report.opportunities

    # the store outlives the object: reopen the file
    reopened = leverkit.SyncStore.open_sqlite(str(tmp_path / "sync.db"))
    assert reopened.count_objects(leverkit.ObjectKind.opportunity) == report.opportunities

    start = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)
    end = dt.datetime(2100, 1, 1, tzinfo=dt.timezone.utc)
    upcoming = leverkit.upcoming_interviews(reopened, start, end, require_conference=False)
    assert upcoming
    starts = [u.interview.date for u in upcoming]
    assert starts == sorted(starts)
    assert all(u.interview.opportunity_id for u in upcoming)
    assert isinstance(upcoming[0].to_dict(), dict)

    feed = leverkit.poll_schedule(reopened, start, end, require_conference=False, feed="py")
    assert len(feed.upcoming) == len(upcoming)
    assert feed.changes and all(c.kind == leverkit.ScheduleChangeKind.created for c in feed.changes)
    assert leverkit.poll_schedule(reopened, start, end, require_conference=False, feed="py").changes == []

    employees = leverkit.sync_employees(client, reopened, feed="py")
    assert len(employees.users) == report.users
    assert employees.changes and all(c.kind == leverkit.EmployeeChangeKind.added for c in employees.changes)
    assert leverkit.sync_employees(client, reopened, feed="py").changes == []


def test_sync_progress_exception_stops_the_sync_and_is_reraised(fresh_sandbox: Sandbox) -> None:
    store = leverkit.SyncStore.memory()

    def boom(p: leverkit.SyncProgress) -> None:
        raise KeyError("stop here")

    with pytest.raises(KeyError, match="stop here"):
        leverkit.run_sync(fresh_sandbox.client(), store, on_progress=boom)


def test_flow_posts_notes_and_feedback_once(fresh_sandbox: Sandbox, tmp_path: Path) -> None:
    client = fresh_sandbox.client()
    store = leverkit.SyncStore.open_sqlite(str(tmp_path / "flow.db"))
    leverkit.run_sync(client, store)
    matcher = leverkit.LiveMatcher.from_store(store)
    calls = leverkit.fetch_sandbox_calls(fresh_sandbox.api, 6, seed=3)
    assert len(calls) == 6 and all(isinstance(c, leverkit.RecordedCall) for c in calls)

    matched = matcher.match([c.call for c in calls])
    assert len(matched) == 6
    assert any(m.result.status == leverkit.MatchStatus.matched and m.interview is not None for m in matched)

    journal = leverkit.SqliteWriteJournal.open(str(tmp_path / "flow.db"))
    reviewed: list[leverkit.ReviewRequest] = []
    events: list[str] = []

    def review(req: leverkit.ReviewRequest) -> leverkit.ReviewDecision:
        reviewed.append(req)
        assert req.draft.fields is not None
        return leverkit.ReviewDecision(approve=True, reviewer_user_id=req.interviewer.id)

    before = total_writes(fresh_sandbox)
    report = leverkit.run_flow(client, journal, matcher, calls, review=review, on_event=events.append)
    assert report.matched > 0
    assert report.notes_created > 0
    assert report.feedback_created > 0
    assert reviewed and report.approved == len(reviewed)
    assert events
    assert total_writes(fresh_sandbox) > before
    assert any(e.status == leverkit.WriteStatus.succeeded for e in journal.list())
    # the reviewer's copy of the request is safe to keep after the callback returned
    assert reviewed[0].interviewer.id and reviewed[0].call.call.id

    after_first = total_writes(fresh_sandbox)
    second = leverkit.run_flow(client, journal, matcher, calls, review=review)
    assert second.notes_created == 0 and second.feedback_created == 0
    assert total_writes(fresh_sandbox) == after_first


def test_flow_review_exception_is_reraised(fresh_sandbox: Sandbox) -> None:
    client = fresh_sandbox.client()
    store = leverkit.SyncStore.memory()
    leverkit.run_sync(client, store)
    matcher = leverkit.LiveMatcher.from_store(store)
    calls = leverkit.fetch_sandbox_calls(fresh_sandbox.url, 4, seed=3)

    def review(req: leverkit.ReviewRequest) -> leverkit.ReviewDecision:
        raise RuntimeError("reviewer crashed")

    before = total_writes(fresh_sandbox)
    with pytest.raises(RuntimeError, match="reviewer crashed"):
        leverkit.run_flow(client, leverkit.MemoryWriteJournal(), matcher, calls, review=review, post_notes=False)
    assert total_writes(fresh_sandbox) == before


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def browser_follow(url: str) -> str:
    """The user's browser: GET the sandbox's auto-consent authorize URL, return its Location."""
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        opener.open(url, timeout=10)
    except urllib.error.HTTPError as e:
        assert e.code in (302, 303), e.code
        return str(e.headers["Location"])
    raise AssertionError("authorize did not redirect")


def oauth_session(sandbox: Sandbox, store: leverkit.TokenStore) -> leverkit.OAuthSession:
    return leverkit.OAuthSession(
        "sandbox-client",
        "sandbox-client-secret",
        "http://localhost/cb",
        store=store,
        endpoints=leverkit.sandbox_server_endpoints(sandbox.url),
    )


def test_oauth_authorize_complete_and_call_the_api(sandbox: Sandbox) -> None:
    store = leverkit.MemoryTokenStore()
    session = oauth_session(sandbox, store)
    auth = session.authorization_url()
    assert auth.url.startswith(sandbox.url) and f"state={auth.state}" in auth.url
    location = browser_follow(auth.url)
    assert location.startswith("http://localhost/cb?code=")
    tokens = session.complete(location)
    assert tokens.access_token and tokens.refresh_token
    assert tokens.access_token not in repr(tokens) and "sandbox-client-secret" not in repr(tokens)
    assert tokens.expires_at > dt.datetime.now(dt.timezone.utc)
    loaded = store.load()
    assert loaded is not None and loaded.access_token == tokens.access_token
    assert store.saves >= 1

    client = leverkit.Client(leverkit.OAuthCredentials(session), base_url=sandbox.api)
    first = next(iter(client.list_opportunities(leverkit.ListOpportunitiesRequest(limit=5))))
    assert first.id
    assert session.redact("x " + tokens.access_token) == "x [redacted]"

    # a redirect with another state is refused before any exchange
    stale = session.authorization_url()
    session.authorization_url()
    with pytest.raises(leverkit.LeverError) as err:
        session.complete(browser_follow(stale.url))
    assert "sandbox-client-secret" not in str(err.value)


def test_oauth_file_token_store_survives_a_new_session(sandbox: Sandbox, tmp_path: Path) -> None:
    path = tmp_path / "tokens.json"
    session = oauth_session(sandbox, leverkit.FileTokenStore(str(path)))
    tokens = session.complete(browser_follow(session.authorization_url().url))
    assert path.exists() and (path.stat().st_mode & 0o077) == 0

    again = oauth_session(sandbox, leverkit.FileTokenStore(str(path)))
    assert again.access_token() == tokens.access_token
    again.disconnect()
    assert leverkit.FileTokenStore(str(path)).load() is None


def test_gil_is_released_during_sync_and_progress_runs_python(fresh_sandbox: Sandbox) -> None:
    client = fresh_sandbox.client()
    fresh_sandbox.admin("POST", "/faults", {"route": "GET /v1/stages", "faults": [{"type": "slow", "ms": 700}]})
    counter = [0]
    stop = threading.Event()
    seen: list[str] = []

    def spin() -> None:
        while not stop.is_set():
            counter[0] += 1

    t = threading.Thread(target=spin)
    t.start()
    try:
        start = counter[0]
        leverkit.run_sync(client, leverkit.SyncStore.memory(), on_progress=lambda p: seen.append(p.phase))
        during = counter[0] - start
    finally:
        stop.set()
        t.join()
    assert "stages" in seen
    # With the GIL held by run_sync the spinning thread could not run during the slow stages page.
    assert during > 10_000
