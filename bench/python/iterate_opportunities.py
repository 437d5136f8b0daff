#!/usr/bin/env python3
"""Iterate every opportunity of a leverkit-sandbox: leverkit vs requests + json, same run.

Starts `leverkit-sandbox --opportunities N --rate-limit off` once, then runs each side in its own
Python process (so peak RSS is per side), alternating, `--rounds` times. Both sides page with
limit=100 following Lever's `next` token and read `id` and `name` of every item.
Prints a markdown table (median items/s, peak RSS) and the ratio.

    python bench/python/iterate_opportunities.py --sandbox build/test/sandbox/leverkit-sandbox
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from typing import Dict, List

KEY = "sandbox-full-key"


def run_leverkit(api: str) -> Dict[str, float]:
    import leverkit

    # Lever's own budget (10 requests/s) is the client's default; requests has no limiter, so the
    # comparison lifts it like the sandbox's --rate-limit off does.
    unlimited = leverkit.RateLimitOptions(requests_per_second=1e9, burst=1e9)
    client = leverkit.Client(leverkit.ApiKeyCredentials(KEY), base_url=api, rate_limit=unlimited)
    t0 = time.perf_counter()
    n = 0
    chars = 0
    for opp in client.list_opportunities(leverkit.ListOpportunitiesRequest(limit=100)):
        n += 1
        chars += len(opp.id) + len(opp.name)
    return {"items": n, "seconds": time.perf_counter() - t0, "chars": chars}


def run_requests(api: str) -> Dict[str, float]:
    import requests

    session = requests.Session()
    session.auth = (KEY, "")
    t0 = time.perf_counter()
    n = 0
    chars = 0
    offset = None
    while True:
        params = {"limit": "100"}
        if offset:
            params["offset"] = offset
        resp = session.get(api + "/opportunities", params=params, timeout=60)
        resp.raise_for_status()
        doc = json.loads(resp.content)
        for opp in doc["data"]:
            n += 1
            chars += len(opp["id"]) + len(opp["name"])
        if not doc.get("hasNext") or not doc.get("next"):
            break
        offset = doc["next"]
    return {"items": n, "seconds": time.perf_counter() - t0, "chars": chars}


def child(side: str, api: str) -> None:
    result = run_leverkit(api) if side == "leverkit" else run_requests(api)
    result["peak_rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    print(json.dumps(result))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sandbox", default=os.environ.get("LEVERKIT_SANDBOX", "build/test/sandbox/leverkit-sandbox"))
    ap.add_argument("--opportunities", type=int, default=100_000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--child", choices=["leverkit", "requests"])
    ap.add_argument("--api")
    args = ap.parse_args()
    if args.child:
        child(args.child, args.api)
        return

    proc = subprocess.Popen(
        [args.sandbox, "--port", "0", "--opportunities", str(args.opportunities), "--rate-limit", "off"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        api = proc.stdout.readline().strip() + "/v1"
        results: Dict[str, List[Dict[str, float]]] = {"leverkit": [], "requests": []}
        for _ in range(args.rounds):
            for side in ("leverkit", "requests"):
                out = subprocess.run(
                    [sys.executable, __file__, "--child", side, "--api", api],
                    check=True,
                    capture_output=True,
                    text=True,
                ).stdout
                results[side].append(json.loads(out))
    finally:
        proc.terminate()
        proc.wait()

    counts = {r["items"] for rs in results.values() for r in rs}
    chars = {r["chars"] for rs in results.values() for r in rs}
    assert len(counts) == 1 and len(chars) == 1, f"the two sides saw different data: {counts} {chars}"
    row = {}
    print(f"{counts.pop()} opportunities, {args.rounds} rounds, median of each side\n")
    print("| client | items/s | seconds | peak RSS (MiB) |")
    print("| --- | ---: | ---: | ---: |")
    for side, rs in results.items():
        ips = statistics.median(r["items"] / r["seconds"] for r in rs)
        secs = statistics.median(r["seconds"] for r in rs)
        rss = statistics.median(r["peak_rss_mib"] for r in rs)
        row[side] = (ips, rss)
        print(f"| {side} | {ips:,.0f} | {secs:.2f} | {rss:.1f} |")
    print(
        f"\nleverkit / requests: {row['leverkit'][0] / row['requests'][0]:.2f}x items/s, "
        f"{row['leverkit'][1] / row['requests'][1]:.2f}x peak RSS"
    )


if __name__ == "__main__":
    main()
