"""Heading numbering: within one part, headings of one numbering rung must count 1, 2, 3 …
without a skip (一、二、四), a repeat (（三） twice) or a restart (a second 一、 at the top).

Looks at every numbered paragraph that stands directly in a part (headings and numbered body
paragraphs alike), so a numbered paragraph that was not taken for a heading still counts.
Table rows and attachments (whose numbering restarts by design) are not checked, and only the
rungs listed in `rungs` (default: 第X部分, 一、 and （一）): deeper numbered items are often list
items whose numbering prose interrupts.

    - id: GL108
      kind: heading-numbering
      severity: warning
      message: 标题编号不连续：“{label}”前一个同级编号是“{previous}”
"""

from __future__ import annotations

from collections.abc import Iterator

from govlint.document import Paragraph, Section
from govlint.facts import Facts
from govlint.kinds.base import Finding, Rule
from govlint.outline import is_attachment_title, parse_label, table_debris


def _sequence(items: list[tuple[Paragraph, Section | None]], rungs: tuple[str, ...]):
    """Numbered paragraphs of the first rung found among `items`, as (para, sec, label)."""
    labelled = []
    for para, sec in items:
        lab = parse_label(para.display_text)
        if lab and lab.number and lab.rung in rungs:
            labelled.append((para, sec, lab))
    if not labelled:
        return []
    rung = labelled[0][2].rung
    return [(p, s, lab) for p, s, lab in labelled if lab.rung == rung]


def check(rule: Rule, facts: Facts) -> Iterator[Finding]:
    doc = facts.doc
    near_table = {id(doc.blocks[i]) for i in table_debris(doc.blocks, loose=True)}
    rungs = tuple(rule.params.get("rungs") or ("part", "cn", "paren-cn"))
    containers: list[list[tuple[Paragraph, Section | None]]] = []
    containers.append([(s.heading, s) for s in doc.sections if s.heading is not None])
    for sec in doc.walk_sections():
        if is_attachment_title(sec.title) or id(sec.heading) in near_table:
            continue
        items = [(b, sec) for b in sec.blocks if isinstance(b, Paragraph)]
        items += [(c.heading, c) for c in sec.children if c.heading is not None]
        items.sort(key=lambda t: facts.order_of(t[0]))
        containers.append(items)
    for items in containers:
        seq = _sequence(items, rungs)
        for (p0, _s0, a), (p1, s1, b) in zip(seq, seq[1:], strict=False):
            if id(p0) in near_table or id(p1) in near_table:
                continue  # a row label of a table broken into paragraphs, not a heading
            if b.number != a.number + 1:
                yield Finding(block=p1, section=s1 if s1 and s1.heading is p1 else None,
                              span=(0, min(len(p1.text), b.end)),
                              values={"label": p1.display_text[:b.end].strip(),
                                      "previous": p0.display_text[:a.end].strip(),
                                      "title": s1.title if s1 else ""})
                break  # one finding per sequence: the first break explains the rest
