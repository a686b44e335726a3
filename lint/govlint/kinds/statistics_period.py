"""Statistics period: the report must say which period its figures cover, and that period must be
1 January – 31 December of the report year.

A statement is a paragraph or table note that matches one of `patterns` (统计期限, 统计时限,
统计期, 统计周期, 所列数据…) and holds a date range (2023年1月1日至12月31日; the end inherits
the start's year). `mode: missing` reports a report with no such statement (GL201); `mode:
mismatch` reports a stated period whose start or end is not the expected one, or an impossible
date (GL202). `first_year_start` lets the first year of a law start later (2008: 5月1日).

    - id: GL201
      kind: statistics-period
      mode: missing
      severity: warning
      message: 未说明本报告数据的统计期限（应为{year}年1月1日至12月31日）
      patterns: ['统计(期限|时限|期|周期|时间|区间|范围)', '(所列|使用|统计)数据']
"""

from __future__ import annotations

from govlint.document import Paragraph
from govlint.kinds._util import bad, compile_patterns, search
from govlint.kinds.base import Finding
from govlint.record import Record
from govlint.text.dates import find_date_ranges

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

    from govlint.facts import Facts
    from govlint.kinds.base import Rule
    from govlint.text.dates import DateRange


class Statement(Record):
    __slots__ = ("block", "cell", "range", "span", "text")
    __hash__ = None  # as the mutable dataclass it replaces

    def __init__(self, block: object, cell: object, range: DateRange, span: tuple[int, int], text: str):
        self.block = block
        self.cell = cell
        self.range = range
        self.span = span
        self.text = text


def prepare(params: dict):
    if params.get("mode") not in ("missing", "mismatch"):
        raise bad("mode", "mode must be 'missing' or 'mismatch'")
    return compile_patterns(params, "patterns")


def statements(facts: Facts, patterns) -> list[Statement]:
    cached = facts.__dict__.setdefault("_period_cache", {})
    # Keyed by what the patterns are, not by the list: GL201 and GL202 compile the same patterns
    # (one YAML anchor) into two lists, and the statements are found once for both.
    key = tuple((p.__class__, p.pattern, p.flags) for p in patterns)
    if key in cached:
        return cached[key]
    out: list[Statement] = []
    targets = [(p, None, p.text) for p, _ in facts.paragraphs()]
    for table, _ in facts.tables():
        targets.extend((table, c, c.text) for c in table.cells if len(c.text) > 8)
    for block, cell, text in targets:
        clean = facts.clean(text)
        if not any(search(p, clean.text) for p in patterns):
            continue
        for r in find_date_ranges(clean.text):
            s, e = clean.orig_span(r.start_pos, r.end_pos)
            out.append(Statement(block, cell, r, (s, e), text))
    cached[key] = out
    return out


def check(rule: Rule, facts: Facts) -> Iterator[Finding]:
    year = facts.year
    found = statements(facts, rule.compiled)
    if rule.params["mode"] == "missing":
        if not found and facts.doc.kind == "annual-report":
            doc = facts.doc
            title = doc.blocks[doc.title_blocks[-1]] if doc.title_blocks else None
            yield Finding(block=title if isinstance(title, Paragraph) else None,
                          values={"year": year if year else rule.params.get("unknown_year", "?")})
        return
    if year is None:
        return
    first_year = rule.params.get("first_year_start") or {}
    for st in found:
        a, b = st.range.start, st.range.end
        exp_start = (year, 1, 1)
        if str(year) in {str(k) for k in first_year}:
            m, d = first_year[year] if isinstance(first_year.get(year), list) else (5, 1)
            allowed_starts = {exp_start, (year, m, d)}
        else:
            allowed_starts = {exp_start}
        got_a, got_b = (a.year, a.month, a.day), (b.year, b.month, b.day)
        if not a.valid or not b.valid or got_a not in allowed_starts or got_b != (year, 12, 31):
            yield Finding(block=st.block, cell=st.cell, span=st.span,
                          values={"period": st.text[st.span[0]:st.span[1]], "year": year},
                          json_values={"start": list(got_a), "end": list(got_b), "year": year})
