"""Section order: the required parts that are present must come in the template's order.

Uses the same `sections` list as required-section (share it with a YAML anchor). Reports the
first part found after one that should follow it.

    - id: GL102
      kind: section-order
      severity: warning
      message: “{section}”应在“{before}”之前
      sections: [{name: 总体情况, titles: [总体情况]}, {name: 主动公开政府信息情况, titles: [主动公开]}]
"""

from __future__ import annotations

from collections.abc import Iterator

from govlint.facts import Facts
from govlint.kinds.base import Finding, Rule
from govlint.kinds.required_section import prepare  # noqa: F401  (same parameters)


def check(rule: Rule, facts: Facts) -> Iterator[Finding]:
    top_only = bool(rule.params.get("top_only", True))
    found = []  # (template position, section)
    for pos, entry in enumerate(rule.compiled):
        secs = facts.find_sections(entry["titles"], top_only=top_only)
        if secs:
            found.append((pos, entry["name"], secs[0]))
    found.sort(key=lambda t: t[2].block_index)
    for (p1, n1, _s1), (p2, n2, s2) in zip(found, found[1:], strict=False):
        if p2 < p1:
            yield Finding(block=s2.heading, section=s2, values={"section": n2, "before": n1})
            return
