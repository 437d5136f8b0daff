"""Lever webhook deliveries from Python: WebhookReceiver against the sandbox (signature,
freshness, replays, re-reading the interview from Lever into the SyncStore)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

import leverkit

from conftest import Sandbox

pytestmark = pytest.mark.skipif(not leverkit.HAS_INTEGRATION, reason="built without leverkit::integration")

SIGNING = "whsec-python-test"


def delivery(event: str, data: dict[str, str], token: str, at: dt.datetime, key: str = SIGNING) -> str:
    return json.dumps(
        {
            "id": "ev-" + token,
            "event": event,
            "triggeredAt": int(at.timestamp() * 1000),
            "token": token,
            "signature": leverkit.sign_webhook(key, token, at),
            "data": data,
        }
    )


def api_requests(sandbox: Sandbox) -> int:
    return sum(int(n) for route, n in sandbox.stats()["requests"].items() if " /v1/" in route)


def test_sign_webhook_is_levers_hmac() -> None:
    # Known answer shared with the C++ test (hmac.new(b"sig-token", b"abc1767225600000", sha256)).
    at = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
    assert leverkit.sign_webhook("sig-token", "abc", at) == (
        "0ee540ec73c980bd6c026b6407d5aa12b3649953351c46040c08981e8a88448f"
    )
    assert leverkit.webhook_event_type("interviewCreated") == leverkit.WebhookEventType.interview_created
    assert leverkit.webhook_event_type("somethingNew") == leverkit.WebhookEventType.unknown


def test_interview_event_is_applied_once_and_forgeries_are_refused(fresh_sandbox: Sandbox) -> None:
    client = fresh_sandbox.client()
    store = leverkit.SyncStore.memory()
    opp = next(iter(client.list_opportunities(leverkit.ListOpportunitiesRequest(limit=50))))
    interviews = list(client.list_interviews(leverkit.ListOpportunityItemsRequest(opportunity_id=opp.id)))
    if not interviews:
        for o in client.list_opportunities(leverkit.ListOpportunitiesRequest(limit=100)):
            interviews = list(client.list_interviews(leverkit.ListOpportunityItemsRequest(opportunity_id=o.id)))
            if interviews:
                opp = o
                break
    assert interviews, "the sandbox has interviews"
    iv = interviews[0]
    rx = leverkit.WebhookReceiver(client, store, ["old-key", SIGNING])
    now = dt.datetime.now(dt.timezone.utc)
    body = delivery("interviewCreated", {"opportunityId": opp.id, "interviewId": iv.id}, "tok-1", now)

    r = rx.handle(body)
    assert r.type == leverkit.WebhookEventType.interview_created
    assert r.applied and not r.replay
    assert r.data.interview_id == iv.id and r.data.opportunity_id == opp.id
    assert r.delivery.token == "tok-1" and r.delivery.triggered_at.tzinfo is not None
    assert any(c.kind == leverkit.ObjectKind.interview and c.id == iv.id for c in r.changed)
    stored = store.get_object(leverkit.ObjectKind.interview, iv.id)
    assert stored is not None and stored.source == leverkit.ObjectSource.webhook
    assert stored.parent_id == opp.id

    # The same bytes again (as bytes, as a web framework hands them over): a replay, nothing changed.
    again = rx.handle(body.encode())
    assert again.replay and not again.applied and again.changed == []

    # A new receiver on the same store (another worker) still sees the replay.
    assert leverkit.WebhookReceiver(client, store, [SIGNING]).handle(body).replay

    # Forged (wrong key), stale and malformed deliveries raise; none touches the store.
    forged = delivery("interviewCreated", {"opportunityId": opp.id, "interviewId": iv.id}, "tok-2", now, key="guess")
    with pytest.raises(leverkit.Unauthorized) as e:
        rx.handle(forged)
    assert SIGNING not in str(e.value) and "old-key" not in str(e.value)
    stale = delivery("interviewUpdated", {"opportunityId": opp.id, "interviewId": iv.id}, "tok-3",
                     now - dt.timedelta(minutes=10))
    with pytest.raises(leverkit.Unauthorized):
        rx.handle(stale)
    wide = leverkit.WebhookReceiver(client, store, [SIGNING], tolerance=dt.timedelta(minutes=30))
    assert wide.handle(stale).applied
    with pytest.raises(leverkit.DecodeError):
        rx.handle(delivery("interviewCreated", {}, "tok-4", now))
    with pytest.raises(leverkit.DecodeError):
        rx.handle("not json")


def test_candidate_deleted_without_refetch_leaves_a_tombstone(fresh_sandbox: Sandbox) -> None:
    client = fresh_sandbox.client()
    store = leverkit.SyncStore.memory()
    opp = next(iter(client.list_opportunities(leverkit.ListOpportunitiesRequest(limit=5))))
    leverkit.run_sync(client, store)
    assert store.get_object(leverkit.ObjectKind.opportunity, opp.id) is not None
    before = api_requests(fresh_sandbox)
    rx = leverkit.WebhookReceiver(client, store, [SIGNING], refetch=False)
    r = rx.handle(delivery("candidateDeleted", {"opportunityId": opp.id}, "tok-del", dt.datetime.now(dt.timezone.utc)))
    assert r.applied and r.type == leverkit.WebhookEventType.candidate_deleted
    tomb = store.get_object(leverkit.ObjectKind.opportunity, opp.id)
    assert tomb is not None and tomb.deleted
    assert api_requests(fresh_sandbox) == before  # refetch=False: Lever was not asked
