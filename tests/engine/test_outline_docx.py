"""The section tree from Word drafts: auto-numbered headings whose label is not in the text,
heading styles, and the `govlint outline --format json` contract."""

import json
import subprocess
import sys

from govlint.analyze import analyze
from tests.fixtures.docxbuild import build, gov_numbering, para, sdt

TITLE = "某县人民政府2023年政府信息公开工作年度报告"


def test_auto_numbered_headings_build_the_tree(tmp_path):
    path = build(tmp_path / "a.docx", [
        ("title", TITLE),
        ("xml", para("总体情况", num=(1, 0))),
        ("xml", para("主动公开", num=(1, 1))),
        ("p", "全年主动公开信息120条。"),
        ("xml", para("依申请公开", num=(1, 1))),
        ("xml", para("主动公开政府信息情况", num=(1, 0))),
        ("xml", sdt(para("收到和处理政府信息公开申请情况", num=(1, 0)))),
        ("p", "见下表。"),
    ], numbering=gov_numbering())
    doc = analyze(path)
    assert doc.title == TITLE and doc.report_year == 2023 and doc.kind == "annual-report"
    got = [(s.label, s.title, s.level, s.heading.source.location()) for s in doc.walk_sections()]
    assert got == [
        ("一", "总体情况", 1, "第2段"),
        ("一", "主动公开", 2, "第3段"),
        ("二", "依申请公开", 2, "第5段"),
        ("二", "主动公开政府信息情况", 1, "第6段"),
        ("三", "收到和处理政府信息公开申请情况", 1, "第7段"),
    ]
    assert [b.text for b in doc.sections[0].children[0].blocks] == ["全年主动公开信息120条。"]


def test_heading_styles_without_labels(tmp_path):
    path = build(tmp_path / "b.docx", [
        ("title", TITLE), ("h1", "总体情况"), ("h2", "主动公开"), ("p", "正文。"), ("h1", "其他需要报告的事项"),
    ])
    doc = analyze(path)
    assert [(s.title, s.level) for s in doc.walk_sections()] == [
        ("总体情况", 1), ("主动公开", 2), ("其他需要报告的事项", 1)]


def test_outline_json_contract(tmp_path):
    path = build(tmp_path / "c.docx", [
        ("title", TITLE), ("h1", "一、总体情况"), ("p", "正文。"),
        ("table", [["项目", "数量"], ["申请", "3"]], []),
    ])
    r = subprocess.run([sys.executable, "-m", "govlint", "outline", "--format", "json", str(path)],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert set(data) == {"path", "format", "title", "report_year", "kind", "preamble", "sections"}
    assert (data["format"], data["title"], data["report_year"], data["kind"]) == ("docx", TITLE, 2023, "annual-report")
    sec = data["sections"][0]
    assert {k: sec[k] for k in ("label", "title", "level", "location", "line")} == {
        "label": "一", "title": "总体情况", "level": 1, "location": "第2段", "line": None}
    para_block, table = sec["blocks"]
    assert para_block == {"type": "paragraph", "text": "正文。", "location": "第3段", "line": None}
    assert (table["type"], table["location"], table["rows"], table["cols"]) == ("table", "表1", 2, 2)
    assert table["cells"][3] == {"row": 2, "col": 2, "row_span": 1, "col_span": 1, "text": "3"}
