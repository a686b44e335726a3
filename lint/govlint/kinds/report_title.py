"""Report title: the title must name the issuer, the year and 政府信息公开(工作)年度报告.

`requires` lists what the title must contain, each a name and a regex run on the folded title;
the message gets the names of the missing parts in {missing}. No title at all is reported too.

    - id: GL104
      kind: report-title
      severity: error
      message: 报告标题不完整：缺少{missing}
      no_title: 标题
      requires:
        - {name: 年份, pattern: '(19|20)\\d\\d\\s*年'}
        - {name: “政府信息公开工作年度报告”字样, pattern: '政府信息公开.{0,6}(年度)?报告'}
"""

from __future__ import annotations

from collections.abc import Iterator

from govlint.facts import Facts
from govlint.kinds._util import bad, compile_one, search
from govlint.kinds.base import Finding, Rule
from govlint.text.normalize import Clean


def prepare(params: dict) -> list[tuple[str, object]]:
    reqs = params.get("requires")
    if not isinstance(reqs, list) or not reqs:
        raise bad("requires", "a list of {name, pattern} is required")
    out = []
    for r in reqs:
        if not isinstance(r, dict) or "name" not in r or "pattern" not in r:
            raise bad("requires", "each entry needs name and a valid pattern")
        out.append((r["name"], compile_one(r["pattern"], "requires")))
    return out


def check(rule: Rule, facts: Facts) -> Iterator[Finding]:
    doc = facts.doc
    title = doc.title
    block = doc.blocks[doc.title_blocks[-1]] if doc.title_blocks else None
    if not title:
        what = rule.params.get("no_title", "title")
        yield Finding(values={"missing": what}, excerpt="", json_values={"missing": [what]})
        return
    text = Clean(title).text
    missing = [name for name, p in rule.compiled if not search(p, text)]
    if missing:
        yield Finding(block=block, values={"missing": "、".join(missing)}, excerpt=title,
                      json_values={"missing": missing})
