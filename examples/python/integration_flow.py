#!/usr/bin/env python3
"""The integration flow: check the key, sync Lever into SQLite, list upcoming interviews, match
recorded calls, review drafts, write notes and feedback (once; re-running writes nothing twice).

Without --base-url it starts a local leverkit-sandbox and uses the recorded calls the sandbox
generates. The reviewer here approves every draft as its own interviewer; a real product shows
the draft to that interviewer first."""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile

import leverkit
from example_env import lever, parser


def main() -> int:
    p = parser(__doc__ or "")
    p.add_argument("--store", default=os.path.join(tempfile.gettempdir(), "leverkit-flow.db"),
                   help="SQLite file for the sync state and the write journal")
    p.add_argument("--calls", type=int, default=5, help="how many sandbox calls to process")
    args = p.parse_args()
    if not leverkit.HAS_INTEGRATION:
        print("this leverkit was built without the integration layer", file=sys.stderr)
        return 1
    with lever(args) as (client, base):
        return flow(client, base, args.store, args.calls)


def flow(client: leverkit.Client, base: str, db_path: str, n_calls: int) -> int:
    check = leverkit.check_connection(client)
    print(check.to_text())
    if not check.all_granted():
        return 1

    store = leverkit.SyncStore.open_sqlite(db_path)
    report = leverkit.run_sync(
        client, store, on_progress=lambda p: print(f"  sync {p.phase}: {p.done}", file=sys.stderr)
    )
    print(f"sync: {report.opportunities} opportunities, {report.interviews} interviews, {report.users} users")

    now = dt.datetime.now(dt.timezone.utc)
    for item in leverkit.upcoming_interviews(store, now, now + dt.timedelta(days=7))[:5]:
        print(f"upcoming: {item.interview.date:%Y-%m-%d %H:%M} {item.enrichment.candidate_name} "
              f"{item.conference.join_url}")

    matcher = leverkit.LiveMatcher.from_store(store)
    calls = leverkit.fetch_sandbox_calls(base, n_calls)
    journal = leverkit.SqliteWriteJournal.open(db_path)

    def review(req: leverkit.ReviewRequest) -> leverkit.ReviewDecision:
        filled = sum(1 for f in req.draft.fields if f.decision == leverkit.Decision.filled)
        print(f"review: {req.interviewer.name}: {filled} of {len(req.draft.fields)} fields drafted")
        return leverkit.ReviewDecision(approve=True, reviewer_user_id=req.interviewer.id)

    flow = leverkit.run_flow(client, journal, matcher, calls, review=review)
    print(f"flow: {flow.matched} matched, {flow.notes_created} notes, {flow.feedback_created} feedback forms, "
          f"{flow.already_present} already present")
    return 0


if __name__ == "__main__":
    sys.exit(main())
