#!/usr/bin/env python3
"""Draft a Lever feedback form from an interview transcript (never submitted unless reviewed).

Prints the typed draft: filled fields with their evidence, skipped ones with the reason. With
--reviewer USER_ID the reviewed draft is posted as feedback on --opportunity (or the first one)."""

from __future__ import annotations

import datetime

import leverkit
from example_env import lever, parser

SAMPLE = """Interviewer: When could you start?
Dana Reyes: I could start on March 2, 2026.
Interviewer: Do you have a competing offer?
Dana Reyes: No, I don't have any other offers right now.
"""


def main() -> None:
    p = parser(__doc__ or "")
    p.add_argument("--template", default="Hiring Manager Debrief", help="feedback template name")
    p.add_argument("--transcript", help="a transcript file (WebVTT, SRT, 'Name: text' lines or JSON)")
    p.add_argument("--candidate", default="Dana Reyes")
    p.add_argument("--reviewer", help="user id of the reviewer: post the draft as feedback")
    p.add_argument("--opportunity")
    args = p.parse_args()
    text = open(args.transcript, encoding="utf-8").read() if args.transcript else SAMPLE
    with lever(args) as (client, _):
        tmpl = next(t for t in client.list_feedback_templates() if t.text == args.template)
        draft = leverkit.autofill(
            leverkit.AutofillInput(
                template_id=tmpl.id,
                fields=list(tmpl.fields),
                transcript=leverkit.parse_transcript(text),
                call=leverkit.CallContext(
                    meeting_start=datetime.datetime(2026, 1, 15, 15, tzinfo=datetime.timezone.utc),
                    time_zone="America/New_York",
                    participants=[leverkit.Participant(name=args.candidate, role=leverkit.ParticipantRole.candidate)],
                ),
            )
        )
        for f in draft.fields:
            if f.decision == leverkit.Decision.filled:
                quote = f.evidence[0].quote if f.evidence else ""
                print(f"FILLED  {f.text}: {f.value!r}  ({f.confidence:.2f}, \"{quote}\")")
            else:
                print(f"SKIPPED {f.text}: {f.skip.name if f.skip else ''} - {f.why}")
        if args.reviewer:
            opp = args.opportunity or next(client.list_opportunities(leverkit.ListOpportunitiesRequest(limit=1))).id
            reviewed = leverkit.make_feedback_create(draft, opp, args.reviewer)
            fb = client.create_feedback(reviewed)
            print(f"posted feedback {fb.id} on {opp}")


if __name__ == "__main__":
    main()
