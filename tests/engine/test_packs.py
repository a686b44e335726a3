"""Rule packs: every built-in pack validates, every rule has fail and pass examples that behave
as declared (the meta-test), and broken packs fail with file:line: key: reason."""

import subprocess
import sys
from pathlib import Path

import pytest

from govlint import packs
from govlint.errors import PackError
from govlint.examples import run_examples

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def packset():
    return packs.load(use_cache=False)


def test_builtin_packs(packset):
    assert {"core", "annual-common", "annual-2008", "annual-2019", "annual-2021", "gongwen"} <= set(packset.packs)
    assert {r.id for r in packset.packs["annual-2021"].effective} >= {"GL101", "GL102", "GL201", "GL203", "GL502"}


@pytest.mark.parametrize("pack_id", ["core", "annual-common", "annual-2008", "annual-2019", "annual-2021", "gongwen"])
def test_examples_behave_as_declared(packset, pack_id):
    assert run_examples(packset.packs[pack_id], packset) == []


def _write(tmp_path, text):
    p = tmp_path / "pack.yaml"
    p.write_text(text, encoding="utf-8")
    return p


GOOD_RULE = """  - id: XX101
    kind: required-statement
    severity: warning
    message: m
    basis: b
    patterns: ['a']
"""


@pytest.mark.parametrize("text,line,key,reason", [
    ("id: p\ntitle: t\nrules:\n  - id: XX101\n    kind: nope\n    severity: warning\n    message: m\n    basis: b\n",
     5, "rules[0].kind", "is not one of"),
    ("id: p\ntitle: t\nrules:\n  - id: XX101\n    kind: required-statement\n    severity: fatal\n    message: m\n    basis: b\n",
     6, "rules[0].severity", "is not one of"),
    ("id: p\ntitle: t\nrules:\n  - id: XX101\n    kind: required-statement\n    severity: info\n    basis: b\n",
     4, "rules[0]", "'message' is a required property"),
    ("id: p\ntitle: t\ncolour: red\nrules: []\n", 3, "colour", "unknown key 'colour'"),
    ("id: p\ntitle: t\nrules:\n" + GOOD_RULE.replace("['a']", "['(a']"), 9, "rules[0].patterns", "bad regular expression"),
    ("id: p\ntitle: [t\n", 3, None, "invalid YAML"),
])
def test_broken_pack_names_file_line_and_key(tmp_path, text, line, key, reason):
    p = _write(tmp_path, text)
    with pytest.raises(PackError) as e:
        packs.load([str(p)], use_cache=False, builtin=False)
    msg = str(e.value)
    assert msg.startswith(f"{p}:{line}:"), msg
    if key:
        assert f" {key}: " in msg
    assert reason in msg


def test_python_tags_are_refused_not_executed(tmp_path):
    p = _write(tmp_path, "id: p\ntitle: !!python/object/apply:os.system ['echo hacked']\nrules: []\n")
    with pytest.raises(PackError, match="invalid YAML"):
        packs.load([str(p)], use_cache=False, builtin=False)


def test_extends_cycle(tmp_path):
    a = tmp_path / "a.yaml"
    b = tmp_path / "b.yaml"
    a.write_text("id: a\ntitle: a\nextends: [b]\nrules: []\n", encoding="utf-8")
    b.write_text("id: b\ntitle: b\nextends: [a]\nrules: []\n", encoding="utf-8")
    with pytest.raises(PackError, match="extends cycle"):
        packs.load([str(a), str(b)], use_cache=False, builtin=False)


def test_cli_reports_broken_pack_with_exit_2(tmp_path):
    p = _write(tmp_path, "id: p\ntitle: t\nrules:\n  - id: XX1\n    kind: nope\n")
    md = tmp_path / "d.md"
    md.write_text("# 2023年某区人民政府政府信息公开工作年度报告\n", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "govlint", "--pack", str(p), str(md)], capture_output=True, text=True)
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1 and str(p) in r.stderr and "Traceback" not in r.stderr


def test_rules_check_runs_a_users_pack(tmp_path):
    p = _write(tmp_path, "id: mine\ntitle: t\nrules:\n" + GOOD_RULE + "    examples:\n      fail: ['b']\n      pass: ['a']\n")
    r = subprocess.run([sys.executable, "-m", "govlint", "rules", "check", str(p)], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "ok (1 rules" in r.stdout
