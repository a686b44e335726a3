"""forbidden-pattern searches the blocks joined into one text, one search per pattern: the
findings must be those of searching block by block (no match over two blocks, anchors and
lookarounds that see a block's edges as the text's)."""

import random
import re

import pytest

from govlint.kinds import forbidden_pattern as fp
from govlint.kinds._util import prepare_builtin

PATTERNS = [
    r"免予公开", r"a\s*b", r"a[^b]*c", r"a[^b]*?c", r"X*", r"a|", r"\bab\b", r"\Bb", r"(a)\1", r"(?i)ab|b.",
    r"(?s)a.b", r"(?<=a)b", r"(?<!a)b", r"b(?=a)", r"b(?!a)", r"(?<=\s)b", r"(?<!\w)b", r"b(?!\s*a)",
    r"\d+\s*号", r"<\s*/?\s*(span|p)\b[^<>]{0,20}>?", r"(?<![A-Za-z0-9./_@-])(XX+|X{2,})(?![A-Za-z0-9./_@-])",
    r"年度报告格式.{0,30}国办公开办函\s*[〔\[(（【]\s*2021\s*[〕\])）】]\s*(?!30\s*号)\d+\s*号",
    # not joinable: searched block by block
    r"ab*c", r"(?:ab|cd)+e", r"a(?=bc)", r"(?<=x)a", r"[a-c]{2}", r"x(?i:ab)",
    r"^a", r"b$", r"\Ab", r"a\Z", r"b(?=[^x])", r"(?<![^x])b", r"b(?!\W)", r"(?>a[^b]*)c", r"a*+b",
]


def _views(texts):
    return fp._View(texts, None)


@pytest.mark.parametrize("pattern", PATTERNS)
def test_joined_search_finds_what_each_block_finds(pattern):
    rx = prepare_builtin(fp.prepare, {"patterns": [pattern]})[0]["rx"]
    joinable = fp._joinable(rx)
    rng = random.Random(pattern)
    alphabet = "aabbcdeX x\n\t号30<>1pA\x00"
    for _ in range(400):
        texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8))) for _ in range(rng.randint(1, 6))]
        v = _views(texts)
        by_block = [(j, m.start(), m.end()) for j, t in enumerate(texts) for m in rx.finditer(t)]
        assert list(fp._hits(rx, v, joinable)) == by_block, texts
        if by_block:  # a text the pattern matches in has what it needs
            assert all(any(s in v.joined for s in group) for group in fp._needs(rx)), texts


def test_needs():
    assert fp._needs(re.compile(r"(?<![A-Z])(XX+|×{2,})(?![A-Z])")) == (("X", "×"),)
    assert fp._needs(re.compile(r"免予公开")) == (("免予公开",),)
    assert fp._needs(re.compile(r"[(（](?=[a-z]*[āá])[a-z]{1,7}[)）]"))[:3] == (("(", "（"), ("á", "ā"), (")", "）"))
    assert fp._needs(re.compile(r"a|b*")) == ()  # b* matches anywhere
    assert fp._needs(re.compile(r"(?i)ab")) == ()
    assert fp._needs(re.compile(r"x(?i:ab)")) == (("x",),)


def test_which_patterns_are_joined():
    joinable = [p for p in PATTERNS if fp._joinable(re.compile(p))]
    assert joinable == PATTERNS[:PATTERNS.index(r"^a")]


def test_a_match_never_spans_two_blocks():
    rx = re.compile(r"a[^b]*c")
    v = _views(["xa", "c", "ac"])
    assert fp._joinable(rx)
    assert list(fp._hits(rx, v, True)) == [(2, 0, 2)]


def test_user_patterns_run_block_by_block():
    rx = fp.prepare({"patterns": ["ab"]})[0]
    assert rx["joinable"] is False  # a `regex` pattern: each block searched with its time limit
