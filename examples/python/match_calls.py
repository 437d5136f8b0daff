#!/usr/bin/env python3
"""Match recorded calls (JSON lines) to Lever interviews.

Builds the matching index from Lever (opportunities, their interviews, users, stages) and
prints one JSON result per call. Without --calls it makes two demo calls: one of a scheduled
interview (its candidate's e-mail and the conference link) and one of an unknown person."""

from __future__ import annotations

import json
import sys

import leverkit
from example_env import lever, parser


def main() -> None:
    p = parser(__doc__ or "")
    p.add_argument("--calls", help="a JSON-lines file of calls (docs/matching.md); '-' = stdin")
    args = p.parse_args()
    with lever(args) as (client, _):
        opps = list(client.list_opportunities(leverkit.ListOpportunitiesRequest(limit=100)))
        interviews = [
            iv for o in opps for iv in client.list_interviews(leverkit.ListOpportunityItemsRequest(opportunity_id=o.id))
        ]
        snapshot = leverkit.LeverSnapshot(
            opportunities=opps, interviews=interviews, users=list(client.list_users()), stages=list(client.list_stages())
        )
        matcher = leverkit.Matcher(leverkit.MatchIndex.build(snapshot))
        print(f"index: {len(opps)} opportunities, {len(interviews)} interviews", file=sys.stderr)

        if args.calls:
            text = sys.stdin.read() if args.calls == "-" else open(args.calls, encoding="utf-8").read()
            results = matcher.match_jsonl(text)
        else:
            by_id = {o.id: o for o in opps}
            iv = next(i for i in interviews if not i.canceled and by_id.get(i.opportunity_id or "") and by_id[i.opportunity_id or ""].emails)
            cand = by_id[iv.opportunity_id or ""]
            calls = [
                {
                    "id": "rec-1",
                    "title": iv.subject,
                    "meeting_type": "job_interview",
                    "start": iv.date,
                    "end": iv.end,
                    "conference_url": iv.location or "",
                    "participants": [{"name": cand.name, "email": cand.emails[0], "role": "candidate"}]
                    + [{"name": x.name, "email": x.email} for x in iv.interviewers],
                },
                {
                    "id": "rec-2",
                    "title": "Intro call",
                    "meeting_type": "job_interview",
                    "start": "2031-02-03T10:00:00Z",
                    "end": "2031-02-03T10:30:00Z",
                    "participants": [{"name": "Sam Unknown", "email": "sam@nowhere.example", "role": "candidate"}],
                },
            ]
            results = matcher.match_batch(calls)
        for r in results:
            print(r.to_json())
            print(f"  -> {r.status.name}: {r.explanation}", file=sys.stderr)
        json.dumps([r.to_dict() for r in results])  # typed results are plain data too


if __name__ == "__main__":
    main()
