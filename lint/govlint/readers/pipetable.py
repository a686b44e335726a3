"""Pipe-row tables: lines of cells joined by ' | ' → `Table`, for the Markdown and the text reader.

Users and transcriptions write tables as rows of cells joined by ' | ' (see the real corpus:
`/work/shared/corpus/README.md`), with or without GFM border pipes, and without the GFM delimiter
row that would make Markdown parse them as a table. This module knows those conventions; it knows
nothing of reports or rules.

- A line is a pipe row if it contains ' | ' (space, pipe, space), or starts or ends with '|' and
  holds at least two '|'. A GFM delimiter row ('---|---', '- | -', '|:--|--:|') directly after the
  first row of a run is part of the run and dropped (it is no data row).
- Cells: the line is split at every '|' not escaped with a backslash. A leading '|' is a border
  (no cell) when nothing but the line start stands before it, or when the row also ends in a
  border '|'; with whitespace before it (' | 自然人 | …', i.e. ' | '.join(['', '自然人', …])) it
  separates an empty first cell. The same holds for a trailing '|'. Cell text is stripped.
- Widths: the table is W = max cells of a row wide. A row of k < W cells "spans": as merged cells
  do in Word, one label cell covers the missing columns (col_span = W - k + 1) and the cells after
  it shift right. The spanning cell is the last cell of the row's leading run of labels (non-empty
  cells that are not values, see `is_value`) when value cells follow it - so in
  '三、本年度办理结果 | （一）予以公开 | 0 | …' it is （一）予以公开 that covers two columns - and the
  first cell otherwise (header rows, rows without a label).
- Vertical merging rebuilds Word row spans written out on every row: within a row's leading labels,
  a cell whose text equals that of the cell covering the slot directly above, with the same column
  and col_span, is merged into it (row_span += 1, not emitted again) - provided every label to its
  left in the row was merged too (a sub-label repeats only under the same parent). Empty cells and
  values never merge.
"""

from __future__ import annotations

from bisect import bisect_right

from govlint import recache
from govlint.document import Cell, Source, Table
from govlint.record import Record

# (text, line, column) of one cell as found in the source, before grid placement.
CellSpec = tuple[str, int, int]


class SrcLine(Record):
    """One line of source text as a reader sees it: stripped text plus where it stands.

    `pieces` maps offsets in `text` to 1-based columns: [(offset, column), ...] sorted by offset;
    a plain line has one piece (0, column of text[0]). Removing an HTML comment from the middle of
    a line leaves two pieces. `lead_ws`/`trail_ws` tell whether whitespace stood right before or
    after `text` in the source line (for border pipes).
    """

    __slots__ = ("line", "text", "pieces", "lead_ws", "trail_ws")
    __hash__ = None  # type: ignore[assignment]  # mutable

    def __init__(self, line: int, text: str, pieces: list[tuple[int, int]] | None = None,
                 lead_ws: bool = False, trail_ws: bool = False):
        self.line = line
        self.text = text
        self.pieces = [] if pieces is None else pieces
        self.lead_ws = lead_ws
        self.trail_ws = trail_ws

    @property
    def column(self) -> int:
        return self.col(0)

    def col(self, offset: int) -> int:
        """1-based column of character `offset` of `text`."""
        if not self.pieces:
            return 1 + offset
        best = self.pieces[0]
        if len(self.pieces) > 1:
            best = self.pieces[max(0, bisect_right(self.pieces, offset, key=lambda p: p[0]) - 1)]
        return best[1] + (offset - best[0])


def make_line(line: int, raw: str, start: int = 0) -> SrcLine | None:
    """A SrcLine from the raw text of source line `line` (1-based), ignoring raw[:start] (a
    container prefix). Whitespace (U+3000 and NBSP included) is stripped; None if nothing is left."""
    seg = raw[start:]
    text = seg.strip()
    if not text:
        return None
    lead = len(seg) - len(seg.lstrip())
    trail = len(seg) - len(seg.rstrip())
    return SrcLine(line, text, [(0, start + lead + 1)], lead_ws=lead > 0, trail_ws=trail > 0)


def strip_line(src: SrcLine) -> SrcLine | None:
    """`src` with whitespace stripped from both ends of its text (pieces adjusted)."""
    text = src.text
    left = len(text) - len(text.lstrip())
    body = text.strip()
    if not body:
        return None
    if left == 0 and len(body) == len(text):
        return src
    pieces: list[tuple[int, int]] = []
    for off, colm in src.pieces:
        if off <= left:
            pieces = [(0, colm + (left - off))]
        elif off - left < len(body):
            pieces.append((off - left, colm))
    return SrcLine(
        src.line,
        body,
        pieces,
        lead_ws=src.lead_ws or left > 0,
        trail_ws=src.trail_ws or len(text) - left > len(body),
    )


_DELIM_RE = recache.compile(r"^\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?$")

# A figure as written in a statistics cell: an integer or decimal (thousands separators allowed),
# an optional percent sign or counting unit, or a placeholder for "no figure". Layout, not rules.
_VALUE_RE = recache.compile(
    r"^[（(]?[+\-−]?\d[\d,，]*(?:[.．]\d+)?[)）]?\s*"
    r"(?:%|％|‰|[万萬亿億]?元|件|条|條|个|個|人次|人|次|项|項|篇|期|场|場|天|日|户|戶|家|份|台|套|万|萬|亿|億)?$"
)
_PLACEHOLDERS = frozenset({"-", "－", "—", "——", "–", "―", "/", "／", "\\"})


def is_value(text: str) -> bool:
    """A figure or a 'no figure' placeholder ('-', '—', '/'), not a label."""
    t = text.strip()
    return bool(t) and (t in _PLACEHOLDERS or _VALUE_RE.match(t) is not None)


def _pipes(text: str) -> list[int]:
    """Offsets of the unescaped '|' in text."""
    out = []
    i = text.find("|")
    while i >= 0:
        k = i - 1
        while k >= 0 and text[k] == "\\":
            k -= 1
        if (i - 1 - k) % 2 == 0:
            out.append(i)
        i = text.find("|", i + 1)
    return out


def is_pipe_row(text: str) -> bool:
    """Does this (stripped) line read as a row of ' | '-joined cells?"""
    if " | " in text:
        return True
    if text.startswith("|") or text.endswith("|"):
        return text.count("|") >= 2 and len(_pipes(text)) >= 2
    return False


def is_delimiter_row(text: str) -> bool:
    """A GFM delimiter row such as '---|---', '|:--|--:|' or '- | -'."""
    return "|" in text and "-" in text and _DELIM_RE.match(text) is not None


def split_row(src: SrcLine) -> list[CellSpec]:
    """The cells of one pipe row, each (stripped text, line, column)."""
    text = src.text
    pipes = _pipes(text)
    lead = bool(pipes) and pipes[0] == 0
    trail = bool(pipes) and pipes[-1] == len(text) - 1 and len(text) > 1
    both = lead and trail and len(pipes) >= 2
    drop_lead = lead and (both or not src.lead_ws)
    drop_trail = trail and (both or not src.trail_ws)
    bounds = [-1, *pipes, len(text)]
    segs = list(zip(bounds[:-1], bounds[1:], strict=True))
    if drop_lead:
        segs = segs[1:]
    if drop_trail and segs:
        segs = segs[:-1]
    cells: list[CellSpec] = []
    for a, b in segs:
        seg = text[a + 1 : b]
        body = seg.strip()
        if body:
            off = a + 1 + (len(seg) - len(seg.lstrip()))
            cells.append((body, src.line, src.col(off)))
        elif a < 0:
            # an empty first cell: the whitespace before the first '|' (or the '|' itself)
            colm = src.col(0)
            cells.append(("", src.line, colm - 1 if src.lead_ws and colm > 1 else colm))
        else:
            cells.append(("", src.line, src.col(a + 1)))
    return cells


class _Slot(Record):
    __slots__ = ("text", "row", "col", "line", "column", "col_span", "row_span")
    __hash__ = None  # type: ignore[assignment]  # mutable

    def __init__(self, text: str, row: int, col: int, line: int, column: int, col_span: int = 1,
                 row_span: int = 1):
        self.text = text
        self.row = row
        self.col = col
        self.line = line
        self.column = column
        self.col_span = col_span
        self.row_span = row_span


def grid_table(index: int, rows: list[list[CellSpec]], caption: str | None = None) -> Table:
    """Place rows of cells on a grid (short rows span, repeated labels merge; see the module
    docstring) and return Table `index`. `rows` must hold at least one non-empty row."""
    rows = [r for r in rows if r]
    width = max(len(r) for r in rows)
    slots: list[_Slot] = []
    above: dict[int, _Slot] = {}  # start col -> slot covering the previous row there
    for r, cells in enumerate(rows, start=1):
        k = len(cells)
        labels = 0
        while labels < k and cells[labels][0] and not is_value(cells[labels][0]):
            labels += 1
        spanner = labels - 1 if 0 < labels < k else 0
        extra = width - k
        placed: list[_Slot] = []
        col = 1
        for i, (text, line, column) in enumerate(cells):
            span = 1 + extra if i == spanner else 1
            placed.append(_Slot(text, r, col, line, column, col_span=span))
            col += span
        current: dict[int, _Slot] = {}
        merging = True
        for i, s in enumerate(placed):
            up = above.get(s.col) if merging and i < labels else None
            if up is not None and up.text == s.text and up.col_span == s.col_span:
                up.row_span += 1
                current[s.col] = up
            else:
                merging = False
                slots.append(s)
                current[s.col] = s
        above = current
    cells_out = tuple(
        Cell(
            row=s.row,
            col=s.col,
            text=s.text,
            source=Source(table=index, row=s.row, col=s.col, line=s.line, column=s.column),
            row_span=s.row_span,
            col_span=s.col_span,
        )
        for s in slots
    )
    first = rows[0][0]
    return Table(
        index=index,
        rows=len(rows),
        cols=width,
        cells=cells_out,
        source=Source(table=index, line=first[1], column=first[2]),
        caption=caption,
    )


def table_from_lines(index: int, lines: list[SrcLine], caption: str | None = None) -> Table | None:
    """Table `index` from a run of pipe-row lines (a delimiter row among them is dropped), or None
    if the run holds no data row."""
    rows = [split_row(src) for src in lines if not is_delimiter_row(src.text)]
    rows = [r for r in rows if r]
    if not rows:
        return None
    return grid_table(index, rows, caption)


def pipe_runs(lines: list[SrcLine]) -> list[tuple[bool, list[SrcLine]]]:
    """Cut a list of consecutive lines into runs: (True, pipe rows) and (False, other lines).

    A delimiter row belongs to a run when it directly follows the run's first row. A run made of
    delimiter rows only is no table.
    """
    out: list[tuple[bool, list[SrcLine]]] = []
    for src in lines:
        text = src.text
        in_run = bool(out) and out[-1][0]
        if in_run and len(out[-1][1]) == 1 and is_delimiter_row(text):
            out[-1][1].append(src)
        elif is_pipe_row(text) and not (is_delimiter_row(text) and not in_run):
            if in_run:
                out[-1][1].append(src)
            else:
                out.append((True, [src]))
        elif out and not out[-1][0]:
            out[-1][1].append(src)
        else:
            out.append((False, [src]))
    return out
