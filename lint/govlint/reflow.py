"""Split hard-wrapped multi-line paragraphs into the paragraphs a reader sees.

Markdown transcribed from PDF (and drafts typed without blank lines) puts a heading and its text,
or several paragraphs, into one CommonMark paragraph. A line ends a paragraph when it ends a
sentence (。！？；) or is much shorter than the paragraph's longest line (a title, the last line
of a paragraph); a line that starts with a numbering label and reads as a heading starts one.
Positions are kept: each piece starts at its own source line.
"""

from __future__ import annotations

from govlint.document import Anchor, Comment, Document, Paragraph, Source

_END = "。！？；!?;：:"


def _pieces(p: Paragraph) -> list[Paragraph]:
    from govlint.outline import parse_label

    lines = p.text.split("\n")
    if len(lines) < 2:
        return [p]
    longest = max(len(x.strip()) for x in lines)
    starts = [0]
    offset = 0
    offsets = []
    for ln in lines:
        offsets.append(offset)
        offset += len(ln) + 1
    for i in range(1, len(lines)):
        prev, cur = lines[i - 1].strip(), lines[i].strip()
        if not prev or not cur:
            starts.append(i)
            continue
        short = len(prev) < 0.7 * longest and prev[-1] not in "，,、（(“《"
        if prev[-1] in _END or short or (parse_label(cur) is not None and len(cur) < 0.7 * longest):
            starts.append(i)
    if len(starts) == 1:
        return [p]
    out = []
    bounds = starts + [len(lines)]
    for a, b in zip(bounds, bounds[1:], strict=False):
        start, end = offsets[a], (offsets[b] - 1 if b < len(lines) else len(p.text))
        text = p.text[start:end]
        lead = len(text) - len(text.lstrip())
        text = text.strip()
        if not text:
            continue
        s0 = start + lead
        line, col = p.position(s0)
        anchors = tuple(Anchor(an.offset - s0, an.line, an.column) for an in p.anchors
                        if s0 < an.offset < s0 + len(text))
        anchors = (Anchor(0, line, col),) + anchors
        src = Source(line=line, column=col, paragraph=p.source.paragraph, part=p.source.part)
        out.append(Paragraph(text=text, source=src, anchors=anchors if line is not None else p.anchors,
                             heading_level=p.heading_level if a == 0 else None,
                             auto_label=p.auto_label if a == 0 else None, style=p.style))
    return out


def reflow(doc: Document) -> Document:
    if doc.format != "markdown":
        return doc
    new_blocks = []
    remap: dict[int, int] = {}
    for i, b in enumerate(doc.blocks):
        remap[i] = len(new_blocks)
        if isinstance(b, Paragraph) and "\n" in b.text and b.heading_level is None:
            new_blocks.extend(_pieces(b))
        else:
            new_blocks.append(b)
    if len(new_blocks) != len(doc.blocks):
        doc.blocks = new_blocks
        doc.comments = [Comment(c.text, c.source,
                                remap.get(c.first_block) if c.first_block is not None else None,
                                remap.get(c.last_block) if c.last_block is not None else None, c.author)
                        for c in doc.comments]
    return doc
