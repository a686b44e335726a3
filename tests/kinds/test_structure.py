"""Structure and statement kinds on small drafts, in Markdown and plain text, simplified and
traditional script: each case asserts the exact rule id, line and message."""

import pytest

from govlint import engine, packs
from govlint.analyze import analyze_document
from govlint.facts import Facts
from govlint.readers import markdown, text

TITLE = "某区人民政府2023年政府信息公开工作年度报告"
PERIOD = "本报告所列数据统计期限自2023年1月1日至2023年12月31日。"
CONTACT = "如对本报告有疑问，请与区政府办公室联系（电话：0571-87654321，电子邮箱：gk@example.gov.cn）。本报告电子版可在区政府网站查阅。"
PARTS = ["总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况",
         "政府信息公开行政复议、行政诉讼情况", "存在的主要问题及改进情况", "其他需要报告的事项"]
CN = "一二三四五六七八九十"


def report(parts=PARTS, period=PERIOD, contact=CONTACT, title=TITLE, extra=""):
    lines = [title, "", period, "", contact, ""]
    for i, p in enumerate(parts):
        lines += [f"{CN[i]}、{p}", "", f"{p}的具体内容。", ""]
    return "\n".join(lines) + extra


@pytest.fixture(scope="module")
def packset():
    return packs.load()


def lint(src: str, fmt: str, packset, select=("GL1", "GL2", "GL4", "GL5", "GL9")):
    reader = markdown if fmt == "md" else text
    doc = analyze_document(reader.read_text(f"draft.{fmt}", src))
    # GL105 (a standard table is missing) is about tables: these drafts have none on purpose
    settings = engine.Settings(select=list(select), ignore=["GL105"])
    return [(d.rule, d.line, d.message) for d in engine.lint(doc, packset, settings)]


@pytest.mark.parametrize("fmt", ["md", "txt"])
def test_clean_report_has_no_structure_findings(fmt, packset):
    assert lint(report(), fmt, packset) == []


@pytest.mark.parametrize("fmt", ["md", "txt"])
def test_missing_part_and_numbering_gap(fmt, packset):
    parts = [p for p in PARTS if p != "存在的主要问题及改进情况"]
    src = report(parts).replace("五、其他需要报告的事项", "六、其他需要报告的事项")
    got = lint(src, fmt, packset)
    assert ("GL101", None, "缺少“存在的主要问题及改进情况”部分") in got
    assert ("GL108", 23, "标题编号不连续：“六、”前一个同级编号是“四、”") in got
    assert len(got) == 2


@pytest.mark.parametrize("fmt", ["md", "txt"])
def test_traditional_script_is_matched_and_located_in_the_original(fmt, packset):
    src = report(period="本報告所列數據統計期限自2023年1月1日至2023年12月31日。").replace(
        "收到和处理政府信息公开申请情况", "收到和處理政府信息公開申請情況")
    assert lint(src, fmt, packset) == []
    bad = src.replace("統計期限自2023年1月1日", "統計期限自2022年1月1日")
    assert lint(bad, fmt, packset) == [
        ("GL202", 3, "统计期限“自2022年1月1日至2023年12月31日”与报告年度不符（应为2023年1月1日至12月31日）")]


@pytest.mark.parametrize("fmt", ["md", "txt"])
def test_statistics_period_missing_points_at_the_title(fmt, packset):
    assert lint(report(period="本报告由区政府办公室编制。"), fmt, packset) == [
        ("GL201", 1, "未说明本报告数据的统计期限（应为2023年1月1日至12月31日）")]


def test_contact_missing_and_invalid(packset):
    assert lint(report(contact="本报告电子版可在区政府网站查阅。"), "md", packset) == [
        ("GL203", None, "未提供咨询本报告的联系方式（电话、地址或电子邮箱）")]
    got = lint(report(contact=CONTACT.replace("87654321", "876543")), "md", packset)
    assert got == [("GL204", 5, "“0571-876543”不是有效的电话号码")]
    got = lint(report(contact=CONTACT.replace("gk@example.gov.cn", "gk@example")), "md", packset)
    assert got == [("GL204", 5, "“gk@example”不是有效的电子邮箱")]


def test_period_statements_are_found_once_for_rules_with_the_same_patterns():
    from govlint.kinds import statistics_period as SP

    doc = analyze_document(markdown.read_text("draft.md", report()))
    facts = Facts(doc)
    params = {"mode": "missing", "patterns": ["统计(期限|时限)"]}
    a, b = SP.prepare(params), SP.prepare(dict(params, mode="mismatch"))
    assert a is not b
    assert SP.statements(facts, a) is SP.statements(facts, b)
    assert len(SP.statements(facts, a)) == 1
    assert SP.statements(facts, SP.prepare({"mode": "missing", "patterns": ["统计区间"]})) == []  # other patterns


def test_contact_words_are_found_in_any_case():
    # The words are tested as substrings before the case-insensitive regex runs: 'TEL', 'tel'
    # and 'Tel' must all still be found; a word with a letter str.lower() would not match the way
    # re.I does (the 's' of the long s 'ſ') keeps the regex scan.
    from govlint.kinds import contact_info as C

    params = {"mode": "invalid", "phone_words": ["Tel"], "email_words": ["E-mail"], "address_words": ["地址"]}
    compiled = C.prepare(params)
    assert compiled["phone_words:needles"] == ("tel",)
    assert compiled["email_words:needles"] is None  # an 'i'
    for word in ("TEL", "tel", "tEl"):
        doc = analyze_document(markdown.read_text("draft.md", f"# 报告\n\n{word}：0571-876543转12\n"))
        found = C.contacts(Facts(doc), compiled)
        assert [(t, v, ok) for t, _, _, v, ok in found] == [("phone", "0571-876543转12", False)]
    assert C._phone_ok("0571-87654321转12") and C._phone_ok("13912345678 ext 9")
    assert not C._phone_ok("123")


def test_order_and_outdated_fee_section(packset):
    parts = [PARTS[0], PARTS[2], PARTS[1], *PARTS[3:], "政府信息公开的收费及减免情况"]
    got = lint(report(parts), "md", packset)
    assert ("GL102", 15, "“主动公开政府信息情况”应在“收到和处理政府信息公开申请情况”之前（按条例第五十条和统一格式的顺序）") in got
    assert ("GL401", 31, "“政府信息公开的收费及减免情况”是2007年条例的报告内容，2019年修订的条例已删除该项（第五十条）") in got


def test_placeholder_citation_and_garbled_text(packset):
    extra = "\n\n全年受理申请XX件。\n\n按照国办政务公开办函〔2021〕30号编制。\n\n加強(qiáng)管理。\n"
    got = lint(report(extra=extra), "md", packset)
    assert report(extra=extra).split("\n")[31] == "全年受理申请XX件。"
    assert ("GL502", 32, "草稿占位符未替换：“XX”") in got
    assert ("GL403", 34, "引用有误：“国办政务公开办函〔2021〕30号”，应为“国办公开办函”") in got
    assert ("GL501", 36, "文本有乱码或残留标记：“強(qiáng)”（词语中夹有拼音注音）") in got


def test_announced_count(packset):
    pre = "本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、存在的主要问题及改进情况、其他需要报告的事项等六部分组成。"
    got = lint(report(contact=CONTACT + "\n\n" + pre), "md", packset)
    assert got == [("GL107", 7, "报告称由六部分组成，但列出了5部分")]


def test_empty_section_and_title(packset):
    src = report().replace("其他需要报告的事项的具体内容。", "")
    assert lint(src, "md", packset) == [("GL103", 27, "“其他需要报告的事项”下没有内容")]
    assert ("GL104", 1, "报告标题不完整：缺少发布机关") in lint(report(title="2023年政府信息公开工作年度报告"), "md", packset)


def test_publication_date_after_deadline(packset):
    src = report(title=TITLE + "\n\n2024年4月2日")
    assert lint(src, "md", packset) == [
        ("GL206", 3, "报告日期2024年4月2日晚于法定公布期限（2024年3月31日）")]
    dept = src.replace("某区人民政府", "某区教育局").replace("2024年4月2日", "2024年2月20日")
    assert lint(dept, "md", packset) == [
        ("GL206", 3, "报告日期2024年2月20日晚于法定公布期限（2024年1月31日）")]


def test_year_mismatch(packset):
    src = report(contact=CONTACT + "\n\n特向社会公布2022年度政府信息公开工作年度报告。")
    assert lint(src, "md", packset) == [("GL207", 7, "正文所称年度（2022年）与报告年度（2023年）不一致")]


def test_not_a_report_then_gongwen(packset):
    src = "番府办[2011]22号\n\n各镇政府：\n\n现将工作要点印发给你们。\n\n区政府办公室\n\n2011年4月15日\n"
    got = lint(src, "txt", packset, select=("GL",))
    assert ("GL902", None, "未识别为政府信息公开工作年度报告（识别为：公文），未执行年度报告规则") in got
    assert ("GL601", 1, "发文字号“番府办[2011]22号”的年份应使用六角括号“〔〕”") in got
    assert ("GL602", 9, "成文日期“2011年4月15日”应使用汉字数字（GB/T 9704—1999）") in got


def test_numbering_skip_between_two_whole_tables_is_reported(packset):
    t3 = "\n".join(["| 项目 | 自然人 | 总计 |", "|---|---|---|", "| 一、本年新收 | 1 | 1 |", "| 四、结转 | 0 | 0 |"])
    t4 = "\n".join(["| 行政复议：结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |", "|---|---|---|---|---|",
                    "| 0 | 0 | 0 | 0 | 0 |"])
    src = TITLE + "\n\n一、收到和处理政府信息公开申请情况\n\n" + t3 + "\n\n三、政府信息公开行政复议、行政诉讼情况\n\n" + t4 + "\n"
    got = lint(src, "md", packset, select=("GL108",))
    assert got == [("GL108", 10, "标题编号不连续：“三、”前一个同级编号是“一、”")]


def test_numbered_debris_of_a_broken_table_is_not_a_numbering_error(packset):
    rows = "\n".join(["一、本年新收政府信息公开申请数量 | 1 | 0 | 1", "二、上年结转政府信息公开申请数量 | 0 | 0 | 0"])
    src = (TITLE + "\n\n一、总体情况\n\n内容充实的总体情况说明。\n\n二、收到和处理政府信息公开申请情况\n\n" + rows +
           "\n\n三、本法提供\n\n年度办\n\n理结果\n\n1.信访举报投诉类申请 | 1 | 0 | 1\n")
    assert lint(src, "txt", packset, select=("GL108",)) == []
    # the same draft with the debris replaced by a real third part is checked: 一、二、四 is a skip
    real = src.replace("三、本法提供\n\n年度办\n\n理结果",
                       "四、政府信息公开行政复议、行政诉讼情况\n\n本年度未发生政府信息公开行政复议和行政诉讼。")
    assert lint(real, "txt", packset, select=("GL108",)) == [
        ("GL108", 12, "标题编号不连续：“四、”前一个同级编号是“二、”")]
