"""Cross-check: a figure stated in the text must agree with the same figure in a table, and a
claim in the text ("均获维持", "所有申请均已办理完成") must not be contradicted by the tables.

Each `quantities` entry names a figure of a standard table (`cells`: summed cell references, see
govlint.facts.tables; `also`: other sums the text may legitimately mean — 受理 may include 上年结转)
and the words the text uses for it (`text`: regular expressions). A figure of the text is
compared only when its clause says exactly that quantity for the whole report: the words before
the number, once `prefix` (times and the issuer as subject: 2023年、全年、全市、我局、共…) is
stripped from their start, must match one of the `text` expressions *in full*. So "区政府办代表
区政府受理政府信息公开申请17件" (another subject), "其中结果维持72件" (a part), figures in
brackets ("含上年结转189件") and approximate figures are never compared. Table cells are read only
from tables read confidently (no damaged rows, every column named).

`claims`: a `pattern` found in the text is contradicted when a quantity named in
`contradicted_by` is above zero — in the table, or else as stated in the same paragraph
("转下一年度办理答复的有1件"). `context`, if given, must occur in the claim's sentence before it.

    - id: GL302
      kind: cross-check
      tables: {表三: {rows: [本年新收政府信息公开申请数量, 结转下年度继续办理], min: 2}}
      prefix: '(?:(?:19|20)\\d\\d年度?|全年|全市|全区|我局|共)'
      quantities:
        - name: 本年新收政府信息公开申请数量
          table: 表三
          cells: [{row: 一、本年新收政府信息公开申请数量, col: 总计}]
          text: ['(?:受理|收到)(?:政府信息公开)?申请']
      claims: []
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from govlint import recache
from govlint.facts import Facts
from govlint.facts import figures as F
from govlint.facts import tables as T
from govlint.kinds._util import Guarded, guarded
from govlint.kinds._util import bad as _err
from govlint.kinds.base import Finding, Rule
from govlint.record import Record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator


class Quantity(Record):
    __slots__ = ("name", "table", "cells", "also", "text")

    def __init__(self, name: str, table: str | None, cells: tuple[T.Ref, ...],
                 also: tuple[tuple[T.Ref, ...], ...], text: tuple[re.Pattern[str], ...]):
        self.name = name
        self.table = table
        self.cells = cells
        self.also = also
        self.text = text


class Claim(Record):
    __slots__ = ("pattern", "context", "contradicted_by")

    def __init__(self, pattern: re.Pattern[str], context: re.Pattern[str] | None,
                 contradicted_by: tuple[str, ...]):
        self.pattern = pattern
        self.context = context
        self.contradicted_by = contradicted_by


class Params(Record):
    __slots__ = ("catalogue", "prefix", "units", "quantities", "claims")

    def __init__(self, catalogue: T.Catalogue | None, prefix: re.Pattern[str] | None, units: frozenset[str],
                 quantities: tuple[Quantity, ...], claims: tuple[Claim, ...]):
        self.catalogue = catalogue
        self.prefix = prefix
        self.units = units
        self.quantities = quantities
        self.claims = claims


def _rx(s, k: str) -> Guarded:
    """A pack regex: length-limited when compiled, time-limited whenever it runs."""
    if not isinstance(s, str) or not s:
        raise _err(k, "a regular expression (string) is expected")
    return guarded(s, k)


def prepare(params: dict) -> Params:
    cat = T.parse_catalogue(params["tables"]) if "tables" in params else None
    qs = []
    for q in params.get("quantities") or []:
        if not isinstance(q, dict) or not q.get("name"):
            raise _err("quantities", "each quantity needs a name")
        table = q.get("table")
        if table is not None and (cat is None or cat.get(table) is None):
            raise _err("quantities", f"quantity '{q['name']}': table '{table}' is not in the tables catalogue")
        cells = tuple(T.parse_ref(c, "quantities") for c in q.get("cells") or [])
        if table is not None and not cells:
            raise _err("quantities", f"quantity '{q['name']}': cells are required with a table")
        also = tuple(tuple(T.parse_ref(c, "quantities") for c in alt) for alt in q.get("also") or [])
        text = tuple(_rx(t, "quantities") for t in q.get("text") or [])
        qs.append(Quantity(str(q["name"]), table, cells, also, text))
    names = {q.name for q in qs}
    claims = []
    for c in params.get("claims") or []:
        if not isinstance(c, dict):
            raise _err("claims", "each claim is a mapping with pattern and contradicted_by")
        by = tuple(c.get("contradicted_by") or [])
        if not by or any(b not in names for b in by):
            raise _err("claims", f"contradicted_by must name quantities declared here: {list(by)}")
        claims.append(Claim(_rx(c.get("pattern"), "claims"),
                            _rx(c["context"], "claims") if c.get("context") else None, by))
    prefix = _rx(params["prefix"], "prefix") if params.get("prefix") else None
    units = frozenset(params.get("units") or ["件", "个", "条", "项", "起", "宗"])
    return Params(cat, prefix, units, tuple(qs), tuple(claims))


def _sum(inst: T.Instance, refs: tuple[T.Ref, ...]) -> tuple[Decimal, list[T.Slot]] | None:
    total, slots = Decimal(0), []
    for ref in refs:
        got = T.ref_slots(inst, ref)
        if not got:
            return None
        for s in got:
            if not s.view.clean or s.number is None:
                return None
            total += s.number
            slots.append(s)
    return total, slots


def table_values(p: Params, facts: Facts, q: Quantity) -> tuple[Decimal, list[T.Slot], list[Decimal]] | None:
    """(value, cells, other acceptable values) of a quantity in the tables, or None."""
    if q.table is None or p.catalogue is None:
        return None
    found = []
    for inst in T.find(facts, p.catalogue, q.table):
        main = _sum(inst, q.cells)
        if main is None:
            continue
        alts = [a[0] for a in (_sum(inst, alt) for alt in q.also) if a is not None]
        found.append((main[0], main[1], alts))
    if not found or len({f[0] for f in found}) != 1:
        return None
    return found[0]


_TRAIL = recache.compile(r"(?:的有|数为|数是|为|是|达到|达|有|共计|共|计|合计|总计|累计|的)+$")


def _lstrip_lead(t: str) -> str:
    """`t` without leading commas, colons, semicolons and spaces. A loop: the equivalent character
    class spans three Unicode blocks and cost ~0.5 ms to compile on every run."""
    i = 0
    while i < len(t) and (t[i] in "，,、：:；;" or t[i].isspace()):
        i += 1
    return t[i:]


def core_label(p: Params, label: str) -> str:
    """The clause's words with times, subjects and adverbs stripped from the start."""
    t = _lstrip_lead(label)
    if p.prefix is not None:
        while True:
            m = p.prefix.match(t)
            if not m or m.end() == 0:
                break
            t = _lstrip_lead(t[m.end():])
    return _TRAIL.sub("", t)


def _candidates(p: Params, facts: Facts) -> dict:
    """The prose figures a quantity may be compared with, each with its clause's core label,
    computed once per document (and per prefix and units): a count, exact, outside brackets and
    not a 其中-part. `by_quantity` memoises each quantity's matches."""
    cache = facts.__dict__.setdefault("_govlint_cross_check_cache", {})
    k = (p.prefix.pattern if p.prefix is not None else None, p.units)
    got = cache.get(k)
    if got is None:
        figs: list[tuple[F.Figure, str]] = []
        for _, run, _ in F.figures(facts):
            for f in run:
                if f.kind != "count" or f.approx or f.paren is not None:
                    continue
                if f.unit is not None and f.unit not in p.units:
                    continue
                if F.partition_of(facts, f) is not None:
                    continue  # a 其中-part narrows the scope
                c = core_label(p, f.label)
                if c:
                    figs.append((f, c))
        got = cache[k] = {"figures": figs, "cores": list(dict.fromkeys(c for _, c in figs)), "by_quantity": {}}
    return got


def _text_figures(p: Params, facts: Facts, q: Quantity) -> list[F.Figure]:
    """The figures of the text that state quantity `q`: their core label is one of its wordings."""
    if not q.text:
        return []
    index = _candidates(p, facts)
    memo = index["by_quantity"]
    hit = memo.get(id(q))
    if hit is not None and hit[0] is q:
        return hit[1]
    said = {c for c in index["cores"] if any(rx.fullmatch(c) for rx in q.text)}  # each wording once
    found = [f for f, c in index["figures"] if c in said]
    memo[id(q)] = (q, found)  # q kept alive with its entry, so its id stays unique
    return found


def _where(q: Quantity, slots: list[T.Slot]) -> str:
    """表三「一、本年新收…」「总计」, 表三「（三）不予公开」各项「总计」之和, 表四「未经…」「总计」＋「…」「总计」之和."""
    name = q.table or ""
    if len(slots) == 1:
        return f"{name}{T.slot_title(slots[0])}"
    if len(q.cells) == 1 and q.cells[0].text:
        return f"{name}「{q.cells[0].text}」各项{T.col_title(slots[0].view, slots[0].col)}之和"
    return name + "＋".join(T.slot_title(s) for s in slots) + "之和"


def check(rule: Rule, facts: Facts) -> Iterator[Finding]:
    p: Params = rule.compiled
    values: dict[str, Decimal | None] = {}
    for q in p.quantities:
        tv = table_values(p, facts, q)
        values[q.name] = tv[0] if tv else None
        if tv is None:
            continue
        main, slots, alts = tv
        for f in _text_figures(p, facts, q):
            if f.value == main or f.value in alts:
                continue
            where = _where(q, slots)
            said = core_label(p, f.label) or q.name
            detail = f"文中“{said}”为{T.fmt(f.value)}，{where}为{T.fmt(main)}"
            yield Finding(
                block=f.paragraph, span=f.span,
                values={"quantity": q.name, "text": T.fmt(f.value), "table": T.fmt(main), "where": where,
                        "detail": detail},
                json_values={"quantity": q.name, "text": T.number_json(f.value),
                             "table": T.number_json(main)},
                related=tuple(s.location() for s in slots),
            )
    if not p.claims:
        return
    by_name = {q.name: q for q in p.quantities}

    def may_contradict(name: str) -> bool:
        """Whether the quantity can be above zero where a claim stands: its table value, or else
        some figure the text states for it."""
        v = values.get(name)
        if v is not None:
            return v > 0
        return any(f.value > 0 for f in _text_figures(p, facts, by_name[name]))

    # A claim nothing can contradict (the usual case: no corrections, nothing carried over) is not
    # searched for at all.
    claims = [c for c in p.claims if any(may_contradict(n) for n in c.contradicted_by)]
    if not claims:
        return
    needles = [_needles(c.pattern) for c in claims]
    runs = F.figures(facts)
    for run, (_, figs, text) in enumerate(runs):
        for claim, need in zip(claims, needles, strict=True):
            if need is not None and not any(n in text for n in need):
                continue  # no match can be in this text (a substring test instead of a regex scan)
            for m in claim.pattern.finditer(text):
                if claim.context is not None:
                    s0 = max(text.rfind(ch, 0, m.start()) for ch in "。！？!?") + 1
                    if not claim.context.search(text, s0, m.start()):
                        continue
                for name in claim.contradicted_by:
                    q = by_name[name]
                    v = values.get(name)
                    source = "表中"
                    if v is None:
                        stated = [f.value for f in _text_figures(p, facts, q) if any(f is g for g in figs)]
                        v = max(stated) if stated else None
                        source = "文中"
                    if v is None or v <= 0:
                        continue
                    para, _, span = F.locate(facts, run, m.start(), m.end())
                    yield Finding(
                        block=para, span=span,
                        values={"claim": m.group(), "quantity": name, "value": T.fmt(v), "source": source,
                                "detail": f"文中称“{m.group()}”，但{source}“{name}”为{T.fmt(v)}"},
                        json_values={"claim": m.group(), "quantity": name, "value": T.number_json(v)},
                    )
                    break


def _needles(pattern) -> tuple[str, ...] | None:
    """Literal strings one of which every match of a claim's pattern contains, or None when that
    is not known. A claim's pattern often starts with optional words ('(?:所有|全部)?(?:申请)?均已…'),
    which leaves `re` no literal prefix to scan for: it tries the whole pattern at every position
    of every paragraph (~3 ms per claim on 30 pages). Testing for these strings first is exact: a
    text without any of them has no match. Built-in patterns (`re`) only; read from the pattern's
    syntax tree once per process."""
    rx = getattr(pattern, "rx", pattern)
    if not isinstance(rx, re.Pattern):
        return None  # a user pack's `regex` pattern: scanned as it is
    return _needles_of(rx.pattern, rx.flags)


@lru_cache(maxsize=256)
def _needles_of(pattern: str, flags: int) -> tuple[str, ...] | None:
    try:
        import re._parser as sre  # the syntax tree `re` compiles from (CPython ≥ 3.11)

        tree = sre.parse(pattern, flags)
        if tree.state.flags & re.IGNORECASE:
            return None
        return _seq_needles(sre, list(tree))
    except Exception:  # noqa: BLE001 - an unexpected tree (another Python): no shortcut, same result
        return None


def _seq_needles(sre, items: list) -> tuple[str, ...] | None:
    """Needles of a sequence of syntax-tree items: the best of its runs of literal characters and
    of its mandatory parts (a group, a branch whose every alternative has needles, a repeat of at
    least one). Best: the longest shortest needle."""
    best: tuple[str, ...] | None = None

    def consider(cand: tuple[str, ...] | None) -> None:
        nonlocal best
        if cand and all(cand) and (best is None or min(map(len, cand)) > min(map(len, best))):
            best = cand

    run: list[str] = []
    for op, av in [*items, (None, None)]:
        if op is sre.LITERAL:
            run.append(chr(av))
            continue
        if run:
            consider(("".join(run),))
            run = []
        if op is sre.SUBPATTERN:
            _group, add_flags, _del_flags, body = av
            if not add_flags & re.IGNORECASE:
                consider(_seq_needles(sre, list(body)))
        elif op is sre.BRANCH:
            alts = [_seq_needles(sre, list(b)) for b in av[1]]
            if all(alts):
                consider(tuple(n for alt in alts for n in alt))  # type: ignore[union-attr]
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] >= 1:
            consider(_seq_needles(sre, list(av[2])))
    return best
