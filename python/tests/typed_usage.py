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


def main() -> None:
    client = leverkit.Client(leverkit.ApiKeyCredentials("k"), base_url="http://127.0.0.1:1/v1")
    names(client)
    note(client, "o")
