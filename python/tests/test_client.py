"""Client, paginators, models and errors against a leverkit-sandbox process."""

from __future__ import annotations

import datetime
import json
from typing import List

import pytest

import leverkit
from conftest import FULL_KEY, READ_ONLY_KEY, Sandbox


def raw_ids(client: leverkit.Client, path: str) -> List[str]:
    """Every id of a listing through the generic request() pipeline, following `next` by hand."""
    ids: List[str] = []
    offset = None
    while True:
        q = path + ("&" if "?" in path else "?") + "limit=100"
        if offset:
            from urllib.parse import quote

            q += "&offset=" + quote(offset, safe="")
        status, body = client.request("GET", q)
        assert status == 200
        doc = json.loads(body)
        ids += [d["id"] for d in doc["data"]]
        if not doc.get("hasNext") or not doc.get("next"):
            return ids
        offset = doc["next"]


def test_stages_are_typed_models(client: leverkit.Client) -> None:
    stages = list(client.list_stages())
    assert stages, "the sandbox has Lever's built-in stages"
    assert all(isinstance(s, leverkit.Stage) for s in stages)
    ids = [s.id for s in stages]
    assert "applicant-new" in ids
    d = stages[0].to_dict()
    assert d == {"id": stages[0].id, "text": stages[0].text}


def test_opportunities_match_the_raw_listing_and_are_lazy(sandbox: Sandbox, client: leverkit.Client) -> None:
    expected = raw_ids(client, "/opportunities")
    before = sandbox.stats()["requests"].get("GET /v1/opportunities", 0)
    pag = client.list_opportunities(leverkit.ListOpportunitiesRequest(limit=50))
    # nothing is fetched before the first next()
    assert pag.pages_fetched == 0
    assert sandbox.stats()["requests"].get("GET /v1/opportunities", 0) == before
    first = next(pag)
    assert isinstance(first, leverkit.Opportunity)
    assert pag.pages_fetched == 1
    ids = [first.id] + [o.id for o in pag]
    assert ids == expected
    assert len(set(ids)) == len(ids) > 200
    assert pag.complete
    assert pag.next_token is None
    assert pag.pages_fetched == (len(expected) + 49) // 50


def test_resume_from_token_yields_the_rest_exactly_once(client: leverkit.Client) -> None:
    everything = [o.id for o in client.list_opportunities(leverkit.ListOpportunitiesRequest(limit=40))]
    pag = client.list_opportunities(leverkit.ListOpportunitiesRequest(limit=40))
    seen = [next(pag).id for _ in range(40)]  # exactly the first page
    token = pag.next_token
    assert isinstance(token, str) and token
    resumed = client.list_opportunities(leverkit.ListOpportunitiesRequest(limit=40, offset=token))
    rest = [o.id for o in resumed]
    assert seen + rest == everything


def test_pages_view(client: leverkit.Client) -> None:
    pag = client.list_opportunities(leverkit.ListOpportunitiesRequest(limit=100))
    pages = list(pag.pages())
    assert len(pages) >= 3
    assert all(isinstance(p, leverkit.OpportunityPage) for p in pages)
    assert all(len(p.data) == 100 for p in pages[:-1])
    assert all(p.more() for p in pages[:-1]) and not pages[-1].more()
    with pytest.raises(RuntimeError):
        next(pag)  # items and pages do not mix on one paginator


def test_get_opportunity_attributes(client: leverkit.Client) -> None:
    opp = next(client.list_opportunities(leverkit.ListOpportunitiesRequest(limit=1)))
    got = client.get_opportunity(leverkit.GetOpportunityRequest(opportunity_id=opp.id, expand=["stage", "owner"]))
    assert got.id == opp.id and got.name == opp.name
    assert got.created_at is not None
    assert got.created_at.tzinfo is not None and got.created_at.utcoffset() == datetime.timedelta(0)
    assert got.stage is not None and got.stage.expanded and got.stage.object is not None
    assert got.stage.object.id == got.stage.id
    d = got.to_dict()
    json.dumps(d)  # plain data
    assert d["id"] == got.id
    assert d["stage"]["object"]["id"] == got.stage.id
    assert d["created_at"] == got.created_at.isoformat()


def test_not_found_is_an_exception_with_lever_fields(client: leverkit.Client) -> None:
    with pytest.raises(leverkit.NotFound) as info:
        client.get_opportunity(leverkit.GetOpportunityRequest(opportunity_id="no-such-opportunity"))
    e = info.value
    assert isinstance(e, leverkit.LeverError)
    assert e.code == "not_found" and e.status == 404
    assert e.lever_code == "ResourceNotFound"
    assert e.attempts == 1 and not e.retryable
    assert "no-such-opportunity" in str(e)


def test_unauthorized_never_shows_the_secret(sandbox: Sandbox) -> None:
    secret = "wrong-secret-key-9f8e7d"
    creds = leverkit.ApiKeyCredentials(secret)
    assert secret not in repr(creds) and secret not in creds.identity
    client = leverkit.Client(creds, base_url=sandbox.api, retry=leverkit.RetryOptions(max_attempts=1))
    with pytest.raises(leverkit.Unauthorized) as info:
        list(client.list_stages())
    e = info.value
    assert e.status == 401 and e.code == "unauthorized"
    import base64

    encoded = base64.b64encode((secret + ":").encode()).decode()
    for text in (str(e), repr(e), repr(e.args), repr(vars(e))):
        assert secret not in text and encoded not in text
    assert creds.redact("x " + secret + " " + encoded) == "x [redacted] [redacted]"


def test_forbidden_for_a_read_only_key(sandbox: Sandbox) -> None:
    ro = sandbox.client(READ_ONLY_KEY)
    opp = next(ro.list_opportunities(leverkit.ListOpportunitiesRequest(limit=1)))
    before = sandbox.stats()["writes"]
    with pytest.raises(leverkit.Forbidden) as info:
        ro.create_note(
            leverkit.CreateNoteRequest(opportunity_id=opp.id, body=leverkit.NoteCreate(value="hello"))
        )
    assert info.value.status == 403 and info.value.lever_code == "Forbidden"
    assert sandbox.stats()["writes"] == before


def test_invalid_argument_is_raised_before_sending(sandbox: Sandbox, client: leverkit.Client) -> None:
    before = sandbox.stats()["totalRequests"]
    with pytest.raises(leverkit.InvalidArgument) as info:
        client.create_note(leverkit.CreateNoteRequest(opportunity_id="x", body=leverkit.NoteCreate(value="")))
    assert isinstance(info.value, ValueError)
    assert info.value.status == 0 and info.value.attempts == 0
    assert sandbox.stats()["totalRequests"] == before + 1  # only our stats call


def test_client_options_are_validated() -> None:
    with pytest.raises(leverkit.InvalidArgument):
        leverkit.Client(leverkit.ApiKeyCredentials(FULL_KEY), base_url="ftp://example/v1")
    with pytest.raises(leverkit.InvalidArgument):
        leverkit.Client(leverkit.ApiKeyCredentials(""), base_url="http://127.0.0.1:1/v1")


def test_transport_error_when_nothing_listens() -> None:
    c = leverkit.Client(
        leverkit.ApiKeyCredentials(FULL_KEY),
        base_url="http://127.0.0.1:9/v1",
        retry=leverkit.RetryOptions(max_attempts=1),
    )
    with pytest.raises(leverkit.TransportError) as info:
        list(c.list_stages())
    assert info.value.retryable and info.value.status == 0


def test_failed_page_raises_and_the_token_resumes(fresh_sandbox: Sandbox) -> None:
    client = fresh_sandbox.client()
    everything = [o.id for o in client.list_opportunities(leverkit.ListOpportunitiesRequest(limit=20))]
    pag = client.list_opportunities(leverkit.ListOpportunitiesRequest(limit=20))
    got = [next(pag).id for _ in range(20)]
    fresh_sandbox.admin("POST", "/faults", {"route": "GET /v1/opportunities", "faults": [500]})
    with pytest.raises(leverkit.ServerError) as info:
        next(pag)
    assert info.value.status == 500 and info.value.retryable
    with pytest.raises(StopIteration):
        next(pag)  # the error was the last element
    token = pag.next_token
    assert token
    got += [o.id for o in client.list_opportunities(leverkit.ListOpportunitiesRequest(limit=20, offset=token))]
    assert got == everything


def test_retry_recovers_from_a_503(fresh_sandbox: Sandbox) -> None:
    client = fresh_sandbox.client(
        retry=leverkit.RetryOptions(
            max_attempts=3,
            initial_backoff=datetime.timedelta(milliseconds=1),
            max_backoff=datetime.timedelta(milliseconds=2),
        )
    )
    fresh_sandbox.admin("POST", "/faults", {"route": "GET /v1/stages", "faults": [503]})
    assert len(list(client.list_stages())) > 5
    assert fresh_sandbox.stats()["faultsInjected"] == 1


def test_cancellation_and_timeout(fresh_sandbox: Sandbox) -> None:
    client = fresh_sandbox.client()
    source = leverkit.CancellationSource()
    source.cancel()
    with pytest.raises(leverkit.Cancelled):
        list(client.list_stages(options=leverkit.CallOptions(cancel=source.token)))
    fresh_sandbox.admin("POST", "/faults", {"route": "GET /v1/stages", "faults": [{"type": "slow", "ms": 3000}]})
    with pytest.raises(leverkit.Timeout):
        list(client.list_stages(options=leverkit.CallOptions(timeout=datetime.timedelta(milliseconds=300))))


def test_every_client_method_is_bound() -> None:
    import re
    from pathlib import Path

    header = Path(__file__).resolve().parents[2] / "include/leverkit/client/client.hpp"
    names = set(re.findall(r"^\s+(?:Result<[^;]*?>|Paginator<\w+>)\s+(\w+)\(", header.read_text(), re.M))
    assert len(names) >= 55
    missing = sorted(n for n in names if not callable(getattr(leverkit.Client, n, None)))
    assert missing == []
