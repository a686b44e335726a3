"""Folding and scraping damage (govlint.text.normalize)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from govlint.text import normalize
from govlint.text.normalize import Clean, fold, has_damage, key

# The damage pattern as it was written before `_damage_spans` (with the CJK lookbehind in the
# regex), kept as the reference.
_REFERENCE_DAMAGE = re.compile(
    r"(?<=[\u3400-\u9fff])[（(][a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,7}[)）]"
    r"|<[a-zA-Z/!][^<>\n]{0,300}>|&(?:nbsp|lt|gt|amp|quot|#\d{1,6});|[\u200b-\u200d\ufeff]|\n"
)


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(
    list("开關(（)）abkāiǎ<>/!&;#1 \n\u200b\ufeff。x") + ["nbsp", "&lt;", "<b>", "(kāi)", "開(kāi)", "a(b)", "\u3400"]
), max_size=30).map("".join))
def test_damage_spans_match_the_reference(text: str) -> None:
    assert normalize._damage_spans(text) == [m.span() for m in _REFERENCE_DAMAGE.finditer(text)]
    assert has_damage(text) == bool(_REFERENCE_DAMAGE.search(fold(text)))


def test_clean_removes_damage_and_maps_back() -> None:
    original = "公開(kāi)信息<b>共</b>&nbsp;5件，(abc)"
    c = Clean(original)
    assert c.text == "公开信息共5件，(abc)"
    s, e = c.orig_span(c.text.index("5件"), c.text.index("5件") + 2)
    assert original[s:e] == "5件"


def test_key_and_fold_are_cached_but_equal() -> None:
    assert key("（一）公開(kāi)  信息：") == key("(一)公开信息") == "(一)公开信息"
    long_text = "１" * (normalize._FOLD_CACHED_LENGTH + 1)
    assert fold(long_text) == "1" * len(long_text)
    assert fold("２０２３年") == "2023年"
