"""Wrong uses of the API that mypy must reject (proves the stubs are precise, not Any)."""

from __future__ import annotations

import leverkit


def wrong(client: leverkit.Client) -> None:
    for opp in client.list_opportunities():
        n: int = opp.name  # str, not int
        opp.no_such_attribute
    client.get_opportunity("id-as-a-bare-string")
    leverkit.ListOpportunitiesRequest(limit="100")
