"""`govlint --jobs 2 DIR` prints what `govlint DIR` prints, in the same order."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .conftest import ROOT, run_cli

CORPUS = Path("/work/shared/corpus")


def _sources() -> list[Path]:
    files = sorted((CORPUS / "real").glob("*.md")) + sorted((CORPUS / "seeds").glob("*.txt"))
    files += sorted((ROOT / "examples").glob("*.md")) + sorted((ROOT / "examples").glob("*.docx"))
    return files


@pytest.mark.skipif(len(_sources()) < 4, reason="needs the shared corpus or the examples")
def test_jobs_prints_the_same_diagnostics_in_the_same_order(tmp_path):
    folder = tmp_path / "drafts"
    for i, src in enumerate(_sources()):
        sub = folder / ("b" if i % 2 else "a")  # two folders, so the walk order matters too
        sub.mkdir(parents=True, exist_ok=True)
        shutil.copy(src, sub / f"{src.parent.name}-{src.name}")
    serial = run_cli("-f", "concise", str(folder))
    parallel = run_cli("-f", "concise", "--jobs", "2", str(folder))
    assert serial.stdout.count("\n") > 10  # the corpus does have findings
    assert parallel.stdout == serial.stdout
    assert parallel.stderr == serial.stderr
    assert parallel.returncode == serial.returncode
    json_serial = run_cli("-f", "json", str(folder))
    json_parallel = run_cli("-f", "json", "-j", "3", str(folder))
    assert json_parallel.stdout == json_serial.stdout
