"""The format registry and the helpers every reporter shares (fingerprint, position)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from report_data import DOCX, MD, diagnostics

from govlint import record
from govlint.report import FORMATS, UnknownFormatError, available, get
from govlint.report.base import fingerprint, occurrence_keys, position

LINT = Path(__file__).resolve().parents[2] / "lint"


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_every_registered_format_has_render(name):
    assert callable(get(name).render)


def test_format_names():
    assert set(FORMATS) >= {"full", "concise", "json", "sarif", "github", "gitlab", "junit", "statistics"}
    assert available()[: len(FORMATS)] == list(FORMATS)


def test_unknown_format_is_a_usage_error():
    with pytest.raises(UnknownFormatError) as err:
        get("no-such-format")
    assert "no-such-format" in str(err.value) and "sarif" in str(err.value)


def test_machine_formats_do_not_import_rich():
    code = (
        "import sys, io\n"
        "from govlint.report import get, FORMATS\n"
        "for name in FORMATS:\n"
        "    if name != 'full': get(name)\n"
        "assert 'rich' not in sys.modules, sorted(m for m in sys.modules if m.startswith('rich'))\n"
        "get('full')\n"
        "assert 'rich' not in sys.modules  # full imports rich inside render()\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, env={"PYTHONPATH": str(LINT)})


def _by_rule(rule: str, path: str):
    return next(d for d in diagnostics() if d.rule == rule and d.path == path)


def test_fingerprint_is_sha256_hex():
    fp = fingerprint(_by_rule("GL301", MD))
    assert len(fp) == 64 and int(fp, 16) >= 0


def test_fingerprint_ignores_positions_path_and_message():
    d = _by_rule("GL301", DOCX)
    moved = record.replace(
        d,
        path="renamed.docx",
        table=5,
        row=9,
        col=1,
        order=99,
        line=40,
        column=2,
        paragraph=3,
        location="表5 第9行 第1列",
        message="（七）总计 183 ≠ 各项之和 190",
        related=(),
    )
    assert fingerprint(moved) == fingerprint(d)


def test_fingerprint_ignores_whitespace_only_edits():
    d = _by_rule("GL502", DOCX)
    spaced = record.replace(d, excerpt=d.excerpt.replace("，", "， ").replace("XX", "XX\u3000"))
    spaced = record.replace(spaced, span=(spaced.excerpt.index("XX"), spaced.excerpt.index("XX") + 2))
    assert fingerprint(spaced) == fingerprint(d)


@pytest.mark.parametrize(
    "change",
    [{"rule": "GL302"}, {"section": "第2节「主动公开政府信息情况」"}, {"excerpt": "184"}, {"span": (0, 2)}],
)
def test_fingerprint_changes_with_identity(change):
    d = _by_rule("GL301", DOCX)
    assert fingerprint(record.replace(d, **change)) != fingerprint(d)


def test_occurrence_keys_tell_identical_findings_apart():
    d = _by_rule("GL301", DOCX)
    keys = occurrence_keys([d, record.replace(d, row=6), record.replace(d, path="other.docx")])
    assert keys[0][0] == keys[1][0] == keys[2][0]
    assert [n for _, n in keys] == [0, 1, 0]


def test_position():
    assert position(_by_rule("GL301", MD)) == "12:6"
    assert position(_by_rule("GL402", MD)) == "3:1"  # column unknown → 1
    assert position(_by_rule("GL301", DOCX)) == "表2:5:3"
    assert position(_by_rule("GL502", DOCX)) == "第14段"
    assert position(_by_rule("GL101", DOCX)) == ""
    table_only = record.replace(_by_rule("GL301", DOCX), row=None, col=None)
    assert position(table_only) == "表2"
