"""Figures in the report's prose: label + number + unit, 其中-partitions, and shares.

- A `Figure` is a count or an amount (or a percentage) read by `text.numbers.find_numbers` from a
  paragraph's clean text (繁→简, scraping damage removed), with its *label*: the words of its
  clause before it ("全市共受理政府信息公开申请" for 3119件), whether it stands in brackets and
  what opens them ("含上年度结转申请" for 34件), and its span in the paragraph's original text.
- A `Partition` is a total followed by 其中-parts: "行政复议351件，其中结果维持72件，结果纠正64件…".
  The total is the figure just before 其中 in the same sentence (or, when 其中 opens a sentence,
  the last figure of the sentence before: "答复数为1838个。其中，同意公开答复数为1516个…"). The
  parts are the figures after it with the same kind and unit, up to the end of the sentence, a
  figure that heads another 其中, or a figure labelled 共/合计/另… (a sum or an aside, not a part);
  figures in brackets are asides. Whether parts look exhaustive (a part called 其他/其它/其余) is
  recorded; deciding what to report is the `partition` kind's business.
- A `Share` is a percentage with the count it is a share of: "1075条，占总体的比例为17.7%",
  "208件（17.46%）", "专职人员3人,兼职人员48人,占…的比例分别为5.9%、94.1%". Its denominator is
  not read here: `denominators()` lists the candidates (the 其中-total, the sum of a 分别 group,
  the figures of the paragraph and the three before it in the same part of the report).

Everything is computed once per document and cached on the Facts.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from decimal import Decimal

from govlint import recache
from govlint.document import Paragraph, Section
from govlint.record import Record
from govlint.text.numbers import Number, find_numbers

_SENTENCE_END = "。！？!?"
_CLAUSE = "，,；;：:、。！？!?（）()"
_OPEN, _CLOSE = "（(", "）)"
_CLAUSE_RE = recache.compile(f"[{_CLAUSE}]")
_SPACES = recache.compile(r"\s+")
_CHANGE = recache.compile(r"增长|下降|增加|减少|提高|提升|降低|上升|同比|环比|比上年|较上年|比去年|较去年|增幅|降幅|增速")
_NOT_PART = recache.compile(r"^(?:共|合计|总计|共计|累计|总数|另|比|较|同比|此外)")
_TRAIL = recache.compile(r"(?:的有|为|是|达到|达|有|共计|共|计|合计|总计|累计|约|近|超过|逾)+$")
_SHORT_FROM = recache.compile(r".*(?:全年|本年度?|累计|共计|合计|总计|其中|另有|共)")
_LABEL_CUT = "因对在向从据按将把"  # prepositions a long label can start after


class Figure(Record):
    __slots__ = ("paragraph", "section", "order", "value", "unit", "kind", "approx", "raw", "start",
                 "end", "span", "label", "after", "sentence", "paren", "paren_intro")

    def __init__(self, paragraph: Paragraph, section: Section | None, order: int, value: Decimal,
                 unit: str | None, kind: str, approx: bool, raw: str, start: int, end: int,
                 span: tuple[int, int], label: str, after: str, sentence: int, paren: int | None,
                 paren_intro: str):
        self.paragraph = paragraph
        self.section = section
        self.order = order  # index among the paragraph's figures
        self.value = value
        self.unit = unit
        self.kind = kind  # count | amount | percent
        self.approx = approx
        self.raw = raw
        self.start = start  # in the clean text
        self.end = end
        self.span = span  # in the paragraph's original text
        self.label = label  # clause words before the number, whitespace removed
        self.after = after  # clause words after the number (and its unit)
        self.sentence = sentence
        self.paren = paren  # offset of the opening bracket it stands in, None outside brackets
        self.paren_intro = paren_intro  # words between that bracket and the figure

    @property
    def short_label(self) -> str:
        return short_label(self.label)


class Partition(Record):
    __slots__ = ("total", "parts", "marker", "exhaustive", "at")

    def __init__(self, total: Figure, parts: tuple[Figure, ...], marker: str, exhaustive: bool, at: int):
        self.total = total
        self.parts = parts
        self.marker = marker  # the word that opened the list: 其中
        self.exhaustive = exhaustive  # a part is called 其他/其它/其余
        self.at = at  # offset of the marker in the clean text


class Share(Record):
    __slots__ = ("percent", "count", "group", "phrase")

    def __init__(self, percent: Figure, count: Figure, group: tuple[Figure, ...], phrase: str):
        self.percent = percent
        self.count = count
        self.group = group  # counts paired with one 分别-list of percentages (else (count,))
        self.phrase = phrase  # what the share is of, as written: 占「公开信息总数」比例


def short_label(text: str) -> str:
    """A short name for a figure in a message: '答复数' for '全区各部门对…申请的答复数为'."""
    t = _TRAIL.sub("", text)
    m = _SHORT_FROM.match(t)
    if m and len(t) - m.end() >= 2:
        t = t[m.end():]
    if "的" in t:
        tail = t.rsplit("的", 1)[1]
        if len(tail) >= 2:
            t = tail
    if len(t) > 12:  # "全年因政府信息公开工作被申请行政复议": start after 因, not mid-word
        for i, ch in enumerate(t):
            if ch in _LABEL_CUT and 2 <= len(t) - i - 1 <= 16:
                t = t[i + 1:]
                break
    return t[-16:] if len(t) > 16 else t


class _Segments:
    """Sentences, clauses and brackets of a run's text, looked up by offset.

    Built from the delimiters alone (a few dozen per run, found by one regex) and
    answered with `bisect`, instead of three lists with an entry per character. At offset `i`
    the answers describe the text before `i`: the sentence index is the number of sentence ends
    before it, the clause starts after the last clause delimiter before it, and the bracket is the
    innermost one still open (a sentence end closes them all)."""

    __slots__ = ("length", "ends", "cuts", "events", "tops")

    def __init__(self, text: str):
        self.length = len(text)
        self.cuts = [m.start() for m in _CLAUSE_RE.finditer(text)]  # brackets and sentence ends too
        self.ends: list[int] = []
        self.events: list[int] = []  # offsets of brackets and sentence ends …
        self.tops: list[int | None] = []  # … and the innermost open bracket after each of them
        stack: list[int] = []
        for i in self.cuts:
            ch = text[i]
            if ch in _OPEN:
                stack.append(i)
            elif ch in _CLOSE:
                if stack:
                    stack.pop()
            elif ch in _SENTENCE_END:
                self.ends.append(i)
                stack = []
            else:
                continue
            self.events.append(i)
            self.tops.append(stack[-1] if stack else None)

    def sentence(self, i: int) -> int:
        return bisect_left(self.ends, i)

    def sentence_start(self, i: int) -> int:
        s = bisect_left(self.ends, i)
        return self.ends[s - 1] + 1 if s else 0

    def clause_start(self, i: int) -> int:
        k = bisect_left(self.cuts, i)
        return self.cuts[k - 1] + 1 if k else 0

    def clause_end(self, i: int) -> int:
        """The first clause delimiter at or after `i` (the end of the text if none)."""
        k = bisect_left(self.cuts, i)
        return self.cuts[k] if k < len(self.cuts) else self.length

    def paren(self, i: int) -> int | None:
        k = bisect_left(self.events, i)
        return self.tops[k - 1] if k else None


def _chains(facts) -> list[list[tuple[Paragraph, Section | None]]]:
    """Paragraphs joined where a hard wrap split a sentence: a paragraph that does not end a
    sentence runs on into the next one of the same section (headings and tables break chains)."""
    chains: list[list[tuple[Paragraph, Section | None]]] = []
    open_chain = False
    for b, sec in facts.ordered:
        if not isinstance(b, Paragraph):
            open_chain = False
            continue
        heading = sec is not None and sec.heading is b
        if open_chain and not heading and chains and chains[-1][-1][1] is sec:
            chains[-1].append((b, sec))
        else:
            chains.append([(b, sec)])
        t = b.text.rstrip()
        open_chain = not heading and bool(t) and t[-1] not in "。！？!?；;：:"
    return chains


def _as_is(_: str, text: str) -> str:
    return text


def _chain_figures(chain: list[tuple[Paragraph, Section | None]], facts
                   ) -> tuple[list[Figure], str, _Segments | None]:
    cleans = [facts.clean(p.text) for p, _ in chain]
    starts, pos = [], 0
    for c in cleans:
        starts.append(pos)
        pos += len(c.text)
    text = "".join(c.text for c in cleans).replace("\n", " ").replace("\r", " ")
    seg = None  # built at the first figure: a third of the runs have none
    out: list[Figure] = []
    prev_end = 0
    # Whitespace is rare in clean prose: when the run has none, labels are plain slices. (split()
    # knows whitespace as \s does, and scans several times faster than a regex on CJK text.)
    strip = _as_is if text.split() == [text] else _SPACES.sub
    for n in find_numbers(text, folded=True):  # clean text is folded
        if n.kind not in ("count", "amount", "percent"):
            if n.kind != "year":
                prev_end = max(prev_end, n.end)
            continue
        if seg is None:
            seg = _Segments(text)
        k = bisect_right(starts, n.start) - 1  # the paragraph holding the figure
        p, sec = chain[k]
        s0 = starts[k]
        e = min(n.end, s0 + len(cleans[k].text))
        cs = max(seg.clause_start(n.start), prev_end)
        label = strip("", text[cs:n.start])
        after = strip("", text[n.end:seg.clause_end(n.end)])
        po = seg.paren(n.start)
        intro = strip("", text[po + 1:n.start]) if po is not None else ""
        out.append(Figure(p, sec, len(out), n.value, n.unit, n.kind, n.approx, n.raw, n.start, n.end,
                          cleans[k].orig_span(n.start - s0, e - s0), label, after,
                          seg.sentence(n.start), po, intro))
        prev_end = n.end
    return out, text, seg


def figures(facts) -> list[tuple[Paragraph, list[Figure], str]]:
    """Per run of paragraphs (see `_chains`): its first paragraph, its figures and its clean text
    (newlines as spaces)."""
    cache = facts.__dict__.setdefault("_govlint_figure_cache", {})
    if "figures" not in cache:
        out = []
        segments = []
        chains = _chains(facts)
        for chain in chains:
            figs, text, seg = _chain_figures(chain, facts)
            out.append((chain[0][0], figs, text))
            segments.append(seg)
        cache["figures"] = out
        cache["chains"] = chains
        cache["segments"] = segments
    return cache["figures"]


def locate(facts, run: int, start: int, end: int) -> tuple[Paragraph, Section | None, tuple[int, int]]:
    """The paragraph holding offset `start` of run `run`'s clean text, and the original span
    of [start, end) in it (cut at the paragraph's end)."""
    figures(facts)
    chain = facts.__dict__["_govlint_figure_cache"]["chains"][run]
    pos = 0
    for p, sec in chain:
        c = facts.clean(p.text)
        if start < pos + len(c.text) or (p, sec) == chain[-1]:
            a = start - pos
            b = min(end - pos, len(c.text))
            return p, sec, c.orig_span(a, max(a, b))
        pos += len(c.text)
    p, sec = chain[-1]
    return p, sec, (0, 0)


def _same_measure(a: Figure, b: Figure) -> bool:
    return a.kind == b.kind and (a.unit or "") == (b.unit or "")


def _parent(figs: list[Figure], text: str, at: int, seg: _Segments) -> Figure | None:
    """The total a 其中 at offset `at` refers to."""
    s = seg.sentence(at)
    inside = seg.paren(at)
    before = [f for f in figs if f.end <= at and f.kind != "percent"]
    if inside is not None:
        cands = [f for f in before if f.end <= inside and f.sentence == s and f.paren is None]
        between = text[cands[-1].end:inside].strip() if cands else ""
        if cands and len(between) <= 12 and not any(ch in _CLAUSE for ch in between):
            return cands[-1]  # "89个专题网站或专栏(其中…)"
        return None
    same = [f for f in before if f.sentence == s and f.paren is None]
    if same:
        return same[-1]
    if text[seg.sentence_start(at):at].strip(" ，,、：:"):
        return None  # 其中 in mid-sentence with no figure before it
    prev = [f for f in before if f.sentence == s - 1 and f.paren is None]
    return prev[-1] if prev else None


def _cut_at_semicolon(parts: list[Figure], total: Figure, text: str) -> list[Figure]:
    """"其中结果维持2件、结果纠正2件；未经复议直接起诉2件，复议后起诉6件": the list ended at the
    semicolon. When the parts do not add up to the total, a list of two or more parts before a
    ；that fits within the total is taken as the whole list (the figures after it start a new
    statement). A list with one part per ；-item ("其中：予以公开100件；部分公开20件") is kept."""
    if sum((f.value for f in parts), Decimal(0)) == total.value:
        return parts
    for k in range(1, len(parts)):
        between = text[parts[k - 1].end:parts[k].start]
        if "；" in between or ";" in between:  # the first semicolon decides
            if k >= 2 and sum((f.value for f in parts[:k]), Decimal(0)) <= total.value:
                return parts[:k]
            break
    return parts


def _exhaustive_part(label: str) -> bool:
    """A part called 其他/其它/其余 (after 其中 and separators), as the regular expression
    ^(?:其中)?[，,：:\\s]*(?:其他|其它|其余) would say, without compiling one at start-up."""
    i = 2 if label.startswith("其中") else 0
    while i < len(label) and (label[i] in "，,：:" or label[i].isspace()):
        i += 1
    return label.startswith(("其他", "其它", "其余"), i)


def partitions(facts) -> list[Partition]:
    cache = facts.__dict__.setdefault("_govlint_figure_cache", {})
    if "partitions" in cache:
        return cache["partitions"]
    out: list[Partition] = []
    for (_, figs, text), seg in zip(figures(facts), cache["segments"], strict=True):
        if "其中" not in text or not figs:  # (a run without figures has no segments)
            continue
        marks = [m.start() for m in re.finditer("其中", text)]
        heads = {m: _parent(figs, text, m, seg) for m in marks}
        head_ids = {id(h) for h in heads.values() if h is not None}
        for m in marks:
            total = heads[m]
            if total is None or total.kind == "percent":
                continue
            inside = seg.paren(m)
            s = seg.sentence(m)
            parts: list[Figure] = []
            for f in figs:
                if f.start < m:
                    continue
                if f.sentence != s:
                    break
                if inside is not None:
                    if f.paren != inside:
                        break
                elif f.paren is not None:
                    continue
                if f.kind == "percent" or not _same_measure(f, total):
                    continue
                if _NOT_PART.match(f.label):
                    break
                if id(f) in head_ids and f is not total and parts:
                    break  # it heads the next 其中 list
                parts.append(f)
            if len(parts) < 1:
                continue
            parts = _cut_at_semicolon(parts, total, text)
            exhaustive = any(_exhaustive_part(f.label) for f in parts)
            out.append(Partition(total, tuple(parts), "其中", exhaustive, m))
    cache["partitions"] = out
    return out


_SHARE_OF = recache.compile(r"^(?P<both>两者|二者|分别)?占(?P<phrase>.*?)(?:的)?(?:比例|比重|比)?(?:分别)?(?:为|是|达到?|约)?$")


def shares(facts) -> list[Share]:
    cache = facts.__dict__.setdefault("_govlint_figure_cache", {})
    if "shares" in cache:
        return cache["shares"]
    out: list[Share] = []
    for _, figs, text in figures(facts):
        used: set[int] = set()
        for i, f in enumerate(figs):
            if f.kind != "percent" or f.approx or id(f) in used:
                continue
            counts = [g for g in figs[:i] if g.kind != "percent" and g.sentence == f.sentence]
            # "208件（17.46%）": a percentage opening brackets right after a count.
            if f.paren is not None and counts and f.paren_intro == "":
                c = counts[-1]
                if c.paren != f.paren and not text[c.end:f.paren].strip():
                    out.append(Share(f, c, (c,), ""))
                    continue
            if _CHANGE.search(f.label):
                continue
            m = _SHARE_OF.match(f.label)
            if not m or not counts:
                continue
            # Percentages listed with this one (…分别为5.9%、94.1%).
            pcts = [f]
            j = i + 1
            while (j < len(figs) and figs[j].kind == "percent" and figs[j].sentence == f.sentence
                   and re.fullmatch(r"[、和及与,，\s]*", text[pcts[-1].end:figs[j].start] or "")):
                pcts.append(figs[j])
                j += 1
            last = counts[-1]
            if text[last.end:f.start].count("占") != 1:
                continue
            if len(pcts) > 1 or m["both"]:
                same = [g for g in counts if _same_measure(g, last) and g.paren is None]
                if len(same) < len(pcts):
                    continue
                group = tuple(same[-len(pcts):])
                for pc, c in zip(pcts, group, strict=True):
                    used.add(id(pc))
                    out.append(Share(pc, c, group, m["phrase"] or ""))
                continue
            out.append(Share(f, last, (last,), m["phrase"] or ""))
    cache["shares"] = out
    return out


def denominators(facts, share: Share, lookback: int = 3) -> list[Decimal]:
    """Candidate totals of a share: the group's sum, and the counts of its paragraph and of the
    `lookback` paragraphs before it in the same part of the report that are not smaller."""
    c = share.count
    out: list[Decimal] = []
    if len(share.group) > 1:
        out.append(sum((g.value for g in share.group), Decimal(0)))
    paras = figures(facts)
    cache = facts.__dict__["_govlint_figure_cache"]
    run_of = cache.get("run_of")
    if run_of is None:  # the run of each figure, indexed once per document
        run_of = cache["run_of"] = {id(g): k for k, (_, figs, _) in enumerate(paras) for g in figs}
    idx = run_of.get(id(c))
    if idx is None:
        return out
    top = facts.top_of(c.section)
    for k in range(idx, max(-1, idx - lookback - 1), -1):
        p, figs, _ = paras[k]
        if k != idx and facts.top_of(figs[0].section if figs else None) is not top and figs:
            break
        for g in figs:
            if g.kind == c.kind and (g.unit or "") == (c.unit or "") and g.value >= c.value and not g.approx:
                out.append(g.value)
    seen: list[Decimal] = []
    for v in out:
        if v not in seen and v > 0:
            seen.append(v)
    return seen


def partition_of(facts, fig: Figure) -> Partition | None:
    """The partition `fig` is a part of, if any (an index built once per document)."""
    cache = facts.__dict__.setdefault("_govlint_figure_cache", {})
    index = cache.get("partition_of")
    if index is None:
        index = cache["partition_of"] = {}
        for part in partitions(facts):
            for f in part.parts:
                index.setdefault(id(f), part)
    return index.get(id(fig))


def numbers_in(text: str) -> list[Number]:
    return find_numbers(text)
