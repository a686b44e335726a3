"""Heading numbering: within one part, headings of one numbering rung must count 1, 2, 3 …
without a skip (一、二、四), a repeat (（三） twice) or a restart (a second 一、 at the top).

Looks at every numbered paragraph that stands directly in a part (headings and numbered body
paragraphs alike), so a numbered paragraph that was not taken for a heading still counts.
Table rows and attachments (whose numbering restarts by design) are not checked.

    - id: GL108
      kind: heading-numbering
      severity: warning
      message: 标题编号不连续：“{label}”前一个同级编号是“{previous}”
"""

from __future__ import annotations

from typing import Iterator

from govlint.document import Paragraph, Section
from govlint.facts import Facts
from govlint.kinds.base import Finding, Rule
from govlint.outline import _ATTACHMENT_TITLE, parse_label
from govlint.text.normalize import key


def _sequence(items: list[tuple[Paragraph, Section | None]]):
    """Numbered paragraphs of the most common rung among `items`, as (para, sec, rung, n, label)."""
    labelled = []
    for para, sec in items:
        lab = parse_label(para.display_text)
        if lab and lab.number:
            labelled.append((para, sec, lab))
    if not labelled:
        return []
    rung = labelled[0][2].rung
    return [(p, s, lab) for p, s, lab in labelled if lab.rung == rung]


def check(rule: Rule, facts: Facts) -> Iterator[Finding]:
    doc = facts.doc
    containers: list[list[tuple[Paragraph, Section | None]]] = []
    containers.append([(s.heading, s) for s in doc.sections if s.heading is not None])
    for sec in doc.walk_sections():
        if _ATTACHMENT_TITLE.match(key(sec.title)):
            continue
        items = [(b, sec) for b in sec.blocks if isinstance(b, Paragraph)]
        items += [(c.heading, c) for c in sec.children if c.heading is not None]
        items.sort(key=lambda t: facts.order_of(t[0]))
        containers.append(items)
    near_table = _near_tables(doc)
    for items in containers:
        seq = _sequence(items)
        for (p0, _s0, a), (p1, s1, b) in zip(seq, seq[1:]):
            if id(p0) in near_table or id(p1) in near_table:
                continue  # a row label of a table broken into paragraphs, not a heading
            if b.number != a.number + 1:
                yield Finding(block=p1, section=s1 if s1 and s1.heading is p1 else None,
                              span=(0, min(len(p1.text), b.end)),
                              values={"label": p1.display_text[:b.end].strip(),
                                      "previous": p0.display_text[:a.end].strip(),
                                      "title": s1.title if s1 else ""})
                break  # one finding per sequence: the first break explains the rest


def _near_tables(doc) -> set[int]:
    """Paragraphs that stand between two tables (or a table and a table row label): debris of a
    table broken by a page break or by extraction."""
    from govlint.document import Table

    out = set()
    blocks = doc.blocks
    for i, b in enumerate(blocks):
        if isinstance(b, Paragraph):
            prev_t = i > 0 and isinstance(blocks[i - 1], Table)
            next_t = i + 1 < len(blocks) and isinstance(blocks[i + 1], Table)
            if prev_t and next_t:
                out.add(id(b))
    return out
