"""The table model: label normalisation and matching, views (header paths, row paths, merged and
flattened headers, split tables, damaged rows), recognition of the standard tables by a
catalogue, and cell addressing — on tables built in code, read from Markdown and from DOCX."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govlint.analyze import analyze, analyze_document
from govlint.document import Cell, Source, Table
from govlint.facts import Facts
from govlint.facts import tables as T
from govlint.readers import markdown
from tests.fixtures import docxbuild

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"

CATALOGUE = T.parse_catalogue({
    "表二": {"rows": ["规章", "行政规范性文件", "行政许可", "行政处罚", "行政强制", "行政事业性收费"],
            "cols": ["本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额"], "min": 2},
    "表三": {"rows": ["本年新收政府信息公开申请数量", "上年结转政府信息公开申请数量", "予以公开", "部分公开", "不予公开",
                    "无法提供", "不予处理", "其他处理", "结转下年度继续办理"],
            "cols": ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构"], "min": 4},
    "表四": {"cols": ["行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉", "结果维持", "结果纠正", "其他结果", "尚未审结"],
            "min": 4},
})

HEAD4 = ("行政复议：结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉：结果维持 | 结果纠正 | 其他结果 | "
         "尚未审结 | 总计 | 复议后起诉：结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计")


def facts_of(md: str) -> Facts:
    return Facts(analyze_document(markdown.read_text("t.md", md)))


def texts(path) -> list[str]:
    return [lab.text for lab in path]


# --- labels ----------------------------------------------------------------------------------


@pytest.mark.parametrize("text,num,core", [
    ("三、本年度办理结果", "cn3", "本年度办理结果"),
    ("（七）总计", "pcn7", "总计"),
    ("(二) 部分公开 (区分处理的, 只计这一情形, 不计其他情形)", "pcn2", "部分公开"),
    ("1.属于国家秘密", "ar1", "属于国家秘密"),
    ("1、申请人无正当理由逾期不补正", "ar1", "申请人无正当理由逾期不补正"),
    ("⑵当面申请数", "par2", "当面申请数"),
    ("本年收费金额（单位：万元）", None, "本年收费金额"),
    ("危及“三安全一稳定”", None, "危及三安全一稳定"),
    ("本年增/减", None, "本年增/减"),
    ("總計", None, "总计"),
])
def test_label_normalisation(text, num, core):
    lab = T.label(text)
    assert (lab.num, lab.core) == (num, core)


# The numbering and page-number readers are written out by hand (the regular expressions cost
# milliseconds to compile on every run); these are the expressions they must agree with.
NUMBERING = re.compile(
    r"^\s*(?:"
    r"(?P<cn>[一二三四五六七八九十]{1,3})\s*[、.．]"
    r"|[（(]\s*(?P<pcn>[一二三四五六七八九十]{1,3})\s*[）)]\s*[、.．]?"
    r"|(?P<ar>\d{1,2})\s*(?:[、．]|\.(?!\d))"
    r"|[（(]\s*(?P<par>\d{1,2})\s*[）)]\s*[、.．]?"
    r"|(?P<circ>[⑴-⒇①-⑳])\s*[、.．]?"
    r"|(?P<rom>[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ])\s*[、.．]?"
    r")\s*"
)
PAGE_NUMBER = re.compile(r"^[-—－–\s]*(?:第\s*)?\d{1,4}\s*(?:页)?[-—－–\s]*$")
NUMBERING_ALPHABET = "一二三四五六七八九十〇（()）、.．1234567890٣ \t\u3000⑴⒇①⑳ⅠⅩ总计-—－–第页"


def numbering_by_regex(f: str):
    m = NUMBERING.match(f)
    if not m:
        return None
    g = m.groupdict()
    if g["circ"]:
        ch = g["circ"]
        tok = f"par{ord(ch) - 0x2474 + 1}" if "⑴" <= ch <= "⒇" else f"circ{ord(ch) - 0x2460 + 1}"
    elif g["rom"]:
        tok = f"rom{'ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ'.index(g['rom']) + 1}"
    else:
        kind = next(k for k in ("cn", "pcn", "ar", "par") if g[k])
        tok = f"{kind}{T._cn_int(g[kind]) if kind in ('cn', 'pcn') else int(g[kind])}"
    return tok, m.end()


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=NUMBERING_ALPHABET, max_size=9))
def test_numbering_reader_agrees_with_its_regular_expression(s):
    assert T._numbering(s) == numbering_by_regex(s)
    assert T._page_number(s.strip()) is bool(PAGE_NUMBER.match(s.strip()))


@pytest.mark.parametrize("s", ["十一、", "（十二）", "12.", "1.5", "123.", "(3) ", "⑵当面", "①x", "Ⅳ、", "一二三四、", "— 12 —",
                               "第 3 页", "12345", "-5-页"])
def test_numbering_reader_on_examples(s):
    assert T._numbering(s) == numbering_by_regex(s)
    assert T._page_number(s) is bool(PAGE_NUMBER.match(s))


def test_quality_exact_containment_similar_and_numbering():
    q = T.quality
    assert q(T.label("（七）总计"), T.label("（七）总计")) == 3
    assert q(T.label("总计"), T.label("（七）总计")) == 3
    assert q(T.label("规范性文件"), T.label("行政规范性文件")) == 2
    assert q(T.label("行政规范性文件"), T.label("规范性文件")) == 2
    assert q(T.label("结转下年度继续办理"), T.label("结转下年度")) == 2
    assert q(T.label("2.其他法律行政法规禁止公开"), T.label("2.其他法律行政止公开")) == 1  # a typo in 002
    assert q(T.label("（六）其他处理"), T.label("3.其他")) == 0
    assert q(T.label("其他"), T.label("其他结果")) == 0  # short labels match exactly only
    assert q(T.label("（三）不予公开"), T.label("（四）不予公开")) == 0  # numbering must agree


def test_labels_and_addresses_are_shared_values():
    assert T.label("（七）总计") is T.label("（七）总计")  # cached per text
    assert T.addr(["行政复议", "总计"]) is T.addr(("行政复议", "总计"))  # one tuple per spec: the views' memo key
    assert T.label("（七）总计") == T.Label("（七）总计", "pcn7", "总计", "总计")
    assert T.distinct([T.label("一、总计"), T.label("一、 总计"), T.label("总计")]) == [T.label("一、总计"), T.label("总计")]


@pytest.mark.parametrize("x,y", [
    ("其他法律行政法规禁止公开", "其他法律行政止公开"), ("属于国家秘密", "属于国家秘密信息"), ("本年新收政府信息公开申请数量", "结转下年度继续办理"),
    ("申请人无正当理由逾期不补正", "申请人逾期未按收费通知要求缴纳费用"), ("行政规范性文件", "规范性文件"), ("abcde", "edcba"),
    ("aaaab", "abbbb"), ("本年处理决定数量", "处理决定数量"),
])
def test_similarity_prefilter_agrees_with_difflib(x, y):
    import difflib

    for a, b in ((x, y), (y, x)):
        assert T._similar(a, b) is (difflib.SequenceMatcher(None, a, b).ratio() >= 0.8)


def test_match_path_prefers_the_tightest_path():
    a = T.addr(["行政复议", "总计"])
    assert T.match_path(a, T.addr(["行政复议", "总计"])) == 60
    assert T.match_path(a, T.addr(["行政复议", "未经复议直接起诉", "总计"])) == 59
    assert T.match_path(a, T.addr(["复议后起诉", "总计"])) is None
    assert T.under_path(T.addr("三、本年度办理结果"), T.addr(["三、本年度办理结果", "（一）予以公开"])) == 30
    assert T.under_path(T.addr("三、本年度办理结果"), T.addr(["三、本年度办理结果"])) is None


# --- views -----------------------------------------------------------------------------------

TABLE3_PIPES = """# 某区人民政府2023年政府信息公开工作年度报告

三、收到和处理政府信息公开申请情况

（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况
 | 自然人 | 法人或其他组织：商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计
一、本年新收政府信息公开申请数量 | 5 | 1 | 0 | 0 | 0 | 0 | 6
二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1
三、本年度办理结果 | （一）予以公开 | 3 | 1 | 0 | 0 | 0 | 0 | 4
三、本年度办理结果 | （三）不予公开 | 1.属于国家秘密 | 1 | 0 | 0 | 0 | 0 | 0 | 1
三、本年度办理结果 | （三）不予公开 | 2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0
三、本年度办理结果 | （六）其他处理 | 0 | 0 | 0 | 0 | 0 | 0 | 0
三、本年度办理结果 | （七）总计 | 4 | 1 | 0 | 0 | 0 | 0 | 5
四、结转下年度继续办理 | 2 | 0 | 0 | 0 | 0 | 0 | 2

四、政府信息公开行政复议、行政诉讼情况

行政复议 | 行政诉讼
{HEAD4}
1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 2 | 0 | 0 | 1 | 3
""".replace("{HEAD4}", HEAD4)


def test_pipe_table_three_paths():
    f = facts_of(TABLE3_PIPES)
    v3, v4 = T.views(f)
    assert v3.clean and v4.clean
    assert [texts(c.path) for c in v3.columns] == [
        ["自然人"], ["法人或其他组织", "商业企业"], ["法人或其他组织", "科研机构"], ["法人或其他组织", "社会公益组织"],
        ["法人或其他组织", "法律服务机构"], ["法人或其他组织", "其他"], ["申请人情况", "法人或其他组织", "总计"]]
    assert [texts(r.path) for r in v3.rows][:4] == [
        ["一、本年新收政府信息公开申请数量"], ["二、上年结转政府信息公开申请数量"],
        ["三、本年度办理结果", "（一）予以公开"], ["三、本年度办理结果", "（三）不予公开", "1.属于国家秘密"]]
    assert [c.text for c in v3.rows[0].cells] == ["5", "1", "0", "0", "0", "0", "6"]


def test_table_four_stretched_group_header_is_cut_back():
    # '行政复议 | 行政诉讼' above 15 columns: the pipe convention stretches 行政复议 over 14 of them.
    v4 = T.views(facts_of(TABLE3_PIPES))[1]
    paths = [texts(c.path) for c in v4.columns]
    assert paths[4] == ["行政复议", "总计"]
    assert paths[9] == ["未经复议直接起诉", "总计"]
    assert paths[14] == ["行政诉讼", "复议后起诉", "总计"]
    assert len(v4.rows) == 1 and v4.rows[0].path == ()


def test_docx_table_three_with_merged_header_cells(tmp_path):
    data = [[i, 0, 0, 0, 0, 0, i] for i in range(25)]
    rows, merges = docxbuild.table3_2021(data)
    path = docxbuild.build(tmp_path / "t.docx", [
        ("p", "某区人民政府2023年政府信息公开工作年度报告"), ("p", "三、收到和处理政府信息公开申请情况"),
        ("table", rows, merges)])
    f = Facts(analyze(path))
    (v,) = T.views(f)
    assert v.clean and len(v.rows) == 25
    assert [texts(c.path) for c in v.columns][:2] == [["申请人情况", "自然人"], ["申请人情况", "法人或其他组织", "商业企业"]]
    assert texts(v.columns[6].path) == ["申请人情况", "总计"]
    assert texts(v.rows[7].path) == ["三、本年度办理结果", "（三）不予公开", "4.保护第三方合法权益"]
    inst = T.find(f, CATALOGUE, "表三")[0]
    slot = inst.slot(T.addr("（三）不予公开"), T.addr("总计"))
    assert slot is None  # a group label is not a row
    s = inst.slot(T.addr(["（三）不予公开", "4.保护第三方合法权益"]), T.addr("总计"))
    assert (s.number, s.location()) == (7, "表1 第11行 第10列")
    assert len(inst.rows_under(T.addr("（三）不予公开"))) == 8
    # lookups are memoised per view and address: the same answer, computed once
    assert v.match_rows(T.addr("（七）总计")) is v.match_rows(T.addr("（七）总计"))
    assert v.match_rows(T.addr("（七）总计"))[1] == [v.rows[-2]]
    assert v.match_columns(T.addr("总计"))[1] == [v.columns[6]]
    assert v.rows_under(T.addr("（三）不予公开")) == v.rows[4:12]
    assert v.match_columns((T.label("总计"),))[1] == [v.columns[6]]  # another tuple, same labels


def test_gfm_table_two_is_cut_into_its_four_blocks():
    f = Facts(analyze(ROOT / "examples" / "good-2023.md"))
    views = [v for v in T.views(f) if v.table.index == 1]
    assert [[texts(r.path) for r in v.rows] for v in views] == [
        [["规章"], ["行政规范性文件"]], [["行政许可"]], [["行政处罚"], ["行政强制"]], [["行政事业性收费"]]]
    assert [[texts(c.path)[-1] for c in v.columns] for v in views] == [
        ["本年制发件数", "本年废止件数", "现行有效件数"], ["本年处理决定数量"], ["本年处理决定数量"], ["本年收费金额（单位：万元）"]]
    (inst,) = T.find(f, CATALOGUE, "表二")
    assert len(inst.views) == 4
    assert inst.slot(T.addr("行政强制"), T.addr("本年处理决定数量")).number == 27
    assert inst.slot(T.addr("规范性文件"), T.addr("现行有效件数")).number == 48  # 行政规范性文件


def test_a_table_cut_by_a_page_break_continues_when_its_part_has_no_header():
    md = TABLE3_PIPES.replace("三、本年度办理结果 | （六）其他处理", "— 5 —\n\n三、本年度办理结果 | （六）其他处理")
    f = facts_of(md)
    views = T.views(f)
    assert len(views) == 2 and len(views[0].tables) == 2 and len(views[0].rows) == 8
    inst = T.find(f, CATALOGUE, "表三")[0]
    s = inst.slot(T.addr("四、结转下年度继续办理"), T.addr("总计"))
    assert (s.number, s.table.index) == (2, 2)


def test_caption_becomes_the_group_header_of_a_small_table():
    md = ("# 某县人民政府2025年政府信息公开工作年度报告\n\n四、政府信息公开行政复议、行政诉讼情况\n\n行政复议\n\n"
          "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计\n27 | 10 | 9 | 15 | 61\n\n行政诉讼（复议后起诉）\n\n"
          "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计\n8 | 0 | 1 | 1 | 10\n")
    f = facts_of(md)
    (inst,) = T.find(f, CATALOGUE, "表四")
    assert inst.slot(None, T.addr(["行政复议", "总计"])).number == 61
    assert inst.slot(None, T.addr(["复议后起诉", "尚未审结"])).number == 1


def test_damaged_rows_make_a_view_unclean_and_unrecognised_tables_stay_silent():
    f = Facts(analyze(CORPUS / "real" / "006.md"))
    damaged = [v for v in T.views(f) if any(r.damaged for r in v.rows)]
    assert damaged and not any(v.clean for v in damaged)
    found = T.instances(f, CATALOGUE)
    assert [len(found[k]) for k in ("表二", "表三", "表四")] == [1, 0, 0]


def test_group_label_rows_head_the_rows_below_them():
    f = Facts(analyze(CORPUS / "seeds" / "changyi-2012-report.txt"))
    v = T.views(f)[0]
    assert texts(v.rows[3].path) == ["学习培训", "2.举办培训次数"]
    assert [texts(c.path) for c in v.columns] == [["累计数"], ["2012年发生数"]]


def test_group_rows_for_both_formats():
    f = facts_of(TABLE3_PIPES)
    (inst,) = T.find(f, CATALOGUE, "表三")
    # 2019 layout: （六）其他处理 is itself a row of figures
    assert [texts(r.path)[-1] for _, r in inst.group(T.addr("（六）其他处理"))] == ["（六）其他处理"]
    assert [texts(r.path)[-1] for _, r in inst.group(T.addr("（三）不予公开"))] == [
        "1.属于国家秘密", "2.其他法律行政法规禁止公开"]
    ref = T.parse_ref({"rows_under": "三、本年度办理结果", "except": ["（七）总计"]}, "x")
    assert len(T.ref_slots(inst, ref, T.addr("总计"))) == 4


def test_presence_is_lenient_about_damage():
    f = Facts(analyze(CORPUS / "real" / "007.md"))
    assert len(T.present(f, CATALOGUE.get("表四"))) >= 4
    assert len(T.present(facts_of("# 某区2023年政府信息公开工作年度报告\n\n无表格。\n"), CATALOGUE.get("表四"))) == 0


def test_instances_are_cached_per_catalogue_content():
    f = facts_of(TABLE3_PIPES)
    spec = {"表三": {"rows": ["予以公开", "部分公开", "不予公开", "无法提供"], "cols": ["自然人"], "min": 3},
            "表四": {"cols": ["行政复议", "结果维持", "结果纠正", "尚未审结"]}}
    a = T.parse_catalogue(spec)
    b = T.parse_catalogue(dict(reversed(spec.items())))  # another rule's copy of the same tables
    c = T.parse_catalogue({**spec, "表三": {**spec["表三"], "min": 4}})
    assert a.fingerprint == b.fingerprint != c.fingerprint
    assert T.instances(f, a) is T.instances(f, b)
    assert T.instances(f, c) is not T.instances(f, a)
    assert len(T.instances(f, a)["表三"]) == 1


def test_a_catalogue_is_parsed_once_per_spec_object():
    # The table rules of a pack share one `tables:` mapping (a YAML anchor): parsed once.
    spec = {"表三": {"rows": ["予以公开", "部分公开", "不予公开"], "cols": ["自然人"]}}
    a = T.parse_catalogue(spec)
    assert T.parse_catalogue(spec) is a
    copy = {"表三": dict(spec["表三"])}
    assert T.parse_catalogue(copy) is not a and T.parse_catalogue(copy) == a
    assert T.parse_catalogue(spec, "other_key") is not a


def test_catalogue_errors_name_the_key():
    with pytest.raises(ValueError) as e:
        T.parse_catalogue({"表三": {"rows": [], "cols": []}})
    assert e.value.key == "tables"
    with pytest.raises(ValueError) as e:
        T.parse_ref({"row": "a", "colum": "b"}, "identities")
    assert e.value.key == "identities" and "colum" in str(e.value)


def test_cells_built_in_code():
    src = Source(table=1)
    cells = [Cell(1, 1, "信息内容", src), Cell(1, 2, "本年制发件数", src), Cell(2, 1, "规章", src),
             Cell(2, 2, "-3", Source(table=1, row=2, col=2))]
    v = T._views_of_table(Table(1, 2, 2, tuple(cells), src), None)[0]
    assert T.Slot(v, v.rows[0], v.columns[0]).number == -3


def test_docx_table_four_with_a_three_level_header(tmp_path):
    leaves = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    rows = [["行政复议", "", "", "", "", "行政诉讼", *[""] * 9],
            ["", "", "", "", "", "未经复议直接起诉", "", "", "", "", "复议后起诉", "", "", "", ""],
            leaves * 3,
            [str(x) for x in (3, 1, 0, 0, 4, 1, 0, 1, 1, 3, 1, 0, 0, 0, 1)]]
    merges = [(1, 1, 2, 5), (1, 6, 1, 15), (2, 6, 2, 10), (2, 11, 2, 15)]
    path = docxbuild.build(tmp_path / "t4.docx", [
        ("p", "某区人民政府2023年政府信息公开工作年度报告"), ("p", "四、政府信息公开行政复议、行政诉讼情况"),
        ("table", rows, merges)])
    f = Facts(analyze(path))
    (inst,) = T.find(f, CATALOGUE, "表四")
    assert [texts(c.path) for c in inst.views[0].columns][4:6] == [
        ["行政复议", "总计"], ["行政诉讼", "未经复议直接起诉", "结果维持"]]
    s = inst.slot(None, T.addr(["复议后起诉", "总计"]))
    assert (s.number, s.location()) == (1, "表1 第4行 第15列")
