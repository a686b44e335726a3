"""Table structure: a standard table must have the rows and columns of its format, and no
labels of another format.

- `expect`: per table of the catalogue, the row and column labels the format requires (a label
  or a list of accepted wordings: [行政规范性文件, 规范性文件]). Missing labels are reported only for
  a table read confidently (no damaged rows, every column named) that shows at least `min_found`
  (a fraction) of them, and a label that stands elsewhere in the same part of the report (a cell
  pushed out of the table, a line of text) is not missing: copying damage is not a finding.
- `split`: a row that the format divides (2021: （六）其他处理 into three sub-rows). A table where
  that row holds figures itself and none of the sub-rows exists used the older layout.
- `foreign`: labels of another format (2019's 本年新制作数量 in a 2021 report); any table cell
  that reads exactly so is reported, with the label the format uses instead.

The message takes {detail}.

    - id: GL106
      kind: table-structure
      tables: {表三: {rows: [本年新收政府信息公开申请数量, 予以公开, 其他处理], min: 2}}
      expect: {}
      split:
        - {table: 表三, row: （六）其他处理, into: [逾期不补正, 逾期未按收费通知要求缴纳费用, 3.其他], template: 2021年格式}
      foreign: []
"""

from __future__ import annotations

from govlint.document import Cell, Table
from govlint.facts import Facts
from govlint.facts import tables as T
from govlint.kinds._util import bad as _err
from govlint.kinds.base import Finding, Rule
from govlint.record import Record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator


class Expect(Record):
    __slots__ = ("rows", "cols")

    def __init__(self, rows: tuple[tuple[T.Label, ...], ...], cols: tuple[tuple[T.Label, ...], ...]):
        self.rows = rows
        self.cols = cols


class Split(Record):
    __slots__ = ("table", "row", "into", "template", "text")

    def __init__(self, table: str, row: T.Addr, into: tuple[T.Label, ...], template: str, text: str):
        self.table = table
        self.row = row
        self.into = into
        self.template = template
        self.text = text


class Foreign(Record):
    __slots__ = ("label", "template", "instead")

    def __init__(self, label: T.Label, template: str, instead: str):
        self.label = label
        self.template = template
        self.instead = instead


class Params(Record):
    __slots__ = ("catalogue", "expect", "split", "foreign", "min_found")

    def __init__(self, catalogue: T.Catalogue, expect: dict[str, Expect], split: tuple[Split, ...],
                 foreign: tuple[Foreign, ...], min_found: float):
        self.catalogue = catalogue
        self.expect = expect
        self.split = split
        self.foreign = foreign
        self.min_found = min_found


def _alts(x, k: str) -> tuple[T.Label, ...]:
    if isinstance(x, str) and x.strip():
        return (T.label(x),)
    if isinstance(x, list) and x and all(isinstance(s, str) and s.strip() for s in x):
        return tuple(T.label(s) for s in x)
    raise _err(k, "a label, or a list of accepted wordings, is expected")


def prepare(params: dict) -> Params:
    cat = T.parse_catalogue(params.get("tables"))
    expect = {}
    for name, e in (params.get("expect") or {}).items():
        if cat.get(name) is None or not isinstance(e, dict):
            raise _err("expect", f"table '{name}' is not in the tables catalogue")
        expect[name] = Expect(tuple(_alts(x, "expect") for x in e.get("rows") or []),
                              tuple(_alts(x, "expect") for x in e.get("cols") or []))
    splits = []
    for s in params.get("split") or []:
        if not isinstance(s, dict) or cat.get(s.get("table")) is None or not s.get("into"):
            raise _err("split", "each split needs a table of the catalogue, a row and its sub-rows (into)")
        splits.append(Split(s["table"], T._addr_spec(s.get("row"), "split"),
                            tuple(T.label(x) for x in s["into"]), str(s.get("template", "")),
                            str(s.get("row") if isinstance(s.get("row"), str) else "".join(s["row"]))))
    foreign = []
    for f in params.get("foreign") or []:
        if not isinstance(f, dict) or not isinstance(f.get("label"), str):
            raise _err("foreign", "each foreign entry needs a label")
        foreign.append(Foreign(T.label(f["label"]), str(f.get("template", "")), str(f.get("instead", ""))))
    mf = params.get("min_found", 0.6)
    if not isinstance(mf, (int, float)) or not 0 < mf <= 1:
        raise _err("min_found", "a fraction between 0 and 1")
    return Params(cat, expect, tuple(splits), tuple(foreign), float(mf))


def _has(wanted: tuple[T.Label, ...], have: list[T.Label]) -> bool:
    return any(T.quality(w, h) >= 1 for w in wanted for h in have)


def _split_findings(p: Params, inst: T.Instance) -> Iterator[tuple[Finding, Split]]:
    for sp in p.split:
        if sp.table != inst.name:
            continue
        have = T.distinct(lab for v in inst.views for r in v.rows for lab in r.path)
        if any(_has((x,), have) for x in sp.into):
            continue
        for _, r in inst.rows(sp.row):
            if inst.rows_under(sp.row) or not r.label_cells:
                continue
            into = "；".join(x.text for x in sp.into)
            detail = (f"{inst.name}{T.row_title(r)}只有一行，{sp.template}应细分为：{into}"
                      if sp.template else f"{inst.name}{T.row_title(r)}应细分为：{into}")
            cell = r.label_cells[-1]
            yield Finding(block=r.table, cell=cell, values={"detail": detail, "table": inst.name},
                          json_values={"row": r.path[-1].text, "missing": [x.text for x in sp.into]}), sp


def check(rule: Rule, facts: Facts) -> Iterator[Finding]:
    p: Params = rule.compiled
    found = T.instances(facts, p.catalogue)
    foreign = list(_foreign(p, facts))
    stand_ins = [T.label(fo.instead) for _, _, fo in foreign if fo.instead]
    for name, insts in found.items():
        for inst in insts:
            split_children: list[T.Label] = []
            for f, sp in _split_findings(p, inst):
                split_children.extend(sp.into)
                yield f
            exp = p.expect.get(name)
            if exp is None or not inst.clean:
                continue
            rows = T.distinct(lab for v in inst.views for r in v.rows for lab in r.path)
            cols = T.distinct(lab for v in inst.views for c in v.columns for lab in c.path)
            miss_r = [w for w in exp.rows if not _has(w, rows)]
            miss_c = [w for w in exp.cols if not _has(w, cols)]
            total = len(exp.rows) + len(exp.cols)
            if not total or (total - len(miss_r) - len(miss_c)) / total < p.min_found:
                continue
            if not miss_r and not miss_c:
                continue
            top = facts.top_of(inst.views[0].section)
            own = {id(t) for v in inst.views for t in v.tables}
            # only for tables that miss labels: keeps the rule linear on reports with many tables
            elsewhere = [k for k, b in T.keyed_lines(facts)
                         if id(b) not in own and facts.top_of(facts.section_of(b)) is top]

            def displaced(w: tuple[T.Label, ...], elsewhere=elsewhere) -> bool:
                return any(x.core and any(x.core in e for e in elsewhere) for x in w)

            miss_r = [w for w in miss_r if not displaced(w) and not any(T.quality(w[0], c) >= 2 for c in split_children)]
            miss_c = [w for w in miss_c if not displaced(w) and not any(T.quality(x, w[0]) >= 3 for x in stand_ins)]
            miss_r = [w for w in miss_r if not any(T.quality(x, w[0]) >= 3 for x in stand_ins)]
            if not miss_r and not miss_c:
                continue
            parts = []
            if miss_r:
                parts.append("行" + "、".join(f"「{w[0].text}」" for w in miss_r))
            if miss_c:
                parts.append("列" + "、".join(f"「{w[0].text}」" for w in miss_c))
            detail = f"{name}缺少" + "；".join(parts)
            yield Finding(block=inst.table, values={"detail": detail, "table": name},
                          json_values={"rows": [w[0].text for w in miss_r], "cols": [w[0].text for w in miss_c]})
    for b, c, fo in foreign:
        t = c.text.strip()
        detail = f"表中栏目「{t}」属于{fo.template}"
        if fo.instead:
            detail += f"，现行格式为「{fo.instead}」"
        yield Finding(block=b, cell=c, values={"detail": detail, "table": ""},
                      json_values={"label": t, "template": fo.template})


def _foreign(p: Params, facts: Facts) -> Iterator[tuple[Table, Cell, Foreign]]:
    """Cells of any table that read exactly as a label of another format (each label once)."""
    seen: set[str] = set()
    if not p.foreign:
        return
    by_core: dict[str, Foreign] = {}  # the first entry of each label (later ones could never fire)
    for fo in p.foreign:
        by_core.setdefault(fo.label.core, fo)
    for b, _ in facts.ordered:
        if not isinstance(b, Table):
            continue
        for c in b.cells:
            parent, child = T._split_flat(c.text)
            for t in filter(None, (child, parent)):
                fo = by_core.get(T.label(t).core)
                if fo is not None and fo.label.core not in seen:
                    seen.add(fo.label.core)
                    yield b, c, fo
