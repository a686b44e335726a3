"""The table and arithmetic rules (GL105, GL106, GL301–GL308) on the real reports and the seeds,
read by the real readers: the expectations of corpus/*/expected.yaml for these ids, and the exact
findings on each file — precision matters as much as recall."""

from __future__ import annotations

from functools import cache

import pytest
import yaml

from govlint import engine
from govlint.analyze import analyze
from tests.kinds.tables_packs import CORPUS, packset

OWN = {"GL105", "GL106", "GL301", "GL302", "GL303", "GL304", "GL305", "GL306", "GL307", "GL308"}


@cache
def diagnostics(sub: str, name: str, previous: str | None = None):
    prev = analyze(CORPUS / sub / previous) if previous else None
    return tuple(engine.lint(analyze(CORPUS / sub / name), packset(), engine.Settings(previous=prev)))


def own(sub, name, previous=None):
    return [d for d in diagnostics(sub, name, previous) if d.rule in OWN]


def _text(d) -> str:
    return " ".join(str(x) for x in (d.message, d.excerpt, d.location, d.values or ""))


def _cases():
    for sub in ("seeds", "real"):
        data = yaml.safe_load((CORPUS / sub / "expected.yaml").read_text(encoding="utf-8"))
        for name, exp in data.items():
            yield pytest.param(sub, name, exp, id=f"{sub}/{name}")


@pytest.mark.parametrize("sub,name,exp", list(_cases()))
def test_expectations(sub, name, exp):
    diags = own(sub, name)
    for m in exp.get("must") or []:
        if m["rule"] in OWN:
            assert [d for d in diags if d.rule == m["rule"] and (not m.get("where") or m["where"] in _text(d))], m
    assert not {d.rule for d in diags} & set(exp.get("must_not") or []), [d.message for d in diags]


# Everything these rules report on each file (rule, location without the line, message start).
EXACT = {
    ("real", "001.md"): [],
    ("real", "002.md"): [
        ("GL106", "第3节「收到和处理政府信息公开申请情况」 / 表5 第23行 第2列",
         "表格结构与2021年格式不符：表三「（六）其他处理」只有一行"),
        ("GL301", "第4节「政府信息公开行政复议、行政诉讼情况」 / 表6 第3行 第5列",
         "表四「行政复议」「总计」：10 + 1 + 0 + 0 = 11，与总计 0 不符"),
        ("GL301", "第4节「政府信息公开行政复议、行政诉讼情况」 / 表6 第3行 第15列",
         "表四「复议后起诉」「总计」：5 + 0 + 0 + 0 = 5，与总计 0 不符"),
    ],
    ("real", "003.md"): [
        ("GL106", "第3节「收到和处理政府信息公开申请情况」 / 表5 第23行 第2列",
         "表格结构与2021年格式不符：表三「（六）其他处理」只有一行"),
    ],
    ("real", "004.md"): [
        ("GL307", "第3节「收到和处理政府信息公开申请情况」 / 表5 第3行 第5列",
         "表三「商业企业」至「其他」共5列全部空白（25行），应填写数字（没有的填0）"),
    ],
    ("real", "005.md"): [],
    ("real", "006.md"): [
        ("GL302", "第4节「政府信息公开申请情况」 / line 57",
         "文字与表格不一致：文中称“所有申请均已按要求办理完成”，但文中“结转下年度继续办理”为1"),
        # a real inconsistency of the published text: 1744 + 393 + 21 + 2 = 2160 ≠ 2139
        ("GL301", "第6节「政府信息公开平台建设」 / line 79", "1744 + 393 + 21 + 2 = 2160，与发布信息 2139 不符"),
    ],
    ("real", "007.md"): [],
    ("seeds", "changyi-2012-report.txt"): [
        ("GL303", "第2节「主动公开政府信息情况」 › 1、公开数量及内容 / line 17", "1316 ÷ 2677 = 49.16%，与文中所写 49.1% 不符"),
        ("GL301", "第3节「依申请公开政府信息情况」 › 2、申请处理情况 / line 28", "1516 + 306 + 27 = 1849，与答复数 1838 不符"),
        ("GL301", "第7节「附件」 › 三、依申请公开情况 / 表3 第9行 第2列",
         "「21.对申请的答复数」「累计数」：1516 + 306 + 27 = 1849，与对申请的答复数 1838 不符"),
    ],
    ("seeds", "tianhe-2012-report.txt"): [],
    ("seeds", "baohe-2018-report.txt"): [],
    ("seeds", "nankai-2017-report.txt"): [],
    ("seeds", "panyu-2011-work-plan.txt"): [],
}


@pytest.mark.parametrize("sub,name", list(EXACT), ids=[n for _, n in EXACT])
def test_exact_findings(sub, name):
    got = [(d.rule, d.location.split(" (line")[0], d.message) for d in own(sub, name)]
    want = EXACT[(sub, name)]
    assert len(got) == len(want), got
    for (rule, loc, msg), (wr, wl, wm) in zip(got, want, strict=False):
        assert (rule, loc) == (wr, wl) and msg.startswith(wm), (rule, loc, msg)


def test_values_of_the_arithmetic_findings():
    gl301 = [d.values for d in own("real", "002.md") if d.rule == "GL301"]
    assert gl301 == [{"total": 0, "parts": [10, 1, 0, 0], "sum": 11}, {"total": 0, "parts": [5, 0, 0, 0], "sum": 5}]
    changyi = [d.values for d in own("seeds", "changyi-2012-report.txt")]
    assert changyi == [{"count": 1316, "total": 2677, "computed": 49.16, "stated": 49.1},
                       {"total": 1838, "parts": [1516, 306, 27], "sum": 1849},
                       {"total": 1838, "parts": [1516, 306, 27], "sum": 1849}]


def test_same_issuer_consecutive_years_carry_over():
    # 002 (2023) → 003 (2024): 上年结转 0 = 结转下年度 0; 现行有效 规范性文件 8 = 5 + 3 − 0
    assert [d for d in own("real", "003.md", previous="002.md") if d.rule == "GL306"] == []
    # not consecutive years: nothing compared
    assert [d for d in own("real", "003.md", previous="001.md") if d.rule == "GL306"] == []


def test_carry_over_mismatch_is_reported_on_this_years_cell(tmp_path):
    text = (CORPUS / "real" / "003.md").read_text(encoding="utf-8")
    text = text.replace("二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0",
                        "二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2")
    text = text.replace("一、本年新收政府信息公开申请数量 | 95 | 0 | 0 | 0 | 0 | 0 | 95",
                        "一、本年新收政府信息公开申请数量 | 93 | 0 | 0 | 0 | 0 | 0 | 93")
    path = tmp_path / "003.md"
    path.write_text(text, encoding="utf-8")
    diags = engine.lint(analyze(path), packset(), engine.Settings(previous=analyze(CORPUS / "real" / "002.md")))
    assert [(d.rule, d.row, d.col, d.values) for d in diags if d.rule in OWN - {"GL106"}] == [
        ("GL306", 4, 4, {"this": 2, "last": 0}), ("GL306", 4, 10, {"this": 2, "last": 0})]
