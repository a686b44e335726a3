"""github: GitHub Actions workflow commands, shown as annotations on the run and the PR diff.

    ::error file=PATH,line=L,col=C,title=GL301 sum-mismatch::message
    ::warning file=PATH,title=GL201 statistics-period-missing::第1节「总体情况」/ 第14段: message

error → ::error, warning → ::warning, info → ::notice. line/col are omitted when unknown (DOCX);
the human location then leads the message so the annotation still says where. Escaping follows
GitHub's runner: in the message % CR LF become %25 %0D %0A; in property values also : and ,
become %3A and %2C. Needs no token or `security-events: write`, unlike SARIF upload.
"""

from __future__ import annotations

from govlint.diagnostics import Diagnostic
from govlint.report.base import ReportOptions, RunResult

TYPE_CHECKING = False  # typing is for type checkers only
if TYPE_CHECKING:
    from typing import TextIO

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_line(d: Diagnostic) -> str:
    props = [f"file={escape_property(d.path)}"]
    message = d.message
    if d.line is not None:
        props.append(f"line={d.line}")
        if d.column is not None:
            props.append(f"col={d.column}")
    elif d.location:
        message = f"{d.location}: {message}"
    props.append(f"title={escape_property(f'{d.rule} {d.name}')}")
    command = COMMANDS.get(d.severity, "warning")
    return f"::{command} {','.join(props)}::{escape_data(message)}"


def render(result: RunResult, stream: TextIO, options: ReportOptions) -> None:
    for d in result.diagnostics:
        stream.write(format_line(d) + "\n")
