from govlint.readers import text
from govlint.readers.pipetable import (
    SrcLine,
    grid_table,
    is_delimiter_row,
    is_pipe_row,
    is_value,
    make_line,
    pipe_runs,
    split_row,
    table_from_lines,
)

# A few rows of real/002.md 表三 (the 2021 template), as transcribed: cells joined by ' | ', the
# label 三、本年度办理结果 written on every row, rows without a sub-item one cell short.
TABLE3 = """\
（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况
 | 自然人 | 法人或其他组织：商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计
一、本年新收政府信息公开申请数量 | 21 | 0 | 0 | 0 | 0 | 0 | 21
三、本年度办理结果 | （一）予以公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0
三、本年度办理结果 | （二）部分公开（区分处理的，只计这一情形，不计其他情形） | 4 | 0 | 0 | 0 | 0 | 0 | 4
三、本年度办理结果 | （三）不予公开 | 1.属于国家秘密 | 1 | 0 | 0 | 0 | 0 | 0 | 1
三、本年度办理结果 | （三）不予公开 | 2.其他法律行政止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0
三、本年度办理结果 | （三）不予公开 | 3.危及“三安全一稳定” | 0 | 0 | 0 | 0 | 0 | 0 | 0
三、本年度办理结果 | （四）无法提供 | 1.本机关不掌握相关政府信息 | 10 | 0 | 0 | 0 | 0 | 0 | 10
三、本年度办理结果 | （六）其他处理 | 0 | 0 | 0 | 0 | 0 | 0 | 0
三、本年度办理结果 | （七）总计 | 21 | 0 | 0 | 0 | 0 | 0 | 21
四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0
"""


def _lines(src: str) -> list[SrcLine]:
    out = [make_line(n + 1, raw) for n, raw in enumerate(src.split("\n"))]
    return [s for s in out if s is not None]


def _cell(table, text):
    found = [c for c in table.cells if c.text == text]
    assert len(found) == 1, (text, found)
    return found[0]


def test_pipe_row_detection():
    assert is_pipe_row("规章 | 0 | 0 | 0")
    assert is_pipe_row("| a | b |")
    assert is_pipe_row("|a|b|")
    assert is_pipe_row("a|b|")
    assert not is_pipe_row("a|b")  # no ' | ' and no border pipe
    assert not is_pipe_row("指 标 |")  # changyi's one-cell lines
    assert not is_pipe_row("|")
    assert not is_pipe_row("全角｜不是分隔符｜")
    assert is_delimiter_row("---|")
    assert is_delimiter_row("|:--|--:|")
    assert is_delimiter_row("- | -")
    assert not is_delimiter_row("---")
    assert not is_delimiter_row("a | -")


def test_values():
    for v in ("0", "21", "7730.28", "1,234", "0.4%", "12件", "-", "—", "/", "96171.6"):
        assert is_value(v), v
    for t in ("", "1.属于国家秘密", "（一）予以公开", "总计", "2012年发生数", "1."):
        assert not is_value(t), t


def test_split_row_borders_and_empty_cells():
    # ' | '.join(['', '自然人', '总计']): the leading pipe stands after whitespace -> empty first cell
    assert [c[0] for c in split_row(make_line(1, " | 自然人 | 总计"))] == ["", "自然人", "总计"]
    assert split_row(make_line(1, " | 自然人 | 总计"))[0][2] == 1
    # GFM-style borders
    assert [c[0] for c in split_row(make_line(1, "| a | b |"))] == ["a", "b"]
    assert [c[0] for c in split_row(make_line(1, "  | a | b |"))] == ["a", "b"]
    # nankai's trailing border
    assert [c[0] for c in split_row(make_line(1, "中文名 | 报告 | 發布單位 | 政府 |"))] == [
        "中文名",
        "报告",
        "發布單位",
        "政府",
    ]
    # an empty last cell: whitespace after the last pipe
    assert [c[0] for c in split_row(make_line(1, "业 | 构 |  | "))] == ["业", "构", "", ""]
    # escaped pipe is no separator
    assert [c[0] for c in split_row(make_line(1, r"a \| b | c"))] == [r"a \| b", "c"]


def test_split_row_columns():
    cells = split_row(make_line(7, "  三、本年度办理结果 | （一）予以公开 |  | 0"))
    assert cells == [
        ("三、本年度办理结果", 7, 3),
        ("（一）予以公开", 7, 15),
        ("", 7, 24),
        ("0", 7, 28),
    ]


def test_table3_spans_and_merges():
    t = table_from_lines(3, _lines(TABLE3))
    assert (t.index, t.rows, t.cols) == (3, 12, 10)
    assert t.source.line == 1 and t.source.column == 1 and t.source.table == 3

    head = _cell(t, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）")
    assert (head.row, head.col, head.row_span, head.col_span) == (1, 1, 1, 9)
    assert _cell(t, "申请人情况").col == 10
    blank = next(c for c in t.cells if c.row == 2 and c.col == 1)
    assert (blank.text, blank.col_span, blank.source.column) == ("", 3, 1)
    assert (_cell(t, "自然人").col, _cell(t, "自然人").source.column) == (4, 4)

    # 三、本年度办理结果 written on eight rows is one cell spanning them, one column wide
    part3 = _cell(t, "三、本年度办理结果")
    assert (part3.row, part3.col, part3.row_span, part3.col_span) == (4, 1, 8, 1)
    assert part3.source == part3.source.__class__(line=4, column=1, table=3, row=4, col=1)
    # a row one cell short: its last label (not 三、) covers the missing column
    yes = _cell(t, "（一）予以公开")
    assert (yes.row, yes.col, yes.row_span, yes.col_span) == (4, 2, 1, 2)
    assert (yes.source.line, yes.source.column) == (4, 13)
    # （三）不予公开 written on three rows
    no = _cell(t, "（三）不予公开")
    assert (no.row, no.col, no.row_span, no.col_span) == (6, 2, 3, 1)
    assert _cell(t, "（四）无法提供").row_span == 1
    assert _cell(t, "1.属于国家秘密").col == 3
    other = _cell(t, "（六）其他处理")
    assert (other.row, other.col, other.col_span) == (10, 2, 2)
    carry = _cell(t, "四、结转下年度继续办理")
    assert (carry.row, carry.col, carry.row_span, carry.col_span) == (12, 1, 1, 3)

    # figures are never merged, though equal to the cell above
    zeros = [c for c in t.cells if c.col == 5 and c.text == "0"]
    assert all(c.row_span == 1 for c in zeros) and len(zeros) >= 8
    # the grid resolves every slot
    g = t.grid()
    assert g[4][0] is part3 and g[10][0] is part3 and g[10][1].text == "（七）总计"
    assert all(slot is not None for row in g for slot in row)
    assert g[0][8] is head and g[1][2] is blank


def test_merge_needs_same_parent_and_span():
    rows = [
        [("A", 1, 1), ("x", 1, 5), ("1", 1, 9)],
        [("B", 2, 1), ("x", 2, 5), ("2", 2, 9)],  # x under another parent: not merged
        [("B", 3, 1), ("x", 3, 5), ("3", 3, 9)],  # same parent: merged
        [("", 4, 1), ("", 4, 3), ("4", 4, 9)],  # empty cells never merge
        [("", 5, 1), ("", 5, 3), ("4", 5, 9)],
    ]
    t = grid_table(1, rows)
    xs = [c for c in t.cells if c.text == "x"]
    assert [(c.row, c.row_span) for c in xs] == [(1, 1), (2, 2)]
    assert _cell(t, "B").row_span == 2
    assert len([c for c in t.cells if c.text == ""]) == 4


def test_pipe_runs_and_delimiter():
    lines = _lines("说明\n中文名 | 报告 |\n---|\n下文\n---|\n| a | b |")
    runs = pipe_runs(lines)
    assert [(kind, [s.line for s in ls]) for kind, ls in runs] == [
        (False, [1]),
        (True, [2, 3]),
        (False, [4, 5]),
        (True, [6]),
    ]
    t = table_from_lines(1, runs[1][1])
    assert (t.rows, t.cols) == (1, 2)
    assert table_from_lines(1, _lines("|---|---|")) is None


def test_text_reader_uses_the_same_rules():
    doc = text.read_text("t.txt", "表三\n" + TABLE3)
    (t,) = doc.tables
    assert t.caption == "表三"
    assert _cell(t, "三、本年度办理结果").row_span == 8
    assert _cell(t, "三、本年度办理结果").source.line == 5


def test_wide_row_is_linear():
    row = " | ".join(str(i) for i in range(5000))
    t = table_from_lines(1, _lines("h | " + row + "\n" + row))
    assert t.cols == 5001
    last = t.at(2, 5001)
    assert (last.text, last.source.line, last.source.column) == ("4999", 2, len(row) - 3)
