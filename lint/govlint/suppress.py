"""Suppressions written in the document itself: Markdown comments and Word comments.

Markdown (HTML comments; the text after the ids is a free reason)::

    <!-- govlint-disable GL301 -->          GL301 off from here (the block holding the comment,
    …                                        or the next block) …
    <!-- govlint-enable -->                 … to here: every rule back on (or `govlint-enable
                                             GL301`: only those ids back on)
    <!-- govlint-disable-next-line GL203 -- 联系方式见附件 -->   the next block only
    <!-- govlint-disable-file GL205 -->     the whole file, document-level findings included

Word (.docx): a comment whose text starts with `govlint-disable GL301 <reason>` suppresses those
rules on the blocks its range covers (first_block..last_block); `govlint-disable-file GL205`
anywhere suppresses for the whole file; `govlint-enable` means nothing in a Word comment.

Common rules: ids are separated by spaces, commas or 、; an id may be a prefix (GL3) or ALL, as
in `--ignore`; no id means every rule. The text is NFKC-folded first, so full-width ids work, and
`govlint: disable …` (the form in the design notes) and `govlint disable …` are accepted too;
`disable-line` is an alias of `disable-next-line` (both mean: the block holding the comment, or
else the next one). Without a matching `enable`, a `disable` lasts to the end of the file. A
suppression covers a diagnostic when the rule matches and the diagnostic's block lies in its range;
diagnostics without a block (a missing section, a missing statement) only yield to
`disable-file`.

Unused suppressions: a rule of kind `unused-suppression` (GL901 in rules/core.yaml) proposes one
finding per suppression comment; the engine stamps it like any other finding (so select, ignore,
per-file-ignores and severity overrides apply), and `apply` keeps it only when that comment
suppressed nothing. A GL901 finding yields only to `govlint-disable-file GL901` (explicit id).

Mapping diagnostics back to blocks: `Diagnostic.order` indexes `Facts.ordered`, not
`Document.blocks`; `_BlockMap` joins the two by block identity. Blocks outside `Facts.ordered`
(title, trailing page noise) all have order 0, so order 0 is resolved by the diagnostic's own
coordinates (table number, DOCX paragraph number, Markdown line range).
"""

from __future__ import annotations

import re
import unicodedata
import weakref
from functools import cache

from govlint import recache
from govlint.document import Paragraph, Table
from govlint.record import Record, replace

TYPE_CHECKING = False  # no typing import at run time
if TYPE_CHECKING:
    from collections.abc import Iterator

    from govlint.diagnostics import Diagnostic
    from govlint.document import Block, Comment, Document

_KEY = "_suppression"  # internal: which suppression a GL901 candidate stands for


@cache
def _regexes() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """(directive, ids, separator): compiled on first use, as most documents have no comments."""
    ident = r"(?:ALL|[A-Za-z][A-Za-z0-9_-]+?[0-9]+)(?![A-Za-z0-9_])"
    return (
        recache.compile(r"\s*govlint\s*(?:[-:–—]\s*)?(disable-next-line|disable-line|disable-file|disable|enable)"
                        r"(?![\w-])(.*)\Z", re.I | re.S),
        recache.compile(rf"[\s:]*({ident}(?:[\s,、;]+{ident})*)", re.I),
        recache.compile(r"[\s,、;]+"),
    )


class Directive(Record):
    """One parsed `govlint-…` comment."""

    __slots__ = ("action", "rules", "reason", "comment", "first", "last", "inline")

    def __init__(self, action: str, rules: tuple[str, ...] | None, reason: str, comment: Comment,
                 first: int | None = None, last: int | None = None, inline: bool = False):
        self.action = action  # "disable" | "disable-next-line" | "disable-file" | "enable"
        self.rules = rules  # ids or prefixes, upper case; None = every rule
        self.reason = reason
        self.comment = comment
        self.first = first  # block index the comment stands at (Markdown) or its range (Word)
        self.last = last
        self.inline = inline  # Markdown: the comment sits inside block `first`, not before it

    @property
    def label(self) -> str:
        return f"govlint-{self.action}" + (" " + " ".join(self.rules) if self.rules else "")


def parse_directive(text: str) -> tuple[str, tuple[str, ...] | None, str] | None:
    """(action, rules or None, reason) of a comment's text, or None if it is no directive."""
    directive_re, ids_re, sep_re = _regexes()
    folded, starts = _fold(text)
    m = directive_re.match(folded)
    if m is None:
        return None
    action = m.group(1).lower()
    if action == "disable-line":
        action = "disable-next-line"
    at = m.start(2)
    ids = ids_re.match(folded, at)
    rules: tuple[str, ...] | None = None
    if ids:
        rules = tuple(dict.fromkeys(t.upper() for t in sep_re.split(ids.group(1)) if t))
        at = ids.end()
    reason = text[starts[at]:] if at < len(folded) else ""  # the reason as written, not folded
    reason = reason.strip().lstrip("-–—:：()（）").strip()
    if rules and "ALL" in rules:
        rules = None
    return action, rules, reason


def _fold(text: str) -> tuple[str, list[int]]:
    """NFKC per character, with the original index of every folded character."""
    out: list[str] = []
    starts: list[int] = []
    for i, ch in enumerate(text):
        f = unicodedata.normalize("NFKC", ch)
        out.append(f)
        starts.extend([i] * len(f))
    return "".join(out), starts


def _match(rule_id: str, patterns) -> bool:
    return any(rule_id == p or rule_id.startswith(p) or p == "ALL" for p in patterns)


class Segment(Record):
    """Blocks start..end (inclusive; end None = to the end) where `rules` (None = all) are off,
    except those matching `excluded` (re-enabled by a `govlint-enable ID`)."""

    __slots__ = ("start", "end", "rules", "excluded")
    __hash__ = None  # mutable (an enable closes `end`)

    def __init__(self, start: int, end: int | None, rules: tuple[str, ...] | None,
                 excluded: frozenset[str] = frozenset()):
        self.start = start
        self.end = end
        self.rules = rules
        self.excluded = excluded

    def covers(self, rule_id: str, block: int) -> bool:
        if block < self.start or (self.end is not None and block > self.end):
            return False
        if self.rules is not None and not _match(rule_id, self.rules):
            return False
        return not _match(rule_id, self.excluded)


class Suppression(Record):
    __slots__ = ("directive", "segments", "file_level", "used")
    __hash__ = None  # mutable (`used` counts)

    def __init__(self, directive: Directive, segments: list[Segment] | None = None, file_level: bool = False,
                 used: int = 0):
        self.directive = directive
        self.segments = [] if segments is None else segments
        self.file_level = file_level
        self.used = used  # diagnostics it suppressed

    def covers(self, rule_id: str, block: int | None) -> bool:
        if self.file_level:
            return self.directive.rules is None or _match(rule_id, self.directive.rules)
        return block is not None and any(s.covers(rule_id, block) for s in self.segments)


def _start(block: Block) -> tuple[int, int] | None:
    src = block.source
    return (src.line, src.column or 1) if src.line is not None else None


def _anchor(doc: Document, c: Comment) -> tuple[int | None, bool]:
    """(block index, inline) of a Markdown comment. The reader gives the block holding the comment
    or the next one; after reflow split a paragraph, step to the piece the comment stands in."""
    b = c.first_block
    if b is None or not 0 <= b < len(doc.blocks) or c.source.line is None:
        return (b if b is not None and 0 <= b < len(doc.blocks) else None), False
    at = (c.source.line, c.source.column or 1)
    while b + 1 < len(doc.blocks):
        nxt = _start(doc.blocks[b + 1])
        if nxt is None or nxt > at:
            break
        b += 1
    start = _start(doc.blocks[b])
    return b, start is not None and start <= at


def directives(doc: Document) -> list[Directive]:
    """The directives among the document's comments, in reading order."""
    out = []
    for i, c in enumerate(doc.comments):
        parsed = parse_directive(c.text)
        if parsed is None:
            continue
        action, rules, reason = parsed
        if doc.format == "docx":
            first, last, inline = c.first_block, c.last_block, True
        else:
            first, inline = _anchor(doc, c)
            last = first
        out.append((c.source.line or 0, c.source.column or 0, i,
                    Directive(action, rules, reason, c, first, last, inline)))
    if doc.format != "docx":
        out.sort(key=lambda t: t[:3])
    return [t[3] for t in out]


def build(doc: Document) -> list[Suppression]:
    """Suppressions (every directive but `enable`) with the block ranges they cover."""
    n = len(doc.blocks)
    sups: list[Suppression] = []
    for d in directives(doc):
        if d.action == "disable-file":
            sups.append(Suppression(d, file_level=True))
        elif d.action == "enable":
            if doc.format != "docx":
                _enable(sups, d)
        elif doc.format == "docx" or d.action == "disable-next-line":
            segs = [Segment(d.first, d.last if d.last is not None else d.first, d.rules)] if d.first is not None else []
            sups.append(Suppression(d, segs))
        else:  # disable: open until an enable
            sups.append(Suppression(d, [Segment(d.first if d.first is not None else n, None, d.rules)]))
    return sups


def _enable(sups: list[Suppression], d: Directive) -> None:
    if d.first is None:
        return  # at the very end: nothing left to re-enable
    end = d.first if d.inline else d.first - 1
    for s in sups:
        if s.file_level or s.directive.action != "disable" or not s.segments:
            continue
        seg = s.segments[-1]
        if seg.end is not None:
            continue
        if d.rules is None:
            seg.end = end
            continue
        if seg.rules is None:
            seg.end = end
            s.segments.append(Segment(end + 1, None, None, seg.excluded | set(d.rules)))
        elif any(_match(r, d.rules) or _match(x, seg.rules) for r in seg.rules for x in d.rules):
            seg.end = end
            left = tuple(r for r in seg.rules if not _match(r, d.rules))
            if left:
                s.segments.append(Segment(end + 1, None, left, seg.excluded | set(d.rules)))


# --- per-document state shared by the GL901 kind and apply() ----------------------------------
class _State(Record):
    __slots__ = ("suppressions", "gl901_rules")
    __hash__ = None

    def __init__(self, suppressions: list[Suppression], gl901_rules: set[str] | None = None):
        self.suppressions = suppressions
        self.gl901_rules = set() if gl901_rules is None else gl901_rules


_STATES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _state(facts) -> _State:
    st = _STATES.get(facts)
    if st is None:
        st = _STATES[facts] = _State(build(facts.doc))
    return st


def candidates(rule, facts) -> Iterator:
    """For the unused-suppression kind: one Finding per suppression comment (see module doc)."""
    from govlint.kinds.base import Finding

    st = _state(facts)
    st.gl901_rules.add(rule.id)
    blocks = facts.doc.blocks
    for k, s in enumerate(st.suppressions):
        d = s.directive
        block = blocks[d.first] if d.first is not None and 0 <= d.first < len(blocks) else None
        yield Finding(
            block=block, section=facts.section_of(block) if block is not None else None,
            excerpt=d.comment.text,
            values={"directive": d.label, "rules": "、".join(d.rules) if d.rules else "全部规则"},
            json_values={"directive": d.action, "rules": list(d.rules) if d.rules else None,
                         "reason": d.reason or None, _KEY: k},
        )


class _BlockMap:
    """Diagnostic → index in Document.blocks (see module doc)."""

    def __init__(self, doc: Document, facts) -> None:
        self.doc = doc
        pos = {id(b): i for i, b in enumerate(doc.blocks)}
        self.by_order = [pos.get(id(b)) for b, _ in facts.ordered]
        in_order = {id(b) for b, _ in facts.ordered}
        self.unordered = [i for i, b in enumerate(doc.blocks) if id(b) not in in_order]

    def block_of(self, d: Diagnostic) -> int | None:
        if d.order < 0:
            return None
        first = self.by_order[d.order] if d.order < len(self.by_order) else None
        if d.order != 0 or not self.unordered:
            return first
        for i in ([first] if first is not None else []) + self.unordered:
            if _at(d, self.doc.blocks[i]):
                return i
        return first


def _at(d: Diagnostic, block: Block) -> bool:
    """Whether a diagnostic's own coordinates point into this block."""
    if isinstance(block, Table):
        return d.table is not None and d.table == block.index
    assert isinstance(block, Paragraph)
    if d.table is not None:
        return False
    if d.paragraph is not None and block.source.paragraph is not None:
        return d.paragraph == block.source.paragraph
    if d.line is not None and block.source.line is not None:
        last = max((a.line for a in block.anchors if a.line is not None), default=block.source.line)
        return block.source.line <= d.line <= last
    return bool(d.excerpt) and d.excerpt == block.display_text


def apply(doc: Document, diagnostics: list[Diagnostic], facts, packs=None, packset=None,
          select: list[str] | None = None, ignored: list[str] | None = None) -> list[Diagnostic]:
    """Drop the diagnostics the document's own comments suppress; keep GL901 candidates only for
    suppressions that suppressed nothing, placed at their comment.

    `packs` (the packs that ran), `packset` (every loaded pack), `select` and `ignored` tell which
    rules ran: a suppression that names only rules that did not run (ignored, not selected, or of
    a pack that does not apply) cannot be judged and is not reported; an id no pack knows (a typo)
    is. Without them every suppression is judged."""
    st = _state(facts)
    sups = st.suppressions
    if not sups:
        return diagnostics
    judged = _judge(packs, packset, select or [], ignored or [], st.gl901_rules)
    blocks = _BlockMap(doc, facts)
    kept: list[Diagnostic] = []
    pending: list[tuple[Diagnostic, int]] = []
    for d in diagnostics:
        if d.rule in st.gl901_rules and isinstance(d.values, dict) and _KEY in d.values:
            pending.append((d, d.values[_KEY]))
            continue
        b = blocks.block_of(d)
        hits = [s for s in sups if s.covers(d.rule, b)]
        for s in hits:
            s.used += 1
        if not hits:
            kept.append(d)
    unused = [(d, k) for d, k in pending if not sups[k].used and judged(sups[k].directive.rules)]
    for d, k in unused:
        hits = [s for s in sups if s.file_level and s.directive.rules is not None
                and _match(d.rule, s.directive.rules)]
        for s in hits:
            s.used += 1
        if not hits:
            kept.append(_place(d, sups[k], facts))
    return kept


def _judge(packs, packset, select: list[str], ignored: list[str], gl901: set[str]):
    """A test of a suppression's rules: True when it can be called unused in this run."""
    if packs is None:
        return lambda rules: True
    from govlint.engine import _matches

    ran = {r.id for p in packs for r in p.effective
           if (not select or _matches(r.id, select)) and not _matches(r.id, ignored)} - gl901
    known = {r.id for p in (packset.packs.values() if packset is not None else packs) for r in p.effective}

    def judged(rules: tuple[str, ...] | None) -> bool:
        if rules is None:
            return bool(ran)
        return any(_match(r, rules) for r in ran) or any(not any(_match(k, (p,)) for k in known) for p in rules)

    return judged


def _place(d: Diagnostic, s: Suppression, facts) -> Diagnostic:
    """A GL901 candidate moved onto its comment: 'line N' in Markdown, 批注 第N段 in Word."""
    src = s.directive.comment.source
    where = f"line {src.line}" if src.line is not None else src.location()
    location = f"{d.section} / {where}" if d.section and where else (d.section or where or d.location)
    values = {k: v for k, v in (d.values or {}).items() if k != _KEY}
    order = d.order
    if order < 0 and src.line is not None:
        order = len(facts.ordered)  # a comment after the last block
    return replace(d, line=src.line, column=src.column if src.line is not None else None,
                   end_line=None, end_column=None, span=None, location=location, values=values,
                   paragraph=src.paragraph, table=src.table, row=src.row, col=src.col, order=order)
