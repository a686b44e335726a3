"""Diagnostics: what a rule found, stamped by the engine with id, severity and pack.

A rule kind yields `Finding`s (where and what, with the numbers involved); the engine turns each
into a `Diagnostic` (adding rule id, severity, message, basis, pack, path). Reporters format
Diagnostics and nothing else.
"""

from __future__ import annotations

from govlint.record import Record, asdict

TYPE_CHECKING = False  # typing is for type checkers only: importing it costs start-up time
if TYPE_CHECKING:
    from typing import Any, Literal

    Severity = Literal["error", "warning", "info"]

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


class Diagnostic(Record):
    """One finding as reporters see it (a record, see govlint.record: copy with `replace`)."""

    __slots__ = ("path", "rule", "name", "severity", "message", "line", "column", "location", "excerpt",
                 "pack", "basis", "values", "section", "span", "end_line", "end_column", "paragraph",
                 "table", "row", "col", "related", "order")

    def __init__(
        self,
        path: str,
        rule: str,  # "GL301"
        name: str,  # "sum-mismatch"
        severity: Severity,
        message: str,  # Chinese, placeholders filled
        line: int | None,  # 1-based, None where the format has no lines (DOCX)
        column: int | None,
        location: str,  # "第3节「收到和处理政府信息公开申请情况」/ 表2 第5行 第3列" or "line 12"
        excerpt: str,  # the original text of the paragraph or cell
        pack: str,
        basis: str = "",
        values: dict[str, Any] | None = None,
        section: str | None = None,  # "第3节「…」" path, for grouping and fingerprints
        span: tuple[int, int] | None = None,  # character range of the finding inside `excerpt`
        end_line: int | None = None,
        end_column: int | None = None,
        # DOCX coordinates (1-based) for logical locations: paragraph, table, row, col
        paragraph: int | None = None,
        table: int | None = None,
        row: int | None = None,
        col: int | None = None,
        related: tuple[str, ...] = (),  # other places involved, human locations
        order: int = 0,  # index of the block in the document, for sorting in reading order
    ):
        self.path = path
        self.rule = rule
        self.name = name
        self.severity = severity
        self.message = message
        self.line = line
        self.column = column
        self.location = location
        self.excerpt = excerpt
        self.pack = pack
        self.basis = basis
        self.values = values
        self.section = section
        self.span = span
        self.end_line = end_line
        self.end_column = end_column
        self.paragraph = paragraph
        self.table = table
        self.row = row
        self.col = col
        self.related = related
        self.order = order

    def to_json(self) -> dict[str, Any]:
        """The JSON contract of DESIGN.md (plus a few extra keys)."""
        d = asdict(self)
        d["related"] = list(self.related)
        d["span"] = list(self.span) if self.span else None
        return d

    def sort_key(self):
        return (
            self.path,
            self.order,
            self.line if self.line is not None else 0,
            self.paragraph or 0,
            self.table or 0,
            self.row or 0,
            self.col or 0,
            self.column or 0,
            self.rule,
            self.message,
        )
