"""statistics: how many findings each rule produced, like `ruff --statistics`.

    3  GL301  sum-mismatch               error
    1  GL201  statistics-period-missing  warning

Columns: count, rule id, name, severity (in --lang). No header line, as Ruff; rows sorted by count descending, then rule id. Columns are padded by
display width, so a user pack's Chinese rule names still line up. Prints nothing for a clean run.
"""

from __future__ import annotations

from collections import Counter

from govlint.report.base import SEVERITY_WORDS, ReportOptions, RunResult, text_width

TYPE_CHECKING = False  # typing is for type checkers only
if TYPE_CHECKING:
    from typing import TextIO


def rows(result: RunResult, lang: str = "zh") -> list[tuple[str, str, str, str]]:
    """(count, rule, name, severity word) per rule with findings, in display order."""
    counts = Counter(d.rule for d in result.diagnostics)
    first = {}
    for d in result.diagnostics:
        first.setdefault(d.rule, d)
    words = SEVERITY_WORDS.get(lang, SEVERITY_WORDS["zh"])
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [
        (str(n), rule, first[rule].name, words.get(first[rule].severity, first[rule].severity))
        for rule, n in ordered
    ]


def lines(result: RunResult, lang: str = "zh") -> list[str]:
    table = rows(result, lang)
    if not table:
        return []
    widths = [max(text_width(row[i]) for row in table) for i in range(3)]
    out = []
    for count, rule, name, severity in table:
        cells = [
            " " * (widths[0] - text_width(count)) + count,
            rule + " " * (widths[1] - text_width(rule)),
            name + " " * (widths[2] - text_width(name)),
            severity,
        ]
        out.append("  ".join(cells))
    return out


def render(result: RunResult, stream: TextIO, options: ReportOptions) -> None:
    for line in lines(result, options.lang):
        stream.write(line + "\n")
