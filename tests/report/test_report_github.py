from __future__ import annotations

import re

from report_data import check_golden, clean_result, diagnostics, render

from govlint import record
from govlint.report.github import format_line

LINE = re.compile(
    r"^::(?P<cmd>error|warning|notice) file=(?P<file>[^,:\n]+)(?:,line=(?P<line>\d+)(?:,col=(?P<col>\d+))?)?"
    r",title=(?P<title>[A-Z]+\d+ [a-z0-9-]+)::(?P<message>[^\r\n]+)$"
)


def test_golden():
    check_golden("github.txt", render("github"))


def test_lines_have_the_documented_shape():
    lines = render("github").splitlines()
    assert len(lines) == len(diagnostics())
    matches = [LINE.match(line) for line in lines]
    assert all(matches), lines
    assert [m["cmd"] for m in matches] == ["notice", "error", "error", "error", "warning", "error"]
    md = matches[1]
    assert (md["line"], md["col"], md["title"]) == ("12", "6", "GL301 sum-mismatch")


def test_docx_location_moves_into_the_message():
    cell = render("github").splitlines()[-1]
    assert ",line=" not in cell
    assert cell.endswith(
        "::第3节「收到和处理政府信息公开申请情况」 / 表2 第5行 第3列: （七）总计 183 ≠ 各项之和 185，相差 2"
    )


def test_escaping():
    d = record.replace(diagnostics()[0], path="a,b:c%.md", message="50%\r\n完成: a,b", name="x-y")
    line = format_line(d)
    assert line.startswith("::notice file=a%2Cb%3Ac%25.md,line=3,title=GL402 x-y::")
    assert line.endswith("::50%25%0D%0A完成: a,b")
    assert "\n" not in line


def test_clean_run_prints_nothing():
    assert render("github", clean_result()) == ""
