"""Document facts every pack needs: the title, the report year and the document kind.

The wording that identifies a title or a 公文 lives in data/doctypes.yaml, not here.
"""

from __future__ import annotations

import re
from functools import lru_cache

from govlint import recache
from govlint.document import Document, Paragraph, Table
from govlint.resources import data_file
from govlint.text.normalize import Clean, fold

_SENTENCE = recache.compile(r"[。，,；;！？]")
_YEAR = recache.compile(r"((?:19|20)\d\d)\s*年")
_CN_YEAR = recache.compile(r"([〇○零O一二三四五六七八九]{4})\s*年")
_CN_DIGIT = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0, "O": 0}


@lru_cache(maxsize=1)
def _doctypes() -> dict:
    """data/doctypes.yaml, parsed through the cache of parsed packs (`packs.parse`): a run whose
    data has not changed does not import yaml (~20 ms)."""
    from govlint.packs import parse

    path = data_file("doctypes.yaml")
    return parse(path.read_text(encoding="utf-8"), str(path))


@lru_cache(maxsize=1)
def _titles() -> dict[str, list[re.Pattern[str]]]:
    return {k: [recache.compile(p) for p in v] for k, v in _doctypes()["title"].items()}


@lru_cache(maxsize=1)
def _document_number() -> re.Pattern[str]:
    # Compiled only for a document that is no report (its CJK range takes milliseconds).
    return recache.compile(_doctypes()["document-number"])


@lru_cache(maxsize=1)
def _title_prefix() -> re.Pattern[str]:
    return recache.compile(_doctypes()["title-prefix"])


@lru_cache(maxsize=1)
def layout_patterns() -> dict[str, re.Pattern[str]]:
    """The outline's layout words (attachments, another report) from data/doctypes.yaml."""
    data = _doctypes()
    return {k: recache.compile(data[k]) for k in ("attachment-line", "attachment-title", "other-report")}


def _title_kind(text: str) -> str | None:
    t = Clean(text).text.strip()
    for kind, pats in _titles().items():
        if any(p.search(t) for p in pats):
            return kind
    return None


def find_title(doc: Document) -> tuple[list[int], str | None]:
    """Indexes of the block(s) that make up the title, and the title text (joined)."""
    prefix = _title_prefix()
    for i, b in enumerate(doc.blocks[:12]):
        if isinstance(b, Table):
            for c in b.cells[:12]:
                if len(c.text) <= 60 and _title_kind(c.text) == "annual-report" and "|" not in c.text:
                    return [], c.text.strip()
            continue
        text = b.text.strip()
        if len(text) > 60 or text.endswith("。") or _SENTENCE.search(text):
            if b.heading_level is None:
                continue
        if _title_kind(text) is None:
            continue
        idx = [i]
        parts = [text]
        j = i - 1
        while j >= 0 and i - j <= 2 and isinstance(doc.blocks[j], Paragraph):
            prev = doc.blocks[j].text.strip()
            if len(prev) > 40 or _SENTENCE.search(prev) or not prefix.search(fold(prev)):
                break
            idx.insert(0, j)
            parts.insert(0, prev)
            j -= 1
        return idx, "".join(parts)
    return [], None


def year_in(text: str) -> int | None:
    t = fold(text)
    m = _YEAR.search(t)
    if m:
        return int(m.group(1))
    m = _CN_YEAR.search(t)
    if m:
        return int("".join(str(_CN_DIGIT[c]) for c in m.group(1)))
    return None


def report_year(doc: Document) -> int | None:
    """From the title, else the first 'YYYY年度' in the preamble's first paragraphs."""
    if doc.title:
        y = year_in(doc.title)
        if y:
            return y
    for b in doc.blocks[:8]:
        if isinstance(b, Paragraph):
            m = re.search(r"((?:19|20)\d\d)\s*年度", fold(b.text))
            if m:
                return int(m.group(1))
    return year_from_period(doc)


def year_from_period(doc: Document) -> int | None:
    """The year of a whole-year date range (YYYY年1月1日至12月31日) near the top: the
    statistics period names the report year even when the title does not."""
    from govlint.text.dates import find_date_ranges

    for b in doc.blocks[:20]:
        if isinstance(b, Paragraph) and "1" in b.text:
            for r in find_date_ranges(Clean(b.text).text):
                a, z = r.start, r.end
                if a.year and a.year == z.year and (a.month, a.day, z.month, z.day) == (1, 1, 12, 31):
                    return a.year
    return None


def document_kind(doc: Document) -> str:
    kind = _title_kind(doc.title) if doc.title else None
    if kind:
        return kind
    docno = _document_number()
    for b in doc.blocks[:6]:
        if isinstance(b, Paragraph) and docno.search(fold(b.text)):
            return "official-document"
    return "unknown"


def apply(doc: Document) -> Document:
    """Set the title, title blocks and report year (before the outline) on `doc`."""
    idx, doc.title = find_title(doc)
    doc.title_blocks = tuple(idx)
    doc.report_year = report_year(doc)
    return doc
