"""20 MB drafts: read in linear time (the Markdown reader falls back to plain lines above
MAX_PARSED_CHARS, see readers/markdown.py), linted through the CLI without hanging."""

from __future__ import annotations

import time

import pytest

from govlint import readers
from govlint.document import Paragraph
from govlint.readers import markdown

from .conftest import GOOD_MD, assert_linted, run_cli

SIZE = 20 * 1024 * 1024


@pytest.fixture(scope="module")
def big_md(tmp_path_factory):
    """~20 MB of report-like Markdown: the example report over and over (headings, GFM tables,
    paragraphs), plus a last line to find again."""
    good = GOOD_MD.read_text(encoding="utf-8")
    n = SIZE // len(good.encode()) + 1
    p = tmp_path_factory.mktemp("big") / "big.md"
    p.write_text(good * n + "\n最后一段。\n", encoding="utf-8")
    return p, n


def test_a_20_mb_markdown_file_reads_in_linear_time(big_md):
    path, n = big_md
    start = time.perf_counter()
    doc = readers.read(path)
    took = time.perf_counter() - start
    assert took < 20, f"{took:.1f} s"  # ~5 s measured
    assert len(doc.notices) == 1 and "too large to parse" in doc.notices[0]
    assert sum(1 for b in doc.blocks if isinstance(b, Paragraph) and b.heading_level == 1) == n
    last = doc.blocks[-1]
    lines = path.read_text(encoding="utf-8").split("\n")
    assert last.text == "最后一段。" and lines[last.source.line - 1] == "最后一段。"
    k = len(last.text) - 1
    line, col = last.position(k)
    assert lines[line - 1][col - 1] == "。"


def test_markdown_below_the_limit_is_parsed_with_markdown_it():
    src = GOOD_MD.read_text(encoding="utf-8")
    assert len(src) < markdown.MAX_PARSED_CHARS
    assert markdown.read_text("x.md", src).notices == []


@pytest.mark.slow
def test_a_20_mb_markdown_file_through_the_cli(big_md):
    """Read, outline and a rule over 20 MB in well under a minute (~12 s measured). Every rule on
    such a file takes much longer: some table kinds are quadratic in the number of tables."""
    path, _n = big_md
    proc = run_cli("-f", "json", "--no-config", "--select", "GL903", str(path), timeout=180)
    diags = assert_linted(proc, (0,))
    assert [d["rule"] for d in diags] == ["GL903"]
    assert proc.elapsed < 60, f"{proc.elapsed:.1f} s"
