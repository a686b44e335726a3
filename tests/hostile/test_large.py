"""20 MB drafts: read in linear time (the Markdown reader falls back to plain lines above
MAX_PARSED_CHARS, see readers/markdown.py), linted through the CLI without hanging."""

from __future__ import annotations

import pytest

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


def test_markdown_below_the_limit_is_parsed_with_markdown_it():
    src = GOOD_MD.read_text(encoding="utf-8")
    assert len(src) < markdown.MAX_PARSED_CHARS
    assert markdown.read_text("x.md", src).notices == []


@pytest.mark.slow
def test_a_20_mb_markdown_file_through_the_cli(big_md):
    """Read (~5 s: plain lines, see readers/markdown.py), outline and a rule over 20 MB in ~11 s.
    Every rule on such a file takes much longer: some table kinds are quadratic in the number of
    tables (this file has ~1200)."""
    path, _n = big_md
    proc = run_cli("-f", "json", "--no-config", "--select", "GL903,GL101", str(path), timeout=180)
    diags = assert_linted(proc, (0,))
    # GL101 (a required part missing) stays silent: the plain-line reader kept the '##' headings
    assert [d["rule"] for d in diags] == ["GL903"]
    assert "too large to parse (20 MB)" in diags[0]["values"]["notice"]
    assert proc.elapsed < 40, f"{proc.elapsed:.1f} s"
