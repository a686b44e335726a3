"""Forbidden section: a part that belongs to an older template, such as a 收费及减免 section in
a report under the 2019 条例 (which deleted that item). Titles match as in required-section.

    - id: GL401
      kind: forbidden-section
      severity: warning
      message: “{title}”是旧版报告的内容，2019年修订后的条例已删除该项
      titles: [收费及减免, 收费和减免]
"""

from __future__ import annotations

from collections.abc import Iterator

from govlint.facts import Facts
from govlint.kinds._util import bad
from govlint.kinds.base import Finding, Rule


def prepare(params: dict):
    titles = params.get("titles")
    if not isinstance(titles, list) or not titles:
        raise bad("titles", "a list of titles is required")
    return titles


def check(rule: Rule, facts: Facts) -> Iterator[Finding]:
    for sec in facts.find_sections(rule.compiled):
        yield Finding(block=sec.heading, section=sec, values={"title": sec.title})
