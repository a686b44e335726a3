"""Blocks → section tree, by the Chinese numbering ladder and the readers' heading evidence.

The ladder, from the top: 第X部分/第X章 > 一、 (also "一  概  述") > （一）/(一) > 1. 1、 1．
> （1）/(1)/⑴ > ①. Each rung is a rank; a heading nests under the nearest open heading of a
higher rank. Headings that carry no label (a Markdown '#', a Word heading style) take the rank
that labelled headings with the same reader level have in this document, else their level.

Heuristics, chosen for precision (a body paragraph taken for a heading would hide content):
- A numbered paragraph is a heading when its first sentence (up to 。！？；： or the end) is
  short: at most 40 characters for 第X部分 and 一、 rungs, 30 for the deeper rungs. The first
  sentence is the title; the rest is the section's `body` ("1、加强组织领导。昌邑区……").
- A numbered paragraph that is one long sentence, or one full sentence ending in 。 that lists
  items (、) at the 1. / （1） rungs, is a list item, not a heading (work plans are full of them).
- "一是……" is never a heading: 是 is not a numbering separator.
- Attachments: after a paragraph or heading titled 附件/附表, numbering that restarts at 一
  nests under the attachment instead of opening a second set of top-level sections. An unlabelled
  附件/附表 line becomes an unnumbered child of the last top-level section, so the report's own
  parts stay the top-level list.
- Table debris: a numbered paragraph right after a table and followed by another part of it (or
  by a short fragment) is a row label of a table broken by a page break, not a heading.
- The end of the report: when the top rung restarts at 一 (outside an attachment) after a
  paragraph that names another report (年度报告 with another year), what follows is page noise
  scraped with the report; those blocks are set aside in `Document.trailing` and not checked.
- The title: the first paragraph (among the first ten, before any heading) that names a report,
  notice or plan (patterns in data/doctypes.yaml), joined with a short issuer/year line just
  before it ("吉林市昌邑区人民政府" + "2012年政府信息公开工作年度报告").
"""

from __future__ import annotations

import re
from functools import cache

from govlint import recache
from govlint.document import Block, Document, Paragraph, Section, Table
from govlint.record import Record
from govlint.text.normalize import Clean, fold, key

CN_DIGITS = "〇零一二三四五六七八九十百"
_CN = "[一二三四五六七八九十]{1,3}"

# rung name, rank, regex on folded text (group 1 = the numeral)
LADDER: list[tuple[str, int, str]] = [
    ("part", 0, rf"^\s*第\s*([{CN_DIGITS}\d]{{1,4}})\s*(?:部分|章|篇)\s*[、:：.．]?\s*"),
    ("cn", 1, rf"^\s*({_CN})\s*(?:[、.．，,]\s*|\s+(?=\S))"),
    ("paren-cn", 2, rf"^\s*[（(]\s*({_CN})\s*[）)]\s*[、.．]?\s*"),
    ("arabic", 3, r"^\s*([1-9]\d?)\s*(?:[、．]|\.(?!\d))\s*"),
    ("paren-arabic", 4, r"^\s*(?:[（(]\s*(\d{1,2})\s*[）)]|([⑴-⒇]))\s*[、.．]?\s*"),
    ("circled", 5, r"^\s*([①-⑳])\s*[、.．]?\s*"),
]
RUNG_RANK = {name: rank for name, rank, _ in LADDER}
_RUNG_PATTERN = {name: pattern for name, _, pattern in LADDER}

# The rungs whose pattern can match, by the first character after leading whitespace (folded):
# every pattern starts with one of these. A paragraph that starts otherwise has no label and is
# not even folded (folding costs ~0.4 µs a character; most paragraphs are body text); a rung's
# pattern is compiled when a paragraph first needs it (~0.5 ms each for their CJK classes; a
# report uses three or four rungs).
_RUNGS_BY_START: dict[str, tuple[str, ...]] = {
    "第": ("part",),
    **dict.fromkeys("一二三四五六七八九十", ("cn",)),
    **dict.fromkeys("（(", ("paren-cn", "paren-arabic")),  # in ladder order
    **dict.fromkeys("123456789", ("arabic",)),
    **dict.fromkeys(map(chr, range(0x2474, 0x2488)), ("paren-arabic",)),  # ⑴ … ⒇
    **dict.fromkeys(map(chr, range(0x2460, 0x2474)), ("circled",)),  # ① … ⑳
}


@cache
def _rung_re(rung: str) -> re.Pattern[str]:
    return recache.compile(_RUNG_PATTERN[rung])


TITLE_LIMIT = {"part": 40, "cn": 40, "paren-cn": 30, "arabic": 30, "paren-arabic": 30, "circled": 30}
_SENTENCE_END = "。！？；;!?：:\n"  # a line break in a heading ends its title


def _sentence_end(text: str) -> int:
    """Index of the first sentence end in `text`, or -1 (str.find: a regex class of these CJK
    characters costs ~0.5 ms to compile)."""
    found = [i for i in map(text.find, _SENTENCE_END) if i >= 0]
    return min(found) if found else -1


def is_attachment_title(title: str) -> bool:
    """'附件', '说明与附表': a part that holds attachments (data/doctypes.yaml)."""
    from govlint.facts.meta import layout_patterns

    return bool(layout_patterns()["attachment-title"].match(key(title)))


def cn_to_int(s: str) -> int | None:
    """一 → 1, 十一 → 11, 二十 → 20, 一百 → 100 (labels only; figures are read by text/numbers)."""
    digits = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
              "八": 8, "九": 9}
    if s.isdigit():
        return int(s)
    total, cur = 0, 0
    for ch in s:
        if ch in digits:
            cur = digits[ch]
        elif ch == "十":
            total += (cur or 1) * 10
            cur = 0
        elif ch == "百":
            total += (cur or 1) * 100
            cur = 0
        else:
            return None
    return total + cur


_CIRCLED = {chr(0x2460 + i): i + 1 for i in range(20)}
_PAREN_DIGIT = {chr(0x2474 + i): i + 1 for i in range(20)}


class Label(Record):
    __slots__ = ("rung", "label", "number", "end")

    def __init__(self, rung: str, label: str, number: int | None, end: int):
        self.rung = rung
        self.label = label  # the numeral as written: "一", "1", "①"
        self.number = number
        self.end = end  # index in the text where the title starts


def parse_label(text: str) -> Label | None:
    """Recognise a numbering label at the start of `text` (original or folded)."""
    first = text.lstrip()[:1]  # what `^\s*` skips (folding keeps whitespace whitespace)
    rungs = _RUNGS_BY_START.get(fold(first)) if first else None
    if not rungs:
        return None
    folded = fold(text)
    for rung in rungs:
        m = _rung_re(rung).match(folded)
        if not m:
            continue
        numeral = next(g for g in m.groups() if g)
        if rung == "cn" and folded[m.end(1):m.end(1) + 1] in ("是", "要", "来", "方", "些", "定", "起", "致"):
            return None
        if rung == "circled":
            number = _CIRCLED.get(numeral)
        elif numeral in _PAREN_DIGIT:
            number = _PAREN_DIGIT[numeral]
        else:
            number = cn_to_int(numeral)
        if m.end() >= len(folded.rstrip()):
            return None  # a bare label with no title
        return Label(rung, text[m.start(1):m.end(1)], number, m.end())
    return None


class _Heading(Record):
    __slots__ = ("index", "para", "rank", "label", "title", "body")
    __hash__ = None  # type: ignore[assignment]  # mutable (as the dataclass it replaces)

    def __init__(self, index: int, para: Paragraph, rank: float, label: Label | None, title: str,
                 body: str | None):
        self.index = index
        self.para = para
        self.rank = rank
        self.label = label
        self.title = title
        self.body = body


def _split_title(rest: str, rung: str) -> tuple[str, str | None] | None:
    """(title, body) of a numbered paragraph, or None when it reads as a list item."""
    limit = TITLE_LIMIT.get(rung, 30)
    rest = rest.strip()
    end = _sentence_end(rest)
    if end < 0:
        return (rest, None) if len(rest) <= limit else None
    title, after = rest[:end].strip(), rest[end + 1:].strip()
    if not title or len(title) > limit:
        return None
    if not after and rest[end] == "。" and rung in ("arabic", "paren-arabic", "circled"):
        if "、" in title or len(title) > 20:
            return None  # "1、本单位职能、领导成员分工……等基本情况。" is a list item
    return title, (after or None)


def _is_attachment(text: str) -> bool:
    from govlint.facts.meta import layout_patterns

    return bool(layout_patterns()["attachment-line"].match(fold(text)))


def table_debris(blocks: list[Block], loose: bool = False) -> set[int]:
    """Indexes of paragraphs that may be debris of a table broken by a page break or by
    extraction: right after a table, and followed by another part of it.

    Strict (the section tree): the paragraph is a fragment of at most 6 characters ("（四）无",
    "三、本法提供") followed by a table or a fragment — an attachment cut into parts by real
    headings ("二、主动公开情况" between two parts of one wide table) keeps its headings. Loose (numbering checks,
    where a false alarm costs more than a miss): followed by any table, or by a fragment of under
    15 characters — except a heading between two whole tables of different shapes (表三, then
    表四: both at least two rows, widths differ)."""
    out = set()
    for i, b in enumerate(blocks):
        if not isinstance(b, Paragraph) or i == 0 or not isinstance(blocks[i - 1], Table):
            continue
        prev_t = blocks[i - 1]
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        fragment_next = isinstance(nxt, Paragraph) and len(nxt.text.strip()) < 15
        if not loose:
            if len(b.text.strip()) <= 6 and (isinstance(nxt, Table) or fragment_next):
                out.add(i)
        elif isinstance(nxt, Table):
            if not (prev_t.cols != nxt.cols and prev_t.rows >= 2 and nxt.rows >= 2):
                out.add(i)
        elif fragment_next:
            out.add(i)
    return out


def build(doc: Document) -> Document:
    """Fill doc.preamble, doc.sections and doc.trailing (call facts.meta.apply first)."""
    blocks = doc.blocks
    skip = set(doc.title_blocks)  # set by facts.meta.apply()

    heads: list[_Heading] = []
    level_rungs: dict[int, list[int]] = {}
    candidates: list[tuple[int, Paragraph, Label | None]] = []
    debris = table_debris(blocks)
    for i, b in enumerate(blocks):
        if i in skip or not isinstance(b, Paragraph) or (i in debris and not b.heading_level):
            continue
        label = parse_label(b.auto_label + b.text if b.auto_label else b.text)
        if label or b.heading_level:
            candidates.append((i, b, label))
            if label and b.heading_level:
                level_rungs.setdefault(b.heading_level, []).append(RUNG_RANK[label.rung])
    for i, b, label in candidates:
        full = (b.auto_label or "") + b.text
        if label:
            split = _split_title(full[label.end:], label.rung)
            if split is None and not b.heading_level:
                continue
            title_text, body = split if split else (full[label.end:].strip(), None)
            heads.append(_Heading(i, b, RUNG_RANK[label.rung], label, title_text, body))
        else:
            ranks = level_rungs.get(b.heading_level or 1)
            rank = min(ranks) if ranks else float(b.heading_level or 1)
            heads.append(_Heading(i, b, rank, None, b.text.strip(), None))
    # Unlabelled attachment lines ("附件", "附表：") start an attachment.
    head_idx = {h.index for h in heads}
    for i, b in enumerate(blocks):
        if i not in head_idx and i not in skip and isinstance(b, Paragraph) and _is_attachment(b.text):
            heads.append(_Heading(i, b, -1, None, b.text.strip(), None))  # rank fixed below
    heads.sort(key=lambda h: h.index)

    top_rank = min((h.rank for h in heads if h.rank >= 0), default=1)
    trailing_from: int | None = None
    in_attachment = False
    seen_top: list[int] = []
    kept: list[_Heading] = []
    for h in heads:
        if h.rank == -1:  # an unlabelled 附件/附表 line
            if in_attachment:
                continue  # "附表一 ……" captions inside an attachment are not headings
            in_attachment = True
            h.rank = top_rank + 0.5  # under the last top-level part
        elif in_attachment:
            h.rank += 10  # restarted numbering nests under the attachment
        elif h.rank == top_rank:
            num = h.label.number if h.label else None
            if num == 1 and seen_top and max(seen_top) >= 2:
                prev = kept[-1].index if kept else 0
                cut = _names_other_report(blocks, prev, h.index, doc.report_year)
                if cut is not None:
                    trailing_from = cut
                    break
            if num:
                seen_top.append(num)
            if is_attachment_title(h.title):
                in_attachment = True
        kept.append(h)
    heads = kept
    if trailing_from is not None:
        heads = [h for h in heads if h.index < trailing_from]
        doc.trailing = blocks[trailing_from:]
        blocks = blocks[:trailing_from]

    # Build the tree with a stack of open sections.
    roots: list[Section] = []
    stack: list[tuple[float, Section]] = []
    first = heads[0].index if heads else len(blocks)
    doc.preamble = [b for i, b in enumerate(blocks[:first]) if i not in skip]
    bounds = [h.index for h in heads] + [len(blocks)]
    for n, h in enumerate(heads):
        while stack and stack[-1][0] >= h.rank:
            stack.pop()
        level = len(stack) + 1
        sec = Section(
            label=h.label.label if h.label else (h.para.auto_label or None),
            title=h.title,
            level=level,
            heading=h.para,
            block_index=h.index,
            rung=h.label.rung if h.label else None,
            number=h.label.number if h.label else None,
            body=h.body,
            blocks=[b for i, b in enumerate(blocks[h.index + 1: bounds[n + 1]], h.index + 1) if i not in skip],
        )
        (stack[-1][1].children if stack else roots).append(sec)
        stack.append((h.rank, sec))
    doc.sections = roots
    return doc


def _names_other_report(blocks: list[Block], start: int, end: int, year: int | None) -> int | None:
    """Index of the first paragraph in blocks[start:end] that names another year's report."""
    for i in range(start + 1, end):
        b = blocks[i]
        if isinstance(b, Paragraph):
            from govlint.facts.meta import layout_patterns

            for m in layout_patterns()["other-report"].finditer(Clean(b.text).text):
                if year is None or int(m.group(1)) != year:
                    return i
    return None
