#!/usr/bin/env python3
"""List opportunities page by page, checkpointing the resume token, and print one line each."""

from __future__ import annotations

import leverkit
from example_env import lever, parser


def main() -> None:
    p = parser(__doc__ or "")
    p.add_argument("--stage", action="append", default=[], help="stage id filter (repeatable)")
    p.add_argument("--resume", help="a next_token printed by an earlier run")
    args = p.parse_args()
    with lever(args) as (client, _):
        req = leverkit.ListOpportunitiesRequest(stage_id=args.stage, limit=100, offset=args.resume)
        pag = client.list_opportunities(req)
        count = 0
        try:
            for opp in pag:
                stage = opp.stage.id if opp.stage else "-"
                print(f"{opp.id}  {stage:<22} {opp.name}  {', '.join(opp.emails[:1])}")
                count += 1
        except leverkit.LeverError as e:
            # The listing stops at the failed page; resume later from the checkpoint.
            print(f"stopped after {count}: {e} (resume with --resume '{pag.next_token}')")
            raise SystemExit(1)
        print(f"{count} opportunities in {pag.pages_fetched} pages")


if __name__ == "__main__":
    main()
