from __future__ import annotations

import re

from report_data import check_golden, clean_result, render

# path:line:col: | path:表N[:row[:col]]: | path:第N段: | path:   then RULE [severity] message
LINE = re.compile(
    r"^(?P<path>[^:\n]+):(?:(?P<line>\d+):(?P<col>\d+):|表\d+(?::\d+){0,2}:|第\d+段:)? "
    r"(?P<rule>[A-Z]+\d+) \[(?P<severity>error|warning|info)\] (?P<message>\S.*)$"
)


def test_golden():
    check_golden("concise.txt", render("concise"))


def test_every_line_has_the_documented_shape():
    lines = render("concise").splitlines()
    assert len(lines) == 6
    for line in lines:
        assert LINE.match(line), line


def test_docx_shapes():
    out = render("concise")
    assert "二〇二三年报告.docx:表2:5:3: GL301 [error] " in out
    assert "二〇二三年报告.docx:第14段: GL502 [error] " in out
    assert "二〇二三年报告.docx: GL101 [error] " in out
    assert "docs/report-2023.md:3:1: GL402 [info] " in out


def test_clean_run_prints_nothing():
    assert render("concise", clean_result()) == ""
