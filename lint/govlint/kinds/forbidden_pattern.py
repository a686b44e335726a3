"""Forbidden pattern: text that must not appear — a placeholder left in a draft, a mis-cited
document, a deprecated term, garbled characters. Each entry is a regex (run on folded text:
繁→简, full-width→half-width; `raw: true` runs on the original text instead, for damage such as
pinyin annotations or HTML that cleaning removes) with an optional `hint` for {hint}.
`cells: true` also scans table cells. At most `max_per_file` findings per entry (default 5).

    - id: GL502
      kind: forbidden-pattern
      severity: error
      message: 草稿占位符未替换：“{match}”
      patterns:
        - {pattern: 'X{2,}(件|条|个|人|次|元)', hint: 数字}
        - {pattern: '【待填】|此处填写|TODO'}
"""

from __future__ import annotations

from collections.abc import Iterator

from govlint.facts import Facts
from govlint.kinds._util import MAX_PATTERN, bad, compile_one, finditer
from govlint.kinds.base import Finding, Rule
from govlint.text.normalize import fold


def prepare(params: dict) -> list[dict]:
    entries = params.get("patterns")
    if not isinstance(entries, list) or not entries:
        raise bad("patterns", "a list of {pattern, hint} is required")
    out = []
    for e in entries:
        if isinstance(e, str):
            e = {"pattern": e}
        p = e.get("pattern") if isinstance(e, dict) else None
        if not isinstance(p, str) or len(p) > MAX_PATTERN:
            raise bad("patterns", "each entry needs a pattern of at most 500 characters")
        out.append({**e, "rx": compile_one(p, "patterns")})
    return out


def check(rule: Rule, facts: Facts) -> Iterator[Finding]:
    cells = bool(rule.params.get("cells", False))
    limit = int(rule.params.get("max_per_file", 5))
    targets = [(para, None, para.text) for para, _sec in facts.paragraphs()]
    if cells:
        for table, _sec in facts.tables():
            for c in table.cells:
                targets.append((table, c, c.text))
    folded: dict[str, str] = {}
    for entry in rule.compiled:
        count = 0
        raw = bool(entry.get("raw"))
        for block, cell, text in targets:
            if raw:
                view = folded.get(text)
                if view is None:
                    view = folded[text] = fold(text)
                back = None
            else:
                cl = facts.clean(text)
                view, back = cl.text, cl
            for m in finditer(entry["rx"], view):
                s, e = back.orig_span(m.start(), m.end()) if back else (m.start(), m.end())
                vals = {"match": text[s:e], "hint": entry.get("hint", "")}
                yield Finding(block=block, cell=cell, span=(s, e), values=vals)
                count += 1
                if count >= limit:
                    break
            if count >= limit:
                break
