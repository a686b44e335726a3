"""Unused suppression: a govlint-disable comment (Markdown `<!-- govlint-disable GL502 -->` or a
Word comment starting `govlint-disable GL502`) that silenced nothing, because the problem was fixed
or the comment names the wrong rule or place. Delete it, or name the rule that fires there.

    - id: GL901
      kind: unused-suppression
      severity: info
      message: 豁免注释“{directive}”未屏蔽任何问题，可删除
      basis: govlint：豁免注释应与实际问题对应

Placeholders: {directive} (the comment's directive and ids, e.g. "govlint-disable GL502"),
{rules} (the ids, or 全部规则). The finding stands at the comment (its line in Markdown, 批注 第N段
in Word). This kind only proposes one finding per suppression comment; `govlint.suppress` keeps
those whose comment suppressed nothing, after every other rule has run. A GL901 finding itself can
be silenced only by `govlint-disable-file GL901` or by config (ignore, severity).
"""

from __future__ import annotations

from collections.abc import Iterator

from govlint.facts import Facts
from govlint.kinds.base import Finding, Rule


def check(rule: Rule, facts: Facts) -> Iterator[Finding]:
    from govlint import suppress

    yield from suppress.candidates(rule, facts)
