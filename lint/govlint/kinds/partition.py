"""Partition: a total stated in the text with 其中-parts must not disagree with their sum.

"答复数为1838个。其中，同意公开答复数为1516个，同意部分公开申请的答复数为306个，否决公开答复数
为27个" — 1516 + 306 + 27 = 1849 ≠ 1838. What counts as a total and its parts is read by
govlint.facts.figures (same sentence, same unit, asides in brackets left out).

Parts that add up to *more* than the total are always reported. Parts that fall *short* are
reported only when they look exhaustive: a part is called 其他/其它/其余, or the total's label
matches `exhaustive_totals` (e.g. 总数|合计). Never reported: a single part (其中 often singles out
one category), approximate figures (近、约、余、以上), parts in another unit.

    - id: GL301
      kind: partition
      exhaustive_totals: 总数|合计|总计|共计
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from govlint.facts import Facts
from govlint.facts import figures as F
from govlint.facts import tables as T
from govlint.kinds._util import guarded
from govlint.kinds.base import Finding, Rule
from govlint.record import Record


class Params(Record):
    __slots__ = ("exhaustive_totals", "min_parts")

    def __init__(self, exhaustive_totals: re.Pattern[str] | None, min_parts: int):
        self.exhaustive_totals = exhaustive_totals
        self.min_parts = min_parts


def prepare(params: dict | None) -> Params:
    params = params or {}
    pat = params.get("exhaustive_totals")
    rx = guarded(pat, "exhaustive_totals") if pat else None  # a pack regex: time-limited
    n = params.get("min_parts", 2)
    if not isinstance(n, int) or n < 2:
        err = ValueError("min_parts must be an integer of at least 2")
        err.key = "min_parts"  # type: ignore[attr-defined]
        raise err
    return Params(rx, n)


def run(p: Params, facts: Facts) -> Iterator[Finding]:
    for part in F.partitions(facts):
        total, parts = part.total, part.parts
        if len(parts) < p.min_parts or total.approx or any(x.approx for x in parts):
            continue
        s = sum((x.value for x in parts), Decimal(0))
        if s == total.value:
            continue
        named = bool(p.exhaustive_totals and p.exhaustive_totals.search(total.label))
        if s < total.value and not (part.exhaustive or named):
            continue
        expr = " + ".join(T.fmt(x.value) for x in parts) + f" = {T.fmt(s)}"
        yield Finding(
            block=total.paragraph, span=total.span,
            values={"subject": "", "expr": expr, "total": T.fmt(total.value), "sum": T.fmt(s),
                    "total_label": total.short_label or "总数", "where": ""},
            json_values={"total": T.number_json(total.value),
                         "parts": [T.number_json(x.value) for x in parts], "sum": T.number_json(s)},
        )


def check(rule: Rule, facts: Facts) -> Iterator[Finding]:
    yield from run(rule.compiled, facts)
