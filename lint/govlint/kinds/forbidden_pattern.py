"""Forbidden pattern: text that must not appear — a placeholder left in a draft, a mis-cited
document, a deprecated term, garbled characters. Each entry is a regex (run on folded text:
繁→简, full-width→half-width; `raw: true` runs on the original text instead, for damage such as
pinyin annotations or HTML that cleaning removes) with an optional `hint` for {hint}.
`cells: true` also scans table cells. At most `max_per_file` findings per entry (default 5).

    - id: GL502
      kind: forbidden-pattern
      severity: error
      message: 草稿占位符未替换：“{match}”
      patterns:
        - {pattern: 'X{2,}(件|条|个|人|次|元)', hint: 数字}
        - {pattern: '【待填】|此处填写|TODO'}
"""

from __future__ import annotations

import re
from bisect import bisect_right

from govlint.kinds._util import MAX_PATTERN, bad, compile_one, finditer, remember
from govlint.kinds.base import Finding
from govlint.text.normalize import fold

try:
    from re import _constants as _c
    from re import _parser
except ImportError:  # Python 3.10
    import sre_constants as _c
    import sre_parse as _parser

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

    from govlint.facts import Facts
    from govlint.kinds.base import Rule

# Blocks are searched joined into one text, one search per pattern (instead of one per block and
# pattern: thousands of calls on a long report), separated by a character that no lookaround of a
# joinable pattern can read (see _joinable).
SEP = "\x00"


def prepare(params: dict) -> list[dict]:
    entries = params.get("patterns")
    if not isinstance(entries, list) or not entries:
        raise bad("patterns", "a list of {pattern, hint} is required")
    out = []
    for e in entries:
        if isinstance(e, str):
            e = {"pattern": e}
        p = e.get("pattern") if isinstance(e, dict) else None
        if not isinstance(p, str) or len(p) > MAX_PATTERN:
            raise bad("patterns", "each entry needs a pattern of at most 500 characters")
        rx = compile_one(p, "patterns")
        out.append({**e, "rx": rx, "joinable": remember("forbidden-pattern joinable", rx, _joinable),
                    "needs": remember("forbidden-pattern needs", rx, _needs)})
    return out


def _joinable(rx) -> bool:
    """Whether one search over the blocks joined by SEP finds what a search of each block finds,
    until a match that runs over a SEP (which `_hits` notices). True for a built-in pattern (`re`;
    a user's `regex` pattern runs block by block, each run with its time limit) without `^`, `$`,
    `\\A`, `\\Z`, atomic groups or possessive repeats, whose lookarounds cannot read a SEP: then
    a block's end looks to the pattern like the end of the text, and so does its start."""
    if rx.__class__ is not re.Pattern:
        return False
    try:
        return _context_free(_parser.parse(rx.pattern, rx.flags), False)
    except Exception:  # a construct this check does not know: search block by block
        return False


def _context_free(items, in_lookaround: bool) -> bool:
    for op, av in items:
        if op is _c.AT:
            if av not in (_c.AT_BOUNDARY, _c.AT_NON_BOUNDARY):  # \b, \B: a SEP is no word character
                return False
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            if not _context_free(av[1], True):
                return False
        elif op is _c.SUBPATTERN:
            if not _context_free(av[-1], in_lookaround):
                return False
        elif op is _c.BRANCH:
            if not all(_context_free(b, in_lookaround) for b in av[1]):
                return False
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            if not _context_free(av[2], in_lookaround):
                return False
        elif op in (_c.LITERAL, _c.IN, _c.NOT_LITERAL, _c.ANY, _c.GROUPREF):
            if in_lookaround and not _never_sep(op, av):
                return False
        else:  # atomic groups, possessive repeats, conditionals …
            return False
    return True


def _never_sep(op, av) -> bool:
    """Whether a character item surely does not match SEP."""
    sep = ord(SEP)
    if op is _c.LITERAL:
        return av != sep
    if op is not _c.IN:
        return False  # [^x], '.', a back-reference
    for kind, v in av:
        if kind is _c.LITERAL and v == sep or kind is _c.RANGE and v[0] <= sep <= v[1]:
            return False
        if kind is _c.CATEGORY and v not in (_c.CATEGORY_DIGIT, _c.CATEGORY_SPACE, _c.CATEGORY_WORD):
            return False
        if kind not in (_c.LITERAL, _c.RANGE, _c.CATEGORY):  # NEGATE, …
            return False
    return True


def _needs(rx) -> tuple[tuple[str, ...], ...]:
    """Alternatives a text must hold one of, for each group, for the pattern to match in it: e.g.
    (('X', '×', '＊', '*', '□'),) for '(?<![A-Z])(XX+|×{2,}|＊{2,}|\\*{3,}|□{2,})', (('免予公开',),)
    for '免予公开'. A pattern whose needs are absent from the text is not run (a few fast `in`
    tests instead of a regex over the text). Built-in patterns (`re`) without IGNORECASE only;
    () when nothing is known."""
    if rx.__class__ is not re.Pattern or rx.flags & re.IGNORECASE:
        return ()
    try:
        groups = _required(_parser.parse(rx.pattern, rx.flags))
    except Exception:  # noqa: BLE001 - a construct this check does not know: no shortcut
        return ()
    groups.sort(key=lambda g: (len(g), -min(map(len, g))))  # the likely rarest first
    return tuple(tuple(sorted(g)) for g in groups[:4])


_MAX_SET = 32


def _required(items) -> list[set[str]]:
    """Groups of strings, one of each group in every text the items match in."""
    out: list[set[str]] = []
    run = ""  # consecutive literal characters: a required string
    for op, av in items:
        if op is _c.LITERAL:
            run += chr(av)
            continue
        if run:
            out.append({run})
            run = ""
        if op is _c.IN:
            chars: set[str] = set()
            for kind, v in av:
                if kind is _c.LITERAL:
                    chars.add(chr(v))
                elif kind is _c.RANGE and v[1] - v[0] < _MAX_SET:
                    chars.update(chr(c) for c in range(v[0], v[1] + 1))
                else:  # a category, a negation, a wide range
                    break
            else:
                if len(chars) <= _MAX_SET:
                    out.append(chars)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            if av[0] >= 1:
                out += _required(av[2])
        elif op is _c.SUBPATTERN:
            if not av[1] & re.IGNORECASE:
                out += _required(av[-1])
        elif op is _c.ASSERT:  # what a lookaround requires is in the text too
            out += _required(av[1])
        elif op is _c.BRANCH:  # one of the branches: the union of one group from each
            union: set[str] = set()
            for b in av[1]:
                groups = _required(b)
                if not groups:
                    break
                union |= min(groups, key=len)
            else:
                if len(union) <= _MAX_SET:
                    out.append(union)
    if run:
        out.append({run})
    return out


class _View:
    """The texts of the blocks one rule scans (folded, or cleaned with a map back to the
    original), and all of them joined by SEP."""

    __slots__ = ("texts", "backs", "starts", "joined")

    def __init__(self, texts: list[str], backs: list | None):
        self.texts = texts
        self.backs = backs
        self.starts = []
        at = 0
        for t in texts:
            self.starts.append(at)
            at += len(t) + 1
        self.joined = SEP.join(texts)


def _views(facts: Facts, cells: bool) -> tuple[list, dict]:
    """(targets, views by `raw`) for every forbidden-pattern rule of a document (shared by them)."""
    cache = facts.__dict__.setdefault("_forbidden_pattern_views", {})
    got = cache.get(cells)
    if got is None:
        targets = [(para, None, para.text) for para, _sec in facts.paragraphs()]
        if cells:
            for table, _sec in facts.tables():
                for c in table.cells:
                    targets.append((table, c, c.text))
        got = cache[cells] = (targets, {})
    return got


def _view(facts: Facts, targets: list, views: dict, raw: bool) -> _View:
    v = views.get(raw)
    if v is None:
        if raw:
            folded: dict[str, str] = {}
            texts = []
            for _block, _cell, text in targets:
                f = folded.get(text)
                if f is None:
                    f = folded[text] = fold(text)
                texts.append(f)
            v = views[raw] = _View(texts, None)
        else:
            backs = [facts.clean(text) for _block, _cell, text in targets]
            v = views[raw] = _View([c.text for c in backs], backs)
    return v


def _hits(rx, view: _View, joinable: bool) -> Iterator[tuple[int, int, int]]:
    """(block, start, end) of every match in the blocks' texts, in reading order: what searching
    each block in turn finds."""
    done = 0
    if joinable:
        starts, texts = view.starts, view.texts
        for m in rx.finditer(view.joined):
            a, b = m.span()
            j = bisect_right(starts, a) - 1
            s, e = a - starts[j], b - starts[j]
            if e > len(texts[j]):
                break  # over a block's end (rare): the per-block search finds the rest
            yield j, s, e
            done += 1
        else:
            return
    n = 0  # block by block; the first `done` matches are the ones found above
    for j, text in enumerate(view.texts):
        for m in finditer(rx, text):
            n += 1
            if n > done:
                yield j, m.start(), m.end()


def check(rule: Rule, facts: Facts) -> Iterator[Finding]:
    cells = bool(rule.params.get("cells", False))
    limit = int(rule.params.get("max_per_file", 5))
    targets, views = _views(facts, cells)
    for entry in rule.compiled:
        count = 0
        raw = bool(entry.get("raw"))
        view = _view(facts, targets, views, raw)
        if not all(any(c in view.joined for c in chars) for chars in entry["needs"]):
            continue  # a character every match needs is nowhere in the text
        for j, s, e in _hits(entry["rx"], view, entry["joinable"]):
            if not raw:
                s, e = view.backs[j].orig_span(s, e)
            block, cell, text = targets[j]
            vals = {"match": text[s:e], "hint": entry.get("hint", "")}
            yield Finding(block=block, cell=cell, span=(s, e), values=vals)
            count += 1
            if count >= limit:
                break
