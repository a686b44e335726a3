"""Output formats: a registry of reporter modules, each imported only when asked for.

    from govlint.report import get
    from govlint.report.base import ReportOptions, RunResult

    get("sarif").render(result, sys.stdout, ReportOptions())

Adding a format is one module with a `render(result, stream, options)` function plus one line
in FORMATS; third-party formats register a module (or object with `render`) under the
`govlint.formatters` entry-point group and never touch this package. Nothing heavy is imported
here: `full` pulls in rich, the others only the standard library.
"""

from __future__ import annotations

import importlib

from govlint.errors import GovlintError

TYPE_CHECKING = False  # typing is for type checkers only: importing it costs start-up time
if TYPE_CHECKING:
    from govlint.report.base import Reporter

# name (the value of --output-format) → module implementing it
FORMATS: dict[str, str] = {
    "full": "govlint.report.full",  # rich, grouped by file and section; the default on a TTY
    "concise": "govlint.report.concise",  # path:line:col: RULE [severity] message
    "json": "govlint.report.json_",  # the JSON contract of DESIGN.md
    "sarif": "govlint.report.sarif",  # SARIF 2.1.0 for code scanning
    "github": "govlint.report.github",  # GitHub Actions workflow commands (annotations)
    "gitlab": "govlint.report.gitlab",  # GitLab Code Quality
    "junit": "govlint.report.junit",  # JUnit XML for CI test reports
    "statistics": "govlint.report.statistics",  # counts per rule (what --statistics prints)
}

ENTRY_POINT_GROUP = "govlint.formatters"


class UnknownFormatError(GovlintError, ValueError):
    """An output format nobody registered (a usage error: exit code 2)."""


def _plugins() -> dict:
    from importlib.metadata import entry_points  # only when a name is not built in

    return {ep.name: ep for ep in entry_points(group=ENTRY_POINT_GROUP) if ep.name not in FORMATS}


def available() -> list[str]:
    """Built-in format names, then installed plugin formats."""
    return [*FORMATS, *sorted(_plugins())]


def get(name: str) -> Reporter:
    """The reporter for `name`; raises UnknownFormatError naming the known formats."""
    if name in FORMATS:
        return importlib.import_module(FORMATS[name])  # type: ignore[return-value]
    plugin = _plugins().get(name)
    if plugin is None:
        raise UnknownFormatError(f"未知的输出格式 {name!r}（可用：{', '.join(available())}）")
    return plugin.load()
