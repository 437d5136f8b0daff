"""The matcher from Python: a snapshot listed through the Client, calls as objects, dicts and JSON lines."""

from __future__ import annotations

import datetime
import json
from typing import Any, Dict, List, Tuple

import pytest

import leverkit
from conftest import Sandbox


@pytest.fixture(scope="module")
def world(sandbox: Sandbox) -> Tuple[leverkit.Matcher, List[leverkit.Interview], Dict[str, leverkit.Opportunity]]:
    client = sandbox.client()
    opps = list(client.list_opportunities(leverkit.ListOpportunitiesRequest(limit=100)))
    interviews: List[leverkit.Interview] = []
    for o in opps:
        interviews += client.list_interviews(leverkit.ListOpportunityItemsRequest(opportunity_id=o.id))
    assert len(interviews) > 20
    snap = leverkit.LeverSnapshot(
        opportunities=opps, interviews=interviews, users=list(client.list_users()), stages=list(client.list_stages())
    )
    index = leverkit.MatchIndex.build(snap)
    assert index.opportunity_count == len(opps) and index.interview_count == len(interviews)
    return leverkit.Matcher(index), interviews, {o.id: o for o in opps}


def call_for(iv: leverkit.Interview, opp: leverkit.Opportunity) -> Dict[str, Any]:
    return {
        "id": "rec-" + iv.id,
        "title": iv.subject or "Interview",
        "meeting_type": "job_interview",
        "start": iv.date.isoformat(),
        "end": iv.end.isoformat(),
        "participants": [{"name": opp.name, "email": opp.emails[0], "role": "candidate"}]
        + [{"name": x.name, "email": x.email, "role": "interviewer"} for x in iv.interviewers],
        "conference_url": iv.location or "",
    }


def pick(interviews: List[leverkit.Interview], opps: Dict[str, leverkit.Opportunity]) -> leverkit.Interview:
    for iv in interviews:
        o = opps.get(iv.opportunity_id or "")
        if o and o.emails and iv.interviewers and not iv.canceled and iv.location and "zoom" in iv.location:
            return iv
    raise AssertionError("no clean interview in the sandbox data")


def test_dict_json_line_and_call_agree(world: Any) -> None:
    matcher, interviews, opps = world
    iv = pick(interviews, opps)
    d = call_for(iv, opps[iv.opportunity_id])
    from_dict = matcher.match(d)
    from_line = matcher.match(json.dumps(d))
    typed = leverkit.to_call(d)
    assert isinstance(typed, leverkit.Call) and typed.start == iv.date
    from_call = matcher.match(typed)
    assert from_dict.status == leverkit.MatchStatus.matched, from_dict.explanation
    assert from_dict.interview_id == iv.id and from_dict.opportunity_id == iv.opportunity_id
    assert from_dict.to_json() == from_line.to_json() == from_call.to_json()
    assert from_dict.enrichment is not None and from_dict.enrichment.candidate_name == opps[iv.opportunity_id].name
    assert json.loads(from_dict.to_json())["status"] == "matched"
    assert from_dict.to_dict()["status"] == "matched"
    assert from_dict.evidence and from_dict.evidence[0].weight > 0


def test_datetimes_in_dicts_and_unknown_candidates(world: Any) -> None:
    matcher, interviews, opps = world
    iv = pick(interviews, opps)
    d = call_for(iv, opps[iv.opportunity_id])
    d["start"], d["end"] = iv.date, iv.end  # datetime objects are accepted too
    assert matcher.match(d).interview_id == iv.id
    stranger = {
        "id": "rec-x",
        "title": "Interview: Nobody Known",
        "meeting_type": "job_interview",
        "start": "2031-05-01T14:00:00Z",
        "end": "2031-05-01T15:00:00Z",
        "participants": [{"name": "Nobody Known", "email": "nobody.known@nowhere.example", "role": "candidate"}],
    }
    r = matcher.match(stranger)
    assert r.status != leverkit.MatchStatus.matched and r.reasons
    assert r.interview_id is None


def test_jsonl_batch_and_errors(world: Any) -> None:
    matcher, interviews, opps = world
    iv = pick(interviews, opps)
    d = call_for(iv, opps[iv.opportunity_id])
    dup = dict(d, id="rec-dup")
    results = matcher.match_jsonl(json.dumps(d) + "\n\n" + json.dumps(dup) + "\n")
    assert [r.call_id for r in results] == [d["id"], "rec-dup"]
    assert {r.group_role for r in results} == {"primary", "duplicate"}
    with pytest.raises(leverkit.DecodeError) as info:
        matcher.match_jsonl(json.dumps(d) + '\n{"id": "c2", "start": "yesterday"}\n')
    assert "line 2" in str(info.value) and "start" in str(info.value)
    with pytest.raises(TypeError):
        matcher.match(42)  # type: ignore[arg-type]
    assert isinstance(iv.date, datetime.datetime)
