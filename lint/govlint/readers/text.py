"""Plain-text reader: a decoded .txt file → `Document`.

What it emits, in reading order:

- every non-empty line is a `Paragraph`; its text is the line with leading and trailing whitespace
  stripped (U+3000 ideographic space and NBSP count as whitespace; inner spaces such as
  '一  概  述' stay); `source` and its single anchor give the 1-based line and the column of the
  first character (columns count characters);
- a run of consecutive pipe-row lines (cells joined by ' | ', see `pipetable`) is a `Table`;
- a one-cell-per-line flattened table with a recognisable header (see `flattable`) is a `Table`;
- a table's caption is the text of the paragraph right before it, if any.

Nothing else is interpreted: bullets ('•'), numbering and headings are left in the text for the
outline step. Blank lines separate tables but are not blocks.

The Markdown reader falls back to this reader for files markdown-it cannot or should not parse
(nesting too deep, or too large: see `markdown`); with `atx_headings=True` a line '## 标题' is then
a heading paragraph (`heading_level` 2, text '标题', anchored at the first character of the title).

The reader is linear in the size of the text: about 6 s for 20 MB (measured on repeated reports).
"""

from __future__ import annotations

from govlint import recache
from govlint.document import Anchor, Block, Document, Paragraph, Source
from govlint.errors import InputError
from govlint.readers import flattable
from govlint.readers.pipetable import (
    SrcLine,
    grid_table,
    is_delimiter_row,
    is_pipe_row,
    make_line,
    table_from_lines,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from govlint.document import Format


def read_text(path: str, text: str) -> Document:
    try:
        return build_document(path, text, "text")
    except InputError:
        raise
    except Exception as e:  # never a traceback: a reader bug must still end in one line
        raise InputError(path, f"cannot read the text ({type(e).__name__}: {e})") from e


def normalize(text: str) -> str:
    """The newline and NUL handling markdown-it applies, so that line numbers agree."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        text = text.replace("\x00", "\ufffd")
    return text


_ATX = recache.compile(r"(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")


def _atx_heading(src: SrcLine) -> Paragraph | None:
    """A Markdown ATX heading line ('## 一、总体情况 ##') as a heading paragraph, else None."""
    if not src.text.startswith("#"):
        return None
    m = _ATX.match(src.text)
    if m is None or not m.group(2) or not m.group(2).strip():
        return None
    title = m.group(2).strip()
    off = m.start(2) + (len(m.group(2)) - len(m.group(2).lstrip()))
    return Paragraph(
        text=title,
        source=Source(line=src.line, column=src.col(off)),
        anchors=(Anchor(0, src.line, src.col(off)),),
        heading_level=len(m.group(1)),
    )


def _caption(blocks: list[Block]) -> str | None:
    if blocks and isinstance(blocks[-1], Paragraph):
        return blocks[-1].text
    return None


def paragraph(src: SrcLine) -> Paragraph:
    pieces = src.pieces
    if len(pieces) == 1:  # the common case, kept cheap: a 20 MB file has millions of lines
        off, col = pieces[0]
        anchors: tuple[Anchor, ...] = (Anchor(off, src.line, col),)
    else:
        anchors = tuple(Anchor(off, src.line, col) for off, col in pieces)
    return Paragraph(text=src.text, source=Source(line=src.line, column=src.column), anchors=anchors)


def build_document(
    path: str, text: str, fmt: Format = "text", skip: int = 0, atx_headings: bool = False
) -> Document:
    """Read `text` line by line; the first `skip` lines (front matter) are ignored."""
    raw = normalize(text).split("\n")
    lines: list[SrcLine | None] = [None] * min(skip, len(raw))
    lines.extend(make_line(n + 1, raw[n]) for n in range(len(lines), len(raw)))
    blocks: list[Block] = []
    ntables = 0
    n = len(lines)
    i = 0
    while i < n:
        src = lines[i]
        if src is None:
            i += 1
            continue
        if atx_headings:
            heading = _atx_heading(src)
            if heading is not None:
                blocks.append(heading)
                i += 1
                continue
        if flattable.could_start(src):
            found = flattable.match(lines, i)
            if found is not None:
                rows, i = found
                ntables += 1
                blocks.append(grid_table(ntables, rows, _caption(blocks)))
                continue
        if is_pipe_row(src.text) and not is_delimiter_row(src.text):
            run = [src]
            j = i + 1
            while j < n:
                nxt = lines[j]
                if nxt is None or not (
                    is_pipe_row(nxt.text) or (len(run) == 1 and is_delimiter_row(nxt.text))
                ):
                    break
                run.append(nxt)
                j += 1
            table = table_from_lines(ntables + 1, run, _caption(blocks))
            if table is not None:
                ntables += 1
                blocks.append(table)
                i = j
                continue
        blocks.append(paragraph(src))
        i += 1
    return Document(path=path, format=fmt, blocks=blocks)
