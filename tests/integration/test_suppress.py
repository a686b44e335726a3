"""Suppressions in the document: Markdown comments and Word comments each silence exactly their
rule at their place; a suppression that silences nothing gives GL901 at the comment."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest

from govlint.suppress import parse_directive

from .conftest import GOOD_DOCX, MINIMAL_CLEAN, good_text, run_cli

ANCHOR = "### （二）依申请公开"  # new paragraphs go just before this heading of good-2023.md

BLOCKS = """\
<!-- govlint-disable-next-line GL502 -- 待统计后补 -->
甲段：另发布解读材料XX件。

乙段：另召开发布会XX场。

<!-- govlint-disable GL502 -->
丙段：另开展培训XX次。

丁段：另编印公报XX期。
<!-- govlint-enable GL502 -->

戊段：另设查阅点XX个。

<!-- govlint-disable-next-line GL204 -->
己段：另开通政务新媒体账号2个。

庚段：咨询电话<!-- govlint-disable GL204 -->0571-8765。

"""


def _draft(tmp_path: Path, blocks: str = BLOCKS, drop_contact: bool = False, top: str = "") -> Path:
    text = good_text()
    anchor = ANCHOR if ANCHOR in text else "## 二、"
    text = text.replace(anchor, blocks + anchor, 1)
    if drop_contact:
        text = "\n".join(ln for ln in text.split("\n") if "如对本报告有疑问" not in ln and "电话" not in ln)
    if top:
        first, rest = text.split("\n", 1)
        text = first + "\n\n" + top + "\n" + rest
    p = tmp_path / "draft.md"
    p.write_text(text, encoding="utf-8")
    return p


def _line(path: Path, needle: str) -> int:
    for i, ln in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if needle in ln:
            return i
    raise AssertionError(needle)


def _found(diags, *rules):
    return sorted((d.rule, d.line) for d in diags if d.rule in rules)


def test_parse_directive():
    assert parse_directive("govlint-disable GL301") == ("disable", ("GL301",), "")
    assert parse_directive("govlint-disable GL301, gl302 -- 表格待定") == ("disable", ("GL301", "GL302"), "表格待定")
    assert parse_directive("govlint-disable-next-line GL203 联系方式见附件") == ("disable-next-line", ("GL203",), "联系方式见附件")
    assert parse_directive("govlint-disable-file") == ("disable-file", None, "")
    assert parse_directive("govlint: disable GL502 — 待补") == ("disable", ("GL502",), "待补")
    assert parse_directive("ｇｏｖｌｉｎｔ－ｄｉｓａｂｌｅ　ＧＬ５０２，ＧＬ２０４") == ("disable", ("GL502", "GL204"), "")
    assert parse_directive("govlint-disable 原因：尚未统计") == ("disable", None, "原因：尚未统计")
    assert parse_directive("govlint-enable GL502") == ("enable", ("GL502",), "")
    assert parse_directive("请补充数据") is None
    assert parse_directive("govlint-disabled GL1") is None


def test_markdown_each_comment_silences_its_rule_at_its_place(tmp_path, lint):
    path = _draft(tmp_path)
    diags = lint(path)
    placeholders = _found(diags, "GL502")
    assert placeholders == [("GL502", _line(path, "乙段")), ("GL502", _line(path, "戊段"))]
    assert _found(diags, "GL204") == []  # 庚段's inline comment
    unused = [d for d in diags if d.rule == "GL901"]
    assert [(d.line, d.column) for d in unused] == [(_line(path, "disable-next-line GL204"), 1)]
    d = unused[0]
    assert d.severity == "info" and "govlint-disable-next-line GL204" in d.message
    assert d.location.endswith(f"line {d.line}") and d.excerpt == "govlint-disable-next-line GL204"
    assert d.values == {"directive": "disable-next-line", "rules": ["GL204"], "reason": None}
    # without the comments, every placeholder is reported
    bare = tmp_path / "bare.md"
    bare.write_text(re.sub(r"<!--.*?-->", "", path.read_text(encoding="utf-8")), encoding="utf-8")
    assert len(_found(lint(bare), "GL502")) == 5
    assert _found(lint(bare), "GL204") == [("GL204", _line(bare, "庚段"))]


def test_markdown_disable_without_ids_silences_every_rule_in_range(tmp_path, lint):
    path = _draft(tmp_path, "<!-- govlint-disable-next-line -- 草稿段落 -->\n甲段：另发布解读材料XX件，电话：0571-8765。\n\n")
    diags = lint(path)
    assert _found(diags, "GL502", "GL204", "GL901") == []
    path = _draft(tmp_path, "甲段：另发布解读材料XX件，电话：0571-8765。\n\n")
    assert {r for r, _ in _found(lint(path), "GL502", "GL204")} == {"GL502", "GL204"}


def test_document_level_findings_yield_only_to_disable_file(tmp_path, lint):
    path = _draft(tmp_path, "", drop_contact=True)
    assert [d.rule for d in lint(path) if d.rule == "GL203"] == ["GL203"]
    # a range suppression cannot reach a finding that has no place: GL203 stays, and GL901 says so
    path = _draft(tmp_path, "", drop_contact=True, top="<!-- govlint-disable GL203 -->\n")
    diags = lint(path)
    assert sorted(d.rule for d in diags if d.rule in ("GL203", "GL901")) == ["GL203", "GL901"]
    assert next(d for d in diags if d.rule == "GL901").line == 3
    path = _draft(tmp_path, "", drop_contact=True, top="<!-- govlint-disable-file GL203 -- 联系方式印在封底 -->\n")
    diags = lint(path)
    assert [d for d in diags if d.rule in ("GL203", "GL901")] == []


def test_gl901_is_selectable_and_takes_severity_overrides(tmp_path, lint):
    path = _draft(tmp_path)
    assert [d.rule for d in lint(path, ignore=["GL901"]) if d.rule == "GL901"] == []
    assert [d.severity for d in lint(path, severity={"GL901": "warning"}) if d.rule == "GL901"] == ["warning"]
    # and from the command line, with the comment's line in concise output
    line = _line(path, "disable-next-line GL204")
    r = run_cli("-f", "concise", "--ignore", "GL502", str(path))
    assert r.returncode == 0, r.stderr
    assert [ln.split(" [")[0] for ln in r.stdout.splitlines()] == [f"{path}:{line}:1: GL901"]
    assert run_cli("-f", "concise", "--ignore", "GL502", "--fail-on", "info", str(path)).returncode == 1
    r = run_cli("-f", "concise", "--ignore", "GL502,GL901", "--fail-on", "info", str(path))
    assert (r.returncode, r.stdout) == (0, "")


def test_suppressions_of_rules_that_did_not_run_are_not_called_unused(tmp_path, lint):
    path = _draft(tmp_path)
    # GL502 ignored: its comments cannot be judged; GL204's can
    assert [d.excerpt for d in lint(path, ignore=["GL502"]) if d.rule == "GL901"] == ["govlint-disable-next-line GL204"]
    # only GL901 selected: nothing ran that a comment names, nothing to report
    assert [d for d in lint(path, select=["GL901"]) if d.rule == "GL901"] == []
    # an id no pack knows is a typo: always reported
    path = _draft(tmp_path, "<!-- govlint-disable-next-line GL5O2 -->\n甲段：另发布解读材料XX件。\n\n")
    diags = lint(path, select=["GL901"])
    assert [d.excerpt for d in diags if d.rule == "GL901"] == ["govlint-disable-next-line GL5O2"]


def test_gl901_itself_yields_only_to_disable_file(tmp_path, lint):
    path = _draft(tmp_path, top="<!-- govlint-disable-file GL901 -->\n")
    assert [d for d in lint(path) if d.rule == "GL901"] == []
    path = _draft(tmp_path, "<!-- govlint-disable -->\n" + BLOCKS)  # an all-rules range does not hide GL901
    assert [d.excerpt for d in lint(path) if d.rule == "GL901"] == ["govlint-disable-next-line GL204"]


# --- DOCX: Word comments ------------------------------------------------------------------------
def _base_docx() -> docx.document.Document:
    if GOOD_DOCX.exists():
        return docx.Document(str(GOOD_DOCX))
    d = docx.Document()
    for ln in MINIMAL_CLEAN.split("\n"):
        if ln.startswith("# "):
            d.add_paragraph(ln[2:], style="Title")
        elif ln.startswith("## "):
            d.add_heading(ln[3:], level=1)
        elif ln.strip():
            d.add_paragraph(ln)
    return d


def _para(d, needle: str):
    return next(p for p in d.paragraphs if needle in p.text)


@pytest.fixture
def commented_docx(tmp_path):
    d = _base_docx()
    body = [p for p in d.paragraphs if len(p.text) > 30 and "。" in p.text and "如对本报告有疑问" not in p.text]
    p1, p2, p3 = body[1], body[2], body[3]
    r1 = p1.add_run("另有材料XX件。")
    d.add_comment([r1], text="govlint-disable GL502 待统计后补", author="审核人")
    p2.add_run("另有信息XX条。")  # no comment: stays
    d.add_comment(p3.runs, text="govlint-disable GL204 电话待核", author="审核人")  # nothing there: GL901
    contact = _para(d, "如对本报告有疑问") if any("如对本报告有疑问" in p.text for p in d.paragraphs) else None
    if contact is not None:
        contact._element.getparent().remove(contact._element)
    title = d.paragraphs[0]
    d.add_comment(title.runs, text="govlint-disable-file GL203 — 联系方式印在封底", author="审核人")
    path = tmp_path / "draft.docx"
    d.save(str(path))
    return path, [p1.text, p2.text, p3.text]


def test_docx_word_comment_silences_its_rule_on_its_range(commented_docx, lint):
    path, (t1, t2, t3) = commented_docx
    diags = lint(path)
    placeholders = [d for d in diags if d.rule == "GL502"]
    assert [d.excerpt for d in placeholders] == [t2]
    assert [d.rule for d in diags if d.rule == "GL203"] == []
    unused = [d for d in diags if d.rule == "GL901"]
    assert len(unused) == 1
    d = unused[0]
    assert d.line is None and d.paragraph is not None
    assert d.location.endswith(f"批注 第{d.paragraph}段")
    assert d.excerpt == "govlint-disable GL204 电话待核"
    assert d.values["rules"] == ["GL204"] and d.values["reason"] == "电话待核"
    # the commented paragraph is the one GL901 points at
    from govlint.analyze import analyze

    doc = analyze(str(path))
    assert next(b for b in doc.blocks if getattr(b, "text", None) == t3).source.paragraph == d.paragraph


def test_docx_without_comments_reports_everything(tmp_path, lint):
    d = _base_docx()
    body = [p for p in d.paragraphs if len(p.text) > 30 and "。" in p.text]
    body[1].add_run("另有材料XX件。")
    path = tmp_path / "plain.docx"
    d.save(str(path))
    assert len([x for x in lint(path) if x.rule == "GL502"]) == 1


def test_a_finding_on_the_title_is_told_apart_from_the_first_block(tmp_path, lint):
    """Blocks outside Facts.ordered (the title) share order 0 with the first ordered block."""
    text = good_text().replace("本报告所列数据统计期限自2023年1月1日至2023年12月31日。", "")
    lines = text.split("\n")
    p = tmp_path / "t.md"
    p.write_text(text, encoding="utf-8")
    found = [(d.rule, d.line) for d in lint(p) if d.rule == "GL201"]
    if found != [("GL201", 1)]:
        pytest.skip(f"GL201 is not reported on the title line here: {found}")
    for at, expected in ((0, []), (2, [("GL201", 1), ("GL901", 3)])):
        p.write_text("\n".join(lines[:at] + ["<!-- govlint-disable-next-line GL201 -->"] + lines[at:]), encoding="utf-8")
        assert sorted((d.rule, d.line) for d in lint(p) if d.rule in ("GL201", "GL901")) == expected
