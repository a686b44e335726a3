"""Required section: a part the law or the national template requires must be present.

Each entry names the part and the titles it goes by (both eras' wordings, 及/和 variants); a
section matches when its normalised title (繁→简, full-width folded, spaces and punctuation
removed, numbering stripped) contains one of them. `top_only: true` looks only at top-level parts.

    - id: GL101
      kind: required-section
      severity: error
      message: 缺少“{section}”部分
      sections:
        - {name: 政府信息公开的收费及减免情况, titles: [收费及减免, 收费和减免, 收费与减免]}
"""

from __future__ import annotations

from collections.abc import Iterator

from govlint.facts import Facts
from govlint.kinds._util import bad as _err
from govlint.kinds.base import Finding, Rule


def prepare(params: dict) -> list[dict]:
    secs = params.get("sections")
    if not isinstance(secs, list) or not secs:
        raise _err("sections", "a list of {name, titles} is required")
    return secs


def check(rule: Rule, facts: Facts) -> Iterator[Finding]:
    top_only = bool(rule.params.get("top_only", False))
    for entry in rule.compiled:
        if not facts.find_sections(entry["titles"], top_only=top_only):
            yield Finding(values={"section": entry["name"]}, excerpt=facts.doc.title or "",
                          json_values={"section": entry["name"]})
