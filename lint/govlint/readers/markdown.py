"""Markdown reader: a decoded .md file → `Document`, with markdown-it-py (CommonMark + GFM tables).

What it emits, in reading order (positions 1-based, file-relative, columns in characters):

- ATX and setext headings → `Paragraph` with `heading_level`; paragraphs → `Paragraph`; each list
  item's paragraphs → `Paragraph`s (a bullet marker is dropped; an ordered marker '1.' / '1)' is
  kept in the text, since the outline needs the label); blockquotes → their paragraphs; HTML
  blocks other than comments → `Paragraph` with the HTML kept. Code blocks and rules are skipped.
- The text of a paragraph is the source text of its lines (inline markup as written) without the
  block syntax ('#', '>', list marker, indentation), each line stripped, lines joined with '\\n'.
  One `Anchor` per source line (more where an HTML comment was cut out), so `position()` is exact.
- GFM tables → `Table` (header row is row 1); pipe rows that Markdown reads as paragraph lines
  ('a | b' lines without a delimiter row, as in the real corpus) → `Table` by `pipetable`: a
  paragraph made of pipe rows becomes a table, a paragraph partly made of them is split, and pipe
  rows in consecutive lines join across paragraphs and single-line list items ('1. 属于国家秘密 |
  0 | …' is an ordered list item to Markdown). Both kinds get the same grid conventions (short
  rows span, repeated leading labels merge: see `pipetable`). Caption: the paragraph right before.
- HTML comments (block or inline) → `Document.comments` (text inside, stripped), not paragraphs;
  an inline comment is cut out of its paragraph's text. `first_block`/`last_block` is the block
  that holds the comment, or else the next block (None at the end). Comments inside GFM table
  cells stay in the cell text.
- Front matter → `Document.front_matter` (yaml.safe_load; invalid YAML or not a mapping: None and
  a notice); its lines are no blocks and line numbers stay file-relative.

Nesting too deep for markdown-it (it recurses) → the file is read as plain lines by the text
reader (ATX '#' headings still recognised, pipe rows still tables), with a notice. So is a file of
more than MAX_PARSED_CHARS characters (about 5 MB of Chinese text): markdown-it costs about 18 µs
for every line it reads (every line of a paragraph is tried against every block rule), so 20 MB of
two-character lines took ~55 s, where the plain-line reader takes ~6 s. A real report is a few
hundred KB; a file this large is a concatenation or an export gone wrong, and linting it line by
line (headings and pipe tables kept, no lists, GFM-only tables or HTML comments) is more useful
than waiting for it. Below the limit the worst case (short lines) stays under about 12 s.
"""

from __future__ import annotations

from bisect import bisect_left

from govlint.document import Anchor, Block, Comment, Document, Paragraph, Source
from govlint.errors import InputError
from govlint.readers import text as text_reader
from govlint.readers.pipetable import (
    CellSpec,
    SrcLine,
    grid_table,
    is_delimiter_row,
    is_pipe_row,
    strip_line,
    table_from_lines,
)
from govlint.record import Record

_PARSER = None
MAX_PARSED_CHARS = 2_000_000


def _parser():
    global _PARSER
    if _PARSER is None:
        from markdown_it import MarkdownIt
        from mdit_py_plugins.front_matter import front_matter_plugin

        # maxNesting: markdown-it silently drops content nested deeper than the limit (20 in the
        # commonmark preset); a high limit keeps it, and a RecursionError sends us to plain lines.
        md = MarkdownIt("commonmark", {"maxNesting": 1_000_000}).enable("table").use(front_matter_plugin)
        md.disable("inline")  # block structure and raw inline content are all we need
        _PARSER = md
    return _PARSER


def read_text(path: str, text: str) -> Document:
    try:
        return _read(path, text)
    except InputError:
        raise
    except Exception as e:  # never a traceback: a reader bug must still end in one line
        raise InputError(path, f"cannot read the Markdown ({type(e).__name__}: {e})") from e


def _read(path: str, text: str) -> Document:
    text = text_reader.normalize(text)
    raw = text.split("\n")
    if len(text) > MAX_PARSED_CHARS:
        mb = len(text.encode("utf-8", "surrogatepass")) / (1024 * 1024)
        return _plain_fallback(
            path, text, raw,
            f"Markdown file too large to parse ({mb:.0f} MB); read as plain lines "
            "(headings and pipe tables kept; lists, GFM-only tables and HTML comments not interpreted)",
        )
    try:
        tokens = _parser().parse(text)
    except RecursionError:
        return _plain_fallback(
            path, text, raw, "Markdown nested too deeply to parse; read as plain lines (headings kept, no lists)"
        )
    b = _Builder(path, raw)
    b.walk(tokens)
    return b.document()


# --- front matter ------------------------------------------------------------------------------


def _load_front_matter(content: str, notices: list[str]) -> dict | None:
    import yaml

    if not content.strip():
        return None
    try:
        data = yaml.safe_load(content)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        notices.append(f"front matter is not valid YAML{where}; ignored")
        return None
    except Exception as e:  # deep nesting, bad timestamps …
        notices.append(f"front matter could not be read ({type(e).__name__}); ignored")
        return None
    if not isinstance(data, dict):
        notices.append("front matter is not a mapping of keys to values; ignored")
        return None
    return data


def _plain_fallback(path: str, text: str, raw: list[str], why: str) -> Document:
    notices: list[str] = []
    skip = 0
    front = None
    if raw and raw[0].rstrip() == "---":
        for k in range(1, len(raw)):
            if raw[k].rstrip() in ("---", "..."):
                front = _load_front_matter("\n".join(raw[1:k]), notices)
                skip = k + 1
                break
    doc = text_reader.build_document(path, text, "markdown", skip=skip, atx_headings=True)
    doc.front_matter = front
    notices.append(why)
    doc.notices = notices + doc.notices
    return doc


# --- comments ----------------------------------------------------------------------------------


class _RawComment(Record):
    __slots__ = ("text", "line", "column")
    __hash__ = None  # type: ignore[assignment]  # mutable

    def __init__(self, text: str, line: int, column: int):
        self.text = text
        self.line = line
        self.column = column


def _remove_comments(lines: list[SrcLine], found: list[_RawComment] | None) -> list[SrcLine]:
    """Cut HTML comments ('<!-- … -->', possibly over several lines) out of the lines; append each
    to `found` (if given). Lines left empty are dropped; the rest are stripped again."""
    if not any("<!--" in s.text for s in lines):
        return lines
    joined = "\n".join(s.text for s in lines)
    starts = []
    off = 0
    for s in lines:
        starts.append(off)
        off += len(s.text) + 1
    spans: list[tuple[int, int]] = []
    pos = 0
    while True:
        a = joined.find("<!--", pos)
        if a < 0:
            break
        if joined.startswith(">", a + 4):
            b, inner = a + 5, ""
        elif joined.startswith("->", a + 4):
            b, inner = a + 6, ""
        else:
            e = joined.find("-->", a + 4)
            if e < 0:
                break  # unclosed: no later comment can close either
            b, inner = e + 3, joined[a + 4 : e]
        spans.append((a, b))
        if found is not None:
            k = max(0, bisect_left(starts, a + 1) - 1)
            found.append(_RawComment(inner.strip(), lines[k].line, lines[k].col(a - starts[k])))
        pos = b
    if not spans:
        return lines
    out: list[SrcLine] = []
    si = 0
    for k, s in enumerate(lines):
        lo, hi = starts[k], starts[k] + len(s.text)
        while si < len(spans) and spans[si][1] <= lo:
            si += 1
        parts: list[str] = []
        pieces: list[tuple[int, int]] = []
        cur = lo
        sj = si
        length = 0
        while cur < hi:
            if sj < len(spans) and spans[sj][0] <= cur:
                cur = max(cur, spans[sj][1])
                sj += 1
                continue
            end = min(hi, spans[sj][0]) if sj < len(spans) else hi
            if end > cur:
                pieces.append((length, s.col(cur - lo)))
                parts.append(s.text[cur - lo : end - lo])
                length += end - cur
            cur = end
        if not parts:
            continue
        new = SrcLine(s.line, "".join(parts), pieces, lead_ws=s.lead_ws, trail_ws=s.trail_ws)
        new = strip_line(new)
        if new is not None:
            out.append(new)
    return out


# --- the builder -------------------------------------------------------------------------------


class _Item(Record):
    """An open list item: its marker and the 0-based line it starts on."""

    __slots__ = ("ordered", "marker", "line")
    __hash__ = None  # type: ignore[assignment]  # mutable

    def __init__(self, ordered: bool, marker: str, line: int):
        self.ordered = ordered
        self.marker = marker
        self.line = line


class _Builder:
    def __init__(self, path: str, raw: list[str]):
        self.path = path
        self.raw = raw
        self.blocks: list[Block] = []
        self.last_lines: list[int] = []  # last source line of each block
        self.comments: list[_RawComment] = []
        self.notices: list[str] = []
        self.front_matter: dict | None = None
        self.ntables = 0
        self.run: list[SrcLine] = []  # pending pipe rows

    # positions

    def _locate(self, ln: int, content: str) -> SrcLine | None:
        """SrcLine for the (stripped) content markdown-it gives for 0-based source line ln."""
        c = content.strip()
        if not c or ln >= len(self.raw):
            return None
        raw = self.raw[ln]
        r = raw.rstrip()
        if r.endswith(c):
            start = len(r) - len(c)
        else:
            start = raw.find(c)
            if start < 0:  # should not happen; keep the text, place it at the first character
                start = len(raw) - len(raw.lstrip())
        after = start + len(c)
        return SrcLine(
            ln + 1,
            c,
            [(0, start + 1)],
            lead_ws=start > 0 and raw[start - 1].isspace(),
            trail_ws=after < len(raw) and raw[after].isspace(),
        )

    def _lines(self, token) -> list[SrcLine]:
        m0, m1 = token.map if token.map else (0, 0)
        content = token.content.split("\n")
        # markdown-it strips a paragraph's content with str.strip(), which also eats leading lines
        # of U+3000 or NBSP only: find how many source lines went before the first content line.
        drop = (m1 - m0) - len(content)
        if drop > 0:
            first = next(((i, c.strip()) for i, c in enumerate(content) if c.strip()), None)
            if first is not None:
                for d in range(drop + 1):
                    ln = m0 + d + first[0]
                    if ln < len(self.raw) and first[1] in self.raw[ln]:
                        m0 += d
                        break
        out = []
        for k, c in enumerate(content):
            src = self._locate(m0 + k, c)
            if src is not None:
                out.append(src)
        return out

    # emitting

    def _append(self, block: Block, last_line: int) -> None:
        self.blocks.append(block)
        self.last_lines.append(last_line)

    def _caption(self) -> str | None:
        if self.blocks and isinstance(self.blocks[-1], Paragraph):
            return self.blocks[-1].text
        return None

    def _flush_run(self) -> None:
        if not self.run:
            return
        run, self.run = self.run, []
        table = table_from_lines(self.ntables + 1, run, self._caption())
        if table is None:
            self._paragraph(run)
            return
        self.ntables += 1
        self._append(table, run[-1].line)

    def _paragraph(self, lines: list[SrcLine], heading_level: int | None = None) -> None:
        if not lines:
            return
        parts = []
        anchors = []
        off = 0
        for s in lines:
            parts.append(s.text)
            anchors.extend(Anchor(off + o, s.line, c) for o, c in s.pieces)
            off += len(s.text) + 1
        first = lines[0]
        p = Paragraph(
            text="\n".join(parts),
            source=Source(line=first.line, column=first.column),
            anchors=tuple(anchors),
            heading_level=heading_level,
        )
        self._append(p, lines[-1].line)

    def _block_lines(self, para: list[SrcLine], rows: list[SrcLine]) -> None:
        """Paragraph lines that may hold pipe rows (`rows[k]` is `para[k]` as a table row would
        read it: with a bullet marker kept)."""
        buf: list[SrcLine] = []
        for src, row in zip(para, rows, strict=True):
            t = row.text
            if self.run and not buf and row.line == self.run[-1].line + 1:
                if is_pipe_row(t) or (len(self.run) == 1 and is_delimiter_row(t)):
                    self.run.append(row)
                    continue
            if is_pipe_row(t) and not is_delimiter_row(t):
                if buf:
                    self._paragraph(buf)
                    buf = []
                self._flush_run()
                self.run = [row]
                continue
            self._flush_run()
            buf.append(src)
        if buf:
            self._paragraph(buf)

    # token handlers

    def _front_matter(self, tok) -> None:
        self.front_matter = _load_front_matter(tok.content, self.notices)

    def _text_block(self, tok, inline, item: _Item | None) -> None:
        lines = self._lines(inline)
        prefix: SrcLine | None = None
        if item is not None and lines and lines[0].line == item.line + 1:
            raw = self.raw[item.line]
            start = lines[0].column - 1
            pos = raw.rfind(item.marker, 0, start)
            if pos >= 0:
                prefix = SrcLine(item.line + 1, raw[pos:start], [(0, pos + 1)])
                prefix.lead_ws = pos > 0 and raw[pos - 1].isspace()
        lines = _remove_comments(lines, self.comments)
        if tok.type == "heading_open":
            self._flush_run()
            self._paragraph(lines, heading_level=int(tok.tag[1:]))
            return
        rows = list(lines)
        if prefix is not None and lines and lines[0].line == prefix.line:
            joined = _join(prefix, lines[0])
            rows[0] = joined
            if item is not None and item.ordered:
                lines = [joined, *lines[1:]]
        self._block_lines(lines, rows)

    def _html_block(self, tok) -> None:
        self._flush_run()
        lines = self._lines(tok)
        content = tok.content
        head = content.lstrip()
        if head.startswith("<!--") and "-->" not in content and lines:
            inner = head[4:].strip()
            self.comments.append(_RawComment(inner, lines[0].line, lines[0].column))
            self.notices.append(f"line {lines[0].line}: HTML comment '<!--' is never closed")
            return
        lines = _remove_comments(lines, self.comments)
        self._paragraph(lines)

    def _table(self, tokens, i: int) -> int:
        """GFM table starting at tokens[i]; returns the index of its table_close."""
        self._flush_run()
        rows: list[list[CellSpec]] = []
        cur: list[CellSpec] | None = None
        pos = 0
        ln = 0
        raw = ""
        j = i + 1
        while j < len(tokens) and tokens[j].type != "table_close":
            t = tokens[j]
            if t.type == "tr_open":
                ln = t.map[0] if t.map else ln
                raw = self.raw[ln] if ln < len(self.raw) else ""
                cur, pos = [], 0
            elif t.type == "inline" and cur is not None:
                text, column, pos = _find_cell(raw, t.content.strip(), pos)
                cur.append((text, ln + 1, column))
            elif t.type == "tr_close" and cur is not None:
                rows.append(cur)
                cur = None
            j += 1
        rows = [r for r in rows if r]
        if rows:
            self.ntables += 1
            self._append(grid_table(self.ntables, rows, self._caption()), rows[-1][0][1])
        return j

    def walk(self, tokens) -> None:
        items: list[_Item] = []
        fresh: list[bool] = []  # per open item: no block of it seen yet
        i = 0
        n = len(tokens)
        while i < n:
            tok = tokens[i]
            t = tok.type
            if t == "front_matter":
                self._front_matter(tok)
            elif t == "list_item_open":
                ordered = tok.markup in (".", ")")
                marker = (tok.info + tok.markup) if ordered else tok.markup
                items.append(_Item(ordered, marker, tok.map[0] if tok.map else -1))
                fresh.append(True)
            elif t == "list_item_close":
                if items:
                    items.pop()
                    fresh.pop()
            elif t in ("paragraph_open", "heading_open"):
                item = items[-1] if items and fresh[-1] else None
                if fresh:
                    fresh[-1] = False
                if i + 1 < n and tokens[i + 1].type == "inline":
                    self._text_block(tok, tokens[i + 1], item)
                i += 3
                continue
            elif t == "table_open":
                if fresh:
                    fresh[-1] = False
                i = self._table(tokens, i) + 1
                continue
            elif t == "html_block":
                if fresh:
                    fresh[-1] = False
                self._html_block(tok)
            elif t in ("code_block", "fence", "hr"):
                if fresh:
                    fresh[-1] = False
            i += 1
        self._flush_run()

    def document(self) -> Document:
        comments = []
        for c in self.comments:
            k = bisect_left(self.last_lines, c.line)
            idx = k if k < len(self.blocks) else None
            comments.append(
                Comment(
                    text=c.text, source=Source(line=c.line, column=c.column), first_block=idx, last_block=idx
                )
            )
        return Document(
            path=self.path,
            format="markdown",
            blocks=self.blocks,
            comments=comments,
            front_matter=self.front_matter,
            notices=self.notices,
        )


def _join(prefix: SrcLine, line: SrcLine) -> SrcLine:
    """The list marker prefix ('1. ') and the item's first line as one line."""
    n = len(prefix.text)
    pieces = [(0, prefix.column)]
    for o, c in line.pieces:
        if pieces[-1][1] + (n + o - pieces[-1][0]) != c:  # not contiguous in the source
            pieces.append((n + o, c))
    return SrcLine(
        line.line,
        prefix.text + line.text,
        pieces,
        lead_ws=prefix.lead_ws,
        trail_ws=line.trail_ws,
    )


def _find_cell(raw: str, text: str, pos: int) -> tuple[str, int, int]:
    """Column of GFM cell `text` in its row line `raw`, searching from `pos` (just past the
    previous cell); returns (text, column, new pos)."""
    if text:
        k = raw.find(text, pos)
        if k < 0 and "|" in text:
            k = raw.find(text.replace("|", "\\|"), pos)
            if k >= 0:
                return text, k + 1, k + len(text) + text.count("|")
        if k >= 0:
            return text, k + 1, k + len(text)
    k = raw.find("|", pos)  # an empty cell (or one not found): just past the next pipe
    if k >= 0:
        return text, k + 2, k + 1
    return text, len(raw.rstrip()) + 1, len(raw)
