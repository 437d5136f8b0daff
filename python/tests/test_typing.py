"""The shipped stubs type-check a typed usage file under mypy --strict and reject misuse."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


import leverkit

HERE = Path(__file__).resolve().parent


def run_mypy(path: Path) -> "subprocess.CompletedProcess[str]":
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--hide-error-context", str(path)],
        capture_output=True,
        text=True,
        cwd=HERE,
    )


def test_stubs_and_py_typed_are_installed() -> None:
    pkg = Path(leverkit.__file__).parent
    assert (pkg / "py.typed").is_file()
    stub = (pkg / "_leverkit.pyi").read_text()
    assert "class Client" in stub and "def list_opportunities(" in stub
    assert "class Opportunity" in stub and "created_at" in stub


def test_typed_usage_passes_mypy_strict() -> None:
    r = run_mypy(HERE / "typed_usage.py")
    assert r.returncode == 0, r.stdout + r.stderr


def test_misuse_is_rejected_by_mypy() -> None:
    r = run_mypy(HERE / "typed_misuse.py")
    assert r.returncode == 1, r.stdout + r.stderr
    out = r.stdout
    assert 'typed_misuse.py:10: error: Incompatible types in assignment' in out
    assert 'typed_misuse.py:11: error: "Opportunity" has no attribute "no_such_attribute"' in out
    assert "typed_misuse.py:12: error: Argument 1" in out
    assert "typed_misuse.py:13: error: Argument \"limit\"" in out
