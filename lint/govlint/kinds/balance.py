"""Balance: what came in must equal what went out, per column of a standard table.

The national table 三 prints the identity in its header: 「第一项加第二项之和，等于第三项加第四项
之和」— 一、本年新收 + 二、上年结转 = 三、本年度办理结果（七）总计 + 四、结转下年度继续办理, for every
applicant column. `left` and `right` list the rows (labels as in the table; see
govlint.facts.tables); `for_each_column` is true for every data column, or a list of columns.
A column with a blank, text or "—" member is skipped (blank-cell reports it); a table that could
not be read confidently is skipped. The finding points at the first `right` row's cell
(（七）总计) of the column, with both sums in the message.

    - id: GL304
      kind: balance
      tables: {表三: {rows: [本年新收政府信息公开申请数量, 上年结转政府信息公开申请数量, 结转下年度继续办理], min: 3}}
      table: 表三
      for_each_column: true
      left: [一、本年新收政府信息公开申请数量, 二、上年结转政府信息公开申请数量]
      right: [（七）总计, 四、结转下年度继续办理]
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


class Params(Record):
    __slots__ = ("catalogue", "table", "columns", "left", "right")

    def __init__(self, catalogue: T.Catalogue, table: str, columns: tuple[T.Addr, ...] | None,
                 left: tuple[T.Ref, ...], right: tuple[T.Ref, ...]):
        self.catalogue = catalogue
        self.table = table
        self.columns = columns  # None: every data column
        self.left = left
        self.right = right


def prepare(params: dict) -> Params:
    cat = T.parse_catalogue(params.get("tables"))
    name = params.get("table")
    if not isinstance(name, str) or cat.get(name) is None:
        raise _err("table", f"table '{name}' is not in the tables catalogue")
    fe = params.get("for_each_column", True)
    if fe is True:
        cols = None
    elif isinstance(fe, list) and fe:
        cols = tuple(T._addr_spec(c, "for_each_column") for c in fe)
    else:
        raise _err("for_each_column", "true, or a list of column labels")
    sides = []
    for k in ("left", "right"):
        v = params.get(k)
        if not isinstance(v, list) or not v:
            raise _err(k, "a non-empty list of row references")
        sides.append(tuple(T.parse_ref(x, k) for x in v))
    return Params(cat, name, cols, sides[0], sides[1])


def _side(inst: T.Instance, refs: tuple[T.Ref, ...], col: T.Addr) -> list[T.Slot] | None:
    out: list[T.Slot] = []
    for ref in refs:
        got = T.ref_slots(inst, ref, col)
        if not got:
            return None
        out.extend(got)
    return out


def _label(slot: T.Slot) -> str:
    return slot.row.path[-1].text if slot.row.path else f"第{slot.row.grid_row}行"


def check(rule: Rule, facts: Facts) -> Iterator[Finding]:
    p: Params = rule.compiled
    for inst in T.find(facts, p.catalogue, p.table):
        if not inst.clean:
            continue
        anchor = T.ref_rows(inst, p.right[0])
        if len(anchor) != 1:
            continue
        v, r = anchor[0]
        cols = [inst.column(v, a) for a in p.columns] if p.columns else list(v.columns)
        for c in cols:
            if c is None:
                continue
            left, right = _side(inst, p.left, c.path), _side(inst, p.right, c.path)
            if left is None or right is None:
                continue
            lv, rv = [s.number for s in left], [s.number for s in right]
            if any(x is None for x in lv + rv):
                continue
            ls, rs = sum(lv, Decimal(0)), sum(rv, Decimal(0))  # type: ignore[arg-type]
            if ls == rs:
                continue
            at = T.Slot(v, r, c)
            lexpr = " + ".join(T.fmt(x) for x in lv)  # type: ignore[arg-type]
            rexpr = " + ".join(T.fmt(x) for x in rv)  # type: ignore[arg-type]
            yield Finding(
                block=at.table, cell=at.cell,
                values={"table": inst.name, "column": T.col_title(v, c),
                        "left_rows": "＋".join(_label(s) for s in left),
                        "right_rows": "＋".join(_label(s) for s in right),
                        "left_expr": f"{lexpr} = {T.fmt(ls)}", "right_expr": f"{rexpr} = {T.fmt(rs)}",
                        "left": T.fmt(ls), "right": T.fmt(rs)},
                json_values={"left": [T.number_json(x) for x in lv], "right": [T.number_json(x) for x in rv],
                             "left_sum": T.number_json(ls), "right_sum": T.number_json(rs)},
                related=tuple(s.location() for s in left + right if s is not None),
            )
