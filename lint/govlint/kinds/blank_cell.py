"""Blank cell: a data cell of a standard table left empty where a figure (at least 0) belongs.

One finding per table for each run of adjacent columns that are blank in every row (004's five
法人或其他组织 columns: one finding, not 125), and one per row for the other blank cells of that
row, so an officer sees each omission once. The finding points at the first blank cell and lists
the others as related. "—" and "/" are not blank (the drafter wrote something). Tables that could
not be read confidently (damaged rows, unnamed columns) are skipped.

    - id: GL307
      kind: blank-cell
      tables: {表三: {rows: [本年新收政府信息公开申请数量, 结转下年度继续办理], cols: [自然人, 商业企业], min: 3}}
"""

from __future__ import annotations

from govlint.facts import Facts
from govlint.facts import tables as T
from govlint.kinds.base import Finding, Rule
from govlint.record import Record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator


class Params(Record):
    __slots__ = ("catalogue", "tables")

    def __init__(self, catalogue: T.Catalogue, tables: tuple[str, ...]):
        self.catalogue = catalogue
        self.tables = tables


def prepare(params: dict) -> Params:
    cat = T.parse_catalogue(params.get("tables"))
    names = T.checked_tables(cat, params)
    return Params(cat, names)


def _blank(slot: T.Slot) -> bool:
    return slot.value.kind == "blank"


def _finding(inst: T.Instance, slots: list[T.Slot], where: str) -> Finding:
    first = slots[0]
    return Finding(
        block=first.table, cell=first.cell,
        values={"table": inst.name, "where": where, "count": str(len(slots))},
        json_values={"blank": len(slots)},
        related=tuple(s.location() for s in slots[1:41]),
    )


def check(rule: Rule, facts: Facts) -> Iterator[Finding]:
    p: Params = rule.compiled
    for name in p.tables:
        for inst in T.find(facts, p.catalogue, name):
            for v in inst.views:
                if not v.clean:
                    continue
                grid = [[T.Slot(v, r, c) for c in v.columns] for r in v.rows]
                full = [all(_blank(row[k]) for row in grid) for k in range(len(v.columns))]
                k = 0
                while k < len(full):
                    if not full[k]:
                        k += 1
                        continue
                    j = k
                    while j + 1 < len(full) and full[j + 1]:
                        j += 1
                    cols = v.columns[k:j + 1]
                    names = T.col_title(v, cols[0]) + (f"至{T.col_title(v, cols[-1])}" if j > k else "")
                    where = f"{names}{'共' + str(j - k + 1) + '列' if j > k else '列'}全部空白（{len(v.rows)}行）"
                    slots = [row[x] for x in range(k, j + 1) for row in grid]
                    yield _finding(inst, slots, where)
                    k = j + 1
                for row in grid:
                    blanks = [s for x, s in enumerate(row) if not full[x] and _blank(s)]
                    if blanks:
                        cols = "、".join(T.col_title(v, s.col) for s in blanks)
                        yield _finding(inst, blanks, f"{T.row_title(blanks[0].row)}行的{cols}空白")
