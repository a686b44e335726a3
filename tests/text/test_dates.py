"""Dates and date ranges (govlint.text.dates)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govlint.text import dates
from govlint.text.dates import DateMatch, find_date_ranges, find_dates
from govlint.text.normalize import fold

# (year, month, day, raw, valid) for each date, left to right.
DATE_CASES: list[tuple[str, str, list[tuple[int | None, int | None, int | None, str, bool]]]] = [
    ("full", "2023年1月1日", [(2023, 1, 1, "2023年1月1日", True)]),
    ("end of year", "截至2023年12月31日", [(2023, 12, 31, "2023年12月31日", True)]),
    ("○ U+25CB", "成文日期二○一一年四月十五日", [(2011, 4, 15, "二○一一年四月十五日", True)]),
    ("〇 U+3007", "二〇一一年四月十五日", [(2011, 4, 15, "二〇一一年四月十五日", True)]),
    ("零", "二零一一年", [(2011, None, None, "二零一一年", True)]),
    ("Latin O", "二O一一年", [(2011, None, None, "二O一一年", True)]),
    ("counted month and day", "二〇二三年十二月三十一日", [(2023, 12, 31, "二〇二三年十二月三十一日", True)]),
    ("二十日", "二〇二三年三月二十日", [(2023, 3, 20, "二〇二三年三月二十日", True)]),
    ("ISO", "2023-01-31", [(2023, 1, 31, "2023-01-31", True)]),
    ("dots", "2023.1.31", [(2023, 1, 31, "2023.1.31", True)]),
    ("slashes", "2023/1/31", [(2023, 1, 31, "2023/1/31", True)]),
    ("mixed separators are no date", "2023-1/31", []),
    ("no year", "1月1日", [(None, 1, 1, "1月1日", True)]),
    ("号", "3月5号", [(None, 3, 5, "3月5号", True)]),
    ("year only", "2023年", [(2023, None, None, "2023年", True)]),
    ("年度", "2023年度报告", [(2023, None, None, "2023年度", True)]),
    ("year and month", "2023年3月", [(2023, 3, None, "2023年3月", True)]),
    ("spaces", "2023 年 1 月 1 日", [(2023, 1, 1, "2023 年 1 月 1 日", True)]),
    ("full-width", "２０２３年１２月３１日", [(2023, 12, 31, "２０２３年１２月３１日", True)]),
    ("impossible day", "2023年2月30日", [(2023, 2, 30, "2023年2月30日", False)]),
    ("leap day", "2024年2月29日", [(2024, 2, 29, "2024年2月29日", True)]),
    ("not a leap year", "2023年2月29日", [(2023, 2, 29, "2023年2月29日", False)]),
    ("leap day without a year", "2月29日", [(None, 2, 29, "2月29日", True)]),
    ("month 13", "2023年13月1日", [(2023, 13, 1, "2023年13月1日", False)]),
    ("two dates", "2023年1月1日至2023年12月31日",
     [(2023, 1, 1, "2023年1月1日", True), (2023, 12, 31, "2023年12月31日", True)]),
    ("five digits are no year", "12023年", []),
    ("durations are no dates", "3个月，近三年，15个工作日", []),
    ("one line break (wrapped PDF text)", "为2023\n年 1 月 1 日", [(2023, 1, 1, "2023\n年 1 月 1 日", True)]),
    ("a blank line ends a date", "2023年\n\n1月", [(2023, None, None, "2023年", True)]),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in DATE_CASES], ids=[c[0] for c in DATE_CASES])
def test_find_dates(text: str, expected: list[tuple]) -> None:
    found = find_dates(text)
    for d in found:
        assert text[d.start : d.end] == d.raw
    assert [(d.year, d.month, d.day, d.raw, d.valid) for d in found] == expected


def test_spans() -> None:
    assert find_dates("统计期限为2023年1月1日") == [DateMatch(2023, 1, 1, 5, 14, "2023年1月1日", True)]


# (start (y, m, d), end (y, m, d), text[start_pos:end_pos])
RANGE_CASES = [
    ("至", "2023年1月1日至2023年12月31日", [((2023, 1, 1), (2023, 12, 31), "2023年1月1日至2023年12月31日")]),
    ("inherits the year", "本报告统计期限为2023年1月1日至12月31日。",
     [((2023, 1, 1), (2023, 12, 31), "2023年1月1日至12月31日")]),
    ("自…起至…止", "自2023年1月1日起至12月31日止",
     [((2023, 1, 1), (2023, 12, 31), "自2023年1月1日起至12月31日止")]),
    ("从…到…为止", "从2023年1月1日到2023年12月31日为止",
     [((2023, 1, 1), (2023, 12, 31), "从2023年1月1日到2023年12月31日为止")]),
    ("dash", "2023-01-01—2023-12-31", [((2023, 1, 1), (2023, 12, 31), "2023-01-01—2023-12-31")]),
    ("tilde", "2023.1.1～2023.12.31", [((2023, 1, 1), (2023, 12, 31), "2023.1.1～2023.12.31")]),
    ("hyphen with spaces", "2023年1月1日 - 12月31日", [((2023, 1, 1), (2023, 12, 31), "2023年1月1日 - 12月31日")]),
    ("起到", "2023年1月1日起到12月31日", [((2023, 1, 1), (2023, 12, 31), "2023年1月1日起到12月31日")]),
    ("month range", "2023年1月至12月", [((2023, 1, None), (2023, 12, None), "2023年1月至12月")]),
    ("day range", "2023年1月1日至31日", [((2023, 1, 1), (2023, 1, 31), "2023年1月1日至31日")]),
    ("Chinese numerals", "二〇二三年一月一日至十二月三十一日",
     [((2023, 1, 1), (2023, 12, 31), "二〇二三年一月一日至十二月三十一日")]),
    ("year range", "2021年至2023年", [((2021, None, None), (2023, None, None), "2021年至2023年")]),
    ("年度 alone is no range", "2023年度", []),
    ("a start date alone", "自2023年1月1日起施行", []),
    ("text between dates", "2023年1月1日发布，12月31日截止", []),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in RANGE_CASES], ids=[c[0] for c in RANGE_CASES])
def test_find_date_ranges(text: str, expected: list[tuple]) -> None:
    got = [
        ((r.start.year, r.start.month, r.start.day), (r.end.year, r.end.month, r.end.day),
         text[r.start_pos : r.end_pos])
        for r in find_date_ranges(text)
    ]
    assert got == expected


def test_inherited_year_revalidates() -> None:
    (r,) = find_date_ranges("2023年2月1日至2月29日")
    assert (r.end.year, r.end.valid, r.end.raw) == (2023, False, "2月29日")
    (r,) = find_date_ranges("2024年2月1日至2月29日")
    assert r.end.valid


@settings(max_examples=200, deadline=None)
@given(st.text(st.sampled_from(list("0123456789年月日号度至起止自从-./~— 一二三十〇○零O")), max_size=40))
def test_never_raises_and_spans_are_ordered(text: str) -> None:
    last = 0
    for d in find_dates(text):
        assert last <= d.start < d.end <= len(text) and d.raw == text[d.start : d.end]
        last = d.end
    last = 0
    for r in find_date_ranges(text):
        assert last <= r.start_pos <= r.start.start < r.end.end <= r.end_pos <= len(text)
        last = r.end_pos


@settings(max_examples=800, deadline=None)
@given(st.text(st.sampled_from(list("0123456789年月日号度至起止自从-./~— \n一二两三四五六七八九十百〇○零OΟО.")), max_size=40))
def test_date_scan_matches_finditer(text: str) -> None:
    """`_date_matches` tries `_DATE_RE` only where `_DATE_FIRST` says a date can start; it must
    find exactly what `finditer` finds."""
    expected = [m.span() for m in dates._DATE_RE.finditer(text)]
    assert [m.span() for m in dates._date_matches(text)] == expected


def test_find_dates_on_folded_text() -> None:
    text = "二〇二三年１２月３１日，2023.1.31"
    assert find_dates(fold(text), folded=True) == find_dates(fold(text)) == [
        DateMatch(d.year, d.month, d.day, d.start, d.end, fold(d.raw), d.valid) for d in find_dates(text)]
