"""Whole runs over untrusted input: a folder mixing good and bad files, no network, no writes,
hostile rule packs and configs."""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from pathlib import Path

import pytest

from . import test_inputs as hostile
from .conftest import GOOD_DOCX, GOOD_MD, ROOT, assert_linted, assert_refused, digest, run_cli

BAD_MD = GOOD_MD.parent / "bad-2023.md"
BAD_DOCX = GOOD_MD.parent / "bad-2023.docx"


@pytest.fixture
def mixed(tmp_path) -> tuple[Path, dict[str, str]]:
    """A folder of good drafts, drafts with findings and hostile files; {bad file: reason}."""
    d = tmp_path / "drafts"
    d.mkdir()
    shutil.copyfile(GOOD_MD, d / "good.md")
    shutil.copyfile(GOOD_DOCX, d / "good.docx")
    shutil.copyfile(BAD_MD, d / "findings.md")
    shutil.copyfile(BAD_DOCX, d / "findings.docx")
    (d / "gbk.md").write_bytes(BAD_MD.read_text(encoding="utf-8").encode("gb18030"))
    sub = d / "sub"
    sub.mkdir()
    bad = {}
    for name, make, reason in [
        ("bomb", hostile.zip_bomb, "zip bomb"),
        ("laughs", hostile.billion_laughs, "declares a DOCTYPE"),
        ("trunc", hostile.truncated_zip, "truncated or corrupt"),
        ("ole", hostile.ole_docx, "OLE compound file"),
        ("junk", hostile.binary_junk, "binary data"),
        ("empty", hostile.empty_file, "empty file"),
        ("utf8", hostile.invalid_utf8, "neither UTF-8"),
        ("link", hostile.broken_symlink, "broken symbolic link"),
        ("loop", hostile.symlink_loop, "symbolic link loop"),
    ]:
        home = sub / name
        home.mkdir()
        p = make(home)
        bad[str(p)] = reason
    bad[str(sub / "loop" / "b.md")] = "symbolic link loop"  # the other half of a.md -> b.md -> a.md
    (sub / "up").symlink_to("..")  # a directory loop
    (d / "notes.pdf").write_bytes(b"%PDF")  # not a draft: skipped in a walk
    return d, bad


def test_a_folder_mixing_good_and_bad_files_is_fully_linted(mixed):
    d, bad = mixed
    before = digest(d)
    proc = run_cli("-f", "json", "--no-config", str(d))
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.splitlines()
    assert len(lines) == len(bad), proc.stderr
    for path, reason in bad.items():
        (line,) = [ln for ln in lines if ln.startswith(f"govlint: {path}: ")]
        assert reason in line, line
    diags = json.loads(proc.stdout)
    linted = {Path(x["path"]).name for x in diags}
    assert {"findings.md", "findings.docx", "gbk.md"} <= linted
    assert not linted & {"good.md", "good.docx"}  # clean drafts: linted, nothing to say
    by_file = {}
    for x in diags:
        by_file.setdefault(Path(x["path"]).name, []).append((x["rule"], x["line"]))
    assert by_file["gbk.md"] == by_file["findings.md"]
    assert digest(d) == before
    assert proc.elapsed < 20


def test_jobs_give_the_same_result(mixed):
    d, bad = mixed
    serial = run_cli("-f", "json", "--no-config", str(d))
    parallel = run_cli("-f", "json", "--no-config", "-j", "3", str(d))
    assert parallel.returncode == serial.returncode == 2
    assert sorted(parallel.stderr.splitlines()) == sorted(serial.stderr.splitlines())
    assert parallel.stdout == serial.stdout


# --- no network ------------------------------------------------------------------------------

NO_NETWORK = """
import socket, sys

class _NoNetwork(OSError):
    pass

def _refuse(*a, **k):
    raise _NoNetwork("network access attempted")

class _Socket(socket.socket):
    def __init__(self, *a, **k):
        _refuse()

socket.socket = _Socket
socket.create_connection = _refuse
socket.getaddrinfo = _refuse
socket.socketpair = _refuse
try:
    socket.socket()
except _NoNetwork:
    pass
else:
    raise SystemExit("the guard does not work")
import runpy
sys.argv = ["govlint"] + sys.argv[1:]
runpy.run_module("govlint", run_name="__main__", alter_sys=True)
"""


def test_no_network_access(tmp_path):
    """The CLI runs with sockets disabled (a socket would raise and end in exit 2 / a traceback)."""
    import subprocess

    for src in (GOOD_MD, GOOD_DOCX, BAD_MD, BAD_DOCX):
        shutil.copyfile(src, tmp_path / src.name)
    env = dict(os.environ)
    env.pop("GITHUB_ACTIONS", None)
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")  # a cold cache: schema validation runs too
    for args in (["-f", "json", str(tmp_path)], ["-f", "sarif", "-j", "2", str(tmp_path)],
                 ["outline", str(tmp_path / GOOD_DOCX.name)], ["rules"]):
        proc = subprocess.run([sys.executable, "-c", NO_NETWORK, *args], capture_output=True, text=True,
                              encoding="utf-8", env=env, timeout=120)
        assert "network access attempted" not in proc.stderr
        assert "Traceback" not in proc.stderr
        if args[0] == "-f":
            assert proc.returncode == 1, proc.stderr  # bad-2023 has errors; nothing refused
            assert proc.stderr == ""
        else:
            assert proc.returncode == 0, proc.stderr


# --- never write -----------------------------------------------------------------------------


def test_inputs_are_never_written(mixed, tmp_path):
    d, _bad = mixed
    extra = tmp_path / "extra"
    extra.mkdir()
    shutil.copyfile(BAD_MD, extra / "bad.txt")
    pack = extra / "pack.yaml"
    pack.write_text("id: mine\ntitle: t\nextends: [annual-2021]\nrules: []\n", encoding="utf-8")
    config = extra / ".govlint.yaml"
    config.write_text("fail-on: warning\n", encoding="utf-8")
    before = {p: digest(p) for p in (d, extra)}
    mtimes = {p: p.stat().st_mtime_ns for p in extra.iterdir()}
    runs = [
        ["-f", "json", str(d)], ["-f", "sarif", "-j", "2", str(d)], ["-f", "full", str(d)],
        ["-f", "concise", "--pack", str(pack), str(extra / "bad.txt")],
        ["-f", "github", "--config", str(config), str(extra)],
        ["outline", "-f", "json", str(d / "findings.docx")],
        ["baseline", "write", "--file", str(tmp_path / "out" / "baseline.json"), str(d)],
    ]
    (tmp_path / "out").mkdir()
    for args in runs:
        proc = run_cli(*args, cwd=tmp_path / "out")
        assert "Traceback" not in proc.stderr
        assert proc.returncode in (0, 1, 2), (args, proc.stderr)
    assert {p: digest(p) for p in (d, extra)} == before
    assert {p: p.stat().st_mtime_ns for p in extra.iterdir()} == mtimes
    assert sorted(os.listdir(tmp_path / "out")) == ["baseline.json"]  # the one file asked for


# --- hostile packs and configs -----------------------------------------------------------------


def _pack(tmp_path: Path, body: str, name: str = "pack.yaml") -> Path:
    p = tmp_path / name
    p.write_text(body, encoding="utf-8")
    return p


RULE = """  - id: XX101
    kind: {kind}
    severity: error
    message: "命中：{{match}}"
    basis: b
"""


def _draft(tmp_path: Path, paragraphs: int = 200) -> Path:
    p = tmp_path / "draft.md"
    text = GOOD_MD.read_text(encoding="utf-8") + "\n" + "".join("a" * 40 + "!\n\n" for _ in range(paragraphs))
    p.write_text(text, encoding="utf-8")
    return p


@pytest.mark.parametrize("kind,params", [
    ("forbidden-pattern", "    patterns: ['(a|a)+$']\n"),
    ("forbidden-pattern", "    patterns: [{pattern: '(a|aa)+$', raw: true}]\n"),
    ("required-statement", "    patterns: ['(a|a)+$']\n"),
    ("year-mismatch", "    patterns: ['(a|a)+$']\n"),
    ("contact-info", "    mode: invalid\n    address_words: [a]\n    address_pattern: '(a|a)+$'\n"),
])
def test_a_catastrophic_pattern_does_not_hang(tmp_path, kind, params):
    pack = _pack(tmp_path, "id: evil\ntitle: t\nrules:\n" + RULE.format(kind=kind) + params)
    draft = _draft(tmp_path)
    start = time.perf_counter()
    proc = run_cli("-f", "json", "--no-config", "--pack", str(pack), str(draft), timeout=60)
    assert time.perf_counter() - start < 15
    assert "Traceback" not in proc.stderr
    assert proc.returncode in (0, 1, 2)
    assert proc.returncode != 2 or "year-mismatch" in kind, proc.stderr  # (year-mismatch may refuse params)


def test_regex_guard_budget():
    """A catastrophic pack pattern runs until its budget is spent, then never again: counted in
    runs, not in seconds (a timing assertion would be flaky on a loaded machine)."""
    import regex

    from govlint.kinds import _util

    class Counting:  # the pattern as _util sees it, counting the runs it starts
        def __init__(self, rx):
            self.rx, self.pattern, self.runs = rx, rx.pattern, 0

        def search(self, *args, **kwargs):
            self.runs += 1
            return self.rx.search(*args, **kwargs)

    p = Counting(regex.compile("(a|a)+$"))
    results = [_util.search(p, "a" * 40 + "!") for _ in range(50)]
    assert results == [None] * 50
    assert p.runs == round(_util.BUDGET / _util.TIMEOUT) == 2  # two timeouts spend the budget
    assert "(a|a)+$" in _util.timed_out()
    q = regex.compile("b")
    assert _util.search(q, "abc") is not None  # other patterns are not affected


@pytest.mark.parametrize("body,reason", [
    ("id: p\ntitle: !!python/object/apply:os.system ['touch {marker}']\nrules: []\n", "invalid YAML"),
    ("id: p\ntitle: t\nrules: &r [*r]\n", "recursive alias"),
    ("x0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
     + "".join(f"x{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]\n" for i in range(1, 9))
     + "id: p\ntitle: t\nrules: []\n", "aliases expand"),
    ("id: p\ntitle: t\nrules:\n" + RULE.format(kind="forbidden-pattern") + "    patterns: ['" + "a" * 600 + "']\n",
     "at most 500 characters"),
    ("id: p\ntitle: t\nrules:\n" + RULE.format(kind="forbidden-pattern") + "    patterns: ['(a']\n",
     "bad regular expression"),
    ("id: p\ntitle: t\nrules:\n" + RULE.format(kind="report-title") + "    requires: [{name: n, pattern: 1}]\n",
     "pattern"),
    ("id: p\ntitle: t\nextends: [p]\nrules: []\n", "extends cycle"),
    ("id: p\ntitle: t\nrules:\n" + "".join(RULE.replace("XX101", f"XX{i}").format(kind="forbidden-pattern")
                                          + "    patterns: [a]\n" for i in range(1000, 3100)), "too many rules"),
    ("id: p\ntitle: t\ndescription: '" + "x" * (3 * 1024 * 1024) + "'\nrules: []\n", "too large"),
    ("[[[[" * 20000 + "]]]]" * 20000 + "\n", "nested more than"),  # found crashing libyaml's composer
    ("id: p\ntitle: t\nrules: []\nx:\n" + "".join(" " * (i + 1) + "-\n" for i in range(1000)), "nested more than"),
])
def test_a_hostile_pack_is_refused_in_one_line(tmp_path, body, reason):
    marker = tmp_path / "executed"
    pack = _pack(tmp_path, body.replace("{marker}", str(marker)))
    draft = tmp_path / "draft.md"
    shutil.copyfile(GOOD_MD, draft)
    proc = run_cli("-f", "json", "--no-config", "--pack", str(pack), str(draft), timeout=60)
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    (line,) = proc.stderr.splitlines()
    assert line.startswith(f"govlint: {pack}"), line
    assert reason in line, line
    assert not marker.exists()
    assert proc.elapsed < 15


@pytest.mark.parametrize("body,reason", [
    ("fail-on: !!python/object/apply:os.system ['touch {marker}']\n", "invalid YAML"),
    ("select: &s [*s]\n", "recursive alias"),
    ("colour: red\n", "unknown key 'colour'"),
])
def test_a_hostile_config_is_refused_in_one_line(tmp_path, body, reason):
    marker = tmp_path / "executed"
    d = tmp_path / "repo"
    d.mkdir()
    (d / ".govlint.yaml").write_text(body.replace("{marker}", str(marker)), encoding="utf-8")
    shutil.copyfile(GOOD_MD, d / "draft.md")
    proc = run_cli("-f", "json", str(d / "draft.md"))
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    (line,) = proc.stderr.splitlines()
    assert line.startswith(f"govlint: {d / '.govlint.yaml'}"), line
    assert reason in line
    assert not marker.exists()


def test_cli_module_has_no_network_imports():
    """Belt and braces next to the socket test: nothing in the package imports a network client."""
    banned = ("import socket", "import urllib.request", "import http.client", "import requests", "import httpx")
    for f in (ROOT / "lint" / "govlint").rglob("*.py"):
        text = f.read_text(encoding="utf-8")
        for b in banned:
            assert b not in text, (f, b)


def test_refusal_lines_escape_control_characters(tmp_path):
    p = tmp_path / "two\nlines.md"
    p.write_bytes(b"")
    proc = run_cli(str(p))
    assert_refused(proc, str(p).replace("\n", "\\n"), "empty file")


def test_an_undecodable_file_name_prints(tmp_path):
    name = os.fsdecode(b"bad\xfe.md")
    (tmp_path / name).write_bytes(b"")
    shutil.copyfile(BAD_MD, tmp_path / os.fsdecode(b"bad\xfd-findings.md"))
    for fmt in ("json", "sarif", "gitlab"):  # the two that crashed, and the default contract
        proc = run_cli("-f", fmt, str(tmp_path))
        assert proc.returncode == 2, (fmt, proc.stderr)
        assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr, (fmt, proc.stderr)
        assert_refused(proc, tmp_path / "bad\ufffd.md", "empty file")


def test_good_files_still_lint_cleanly():
    assert assert_linted(run_cli("-f", "json", str(GOOD_MD), str(GOOD_DOCX)), (0,)) == []
