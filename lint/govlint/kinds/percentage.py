"""Percentage: a stated share must equal count ÷ total at the precision it is written with.

Shares are read by govlint.facts.figures ("占公开信息总数比例为49.1%", "208件（17.46%）",
"…分别为5.9%、94.1%"). The tolerance follows the stated precision: 49.1% states one decimal, so
1316 ÷ 2677 = 49.16% must be written 49.2%. Both usual roundings are accepted (half up, and half
to even for values exactly on the half); truncation is **not** (49.16% written 49.1% is reported)
unless `truncation: true`.

The denominator is rarely named. A share is reported only when its denominator is known:
the total of the 其中-list the count belongs to, or the sum of a "两者/分别" pair — and confirmed,
by a sibling share of the same list that agrees with it, or by the share's wording naming the
total (占申请总数… for "申请总数为96个"). Before reporting, every other count of the paragraph
and of the `lookback` paragraphs before it is tried as the denominator: if one fits, the share is
taken as correct (precision over recall). Changes (比上年下降11.5%) and rates without a count
(满意率100%) are not shares.

    - id: GL303
      kind: percentage
      lookback: 3
      truncation: false
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

from govlint.facts import Facts
from govlint.facts import figures as F
from govlint.facts import tables as T
from govlint.kinds.base import Finding, Rule
from govlint.record import Record
from govlint.text.normalize import key


class Params(Record):
    __slots__ = ("lookback", "truncation")

    def __init__(self, lookback: int, truncation: bool):
        self.lookback = lookback
        self.truncation = truncation


def prepare(params: dict) -> Params:
    lb = params.get("lookback", 3)
    if not isinstance(lb, int) or not 0 <= lb <= 20:
        e = ValueError("lookback must be an integer from 0 to 20")
        e.key = "lookback"  # type: ignore[attr-defined]
        raise e
    return Params(lb, bool(params.get("truncation", False)))


def decimals(raw: str) -> int:
    digits = "".join(ch for ch in raw if ch.isdigit() or ch in ".．")
    return len(digits.replace("．", ".").split(".", 1)[1]) if "." in digits.replace("．", ".") else 0


def fits(stated: Decimal, places: int, count: Decimal, total: Decimal, truncation: bool = False) -> bool:
    if total <= 0:
        return False
    exact = count * 100 / total
    q = Decimal(1).scaleb(-places)
    modes = [ROUND_HALF_UP, ROUND_HALF_EVEN] + ([ROUND_DOWN] if truncation else [])
    return any(exact.quantize(q, rounding=m) == stated for m in modes)


def _primary(facts: Facts, sh: F.Share) -> tuple[Decimal | None, F.Partition | None]:
    part = F.partition_of(facts, sh.count)
    if part is not None and not part.total.approx:
        return part.total.value, part
    if len(sh.group) > 1:
        return sum((g.value for g in sh.group), Decimal(0)), None
    return None, None


def _confirmed(facts: Facts, sh: F.Share, total: Decimal, part: F.Partition | None,
               shares: list[F.Share], truncation: bool) -> bool:
    for other in shares:
        if other is sh:
            continue
        same = (part is not None and F.partition_of(facts, other.count) is part) or (
            len(sh.group) > 1 and other.group == sh.group)
        if same and fits(other.percent.value, decimals(other.percent.raw), other.count.value, total, truncation):
            return True
    if part is not None and sh.phrase:
        a, b = key(sh.phrase), key(part.total.label)
        return len(a) >= 2 and (a in b or key(part.total.short_label) in a)
    return False


def check(rule: Rule, facts: Facts) -> Iterator[Finding]:
    p: Params = rule.compiled
    shares = F.shares(facts)
    for sh in shares:
        pct, count = sh.percent, sh.count
        places = decimals(pct.raw)
        total, part = _primary(facts, sh)
        cands = F.denominators(facts, sh, p.lookback)
        if total is not None:
            cands = [total, *cands]
        if any(fits(pct.value, places, count.value, d, p.truncation) for d in cands):
            continue
        if total is None or not _confirmed(facts, sh, total, part, shares, p.truncation):
            continue
        exact = count.value * 100 / total
        shown = exact.quantize(Decimal(1).scaleb(-(places + 1)), rounding=ROUND_HALF_UP)
        yield Finding(
            block=pct.paragraph, span=pct.span,
            values={"count": T.fmt(count.value), "total": T.fmt(total), "computed": T.fmt(shown),
                    "stated": T.fmt(pct.value)},
            json_values={"count": T.number_json(count.value), "total": T.number_json(total),
                         "computed": float(shown), "stated": T.number_json(pct.value)},
        )
