"""Length-preserving normalisation: 繁→简 and full-width→half-width, one character for one.

Because `fold(s)` has exactly the length of `s`, an index into the folded text is the same index
into the original: matching runs on folded text and diagnostics point at the original without
an offset map. Operations that change lengths (removing spaces, numbering) are only used for
comparing short strings such as titles (`key()`), never for locating text.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from govlint import recache
from govlint.cache import blake2b, read_cache, write_cache
from govlint.resources import data_file


@lru_cache(maxsize=1)
def _table() -> dict[int, int]:
    """The fold table. Building it from t2s.txt costs ~3 ms, loading it from the cache
    (govlint.cache, keyed by the hash of the file) ~0.3 ms; every run folds text."""
    raw = data_file("t2s.txt").read_bytes()
    name = "tables/fold-1-" + blake2b(raw, digest_size=16).hexdigest()  # 1: the code below
    table = read_cache(name)
    if table is None:
        table = _build_table(raw.decode("utf-8"))
        write_cache(name, table)
    return table


def _build_table(t2s: str) -> dict[int, int]:
    lines = t2s.splitlines()
    pairs = [line for line in lines if len(line) == 2 and line[0] != "#"]
    table = str.maketrans("".join(p[0] for p in pairs), "".join(p[1] for p in pairs))
    # Full-width ASCII (！ .. ～) → ASCII, ideographic space → space. Keep CJK punctuation such as
    # （ ） 、 。 〔 〕 as they are: they carry meaning for numbering and document numbers, and
    # patterns in packs are written with them. Only digits/letters/ASCII symbols fold.
    for cp in range(0xFF01, 0xFF5F):
        ch = chr(cp)
        if ch not in "（）：；，？！":  # these are kept as CJK punctuation
            table[cp] = cp - 0xFEE0
    table[0x3000] = 0x20
    table[0xFFE5] = ord("¥")
    return table


def to_simplified(s: str) -> str:
    """Traditional characters to simplified, one for one (OpenCC character table)."""
    return s.translate(_table_t2s())


@lru_cache(maxsize=1)
def _table_t2s() -> dict[int, int]:
    return {k: v for k, v in _table().items() if k >= 0x3400 and k not in range(0xFF01, 0xFF5F)}


def fold(s: str) -> str:
    """繁→简 and full-width digits/letters → ASCII; same length as `s`."""
    if len(s) > _FOLD_CACHED_LENGTH:
        return s.translate(_table())
    return _fold_cached(s)


# A report's paragraphs are folded several times (outline, clean text, pattern rules) and
# `str.translate` with a dict costs about a tenth of a microsecond per character: recent results
# are kept. Long strings are not (a huge line would stay in memory for little gain).
_FOLD_CACHED_LENGTH = 2000


@lru_cache(maxsize=2048)
def _fold_cached(s: str) -> str:
    return s.translate(_table())


def has_traditional(s: str) -> bool:
    t = _table_t2s()
    return any(ord(ch) in t for ch in s)


_SPACE_PUNCT = recache.compile(r"[\s\u3000\u00a0\u200b\ufeff“”\"'‘’《》〈〉<>:：,，.。;；、·•\-—_*#]+")
_PAREN = str.maketrans({"（": "(", "）": ")", "【": "(", "】": ")", "〔": "(", "〕": ")"})


@lru_cache(maxsize=4096)  # the same titles and labels are compared again and again
def key(s: str) -> str:
    """A comparison key for short strings such as titles and labels: folded, scraping damage
    removed, NFKC, no spaces, no punctuation except parentheses (normalised to ASCII); 和/及 are
    not merged here (packs list aliases explicitly)."""
    f = fold(s)
    s = unicodedata.normalize("NFKC", _without(f, _damage_spans(f))).translate(_PAREN)
    return _SPACE_PUNCT.sub("", s)


# Scraping damage that breaks matching: pinyin annotations inside words (開(kāi)), HTML tags and
# entities, zero-width characters. `clean()` removes them and keeps a map back to the original.
# A pinyin annotation must follow a CJK character (U+3400–U+9FFF); `_damage_spans` checks that in
# Python, because a lookbehind class of 27,000 characters takes milliseconds to compile.
_PINYIN = r"[（(][a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,7}[)）]"
_DAMAGE = recache.compile(rf"{_PINYIN}|<[a-zA-Z/!][^<>\n]{{0,300}}>|&(?:nbsp|lt|gt|amp|quot|#\d{{1,6}});|[\u200b-\u200d\ufeff]|\n")
_DAMAGE_FIRST = "（(<&\u200b\u200c\u200d\ufeff\n"  # every match starts with one of these


def _damage_spans(folded: str) -> list[tuple[int, int]]:
    """The spans of scraping damage in folded text, left to right.

    The same as `finditer` with the lookbehind in the pattern: a bracket that does not follow a
    CJK character starts no match, and no match can start inside the rejected one (it holds only
    letters and a closing bracket), so the scan may go on after it."""
    if not any(ch in folded for ch in _DAMAGE_FIRST):
        return []
    out = []
    for m in _DAMAGE.finditer(folded):
        p = m.start()
        if folded[p] in "（(" and not (p > 0 and "\u3400" <= folded[p - 1] <= "\u9fff"):
            continue
        out.append(m.span())
    return out


def _without(s: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return s
    out, pos = [], 0
    for a, b in spans:
        out.append(s[pos:a])
        pos = b
    out.append(s[pos:])
    return "".join(out)


class Clean:
    """Folded text with scraping damage removed, and the way back to the original offsets."""

    __slots__ = ("text", "_map", "_len")

    def __init__(self, original: str):
        folded = fold(original)
        spans = _damage_spans(folded)
        if not spans:
            self.text, self._map, self._len = folded, None, len(original)
            return
        out: list[str] = []
        mapping: list[int] = []
        pos = 0
        for start, end in spans:
            out.append(folded[pos:start])
            mapping.extend(range(pos, start))
            pos = end
        out.append(folded[pos:])
        mapping.extend(range(pos, len(folded)))
        self.text, self._map, self._len = "".join(out), mapping, len(original)

    def orig(self, i: int) -> int:
        """Offset in the original text of offset `i` in the clean text (i may equal len)."""
        if self._map is None:
            return i
        if i >= len(self._map):
            return self._len
        return self._map[i]

    def orig_span(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            s = self.orig(start)
            return s, s
        return self.orig(start), self.orig(end - 1) + 1


def has_damage(s: str) -> bool:
    return bool(_damage_spans(fold(s)))
