"""Required statement: a report must say something, e.g. where its electronic version can be
found. Passes when any of `patterns` (regexes on folded text) matches a paragraph of the report.

    - id: GL205
      kind: required-statement
      severity: info
      message: 未说明本报告电子版的获取网址
      patterns: ['https?://', 'www\\.', '网站', '网址']
"""

from __future__ import annotations

from collections.abc import Iterator

from govlint.facts import Facts
from govlint.kinds._util import compile_patterns, search
from govlint.kinds.base import Finding, Rule


def prepare(params: dict):
    return compile_patterns(params, "patterns")


def check(rule: Rule, facts: Facts) -> Iterator[Finding]:
    for para, _ in facts.paragraphs():
        text = facts.clean(para.text).text
        if any(search(p, text) for p in rule.compiled):
            return
    yield Finding(values={})
