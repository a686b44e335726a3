"""Helpers shared by kinds: compiling pack regexes safely and scanning paragraphs with them."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from govlint.document import Paragraph, Section
from govlint.facts import Facts

MAX_PATTERN = 500
TIMEOUT = 0.5  # seconds a single pack regex may run on one paragraph


def compile_patterns(params: dict, key: str, required: bool = True) -> list[regex.Pattern]:
    pats = params.get(key)
    if pats is None and not required:
        return []
    if isinstance(pats, str):
        pats = [pats]
    if not isinstance(pats, list) or (required and not pats):
        raise bad(key, "a list of regular expressions is required")
    out = []
    for p in pats:
        if not isinstance(p, str) or len(p) > MAX_PATTERN:
            raise bad(key, f"each pattern must be a string of at most {MAX_PATTERN} characters")
        try:
            out.append(regex.compile(p, regex.V0))
        except regex.error as e:
            raise bad(key, f"bad regular expression {p!r}: {e}") from None
    return out


def bad(key: str, msg: str) -> ValueError:
    e = ValueError(msg)
    e.key = key  # type: ignore[attr-defined]
    return e


def search(p: regex.Pattern, text: str):
    """p.search with a time limit: a catastrophic pattern gives no match, not a hang."""
    try:
        return p.search(text, timeout=TIMEOUT)
    except TimeoutError:
        return None


def finditer(p: regex.Pattern, text: str):
    try:
        return list(p.finditer(text, timeout=TIMEOUT))
    except TimeoutError:
        return []


def scan(facts: Facts, patterns: list[regex.Pattern], *, cells: bool = False
         ) -> Iterator[tuple[Paragraph | None, Section | None, int, int, object]]:
    """Yield (paragraph, section, start, end, match) for every match in the report's paragraphs
    (and, with cells=True, table cells as (table, section, ...) with the cell in the match's
    `cell` attribute), offsets mapped back to the original text."""
    for para, sec in facts.paragraphs():
        c = facts.clean(para.text)
        for p in patterns:
            for m in finditer(p, c.text):
                s, e = c.orig_span(m.start(), m.end())
                yield para, sec, s, e, m
