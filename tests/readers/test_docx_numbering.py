"""Word auto-numbering labels, fed numbering.xml bytes directly (no .docx needed)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the repo root: tests.fixtures

from govlint.readers.docx_numbering import Numbering, NumberingError, format_number  # noqa: E402
from tests.fixtures.docxbuild import abstract_num, gov_numbering, lvl, num, numbering_xml  # noqa: E402


@pytest.mark.parametrize(
    "fmt, n, expected",
    [
        ("decimal", 7, "7"),
        ("decimalZero", 7, "07"),
        ("chineseCounting", 1, "一"),
        ("chineseCounting", 10, "十"),
        ("chineseCounting", 11, "十一"),
        ("chineseCounting", 20, "二十"),
        ("chineseCounting", 21, "二十一"),
        ("chineseCounting", 99, "九十九"),
        ("chineseCounting", 101, "一〇一"),
        ("chineseCountingThousand", 10, "十"),
        ("chineseCountingThousand", 11, "十一"),
        ("chineseCountingThousand", 21, "二十一"),
        ("chineseCountingThousand", 100, "一百"),
        ("chineseCountingThousand", 101, "一百零一"),
        ("chineseCountingThousand", 110, "一百一十"),
        ("chineseCountingThousand", 1010, "一千零一十"),
        ("chineseLegalSimplified", 12, "壹拾贰"),
        ("ideographTraditional", 1, "甲"),
        ("ideographTraditional", 4, "丁"),
        ("ideographTraditional", 10, "癸"),
        ("ideographTraditional", 11, "甲"),
        ("ideographZodiac", 2, "丑"),
        ("ideographDigital", 205, "二〇五"),
        ("decimalEnclosedCircle", 1, "①"),
        ("decimalEnclosedCircle", 20, "⑳"),
        ("decimalEnclosedCircle", 21, "21"),
        ("decimalEnclosedCircleChinese", 3, "③"),
        ("decimalFullWidth", 12, "１２"),
        ("decimalEnclosedParen", 1, "⑴"),
        ("decimalEnclosedParen", 20, "⒇"),
        ("decimalEnclosedParen", 21, "(21)"),
        ("decimalEnclosedFullstop", 1, "⒈"),
        ("decimalEnclosedFullstop", 21, "21."),
        ("ideographEnclosedCircle", 1, "㊀"),
        ("lowerLetter", 1, "a"),
        ("lowerLetter", 27, "aa"),
        ("upperLetter", 3, "C"),
        ("lowerRoman", 4, "iv"),
        ("upperRoman", 1999, "MCMXCIX"),
        ("ordinal", 2, "2nd"),
        ("none", 3, ""),
        ("bullet", 3, None),
        ("someFutureFormat", 3, "3"),
    ],
)
def test_format_number(fmt, n, expected):
    assert format_number(n, fmt) == expected


def labels(numbering: Numbering, seq):
    return [numbering.label(num_id, ilvl) for num_id, ilvl in seq]


def test_gov_ladder_counts_and_restarts_lower_levels():
    n = Numbering.from_xml(gov_numbering().encode())
    seq = [(1, 0), (1, 1), (1, 1), (1, 0), (1, 1), (1, 2), (1, 2), (1, 3), (1, 1), (1, 2)]
    assert labels(n, seq) == [
        "一、",
        "（一）",
        "（二）",
        "二、",
        "（一）",
        "1.",
        "2.",
        "（1）",
        "（二）",
        "1.",
    ]


def test_multilevel_lvl_text_and_unused_upper_level_shows_its_start():
    xml = numbering_xml(abstract_num(0, [lvl(0, "decimal", "%1."), lvl(1, "decimal", "%1.%2")]), num(3, 0))
    n = Numbering.from_xml(xml.encode())
    assert labels(n, [(3, 1), (3, 1), (3, 0), (3, 1), (3, 0), (3, 0), (3, 1)]) == [
        "1.1",
        "1.2",
        "1.",
        "1.1",
        "2.",
        "3.",
        "3.1",
    ]


def test_start_value_and_start_override_and_counters_per_num():
    xml = numbering_xml(
        abstract_num(0, [lvl(0, "chineseCounting", "%1、", start=3), lvl(1, "decimalEnclosedCircle", "%2")]),
        num(1, 0),
        num(2, 0, start_overrides={0: 7}),
    )
    n = Numbering.from_xml(xml.encode())
    assert labels(n, [(1, 0), (1, 0), (2, 0), (1, 1), (1, 1), (2, 0), (1, 0)]) == [
        "三、",
        "四、",
        "七、",
        "①",
        "②",
        "八、",
        "五、",
    ]


def test_lvl_restart_zero_never_restarts_and_restart_names_a_level():
    xml = numbering_xml(
        abstract_num(
            0,
            [
                lvl(0, "chineseCounting", "%1、"),
                lvl(1, "decimal", "%2.", restart=0),
                lvl(2, "lowerLetter", "%3)", restart=1),
            ],
        ),
        num(1, 0),
    )
    n = Numbering.from_xml(xml.encode())
    seq = [(1, 0), (1, 1), (1, 2), (1, 2), (1, 1), (1, 2), (1, 0), (1, 1), (1, 2)]
    # level 2 restarts only when level 1 (lvlRestart 1 = ilvl 0) is used: not after "2."
    assert labels(n, seq) == ["一、", "1.", "a)", "b)", "2.", "c)", "二、", "3.", "a)"]


def test_is_lgl_draws_all_levels_decimal():
    xml = numbering_xml(
        abstract_num(0, [lvl(0, "chineseCounting", "第%1章"), lvl(1, "decimal", "%1.%2", is_lgl=True)]),
        num(1, 0),
    )
    n = Numbering.from_xml(xml.encode())
    assert labels(n, [(1, 0), (1, 1), (1, 0), (1, 1)]) == ["第一章", "1.1", "第二章", "2.1"]


def test_suffix_does_not_change_the_label_and_bullets_have_none():
    xml = numbering_xml(
        abstract_num(0, [lvl(0, "decimal", "%1.", suff="tab")]),
        abstract_num(1, [lvl(0, "decimal", "%1、", suff="nothing")]),
        abstract_num(2, [lvl(0, "bullet", "\uf06c")]),
        num(1, 0),
        num(2, 1),
        num(3, 2),
    )
    n = Numbering.from_xml(xml.encode())
    assert labels(n, [(1, 0), (2, 0), (3, 0), (3, 0)]) == ["1.", "1、", None, None]


def test_unknown_num_level_and_num_zero_give_no_label():
    n = Numbering.from_xml(gov_numbering().encode())
    assert n.label(0, 0) is None
    assert n.label(99, 0) is None
    assert n.label(1, 7) is None  # the ladder defines levels 0-3 only
    assert n.label(1, 0) == "一、"  # none of the above advanced anything


def test_lvl_override_replaces_a_level():
    xml = numbering_xml(abstract_num(0, [lvl(0, "decimal", "%1.")]), num(1, 0)).replace(
        '<w:abstractNumId w:val="0"/></w:num>',
        '<w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0">'
        '<w:lvl w:ilvl="0"><w:start w:val="2"/><w:numFmt w:val="ideographTraditional"/>'
        '<w:lvlText w:val="%1．"/></w:lvl></w:lvlOverride></w:num>',
    )
    n = Numbering.from_xml(xml.encode())
    assert labels(n, [(1, 0), (1, 0)]) == ["乙．", "丙．"]


def test_num_style_link_follows_the_style_to_another_list():
    xml = numbering_xml(
        abstract_num(0, [lvl(0, "chineseCounting", "%1、")]),
        abstract_num(5, []).replace("</w:abstractNum>", '<w:numStyleLink w:val="GovList"/></w:abstractNum>'),
        num(1, 0),
        num(2, 5),
    )
    n = Numbering.from_xml(xml.encode(), style_num_ids={"GovList": 1})
    assert n.label(2, 0) == "一、"


def test_level_for_style_finds_the_pstyle_link():
    xml = numbering_xml(
        abstract_num(
            0,
            [
                lvl(0, "chineseCounting", "%1、", pstyle="H1"),
                lvl(1, "chineseCounting", "（%2）", pstyle="H2"),
            ],
        ),
        num(4, 0),
    )
    n = Numbering.from_xml(xml.encode())
    assert n.level_for_style(4, "H2") == 1
    assert n.level_for_style(4, "Other") is None


def test_malformed_entries_are_skipped_not_fatal():
    xml = numbering_xml(
        abstract_num(0, [lvl(0, "decimal", "%1.")]),
        '<w:num w:numId="x"><w:abstractNumId w:val="0"/></w:num>',
        num(2, 0),
    ).replace('<w:start w:val="1"/>', '<w:start w:val="one"/>')
    n = Numbering.from_xml(xml.encode())
    assert n.label(2, 0) == "1."


def test_broken_xml_raises_numbering_error():
    with pytest.raises(NumberingError):
        Numbering.from_xml(b"<w:numbering><w:abstractNum>")
