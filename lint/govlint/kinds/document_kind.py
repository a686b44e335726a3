"""Document kind: say so when a document is not recognised as an annual report, so that no
annual-report pack ran on it (then the 公文 pack runs if it is an official document).

    - id: GL902
      kind: document-kind
      severity: info
      message: 未识别为政府信息公开工作年度报告（识别为：{kind}），未执行年度报告规则
      expect: annual-report
      kind_names: {official-document: 公文, unknown: 未知类型}
"""

from __future__ import annotations

from collections.abc import Iterator

from govlint.facts import Facts
from govlint.kinds.base import Finding, Rule


def check(rule: Rule, facts: Facts) -> Iterator[Finding]:
    expect = rule.params.get("expect", "annual-report")
    if facts.doc.kind != expect:
        block = facts.doc.blocks[facts.doc.title_blocks[-1]] if facts.doc.title_blocks else None
        yield Finding(block=block, values={"kind": (rule.params.get("kind_names") or {}).get(facts.doc.kind, facts.doc.kind)},
                      excerpt=facts.doc.title or "")
