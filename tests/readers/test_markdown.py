from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govlint.document import Paragraph, Table
from govlint.errors import InputError
from govlint.readers import markdown, read

REAL = Path("/work/shared/corpus/real")


def _md(src: str):
    return markdown.read_text("t.md", src)


def _texts(doc):
    return [b.text if isinstance(b, Paragraph) else f"<表{b.index}>" for b in doc.blocks]


def test_headings_and_paragraphs_positions():
    src = "# 一、总体情况\n\n第一段\n\n标题二\n===\n\n### 三级 ###\n"
    doc = _md(src)
    assert doc.format == "markdown"
    h1, p, h2, h3 = doc.blocks
    assert (h1.text, h1.heading_level, h1.source.line, h1.source.column) == ("一、总体情况", 1, 1, 3)
    assert (p.text, p.heading_level, p.source.line, p.source.column) == ("第一段", None, 3, 1)
    assert (h2.text, h2.heading_level, h2.source.line, h2.source.column) == ("标题二", 1, 5, 1)
    assert (h3.text, h3.heading_level, h3.source.line, h3.source.column) == ("三级", 3, 8, 5)


def test_multiline_paragraph_position_cjk():
    src = "前言\n\n（一）主动公开情况。\n  我区在政府网站平台主动公开政府信息1136条。\n\u3000\u3000第三行\n"
    doc = _md(src)
    p = doc.blocks[1]
    assert p.text == "（一）主动公开情况。\n我区在政府网站平台主动公开政府信息1136条。\n第三行"
    assert [(a.offset, a.line, a.column) for a in p.anchors] == [(0, 3, 1), (11, 4, 3), (35, 5, 3)]
    k = p.text.index("1136")
    assert p.position(k) == (4, 3 + p.text.split("\n")[1].index("1136"))
    assert p.position(p.text.index("平台")) == (4, 10)
    assert p.position(p.text.index("第三")) == (5, 3)
    assert p.position(p.text.index("。")) == (3, 10)


def test_front_matter_keeps_file_lines():
    src = "---\nissuer: 洪泽区人民政府\nreport_year: 2023\n---\n\n洪泽区人民政府\n\n2023年政府信息公开工作年度报告\n"
    doc = _md(src)
    assert doc.front_matter == {"issuer": "洪泽区人民政府", "report_year": 2023}
    assert [(b.text, b.source.line) for b in doc.blocks] == [
        ("洪泽区人民政府", 6),
        ("2023年政府信息公开工作年度报告", 8),
    ]
    assert doc.notices == []


def test_front_matter_invalid():
    doc = _md("---\na: [1\n---\n正文\n")
    assert doc.front_matter is None
    assert len(doc.notices) == 1 and "front matter" in doc.notices[0]
    assert [(b.text, b.source.line) for b in doc.blocks] == [("正文", 4)]
    doc = _md("---\n- a\n- b\n---\n正文\n")
    assert doc.front_matter is None and len(doc.notices) == 1


def test_lists_keep_ordered_markers():
    src = "1. 加强领导\n   继续说明\n2) 其次\n- 项目符号\n  1. 嵌套有序\n\n1.加强组织领导。不是列表\n\n（一）不是列表\n"
    doc = _md(src)
    assert _texts(doc) == [
        "1. 加强领导\n继续说明",
        "2) 其次",
        "项目符号",
        "1. 嵌套有序",
        "1.加强组织领导。不是列表",
        "（一）不是列表",
    ]
    pos = [(b.source.line, b.source.column) for b in doc.blocks]
    assert pos == [(1, 1), (3, 1), (4, 3), (5, 3), (7, 1), (9, 1)]
    first = doc.blocks[0]
    assert first.position(first.text.index("领")) == (1, 6)
    assert first.position(first.text.index("说")) == (2, 6)


def test_blockquote_code_and_html():
    src = "> 引用段落\n> 第二行\n\n```\n代码 | 不算\n```\n\n    缩进代码\n\n<div>\n残留\n</div>\n"
    doc = _md(src)
    assert _texts(doc) == ["引用段落\n第二行", "<div>\n残留\n</div>"]
    q = doc.blocks[0]
    assert q.position(q.text.index("第")) == (2, 3)


def test_html_comments():
    src = "一、总体情况\n\n<!-- 审核意见：\n数据待核 -->\n\n正文<!-- 行内 -->继续写\n\n<!-- 文末 -->\n"
    doc = _md(src)
    assert _texts(doc) == ["一、总体情况", "正文继续写"]
    c1, c2, c3 = doc.comments
    assert (c1.text, c1.source.line, c1.source.column, c1.first_block, c1.last_block) == (
        "审核意见：\n数据待核",
        3,
        1,
        1,
        1,
    )
    assert (c2.text, c2.source.line, c2.source.column, c2.first_block) == ("行内", 6, 3, 1)
    assert (c3.text, c3.first_block, c3.last_block) == ("文末", None, None)
    p = doc.blocks[1]
    assert p.position(p.text.index("继")) == (6, 14)
    assert p.position(1) == (6, 2)


def test_unclosed_comment_block():
    doc = _md("正文\n\n<!-- 没有结束\n其余\n")
    assert _texts(doc) == ["正文"]
    assert doc.comments[0].text == "没有结束\n其余"
    assert any("never closed" in n for n in doc.notices)


def test_gfm_table_cells():
    src = "表一 情况\n\n| 项目 | 数量 |\n|:-----|----:|\n| 规章 |  0 |\n|  | 5 |\n"
    doc = _md(src)
    p, t = doc.blocks
    assert (t.index, t.rows, t.cols, t.caption) == (1, 3, 2, "表一 情况")
    assert (t.source.line, t.source.column, t.source.table) == (3, 3, 1)
    cells = [(c.row, c.col, c.text, c.source.line, c.source.column) for c in t.cells]
    assert cells == [
        (1, 1, "项目", 3, 3),
        (1, 2, "数量", 3, 8),
        (2, 1, "规章", 5, 3),
        (2, 2, "0", 5, 9),
        (3, 1, "", 6, 2),
        (3, 2, "5", 6, 6),
    ]
    assert t.at(2, 2).source.location() == "表1 第2行 第2列 (line 5)"


# real/002.md lines 36-49 (one Markdown paragraph: no blank lines between the blocks of 表二).
TABLE2 = """\
二、主动公开政府信息情况

第二十条第（一）项
信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数
规章 | 0 | 0 | 0
行政规范性文件 | 0 | 5 | 5
第二十条第（五）项
信息内容 | 本年处理决定数量
行政许可 | 550
"""


def test_pipe_rows_split_paragraphs():
    doc = _md(TABLE2)
    assert _texts(doc) == [
        "二、主动公开政府信息情况",
        "第二十条第（一）项",
        "<表1>",
        "第二十条第（五）项",
        "<表2>",
    ]
    t1, t2 = doc.tables
    assert (t1.rows, t1.cols, t1.caption, t1.source.line) == (3, 4, "第二十条第（一）项", 4)
    assert (t2.rows, t2.cols, t2.caption, t2.source.line) == (2, 2, "第二十条第（五）项", 8)
    c = t1.at(3, 3)
    assert (c.text, c.source.line, c.source.column, c.source.row, c.source.col) == ("5", 6, 15, 3, 3)
    assert doc.blocks[3].source.line == 7


def test_pipe_rows_join_list_items():
    # real/005.md writes sub-items as '1. 属于国家秘密 | 0 | …', which Markdown reads as a list
    src = "(三) 不予公开\n类别 | 数据1 | 总计\n1. 属于国家秘密 | 0 | 0\n2. 其他法律行政法规禁止公开 | 1 | 1\n\n- | -\n"
    doc = _md(src)
    assert _texts(doc) == ["(三) 不予公开", "<表1>", "| -"]
    t = doc.tables[0]
    assert [c.text for c in t.cells if c.col == 1] == [
        "类别",
        "1. 属于国家秘密",
        "2. 其他法律行政法规禁止公开",
    ]
    c = t.at(3, 1)
    assert (c.source.line, c.source.column) == (4, 1)
    assert (t.at(3, 3).source.line, t.at(3, 3).source.column) == (4, 23)


def test_pipe_table_with_delimiter_list_item():
    doc = _md("申请人情况\n(数据项目) | 数量\n- | -\n")
    assert _texts(doc) == ["申请人情况", "<表1>"]
    assert (doc.tables[0].rows, doc.tables[0].cols) == (1, 2)


def test_empty_and_odd_inputs():
    assert _md("").blocks == []
    assert _md("\n\n   \n").blocks == []
    assert _md("---\n---\n").blocks == [] and _md("---\n---\n").notices == []


def test_deep_nesting_falls_back_to_lines():
    doc = _md("---\na: 1\n---\n" + "- " * 3000 + "深\n普通\n")
    assert doc.front_matter == {"a": 1}
    assert any("nested too deeply" in n for n in doc.notices)
    assert [(b.source.line, b.source.column) for b in doc.blocks] == [(4, 1), (5, 1)]
    doc = _md("".join("  " * i + "- 项\n" for i in range(600)))
    assert len(doc.paragraphs) == 600


def test_wide_gfm_table():
    n = 3000
    src = "|" + "|".join(f"h{i}" for i in range(n)) + "|\n|" + "-|" * n + "\n|" + "|".join("1" * n) + "|\n"
    doc = _md(src)
    (t,) = doc.tables
    assert (t.rows, t.cols) == (2, n)
    last = t.at(2, n)
    assert (last.text, last.source.line, last.source.column) == ("1", 3, 2 * n)


def test_never_raises_but_input_error(monkeypatch):
    def boom(*a, **k):
        raise ValueError("bug")

    monkeypatch.setattr(markdown._Builder, "walk", boom)
    with pytest.raises(InputError):
        _md("正文")


_ALPHABET = st.sampled_from(list("ab 中文|-*#>`<!-:1.)\n\t\u3000\\[]_=+"))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_fuzz_positions_point_into_the_source(src):
    doc = _md(src)
    lines = src.replace("\x00", "\ufffd").split("\n")
    for b in doc.blocks:
        if isinstance(b, Paragraph):
            for k, ch in enumerate(b.text):
                if ch == "\n":
                    continue
                line, col = b.position(k)
                assert lines[line - 1][col - 1] == ch, (src, b.text, k)
        else:
            assert isinstance(b, Table)
            for c in b.cells:
                if c.text:
                    row = lines[c.source.line - 1]
                    assert row[c.source.column - 1 :].startswith(c.text) or "\\" in row, (src, c)


# Table counts counted by hand in each file: the pipe-row runs between non-pipe lines.
REAL_TABLES = {
    "001.md": 6,  # 表二 as four small tables (第二十条第（一）（五）（六）（八）项), 表三, 表四
    "002.md": 6,
    "003.md": 6,
    "004.md": 6,
    "005.md": 19,  # 表二 ×4, 申请人情况 ×3, 表三 cut into 9 pieces, 表四 ×3
    "006.md": 8,  # garbled extraction: 表二 + 表三 in 6 runs + 表四
    "007.md": 10,  # garbled extraction
}


@pytest.mark.parametrize("name", sorted(REAL_TABLES))
def test_real_files(name):
    path = REAL / name
    if not path.exists():
        pytest.skip("corpus not present")
    doc = read(path)
    assert doc.format == "markdown" and doc.notices == []
    assert isinstance(doc.front_matter, dict) and "source_repo" in doc.front_matter
    assert len(doc.tables) == REAL_TABLES[name]
    lines = path.read_text(encoding="utf-8").split("\n")
    for p in doc.paragraphs:
        for k, ch in enumerate(p.text):
            if ch != "\n":
                line, col = p.position(k)
                assert lines[line - 1][col - 1] == ch
    for t in doc.tables:
        for c in t.cells:
            assert lines[c.source.line - 1][c.source.column - 1 :].startswith(c.text)


def test_real_002_table3():
    path = REAL / "002.md"
    if not path.exists():
        pytest.skip("corpus not present")
    doc = read(path)
    t = doc.tables[4]
    assert (t.rows, t.cols, t.caption) == (25, 10, "三、收到和处理政府信息公开申请情况")
    part3 = next(c for c in t.cells if c.text == "三、本年度办理结果")
    assert (part3.row, part3.row_span, part3.col_span, part3.source.line) == (5, 20, 1, 59)
    no = next(c for c in t.cells if c.text == "（三）不予公开")
    assert (no.row, no.col, no.row_span, no.col_span) == (7, 2, 8, 1)
    total = next(c for c in t.cells if c.text == "（七）总计")
    assert (total.row, total.col, total.col_span) == (24, 2, 2)
    assert [b.text for b in doc.blocks[:2]] == ["洪泽区人民政府", "2023年政府信息公开工作年度报告"]
    assert doc.blocks[0].source.line == 14


def test_large_input_is_linear():
    src = TABLE2 + "\n正文一段，\n第二行。\n\n<!-- 注 -->\n\n"
    doc = _md(src * 4000)  # ~1 MB
    assert len(doc.tables) == 8000 and doc.tables[-1].index == 8000
    assert len(doc.comments) == 4000 and doc.comments[-1].first_block is None
    assert doc.comments[0].first_block == 6
