"""What every rule kind shares: the Rule it is given and the Finding it yields.

A kind module defines `check(rule: Rule, facts: Facts) -> Iterator[Finding]` and may define
`prepare(params: dict) -> object` (compile regexes once when the pack loads; errors raise
ValueError with a message naming the key). Its docstring is what `govlint explain` prints. A kind
never reads files, prints, or decides severity: the engine stamps id, severity, message and pack.
"""

from __future__ import annotations

from govlint.record import Record

TYPE_CHECKING = False  # typing is for type checkers only: importing it costs start-up time
if TYPE_CHECKING:
    from typing import Any

    from govlint.document import Block, Cell, Section


class Rule(Record):
    """One rule of a pack, ready to run (a record, see govlint.record)."""

    __slots__ = ("id", "name", "kind", "severity", "message", "basis", "pack", "params", "compiled", "doc",
                 "examples", "source", "line")

    def __init__(
        self,
        id: str,  # noqa: A002 (the field's name)
        name: str,
        kind: str,
        severity: str,
        message: str,
        basis: str,
        pack: str,
        params: dict[str, Any],
        compiled: Any = None,  # what the kind's prepare() returned
        doc: str = "",
        examples: dict[str, list[str]] | None = None,
        source: str = "",  # pack file path, for errors
        line: int | None = None,
    ):
        self.id = id
        self.name = name
        self.kind = kind
        self.severity = severity
        self.message = message
        self.basis = basis
        self.pack = pack
        self.params = params
        self.compiled = compiled
        self.doc = doc
        self.examples = {} if examples is None else examples
        self.source = source
        self.line = line


class Finding(Record):
    """Where and what. `span` indexes into the block's (or cell's) original text."""

    __slots__ = ("block", "cell", "span", "values", "section", "related", "excerpt", "json_values", "severity")

    def __init__(
        self,
        block: Block | None = None,
        cell: Cell | None = None,
        span: tuple[int, int] | None = None,
        values: dict[str, Any] | None = None,  # message placeholders + JSON values
        section: Section | None = None,  # defaults to the section holding `block`
        related: tuple[str, ...] = (),
        excerpt: str | None = None,  # defaults to the block's or cell's text
        json_values: dict[str, Any] | None = None,  # what goes to Diagnostic.values (else None)
        severity: str | None = None,  # a part of a rule the pack marks weaker (config overrides still win)
    ):
        self.block = block
        self.cell = cell
        self.span = span
        self.values = {} if values is None else values
        self.section = section
        self.related = related
        self.excerpt = excerpt
        self.json_values = json_values
        self.severity = severity
