"""json: one JSON array of diagnostics, the contract of DESIGN.md.

Each item is `Diagnostic.to_json()`: keys in the dataclass's field order (path, rule, name,
severity, message, line, column, location, excerpt, pack, basis, values, section, span, …), so
the output is byte-stable for equal input. UTF-8 text is written as is (ensure_ascii=False),
indented by 2. A clean run prints `[]`.
"""

from __future__ import annotations

import json

from govlint.report.base import ReportOptions, RunResult, json_default

TYPE_CHECKING = False  # typing is for type checkers only
if TYPE_CHECKING:
    from typing import TextIO


def render(result: RunResult, stream: TextIO, options: ReportOptions) -> None:
    items = [d.to_json() for d in result.diagnostics]
    stream.write(json.dumps(items, ensure_ascii=False, indent=2, default=json_default) + "\n")
