"""concise: one line per diagnostic, nothing else (no summary), for scripts and editors.

Shapes, by what the diagnostic knows:

    path:line:col: GL301 [error] message        text formats (col 1 when unknown)
    path:表2:5:3: GL301 [error] message          DOCX table cell (表N:row:col; row/col omitted if unknown)
    path:第14段: GL201 [warning] message          DOCX paragraph
    path: GL101 [error] message                  nothing known (document-level findings)

The severity word is always English (error | warning | info) so that grep and editor
problem-matchers work whatever --lang is. Line breaks inside messages become spaces.
"""

from __future__ import annotations

from govlint.report.base import position

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import TextIO

    from govlint.diagnostics import Diagnostic
    from govlint.report.base import ReportOptions, RunResult


def format_line(d: Diagnostic) -> str:
    where = position(d)
    head = f"{d.path}:{where}:" if where else f"{d.path}:"
    message = " ".join(d.message.splitlines())
    return f"{head} {d.rule} [{d.severity}] {message}"


def render(result: RunResult, stream: TextIO, options: ReportOptions) -> None:
    for d in result.diagnostics:
        stream.write(format_line(d) + "\n")
