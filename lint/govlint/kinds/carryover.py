"""Carry-over: this year's report must continue last year's (given with the previous report).

`carry`: this year's row (二、上年结转政府信息公开申请数量) must equal last year's row
(四、结转下年度继续办理), column by column (T3-6). `stock` (optional, a heuristic — documents may
also expire by term): this year's 现行有效件数 = last year's 现行有效件数 + 本年制发件数 −
本年废止件数, row by row of 表二 (T2-1). Runs only when the previous report is given
(`--previous`, facts.options["previous"]) and, when both years are known, is the year before.
`stock.severity` (e.g. warning) weakens the heuristic part below the rule's own severity.
Cells that are blank, text or in tables read with damage are skipped.

    - id: GL306
      kind: carryover
      tables: {表三: {rows: [上年结转政府信息公开申请数量, 结转下年度继续办理], cols: [自然人, 总计], min: 3}}
      carry:
        table: 表三
        this: 二、上年结转政府信息公开申请数量
        last: 四、结转下年度继续办理
        columns: [自然人, 总计]
"""

from __future__ import annotations

from decimal import Decimal

from govlint.facts import Facts
from govlint.facts import tables as T
from govlint.kinds._util import bad as _err
from govlint.kinds.base import Finding, Rule
from govlint.record import Record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator


class Carry(Record):
    __slots__ = ("table", "this", "last", "columns")

    def __init__(self, table: str, this: T.Ref, last: T.Ref, columns: tuple[T.Addr, ...]):
        self.table = table
        self.this = this
        self.last = last
        self.columns = columns


class Stock(Record):
    __slots__ = ("table", "rows", "this", "plus", "minus")

    def __init__(self, table: str, rows: tuple[T.Addr, ...], this: T.Addr, plus: T.Addr, minus: T.Addr):
        self.table = table
        self.rows = rows
        self.this = this
        self.plus = plus
        self.minus = minus


class Params(Record):
    __slots__ = ("catalogue", "carry", "stock")

    def __init__(self, catalogue: T.Catalogue, carry: Carry | None, stock: Stock | None):
        self.catalogue = catalogue
        self.carry = carry
        self.stock = stock


def prepare(params: dict) -> Params:
    cat = T.parse_catalogue(params.get("tables"))
    carry = stock = None
    c = params.get("carry")
    if c is not None:
        if not isinstance(c, dict) or cat.get(c.get("table")) is None:
            raise _err("carry", "carry needs a table of the catalogue, this, last and columns")
        carry = Carry(c["table"], T.parse_ref(c.get("this"), "carry"), T.parse_ref(c.get("last"), "carry"),
                      tuple(T._addr_spec(x, "carry") for x in c.get("columns") or []))
        if not carry.columns:
            raise _err("carry", "columns: a non-empty list of column labels")
    s = params.get("stock")
    if s is not None:
        if not isinstance(s, dict) or cat.get(s.get("table")) is None:
            raise _err("stock", "stock needs a table of the catalogue, rows, this, plus and minus")
        stock = Stock(s["table"], tuple(T._addr_spec(x, "stock") for x in s.get("rows") or []),
                      T._addr_spec(s.get("this"), "stock"), T._addr_spec(s.get("plus"), "stock"),
                      T._addr_spec(s.get("minus"), "stock"))
    if carry is None and stock is None:
        raise _err("carry", "carry and/or stock is required")
    return Params(cat, carry, stock)


def _one(facts: Facts, cat: T.Catalogue, name: str) -> T.Instance | None:
    insts = [i for i in T.find(facts, cat, name) if i.clean]
    return insts[0] if len(insts) == 1 else None


def _cell(inst: T.Instance, row: T.Ref | T.Addr, col: T.Addr) -> T.Slot | None:
    ref = row if isinstance(row, T.Ref) else T.Ref(row=row)
    got = T.ref_slots(inst, ref, col)
    return got[0] if got and len(got) == 1 else None


def check(rule: Rule, facts: Facts) -> Iterator[Finding]:
    p: Params = rule.compiled
    prev = T.previous_facts(facts)
    if prev is None:
        return
    if facts.year and prev.year and prev.year != facts.year - 1:
        return
    py = prev.year or (facts.year - 1 if facts.year else None)
    if p.carry:
        cur, old = _one(facts, p.catalogue, p.carry.table), _one(prev, p.catalogue, p.carry.table)
        if cur and old:
            for col in p.carry.columns:
                a, b = _cell(cur, p.carry.this, col), _cell(old, p.carry.last, col)
                if a is None or b is None or a.number is None or b.number is None or a.cell is None:
                    continue
                if a.number != b.number:
                    detail = (f"{cur.name}{T.slot_title(a)}为{T.fmt(a.number)}，而{py or '上'}年度报告"
                              f"{T.slot_title(b)}为{T.fmt(b.number)}")
                    yield Finding(block=a.table, cell=a.cell,
                                  values={"detail": detail, "this": T.fmt(a.number), "last": T.fmt(b.number)},
                                  json_values={"this": T.number_json(a.number), "last": T.number_json(b.number)})
    if p.stock:
        st = p.stock
        cur, old = _one(facts, p.catalogue, st.table), _one(prev, p.catalogue, st.table)
        if cur and old:
            for row in st.rows:
                now, plus, minus = _cell(cur, row, st.this), _cell(cur, row, st.plus), _cell(cur, row, st.minus)
                before = _cell(old, row, st.this)
                vals = [x.number if x else None for x in (now, plus, minus, before)]
                if any(v is None for v in vals) or now is None or now.cell is None:
                    continue
                n, a, m, b = vals  # type: ignore[misc]
                expected = b + a - m  # type: ignore[operator]
                if n == expected:
                    continue
                detail = (f"{cur.name}{T.slot_title(now)}为{T.fmt(n)}，而{py or '上'}年度报告为{T.fmt(b)}，"  # type: ignore[arg-type]
                          f"加本年制发{T.fmt(a)}、减本年废止{T.fmt(m)}应为{T.fmt(Decimal(expected))}")  # type: ignore[arg-type]
                yield Finding(block=now.table, cell=now.cell, severity=(rule.params.get("stock") or {}).get("severity"),
                              values={"detail": detail, "this": T.fmt(n), "last": T.fmt(b)},  # type: ignore[arg-type]
                              json_values={"this": T.number_json(n), "last": T.number_json(b),
                                           "added": T.number_json(a), "repealed": T.number_json(m),
                                           "expected": T.number_json(expected)})
