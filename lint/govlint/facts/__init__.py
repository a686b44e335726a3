"""Facts: one analysed document plus the indexes rule kinds look things up in.

Built once per document and shared by every rule (rule kinds never re-walk the file): the
paragraphs of the report in order with their section, clean (folded, de-noised) text per block,
sections by normalised title, and lazily the tables, figures, dates and contacts.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property

from govlint.document import Block, Document, Paragraph, Section, Table
from govlint.text.normalize import Clean, key


class Facts:
    def __init__(self, doc: Document, options: dict | None = None):
        self.doc = doc
        self.options = options or {}  # from config: issuer-kind, previous (Facts of last year)

    @property
    def year(self) -> int | None:
        return self.doc.report_year

    # --- blocks and sections -------------------------------------------------------------
    @cached_property
    def ordered(self) -> list[tuple[Block, Section | None]]:
        """Every block of the report (title and trailing page noise excluded) with its section,
        section headings included as blocks of their own section."""
        out: list[tuple[Block, Section | None]] = [(b, None) for b in self.doc.preamble]

        def visit(sec: Section) -> None:
            if sec.heading is not None:
                out.append((sec.heading, sec))
            out.extend((b, sec) for b in sec.blocks)
            for c in sec.children:
                visit(c)

        for s in self.doc.sections:
            visit(s)
        return out

    @cached_property
    def _index(self) -> dict[int, tuple[int, Section | None]]:
        return {id(b): (i, s) for i, (b, s) in enumerate(self.ordered)}

    def section_of(self, block: Block) -> Section | None:
        return self._index.get(id(block), (0, None))[1]

    def order_of(self, block: Block) -> int:
        return self._index.get(id(block), (0, None))[0]

    @cached_property
    def _parents(self) -> dict[int, Section | None]:
        parents: dict[int, Section | None] = {}

        def visit(sec: Section, parent: Section | None) -> None:
            parents[id(sec)] = parent
            for c in sec.children:
                visit(c, sec)

        for s in self.doc.sections:
            visit(s, None)
        return parents

    def top_of(self, sec: Section | None) -> Section | None:
        while sec is not None and self._parents.get(id(sec)) is not None:
            sec = self._parents[id(sec)]
        return sec

    def section_path(self, sec: Section | None) -> str | None:
        """'第3节「收到和处理政府信息公开申请情况」' (the top-level part), plus the subsection."""
        top = self.top_of(sec)
        if top is None:
            return None
        n = next(i for i, s in enumerate(self.doc.sections, 1) if s is top)
        path = f"第{n}节「{top.title}」"
        if sec is not top and sec is not None:
            path += f" › {sec.label and ('（' + sec.label + '）' if sec.rung == 'paren-cn' else sec.label + '、') or ''}{sec.title}"
        return path

    def paragraphs(self) -> Iterator[tuple[Paragraph, Section | None]]:
        for b, s in self.ordered:
            if isinstance(b, Paragraph):
                yield b, s

    def tables(self) -> Iterator[tuple[Table, Section | None]]:
        for b, s in self.ordered:
            if isinstance(b, Table):
                yield b, s

    def clean(self, text: str) -> Clean:
        c = self._clean_cache.get(text)
        if c is None:
            c = self._clean_cache[text] = Clean(text)
        return c

    @cached_property
    def _clean_cache(self) -> dict[str, Clean]:
        return {}

    @cached_property
    def sections_by_key(self) -> list[tuple[str, Section]]:
        return [(key(s.title), s) for s in self.doc.walk_sections()]

    def find_sections(self, aliases: list[str], top_only: bool = False) -> list[Section]:
        """Sections whose normalised title contains one of the aliases (normalised too)."""
        keys = [key(a) for a in aliases]
        found = []
        for k, s in self.sections_by_key:
            if top_only and s.level != 1:
                continue
            if any(a and a in k for a in keys):
                found.append(s)
        return found
