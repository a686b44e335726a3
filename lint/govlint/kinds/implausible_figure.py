"""Implausible figure: a figure the issuer cannot have, such as 规章 made by a 乡镇 or 街道.

Only 国务院部门 and the people's governments of provinces and of cities with districts may make
规章 (《立法法》第九十一条、第九十三条); a 乡镇人民政府 or a 街道办事处 reporting 规章 制发 or
现行有效 has most likely filled the wrong row. The issuer is the report's title up to its year
("某某街道办事处2023年政府信息公开工作年度报告"); `issuer` is a regular expression that it must
match for the rule to apply; each of `figures` is a cell reference whose number must be 0.

    - id: GL308
      kind: implausible-figure
      tables: {表二: {rows: [规章, 行政许可], cols: [本年制发件数, 现行有效件数], min: 2}}
      issuer: '(?:乡|镇|街道|街道办事处|乡人民政府|镇人民政府)$'
      figures:
        - {table: 表二, row: 规章, col: 本年制发件数, reason: 乡镇、街道无规章制定权}
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from govlint import recache
from govlint.facts import Facts
from govlint.facts import tables as T
from govlint.kinds._util import bad as _err
from govlint.kinds._util import guarded
from govlint.kinds.base import Finding, Rule
from govlint.record import Record
from govlint.text.normalize import fold


class Figure(Record):
    __slots__ = ("table", "ref", "reason")

    def __init__(self, table: str, ref: T.Ref, reason: str):
        self.table = table
        self.ref = ref
        self.reason = reason


class Params(Record):
    __slots__ = ("catalogue", "issuer", "figures")

    def __init__(self, catalogue: T.Catalogue, issuer: re.Pattern[str], figures: tuple[Figure, ...]):
        self.catalogue = catalogue
        self.issuer = issuer
        self.figures = figures


def prepare(params: dict) -> Params:
    cat = T.parse_catalogue(params.get("tables"))
    if not params.get("issuer"):
        raise _err("issuer", "a regular expression for the issuer is required")
    issuer = guarded(params["issuer"], "issuer")  # a pack regex: time-limited
    figs = []
    for f in params.get("figures") or []:
        if not isinstance(f, dict) or cat.get(f.get("table")) is None:
            raise _err("figures", "each figure needs a table of the catalogue and a cell reference")
        ref = T.parse_ref({k: v for k, v in f.items() if k in ("row", "group", "rows_under", "col")}, "figures")
        figs.append(Figure(f["table"], ref, str(f.get("reason", ""))))
    if not figs:
        raise _err("figures", "a non-empty list of cell references is required")
    return Params(cat, issuer, tuple(figs))


_YEAR = recache.compile(r"(?:19|20)\d\d\s*年|[〇○零一二三四五六七八九]{4}\s*年|政府信息公开")


def issuer_of(facts: Facts) -> str | None:
    title = facts.doc.title
    if not title:
        return None
    t = fold(title).strip()
    m = _YEAR.search(t)
    name = re.sub(r"\s+", "", t[: m.start()] if m else t)
    return name or None


def check(rule: Rule, facts: Facts) -> Iterator[Finding]:
    p: Params = rule.compiled
    issuer = issuer_of(facts)
    if not issuer or not p.issuer.search(issuer):
        return
    for fig in p.figures:
        for inst in T.find(facts, p.catalogue, fig.table):
            for slot in T.ref_slots(inst, fig.ref) or []:
                n = slot.number
                if n is None or n <= 0 or slot.cell is None:
                    continue
                yield Finding(
                    block=slot.table, cell=slot.cell,
                    values={"issuer": issuer, "table": inst.name, "where": T.slot_title(slot),
                            "value": T.fmt(n), "reason": fig.reason},
                    json_values={"issuer": issuer, "value": T.number_json(n)},
                )
