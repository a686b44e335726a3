from pathlib import Path

import pytest

from govlint.document import Paragraph, Table
from govlint.errors import InputError
from govlint.readers import read, text

SEEDS = Path("/work/shared/corpus/seeds")
BAOHE = SEEDS / "baohe-2018-report.txt"

# The first flattened table of seeds/baohe-2018-report.txt (lines 46-57), one cell per line.
BAOHE_SNIPPET = """\
附表
附表一 主動公開政府信息情況統計
指標
單位
數量
全區全年信息公開網主動公開政府信息數
15654
其中:1. 區政府及其部門
9980
2.街鎮、大社區、經開區
5674
附表二 依申請公開政府信息情況
"""

# seeds/changyi-2012-report.txt lines 44-68: ' |'-terminated cells, '|' row separators, group labels.
CHANGYI_SNIPPET = """\
一、基本情况
指 标 |
累计数 |
2012年发生数 |
|
人员配置 |
1.从事信息公开工作人员数 |
- |
51 |
其中:⑴专职人员数 |
- |
3 |
|
⑵兼职人员数 |
- |
48 |
|
学习培训 |
2.举办培训次数 |
4 |
1 |
3.参加培训人次数 |
420 |
102 |
二、主动公开情况
"""


def _rows(table: Table) -> list[list[str]]:
    return [[c.text if c else "·" for c in row] for row in table.grid()]


def test_paragraph_per_line_with_columns():
    doc = text.read_text("a.txt", "  一  概  述\n\n\u3000\u3000本报告根据。  \n•  听全文\n\t末行")
    assert doc.format == "text" and doc.path == "a.txt"
    ps = doc.paragraphs
    assert [p.text for p in ps] == ["一  概  述", "本报告根据。", "•  听全文", "末行"]
    assert [(p.source.line, p.source.column) for p in ps] == [(1, 3), (3, 3), (4, 1), (5, 2)]
    assert ps[1].position(2) == (3, 5)  # 根, after two U+3000
    assert ps[1].position(999) == (3, 8)  # clamped to the last character
    assert all(p.heading_level is None for p in ps)


def test_empty_and_blank():
    assert text.read_text("e.txt", "").blocks == []
    assert text.read_text("e.txt", "\n \u3000\n\xa0\n").blocks == []


def test_crlf_and_nul_do_not_shift_lines():
    doc = text.read_text("c.txt", "a\r\nb\rc\x00d\n")
    assert [(p.text, p.source.line) for p in doc.paragraphs] == [("a", 1), ("b", 2), ("c\ufffdd", 3)]


def test_pipe_rows_become_a_table():
    src = "二、主动公开\n第二十条第（一）项\n信息内容 | 本年制发件数\n规章 | 0\n  规范性文件 | 5\n说明\n"
    doc = text.read_text("p.txt", src)
    kinds = [type(b).__name__ for b in doc.blocks]
    assert kinds == ["Paragraph", "Paragraph", "Table", "Paragraph"]
    t = doc.blocks[2]
    assert (t.index, t.rows, t.cols, t.caption) == (1, 3, 2, "第二十条第（一）项")
    assert (t.source.line, t.source.column) == (3, 1)
    c = t.at(3, 2)
    assert (c.text, c.source.line, c.source.column, c.source.table, c.source.row, c.source.col) == (
        "5",
        5,
        11,
        1,
        3,
        2,
    )
    assert t.at(3, 1).source.column == 3


def test_nankai_header_line_with_delimiter():
    doc = text.read_text("n.txt", "中文名 | 报告 | 發布單位 | 政府 |\n---|\n一、創新工作方法\n")
    t, p = doc.blocks
    assert isinstance(t, Table) and isinstance(p, Paragraph)
    assert _rows(t) == [["中文名", "报告", "發布單位", "政府"]]
    assert p.source.line == 3


def test_flattened_table_baohe_snippet():
    doc = text.read_text("b.txt", BAOHE_SNIPPET)
    kinds = [type(b).__name__ for b in doc.blocks]
    assert kinds == ["Paragraph", "Paragraph", "Table", "Paragraph"]
    t = doc.blocks[2]
    assert (t.index, t.rows, t.cols) == (1, 4, 3)
    assert t.caption == "附表一 主動公開政府信息情況統計"
    assert _rows(t) == [
        ["指標", "單位", "數量"],
        ["全區全年信息公開網主動公開政府信息數", "全區全年信息公開網主動公開政府信息數", "15654"],
        ["其中:1. 區政府及其部門", "其中:1. 區政府及其部門", "9980"],
        ["2.街鎮、大社區、經開區", "2.街鎮、大社區、經開區", "5674"],
    ]
    label = t.at(2, 1)
    assert (label.col_span, label.source.line, label.source.column) == (2, 6, 1)
    value = t.at(3, 3)
    assert (value.text, value.row, value.col, value.source.line, value.source.column) == ("9980", 3, 3, 9, 1)
    assert value.source.location() == "表1 第3行 第3列 (line 9)"
    assert (t.at(1, 2).text, t.at(1, 2).source.line) == ("單位", 4)
    assert doc.blocks[3].text == "附表二 依申請公開政府信息情況"


def test_flattened_table_changyi_snippet():
    doc = text.read_text("c.txt", CHANGYI_SNIPPET)
    kinds = [type(b).__name__ for b in doc.blocks]
    assert kinds == ["Paragraph", "Table", "Paragraph"]
    t = doc.blocks[1]
    assert _rows(t) == [
        ["指 标", "累计数", "2012年发生数"],
        ["人员配置", "人员配置", "人员配置"],
        ["1.从事信息公开工作人员数", "-", "51"],
        ["其中:⑴专职人员数", "-", "3"],
        ["⑵兼职人员数", "-", "48"],
        ["学习培训", "学习培训", "学习培训"],
        ["2.举办培训次数", "4", "1"],
        ["3.参加培训人次数", "420", "102"],
    ]
    c = t.at(5, 3)
    assert (c.source.line, c.source.column) == (16, 1)
    assert doc.blocks[2].source.line == 25


def test_unclear_patterns_stay_paragraphs():
    # a header without any complete record
    src = "指标\n单位\n数量\n全区\n附表二\n"
    assert text.read_text("u.txt", src).tables == []
    # a lone header word
    assert text.read_text("u.txt", "项目\n15654\n").tables == []
    # unit header not next to the label column
    assert text.read_text("u.txt", "指标\n数量\n单位\n全区\n5\n").tables == []


def test_baohe_seed_file():
    if not BAOHE.exists():
        pytest.skip("corpus not present")
    doc = read(BAOHE)
    assert doc.format == "text"
    assert [t.caption for t in doc.tables] == [
        "附表一 主動公開政府信息情況統計",
        "附表二 依申請公開政府信息情況",
        "附表三 投訴、複議、訴訟情況統計表",
    ]
    t1, t2, t3 = doc.tables
    assert [(r[0], r[2]) for r in _rows(t1)[1:]] == [
        ("全區全年信息公開網主動公開政府信息數", "15654"),
        ("其中:1. 區政府及其部門", "9980"),
        ("2.街鎮、大社區、經開區", "5674"),
    ]
    assert [(r[0], r[2]) for r in _rows(t2)[1:]] == [
        ("全區全年依申請公開受理", "85"),
        ("其中:1. 區政府及其部門", "54"),
        ("2.街鎮、大社區、經開區", "31"),
    ]
    assert [(r[0], r[2]) for r in _rows(t3)[1:]] == [
        ("全區接到投訴、複議、訴訟情況", "4"),
        ("其中:1.政府信息公開投訴數", "0"),
        ("2.行政複議數", "2"),
        ("3.行政訴訟數", "2"),
    ]
    assert (t1.source.line, t1.at(2, 3).source.line) == (48, 52)
    assert (t3.at(5, 3).text, t3.at(5, 3).source.line) == ("2", 78)


# Table counts counted by hand in each file (see the corpus README for the conventions).
SEED_TABLES = {
    "baohe-2018-report.txt": 3,  # 附表一/二/三, flattened one cell per line
    "changyi-2012-report.txt": 5,  # 附表 一…五, flattened with ' |' cells and group labels
    "nankai-2017-report.txt": 1,  # the scraped '中文名 | … |' header line (+ '---|')
    "panyu-2011-work-plan.txt": 0,
    "tianhe-2012-report.txt": 0,  # announces 附表 but has none
}


@pytest.mark.parametrize("name", sorted(SEED_TABLES))
def test_seed_files(name):
    path = SEEDS / name
    if not path.exists():
        pytest.skip("corpus not present")
    doc = read(path)
    assert len(doc.tables) == SEED_TABLES[name]
    assert [t.index for t in doc.tables] == list(range(1, SEED_TABLES[name] + 1))
    lines = path.read_text(encoding="utf-8").split("\n")
    for p in doc.paragraphs:
        line, col = p.position(0)
        assert lines[line - 1][col - 1 :].startswith(p.text)
    for t in doc.tables:
        for c in t.cells:
            assert lines[c.source.line - 1][c.source.column - 1 :].startswith(c.text)


def test_changyi_seed_file_rows():
    path = SEEDS / "changyi-2012-report.txt"
    if not path.exists():
        pytest.skip("corpus not present")
    doc = read(path)
    assert [t.rows for t in doc.tables] == [8, 32, 16, 9, 5]
    t3 = doc.tables[2]
    row = next(r for r in _rows(t3) if r[0] == "21.对申请的答复数")
    assert row == ["21.对申请的答复数", "1838", "96"]


def test_never_raises_but_input_error(monkeypatch):
    from govlint.readers import flattable

    def boom(*a, **k):
        raise ValueError("bug")

    monkeypatch.setattr(flattable, "match", boom)
    with pytest.raises(InputError):
        text.read_text("x.txt", "指标\n单位\n")


def test_large_input_is_fast_enough():
    chunk = BAOHE_SNIPPET + "信息内容 | 数量\n规章 | 1\n\n普通段落，没有表格。\n"
    src = chunk * 4000  # ~1 MB
    doc = text.read_text("big.txt", src)
    assert len(doc.tables) == 8000
    assert doc.tables[-1].index == 8000


def test_binary_detection_counts_control_characters():
    from govlint.readers.textdecode import _looks_binary

    assert not _looks_binary("正文\t第一段\n第二段\r\n\f" * 100)
    assert not _looks_binary("a" * 100 + "\x01" * 5)  # 5 %: not more than 5 %
    assert _looks_binary("a" * 100 + "\x01" * 6)
    assert _looks_binary("a" * 10 + "\ufffd")  # what a failed decode leaves
    assert _looks_binary("\x00" * 4 + "abcdefg") and not _looks_binary("\x00" * 3 + "abcdefg")
    assert not _looks_binary("")
