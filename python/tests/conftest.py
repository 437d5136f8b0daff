"""Fixtures: a leverkit-sandbox process (the local Lever emulator) and clients for it.

The sandbox binary comes from the repository's CMake build (scripts/test builds it before
running pytest); $LEVERKIT_SANDBOX names it explicitly. A missing binary is an error, not a
skip: these tests must run in CI. See docs/adr/0071-python-tests-use-the-sandbox-binary.md.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import urllib.request
from pathlib import Path
from typing import Any, Iterator

import pytest

import leverkit

REPO = Path(__file__).resolve().parents[2]
FULL_KEY = "sandbox-full-key"
READ_ONLY_KEY = "sandbox-read-only-key"


def find_sandbox_binary() -> str:
    env = os.environ.get("LEVERKIT_SANDBOX")
    if env:
        return env
    for candidate in ("build/test/sandbox/leverkit-sandbox", "build/sandbox/leverkit-sandbox"):
        path = REPO / candidate
        if path.is_file() and os.access(path, os.X_OK):
            return str(path)
    on_path = shutil.which("leverkit-sandbox")
    if on_path:
        return on_path
    raise RuntimeError(
        "leverkit-sandbox not found: build it (cmake --build build/test --target leverkit-sandbox) "
        "or set LEVERKIT_SANDBOX to its path"
    )


class Sandbox:
    """A running leverkit-sandbox process; `url` is its base URL, `api` the /v1 base."""

    def __init__(self, *args: str) -> None:
        self.proc = subprocess.Popen(
            [find_sandbox_binary(), "--port", "0", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline().strip()
        if not line.startswith("http://127.0.0.1:"):
            self.stop()
            raise RuntimeError(f"leverkit-sandbox did not print its URL (got {line!r})")
        self.url = line
        self.api = line + "/v1"

    def admin(self, method: str, path: str, body: Any = None) -> Any:
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.url + "/__sandbox" + path, data=data, method=method)
        req.add_header("Content-Type", "application/json")
        with urllib.request.urlopen(req, timeout=10) as resp:
            text = resp.read().decode()
        return json.loads(text) if text else None

    def stats(self) -> Any:
        return self.admin("GET", "/stats")

    def client(self, key: str = FULL_KEY, **kwargs: Any) -> leverkit.Client:
        retry = kwargs.pop("retry", leverkit.RetryOptions(max_attempts=1))
        return leverkit.Client(leverkit.ApiKeyCredentials(key), base_url=self.api, retry=retry, **kwargs)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


@pytest.fixture(scope="session")
def sandbox() -> Iterator[Sandbox]:
    """One sandbox for the session: 300 opportunities, rate limit off (tests that need the
    limiter turn it on through the admin API and restore it)."""
    s = Sandbox("--seed", "42", "--opportunities", "300", "--rate-limit", "off")
    try:
        yield s
    finally:
        s.stop()


@pytest.fixture()
def fresh_sandbox() -> Iterator[Sandbox]:
    """A private sandbox for tests that write or change limits."""
    s = Sandbox("--seed", "7", "--opportunities", "60", "--rate-limit", "off")
    try:
        yield s
    finally:
        s.stop()


@pytest.fixture()
def client(sandbox: Sandbox) -> leverkit.Client:
    return sandbox.client()
