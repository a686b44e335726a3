"""Flattened tables in plain text: one cell per line, as web pages copy out → `Table`.

Copying an HTML table from a government page into plain text often gives one cell per line. The
seeds show two layouts (`/work/shared/corpus/seeds`):

- baohe-2018: a header of three lines '指標' '單位' '數量', then label line, value line, label
  line, value line … (the 單位 column is empty on the page, so no unit lines appear);
- changyi-2012: every line ends in ' |', '|'-only lines separate rows; header '指 标 |'
  '累计数 |' '2012年发生数 |', then label line + two value lines per row, and group labels
  ('人员配置 |', '学习培训 |') standing on their own line before the first row of their group.

(tianhe-2012 announces its 附表 but carries none.)

Heuristics - precision over recall; where the pattern is not clear the lines stay paragraphs:

1. Header: 2-4 consecutive lines whose text (trailing '|' and all whitespace removed) is a layout
   word: the first one of LABEL_HEADERS, the others of VALUE_HEADERS or a year column such as
   '2012年发生数'. A unit column (单位) is allowed only right after the label column.
2. The number of value columns V = header columns - 1 - (1 if a unit column). '|'-only lines
   between rows are skipped.
3. A record is a label line (not a value) followed by an optional unit line (a UNIT_WORDS entry,
   only if the header has a unit column) and exactly V value lines (`pipetable.is_value`: a
   number, possibly with a unit or '%', or a placeholder '-' '—' '/').
4. A label line directly followed by a record is a group label: a row of its own.
5. The table ends at the first line that fits none of these (a blank line included); it needs at
   least one record.

Column mapping: row 1 is the header, one cell per header line. A record row is
[label, unit (if present), value 1 … value V], right-aligned under the header; a row shorter than
the header has its label cell span the missing columns, as in the pipe-row convention
(`pipetable.grid_table`): baohe's [label, value] rows under 指標|單位|數量 give the label
col_span 2 and put the value under 數量. A group-label row is one cell spanning the whole width.
Every cell keeps the line and column of its own source line.
"""

from __future__ import annotations

from govlint import recache
from govlint.readers.pipetable import CellSpec, SrcLine, is_value

# Layout words of flattened table headers (whitespace removed before comparing). These describe
# how statistics tables are laid out, not what a report must contain.
LABEL_HEADERS = ("指标", "指標", "项目", "項目", "名称", "名稱", "类别", "類別")
VALUE_HEADERS = (
    "单位", "單位", "数量", "數量", "数值", "數值", "数据", "數據", "本年度", "本年", "上年", "上年度",
    "累计", "累計", "累计数", "累計數", "发生数", "發生數", "本年发生数", "本年發生數", "合计", "合計",
    "总计", "總計",
)  # fmt: skip
UNIT_HEADERS = ("单位", "單位")
# A year column: '2012年发生数', '2018年度', '2012年数量'.
_YEAR_HEADER = recache.compile(r"^\d{4}年度?(?:发生数|發生數|数量|數量|数|數)?$")
# Unit cells that may stand on their own line between a label and its value.
UNIT_WORDS = (
    "条", "條", "件", "个", "個", "人", "人次", "次", "项", "項", "篇", "期", "场", "場", "万元", "萬元",
    "元", "%", "％", "户", "戶", "家", "份", "天", "个/次",
)  # fmt: skip

_WS = recache.compile(r"\s+")


def cell_text(src: SrcLine) -> str:
    """A flattened cell's text: the line without a lone trailing '|' (changyi's layout)."""
    t = src.text
    if t.endswith("|") and t.count("|") == 1:
        t = t[:-1].rstrip()
    return t


def _word(src: SrcLine | None) -> str | None:
    return None if src is None else _WS.sub("", cell_text(src))


def _is_value_header(w: str) -> bool:
    return w in VALUE_HEADERS or _YEAR_HEADER.match(w) is not None


def could_start(src: SrcLine | None) -> bool:
    """Cheap test: may a flattened table's header start at this line?"""
    return src is not None and len(src.text) <= 12 and _word(src) in LABEL_HEADERS


def _spec(src: SrcLine) -> CellSpec:
    return (cell_text(src), src.line, src.column)


def match(lines: list[SrcLine | None], i: int) -> tuple[list[list[CellSpec]], int] | None:
    """A flattened table whose header starts at lines[i] (None = blank line): its rows of cells and
    the index just past it, or None if the lines do not clearly form one."""
    n = len(lines)
    if not could_start(lines[i]):
        return None
    header = [lines[i]]
    j = i + 1
    while j < n and len(header) < 4:
        w = _word(lines[j])
        if w is None or not _is_value_header(w):
            break
        header.append(lines[j])  # type: ignore[arg-type]  # _word: not None
        j += 1
    if len(header) < 2:
        return None
    words = [_word(h) for h in header]
    units = [k for k, w in enumerate(words) if w in UNIT_HEADERS]
    if units and units != [1]:
        return None
    has_unit = bool(units)
    nvalues = len(header) - 1 - (1 if has_unit else 0)
    if nvalues < 1:
        return None

    def text_at(k: int) -> str | None:
        src = lines[k] if k < n else None
        return None if src is None else cell_text(src)

    def is_sep(k: int) -> bool:
        return text_at(k) == ""

    def is_label(k: int) -> bool:
        t = text_at(k)
        return bool(t) and not is_value(t)

    def record(k: int) -> list[SrcLine] | None:
        """Label at k followed by (unit) and the values: the record's lines, or None."""
        if not is_label(k):
            return None
        out = [k]
        k += 1
        if has_unit and text_at(k) in UNIT_WORDS:
            out.append(k)
            k += 1
        for _ in range(nvalues):
            t = text_at(k)
            if t is None or not is_value(t):
                return None
            out.append(k)
            k += 1
        return [s for s in (lines[x] for x in out) if s is not None]

    rows: list[list[CellSpec]] = [[_spec(h) for h in header]]
    records = 0
    while True:
        k = j
        while is_sep(k):
            k += 1
        rec = record(k)
        if rec is not None:
            rows.append([_spec(s) for s in rec])
            records += 1
            j = k + len(rec)
            continue
        if is_label(k) and record(k + 1) is not None:
            rows.append([_spec(lines[k])])  # type: ignore[arg-type]  # is_label: not None
            j = k + 1
            continue
        break
    if records < 1:
        return None
    return rows, j
