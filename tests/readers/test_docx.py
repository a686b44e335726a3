"""The DOCX reader on fixtures built in code (tests/fixtures/docxbuild.py)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the repo root: tests.fixtures

from govlint.document import Anchor, Paragraph, Source, Table  # noqa: E402
from govlint.readers import docx as reader  # noqa: E402
from tests.fixtures.docxbuild import (  # noqa: E402
    TABLE3_2021_CORNER,
    DocxBuilder,
    abstract_num,
    build,
    comment_end,
    comment_ref,
    comment_start,
    deleted,
    field,
    gov_numbering,
    ins,
    lvl,
    move_from,
    move_to,
    num,
    numbering_xml,
    para,
    read_member,
    replace_members,
    run,
    sdt,
    style_xml,
    table3_2021,
    textbox,
)


def read(path) -> reader.Document:
    return reader.read(str(path))


def summary(doc):
    """(paragraph number, text, heading level, auto label) of each paragraph block."""
    return [
        (b.source.paragraph, b.text, b.heading_level, b.auto_label)
        for b in doc.blocks
        if isinstance(b, Paragraph)
    ]


# -- headings and numbering -----------------------------------------------------------------------


def test_auto_numbered_headings_have_no_label_in_the_text(tmp_path):
    p = build(
        tmp_path / "n.docx",
        [
            ("title", "某某局2023年政府信息公开工作年度报告"),
            ("xml", para("总体情况", style="Heading1", num=(1, 0))),
            ("xml", para("主动公开", style="Heading2", num=(1, 1))),
            ("xml", para("依申请公开", style="Heading2", num=(1, 1))),
            ("xml", para("", num=(1, 1))),  # an empty numbered paragraph: no block, but it counts
            ("xml", para("其他", num=(1, 1))),
            ("xml", para("主动公开政府信息情况", style="Heading1", num=(1, 0))),
            ("xml", para("规章", style="Heading2", num=(1, 1))),
            ("p", "正文。"),
        ],
        numbering=gov_numbering(),
    )
    doc = read(p)
    assert summary(doc) == [
        (1, "某某局2023年政府信息公开工作年度报告", None, None),
        (2, "总体情况", 1, "一、"),
        (3, "主动公开", 2, "（一）"),
        (4, "依申请公开", 2, "（二）"),
        (5, "其他", None, "（四）"),  # （三） went to the empty numbered paragraph
        (6, "主动公开政府信息情况", 1, "二、"),
        (7, "规章", 2, "（一）"),
        (8, "正文。", None, None),
    ]
    first = doc.blocks[1]
    assert first.display_text == "一、总体情况"
    assert first.style == "Heading 1"
    assert first.anchors == (Anchor(0, None, None),)
    assert first.source == Source(paragraph=2)
    assert doc.blocks[0].style == "Title"
    assert doc.format == "docx" and doc.path == str(p) and doc.notices == []


def test_numbering_inherited_from_the_style(tmp_path):
    p = build(
        tmp_path / "s.docx",
        [
            ("xml", para("总体情况", style="GovH1")),
            ("xml", para("主动公开", style="GovH2")),
            ("xml", para("总体情况续", style="GovH1")),
            ("xml", para("不编号", style="GovH1", num=(0, 0))),  # numId 0 switches numbering off
        ],
        styles=[
            style_xml("GovH1", "公文一级", based_on="Normal", outline=0, num=(7, None)),
            style_xml("GovH2", "公文二级", based_on="Normal", outline=1, num=(7, 1)),
        ],
        numbering=numbering_xml(
            abstract_num(
                3, [lvl(0, "chineseCounting", "%1、", pstyle="GovH1"), lvl(1, "chineseCounting", "（%2）")]
            ),
            num(7, 3),
        ),
    )
    assert summary(read(p)) == [
        (1, "总体情况", 1, "一、"),
        (2, "主动公开", 2, "（一）"),
        (3, "总体情况续", 1, "二、"),
        (4, "不编号", 1, None),
    ]


def test_style_id_2_named_heading_2_is_a_level_2_heading(tmp_path):
    p = build(
        tmp_path / "h.docx",
        [("xml", para("（一）主动公开", style="2")), ("xml", para("一、总体情况", style="1"))],
        styles=[style_xml("2", "heading 2", based_on="Normal"), style_xml("1", "标题 1", based_on="Normal")],
    )
    doc = read(p)
    assert summary(doc) == [(1, "（一）主动公开", 2, None), (2, "一、总体情况", 1, None)]
    assert [b.style for b in doc.blocks] == ["Heading 2", "标题 1"]


def test_outline_level_on_the_style_only_and_through_based_on(tmp_path):
    p = build(
        tmp_path / "o.docx",
        [
            ("xml", para("一、总体情况", style="MyTitle")),
            ("xml", para("（一）主动公开", style="MyChild")),
            ("xml", para("直接大纲", outline=2)),
            ("xml", para("正文级别", style="MyTitle", outline=9)),
            ("xml", para("基于标题2", style="OnHeading")),
            ("xml", para("普通")),
        ],
        styles=[
            style_xml("MyTitle", "自定义标题", based_on="Normal", outline=0),
            style_xml("MyChild", "自定义子标题", based_on="MyTitle"),
            style_xml("OnHeading", "自定义二", based_on="Heading2"),
        ],
    )
    doc = read(p)
    assert summary(doc) == [
        (1, "一、总体情况", 1, None),
        (2, "（一）主动公开", 1, None),
        (3, "直接大纲", 3, None),
        (4, "正文级别", None, None),
        (5, "基于标题2", 2, None),
        (6, "普通", None, None),
    ]
    assert doc.blocks[0].style == "自定义标题"


def test_heading_inside_a_content_control(tmp_path):
    p = build(
        tmp_path / "sdt.docx",
        [
            ("p", "封面"),
            ("xml", sdt(para("总体情况", style="Heading1", num=(1, 0)) + para("控件里的正文"))),
            ("xml", para("行内", inner=sdt(run("控件"), tag="inline"))),
        ],
        numbering=gov_numbering(),
    )
    assert summary(read(p)) == [
        (1, "封面", None, None),
        (2, "总体情况", 1, "一、"),
        (3, "控件里的正文", None, None),
        (4, "行内控件", None, None),
    ]


# -- text ---------------------------------------------------------------------------------------


def test_text_box_is_read_once_after_its_host(tmp_path):
    p = build(
        tmp_path / "tb.docx",
        [
            ("p", "前"),
            ("xml", textbox("宿主前", ["框内第一段", "框内第二段"], "宿主后")),
            ("xml", textbox("", ["只有框"])),
            ("p", "后"),
        ],
    )
    assert summary(read(p)) == [
        (1, "前", None, None),
        (2, "宿主前宿主后", None, None),
        (3, "框内第一段", None, None),
        (4, "框内第二段", None, None),
        (5, "只有框", None, None),
        (6, "后", None, None),
    ]


def test_tracked_changes_fields_and_special_characters(tmp_path):
    p = build(
        tmp_path / "tc.docx",
        [
            (
                "xml",
                para(
                    "本年",
                    inner=ins("新收") + deleted("旧的") + run("申请") + move_from("挪走") + move_to("挪来"),
                ),
            ),
            ("xml", para("第", inner=field(" PAGE \\* MERGEFORMAT ", "3") + run("页"))),
            (
                "xml",
                para(
                    "a\tb\nc",
                    inner="<w:r><w:t>x</w:t><w:noBreakHyphen/><w:t>y</w:t><w:cr/><w:t>z</w:t></w:r>",
                ),
            ),
            ("xml", para("", inner=deleted("整段删除"))),
        ],
    )
    assert [b.text for b in read(p).blocks] == ["本年新收申请挪来", "第3页", "a\tb\ncx-y\nz"]


def test_field_spanning_paragraphs_keeps_its_result(tmp_path):
    begin = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> TOC \\o "1-3" </w:instrText></w:r>'
    )
    p = build(
        tmp_path / "toc.docx",
        [
            (
                "xml",
                para(
                    "",
                    inner=begin + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run("一、总体情况\t1"),
                ),
            ),
            ("xml", para("二、主动公开\t2", inner='<w:r><w:fldChar w:fldCharType="end"/></w:r>')),
            ("p", "正文"),
        ],
    )
    assert [b.text for b in read(p).blocks] == ["一、总体情况\t1", "二、主动公开\t2", "正文"]


def test_empty_paragraphs_are_not_blocks_and_do_not_count(tmp_path):
    p = build(tmp_path / "e.docx", [("p", ""), ("p", "甲"), ("p", "  \u3000 "), ("p", "\u3000\u3000乙")])
    doc = read(p)
    assert summary(doc) == [(1, "甲", None, None), (2, "\u3000\u3000乙", None, None)]


def test_headers_footers_footnotes_are_extras_not_blocks(tmp_path):
    p = build(
        tmp_path / "x.docx",
        [("p", "正文"), ("xml", para("见注", inner='<w:r><w:footnoteReference w:id="1"/></w:r>'))],
        headers=["某某局文件", "第二行"],
        footers=["第 1 页"],
        footnotes=["注一。", "注二。"],
    )
    doc = read(p)
    assert [b.text for b in doc.blocks] == ["正文", "见注"]
    assert [(e.source.part, e.source.paragraph, e.text) for e in doc.extras] == [
        ("header", 1, "某某局文件"),
        ("header", 2, "第二行"),
        ("footer", 1, "第 1 页"),
        ("footnote", 1, " 注一。"),
        ("footnote", 2, " 注二。"),
    ]
    assert doc.extras[0].source.location() == "页眉 第1段"
    assert doc.extras[3].source.location() == "脚注 第1段"


def test_headers_of_every_section_are_read_once(tmp_path):
    from docx.enum.section import WD_SECTION

    b = DocxBuilder().header("第一节页眉").footer("页脚")
    b.add(("p", "第一节"))
    section = b.doc.add_section(WD_SECTION.NEW_PAGE)
    section.header.is_linked_to_previous = False
    section.header.paragraphs[0].text = "第二节页眉"
    b.add(("p", "第二节"))
    doc = read(b.save(tmp_path / "sec.docx"))
    assert [b.text for b in doc.blocks] == ["第一节", "第二节"]
    assert [(e.source.part, e.text) for e in doc.extras] == [
        ("header", "第一节页眉"),
        ("header", "第二节页眉"),
        ("footer", "页脚"),
    ]


def test_macro_enabled_document_is_read(tmp_path):
    p = build(tmp_path / "m.docm", [("h1", "一、总体情况"), ("p", "正文")], headers=["页眉"])
    ct = read_member(p, "[Content_Types].xml").decode()
    ct = ct.replace(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "application/vnd.ms-word.document.macroEnabled.main+xml",
    )
    replace_members(p, {"[Content_Types].xml": ct})
    doc = read(p)
    assert summary(doc) == [(1, "一、总体情况", 1, None), (2, "正文", None, None)]
    assert [e.text for e in doc.extras] == ["页眉"]


# -- comments -----------------------------------------------------------------------------------


def test_word_comments_map_to_blocks(tmp_path):
    b = DocxBuilder()
    across = b.comment("这两段要合并", "李四")
    b.add(("p", "开头"))
    b.add(("p", "请核对数字", {"comment": ("数字有误", "张三")}))
    b.xml(para("第一段", inner=comment_start(across)))
    b.xml(para("") + para("第二段", inner=comment_end(across) + comment_ref(across)))
    b.add(("p", "表格如下"))
    rows, merges = table3_2021()
    b.table(rows, merges, comment=(6, 1, "办理结果不全", "王五"))
    unplaced = b.comment("没有位置的批注", "赵六")
    assert unplaced == 3
    doc = read(b.save(tmp_path / "c.docx"))
    assert [type(x).__name__ for x in doc.blocks] == ["Paragraph"] * 5 + ["Table"]
    got = [(c.author, c.text, c.first_block, c.last_block, c.source) for c in doc.comments]
    assert got == [
        ("李四", "这两段要合并", 2, 3, Source(paragraph=3, part="comment")),
        ("张三", "数字有误", 1, 1, Source(paragraph=2, part="comment")),
        ("王五", "办理结果不全", 5, 5, Source(paragraph=5, table=1, row=6, col=1, part="comment")),
        ("赵六", "没有位置的批注", None, None, Source(part="comment")),
    ]
    assert doc.comments[0].source.location() == "批注 第3段"


# -- tables -------------------------------------------------------------------------------------


def test_table_3_2021_header_and_merges(tmp_path):
    rows, merges = table3_2021([[i * 10 + k for k in range(7)] for i in range(25)])
    p = build(tmp_path / "t3.docx", [("p", "三、收到和处理政府信息公开申请情况"), ("table", rows, merges)])
    doc = read(p)
    (table,) = doc.tables
    assert (table.index, table.rows, table.cols) == (1, 28, 10)
    assert table.caption == "三、收到和处理政府信息公开申请情况"
    assert table.source == Source(table=1, paragraph=1)

    def cell(r, c):
        x = table.at(r, c)
        return (x.row, x.col, x.row_span, x.col_span, x.text)

    assert cell(1, 1) == (1, 1, 3, 3, TABLE3_2021_CORNER)
    assert cell(3, 3) == (1, 1, 3, 3, TABLE3_2021_CORNER)  # the whole 3×3 corner is one cell
    assert cell(1, 4) == (1, 4, 1, 7, "申请人情况")
    assert cell(1, 10) == (1, 4, 1, 7, "申请人情况")
    assert cell(2, 4) == (2, 4, 2, 1, "自然人")
    assert cell(3, 4) == (2, 4, 2, 1, "自然人")
    assert cell(2, 5) == (2, 5, 1, 5, "法人或其他组织")
    assert cell(2, 10) == (2, 10, 2, 1, "总计")
    assert [cell(3, c)[4] for c in range(5, 10)] == [
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
    ]
    assert cell(6, 1) == (6, 1, 22, 1, "三、本年度办理结果")
    assert cell(27, 1) == (6, 1, 22, 1, "三、本年度办理结果")
    assert cell(8, 2) == (8, 2, 8, 1, "（三）不予公开")
    assert cell(27, 2) == (27, 2, 1, 2, "（七）总计")
    assert cell(28, 1) == (28, 1, 1, 3, "四、结转下年度继续办理")
    assert cell(4, 4) == (4, 4, 1, 1, "0")
    assert cell(28, 10) == (28, 10, 1, 1, "246")
    # each merged cell once, at its top-left slot; vMerge continuations are not cells
    assert len(table.cells) == 215
    assert len({(c.row, c.col) for c in table.cells}) == 215
    assert table.at(6, 1).source == Source(table=1, row=6, col=1)
    assert table.at(6, 1).source.location() == "表1 第6行 第1列"
    assert all(slot is not None for row in table.grid() for slot in row)


TBL = "<w:tbl><w:tblPr/><w:tblGrid>{grid}</w:tblGrid>{rows}</w:tbl>"


def tc(text="", span=1, vmerge=None, inner=""):
    pr = ""
    if span > 1:
        pr += f'<w:gridSpan w:val="{span}"/>'
    if vmerge is not None:
        pr += "<w:vMerge/>" if vmerge == "continue" else f'<w:vMerge w:val="{vmerge}"/>'
    return f"<w:tc>{'<w:tcPr>' + pr + '</w:tcPr>' if pr else ''}{para(text)}{inner}</w:tc>"


def tr(*cells, before=0, after=0, deleted_row=False):
    pr = ""
    if before:
        pr += f'<w:gridBefore w:val="{before}"/>'
    if after:
        pr += f'<w:gridAfter w:val="{after}"/>'
    if deleted_row:
        pr += '<w:del w:id="9" w:author="x" w:date="2024-01-01T00:00:00Z"/>'
    return f"<w:tr>{'<w:trPr>' + pr + '</w:trPr>' if pr else ''}{''.join(cells)}</w:tr>"


def table_xml(*rows, cols=4):
    return TBL.format(grid='<w:gridCol w:w="1000"/>' * cols, rows="".join(rows))


def test_grid_before_after_spans_vmerge_and_deleted_rows(tmp_path):
    nested = table_xml(tr(tc("n1"), tc("n2")), tr(tc("n3"), tc("")), cols=2)
    xml = table_xml(
        tr(tc("A", vmerge="restart"), tc("B", span=2), tc("C")),
        tr(tc(vmerge="continue"), tc("D"), tc("E"), after=1),
        tr(tc("已删除"), tc("x"), tc("y"), tc("z"), deleted_row=True),
        tr(tc(vmerge="continue"), tc("F", span=2, inner=nested), before=0, after=1),
        tr(tc("G"), tc("H"), before=2),
    )
    p = build(
        tmp_path / "g.docx", [("p", "表一"), ("p", "说明"), ("p", "再说明"), ("xml", xml), ("xml", xml)]
    )
    doc = read(p)
    t1, t2 = doc.tables
    assert [(c.row, c.col, c.row_span, c.col_span, c.text) for c in t1.cells] == [
        (1, 1, 3, 1, "A"),
        (1, 2, 1, 2, "B"),
        (1, 4, 1, 1, "C"),
        (2, 2, 1, 1, "D"),
        (2, 3, 1, 1, "E"),
        (3, 2, 1, 2, "F\nn1\tn2\nn3"),
        (4, 3, 1, 1, "G"),
        (4, 4, 1, 1, "H"),
    ]
    assert (t1.rows, t1.cols) == (4, 4)
    assert t1.at(2, 4) is None and t1.at(4, 1) is None
    assert (t1.index, t2.index) == (1, 2)
    assert t1.caption == "再说明"
    assert t2.caption == "再说明"  # the paragraph two blocks back (the block between is table 1)
    assert t1.source == Source(table=1, paragraph=3) and t2.source == Source(table=2, paragraph=3)


def test_caption_looks_two_blocks_back_only(tmp_path):
    xml = table_xml(tr(tc("a")), cols=1)
    p = build(tmp_path / "cap.docx", [("p", "表格标题"), ("xml", xml), ("xml", xml), ("xml", xml)])
    t1, t2, t3 = read(p).tables
    assert (t1.caption, t2.caption, t3.caption) == ("表格标题", "表格标题", None)


def test_cell_text_joins_paragraphs_and_keeps_auto_labels(tmp_path):
    cell = f"<w:tc>{para('第一段')}{para('')}{para('予以公开', num=(1, 1))}{textbox('', ['框'])}</w:tc>"
    xml = table_xml(f"<w:tr>{cell}</w:tr>", cols=1)
    p = build(
        tmp_path / "cl.docx", [("xml", para("总体情况", num=(1, 0))), ("xml", xml)], numbering=gov_numbering()
    )
    (t,) = read(p).tables
    assert t.cells[0].text == "第一段\n（一）予以公开\n框"


def test_tables_in_content_controls_and_rows_in_sdt(tmp_path):
    rows = tr(tc("a"), tc("b")) + sdt(tr(tc("c"), tc("d")))
    p = build(tmp_path / "ts.docx", [("xml", sdt(table_xml(rows, cols=2)))])
    (t,) = read(p).tables
    assert [(c.row, c.col, c.text) for c in t.cells] == [(1, 1, "a"), (1, 2, "b"), (2, 1, "c"), (2, 2, "d")]


def test_blocks_keep_document_order(tmp_path):
    p = build(tmp_path / "ord.docx", [("p", "一"), ("table", [["x"]]), ("p", "二"), ("table", [["y"]])])
    doc = read(p)
    assert [(type(b).__name__, getattr(b, "text", None) or b.cells[0].text) for b in doc.blocks] == [
        ("Paragraph", "一"),
        ("Table", "x"),
        ("Paragraph", "二"),
        ("Table", "y"),
    ]
    assert isinstance(doc.blocks[1], Table) and doc.blocks[3].source == Source(table=2, paragraph=2)


def test_a_30_page_document_parses(tmp_path):  # its speed is measured in bench/, not here
    items = []
    for i in range(300):
        items.append(("p", "本机关认真贯彻落实《中华人民共和国政府信息公开条例》，" * 3))
        if i % 50 == 0:
            items.append(
                ("table", [[f"{r}-{c}" for c in range(10)] for r in range(10)], [(1, 1, 3, 3), (4, 1, 10, 1)])
            )
    p = build(tmp_path / "big.docx", items)
    doc = read(p)
    assert len(doc.blocks) == 306
