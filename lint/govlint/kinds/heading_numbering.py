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

from collections.abc import Iterator

from govlint.document import Paragraph, Section
from govlint.facts import Facts
from govlint.kinds.base import Finding, Rule
from govlint.outline import is_attachment_title, parse_label


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
    near_table = _near_tables(doc)
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
    """Numbered paragraphs that are debris of a table broken by a page break or by extraction:
    right after a table, and followed by another table or by a short fragment. A heading between
    two whole tables of different shapes (表三, then 表四) is kept: both have at least two rows and
    their widths differ."""
    from govlint.document import Table

    out = set()
    blocks = doc.blocks
    for i, b in enumerate(blocks):
        if not isinstance(b, Paragraph) or i == 0 or not isinstance(blocks[i - 1], Table):
            continue
        prev_t = blocks[i - 1]
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if isinstance(nxt, Table):
            if prev_t.cols != nxt.cols and prev_t.rows >= 2 and nxt.rows >= 2:
                continue
            out.add(id(b))
        elif isinstance(nxt, Paragraph) and len(nxt.text.strip()) < 15:
            out.add(id(b))
    return out
