"""Helpers shared by kinds: compiling pack regexes safely and scanning paragraphs with them.

Every regular expression that comes from a user's rule pack is untrusted: a pack author (or whoever
edits `.govlint.yaml` in a pull request) can write a catastrophic pattern such as '(a|a)+$'. So:

- `compile_one` / `compile_patterns` refuse patterns longer than MAX_PATTERN characters and
  compile with the `regex` module (never `re`), which can stop a match after a time limit;
- `search`, `match`, `fullmatch` and `finditer` run a pack pattern with a TIMEOUT per call; a call
  that times out counts as no match;
- and each pattern has a BUDGET of time lost to timeouts per process: once a pattern has timed
  out for that long, it is no longer run (it matches nothing), so a catastrophic pattern over a
  draft of thousands of paragraphs costs seconds, not TIMEOUT × paragraphs. `timed_out()` lists the
  patterns that did.

The built-in packs (rules/*.yaml) are trusted: their patterns are reviewed, tested with `re` by
the test suite and run on every report of the corpus. `prepare_builtin` prepares a built-in rule
with its patterns compiled by the standard `re` module, which is already imported and matches
without the per-call overhead of a timeout; `regex` (10–40 ms to import) is imported only when a
user's pack is loaded. The helpers below take either kind of pattern.

Compiling with `re` costs ~35 ms for the patterns of an annual report; `govlint.recache`
caches the compiled programs across runs.
"""

from __future__ import annotations

import re

from govlint import recache
from govlint.recache import remember  # noqa: F401 - kinds take it from here

TYPE_CHECKING = False  # no typing import at run time
if TYPE_CHECKING:
    from collections.abc import Iterator

    import regex

    from govlint.document import Paragraph, Section
    from govlint.facts import Facts

MAX_PATTERN = 500
TIMEOUT = 0.5  # seconds a single pack regex may run on one text
BUDGET = 1.0  # seconds of timeouts one pattern may cost a process before it is switched off

_lost: dict[int, float] = {}  # id(pattern) → seconds lost to timeouts
_patterns: dict[int, regex.Pattern] = {}  # keeps the patterns alive, so ids stay unique
_trusted = False  # True while prepare_builtin runs: compile with `re`
_RE_PATTERN = re.Pattern


def prepare_builtin(prepare, params: dict):
    """`prepare(params)` for a rule of a built-in pack: its patterns are compiled with `re`."""
    global _trusted
    was, _trusted = _trusted, True
    try:
        return prepare(params)
    finally:
        _trusted = was
        recache.save()




def compile_one(p: object, key: str, flags: int = 0) -> regex.Pattern | re.Pattern:
    """Compile one pack pattern; ValueError (with .key) if it is not a string, too long or bad."""
    if not isinstance(p, str) or len(p) > MAX_PATTERN:
        raise bad(key, f"each pattern must be a string of at most {MAX_PATTERN} characters")
    if _trusted:
        try:
            return recache.compile(p, flags)
        except (re.error, OverflowError, RecursionError, ValueError) as e:
            raise bad(key, f"bad regular expression {p!r}: {e}") from None
    import regex  # only for users' packs: 10–40 ms to import

    try:
        return regex.compile(p, flags | regex.V0)
    except (regex.error, OverflowError, RecursionError, ValueError) as e:
        raise bad(key, f"bad regular expression {p!r}: {e}") from None


def compile_patterns(params: dict, key: str, required: bool = True) -> list:
    pats = params.get(key)
    if pats is None and not required:
        return []
    if isinstance(pats, str):
        pats = [pats]
    if not isinstance(pats, list) or (required and not pats):
        raise bad(key, "a list of regular expressions is required")
    return [compile_one(p, key) for p in pats]


def bad(key: str, msg: str) -> ValueError:
    e = ValueError(msg)
    e.key = key  # type: ignore[attr-defined]
    return e


def _timeout(p: regex.Pattern) -> float | None:
    """The time limit for the next run of `p`, or None if its budget is spent."""
    if not _lost:  # the common case: no pattern ever timed out
        return TIMEOUT
    left = BUDGET - _lost.get(id(p), 0.0)
    return None if left <= 0 else min(TIMEOUT, left)


def _charge(p: regex.Pattern, seconds: float) -> None:
    _patterns[id(p)] = p
    _lost[id(p)] = _lost.get(id(p), 0.0) + seconds


def timed_out() -> list[str]:
    """The pack patterns that hit the time limit in this process."""
    return [_patterns[k].pattern for k in _lost if k in _patterns]


# Each helper runs a built-in pattern (an `re.Pattern`) directly and a user's (`regex`) with the
# time limit.

def search(p, text: str, pos: int = 0, endpos: int | None = None):
    """p.search with a time limit: a catastrophic pattern gives no match, not a hang."""
    if p.__class__ is _RE_PATTERN:
        return p.search(text, pos) if endpos is None else p.search(text, pos, endpos)
    t = _timeout(p)
    if t is None:
        return None
    try:
        if endpos is None:
            return p.search(text, pos, timeout=t)
        return p.search(text, pos, endpos, timeout=t)
    except TimeoutError:
        _charge(p, t)
        return None


def match(p, text: str, pos: int = 0):
    if p.__class__ is _RE_PATTERN:
        return p.match(text, pos)
    t = _timeout(p)
    if t is None:
        return None
    try:
        return p.match(text, pos, timeout=t)
    except TimeoutError:
        _charge(p, t)
        return None


def fullmatch(p, text: str):
    if p.__class__ is _RE_PATTERN:
        return p.fullmatch(text)
    t = _timeout(p)
    if t is None:
        return None
    try:
        return p.fullmatch(text, timeout=t)
    except TimeoutError:
        _charge(p, t)
        return None


def finditer(p, text: str) -> list:
    if p.__class__ is _RE_PATTERN:
        return list(p.finditer(text))
    t = _timeout(p)
    if t is None:
        return []
    try:
        return list(p.finditer(text, timeout=t))
    except TimeoutError:
        _charge(p, t)
        return []


class Guarded:
    """A compiled pack pattern whose every run has the time limit (for a user's pattern): a
    drop-in for the methods kinds call on a pattern (search, match, fullmatch, finditer)."""

    __slots__ = ("rx", "pattern")

    def __init__(self, rx):
        self.rx, self.pattern = rx, rx.pattern

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        return search(self.rx, text, pos, endpos)

    def match(self, text: str, pos: int = 0):
        return match(self.rx, text, pos)

    def fullmatch(self, text: str):
        return fullmatch(self.rx, text)

    def finditer(self, text: str) -> list:
        return finditer(self.rx, text)


def guarded(p: object, key: str) -> Guarded:
    """Compile a pack's regular expression (length-limited) for use with a time limit."""
    return Guarded(compile_one(p, key))


def scan(facts: Facts, patterns: list, *, cells: bool = False
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
