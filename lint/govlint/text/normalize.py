"""Length-preserving normalisation: 繁→简 and full-width→half-width, one character for one.

Because `fold(s)` has exactly the length of `s`, an index into the folded text is the same index
into the original: matching runs on folded text and diagnostics point at the original without
an offset map. Operations that change lengths (removing spaces, numbering) are only used for
comparing short strings such as titles (`key()`), never for locating text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from govlint.resources import data_file


@lru_cache(maxsize=1)
def _table() -> dict[int, int]:
    table: dict[int, int] = {}
    for line in data_file("t2s.txt").read_text(encoding="utf-8").splitlines():
        if len(line) == 2 and not line.startswith("#"):
            table[ord(line[0])] = ord(line[1])
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
    return s.translate(_table())


def has_traditional(s: str) -> bool:
    t = _table_t2s()
    return any(ord(ch) in t for ch in s)


_SPACE_PUNCT = re.compile(r"[\s\u3000\u00a0\u200b\ufeff“”\"'‘’《》〈〉<>:：,，.。;；、·•\-—_*#]+")
_PAREN = str.maketrans({"（": "(", "）": ")", "【": "(", "】": ")", "〔": "(", "〕": ")"})


def key(s: str) -> str:
    """A comparison key for short strings such as titles and labels: folded, scraping damage
    removed, NFKC, no spaces, no punctuation except parentheses (normalised to ASCII); 和/及 are
    not merged here (packs list aliases explicitly)."""
    s = unicodedata.normalize("NFKC", _DAMAGE.sub("", fold(s))).translate(_PAREN)
    return _SPACE_PUNCT.sub("", s)


# Scraping damage that breaks matching: pinyin annotations inside words (開(kāi)), HTML tags and
# entities, zero-width characters. `clean()` removes them and keeps a map back to the original.
_PINYIN = r"(?<=[\u3400-\u9fff])[（(][a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,7}[)）]"
_DAMAGE = re.compile(rf"{_PINYIN}|<[a-zA-Z/!][^<>\n]{{0,300}}>|&(?:nbsp|lt|gt|amp|quot|#\d{{1,6}});|[\u200b-\u200d\ufeff]|\n")


class Clean:
    """Folded text with scraping damage removed, and the way back to the original offsets."""

    __slots__ = ("text", "_map", "_len")

    def __init__(self, original: str):
        folded = fold(original)
        if not _DAMAGE.search(folded):
            self.text, self._map, self._len = folded, None, len(original)
            return
        out: list[str] = []
        mapping: list[int] = []
        pos = 0
        for m in _DAMAGE.finditer(folded):
            out.append(folded[pos:m.start()])
            mapping.extend(range(pos, m.start()))
            pos = m.end()
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
    return bool(_DAMAGE.search(fold(s)))
