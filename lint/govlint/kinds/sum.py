"""Sum: a stated total must equal the sum of its parts.

Three sources of totals, all reported under the rule's id:

1. `identities` over the standard tables of the `tables` catalogue, cells addressed by their
   labels (see govlint.facts.tables): per column (`for_each: column`: （七）总计 = all result
   rows), per row (`for_each: row`: 总计 = 自然人 + five 法人 columns), or one cell. A part
   `{group: 三、本年度办理结果, except: [（七）总计]}` takes every data row under the label, so one
   identity serves the 2021 table (（六）其他处理 has three sub-rows) and the 2019 one (a single
   row); `min_parts` guards against a table cut short.
2. `free_tables`: other tables (older reports' statistics tables) where a row labelled
   "其中:⑴…" and the rows numbered after it (⑵ ⑶ …) break down the row above them.
3. `partition`: 其中-parts in the text — the params of the `partition` kind, run as part of this
   rule (a pack has one rule per id, and GL301 covers tables and text alike).

Blank cells are not zeros: an identity with a blank, text or "—" member is skipped here (blank-cell
and invalid-figure report those). Tables that could not be read confidently (damaged rows, columns
without headers) are skipped. The finding points at the total's cell and carries
values {total, parts, sum}.

    - id: GL301
      kind: sum
      tables: {表四: {cols: [结果维持, 结果纠正, 其他结果, 尚未审结, 行政复议, 复议后起诉], min: 4}}
      identities:
        - table: 表四
          for_each: row
          total: {col: [行政复议, 总计]}
          parts: [{col: [行政复议, 结果维持]}, {col: [行政复议, 结果纠正]}, {col: [行政复议, 其他结果]},
                  {col: [行政复议, 尚未审结]}]
      free_tables: {}
      partition: {}
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache

from govlint import recache
from govlint.facts import Facts
from govlint.facts import tables as T
from govlint.kinds import partition as partition_kind
from govlint.kinds._util import bad as _err
from govlint.kinds.base import Finding, Rule
from govlint.record import Record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any


class Identity(Record):
    __slots__ = ("table", "for_each", "columns", "rows", "total", "parts", "min_parts")

    def __init__(self, table: str, for_each: str, columns: tuple[T.Addr, ...], rows: tuple[T.Addr, ...],
                 total: T.Ref, parts: tuple[T.Ref, ...], min_parts: int):
        self.table = table
        self.for_each = for_each  # column | row | none
        self.columns = columns
        self.rows = rows
        self.total = total
        self.parts = parts
        self.min_parts = min_parts


class Params(Record):
    __slots__ = ("catalogue", "identities", "free_tables", "partition")

    def __init__(self, catalogue: T.Catalogue | None, identities: tuple[Identity, ...],
                 free_tables: dict | None, partition: Any):
        self.catalogue = catalogue
        self.identities = identities
        self.free_tables = free_tables
        self.partition = partition


def prepare(params: dict) -> Params:
    ids = params.get("identities") or []
    if not isinstance(ids, list):
        raise _err("identities", "a list of identities is expected")
    cat = T.parse_catalogue(params["tables"]) if ids or "tables" in params else None
    out = []
    for i, spec in enumerate(ids):
        k = "identities"
        if not isinstance(spec, dict):
            raise _err(k, f"identity {i + 1}: a mapping with table, total and parts is expected")
        name = spec.get("table")
        if cat is None or not isinstance(name, str) or cat.get(name) is None:
            raise _err(k, f"identity {i + 1}: table '{name}' is not in the tables catalogue")
        fe = spec.get("for_each", "none")
        if fe not in ("column", "row", "none"):
            raise _err(k, f"identity {i + 1}: for_each must be column, row or none")
        parts = spec.get("parts")
        if not isinstance(parts, list) or not parts:
            raise _err(k, f"identity {i + 1}: parts must be a non-empty list of cell references")
        out.append(Identity(
            table=name, for_each=fe,
            columns=tuple(T._addr_spec(c, k) for c in spec.get("columns") or []),
            rows=tuple(T._addr_spec(c, k) for c in spec.get("rows") or []),
            total=T.parse_ref(spec.get("total"), k),
            parts=tuple(T.parse_ref(p, k) for p in parts),
            min_parts=int(spec.get("min_parts", 1)),
        ))
    free = params.get("free_tables")
    if free is not None and not isinstance(free, dict):
        raise _err("free_tables", "a mapping (may be empty: {}) is expected")
    part = params.get("partition")
    if part is not None and not isinstance(part, dict):
        raise _err("partition", "the partition kind's parameters (a mapping) are expected")
    return Params(cat, tuple(out), free, partition_kind.prepare(part) if part is not None else None)


def expression(parts: list[Decimal], total_sum: Decimal) -> str:
    return " + ".join(T.fmt(p) for p in parts) + f" = {T.fmt(total_sum)}"


def _finding(total: T.Slot, parts: list[T.Slot], entry: T.Entry, label: str) -> Finding | None:
    tv = total.number
    pv = [p.number for p in parts]
    if tv is None or any(v is None for v in pv):
        return None  # blank, text or "—": not a zero; blank-cell / invalid-figure say so
    s = sum(pv, Decimal(0))  # type: ignore[arg-type]
    if s == tv:
        return None
    where = f"{entry.name}{T.slot_title(total)}："
    values = {"subject": where, "table": entry.name, "where": T.slot_title(total),
              "expr": expression(pv, s), "total": T.fmt(tv), "sum": T.fmt(s),  # type: ignore[arg-type]
              "total_label": label}
    return Finding(block=total.table, cell=total.cell, values=values,
                   json_values={"total": T.number_json(tv), "parts": [T.number_json(v) for v in pv],
                                "sum": T.number_json(s)},
                   related=tuple(p.location() for p in parts)[:40])


def _total_label(slot: T.Slot, ref: T.Ref) -> str:
    if ref.col is not None and ref.row is None:
        return slot.col.path[-1].core if slot.col.path else "总计"
    return slot.row.path[-1].core if slot.row.path else "总计"


def _check_identity(ident: Identity, inst: T.Instance) -> Iterator[Finding]:
    entry = inst.entry
    if not inst.clean:
        return
    if ident.for_each == "column":
        rows = T.ref_rows(inst, ident.total)
        if len(rows) != 1:
            return
        v, r = rows[0]
        cols = ([inst.column(v, a) for a in ident.columns] if ident.columns else list(v.columns))
        for c in cols:
            if c is None:
                continue
            total = T.Slot(v, r, c)
            parts: list[T.Slot] = []
            for ref in ident.parts:
                got = T.ref_slots(inst, ref, c.path)
                if got is None:
                    parts = []
                    break
                parts.extend(got)
            if len(parts) < max(ident.min_parts, 1):
                continue
            f = _finding(total, parts, entry, _total_label(total, ident.total))
            if f:
                yield f
    elif ident.for_each == "row":
        for v in inst.views:
            tcol = inst.column(v, ident.total.col) if ident.total.col else None
            if tcol is None:
                continue
            pcols = [inst.column(v, p.col) if p.col else None for p in ident.parts]
            if any(c is None for c in pcols) or len(pcols) < ident.min_parts:
                continue
            for r in v.rows:
                if ident.rows and not any(T.match_path(a, r.path) is not None for a in ident.rows):
                    continue
                total = T.Slot(v, r, tcol)
                f = _finding(total, [T.Slot(v, r, c) for c in pcols], entry,  # type: ignore[arg-type]
                             _total_label(total, ident.total))
                if f:
                    yield f
    else:
        got = T.ref_slots(inst, ident.total)
        if not got or len(got) != 1:
            return
        parts = []
        for ref in ident.parts:
            ps = T.ref_slots(inst, ref)
            if ps is None:
                return
            parts.extend(ps)
        if len(parts) >= ident.min_parts:
            f = _finding(got[0], parts, entry, _total_label(got[0], ident.total))
            if f:
                yield f


# Only for free tables (older reports' 其中 rows): compiled when first needed.
@cache
def _qizhong_rx() -> re.Pattern[str]:
    return recache.compile(r"^\s*其中\s*[:：]?\s*")


@cache
def _other_rx() -> re.Pattern[str]:
    return recache.compile(r"^(?:其他|其它|其余)")


def _rung(lab: T.Label) -> tuple[str, int] | None:
    if not lab.num:
        return None
    m = re.match(r"([a-z]+)(\d+)$", lab.num)
    return (m.group(1), int(m.group(2))) if m else None


def _free_groups(view: T.View) -> Iterator[tuple[T.Row, list[T.Row]]]:
    """(parent row, part rows) for each "其中:⑴…" run of rows in a statistics table."""
    rows = view.rows
    for i, row in enumerate(rows):
        if not row.path or i == 0:
            continue
        text = row.path[-1].text
        m = _qizhong_rx().match(text)
        if not m:
            continue
        first = _rung(T.label(text[m.end():]))
        if first is None:
            continue  # "其中:与公众利益…": one part, no breakdown
        rung, n = first
        parts = [row]
        nested: str | None = None
        j = i + 1
        while j < len(rows) and rows[j].path:
            t = rows[j].path[-1].text
            mq = _qizhong_rx().match(t)
            lab = T.label(t[mq.end():] if mq else t)
            rg = _rung(lab)
            if rg and not mq and rg[0] == rung and rg[1] == n + len(parts):
                parts.append(rows[j])
                nested = None
            elif mq and rg and rg[0] != rung:
                nested = rg[0]  # a breakdown of the last part: skip it
            elif rg and nested == rg[0]:
                pass
            else:
                break
            j += 1
        if len(parts) >= 2:
            yield rows[i - 1], parts


def _check_free(inst_views: set[int], facts: Facts) -> Iterator[Finding]:
    for v in T.views(facts):
        if id(v) in inst_views or v.headerless or not v.columns:
            continue
        for parent, parts in _free_groups(v):
            if any(r.damaged for r in [parent, *parts]):
                continue
            exhaustive = any(_other_rx().match(T.label(_qizhong_rx().sub("", r.path[-1].text)).core) for r in parts)
            for c in v.columns:
                total = T.Slot(v, parent, c)
                ps = [T.Slot(v, r, c) for r in parts]
                tv, pv = total.number, [p.number for p in ps]
                if tv is None or any(x is None for x in pv):
                    continue
                s = sum(pv, Decimal(0))  # type: ignore[arg-type]
                if s == tv or (s < tv and not exhaustive):
                    continue
                where = T.slot_title(total)
                yield Finding(
                    block=total.table, cell=total.cell,
                    values={"subject": f"{where}：", "table": f"表{total.table.index}", "where": where,
                            "expr": expression(pv, s), "total": T.fmt(tv), "sum": T.fmt(s),  # type: ignore[arg-type]
                            "total_label": parent.path[-1].core},
                    json_values={"total": T.number_json(tv), "parts": [T.number_json(x) for x in pv],
                                 "sum": T.number_json(s)},
                    related=tuple(p.location() for p in ps),
                )


def check(rule: Rule, facts: Facts) -> Iterator[Finding]:
    p: Params = rule.compiled
    used: set[int] = set()
    if p.catalogue is not None:
        found = T.instances(facts, p.catalogue)
        used = {id(v) for insts in found.values() for inst in insts for v in inst.views}
        for ident in p.identities:
            for inst in found.get(ident.table, []):
                yield from _check_identity(ident, inst)
    if p.free_tables is not None:
        yield from _check_free(used, facts)
    if p.partition is not None:
        yield from partition_kind.run(p.partition, facts)
