"""Issue acceptance: the seeds' top-level sections, in order, titles compared after normalisation."""

from pathlib import Path

import pytest

from govlint.analyze import analyze
from govlint.text.normalize import key

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "seeds"

EXPECTED = {
    "tianhe-2012-report.txt": ["概述", "政府信息主动公开情况", "政府信息依申请公开情况", "咨询情况",
                               "复议、诉讼和申诉情况", "存在的主要问题和改进措施", "说明与附表"],
    "baohe-2018-report.txt": ["概述", "主动公开政府信息情况", "依申请公开政府信息情况", "行政复议、行政诉讼情况",
                              "政府信息公开的收费及减免情况", "政府信息公开工作机构、人员和经费情况",
                              "存在的主要问题和改进措施"],
    "changyi-2012-report.txt": ["基本工作情况", "主动公开政府信息情况", "依申请公开政府信息情况", "行政复议和诉讼情况",
                                "收费和减免情况", "存在的主要问题及工作打算", "附件"],
    "nankai-2017-report.txt": ["创新工作方法", "加强组织领导", "拓展信息互动", "主动公开情况",
                               "依申请公开政府信息情况", "行政复议、行政诉讼情况"],
    "panyu-2011-work-plan.txt": ["巩固完善政务公开工作制度机制", "大力推进行政权力阳光运行",
                                 "积极构建面向公众的电子政务服务体系", "积极拓宽政民互动渠道", "继续深化镇(街)政务公开",
                                 "进一步规范公共企事业单位办事公开", "加强开展政务公开业务培训及监督考评"],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_top_level_sections(name):
    doc = analyze(SEEDS / name)
    assert [key(s.title) for s in doc.sections] == [key(t) for t in EXPECTED[name]]


def test_changyi_attachment_nests_its_own_numbering():
    doc = analyze(SEEDS / "changyi-2012-report.txt")
    attachment = doc.sections[-1]
    assert [key(c.title) for c in attachment.children] == [
        "基本情况", "主动公开情况", "依申请公开情况", "行政复议和诉讼情况", "收费和减免情况"]
    assert attachment.children[0].heading.source.line == 44


def test_numbered_paragraph_with_short_first_sentence_is_a_heading_with_body():
    doc = analyze(SEEDS / "changyi-2012-report.txt")
    first = doc.sections[0].children[0]
    assert (first.label, first.title, first.heading.source.line) == ("1", "加强组织领导", 6)
    assert first.body.startswith("昌邑区不断充实工作机构")


def test_document_facts():
    tianhe = analyze(SEEDS / "tianhe-2012-report.txt")
    assert (tianhe.report_year, tianhe.kind) == (2012, "annual-report")
    panyu = analyze(SEEDS / "panyu-2011-work-plan.txt")
    assert (panyu.report_year, panyu.kind) == (2011, "official-document")
    changyi = analyze(SEEDS / "changyi-2012-report.txt")
    assert changyi.title == "吉林市昌邑区人民政府2012年政府信息公开工作年度报告"


def test_page_noise_after_the_report_is_set_aside():
    doc = analyze(SEEDS / "nankai-2017-report.txt")
    assert doc.trailing, "the scraped foreign report after 六 must not be linted"
    assert all("2008" not in s.title for s in doc.walk_sections())


def test_report_year_from_the_statistics_period_when_the_title_has_none():
    from govlint.analyze import analyze_document
    from govlint.readers import markdown

    doc = analyze_document(markdown.read_text("x.md", "# 某区政府信息公开工作年度报告\n\n本报告所列数据统计期限自2019年1月1日至2019年12月31日。\n"))
    assert doc.report_year == 2019


@pytest.mark.parametrize(("text", "expected"), [
    ("一、概述", ("cn", "一", 1)),
    ("\u3000\u3000二、主动公开情况", ("cn", "二", 2)),  # indented with ideographic spaces
    ("（三）依申请公开", ("paren-cn", "三", 3)),
    ("１．加强组织领导", ("arabic", "１", 1)),  # full-width digit: folded before matching
    ("③ 公开目录", ("circled", "③", 3)),
    ("第二部分 工作要点", ("part", "二", 2)),
    ("一是加强领导", None),
    ("本年度共收到申请85件", None),  # body text: not folded at all
    ("2021年工作", None),
    ("　", None),
    ("", None),
])
def test_parse_label(text, expected):
    from govlint.outline import parse_label

    got = parse_label(text)
    assert (None if got is None else (got.rung, got.label, got.number)) == expected
