"""Baseline: `govlint baseline write` records findings by fingerprint and count (never by line),
`check --baseline` hides them, `baseline prune` drops the fixed ones."""

from __future__ import annotations

import json
from pathlib import Path

from .conftest import good_text, run_cli

ANCHOR = "### （二）依申请公开"
EXTRA = "甲段：另发布解读材料XX件。\n\n乙段：咨询电话0571-8765。\n\n丙段：另编印公报XX期。\n\n丙段：另编印公报XX期。\n\n"


def _write(path: Path, extra: str = EXTRA, before_title: str = "") -> Path:
    text = good_text()
    anchor = ANCHOR if ANCHOR in text else "## 二、"
    text = text.replace(anchor, extra + anchor, 1)
    if before_title:
        first, rest = text.split("\n", 1)
        text = first + "\n\n" + before_title + "\n" + rest
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _rules(stdout: str) -> list[str]:
    return [ln.split(": ", 1)[1].split(" ", 1)[0] for ln in stdout.splitlines() if ": GL" in ln]


def test_write_records_fingerprints_with_counts(tmp_path):
    _write(tmp_path / "drafts" / "a.md")
    r = run_cli("baseline", "write", "drafts", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    data = json.loads((tmp_path / ".govlint-baseline.json").read_text(encoding="utf-8"))
    assert data["version"] == 1 and data["fingerprint"] == "govlint/v1"
    assert list(data["files"]) == ["drafts/a.md"]  # relative to the baseline file, POSIX
    entries = list(data["files"]["drafts/a.md"].values())
    assert sorted((e["rule"], e["count"]) for e in entries) == [("GL204", 1), ("GL502", 1), ("GL502", 2)]
    assert all(len(fp) == 64 for fp in data["files"]["drafts/a.md"])
    assert not any("line" in e for e in entries)


def test_check_with_baseline_hides_known_findings_even_after_edits(tmp_path):
    draft = _write(tmp_path / "a.md")
    before = run_cli("-f", "concise", "a.md", cwd=tmp_path)
    assert before.returncode == 1 and sorted(_rules(before.stdout)) == ["GL204", "GL502", "GL502", "GL502"]
    assert run_cli("baseline", "write", "a.md", cwd=tmp_path).returncode == 0
    r = run_cli("-f", "concise", "--baseline", ".govlint-baseline.json", "a.md", cwd=tmp_path)
    assert (r.returncode, r.stdout) == (0, ""), r.stderr
    # paragraphs inserted above move every line: the old findings stay hidden
    _write(draft, "新增段落：本年度工作有序推进。\n\n" + EXTRA, before_title="另起一段说明。\n")
    r = run_cli("-f", "concise", "--baseline", ".govlint-baseline.json", "a.md", cwd=tmp_path)
    assert (r.returncode, r.stdout) == (0, ""), r.stderr
    # a new finding is reported, and so is a third copy of a finding recorded twice
    _write(draft, EXTRA + "丙段：另编印公报XX期。\n\n丁段：另设查阅点XX个。\n\n")
    r = run_cli("-f", "concise", "--baseline", ".govlint-baseline.json", "a.md", cwd=tmp_path)
    assert r.returncode == 1
    lines = r.stdout.splitlines()
    assert len(lines) == 2 and all("GL502" in ln for ln in lines)
    # the baseline is found from another working directory too (paths are relative to it)
    (tmp_path / "sub").mkdir()
    r = run_cli("-f", "concise", "--baseline", "../.govlint-baseline.json", "../a.md", cwd=tmp_path / "sub")
    assert len(r.stdout.splitlines()) == 2


def test_prune_drops_fixed_findings(tmp_path):
    draft = _write(tmp_path / "a.md")
    other = _write(tmp_path / "b.md")
    assert run_cli("baseline", "write", "a.md", "b.md", cwd=tmp_path).returncode == 0
    _write(draft, EXTRA.replace("0571-8765", "0571-87654321").replace("丙段：另编印公报XX期。\n\n", "", 1))
    other.unlink()
    r = run_cli("baseline", "prune", cwd=tmp_path)  # no paths: the files the baseline names
    assert r.returncode == 0, r.stderr
    assert "removed 6 findings" in r.stdout  # GL204 + one of two GL502 in a.md; all 4 of b.md
    data = json.loads((tmp_path / ".govlint-baseline.json").read_text(encoding="utf-8"))
    assert list(data["files"]) == ["a.md"]
    assert sorted((e["rule"], e["count"]) for e in data["files"]["a.md"].values()) == [("GL502", 1), ("GL502", 1)]
    # what was pruned comes back when reintroduced
    _write(draft)
    r = run_cli("-f", "concise", "--baseline", ".govlint-baseline.json", "a.md", cwd=tmp_path)
    assert sorted(_rules(r.stdout)) == ["GL204", "GL502"]


def test_write_keeps_entries_of_files_not_linted(tmp_path):
    _write(tmp_path / "a.md")
    _write(tmp_path / "b.md")
    assert run_cli("baseline", "write", "a.md", "b.md", cwd=tmp_path).returncode == 0
    _write(tmp_path / "a.md", "")  # a.md fixed
    assert run_cli("baseline", "write", "--file", ".govlint-baseline.json", "a.md", cwd=tmp_path).returncode == 0
    data = json.loads((tmp_path / ".govlint-baseline.json").read_text(encoding="utf-8"))
    assert list(data["files"]) == ["b.md"]


def test_baseline_errors_exit_2_naming_the_file(tmp_path):
    _write(tmp_path / "a.md")
    r = run_cli("--baseline", "nope.json", "a.md", cwd=tmp_path)
    assert r.returncode == 2 and "nope.json" in r.stderr and r.stdout == ""
    (tmp_path / "bad.json").write_text('{"version": 1, "files": {', encoding="utf-8")
    r = run_cli("--baseline", "bad.json", "a.md", cwd=tmp_path)
    assert r.returncode == 2 and "bad.json:1" in r.stderr and "invalid JSON" in r.stderr
    (tmp_path / "old.json").write_text('{"version": 99, "files": {}}', encoding="utf-8")
    r = run_cli("--baseline", "old.json", "a.md", cwd=tmp_path)
    assert r.returncode == 2 and "old.json" in r.stderr
    r = run_cli("baseline", "write", cwd=tmp_path)
    assert r.returncode == 2 and "FILE or DIR" in r.stderr
    r = run_cli("baseline", "frobnicate", cwd=tmp_path)
    assert r.returncode == 2
