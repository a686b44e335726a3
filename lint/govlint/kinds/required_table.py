"""Required table: each statistical table of the national format must be in the report.

The 2021 format reports parts 二、三、四 "以表格形式": 主动公开政府信息情况, 收到和处理政府信息
公开申请情况, 政府信息公开行政复议、行政诉讼情况. A table counts as present when at least `min`
of its catalogue labels (rows and columns together) stand in the report's tables or on short
lines of text — leniently, so that a table mangled by copying (split cells, cells on lines of
their own) is still present; table-structure judges its shape.

    - id: GL105
      kind: required-table
      tables:
        表四: {title: 政府信息公开行政复议、行政诉讼情况, cols: [结果维持, 结果纠正, 尚未审结, 复议后起诉], min: 3}
      required: [表四]
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
    __slots__ = ("catalogue", "required")

    def __init__(self, catalogue: T.Catalogue, required: tuple[str, ...]):
        self.catalogue = catalogue
        self.required = required


def prepare(params: dict) -> Params:
    cat = T.parse_catalogue(params.get("tables"))
    req = params.get("required") or [e.name for e in cat.entries]
    if not isinstance(req, list) or any(cat.get(n) is None for n in req):
        e = ValueError("required: a list of table names from the tables catalogue")
        e.key = "required"  # type: ignore[attr-defined]
        raise e
    return Params(cat, tuple(req))


def check(rule: Rule, facts: Facts) -> Iterator[Finding]:
    p: Params = rule.compiled
    for name in p.required:
        entry = p.catalogue.get(name)
        assert entry is not None
        found = T.present(facts, entry)
        if len(found) >= entry.min:
            continue
        yield Finding(values={"table": name, "title": entry.title, "found": str(len(found))},
                      excerpt=facts.doc.title or "",
                      json_values={"table": name, "title": entry.title,
                                   "labels_found": [lab.text for lab in found]})
