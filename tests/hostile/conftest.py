"""Helpers for the hostile-input tests: run the CLI in a subprocess, hash inputs, check refusals.

A refusal is: exit 2, exactly one line on stderr, `govlint: <path>: <reason>`, no traceback, and
the input's bytes unchanged. A linted input is: exit 0 or 1, nothing on stderr.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOOD_MD = ROOT / "examples" / "good-2023.md"
GOOD_DOCX = ROOT / "examples" / "good-2023.docx"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # tests.fixtures.docxbuild


def run_cli(*args: str, env: dict | None = None, timeout: float = 120, cwd=None) -> subprocess.CompletedProcess:
    e = dict(os.environ)
    e.pop("GITHUB_ACTIONS", None)
    e.update(env or {})
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "govlint", *args], capture_output=True, text=True,
                          encoding="utf-8", errors="replace", env=e, timeout=timeout, cwd=cwd)
    proc.elapsed = time.perf_counter() - start  # type: ignore[attr-defined]
    return proc


def digest(path: Path) -> str:
    """Hash of a file's bytes, of a symlink's target string, or of a directory's sorted listing
    and contents (recursively, links not followed)."""
    h = hashlib.sha256()
    if path.is_symlink():
        h.update(b"L" + os.readlink(path).encode())
    elif path.is_dir():
        for child in sorted(path.iterdir()):
            h.update(child.name.encode("utf-8", "surrogateescape") + b"\0" + digest(child).encode())
    elif path.exists():
        try:
            h.update(path.read_bytes())
        except PermissionError:
            st = path.stat()
            h.update(f"{st.st_size}:{st.st_mtime_ns}".encode())
    return h.hexdigest()


def assert_refused(proc: subprocess.CompletedProcess, path: Path | str, *reasons: str) -> str:
    lines = proc.stderr.splitlines()
    assert proc.returncode == 2, (proc.returncode, proc.stderr)
    assert "Traceback" not in proc.stderr
    assert len(lines) == 1, proc.stderr
    prefix = f"govlint: {path}: "
    assert lines[0].startswith(prefix), (lines[0], prefix)
    for r in reasons:
        assert r in lines[0], (r, lines[0])
    return lines[0]


def assert_linted(proc: subprocess.CompletedProcess, codes=(0, 1)) -> list[dict]:
    """Exit 0/1, a clean stderr; the JSON diagnostics if the run used -f json, else []."""
    assert proc.returncode in codes, (proc.returncode, proc.stderr[-2000:])
    assert "Traceback" not in proc.stderr
    assert proc.stderr == "", proc.stderr
    out = proc.stdout.strip()
    return json.loads(out) if out.startswith("[") else []


@pytest.fixture(scope="session")
def good_md_text() -> str:
    return GOOD_MD.read_text(encoding="utf-8")
