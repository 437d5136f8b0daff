"""Where the examples send requests: --base-url/LEVER_BASE_URL with LEVER_API_KEY, or else a local
leverkit-sandbox they start themselves (binary from $LEVERKIT_SANDBOX or the build tree)."""

from __future__ import annotations

import argparse
import contextlib
import os
import subprocess
from pathlib import Path
from typing import Iterator, Tuple

import leverkit

REPO = Path(__file__).resolve().parents[2]


@contextlib.contextmanager
def lever(args: argparse.Namespace) -> Iterator[Tuple[leverkit.Client, str]]:
    """Yields (client, base_url)."""
    base = args.base_url or os.environ.get("LEVER_BASE_URL")
    if base:
        yield leverkit.Client(leverkit.ApiKeyCredentials.from_environment(), base_url=base), base
        return
    binary = os.environ.get("LEVERKIT_SANDBOX") or str(REPO / "build/test/sandbox/leverkit-sandbox")
    proc = subprocess.Popen([binary, "--port", "0", "--opportunities", "200"], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        api = proc.stdout.readline().strip() + "/v1"
        yield leverkit.Client(leverkit.ApiKeyCredentials("sandbox-full-key"), base_url=api), api
    finally:
        proc.terminate()
        proc.wait()


def parser(description: str) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=description)
    p.add_argument("--base-url", help="Lever API base URL (default: start a local leverkit-sandbox)")
    return p
