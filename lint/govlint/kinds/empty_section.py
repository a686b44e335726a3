"""Empty section: a heading with nothing under it, or an announcement of tables that never come.

A section is empty when it has no body text after its title, no blocks and no subsections
(a body of "无" counts as content: the report says there is nothing to report). A section whose
title announces tables (`announce` titles, e.g. 附表) is also empty when no table follows in it.
Only parts and their direct subsections are checked (`max_level`, default 2): deeper numbered
items are often list items or the debris of a damaged table.

    - id: GL103
      kind: empty-section
      severity: warning
      message: “{title}”下没有内容
      announce: [附表, 统计表]
"""

from __future__ import annotations

from collections.abc import Iterator

from govlint.document import Paragraph, Table
from govlint.facts import Facts
from govlint.kinds.base import Finding, Rule
from govlint.text.normalize import key


def prepare(params: dict) -> list[str]:
    return [key(a) for a in params.get("announce", [])]


def check(rule: Rule, facts: Facts) -> Iterator[Finding]:
    max_level = int(rule.params.get("max_level", 2))
    for sec in facts.doc.walk_sections():
        if sec.level > max_level:
            continue  # deep numbered items are often list items or table debris
        has_text = bool((sec.body or "").strip()) or any(
            isinstance(b, Paragraph) and b.text.strip() for b in sec.blocks)
        has_table = any(isinstance(b, Table) for b in sec.all_blocks())
        k = key(sec.title)
        announces = any(k.startswith(a) or k.endswith(a) for a in rule.compiled)
        if announces and not has_table and not sec.children:
            yield Finding(block=sec.heading, section=sec, values={"title": sec.title.strip(" :：")})
        elif not has_text and not has_table and not sec.children:
            yield Finding(block=sec.heading, section=sec, values={"title": sec.title.strip(" :：")})
