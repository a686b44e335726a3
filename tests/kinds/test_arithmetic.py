"""The table and arithmetic kinds (GL105, GL106, GL301–GL308) on reports built in code: exact rule
ids, cells (表N 第R行 第C列) and numbers; and the property that changing one figure of 表三 or
表四 is caught at that figure's row or column."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govlint import engine
from govlint.analyze import analyze_document
from govlint.readers import text as text_reader
from tests.kinds.tables_fixture import TABLE4, doc_of, lint, report, table3_values
from tests.kinds.tables_packs import packset

ROOT = Path(__file__).resolve().parents[2]


def found(diags, rule=None):
    return [(d.rule, d.table, d.row, d.col, d.message, d.values) for d in diags if rule is None or d.rule == rule]


# --- GL301 sum over the standard tables -----------------------------------------------------


def test_clean_report_has_no_findings():
    assert found(lint(report(prose="全年共收到政府信息公开申请85件，办结82件，结转下年度6件。"))) == []


def test_one_wrong_figure_in_table_three_gives_its_row_and_column_totals():
    v = table3_values()
    v[2][0] += 1  # （一）予以公开 / 自然人: 30 → 31
    assert found(lint(report(v))) == [
        ("GL301", 5, 5, 10, "表三「（一）予以公开」「总计」：31 + 4 + 1 + 1 + 1 + 0 = 38，与总计 37 不符",
         {"total": 37, "parts": [31, 4, 1, 1, 1, 0], "sum": 38}),
        ("GL301", 5, 26, 4, "表三「（七）总计」「自然人」：31 + 6 + 0 + 1 + 0 + 2 + 1 + 2 + 1 + 3 + 12 + 2 + 1 + 3 + 2"
         " + 0 + 0 + 0 + 1 + 0 + 1 = 69，与总计 68 不符",
         {"total": 68, "parts": [31, 6, 0, 1, 0, 2, 1, 2, 1, 3, 12, 2, 1, 3, 2, 0, 0, 0, 1, 0, 1], "sum": 69}),
    ]


def test_table_four_totals_as_in_real_002():
    diags = lint(report(t4=[10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0]))
    assert [(r, t, row, col, msg) for r, t, row, col, msg, _ in found(diags)] == [
        ("GL301", 6, 3, 5, "表四「行政复议」「总计」：10 + 1 + 0 + 0 = 11，与总计 0 不符"),
        ("GL301", 6, 3, 15, "表四「复议后起诉」「总计」：5 + 0 + 0 + 0 = 5，与总计 0 不符"),
    ]


def test_blank_members_are_not_zeros():
    v = table3_values()
    for row in v:
        row[1:6] = [""] * 5  # the five 法人或其他组织 columns left blank, as in real/004
    diags = lint(report(v))
    assert found(diags, "GL301") == [] and found(diags, "GL304") == []
    (gl307,) = found(diags, "GL307")
    assert gl307[:5] == ("GL307", 5, 3, 5, "表三「商业企业」至「其他」共5列全部空白（25行），应填写数字（没有的填0）")


def test_a_single_blank_cell_is_reported_by_row():
    v = table3_values()
    v[0][2] = ""
    diags = lint(report(v))
    assert found(diags, "GL307") == [
        ("GL307", 5, 3, 6, "表三「一、本年新收政府信息公开申请数量」行的「科研机构」空白，应填写数字（没有的填0）", {"blank": 1})]
    assert found(diags, "GL301") == [] and found(diags, "GL304") == []


# --- GL304 balance -----------------------------------------------------------------------------


def test_balance_per_column():
    v = table3_values()
    v[24][0] += 1  # 四、结转下年度 自然人 and its 总计 both +1: rows still add up, the columns do not
    v[24][6] += 1
    assert [(r, row, col, msg) for r, _, row, col, msg, _ in found(lint(report(v)))] == [
        ("GL304", 26, 4, "表三「自然人」列不平衡：本年新收＋上年结转 = 70 + 3 = 73，办理结果总计＋结转下年度 = 68 + 6 = 74"),
        ("GL304", 26, 10, "表三「总计」列不平衡：本年新收＋上年结转 = 85 + 3 = 88，办理结果总计＋结转下年度 = 82 + 7 = 89"),
    ]


# --- property: one changed figure is caught where it stands -------------------------------------

CELLS = [("三", r, c) for r in range(25) for c in range(7)] + [("四", 0, c) for c in range(15)]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(CELLS), st.integers(min_value=1, max_value=9), st.booleans())
def test_changing_any_one_figure_is_caught_in_its_row_or_column(cell, delta, up):
    """Change one figure of 表三 or 表四 (up, or down when it stays ≥ 0). Then at least one GL301/
    GL304 diagnostic fires, and every table diagnostic of GL301/GL302/GL304 names a cell in the
    changed cell's row or column of the same table — the cell itself, its row's 总计 (T3-3, T4-1),
    its column's （七）总计 (T3-2, T3-1) — and lists the changed cell as the named cell or a related
    one. A GL302 on a prose figure (the text restates a total) also lists the changed cell."""
    table, r, c = cell
    t3, t4 = table3_values(), list(TABLE4)
    old = t3[r][c] if table == "三" else t4[c]
    new = old + delta if up or old < delta else old - delta
    if table == "三":
        t3[r][c] = new
        where = (5, r + 3, c + 4)  # grid: 2 header rows, 3 label columns
    else:
        t4[c] = new
        where = (6, 3, c + 1)
    prose = "全年共收到政府信息公开申请85件，办结82件，结转下年度6件。行政复议4件，行政诉讼4件。"
    diags = [d for d in lint(report(t3, t4, prose=prose), select=("GL30",)) if d.rule != "GL303"]
    assert any(d.rule in ("GL301", "GL304") for d in diags)
    mark = "表{} 第{}行 第{}列".format(*where)
    for d in diags:
        if d.table is not None:
            assert d.table == where[0] and (d.row == where[1] or d.col == where[2]), d.message
            assert (d.row, d.col) == where[1:] or any(x.startswith(mark) for x in d.related), d.message
        else:
            assert d.rule == "GL302" and any(x.startswith(mark) for x in d.related), d.message


# --- GL301 partition and free tables ---------------------------------------------------------


def test_partition_in_prose():
    prose = ("截止2012年末，全区对政府信息公开申请的答复数为1838个。其中，同意公开答复数为1516个，同意部分公开申请的答复数为"
             "306个，否决公开答复数为27个。行政复议9件，其中维持8件，其他结果0件。受理申请20件，其中网上申请5件，"
             "当面申请6件。共接受咨询近100人次，其中电话咨询60人次，当面咨询50人次。")
    diags = lint(report(prose=prose), select=("GL301",))
    assert [(d.message, d.values, d.excerpt[d.span[0]:d.span[1]]) for d in diags] == [
        ("1516 + 306 + 27 = 1849，与答复数 1838 不符", {"total": 1838, "parts": [1516, 306, 27], "sum": 1849}, "1838个"),
        ("8 + 0 = 8，与行政复议 9 不符", {"total": 9, "parts": [8, 0], "sum": 9 - 1}, "9件"),
    ]


def test_partition_ends_at_a_semicolon_when_the_rest_is_a_new_statement():
    # 2 + 2 fits within 6; 未经复议直接起诉/复议后起诉 after the ；are not parts of 行政复议
    fine = "全年因政府信息公开工作被申请行政复议6件，其中结果维持2件、结果纠正2件；未经复议直接起诉2件，复议后起诉6件。"
    assert lint(report(prose=fine), select=("GL301",)) == []
    # the parts before the ；already exceed the total: reported with those parts and a readable label
    over = "全年因政府信息公开工作被申请行政复议3件，其中结果维持2件、结果纠正2件；未经复议直接起诉2件。"
    assert [(d.message, d.values) for d in lint(report(prose=over), select=("GL301",))] == [
        ("2 + 2 + 2 = 6，与政府信息公开工作被申请行政复议 3 不符", {"total": 3, "parts": [2, 2, 2], "sum": 6})]
    # one part per ；-item: the whole list counts
    items = "全年共办理申请120件，其中：予以公开100件；部分公开20件；不予公开5件。"
    assert [d.values for d in lint(report(prose=items), select=("GL301",))] == [
        {"total": 120, "parts": [100, 20, 5], "sum": 125}]


def test_free_table_其中_rows(tmp_path):
    src = ("合肥市包河区人民政府2018年政府信息公开工作报告\n\n附表三 投诉、复议、诉讼情况统计表\n指標\n單位\n數量\n"
           "全區接到投訴、複議、訴訟情況\n3\n其中:1.政府信息公開投訴數\n0\n2.行政複議數\n2\n3.行政訴訟數\n2\n")
    doc = analyze_document(text_reader.read_text("b.txt", src))
    diags = engine.lint(doc, packset(), engine.Settings(select=["GL301"], year=2018))
    assert [(d.row, d.col, d.message, d.values) for d in diags] == [
        (2, 3, "「全區接到投訴、複議、訴訟情況」「數量」：0 + 2 + 2 = 4，与全区接到投诉复议诉讼情况 3 不符",
         {"total": 3, "parts": [0, 2, 2], "sum": 4})]


# --- GL303 percentage --------------------------------------------------------------------------


@pytest.mark.parametrize("share,expected", [
    ("49.1%", [("1316 ÷ 2677 = 49.16%，与文中所写 49.1% 不符", "49.1%")]),  # truncated: reported
    ("49.2%", []),
    ("49%", []),
    ("49.16%", []),
])
def test_percentage_follows_the_stated_precision(share, expected):
    # changyi-2012: the shares are of the stated total 2677, the parts need not add up to it here
    prose = ("全年主动公开政府信息2677个，其中规范性文件类信息489个，占公开信息总数比例为18.3%；规划计划类信息561个，"
             f"占公开信息总数比例为21%；其他类信息1316个，占公开信息总数比例为{share}。")
    diags = lint(report(prose=prose), select=("GL303",))
    assert [(d.message, d.excerpt[d.span[0]:d.span[1]]) for d in diags] == expected
    if expected:
        assert diags[0].values == {"count": 1316, "total": 2677, "computed": 49.16, "stated": 49.1}


def test_half_even_is_accepted_and_unconfirmed_denominators_are_not_reported():
    # 1 ÷ 8 = 12.5%: both 12% (half to even) and 13% (half up) are accepted
    for pct in ("12%", "13%"):
        prose = f"受理申请8件，其中网上申请1件，占比{pct}；当面申请7件，占比88%。"
        assert lint(report(prose=prose), select=("GL303",)) == []
    # no 其中-list and no sibling share: the denominator is unknown, nothing is reported
    assert lint(report(prose="政策法规类信息1075条，占总体的比例为19.7%。"), select=("GL303",)) == []
    # a change is not a share
    assert lint(report(prose="全年受理申请85件，其中网上申请80件，比上年下降11.5%。"), select=("GL303",)) == []


# --- GL302 cross-check -------------------------------------------------------------------------


@pytest.mark.parametrize("prose,expected", [
    ("全年共收到政府信息公开申请86件。", ["文字与表格不一致：文中“收到政府信息公开申请”为86，表三「一、本年新收政府信息公开申请数量」「总计」为85"]),
    ("全年共收到政府信息公开申请85件。", []),
    ("全县全年共受理政府信息公开申请88件。", []),  # 新收 + 上年结转 = 85 + 3
    ("区政府办代表区政府受理政府信息公开申请17件。", []),  # another subject: not the whole report
    ("受理申请85件，其中依申请公开申请17件。", []),  # a part narrows the scope
    ("办结82件（含上年结转2件）。", []),  # an aside in brackets
    ("共办结政府信息公开申请81件。", ["文字与表格不一致：文中“办结政府信息公开申请”为81，表三「（七）总计」「总计」为82"]),
    ("不予公开11件，无法提供18件，不予处理6件，其他处理2件。", []),
    ("不予公开12件。", ["文字与表格不一致：文中“不予公开”为12，表三「（三）不予公开」各项「总计」之和为11"]),
    ("全年因政府信息公开工作被申请行政复议4件；被提起行政诉讼4件。", []),
    ("被提起行政诉讼5件。", ["文字与表格不一致：文中“被提起行政诉讼”为5，表四「未经复议直接起诉」「总计」＋「复议后起诉」「总计」之和为4"]),
    ("全年新增公开区政府规章1件。", ["文字与表格不一致：文中“新增公开区政府规章”为1，表二「规章」「本年制发件数」为0"]),
])
def test_cross_check(prose, expected):
    assert [d.message for d in lint(report(prose=prose), select=("GL302",))] == expected


def test_claims_contradicted_by_the_tables_or_the_text():
    diags = lint(report(prose="所有申请均已按要求办理完成。"), select=("GL302",))
    assert [(d.message, d.excerpt[d.span[0]:d.span[1]]) for d in diags] == [
        ("文字与表格不一致：文中称“所有申请均已按要求办理完成”，但表中“结转下年度继续办理”为6", "所有申请均已按要求办理完成")]
    t4 = [3, 0, 0, 1, 4, 1, 0, 1, 1, 3, 1, 0, 0, 0, 1]
    diags = lint(report(t4=t4, prose="行政复议4件，均获维持。"), select=("GL302",))
    assert [d.values for d in diags] == [{"claim": "均获维持", "quantity": "行政复议尚未审结", "value": 1}]
    t4 = [3, 0, 0, 0, 3, 1, 0, 0, 0, 1, 1, 0, 0, 0, 1]
    assert lint(report(t4=t4, prose="行政诉讼2件，全部胜诉。"), select=("GL302",)) == []
    assert [d.values["quantity"] for d in lint(report(prose="行政诉讼4件，全部胜诉。"), select=("GL302",))] == [
        "行政诉讼尚未审结"]
    assert lint(report(prose="所有申请均在法定期限内答复。"), select=("GL302",)) == []


def test_claims_without_a_table_figure_use_the_figure_stated_in_the_text():
    # 表三's 结转下年度 total is blank: the claim is checked against what the paragraph says.
    t3 = table3_values()
    t3[-1][-1] = ""
    prose = "结转下年度继续办理6件，所有申请均已按要求办理完成。"
    assert [d.message for d in lint(report(t3, prose=prose), select=("GL302",))] == [
        "文字与表格不一致：文中称“所有申请均已按要求办理完成”，但文中“结转下年度继续办理”为6"]
    prose = "结转下年度继续办理0件，所有申请均已按要求办理完成。"
    assert lint(report(t3, prose=prose), select=("GL302",)) == []


CLAIM_PATTERNS = [r"(?:所有|全部)?(?:申请)?均已(?:按要求|按时|依法)?办理完(?:成|毕|结)|(?:申请)?已?全部(?:按时)?办结|均已办结",
                  r"无一败诉|零败诉|未(?:发生|出现)[^。；]{0,20}败诉", r"(?:ab)+c|d", r"ab?c", r"x(?=abc)y"]


def test_claim_needles():
    import re

    from govlint.kinds import cross_check

    needles = [cross_check._needles(re.compile(p)) for p in CLAIM_PATTERNS]
    assert needles == [("办理完", "全部", "均已办结"), ("无一败诉", "零败诉", "发生", "出现"), ("ab", "d"), ("a",), ("x",)]
    assert cross_check._needles(re.compile("a*")) is None  # may match nothing: no needle
    assert cross_check._needles(re.compile("(?i)abc")) is None


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="所有全部申请均已按时办理完成结毕无一零败诉未发生出现。；abcdxy", max_size=14))
def test_a_text_without_the_needles_has_no_match(text):
    import re

    from govlint.kinds import cross_check

    for p in CLAIM_PATTERNS:
        rx = re.compile(p)
        if rx.search(text):
            assert any(n in text for n in cross_check._needles(rx))


def test_cross_check_indexes_the_prose_figures_once_per_document():
    from govlint.facts import Facts
    from govlint.kinds import cross_check

    rule = next(r for p in packset().packs.values() for r in p.rules if r.id == "GL302")
    facts = Facts(doc_of(report(prose="全年共收到政府信息公开申请85件，办结81件。")))
    assert [f.values["detail"] for f in engine.run_rule(rule, facts)] == [
        "文中“办结”为81，表三「（七）总计」「总计」为82"]
    index = cross_check._candidates(rule.compiled, facts)
    assert [(str(f.value), c) for f, c in index["figures"]] == [("85", "收到政府信息公开申请"), ("81", "办结")]
    assert cross_check._candidates(rule.compiled, facts) is index  # built once, kept on the Facts
    q = next(q for q in rule.compiled.quantities if q.name == "本年度办理结果总计")
    assert [str(f.value) for f in cross_check._text_figures(rule.compiled, facts, q)] == ["81"]
    assert cross_check._text_figures(rule.compiled, facts, q) is cross_check._text_figures(rule.compiled, facts, q)


# --- GL305, GL307, GL308 -----------------------------------------------------------------------


def test_invalid_figures():
    v = table3_values()
    v[5][0], v[6][0] = "-1", "1.5"
    diags = lint(report(v), select=("GL305",))
    assert [(d.row, d.col, d.message) for d in diags] == [
        (8, 4, "表三「2.其他法律行政法规禁止公开」「自然人」“-1”不是有效的数量（负数）"),
        (9, 4, "表三「3.危及“三安全一稳定”」「自然人」“1.5”不是有效的数量（小数）"),
    ]
    assert lint(report(), select=("GL305",)) == []  # 本年收费金额 286.45 万元 is an amount


def test_implausible_rules_of_a_sub_district():
    diags = lint(report(issuer="某某街道办事处", reg=1, reg_now=1), select=("GL308",))
    assert [(d.table, d.row, d.col, d.message) for d in diags] == [
        (1, 2, 2, "“某某街道办事处”无规章制定权，表二「规章」「本年制发件数」却为1"),
        (1, 2, 4, "“某某街道办事处”无规章制定权，表二「规章」「现行有效件数」却为1")]
    assert lint(report(reg=1, reg_now=1), select=("GL308",)) == []


# --- GL105, GL106 ------------------------------------------------------------------------------


def test_required_tables():
    src = report()
    no4 = src[: src.index("行政复议 | 行政诉讼")] + src[src.index("五、存在的主要问题"):]
    assert [d.message for d in lint(no4, select=("GL105",))] == ["缺少表四“政府信息公开行政复议、行政诉讼情况”（2021年格式要求以表格形式报告）"]
    assert lint(src, select=("GL105",)) == []


def table3_2019_md(v: list[list[int]]) -> str:
    """表三 in the 2019 layout: （六）其他处理 one row (the sum of the 2021 sub-rows 20-22)."""
    from tests.kinds import tables_fixture as fx

    v19 = v[:20] + [[sum(x) for x in zip(*v[20:23], strict=False)]] + v[23:]
    rows = fx.ROWS3[:20] + [("三、本年度办理结果", "（六）其他处理")] + fx.ROWS3[23:]
    head = fx.table3_md(v).split("\n")[:2]
    return "\n".join(head + [" | ".join([*lab, *map(str, val)]) for lab, val in zip(rows, v19, strict=False)])


def test_table_structure_2019_other_handling_and_labels():
    from tests.kinds import tables_fixture as fx

    src = report().replace(fx.table3_md(table3_values()), table3_2019_md(table3_values()))
    src = src.replace("本年制发件数", "本年新制作数量")
    diags = lint(src, select=("GL106", "GL301", "GL304"))
    assert [(d.rule, d.table, d.row, d.col, d.message) for d in diags] == [
        ("GL106", 1, 1, 2, "表格结构与2021年格式不符：表中栏目「本年新制作数量」属于2019年试行格式，现行格式为「本年制发件数」"),
        ("GL106", 5, 23, 2, "表格结构与2021年格式不符：表三「（六）其他处理」只有一行，2021年格式应细分为："
         "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请；"
         "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请；3.其他")]


def test_missing_row_in_a_clean_table_but_not_a_displaced_one():
    src = report().replace("行政强制 | 27\n", "")
    assert [d.message for d in lint(src, select=("GL106",))] == ["表格结构与2021年格式不符：表二缺少行「行政强制」"]
    displaced = src.replace("第二十条第（八）项", "行政强制 27\n\n第二十条第（八）项")
    assert lint(displaced, select=("GL106",)) == []


# --- GL306 carry-over --------------------------------------------------------------------------


def test_carryover_from_last_year():
    last = table3_values()  # 四、结转下年度继续办理: 自然人 5, 商业企业 1, 总计 6
    prev = report(last, year=2022)
    assert lint(report(table3_values(carried=[5, 1, 0, 0, 0, 0]), year=2023), select=("GL306",),
                previous=prev.replace("| 6 | 2 | 48", "| 6 | 2 | 44")) == []
    this = table3_values(carried=[4, 1, 0, 0, 0, 0])  # 上年结转 4 + 1 = 5, last year said 5 + 1 = 6
    diags = lint(report(this, year=2023), select=("GL306",), previous=prev)
    assert [(d.table, d.row, d.col, d.message) for d in diags] == [
        (1, 3, 4, "与上年度报告不衔接：表二「行政规范性文件」「现行有效件数」为48，而2022年度报告为48，"
                  "加本年制发6、减本年废止2应为52"),
        (5, 4, 4, "与上年度报告不衔接：表三「二、上年结转政府信息公开申请数量」「自然人」为4，"
                  "而2022年度报告「四、结转下年度继续办理」「自然人」为5"),
        (5, 4, 10, "与上年度报告不衔接：表三「二、上年结转政府信息公开申请数量」「总计」为5，"
                   "而2022年度报告「四、结转下年度继续办理」「总计」为6"),
    ]
    assert diags[1].values == {"this": 4, "last": 5}
    # the 现行有效件数 check is a heuristic: a warning, while the carried-over applications are errors
    assert [d.severity for d in diags] == ["warning", "error", "error"]
    assert lint(report(this, year=2023), select=("GL306",), previous=report(last, year=2021)) == []  # not last year
    assert lint(report(this, year=2023), select=("GL306",)) == []  # no previous report


def test_fragment_pack_examples_behave():
    from govlint.examples import run_examples

    ps = packset()
    problems = [p for pid in ps.packs for p in run_examples(ps.packs[pid], ps)]
    assert problems == []


def test_docx_and_markdown_examples_give_the_same_findings():
    from govlint.analyze import analyze

    def got(name):
        diags = engine.lint(analyze(ROOT / "examples" / name), packset(), engine.Settings(select=["GL1", "GL3"]))
        return [(d.rule, d.message, d.values) for d in diags]

    md = got("bad-2023.md")
    assert md == got("bad-2023.docx")
    assert [r for r, _, _ in md] == ["GL302", "GL302", "GL302", "GL304", "GL301", "GL301"]
    assert got("good-2023.md") == [] and got("good-2023.docx") == []


def test_2019_layout_in_a_2020_report():
    """The 2019 试行 format: （六）其他处理 is one row; the identities hold
    across both layouts (T3-2 takes every row under 三、本年度办理结果: 19 in 2019, 21 in 2021)."""
    from tests.kinds import tables_fixture as fx

    v = table3_values()
    src = report(year=2020).replace(fx.table3_md(v), table3_2019_md(v))
    src = src.replace("本年制发件数 | 本年废止件数 | 现行有效件数", "本年新制作数量 | 本年新公开数量 | 对外公开总数量")
    assert found(lint(src, select=("GL3",))) == []
    bad = [row[:] for row in v]
    bad[20][0] += 1  # （六）1. of the 2021 rows: in the 2019 row （六）其他处理 the sum goes up by one
    diags = lint(report(year=2020).replace(fx.table3_md(v), table3_2019_md(bad)), select=("GL301",))
    assert [(d.row, d.col, d.message.split("：")[0], d.values["sum"] - d.values["total"]) for d in diags] == [
        (23, 10, "表三「（六）其他处理」「总计」", 1), (24, 4, "表三「（七）总计」「自然人」", 1)]
