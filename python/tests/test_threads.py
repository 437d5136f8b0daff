"""The GIL is released during network I/O, and Python threads share one rate-limit bucket per key."""

from __future__ import annotations

import threading
import time
from typing import List

import leverkit
from conftest import FULL_KEY, Sandbox


def test_gil_is_released_while_a_request_waits(fresh_sandbox: Sandbox) -> None:
    client = fresh_sandbox.client()
    fresh_sandbox.admin("POST", "/faults", {"route": "GET /v1/stages", "faults": [{"type": "slow", "ms": 700}]})
    counter = [0]
    stop = threading.Event()

    def spin() -> None:
        while not stop.is_set():
            counter[0] += 1

    t = threading.Thread(target=spin)
    t.start()
    try:
        time.sleep(0.05)
        start = counter[0]
        stages = list(client.list_stages())  # ~0.7 s inside C++
        during = counter[0] - start
    finally:
        stop.set()
        t.join()
    assert stages
    # With the GIL held by the call, the spinning thread could not run at all during it.
    assert during > 10_000


def test_threads_share_the_rate_limiter(fresh_sandbox: Sandbox) -> None:
    # Every client is built with the same key, so they draw from one bucket (per key, process-wide):
    # burst 2 then 20/s. 4 threads x 6 calls = 24 requests need >= (24 - 2) / 20 = 1.1 s in total.
    # Separate buckets would let each client send 2 at once and the rest at 20/s: ~0.2 s.
    rl = leverkit.RateLimitOptions(requests_per_second=20, burst=2)
    clients = [
        leverkit.Client(leverkit.ApiKeyCredentials(FULL_KEY), base_url=fresh_sandbox.api, rate_limit=rl)
        for _ in range(4)
    ]
    fresh_sandbox.admin("DELETE", "/stats")
    errors: List[BaseException] = []

    def work(c: leverkit.Client) -> None:
        try:
            for _ in range(6):
                c.get_user(leverkit.GetUserRequest(user_id=next(c.list_users(leverkit.ListUsersRequest(limit=1))).id))
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)

    # warm-up drains the burst so the measured part is paced by the steady rate only
    threads = [threading.Thread(target=work, args=(c,)) for c in clients]
    began = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - began
    assert errors == []
    requests = fresh_sandbox.stats()["totalRequests"]
    assert requests >= 48  # 2 per iteration (list + get) plus our stats call
    assert elapsed >= (48 - 2) / 20 * 0.9, f"48 requests took {elapsed:.2f}s: buckets were not shared"


def test_threads_can_share_one_client(sandbox: Sandbox) -> None:
    client = sandbox.client()
    expected = [o.id for o in client.list_opportunities(leverkit.ListOpportunitiesRequest(limit=100))]
    results: List[List[str]] = [[] for _ in range(4)]

    def work(i: int) -> None:
        results[i] = [o.id for o in client.list_opportunities(leverkit.ListOpportunitiesRequest(limit=37))]

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r == expected for r in results)
