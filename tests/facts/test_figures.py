"""Prose figures: labels, spans into the original text (traditional script and scraping damage
included), 其中-partitions, shares with their counts, denominator candidates, hard-wrapped
paragraphs read as one."""

from __future__ import annotations

from decimal import Decimal

from govlint.analyze import analyze_document
from govlint.facts import Facts
from govlint.facts import figures as F
from govlint.readers import markdown, text

TITLE = "# 某区人民政府2012年政府信息公开工作年度报告\n\n一、概述\n\n"


def facts_of(body: str, reader=markdown) -> Facts:
    return Facts(analyze_document(reader.read_text("t.md", TITLE + body)))


def all_figures(f: Facts) -> list[F.Figure]:
    return [g for _, figs, _ in F.figures(f) for g in figs]


def test_labels_and_spans():
    f = facts_of("2024年，全市共受理政府信息公开申请3119件，答复3050件（含上年度结转申请34件，另有103件顺延到下年度答复）。\n")
    figs = all_figures(f)
    assert [(g.value, g.label, g.paren_intro) for g in figs] == [
        (3119, "全市共受理政府信息公开申请", ""), (3050, "答复", ""),
        (34, "含上年度结转申请", "含上年度结转申请"), (103, "另有", "含上年度结转申请34件，另有")]
    p = figs[0].paragraph
    assert p.text[figs[0].span[0]:figs[0].span[1]] == "3119件"
    assert figs[2].paren is not None and figs[0].paren is None


def test_spans_point_into_the_original_traditional_text_with_pinyin_damage():
    body = "全年全區(qū)各單位發(fā)生行政復(fù)議申請(qǐng)9件,其中維持具體行政行為8件,被依法糾錯(cuò)0件,其他情形1件。\n"
    f = facts_of(body, text)
    (part,) = F.partitions(f)
    assert (part.total.value, [g.value for g in part.parts], part.exhaustive) == (9, [8, 0, 1], True)
    p = part.total.paragraph
    assert p.text[part.total.span[0]:part.total.span[1]] == "9件"
    assert p.text[part.parts[1].span[0]:part.parts[1].span[1]] == "0件"
    assert part.total.label == "全年全区各单位发生行政复议申请"


def test_partition_with_其中_opening_a_sentence():
    f = facts_of("截止2012年末,全区各单位、各部门对政府信息公开申请的答复数为1838个。其中,同意公开答复数为1516个,"
                 "同意部分公开申请的答复数为306个,否决公开答复数为27个。否决公开答复均为涉密免于公开信息。\n")
    (part,) = F.partitions(f)
    assert part.total.value == 1838 and [g.value for g in part.parts] == [1516, 306, 27]
    assert part.total.short_label == "答复数"


def test_partitions_end_at_the_next_total_and_skip_other_units_and_asides():
    f = facts_of("政府信息公开行政复议351件，其中结果维持72件，结果纠正64件，其他结果178件，尚未审结37件；"
                 "政府信息公开行政诉讼46件，其中结果维持25件，结果纠正5件，其他结果9件，尚未审结7件。\n\n"
                 "微信矩阵群发布信息9344条，其中官方微博共发布信息1095条、关注量达20.5万人，微信公众号共发布信息1248条。\n\n"
                 "已建立89个专题网站或专栏(其中2012年度新建或改版部门网站10个、专题网站12个)。\n")
    parts = F.partitions(f)
    assert [(p.total.value, [g.value for g in p.parts]) for p in parts] == [
        (351, [72, 64, 178, 37]), (46, [25, 5, 9, 7]), (9344, [1095, 1248]), (89, [10, 12])]
    assert [p.exhaustive for p in parts] == [True, True, False, False]


def test_其他组织_is_not_an_其他_part():
    f = facts_of("全县共受理政府信息公开申请749件，其中自然人申请741件，法人或其他组织申请8件。\n")
    (part,) = F.partitions(f)
    assert not part.exhaustive


def test_shares_of_three_shapes():
    f = facts_of("全年主动公开政府信息2677个，其中规范性文件类信息489个，占公开信息总数比例为18.3%；"
                 "其他类信息2188个，占公开信息总数比例为81.7%。\n\n"
                 "办结1191件。其中，予以公开208件（17.46%），不予公开20件（1.68%）。\n\n"
                 "全区从事信息公开工作人员51人，其中专职人员3人，兼职人员48人，占从事信息公开工作人员数的比例分别为5.9%、94.1%。\n\n"
                 "全年受理申请85件，比上年下降11.5%。办结率为99.8%。\n")
    got = [(s.percent.value, s.count.value, s.phrase, len(s.group)) for s in F.shares(f)]
    assert got == [(Decimal("18.3"), 489, "公开信息总数", 1), (Decimal("81.7"), 2188, "公开信息总数", 1),
                   (Decimal("17.46"), 208, "", 1), (Decimal("1.68"), 20, "", 1),
                   (Decimal("5.9"), 3, "从事信息公开工作人员数", 2), (Decimal("94.1"), 48, "从事信息公开工作人员数", 2)]
    sh = F.shares(f)[4]
    assert F.denominators(f, sh)[0] == 51
    assert F.partition_of(f, F.shares(f)[0].count).total.value == 2677


def test_hard_wrapped_lines_read_as_one_sentence():
    body = ("“上海科技”网站全年累计发布信息 2139 条，其中动态类\n\n"
            "信息发布 1744 条，政务信息发布 393 条，解读类信息发布 21 条，回应公众关注热点信息 2 条。\n")
    f = facts_of(body)
    (part,) = F.partitions(f)
    assert [g.value for g in part.parts] == [1744, 393, 21, 2]
    assert part.total.paragraph is not part.parts[0].paragraph
    assert part.parts[0].paragraph.text[part.parts[0].span[0]:part.parts[0].span[1]] == "1744 条"


def test_locate_maps_a_run_offset_back_to_its_paragraph():
    f = facts_of("全年收到申请 34 件，所有申请均已\n\n按要求办理完成。\n")
    runs = F.figures(f)
    k = next(i for i, (_, _, t) in enumerate(runs) if "均已" in t)
    t = runs[k][2]
    s = t.index("按要求")
    para, _, span = F.locate(f, k, s, s + 3)
    assert para.text[span[0]:span[1]] == "按要求"


def _reference_segments(text: str) -> tuple[list[int], list[int | None], list[int]]:
    """Per character: sentence index, enclosing opening bracket, clause start (the per-character
    walk `_Segments` replaces)."""
    sent, paren, clause = [], [], []
    s, stack, cstart = 0, [], 0
    for i, ch in enumerate(text):
        sent.append(s)
        paren.append(stack[-1] if stack else None)
        clause.append(cstart)
        if ch in "（(":
            stack.append(i)
            cstart = i + 1
        elif ch in "）)":
            if stack:
                stack.pop()
            cstart = i + 1
        elif ch in "，,；;：:、。！？!?":
            cstart = i + 1
        if ch in "。！？!?":
            s += 1
            stack = []
    return sent, paren, clause


def test_segments_agree_with_a_walk_over_every_character():
    text = "全年受理（含结转（上年）5件，其中：3件)申请10件。其中（一）12件！未完（仍开2件；结束?末尾"
    seg = F._Segments(text)
    sent, paren, clause = _reference_segments(text)
    for i in range(len(text)):
        assert (seg.sentence(i), seg.paren(i), seg.clause_start(i)) == (sent[i], paren[i], clause[i]), i
        end = next((j for j in range(i, len(text)) if text[j] in F._CLAUSE), len(text))
        assert seg.clause_end(i) == end
        start = i
        while start > 0 and sent[start - 1] == sent[i]:
            start -= 1
        assert seg.sentence_start(i) == start


def test_exhaustive_part_names():
    assert [F._exhaustive_part(t) for t in ("其他", "其中：其它", "其中， 其余", "其他组织", "其中结果维持")] == [
        True, True, True, True, False]
