"""The example reports in examples/: committed files equal what make_examples.py writes, their
outlines have the six parts and the three tables, and the good one passes the structural rules.

Lint findings of the examples are asserted elsewhere; here only `--select GL1,GL2,GL4,GL5` on the
good Markdown file must exit 0.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from govlint.analyze import analyze

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"

PARTS = [
    ("一", "总体情况"),
    ("二", "主动公开政府信息情况"),
    ("三", "收到和处理政府信息公开申请情况"),
    ("四", "政府信息公开行政复议、行政诉讼情况"),
    ("五", "存在的主要问题及改进情况"),
    ("六", "其他需要报告的事项"),
]
SUBSECTIONS = ["主动公开", "依申请公开", "政府信息管理", "政府信息公开平台建设", "监督保障"]
# (rows, cols) of 表二 表三 表四
GRIDS = {".md": [(14, 4), (26, 10), (2, 15)], ".docx": [(14, 4), (28, 10), (4, 15)]}
FILES = ["good-2023.md", "good-2023.docx", "bad-2023.md", "bad-2023.docx"]


@functools.cache
def _load_script():
    spec = importlib.util.spec_from_file_location("make_examples", EXAMPLES / "make_examples.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_examples"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("examples")
    _load_script().write_all(out)
    return out


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {name: z.read(name) for name in z.namelist()}


@pytest.mark.parametrize("name", [f for f in FILES if f.endswith(".md")])
def test_committed_markdown_is_generated(generated, name):
    assert (EXAMPLES / name).read_text(encoding="utf-8") == (generated / name).read_text(encoding="utf-8"), (
        f"examples/{name} is stale: run .venv/bin/python examples/make_examples.py"
    )


@pytest.mark.parametrize("name", [f for f in FILES if f.endswith(".docx")])
def test_committed_docx_is_generated(generated, name):
    committed, fresh = _members(EXAMPLES / name), _members(generated / name)
    assert sorted(committed) == sorted(fresh)
    assert committed["word/document.xml"].decode() == fresh["word/document.xml"].decode(), (
        f"examples/{name} is stale: run .venv/bin/python examples/make_examples.py"
    )
    for member in committed:
        assert committed[member] == fresh[member], member


def test_docx_bytes_are_deterministic(generated, tmp_path):
    _load_script().write_all(tmp_path)  # a second run: every .docx byte for byte the same
    for name in (f for f in FILES if f.endswith(".docx")):
        assert (tmp_path / name).read_bytes() == (generated / name).read_bytes(), name


@pytest.mark.parametrize("name", FILES)
def test_outline(name):
    doc = analyze(EXAMPLES / name)
    parts = PARTS if name.startswith("good") else [p for p in PARTS if p[0] != "五"]
    assert doc.title == "江南市清河区人民政府2023年政府信息公开工作年度报告"
    assert doc.report_year == 2023
    assert doc.kind == "annual-report"
    assert [(s.label, s.title) for s in doc.sections] == parts
    assert [c.title for c in doc.sections[0].children] == SUBSECTIONS
    tables = doc.tables
    assert [(t.rows, t.cols) for t in tables] == GRIDS[Path(name).suffix]
    # each table stands in its own part: 二, 三, 四
    for sec, table in zip(doc.sections[1:4], tables, strict=True):
        assert [b for b in sec.all_blocks() if any(b is t for t in tables)] == [table]


def _spans(table) -> set[tuple[str, int, int]]:
    return {(c.text, c.row_span, c.col_span) for c in table.cells if c.row_span > 1 or c.col_span > 1}


def test_docx_merged_cells_follow_the_official_layout():
    t2, t3, t4 = analyze(EXAMPLES / "good-2023.docx").tables
    spans3 = _spans(t3)
    corner = next(c for c in t3.cells if c.row == 1 and c.col == 1)
    assert corner.text.startswith("（本列数据的勾稽关系为") and (corner.row_span, corner.col_span) == (3, 3)
    for expected in [
        ("申请人情况", 1, 7),
        ("法人或其他组织", 1, 5),
        ("自然人", 2, 1),
        ("总计", 2, 1),
        ("三、本年度办理结果", 22, 1),
        ("（三）不予公开", 8, 1),
        ("（四）无法提供", 3, 1),
        ("（五）不予处理", 5, 1),
        ("（六）其他处理", 3, 1),
    ]:
        assert expected in spans3, expected
    assert {
        ("行政复议", 2, 5),
        ("行政诉讼", 1, 10),
        ("未经复议直接起诉", 1, 5),
        ("复议后起诉", 1, 5),
    } <= _spans(t4)
    assert ("第二十条第（一）项", 1, 4) in _spans(t2)


def _figures(table, first_row: int, first_col: int) -> list[list[int]]:
    grid = table.grid()
    return [[int(c.text) for c in row[first_col - 1 :]] for row in grid[first_row - 1 :]]


@pytest.mark.parametrize("suffix,t3_first_row", [(".md", 2), (".docx", 4)])
def test_good_tables_balance_and_bad_differs_in_two_cells(suffix, t3_first_row):
    good = analyze(EXAMPLES / f"good-2023{suffix}").tables
    bad = analyze(EXAMPLES / f"bad-2023{suffix}").tables
    t3 = _figures(good[1], t3_first_row, 4)
    assert len(t3) == 25 and all(len(r) == 7 for r in t3)
    for c in range(7):
        assert t3[0][c] + t3[1][c] == t3[23][c] + t3[24][c]
        assert t3[23][c] == sum(r[c] for r in t3[2:23])
    assert all(r[6] == sum(r[:6]) for r in t3)
    assert (t3[0][6], t3[1][6], t3[23][6], t3[24][6]) == (85, 3, 82, 6)
    t4 = _figures(good[2], good[2].rows, 1)[0]
    assert all(t4[i + 4] == sum(t4[i : i + 4]) for i in (0, 5, 10))
    # the bad copy: 表二 unchanged, 表三 四、结转下年度 总计 6 → 7, 表四 行政复议 总计 4 → 5
    assert [c.text for c in bad[0].cells] == [c.text for c in good[0].cells]
    bad3 = _figures(bad[1], t3_first_row, 4)
    assert [(r, c) for r in range(25) for c in range(7) if bad3[r][c] != t3[r][c]] == [(24, 6)]
    assert bad3[24][6] == 7
    bad4 = _figures(bad[2], bad[2].rows, 1)[0]
    assert [i for i in range(15) if bad4[i] != t4[i]] == [4] and bad4[4] == 5


def test_good_markdown_passes_the_structural_rules():
    env = dict(os.environ, PYTHONPATH=str(ROOT / "lint"))
    proc = subprocess.run(
        [sys.executable, "-m", "govlint", "examples/good-2023.md", "--select", "GL1,GL2,GL4,GL5"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
