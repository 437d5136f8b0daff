"""A typed use of the leverkit API; test_typing.py runs mypy --strict on it against the shipped stubs."""

from __future__ import annotations

import datetime
from typing import List, Optional

import leverkit


def names(client: leverkit.Client) -> List[str]:
    req = leverkit.ListOpportunitiesRequest(limit=100, archived=False)
    req.stage_id = ["applicant-new"]
    out: List[str] = []
    pag = client.list_opportunities(req)
    for opp in pag:
        created: Optional[datetime.datetime] = opp.created_at
        out.append(opp.name if created is None else f"{opp.name} {created.isoformat()}")
    token: Optional[str] = pag.next_token
    if token is not None:
        leverkit.ListOpportunitiesRequest(offset=token)
    return out


def note(client: leverkit.Client, opportunity_id: str) -> str:
    try:
        created = client.create_note(
            leverkit.CreateNoteRequest(opportunity_id=opportunity_id, body=leverkit.NoteCreate(value="hi"))
        )
    except leverkit.RateLimited as e:
        wait: Optional[float] = e.retry_after
        return f"later {wait}"
    except leverkit.LeverError as e:
        status: int = e.status
        return f"{e.code} {status} {e.request_id}"
    return created.note_id


def match(index: leverkit.MatchIndex) -> str:
    m = leverkit.Matcher(index)
    r = m.match({"id": "c1", "start": "2026-05-01T14:00:00Z"})
    status: leverkit.MatchStatus = r.status
    return status.name + (r.interview_id or "")


def draft(tmpl: leverkit.FeedbackTemplate) -> int:
    d = leverkit.autofill(leverkit.AutofillInput(template_id=tmpl.id, fields=list(tmpl.fields)))
    return d.filled_count


def integration(client: leverkit.Client, path: str) -> int:
    report: leverkit.ConnectionReport = leverkit.check_connection(client)
    lines: List[str] = report.missing_lines()
    store = leverkit.SyncStore.open_sqlite(path)

    def progress(p: leverkit.SyncProgress) -> None:
        print(p.phase, p.done, p.total)

    synced = leverkit.run_sync(client, store, on_progress=progress, workers=2)
    start = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)
    upcoming = leverkit.upcoming_interviews(store, start, start + datetime.timedelta(days=7))
    feed = leverkit.poll_schedule(store, start, start + datetime.timedelta(days=7), feed="bot")
    kinds: List[leverkit.ScheduleChangeKind] = [c.kind for c in feed.changes]
    people = leverkit.sync_employees(client, store)
    matcher = leverkit.LiveMatcher.from_store(store)
    calls: List[leverkit.RecordedCall] = leverkit.fetch_sandbox_calls("http://127.0.0.1:1", 3)
    journal = leverkit.SqliteWriteJournal.open(path)

    def review(req: leverkit.ReviewRequest) -> Optional[leverkit.ReviewDecision]:
        if req.existing_feedback_id is not None:
            return None
        return leverkit.ReviewDecision(approve=True, reviewer_user_id=req.interviewer.id)

    flow: leverkit.FlowReport = leverkit.run_flow(client, journal, matcher, calls, review=review)
    return synced.interviews + len(upcoming) + len(kinds) + len(people.users) + flow.notes_created + len(lines)


def oauth(server: str) -> leverkit.Client:
    session = leverkit.OAuthSession(
        "id", "secret", "http://localhost/cb", store=leverkit.MemoryTokenStore(),
        endpoints=leverkit.sandbox_server_endpoints(server),
    )
    auth: leverkit.AuthorizationRequest = session.authorization_url()
    tokens: leverkit.TokenSet = session.complete(auth.url)
    expires: datetime.datetime = tokens.expires_at
    print(expires)
    return leverkit.Client(leverkit.OAuthCredentials(session), base_url=server + "/v1")


def webhook(client: leverkit.Client, store: leverkit.SyncStore, body: bytes) -> int:
    rx = leverkit.WebhookReceiver(client, store, ["signing-token"], tolerance=datetime.timedelta(minutes=10))
    result: leverkit.WebhookResult = rx.handle(body)
    kind: leverkit.WebhookEventType = result.type
    interview: Optional[str] = result.data.interview_id
    signature: str = leverkit.sign_webhook("signing-token", result.delivery.token, result.delivery.triggered_at)
    print(kind, interview, signature)
    return 200 if result.replay or result.applied else 202


def main() -> None:
    client = leverkit.Client(leverkit.ApiKeyCredentials("k"), base_url="http://127.0.0.1:1/v1")
    names(client)
    note(client, "o")
