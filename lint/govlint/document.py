"""The document model every reader produces and every later step reads.

A reader turns a file into a `Document`: body blocks (paragraphs and tables) in reading order,
each with a `Source` that says where it stands in the original file. `outline.py` then groups the
blocks into a section tree. Nothing here knows about rules.

Positions are human and 1-based everywhere: line/column for text formats, 第N段 (paragraph N of
the body) and 表N 第R行 第C列 for DOCX. A paragraph keeps its original text; a character offset in
that text maps back to a file position through `Paragraph.position(offset)`.

The classes are hand-written records (`govlint.record`), not dataclasses: a run creates them
before the first rule runs and `@dataclass` would cost milliseconds of start-up each. Their
constructors take the same parameters (names, order, defaults) as the dataclasses they replace.
Treat the block classes as immutable values; copy with `govlint.record.replace`.
"""

from __future__ import annotations

from bisect import bisect_right

from govlint.record import Record

TYPE_CHECKING = False  # typing is for type checkers only: importing it costs start-up time
if TYPE_CHECKING:
    from typing import Literal

    Format = Literal["docx", "markdown", "text"]
    Kind = Literal["annual-report", "official-document", "unknown"]


class Source(Record):
    """Where a block or cell stands in the original file (all fields 1-based, None if n/a)."""

    __slots__ = ("line", "column", "paragraph", "table", "row", "col", "part")

    def __init__(
        self,
        line: int | None = None,  # text formats: line of the first character
        column: int | None = None,  # text formats: column (in characters) of the first character
        paragraph: int | None = None,  # docx: index of the paragraph among body paragraphs (第N段)
        table: int | None = None,  # index of the table in the document (表N), formats alike
        row: int | None = None,  # table cell: grid row (第R行)
        col: int | None = None,  # table cell: grid column (第C列)
        part: str | None = None,  # docx: "header", "footer", "footnote", "comment"; None for body
    ):
        self.line = line
        self.column = column
        self.paragraph = paragraph
        self.table = table
        self.row = row
        self.col = col
        self.part = part

    def location(self) -> str:
        """The place a person can act on: 'line 12', '第14段', '表2 第5行 第3列'."""
        if self.table is not None:
            where = f"表{self.table}"
            if self.row is not None:
                where += f" 第{self.row}行"
            if self.col is not None:
                where += f" 第{self.col}列"
            if self.line is not None and self.paragraph is None:
                where += f" (line {self.line})"
            return where
        if self.paragraph is not None:
            return f"{_PART_PREFIX.get(self.part or '', '')}第{self.paragraph}段"
        if self.line is not None:
            return f"line {self.line}"
        return ""


_PART_PREFIX = {"header": "页眉 ", "footer": "页脚 ", "footnote": "脚注 ", "comment": "批注 "}


class Anchor(Record):
    """Maps a run of a paragraph's text to its place in the source file.

    `offset` is an index into `Paragraph.text`; the characters from there to the next anchor's
    offset start at (line, column) and advance one column per character. DOCX paragraphs have a
    single anchor with line None.
    """

    __slots__ = ("offset", "line", "column")

    def __init__(self, offset: int, line: int | None, column: int | None):
        self.offset = offset
        self.line = line
        self.column = column


def _anchor_offset(a: Anchor) -> int:
    return a.offset


class Paragraph(Record):
    """One paragraph (or heading line) of body text, original script and spelling kept.

    `heading_level` is the reader's own evidence that this is a heading (Markdown '#', a Word
    heading style or outline level), 1 = top; `auto_label` is a label Word displays from
    auto-numbering that is not part of `text` ("一、", "（一）"). outline.py decides the tree.
    """

    __slots__ = ("text", "source", "anchors", "heading_level", "auto_label", "style", "type")

    def __init__(
        self,
        text: str,
        source: Source,
        anchors: tuple[Anchor, ...] = (),
        heading_level: int | None = None,
        auto_label: str | None = None,
        style: str | None = None,  # docx style name, for information
        type: Literal["paragraph"] = "paragraph",  # noqa: A002 (the field's name)
    ):
        self.text = text
        self.source = source
        self.anchors = anchors
        self.heading_level = heading_level
        self.auto_label = auto_label
        self.style = style
        self.type = type

    @property
    def display_text(self) -> str:
        """The text as a reader sees it on the page, auto-numbering label included."""
        return (self.auto_label or "") + self.text

    def position(self, offset: int) -> tuple[int | None, int | None]:
        """(line, column) in the file of character `offset` of `text` (clamped to the text)."""
        if not self.anchors:
            return self.source.line, self.source.column
        offset = max(0, min(offset, max(len(self.text) - 1, 0)))
        anchors = self.anchors
        # Anchors are sorted by offset: the last one at or before `offset` (or the first).
        k = bisect_right(anchors, offset, key=_anchor_offset) - 1
        anchor = anchors[k] if k >= 0 else anchors[0]
        if anchor.line is None:
            return None, None
        return anchor.line, (anchor.column or 1) + (offset - anchor.offset)


class Cell(Record):
    """A table cell at its top-left grid position; merged cells appear once, with spans."""

    __slots__ = ("row", "col", "text", "source", "row_span", "col_span")

    def __init__(self, row: int, col: int, text: str, source: Source, row_span: int = 1, col_span: int = 1):
        self.row = row  # 1-based grid row
        self.col = col  # 1-based grid column
        self.text = text
        self.source = source
        self.row_span = row_span
        self.col_span = col_span

    @property
    def last_row(self) -> int:
        return self.row + self.row_span - 1

    @property
    def last_col(self) -> int:
        return self.col + self.col_span - 1


class Table(Record):
    """A table as a grid of unique cells (see Cell); `rows` x `cols` is the grid size."""

    __slots__ = ("index", "rows", "cols", "cells", "source", "caption", "type")

    def __init__(
        self,
        index: int,  # 1-based: 表N
        rows: int,
        cols: int,
        cells: tuple[Cell, ...],
        source: Source,
        caption: str | None = None,  # the paragraph just before the table, if the reader knows it
        type: Literal["table"] = "table",  # noqa: A002 (the field's name)
    ):
        self.index = index
        self.rows = rows
        self.cols = cols
        self.cells = cells
        self.source = source
        self.caption = caption
        self.type = type

    def grid(self) -> list[list[Cell | None]]:
        """rows x cols matrix; each slot holds the cell that covers it (merged cells repeat)."""
        g: list[list[Cell | None]] = [[None] * self.cols for _ in range(self.rows)]
        for c in self.cells:
            for r in range(c.row - 1, min(c.last_row, self.rows)):
                for k in range(c.col - 1, min(c.last_col, self.cols)):
                    g[r][k] = c
        return g

    def at(self, row: int, col: int) -> Cell | None:
        """The cell covering 1-based (row, col), or None."""
        for c in self.cells:
            if c.row <= row <= c.last_row and c.col <= col <= c.last_col:
                return c
        return None


Block = Paragraph | Table


class Comment(Record):
    """A reviewer's comment (Word comment or Markdown HTML comment) and the blocks it covers."""

    __slots__ = ("text", "source", "first_block", "last_block", "author")

    def __init__(
        self,
        text: str,
        source: Source,
        first_block: int | None = None,  # index into Document.blocks of the first commented block
        last_block: int | None = None,
        author: str | None = None,
    ):
        self.text = text
        self.source = source
        self.first_block = first_block
        self.last_block = last_block
        self.author = author


class Section(Record):
    """A node of the section tree: a heading and what stands under it."""

    __slots__ = ("label", "title", "level", "heading", "block_index", "rung", "number", "body", "blocks",
                 "children")
    __hash__ = None  # type: ignore[assignment]  # mutable: compared by value, unhashable (as before)

    def __init__(
        self,
        label: str | None,  # the numbering label without punctuation: "一", "（一）" → "一", "1"
        title: str,  # original heading text, label stripped
        level: int,  # 1 = top
        heading: Paragraph | None,  # the heading paragraph (None for a synthetic root)
        block_index: int,  # index of the heading paragraph in Document.blocks
        rung: str | None = None,  # numbering ladder rung: "part", "cn", "paren-cn", "arabic", ...
        number: int | None = None,  # the numeric value of the label (一 → 1)
        body: str | None = None,  # text after the title in a "1、加强组织领导。昌邑区……" paragraph
        blocks: list[Block] | None = None,
        children: list[Section] | None = None,
    ):
        self.label = label
        self.title = title
        self.level = level
        self.heading = heading
        self.block_index = block_index
        self.rung = rung
        self.number = number
        self.body = body
        self.blocks = [] if blocks is None else blocks
        self.children = [] if children is None else children

    def walk(self):
        yield self
        for c in self.children:
            yield from c.walk()

    def all_blocks(self):
        """Blocks of this section and of all its descendants, in order."""
        yield from self.blocks
        for c in self.children:
            yield from c.all_blocks()

    def text(self) -> str:
        parts = [self.body or ""]
        for b in self.all_blocks():
            if isinstance(b, Paragraph):
                parts.append(b.text)
        return "\n".join(p for p in parts if p)


class Document(Record):
    """Everything a reader found, plus what outline.py and facts/meta.py derive from it."""

    __slots__ = ("path", "format", "blocks", "extras", "comments", "front_matter", "notices", "title",
                 "title_blocks", "report_year", "kind", "preamble", "sections", "trailing")
    __hash__ = None  # type: ignore[assignment]  # mutable: compared by value, unhashable (as before)

    def __init__(
        self,
        path: str,
        format: Format,  # noqa: A002 (the field's name)
        blocks: list[Block],
        extras: list[Paragraph] | None = None,  # headers, footers, footnotes
        comments: list[Comment] | None = None,
        front_matter: dict | None = None,
        notices: list[str] | None = None,  # things the reader could not do, for GL info
        # Filled by outline.build() / facts.meta:
        title: str | None = None,
        title_blocks: tuple[int, ...] = (),  # indexes of the block(s) that make up the title
        report_year: int | None = None,
        kind: Kind = "unknown",
        preamble: list[Block] | None = None,
        sections: list[Section] | None = None,
        trailing: list[Block] | None = None,  # page noise after the report's end
    ):
        self.path = path
        self.format = format
        self.blocks = blocks
        self.extras = [] if extras is None else extras
        self.comments = [] if comments is None else comments
        self.front_matter = front_matter
        self.notices = [] if notices is None else notices
        self.title = title
        self.title_blocks = title_blocks
        self.report_year = report_year
        self.kind = kind
        self.preamble = [] if preamble is None else preamble
        self.sections = [] if sections is None else sections
        self.trailing = [] if trailing is None else trailing

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    @property
    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]

    def walk_sections(self):
        for s in self.sections:
            yield from s.walk()
