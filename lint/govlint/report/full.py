"""full: the human report, grouped by file and section, with the excerpt and a caret marker.

    docs/report.md
      第3节「收到和处理政府信息公开申请情况」
        错误 GL301 sum-mismatch：各项之和（1849）与总计（1838）不一致
          位置：docs/report.md:12:5
          │ 共受理申请１８３８件，其中当面申请1516件。
          │           ^^^^^^^^
          依据：《条例》第五十条
          另见：表3 第7行 第2列

    1 个错误 · 0 个警告 · 0 个提示，共 1 个文件

Labels follow `options.lang` (zh | en); messages stay as the packs wrote them. Findings without
a section are grouped under （文档开头）/ (document start). The marker under the span is placed
by display width (East Asian Wide/Fullwidth = 2 cells, so １８３８ gets 8 carets); long excerpts
are cut to a window around the span, marked with … (or ... in ASCII style). Messages wrap at
the width with Chinese line-breaking (no break inside an ASCII word or number, none before
，。）」 or after （「). There are no boxes: the gutter │, the ellipsis … and the summary's · are
the only Unicode decorations, and `options.ascii` replaces them: they are East Asian Ambiguous,
double-width on some CJK terminals (the gutter cannot misalign the marker: both lines carry it).

rich is imported inside render() only (about 45 ms of start-up, see peers-and-dependencies
B.7); the layout helpers below are plain Python and tested on their own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple, TextIO

from govlint.diagnostics import Diagnostic
from govlint.report.base import (
    SEVERITY_WORDS,
    ReportOptions,
    RunResult,
    cell_width,
    local_location,
    severity_counts,
    text_width,
)

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

LABELS = {
    "zh": {
        "location": "位置：",
        "basis": "依据：",
        "related": "另见：",
        "related_sep": "；",
        "colon": "：",
        "no_section": "（文档开头）",
        "statistics": "按规则统计：",
    },
    "en": {
        "location": "Location: ",
        "basis": "Basis: ",
        "related": "See also: ",
        "related_sep": "; ",
        "colon": ": ",
        "no_section": "(document start)",
        "statistics": "Findings by rule:",
    },
}
STYLES = {"error": "bold red", "warning": "bold yellow", "info": "bold cyan"}
DEFAULT_WIDTH = 100
INDENT_SECTION, INDENT_DIAG, INDENT_DETAIL = 2, 4, 6

# Chinese line breaking (a light 禁则): no break before closing punctuation, none after opening.
NO_BREAK_BEFORE = set("，。、；：？！）」』》〕】〉”’…·%％,.;:!?)]}")
NO_BREAK_AFTER = set("（「『《〔【〈“‘([{")


# -- layout helpers (no rich) -------------------------------------------------------------------


def _break_ok(text: str, i: int) -> bool:
    """May a line end between text[i-1] and text[i]?"""
    before, after = text[i - 1], text[i]
    if after in NO_BREAK_BEFORE or before in NO_BREAK_AFTER:
        return False
    if before.isspace():
        return not after.isspace()
    if after.isspace():
        return False
    return cell_width(before) == 2 or cell_width(after) == 2


def wrap(text: str, width: int) -> list[tuple[int, int]]:
    """(start, end) offsets of the lines `text` wraps to within `width` cells.

    Breaks at spaces and between Chinese characters, never inside an ASCII word or number unless
    the word alone is wider than the line; spaces at a break are dropped; '\\n' always breaks.
    """
    width = max(width, 2)
    lines: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    while start <= n:
        newline = text.find("\n", start)
        stop = n if newline < 0 else newline
        pos = start
        while True:
            used, i, last_break = 0, pos, None
            while i < stop:
                w = cell_width(text[i])
                if used + w > width and i > pos:
                    if text[i] == " ":  # the line ends exactly before a space
                        last_break = i
                    break
                used += w
                i += 1
                if i < stop and _break_ok(text, i):
                    last_break = i
            if i >= stop:
                end = stop
            elif last_break is not None and last_break > pos:
                end = last_break
            else:
                end = i  # one word wider than the line: fold it
            trimmed = end
            while trimmed > pos and text[trimmed - 1] == " ":
                trimmed -= 1
            lines.append((pos, trimmed))
            pos = end
            while pos < stop and text[pos] == " ":
                pos += 1
            if pos >= stop:
                break
        if newline < 0:
            break
        start = newline + 1
    return lines


class Window(NamedTuple):
    """An excerpt as shown, and where the marker goes (None without a span).

    column/length are display cells relative to the start of `text`; start/end are the
    character offsets of the marked part in `text`.
    """

    text: str
    column: int | None = None
    length: int | None = None
    start: int | None = None
    end: int | None = None


def excerpt_window(excerpt: str, span: tuple[int, int] | None, budget: int, ellipsis: str = "…") -> Window:
    """The excerpt on one line of at most `budget` cells, and the marker under the span.

    Line breaks and tabs become one space each, so offsets keep their meaning. When the excerpt
    is too wide it is cut to a window around the span (span first, then context split evenly
    left and right), with `ellipsis` where text was cut. A zero-width span gets one marker.
    """
    flat = "".join(" " if ch in "\r\n\t\v\f" else ch for ch in excerpt)
    n = len(flat)
    widths = [cell_width(ch) for ch in flat]
    if span is not None:
        s = max(0, min(span[0], n))
        e = max(s, min(span[1], n))
    else:
        s = e = 0
    left, right = 0, n
    if sum(widths) > budget:
        ell = text_width(ellipsis)
        avail = max(budget - 2 * ell, 1)
        left = right = s
        used = 0
        while right < e and used + widths[right] <= avail:
            used += widths[right]
            right += 1
        spare = avail - used
        left_budget = spare // 2 if span is not None else 0
        while left > 0 and widths[left - 1] <= left_budget:
            left -= 1
            left_budget -= widths[left]
            spare -= widths[left]
        while right < n and widths[right] <= spare:
            spare -= widths[right]
            right += 1
        while left > 0 and widths[left - 1] <= spare:
            left -= 1
            spare -= widths[left]
    head = ellipsis if left > 0 else ""
    tail = ellipsis if right < n else ""
    shown = head + flat[left:right] + tail
    if span is None:
        return Window(shown)
    column = text_width(head) + sum(widths[left:s])
    length = max(1, sum(widths[s : min(e, right)]))
    start = len(head) + s - left
    end = len(head) + min(e, right) - left
    return Window(shown, column, length, start, end)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def summary(result: RunResult, lang: str, ascii_only: bool) -> str:
    counts = severity_counts(result.diagnostics)
    files = len(result.all_paths())
    unreadable = len(result.errors)
    if lang == "en":
        in_files = f"in {_plural(files, 'file')}"
        if result.diagnostics:
            sep = ", " if ascii_only else " · "
            text = sep.join(_plural(counts[k], k) for k in ("error", "warning", "info")) + " " + in_files
        else:
            text = f"No problems found {in_files}"
        if unreadable:
            text += f"; {_plural(unreadable, 'file')} could not be read"
        return text
    words = SEVERITY_WORDS["zh"]
    if result.diagnostics:
        sep = ", " if ascii_only else " · "
        text = sep.join(f"{counts[k]} 个{words[k]}" for k in ("error", "warning", "info"))
        text += f"，共 {files} 个文件"
    else:
        text = f"未发现问题，共 {files} 个文件"
    if unreadable:
        text += f"；{unreadable} 个文件无法读取"
    return text


def _group(diagnostics: list[Diagnostic]) -> dict[str, dict[str | None, list[Diagnostic]]]:
    """path → section → diagnostics, each level in order of first appearance."""
    groups: dict[str, dict[str | None, list[Diagnostic]]] = {}
    for d in diagnostics:
        groups.setdefault(d.path, {}).setdefault(d.section, []).append(d)
    return groups


# -- rendering (rich) ---------------------------------------------------------------------------


class _Writer:
    """Prints styled, wrapped, indented lines; never lets rich re-wrap or pad them."""

    def __init__(self, console: Console, width: int):
        self.console = console
        self.width = width

    def blank(self) -> None:
        self.console.print()

    def line(self, text: Text, indent: int = 0) -> None:
        from rich.text import Text

        available = max(self.width - indent, 10)
        for start, end in wrap(text.plain, available):
            self.console.print(Text(" " * indent) + text[start:end], no_wrap=True, crop=False)

    def raw(self, text: Text, indent: int = 0) -> None:
        from rich.text import Text

        self.console.print(Text(" " * indent) + text, no_wrap=True, crop=False, overflow="ignore")


def _diagnostic(out: _Writer, d: Diagnostic, options: ReportOptions) -> None:
    from rich.text import Text

    labels = LABELS.get(options.lang, LABELS["zh"])
    words = SEVERITY_WORDS.get(options.lang, SEVERITY_WORDS["zh"])
    style = STYLES.get(d.severity, "bold")

    head = Text()
    head.append(words.get(d.severity, d.severity), style=style)
    head.append(" ")
    head.append(d.rule, style="bold")
    if d.name:
        head.append(" ")
        head.append(d.name, style="dim")
    head.append(labels["colon"])
    head.append(d.message)
    out.line(head, INDENT_DIAG)

    where = local_location(d)
    if d.line is not None:
        at = f"{d.line}:{d.column if d.column is not None else 1}"
        at = f"{d.path}:{at}"  # path:line:col is a link in most terminals and editors
        if not where or where == f"line {d.line}":
            where = at
        else:
            where += f"（{at}）" if options.lang == "zh" else f" ({at})"
    if where:
        out.line(Text(labels["location"]) + Text(where, style="cyan"), INDENT_DETAIL)

    if d.excerpt.strip():
        gutter = "| " if options.ascii else "│ "
        budget = max(out.width - INDENT_DETAIL - text_width(gutter), 20)
        window = excerpt_window(d.excerpt, d.span, budget, "..." if options.ascii else "…")
        excerpt = Text(window.text)
        if window.start is not None and window.end is not None:
            excerpt.stylize(style, window.start, window.end)
        out.raw(Text.assemble((gutter, "dim"), excerpt), INDENT_DETAIL)
        if window.column is not None and window.length is not None:
            marker = Text(" " * window.column) + Text("^" * window.length, style=style)
            out.raw(Text.assemble((gutter, "dim"), marker), INDENT_DETAIL)

    if options.show_basis and d.basis:
        out.line(Text(labels["basis"] + d.basis, style="dim"), INDENT_DETAIL)
    if d.related:
        out.line(Text(labels["related"] + labels["related_sep"].join(d.related), style="dim"), INDENT_DETAIL)


def render(result: RunResult, stream: TextIO, options: ReportOptions) -> None:
    # Imported here: rich costs ~45 ms at start-up and only this format needs it.
    from rich.console import Console
    from rich.text import Text

    from govlint.report import statistics

    width = options.width or DEFAULT_WIDTH
    console = Console(
        file=stream,
        width=width,
        color_system="auto" if options.color else None,
        force_terminal=options.color,
        force_jupyter=False,
        force_interactive=False,
        legacy_windows=False,
        emoji=False,
        highlight=False,
        markup=False,
        soft_wrap=False,
    )
    out = _Writer(console, width)
    labels = LABELS.get(options.lang, LABELS["zh"])

    for path, sections in _group(result.diagnostics).items():
        out.line(Text(path, style="bold underline"))
        for section, found in sections.items():
            out.line(Text(section or labels["no_section"], style="bold"), INDENT_SECTION)
            for d in found:
                _diagnostic(out, d, options)
                out.blank()

    if options.statistics and result.diagnostics:
        out.line(Text(labels["statistics"], style="bold"))
        for row in statistics.lines(result, options.lang):
            out.raw(Text(row), INDENT_SECTION)
        out.blank()

    counts = severity_counts(result.diagnostics)
    tone = "bold red" if counts["error"] else "bold yellow" if counts["warning"] else "bold green"
    if result.diagnostics and not counts["error"] and not counts["warning"]:
        tone = "bold cyan"
    out.line(Text(summary(result, options.lang, options.ascii), style=tone))
