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
    """A comparison key for short strings such as titles and labels: folded, NFKC, no spaces,
    no punctuation except parentheses (normalised to ASCII), 和→及 not applied (packs list
    aliases explicitly)."""
    s = unicodedata.normalize("NFKC", fold(s)).translate(_PAREN)
    return _SPACE_PUNCT.sub("", s)
