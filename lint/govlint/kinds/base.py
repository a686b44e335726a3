"""What every rule kind shares: the Rule it is given and the Finding it yields.

A kind module defines `check(rule: Rule, facts: Facts) -> Iterator[Finding]` and may define
`prepare(params: dict) -> object` (compile regexes once when the pack loads; errors raise
ValueError with a message naming the key). Its docstring is what `govlint explain` prints. A kind
never reads files, prints, or decides severity: the engine stamps id, severity, message and pack.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from govlint.document import Block, Cell, Section


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    kind: str
    severity: str
    message: str
    basis: str
    pack: str
    params: dict[str, Any]
    compiled: Any = None  # what the kind's prepare() returned
    doc: str = ""
    examples: dict[str, list[str]] = field(default_factory=dict)
    source: str = ""  # pack file path, for errors
    line: int | None = None


@dataclass(frozen=True)
class Finding:
    """Where and what. `span` indexes into the block's (or cell's) original text."""

    block: Block | None = None
    cell: Cell | None = None
    span: tuple[int, int] | None = None
    values: dict[str, Any] = field(default_factory=dict)  # message placeholders + JSON values
    section: Section | None = None  # defaults to the section holding `block`
    related: tuple[str, ...] = ()
    excerpt: str | None = None  # defaults to the block's or cell's text
    json_values: dict[str, Any] | None = None  # what goes to Diagnostic.values (else None)
    severity: str | None = None  # a part of a rule the pack marks weaker (config overrides still win)
