"""Statistical tables as rule packs address them: data cells by row label and column header.

A `View` is one logical table: a `Table` of the document, a slice of one (a header row in the
middle of a table starts a new slice, as in a GFM rendering of 表二 with its four blocks), or
several Tables in a row when a page break or transcription damage cut a table in two (a part with
no header row continues the view before it when their data columns line up).

For each data row a view knows the row's label path, the label cells left of the figures:
("三、本年度办理结果", "（三）不予公开", "1.属于国家秘密"); for each data column its header path:
("申请人情况", "法人或其他组织", "商业企业"). Merged cells are resolved through `Table.grid()`;
flattened two-level headers written 'parent：child' are split, the parent carrying on to the
cells after it in the row until another parent is named; a header cell that the pipe-row
convention stretched over other groups' columns ('行政复议 | 行政诉讼' above fifteen columns) is
cut back where a lower row names another parent; a table's caption (the short line before it)
becomes the outermost header when the table has at most one header row of its own (a 表四 split
into three small tables under 行政复议 / 行政诉讼（未经复议直接起诉）/ …).

Which standard table a view is, is not known here: a *catalogue* in the rule's parameters names
each table with label fingerprints (row labels and column labels), and a view is recognised as
the entry whose labels it shows most, if at least `min` of them. Consecutive recognised views of
the same entry in the same part of the report form one `Instance` (表二's four small tables).

Labels are compared after normalisation (folded, spaces and punctuation removed, brackets unified,
`govlint.text.normalize.key`), without their numbering (一、 （一） 1. ⑴) and without notes in
brackets (（区分处理的，只计这一情形…） （单位：万元）). An address matches a label exactly (best),
by containment when one side has at least four characters (规范性文件 / 行政规范性文件), or by
similarity (a typo such as 其他法律行政止公开). Numbering, where both sides have one, must agree.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache, lru_cache

from govlint import recache
from govlint.document import Paragraph, Table
from govlint.record import Record
from govlint.text.normalize import fold, key
from govlint.text.numbers import CellValue, parse_cell

TYPE_CHECKING = False  # typing-only imports: not paid at run time
if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence
    from decimal import Decimal
    from typing import Any

    from govlint.document import Cell, Section

# --- labels --------------------------------------------------------------------------------------

_CN_DIGITS = frozenset("一二三四五六七八九十")
_ENUM_PUNCT = "、.．"
_ROMAN = "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ"


@cache
def _note_rx() -> re.Pattern[str]:
    return recache.compile(r"[（(][^（）()]{3,}(?:[）)]|$)")


_CN = {c: i for i, c in enumerate("〇一二三四五六七八九", 0)}


def _cn_int(s: str) -> int:
    if s == "十":
        return 10
    if s.startswith("十"):
        return 10 + _CN.get(s[1:], 0)
    if "十" in s:
        a, _, b = s.partition("十")
        return _CN.get(a, 0) * 10 + (_CN.get(b, 0) if b else 0)
    return _CN.get(s, 0)


def _spaces(s: str, i: int) -> int:
    """The index after the whitespace at s[i:] (what `\\s*` takes)."""
    n = len(s)
    while i < n and s[i].isspace():
        i += 1
    return i


def _run(s: str, i: int, ok, most: int) -> int | None:
    """The end of the run of 1..`most` characters at s[i:] that satisfy `ok`, or None when more
    follow: what may stand after a numeral is never a numeral, so `x{1,most}` would fail then."""
    j = i
    while j < len(s) and j - i <= most and ok(s[j]):
        j += 1
    return j if i < j <= i + most else None


def _numbering(f: str) -> tuple[str, int] | None:
    """The numbering at the start of folded text: its token (一、→cn1 （一）→pcn1 1.→ar1 （1）/⑴→par1
    ①→circ1 Ⅰ→rom1) and where the words after it start. Written out by hand: as one regular
    expression it cost 1.5–2.5 ms to compile (CJK character sets), paid by every run that reads
    a table. tests/facts/test_tables.py holds that expression and checks both agree."""
    n = len(f)
    i = _spaces(f, 0)
    if i == n:
        return None
    ch = f[i]
    if ch in _CN_DIGITS:  # 一、 (the comma is required)
        j = _run(f, i, _CN_DIGITS.__contains__, 3)
        k = _spaces(f, j) if j is not None else n
        if k < n and f[k] in _ENUM_PUNCT:
            return f"cn{_cn_int(f[i:j])}", _spaces(f, k + 1)
        return None
    if ch in "（(":  # （一） （1）, a comma after them optional
        k = _spaces(f, i + 1)
        if k < n and f[k] in _CN_DIGITS:
            j = _run(f, k, _CN_DIGITS.__contains__, 3)
            token = f"pcn{_cn_int(f[k:j])}" if j is not None else ""
        elif k < n and f[k].isdecimal():
            j = _run(f, k, str.isdecimal, 2)
            token = f"par{int(f[k:j])}" if j is not None else ""
        else:
            return None
        close = _spaces(f, j) if j is not None else n
        if close < n and f[close] in "）)":
            return token, _optional_punct(f, close + 1)
        return None
    if ch.isdecimal():  # 1. 1、 (not 1.5)
        j = _run(f, i, str.isdecimal, 2)
        k = _spaces(f, j) if j is not None else n
        if k < n and (f[k] in "、．" or (f[k] == "." and not (k + 1 < n and f[k + 1].isdecimal()))):
            return f"ar{int(f[i:j])}", _spaces(f, k + 1)
        return None
    if "⑴" <= ch <= "⒇":
        return f"par{ord(ch) - 0x2474 + 1}", _optional_punct(f, i + 1)
    if "①" <= ch <= "⑳":
        return f"circ{ord(ch) - 0x2460 + 1}", _optional_punct(f, i + 1)
    if ch in _ROMAN:
        return f"rom{_ROMAN.index(ch) + 1}", _optional_punct(f, i + 1)
    return None


def _optional_punct(f: str, i: int) -> int:
    i = _spaces(f, i)
    if i < len(f) and f[i] in _ENUM_PUNCT:
        i = _spaces(f, i + 1)
    return i


class Label(Record):
    """A label as matching sees it: numbering token, key without numbering, and without notes."""

    __slots__ = ("text", "num", "full", "core")

    def __init__(self, text: str, num: str | None, full: str, core: str):
        self.text = text
        self.num = num
        self.full = full
        self.core = core

    def __str__(self) -> str:
        return self.text


@lru_cache(maxsize=1 << 14)
def label(text: str) -> Label:
    """The Label of a text. Cached: packs and tables repeat the same labels many times (every
    table rule parses the same catalogue; a row path repeats its group label); a Label is a
    value and is never changed."""
    f = fold(text).strip()
    got = _numbering(f)
    num = got[0] if got and got[1] < len(f) else None
    rest = f[got[1]:] if got and num else f
    full = key(rest)
    core = key(_note_rx().sub("", rest)) or full
    return Label(text.strip(), num, full, core)


Addr = tuple[Label, ...]


def addr(spec: str | Sequence[str]) -> Addr:
    """An address: one label or a path of labels (outermost first). The same spec gives the same
    tuple, so the views' lookup memo (keyed by address) serves every rule that names it."""
    return _addr(spec if isinstance(spec, str) else tuple(spec))


@lru_cache(maxsize=1 << 12)
def _addr(spec: str | tuple[str, ...]) -> Addr:
    if isinstance(spec, str):
        return (label(spec),)
    return tuple(label(s) for s in spec)


def quality(a: Label, b: Label, fuzzy: bool = True) -> int:
    """How well address label `a` matches table label `b`: 3 exact, 2 containment, 1 similar."""
    if a.num and b.num and a.num != b.num:
        return 0
    x, y = a.core, b.core
    if not x or not y:
        return 0
    if x == y or a.full == b.full:
        return 3
    if len(x) >= 4 and x in b.full:
        return 2
    if len(y) >= 4 and y in a.full:
        return 2
    if fuzzy and len(x) >= 5 and len(y) >= 4 and _similar(x, y):
        return 1
    return 0


@lru_cache(maxsize=1 << 16)
def _similar(x: str, y: str) -> bool:
    """A typo away (ratio ≥ 0.8); the one costly comparison, so cached by the two keys."""
    # The ratio is 2·M/n with M the characters of matching blocks, and M is at most the characters
    # the two have in common (difflib's quick_ratio): most pairs of different labels fail that
    # bound, which costs a few `count`s instead of a SequenceMatcher.
    n = len(x) + len(y)
    if 2.0 * min(len(x), len(y)) / n < 0.8:
        return False
    common = sum(min(x.count(ch), y.count(ch)) for ch in set(x).intersection(y))
    if 2.0 * common / n < 0.8:
        return False
    import difflib  # only for near-identical labels: most runs never get here

    return difflib.SequenceMatcher(None, x, y).ratio() >= 0.8


def match_path(address: Addr, path: Sequence[Label]) -> int | None:
    """Score of `address` against a label path, or None. The last address label matches the
    path's last label; earlier ones match earlier labels, in order. Extra path labels cost 1."""
    if not address or not path:
        return None
    q = quality(address[-1], path[-1])
    if not q:
        return None
    score = q * 10
    i = len(path) - 2
    for a in reversed(address[:-1]):
        while i >= 0 and not quality(a, path[i]):
            i -= 1
        if i < 0:
            return None
        score += quality(a, path[i]) * 10
        i -= 1
    return score - (len(path) - len(address))


def under_path(address: Addr, path: Sequence[Label]) -> int | None:
    """Score of a path lying strictly under `address` (address matches a proper prefix)."""
    best = None
    for k in range(len(path) - 1):
        s = match_path(address, path[: k + 1])
        if s is not None and (best is None or s > best):
            best = s
    return best


# --- views ---------------------------------------------------------------------------------------


class Column(Record):
    __slots__ = ("index", "path")
    __eq__ = object.__eq__  # identity: a column of one view
    __hash__ = object.__hash__

    def __init__(self, index: int, path: tuple[Label, ...]):
        self.index = index  # 0-based among the view's data columns
        self.path = path

    @property
    def title(self) -> str:
        return "".join(f"「{lab.text}」" for lab in self.path[-2:]) or f"第{self.index + 1}个数据列"


class Row(Record):
    __slots__ = ("table", "grid_row", "path", "cells", "label_cells", "damaged")
    __eq__ = object.__eq__  # identity: a row of one view
    __hash__ = object.__hash__

    def __init__(self, table: Table, grid_row: int, path: tuple[Label, ...], cells: list[Cell | None],
                 label_cells: list[Cell], damaged: bool = False):
        self.table = table
        self.grid_row = grid_row  # 1-based row in its table
        self.path = path
        self.cells = cells  # aligned to the view's columns
        self.label_cells = label_cells
        self.damaged = damaged  # text where a figure belongs, or a figure among the labels

    @property
    def title(self) -> str:
        return f"「{self.path[-1].text}」" if self.path else f"第{self.grid_row}行"


class View(Record):
    """Rows and columns are looked up by address many times (every cell reference of every rule),
    so each lookup is memoised per view: the rows and columns must not change once the view is
    built. The lists returned are shared: read them, do not change them."""

    __slots__ = ("tables", "section", "columns", "rows", "header_cells", "headerless", "__memo")
    __eq__ = object.__eq__  # identity: one logical table of one document
    __hash__ = object.__hash__

    def __init__(self, tables: list[Table], section: Section | None, columns: list[Column], rows: list[Row],
                 header_cells: list[Cell] | None = None, headerless: bool = False):
        self.tables = tables
        self.section = section
        self.columns = columns
        self.rows = rows
        self.header_cells = [] if header_cells is None else header_cells
        self.headerless = headerless
        self.__memo: dict[tuple[str, int], tuple[Addr, object]] = {}

    @property
    def table(self) -> Table:
        return self.tables[0]

    @property
    def clean(self) -> bool:
        """Every data row labelled (unless there is one) and whole, every column named."""
        if self.headerless or not self.rows or not self.columns:
            return False
        if any(not c.path for c in self.columns):
            return False
        if len(self.rows) > 1 and any(not r.path for r in self.rows):
            return False
        return not any(r.damaged for r in self.rows)

    def match_rows(self, address: Addr) -> tuple[int, list[Row]]:
        return self._memo("rows", address, lambda: _best_matches(address, self.rows))

    def rows_under(self, address: Addr) -> list[Row]:
        return self._memo("under", address,
                          lambda: [r for r in self.rows if under_path(address, r.path) is not None])

    def match_columns(self, address: Addr) -> tuple[int, list[Column]]:
        return self._memo("cols", address, lambda: _best_matches(address, self.columns))

    def _memo(self, what: str, address: Addr, compute):
        # Keyed by the address object: addresses come from prepared rules or from this view's
        # own paths, and the entry keeps its address alive, so an id is never reused for another.
        k = (what, id(address))
        hit = self.__memo.get(k)
        if hit is None or hit[0] is not address:
            hit = self.__memo[k] = (address, compute())
        return hit[1]

    def labels(self) -> tuple[list[Label], list[Label]]:
        rows = [lab for r in self.rows for lab in r.path]
        cols = [lab for c in self.columns for lab in c.path]
        return rows, cols


def cell_value(cell: Cell | None) -> CellValue:
    if cell is None:
        return CellValue("blank", None, None, "")
    return _parse(cell.text)


@lru_cache(maxsize=1 << 14)
def _parse(text: str) -> CellValue:
    return parse_cell(text)


_VALUEISH = frozenset(("number", "blank", "zero-marker"))
_NUMERIC = frozenset(("number", "zero-marker"))


# Called for every grid place several times while views are built: _parse directly, not through
# cell_value (whose None case is handled here).
def _valueish(cell: Cell | None) -> bool:
    return cell is None or _parse(cell.text).kind in _VALUEISH


def _numeric(cell: Cell | None) -> bool:
    return cell is not None and _parse(cell.text).kind in _NUMERIC


def _distinct(cells: Iterable[Cell | None]) -> list[Cell]:
    """The cells in order, each once (a merged cell fills several grid places)."""
    out: list[Cell] = []
    seen: set[int] = set()
    for c in cells:
        if c is not None and id(c) not in seen:
            seen.add(id(c))
            out.append(c)
    return out


@cache
def _flat_rx() -> re.Pattern[str]:
    return recache.compile(r"^(?P<p>[^：:]{1,16})[：:](?P<c>.+)$")


def _split_flat(text: str) -> tuple[str | None, str]:
    if "：" not in text and ":" not in text:
        return None, text.strip()  # most cells: no 'parent：child' to split
    m = _flat_rx().match(text.strip())
    if m and not any(ch in "，。；,;" for ch in m["p"]) and _balanced(m["p"]):
        return m["p"].strip(), m["c"].strip()
    return None, text.strip()


def _balanced(s: str) -> bool:
    return s.count("（") + s.count("(") == s.count("）") + s.count(")")


_DASHES = "-—－–"


def _page_number(line: str) -> bool:
    """A page number on a line of its own: '— 5 —', '-12-', '第3页' (1–4 digits, dashes and spaces
    around). Written out by hand: the regular expression's dash set (three blocks of Unicode) cost
    0.4–0.7 ms to compile; tests/facts/test_tables.py checks both agree."""
    i, j = 0, len(line)
    while i < j and (line[i] in _DASHES or line[i].isspace()):
        i += 1
    while j > i and (line[j - 1] in _DASHES or line[j - 1].isspace()):
        j -= 1
    if line.startswith("第", i):
        i += 1
        while i < j and line[i].isspace():
            i += 1
    d = i
    while d < j and line[d].isdecimal():
        d += 1
    if not 1 <= d - i <= 4:
        return False
    while d < j and line[d].isspace():
        d += 1
    return d == j or (d == j - 1 and line[d] == "页")


def _caption_line(t: Table) -> str | None:
    if not t.caption:
        return None
    lines = [x.strip() for x in t.caption.splitlines() if x.strip() and not _page_number(x.strip())]
    line = lines[-1] if lines else ""
    if not line or len(line) > 30 or any(ch in "。；;" for ch in line):
        return None
    return line


class _Segment:
    __slots__ = ("header", "data")

    def __init__(self, header: list[int], data: list[int]):
        self.header = header  # 0-based grid rows
        self.data = data


def _segments(t: Table, grid: list[list[Cell | None]]) -> list[_Segment]:
    """Cut a table into header + data slices: a header-like row after data rows starts a slice."""
    segs: list[_Segment] = [_Segment([], [])]
    pending: list[int] = []  # label-only rows waiting to see what follows
    for r in range(t.rows):
        row = grid[r]
        seg = segs[-1]
        numeric = any(_numeric(c) for c in row)
        texts = [c for c in _distinct(row) if not _valueish(c)]
        if not numeric and not texts:
            continue  # an empty row
        if numeric:
            seg.data.extend(pending)
            pending = []
            seg.data.append(r)
            continue
        if not seg.data:
            seg.header.extend(pending)
            pending = []
            seg.header.append(r)
            continue
        start = _data_start(t, grid, seg.data)
        header_like = any(c.col >= start for c in texts) and len(texts) >= 2
        if header_like:
            segs.append(_Segment(pending + [r], []))
            pending = []
        else:
            pending.append(r)
    if pending:
        segs[-1].data.extend(pending) if segs[-1].data else segs[-1].header.extend(pending)
    return [s for s in segs if s.data or s.header]


def _data_start(t: Table, grid: list[list[Cell | None]], rows: list[int]) -> int:
    """1-based first data column: right of the labels of most data rows."""
    ends: list[int] = []
    for r in rows:
        if not any(_numeric(c) for c in grid[r]):
            continue  # a label-only row (a group label spanning the width) says nothing
        last = 0
        for c in _distinct(grid[r]):
            if not _valueish(c) and c.text.strip():
                last = max(last, c.last_col)
        # A label cell whose text is a figure would hide here; the layout of other rows decides.
        ends.append(last)
    if not ends:
        return 1
    counts = Counter(ends)
    common = [e for e, n in counts.items() if n >= 2] or list(counts)
    if len(rows) == 1:
        common = ends
    start = max(common) + 1
    return min(start, t.cols)


def _header_paths(t: Table, grid, header: list[int], start: int, caption: str | None) -> list[list[str]]:
    """Header path of each data column (columns start..t.cols), outermost label first."""
    ncols = max(t.cols - start + 1, 0)
    levels: list[list[str | None]] = []  # component rows, outermost first
    explicit: list[str | None] = [None] * ncols  # parents named by 'parent：child'
    for r in header:
        comps: list[str | None] = [None] * ncols
        parents: list[str | None] = [None] * ncols
        parent: str | None = None
        prev: Cell | None = None
        text = ""
        for k in range(ncols):
            c = grid[r][start - 1 + k]
            if c is None or not c.text.strip() or c.col < start:
                prev = c
                continue
            if c is not prev:
                p, text = _split_flat(c.text)
                if p:
                    parent = p
            comps[k] = text
            parents[k] = parent
            prev = c
        for k in range(ncols):
            if parents[k] is not None:
                explicit[k] = parents[k]
        levels.append(parents)
        levels.append(comps)
    # A cell stretched over columns whose explicit parent is another group: cut it back.
    named = {key(p) for p in explicit if p}
    for comps in levels:
        for k in range(ncols):
            u = comps[k]
            if u and explicit[k] and key(u) != key(explicit[k]) and key(u) in named:
                comps[k] = None
    paths: list[list[str]] = []
    for k in range(ncols):
        path: list[str] = []
        for comps in levels:
            v = comps[k]
            if v and (not path or key(path[-1]) != key(v)):
                path.append(v)
        paths.append(path)
    if caption and len(header) <= 1:
        for p in paths:
            if not p or key(p[0]) != key(caption):
                p.insert(0, caption)
    return paths


def _views_of_table(t: Table, section: Section | None) -> list[View]:
    grid = t.grid()
    out: list[View] = []
    caption = _caption_line(t)
    for n, seg in enumerate(_segments(t, grid)):
        if not seg.data:
            # A header with no data rows (damage, or a table cut before its first row).
            start = _header_only_start(t, grid, seg.header)
            paths = _header_paths(t, grid, seg.header, start, caption if n == 0 else None)
            cols = [Column(k, tuple(label(s) for s in p)) for k, p in enumerate(paths)]
            hc = _distinct(c for r in seg.header for c in grid[r])
            out.append(View([t], section, cols, [], hc, headerless=False))
            continue
        start = _data_start(t, grid, seg.data)
        paths = _header_paths(t, grid, seg.header, start, caption if n == 0 and seg.header else None)
        ncols = t.cols - start + 1
        rows: list[Row] = []
        group: tuple[Label, ...] = ()
        for r in seg.data:
            g = grid[r]
            if all(c is not None and c.col < start for c in g[start - 1:]) and not any(map(_numeric, g)):
                # A group label spanning the width ('学习培训'): it heads the rows below it.
                texts = [c.text for c in _distinct(g) if c.text.strip()]
                group = (label(texts[0]),) if texts else ()
                continue
            labels = [c for c in _distinct(g[: start - 1]) if c.text.strip() and c.col < start]
            damaged = any(_numeric(c) for c in labels)
            labels = [c for c in labels if not _numeric(c)]
            cells = [g[start - 1 + k] for k in range(ncols)]
            if any(c is not None and c.col < start and c.text.strip() and not _numeric(c) for c in cells):
                # A label stretched into the data columns: only where a short row spans.
                cells = [None if (c is not None and c.col < start) else c for c in cells]
            if any(not _valueish(c) for c in cells):
                damaged = True
            path = tuple(label(c.text) for c in labels)
            rows.append(Row(t, r + 1, group + path if path else path, cells, labels, damaged))
        keep = [
            k for k in range(ncols)
            if paths[k] or any(_numeric(row.cells[k]) for row in rows) or not seg.header
        ]
        if not seg.header:
            # Headerless: trailing columns blank in every row are page debris (' | ' at line end).
            while keep and all(row.cells[keep[-1]] is None or not row.cells[keep[-1]].text.strip()
                               for row in rows):
                keep.pop()
        cols = [Column(i, tuple(label(s) for s in paths[k])) for i, k in enumerate(keep)]
        for row in rows:
            row.cells = [row.cells[k] for k in keep]
        hc = _distinct(c for r in seg.header for c in grid[r])
        out.append(View([t], section, cols, rows, hc, headerless=not seg.header))
    return out


def _header_only_start(t: Table, grid, header: list[int]) -> int:
    # Without data rows: the first column whose header cell starts there, after a label column.
    if not header:
        return 1
    first = _distinct(grid[header[-1]])
    if len(first) >= 2:
        return min(first[1].col, t.cols)
    return 1


def build_views(tables: Sequence[tuple[Table, Section | None]], top_of=None) -> list[View]:
    """Views of every table, in document order; a headerless part continues the view before it
    (same part of the report, same number of data columns)."""
    views: list[View] = []
    prev_top: Any = object()
    for t, sec in tables:
        top = top_of(sec) if top_of else sec
        for v in _views_of_table(t, sec):
            last = views[-1] if views else None
            if (v.headerless and last is not None and prev_top is top and last.columns
                    and len(last.columns) == len(v.columns) and not last.headerless):
                for r in v.rows:
                    last.rows.append(r)
                last.tables.append(t)
                continue
            views.append(v)
        prev_top = top
    return views


# --- catalogue and instances ---------------------------------------------------------------------


class Entry(Record):
    """A standard table as a catalogue in the packs describes it."""

    __slots__ = ("name", "title", "rows", "cols", "min")

    def __init__(self, name: str, title: str, rows: tuple[Label, ...], cols: tuple[Label, ...], min: int):
        self.name = name  # 表三
        self.title = title  # 收到和处理政府信息公开申请情况
        self.rows = rows
        self.cols = cols
        self.min = min


class Catalogue(Record):
    __slots__ = ("entries", "fingerprint")

    def __init__(self, entries: tuple[Entry, ...], fingerprint: str):
        self.entries = entries
        self.fingerprint = fingerprint

    def get(self, name: str) -> Entry | None:
        return next((e for e in self.entries if e.name == name), None)


def _err(k: str, msg: str) -> ValueError:
    e = ValueError(msg)
    e.key = k  # type: ignore[attr-defined]
    return e


# Catalogues parsed, by the identity of their spec: the table rules of a pack share one `tables:`
# mapping (a YAML anchor), so a run parses it once instead of once per rule. The entry keeps its
# spec alive, so an id is never reused for another mapping; specs come from loaded packs and are
# never changed.
_CATALOGUES: dict[tuple[int, str], tuple[Any, Catalogue]] = {}


def parse_catalogue(spec: Any, key_name: str = "tables") -> Catalogue:
    """`tables: {表三: {title, rows: [...], cols: [...], min: 4}, ...}` → Catalogue."""
    k = (id(spec), key_name)
    hit = _CATALOGUES.get(k)
    if hit is not None and hit[0] is spec:
        return hit[1]
    cat = _parse_catalogue(spec, key_name)
    if isinstance(spec, dict):
        _CATALOGUES[k] = (spec, cat)
    return cat


def _parse_catalogue(spec: Any, key_name: str) -> Catalogue:
    if not isinstance(spec, dict) or not spec:
        raise _err(key_name, "a mapping of standard tables {name: {title, rows, cols, min}} is required")
    entries = []
    for name, e in spec.items():
        if not isinstance(e, dict):
            raise _err(key_name, f"table '{name}' must be a mapping with title, rows, cols, min")
        rows, cols = e.get("rows") or [], e.get("cols") or []
        if not isinstance(rows, list) or not isinstance(cols, list) or not (rows or cols):
            raise _err(key_name, f"table '{name}' needs label lists rows and/or cols")
        if not all(isinstance(x, str) and x.strip() for x in rows + cols):
            raise _err(key_name, f"table '{name}': labels must be non-empty strings")
        m = e.get("min", 3)
        if not isinstance(m, int) or m < 1:
            raise _err(key_name, f"table '{name}': min must be a positive integer")
        entries.append(Entry(str(name), str(e.get("title") or name), tuple(label(x) for x in rows),
                             tuple(label(x) for x in cols), m))
    # The key under which a document's instances are cached: equal for catalogues with the same
    # entries (every table rule of a pack repeats the same one). Built from the entries, not as
    # JSON: the CLI no longer imports json, and this is on every run's path.
    fingerprint = repr(sorted((e.name, e.title, [x.text for x in e.rows], [x.text for x in e.cols], e.min)
                              for e in entries))
    return Catalogue(tuple(entries), fingerprint)


def _found(wanted: Iterable[Label], have: Sequence[Label]) -> list[Label]:
    have = distinct(have)
    return [w for w in wanted if any(quality(w, h, False) >= 2 for h in have)]


def distinct(labels: Iterable[Label]) -> list[Label]:
    """Labels without repeats, as matching sees them (a row path repeats its group label on every
    row): `quality` reads only num, full and core."""
    seen: dict[tuple, Label] = {}
    for lab in labels:
        seen.setdefault((lab.num, lab.full, lab.core), lab)
    return list(seen.values())


def score(view: View, entry: Entry) -> int:
    rows, cols = view.labels()
    return len(_found(entry.rows, rows)) + len(_found(entry.cols, cols))


class Slot(Record):
    """One data cell of a view: the row and column it stands in, and its value."""

    __slots__ = ("view", "row", "col")

    def __init__(self, view: View, row: Row, col: Column):
        self.view = view
        self.row = row
        self.col = col

    @property
    def cell(self) -> Cell | None:
        return self.row.cells[self.col.index]

    @property
    def table(self) -> Table:
        return self.row.table

    @property
    def value(self) -> CellValue:
        return cell_value(self.cell)

    @property
    def number(self) -> Decimal | None:
        v = self.value
        return v.value if v.kind == "number" else None

    @property
    def title(self) -> str:
        return f"{self.row.title if self.row.path else ''}{self.col.title}"

    def location(self) -> str:
        c = self.cell
        if c is not None:
            return c.source.location()
        return f"表{self.table.index} 第{self.row.grid_row}行"


class Instance(Record):
    """A standard table found in the document: one or more views recognised as the same entry."""

    __slots__ = ("entry", "views")
    __eq__ = object.__eq__  # identity: one table of one document
    __hash__ = object.__hash__

    def __init__(self, entry: Entry, views: list[View]):
        self.entry = entry
        self.views = views

    @property
    def name(self) -> str:
        return self.entry.name

    @property
    def table(self) -> Table:
        return self.views[0].table

    @property
    def clean(self) -> bool:
        return all(v.clean for v in self.views if v.rows)

    def rows(self, address: Addr) -> list[tuple[View, Row]]:
        best, out = -10**6, []
        for v in self.views:
            s, rows = v.match_rows(address)
            if not rows:
                continue
            if s > best:
                best, out = s, [(v, r) for r in rows]
            elif s == best:
                out.extend((v, r) for r in rows)
        return out

    def rows_under(self, address: Addr) -> list[tuple[View, Row]]:
        return [(v, r) for v in self.views for r in v.rows_under(address)]

    def group(self, address: Addr) -> list[tuple[View, Row]]:
        """The data rows of a group label: the row itself if it holds figures (2019's single
        （六）其他处理), else the rows under it (2021's three sub-rows)."""
        under = self.rows_under(address)
        return under or self.rows(address)

    def column(self, view: View, address: Addr) -> Column | None:
        s, cols = view.match_columns(address)
        return cols[0] if len(cols) == 1 else None

    def slot(self, row: Addr | None, col: Addr | None) -> Slot | None:
        """The one cell at (row, col); None when missing or ambiguous. Without a row address the
        view must have one data row (表四)."""
        found: list[Slot] = []
        best = -10**6
        for v in self.views:
            if row is None:
                rows = v.rows if len(v.rows) == 1 else []
                rs = 0
            else:
                rs, rows = v.match_rows(row)
            if not rows:
                continue
            if col is None:
                cols = v.columns if len(v.columns) == 1 else []
                cs = 0
            else:
                cs, cols = v.match_columns(col)
            for r in rows:
                for c in cols:
                    s = rs + cs
                    if s > best:
                        best, found = s, [Slot(v, r, c)]
                    elif s == best:
                        found.append(Slot(v, r, c))
        return found[0] if len(found) == 1 else None

    def slots(self) -> Iterator[Slot]:
        for v in self.views:
            for r in v.rows:
                for c in v.columns:
                    yield Slot(v, r, c)


def _views(facts) -> list[View]:
    cache = facts.__dict__.setdefault("_govlint_table_cache", {})
    if "views" not in cache:
        cache["views"] = build_views(list(facts.tables()), facts.top_of)
    return cache["views"]


def views(facts) -> list[View]:
    """Every view of the report's tables, in document order (cached on the Facts)."""
    return _views(facts)


def instances(facts, catalogue: Catalogue) -> dict[str, list[Instance]]:
    """Standard tables of the catalogue found in the report: name → instances in order."""
    cache = facts.__dict__.setdefault("_govlint_table_cache", {})
    k = ("instances", catalogue.fingerprint)
    if k in cache:
        return cache[k]
    out: dict[str, list[Instance]] = {e.name: [] for e in catalogue.entries}
    current: Instance | None = None
    current_top: Any = None
    for v in _views(facts):
        scores = [(score(v, e), e) for e in catalogue.entries]
        best = max((s for s, _ in scores), default=0)
        winners = [e for s, e in scores if s == best and s >= e.min]
        top = facts.top_of(v.section)
        if len(winners) != 1:
            if best >= 1 and current is not None and top is not current_top:
                current = None
            continue
        e = winners[0]
        if current is not None and current.entry is e and top is current_top:
            current.views.append(v)
        else:
            current = Instance(e, [v])
            current_top = top
            out[e.name].append(current)
    cache[k] = out
    return out


def find(facts, catalogue: Catalogue, name: str) -> list[Instance]:
    return instances(facts, catalogue).get(name, [])


def text_lines(facts) -> list[tuple[str, Any]]:
    """Short texts where a table's labels may stand: every table cell (both halves of a
    'parent：child' cell) and every short line of a paragraph (tables that lost their pipes)."""
    cache = facts.__dict__.setdefault("_govlint_table_cache", {})
    if "lines" in cache:
        return cache["lines"]
    out: list[tuple[str, Any]] = []
    for b, _ in facts.ordered:
        if isinstance(b, Table):
            for c in b.cells:
                if c.text.strip():
                    p, child = _split_flat(c.text)
                    out.append((child, b))
                    if p:
                        out.append((p, b))
        elif isinstance(b, Paragraph):
            for line in b.text.splitlines():
                if 0 < len(line.strip()) <= 40:
                    out.append((line.strip(), b))
    cache["lines"] = out
    return out


def keyed_lines(facts) -> list[tuple[str, Any]]:
    """`text_lines` with their comparison keys (`normalize.key`), computed once per document."""
    cache = facts.__dict__.setdefault("_govlint_table_cache", {})
    if "keyed_lines" not in cache:
        cache["keyed_lines"] = [(key(t), b) for t, b in text_lines(facts)]
    return cache["keyed_lines"]


def present(facts, entry: Entry) -> list[Label]:
    """The entry's labels found anywhere a table may stand (lenient: damaged tables count)."""
    cache = facts.__dict__.setdefault("_govlint_table_cache", {})
    if "joined_keys" not in cache:
        # Keys hold no whitespace, so a label's core (a key too) is in one of them exactly when it
        # is in their newline-joined text: one substring search per label instead of one per line.
        cache["joined_keys"] = "\n".join(k for k, _ in keyed_lines(facts))
    joined = cache["joined_keys"]
    return [lab for lab in entry.rows + entry.cols if lab.core and lab.core in joined]


def previous_facts(facts):
    """Facts of last year's report given in options['previous'] (a Document or Facts), or None."""
    prev = facts.options.get("previous") if facts.options else None
    if prev is None:
        return None
    if hasattr(prev, "doc") and hasattr(prev, "ordered"):
        return prev
    from govlint.facts import Facts

    cache = facts.__dict__.setdefault("_govlint_table_cache", {})
    if "previous" not in cache:
        cache["previous"] = Facts(prev)
    return cache["previous"]


# --- what rule kinds share: cell references, numbers in messages --------------------------------


class Ref(Record):
    """A reference to data cells of a standard table, as packs write it:
    {row: 标签 | [路径]} one row; {group: 标签} a group label's rows (the row itself if it holds
    figures, else the rows under it); {rows_under: 标签} the rows under a label; {col: 标签} a
    column; {except: [标签, …]} rows left out. Any of row/group/rows_under with or without col."""

    __slots__ = ("row", "group", "under", "col", "exclude", "text")

    def __init__(self, row: Addr | None = None, group: Addr | None = None, under: Addr | None = None,
                 col: Addr | None = None, exclude: tuple[Addr, ...] = (), text: str = ""):
        self.row = row
        self.group = group
        self.under = under
        self.col = col
        self.exclude = exclude
        self.text = text

    @property
    def multi(self) -> bool:
        return self.group is not None or self.under is not None


def _addr_spec(v: Any, k: str) -> Addr:
    if isinstance(v, str) and v.strip():
        return addr(v)
    if isinstance(v, list) and v and all(isinstance(x, str) and x.strip() for x in v):
        return addr(v)
    raise _err(k, "a label or a list of labels (a path, outermost first) is expected")


def parse_ref(spec: Any, k: str) -> Ref:
    if isinstance(spec, str):
        return Ref(row=_addr_spec(spec, k), text=spec)
    if not isinstance(spec, dict):
        raise _err(k, "a cell reference {row|group|rows_under, col, except} is expected")
    unknown = set(spec) - {"row", "group", "rows_under", "col", "except"}
    if unknown:
        raise _err(k, f"unknown key '{sorted(unknown)[0]}' in a cell reference")
    ex = spec.get("except") or []
    if not isinstance(ex, list):
        raise _err(k, "except: a list of labels")
    text = "".join(str(spec[x]) if isinstance(spec[x], str) else "".join(spec[x])
                   for x in ("row", "group", "rows_under") if x in spec)
    return Ref(
        row=_addr_spec(spec["row"], k) if "row" in spec else None,
        group=_addr_spec(spec["group"], k) if "group" in spec else None,
        under=_addr_spec(spec["rows_under"], k) if "rows_under" in spec else None,
        col=_addr_spec(spec["col"], k) if "col" in spec else None,
        exclude=tuple(_addr_spec(x, k) for x in ex),
        text=text,
    )


def ref_rows(inst: Instance, ref: Ref) -> list[tuple[View, Row]]:
    """Rows a reference names (all data rows when it names none)."""
    if ref.row is not None:
        rows = inst.rows(ref.row)
    elif ref.group is not None:
        rows = inst.group(ref.group)
    elif ref.under is not None:
        rows = inst.rows_under(ref.under)
    else:
        rows = [(v, r) for v in inst.views for r in v.rows]
    if ref.exclude:
        rows = [(v, r) for v, r in rows if not any(match_path(x, r.path) is not None for x in ref.exclude)]
    return rows


def ref_slots(inst: Instance, ref: Ref, col: Addr | None = None) -> list[Slot] | None:
    """The cells a reference names in column `col` (or its own col). None when a named row or
    column is missing or ambiguous (the caller skips the check)."""
    c_addr = ref.col if ref.col is not None else col
    rows = ref_rows(inst, ref)
    if not rows:
        return None
    if ref.row is not None and len(rows) != 1:
        return None
    out: list[Slot] = []
    for v, r in rows:
        if c_addr is None:
            if len(v.columns) != 1:
                return None
            c = v.columns[0]
        else:
            c = inst.column(v, c_addr)
            if c is None:
                return None
        out.append(Slot(v, r, c))
    return out


def number_json(d: Decimal | None) -> int | float | None:
    if d is None:
        return None
    return int(d) if d == d.to_integral_value() else float(d)


def fmt(d: Decimal) -> str:
    s = format(d.normalize(), "f") if d != d.to_integral_value() else str(int(d))
    return s


def col_title(view: View, col: Column) -> str:
    """「自然人」, or 「行政复议」「总计」 when the leaf alone is ambiguous in the view."""
    if not col.path:
        return f"第{col.index + 1}个数据列"
    leaf = col.path[-1]
    same = [c for c in view.columns if c.path and c.path[-1].core == leaf.core]
    if len(same) > 1 and len(col.path) > 1:
        return f"「{col.path[-2].text}」「{leaf.text}」"
    return f"「{leaf.text}」"


def row_title(row: Row) -> str:
    return f"「{row.path[-1].text}」" if row.path else ""


def slot_title(slot: Slot) -> str:
    return row_title(slot.row) + col_title(slot.view, slot.col)


def checked_tables(cat: Catalogue, params: dict) -> tuple[str, ...]:
    """The `check` parameter of a table kind: names of catalogue tables (default: all of them)."""
    names = tuple(params.get("check") or [e.name for e in cat.entries])
    for n in names:
        if cat.get(n) is None:
            e = ValueError(f"table '{n}' is not in the tables catalogue")
            e.key = "check"  # type: ignore[attr-defined]
            raise e
    return names


def _best_matches(address: Addr, items: list) -> tuple[int, list]:
    """The rows (or columns) whose label path matches `address` best, with that score."""
    best, out = -10**6, []
    for item in items:
        s = match_path(address, item.path)
        if s is None:
            continue
        if s > best:
            best, out = s, [item]
        elif s == best:
            out.append(item)
    return (best, out) if out else (0, [])
