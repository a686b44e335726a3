"""What every reporter receives and the helpers they share.

The CLI builds one `RunResult` per run and hands it to a reporter with `ReportOptions`. A
reporter writes to the stream and returns; it never decides exit codes, never reads files, and
never prints read errors (the CLI sends those to stderr; SARIF and JUnit also record them).

`fingerprint()` is the identity of a finding across edits. The baseline feature reuses it, so it
must never depend on line numbers, paragraph or table indexes, or anything else that shifts when
text is inserted above.
"""

from __future__ import annotations

import unicodedata

from govlint import __version__
from govlint.diagnostics import SEVERITY_RANK
from govlint.record import Record

TYPE_CHECKING = False  # typing is for type checkers only: importing it costs start-up time
if TYPE_CHECKING:
    from typing import Any, Literal, Protocol, TextIO

    from govlint.diagnostics import Diagnostic, Severity

    Lang = Literal["zh", "en"]

    class Reporter(Protocol):
        """A report module: any object (usually the module itself) with this `render`."""

        def render(self, result: RunResult, stream: TextIO, options: ReportOptions) -> None: ...


SEVERITY_WORDS: dict[str, dict[str, str]] = {
    "zh": {"error": "错误", "warning": "警告", "info": "提示"},
    "en": {"error": "error", "warning": "warning", "info": "info"},
}


class RuleInfo(Record):
    """A rule as the loaded packs define it (SARIF `rules`, `govlint explain`, statistics)."""

    __slots__ = ("id", "name", "severity", "pack", "basis", "message_template", "doc", "help_uri")

    def __init__(
        self,
        id: str,  # noqa: A002 (the field's name)
        name: str,
        severity: Severity,
        pack: str,
        basis: str = "",
        message_template: str = "",
        doc: str = "",
        help_uri: str | None = None,
    ):
        self.id = id
        self.name = name
        self.severity = severity
        self.pack = pack
        self.basis = basis
        self.message_template = message_template
        self.doc = doc
        self.help_uri = help_uri


class RunResult(Record):
    """Everything one run produced.

    diagnostics: sorted by `Diagnostic.sort_key()`; reporters keep that order.
    files: every file linted, clean ones included (for summaries, SARIF artifacts, JUnit suites).
    errors: (path, one-line reason) for files that could not be read.
    rules: the rules that ran, by id (a diagnostic whose rule is missing here is still reported).
    """

    __slots__ = ("diagnostics", "files", "errors", "rules", "tool_version")
    __hash__ = None  # type: ignore[assignment]  # mutable: compared by value, unhashable (as before)

    def __init__(
        self,
        diagnostics: list[Diagnostic],
        files: list[str],
        errors: list[tuple[str, str]] | None = None,
        rules: dict[str, RuleInfo] | None = None,
        tool_version: str = __version__,
    ):
        self.diagnostics = diagnostics
        self.files = files
        self.errors = [] if errors is None else errors
        self.rules = {} if rules is None else rules
        self.tool_version = tool_version

    def all_paths(self) -> list[str]:
        """Linted files, then any path only a diagnostic names, in first-seen order."""
        return list(dict.fromkeys([*self.files, *(d.path for d in self.diagnostics)]))


class ReportOptions(Record):
    __slots__ = ("lang", "color", "ascii", "width", "statistics", "show_basis")

    def __init__(
        self,
        lang: Lang = "zh",  # labels only; diagnostic messages stay as the packs wrote them
        color: bool = False,
        ascii: bool = False,  # noqa: A002  # no Unicode decorations (box drawing, ellipsis, middle dot)
        width: int | None = None,  # terminal width for `full`; None = 100
        statistics: bool = False,  # `full` appends the per-rule counts table
        show_basis: bool = True,
    ):
        self.lang = lang
        self.color = color
        self.ascii = ascii
        self.width = width
        self.statistics = statistics
        self.show_basis = show_basis


# -- fingerprints -------------------------------------------------------------------------------

FINGERPRINT_VERSION = "govlint/v1"


def _squash(text: str) -> str:
    """Whitespace removed (ASCII, ideographic space, NBSP, line breaks), nothing else changed."""
    return "".join(text.split())


def fingerprint(d: Diagnostic) -> str:
    """sha256 hex of rule id, section path, the excerpt and the spanned text, whitespace removed.

    Deliberately left out: path (the baseline and SARIF key findings by file already; a renamed
    file keeps its fingerprints), line/column/paragraph/table/row/col (they shift on edits) and the
    message (it carries computed numbers that change when an unrelated cell changes). Several
    findings of one rule in one paragraph differ by their spanned text; identical ones share a
    fingerprint and are told apart by count (baseline) or occurrence index (`occurrence_keys`).
    Changing this definition means a new FINGERPRINT_VERSION.
    """
    spanned = ""
    if d.span is not None:
        start, end = d.span
        spanned = d.excerpt[max(start, 0) : max(end, 0)]
    parts = (d.rule, _squash(d.section or ""), _squash(d.excerpt), _squash(spanned))
    import hashlib  # here: only fingerprinting formats and the baseline pay its import

    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def occurrence_keys(diagnostics: list[Diagnostic]) -> list[tuple[str, int]]:
    """(fingerprint, n) per diagnostic, n counting earlier diagnostics of the same path and
    fingerprint: unique within a run, for formats that require unique ids (GitLab)."""
    seen: dict[tuple[str, str], int] = {}
    keys = []
    for d in diagnostics:
        fp = fingerprint(d)
        n = seen.get((d.path, fp), 0)
        seen[(d.path, fp)] = n + 1
        keys.append((fp, n))
    return keys


# -- positions ----------------------------------------------------------------------------------


def position(d: Diagnostic) -> str:
    """The compact position used by `concise`: '12:5', '表2:5:3', '第14段', or ''.

    Text formats: line:column (column 1 when unknown). DOCX tables: 表N[:row[:col]]. DOCX
    paragraphs: 第N段. Nothing known (document-level findings): ''.
    """
    if d.line is not None:
        return f"{d.line}:{d.column if d.column is not None else 1}"
    if d.table is not None:
        where = f"表{d.table}"
        if d.row is not None:
            where += f":{d.row}"
            if d.col is not None:
                where += f":{d.col}"
        return where
    if d.paragraph is not None:
        return f"第{d.paragraph}段"
    return ""


def local_location(d: Diagnostic) -> str:
    """`d.location` without its leading section path, for output already grouped by section."""
    loc = d.location
    if d.section and loc.startswith(d.section):
        loc = loc[len(d.section) :].lstrip(" /／")
    return loc


def highest_severity(diagnostics: list[Diagnostic]) -> Severity | None:
    if not diagnostics:
        return None
    return max((d.severity for d in diagnostics), key=SEVERITY_RANK.__getitem__)


def severity_counts(diagnostics: list[Diagnostic]) -> dict[str, int]:
    counts = {"error": 0, "warning": 0, "info": 0}
    for d in diagnostics:
        counts[d.severity] = counts.get(d.severity, 0) + 1
    return counts


# -- text helpers -------------------------------------------------------------------------------


def cell_width(ch: str) -> int:
    """Terminal cells of one character: East Asian Wide/Fullwidth = 2, combining/format = 0.

    Ambiguous-width characters (… · │ “ ① …) count 1, as rich and most terminals outside CJK
    locales do; that is why the ASCII style avoids them in decorations.
    """
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def text_width(text: str) -> int:
    return sum(cell_width(ch) for ch in text)


def json_default(value: Any) -> Any:
    """For `json.dumps(default=...)`: numbers packs may compute with, anything else as text."""
    from decimal import Decimal  # here: only JSON output needs them
    from fractions import Fraction

    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, Fraction):
        return value.numerator if value.denominator == 1 else float(value)
    if isinstance(value, (set, frozenset)):
        return sorted(value, key=str)
    return str(value)
