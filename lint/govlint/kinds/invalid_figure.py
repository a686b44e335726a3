"""Invalid figure: a cell of a standard table where a count belongs holds a negative number, a
fraction, or words.

Counts of documents, decisions and applications are whole numbers of at least 0. Columns or rows
where the format allows otherwise are declared: `allow_negative` (2019's 本年增/减: 「减用负值
表示」), `allow_fraction` (本年收费金额（单位：万元）, 采购总金额). Blank cells and "—" are not
reported here (blank-cell). Words are reported only in tables read well enough that they are not
transcription damage: at most `max_damaged_rows` damaged rows, and short words without a numbering
label (a row label pushed into the figures is damage, not content).

    - id: GL305
      kind: invalid-figure
      tables: {表二: {rows: [规章, 行政许可], cols: [本年制发件数, 本年处理决定数量], min: 2}}
      allow_negative: [{col: 本年增/减}]
      allow_fraction: [{col: 本年收费金额}]
"""

from __future__ import annotations

import re
from functools import cache

from govlint import recache
from govlint.facts import Facts
from govlint.facts import tables as T
from govlint.kinds.base import Finding, Rule
from govlint.record import Record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator


class Params(Record):
    __slots__ = ("catalogue", "tables", "allow_negative", "allow_fraction", "max_damaged_rows")

    def __init__(self, catalogue: T.Catalogue, tables: tuple[str, ...], allow_negative: tuple[T.Ref, ...],
                 allow_fraction: tuple[T.Ref, ...], max_damaged_rows: int):
        self.catalogue = catalogue
        self.tables = tables
        self.allow_negative = allow_negative
        self.allow_fraction = allow_fraction
        self.max_damaged_rows = max_damaged_rows


def prepare(params: dict) -> Params:
    cat = T.parse_catalogue(params.get("tables"))
    names = T.checked_tables(cat, params)
    return Params(cat, names,
                  tuple(T.parse_ref(r, "allow_negative") for r in params.get("allow_negative") or []),
                  tuple(T.parse_ref(r, "allow_fraction") for r in params.get("allow_fraction") or []),
                  int(params.get("max_damaged_rows", 2)))


def _allowed(slot: T.Slot, refs: tuple[T.Ref, ...]) -> bool:
    for ref in refs:
        if ref.col is not None and T.match_path(ref.col, slot.col.path) is None:
            continue
        row = ref.row or ref.group or ref.under
        if row is not None and T.match_path(row, slot.row.path) is None and \
                T.under_path(row, slot.row.path) is None:
            continue
        return True
    return False


@cache
def _labelish_rx() -> re.Pattern[str]:
    """A row label pushed into the figures; compiled when a cell holds words (rare)."""
    return recache.compile(r"^[（(]?[一二三四五六七八九十\d]+[)）、.．]")


def check(rule: Rule, facts: Facts) -> Iterator[Finding]:
    p: Params = rule.compiled
    for name in p.tables:
        for inst in T.find(facts, p.catalogue, name):
            for v in inst.views:
                if v.headerless:
                    continue
                damaged = sum(1 for r in v.rows if r.damaged)
                for r in v.rows:
                    for c in v.columns:
                        slot = T.Slot(v, r, c)
                        val = slot.value
                        problem = None
                        if val.kind == "number" and val.value is not None:
                            if val.value < 0 and not _allowed(slot, p.allow_negative):
                                problem = "负数"
                            elif val.value != val.value.to_integral_value() and not _allowed(slot, p.allow_fraction):
                                problem = "小数"
                        elif val.kind == "text":
                            text = slot.cell.text.strip() if slot.cell else ""
                            if damaged <= p.max_damaged_rows and len(text) <= 12 and not _labelish_rx().match(text):
                                problem = "非数字"
                        if problem is None or slot.cell is None:
                            continue
                        yield Finding(
                            block=slot.table, cell=slot.cell,
                            values={"table": inst.name, "where": T.slot_title(slot), "value": slot.cell.text.strip(),
                                    "problem": problem},
                            json_values={"value": slot.cell.text.strip(), "problem": problem},
                        )
