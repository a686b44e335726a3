"""The core: a Document, the packs and the config in; Diagnostics out. It never prints.

For each document the engine picks the packs (by document kind and report year, or as the user
named them), runs every rule of those packs through its kind, stamps each Finding with the
rule's id, severity (after config overrides), message and basis, drops what config ignores, and
applies suppressions (Markdown comments, Word comments).
"""

from __future__ import annotations

import fnmatch

from govlint.diagnostics import Diagnostic
from govlint.document import Cell, Document, Paragraph, Table
from govlint.facts import Facts
from govlint.kinds.base import Finding, Rule
from govlint.packs import PackSet, ensure_prepared, kind_module
from govlint.record import Record

TYPE_CHECKING = False  # typing is for type checkers only: importing it costs start-up time
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any


class Settings(Record):
    """What config and the command line say about one run."""

    __slots__ = ("packs", "select", "ignore", "severity", "per_file_ignores", "year", "issuer_kind", "previous")
    __hash__ = None  # type: ignore[assignment]  # mutable: compared by value, unhashable (as before)

    def __init__(
        self,
        packs: list[str] | None = None,  # replace automatic selection
        select: list[str] | None = None,  # ids or prefixes (GL3)
        ignore: list[str] | None = None,
        severity: dict[str, str] | None = None,  # id → error|warning|info
        per_file_ignores: dict[str, list[str]] | None = None,  # glob → ids
        year: int | None = None,
        issuer_kind: str | None = None,  # "government" | "department" | None (infer)
        previous: Document | None = None,  # last year's report, for carry-over checks
    ):
        self.packs = [] if packs is None else packs
        self.select = [] if select is None else select
        self.ignore = [] if ignore is None else ignore
        self.severity = {} if severity is None else severity
        self.per_file_ignores = {} if per_file_ignores is None else per_file_ignores
        self.year = year
        self.issuer_kind = issuer_kind
        self.previous = previous


def _matches(rule_id: str, patterns: Iterable[str]) -> bool:
    return any(rule_id == p or (p and rule_id.startswith(p)) or p == "ALL" for p in patterns)


class _SafeDict(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def format_message(template: str, values: dict[str, Any]) -> str:
    """The pack's message with `values` filled in; unknown placeholders stay as written."""
    try:
        return template.format_map(_SafeDict(values))  # (string.Formatter: a module to import)
    except (ValueError, IndexError, KeyError, AttributeError):
        return template


def select_packs(doc: Document, packset: PackSet, settings: Settings) -> list:
    return packset.select(doc.kind, doc.report_year, settings.packs or None)


def run_rule(rule: Rule, facts: Facts) -> list[Finding]:
    ensure_prepared(rule)
    return list(kind_module(rule.kind).check(rule, facts))


def lint(doc: Document, packset: PackSet, settings: Settings | None = None) -> list[Diagnostic]:
    settings = settings or Settings()
    if settings.year:
        doc.report_year = settings.year
    facts = Facts(doc, {"issuer_kind": settings.issuer_kind, "previous": settings.previous})
    packs = select_packs(doc, packset, settings)
    ignored = list(settings.ignore)
    for glob, ids in settings.per_file_ignores.items():
        if fnmatch.fnmatch(doc.path, glob) or fnmatch.fnmatch(doc.path.replace("\\", "/"), f"*/{glob}"):
            ignored.extend(ids)
    out: list[Diagnostic] = []
    seen_rules: set[tuple[str, str]] = set()
    for pack in packs:
        for rule in pack.effective:
            if (rule.id, rule.pack) in seen_rules:
                continue
            seen_rules.add((rule.id, rule.pack))
            if settings.select and not _matches(rule.id, settings.select):
                continue
            if _matches(rule.id, ignored):
                continue
            severity = settings.severity.get(rule.id, rule.severity)
            for f in run_rule(rule, facts):
                sev = settings.severity.get(rule.id) or f.severity or severity
                out.append(to_diagnostic(f, rule, sev, pack.id, facts))
    from govlint.suppress import apply as apply_suppressions

    out = apply_suppressions(doc, out, facts, packs, packset, settings.select, ignored)
    unique: dict[tuple, Diagnostic] = {}
    for d in out:
        unique.setdefault((d.rule, d.location, d.message, d.line, d.column, d.span), d)
    return sorted(unique.values(), key=Diagnostic.sort_key)


def to_diagnostic(f: Finding, rule: Rule, severity: str, pack_id: str, facts: Facts) -> Diagnostic:
    block, cell = f.block, f.cell
    section = f.section or (facts.section_of(block) if block is not None else None)
    section_path = facts.section_path(section)
    line = column = end_line = end_column = None
    paragraph = table = row = col = None
    excerpt = f.excerpt
    where = ""
    if cell is not None:
        src = cell.source
        line, column = src.line, src.column
        table, row, col = src.table, src.row, src.col
        where = src.location()
        if excerpt is None:
            excerpt = cell.text
        if f.span and src.column is not None:
            column = src.column + f.span[0]
    elif isinstance(block, Paragraph):
        src = block.source
        paragraph = src.paragraph
        where = src.location()
        if excerpt is None:
            excerpt = block.display_text
        shift = len(block.display_text) - len(block.text)  # an auto-numbering label in front
        if f.span:
            line, column = block.position(f.span[0])
            end_line, end_column = block.position(max(f.span[1] - 1, f.span[0]))
            if end_column is not None:
                end_column += 1
            where = f"line {line}" if line is not None else where
            span = (f.span[0] + shift, f.span[1] + shift)
        else:
            line, column = src.line, src.column
            span = None
        f = Finding(block=f.block, cell=f.cell, span=span, values=f.values, section=f.section,
                    related=f.related, excerpt=f.excerpt, json_values=f.json_values)
    elif isinstance(block, Table):
        src = block.source
        line, column, table = src.line, src.column, src.table
        paragraph = None
        where = src.location()
        if excerpt is None:
            excerpt = block.caption or ""
    if section_path and where:
        location = f"{section_path} / {where}"
    else:
        location = section_path or where or ""
    values = dict(f.values)
    values.setdefault("year", facts.year)
    message = format_message(rule.message, values)
    return Diagnostic(
        path=facts.doc.path, rule=rule.id, name=rule.name, severity=severity,  # type: ignore[arg-type]
        message=message, line=line, column=column, location=location,
        excerpt=(excerpt or "")[:2000], pack=pack_id, basis=rule.basis,
        values=f.json_values, section=section_path,
        span=f.span if cell is not None or isinstance(block, Paragraph) else None,
        end_line=end_line, end_column=end_column, paragraph=paragraph, table=table, row=row,
        col=col, related=tuple(f.related), order=facts.order_of(block) if block is not None else -1,
    )


def cell_finding(table: Table, cell: Cell, **kw) -> Finding:
    return Finding(block=table, cell=cell, **kw)
