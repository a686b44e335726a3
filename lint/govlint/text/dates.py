"""Dates and date ranges in running text, in the forms annual reports use.

    2023年1月1日  2023 年 1 月 1 日  二○一一年四月十五日  2023-01-31  2023.1.31  2023/1/31
    1月1日 (no year)  2023年3月 (no day)  2023年 / 2023年度 (year only)

A Chinese-numeral year is read digit by digit, with 〇 (U+3007), ○ (U+25CB), 零 and the letter O
all read as zero, because all four occur in real drafts; months and days are counted numerals
(十二月 = 12, 三十一日 = 31). Impossible dates (2月30日) are returned with `valid=False` rather than
dropped, so a rule can report them.

Callers may pass original or folded text (`normalize.fold`): matching runs on a folded copy of the
same length, and every span and `raw` refers to the text passed in.
"""

from __future__ import annotations

import re

from govlint import recache
from govlint.record import Record, replace
from govlint.text.normalize import fold


class DateMatch(Record):
    __slots__ = ("year", "month", "day", "start", "end", "raw", "valid")

    def __init__(self, year: int | None, month: int | None, day: int | None, start: int, end: int,
                 raw: str, valid: bool = True):
        self.year = year
        self.month = month
        self.day = day
        self.start = start
        self.end = end  # exclusive
        self.raw = raw
        self.valid = valid


class DateRange(Record):
    __slots__ = ("start", "end", "start_pos", "end_pos")

    def __init__(self, start: DateMatch, end: DateMatch, start_pos: int, end_pos: int):
        self.start = start
        self.end = end  # inherits year (and month) from `start` when the text leaves them out
        self.start_pos = start_pos  # includes a leading 自/从
        self.end_pos = end_pos  # includes a trailing 止/为止


_CN_DIGIT = "零〇○一二三四五六七八九"
_ZERO_LIKE = "〇○零OΟО0"  # 〇 U+3007, ○ U+25CB, 零, Latin O, Greek Ο, Cyrillic О, 0
_YEAR_DIGITS = {**{ch: 0 for ch in _ZERO_LIKE}, **{ch: i for i, ch in enumerate("一二三四五六七八九", 1)}}

_S = r"[^\S\n]*(?:\n[^\S\n]*)?"  # spaces inside a date, and one line break (PDF text wraps lines)
_YEAR = (
    r"(?:(?<![0-9])(?P<ya>[0-9]{4})(?![0-9])"
    r"|(?<![零〇○一二两三四五六七八九十百千万亿])(?P<yc>[一二][〇○零OΟО0一二三四五六七八九]{3}))"
)
_MONTH = r"(?P<m>[0-9]{1,2}|十[一二]?|[一二三四五六七八九])"
_DAY_BODY = r"[0-9]{1,2}|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九]"
_DAY = rf"(?P<d>{_DAY_BODY})"
_NOT_NUM_BEFORE = r"(?<![0-9零〇○一二两三四五六七八九十百千万亿.])"

_DATE_RE = recache.compile(
    # 2023年1月1日 / 2023年3月 / 2023年 / 2023年度
    rf"{_YEAR}{_S}年(?:(?P<du>度)|{_S}{_MONTH}{_S}月(?:{_S}{_DAY}{_S}[日号])?)?"
    # 2023-01-31, 2023.1.31, 2023/1/31 (one separator throughout)
    r"|(?<![0-9.])(?P<iy>[0-9]{4})(?P<sep>[-./])(?P<im>[0-9]{1,2})(?P=sep)(?P<id>[0-9]{1,2})(?![0-9])(?!\.[0-9])"
    # 1月1日 (no year)
    rf"|{_NOT_NUM_BEFORE}(?P<m2>[0-9]{{1,2}}|十[一二]?|[一二三四五六七八九]){_S}月{_S}"
    rf"(?P<d2>{_DAY_BODY}){_S}[日号]"
)
# Where a date of _DATE_RE can start: a digit not after another one (every branch refuses a digit
# before it, so a run of digits is one place), or 一…九 十 before another numeral, a space or 月.
_DATE_FIRST = recache.compile(r"[0-9一二三四五六七八九十](?:(?<=[0-9])[0-9]*|(?=[〇○零OΟО0-9一二三四五六七八九十月\s]))")

# What may follow the connector in a range when the end date leaves out its year (or month).
_PARTIAL_END_RE = recache.compile(
    rf"(?:{_MONTH}{_S}月(?:{_S}{_DAY}{_S}[日号])?|(?P<d2>{_DAY_BODY}){_S}[日号])"
)
_CONNECTOR_RE = recache.compile(rf"{_S}(?:起至|起到|至|到|~|-|−|—{{1,2}}|–|―){_S}")
_BEFORE_RE = recache.compile(rf"[自从]{_S}$")
_AFTER_RE = recache.compile(rf"{_S}(?:为止|止)")


def _small(s: str) -> int:
    """A month or day: Arabic, or a counted Chinese numeral up to 三十九."""
    if s.isdigit():
        return int(s)
    digits = "一二三四五六七八九"
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (digits.index(tens) + 1 if tens else 1) * 10 + (digits.index(ones) + 1 if ones else 0)
    return digits.index(s) + 1


def _cn_year(s: str) -> int:
    n = 0
    for ch in s:
        n = n * 10 + _YEAR_DIGITS[ch]
    return n


def _is_valid(year: int | None, month: int | None, day: int | None) -> bool:
    if month is None:
        return True
    if not 1 <= month <= 12:
        return False
    if day is None:
        return True
    # Without a year, 2月29日 is possible.
    return 1 <= day <= _days_in_month(year if year and year > 0 else 2000, month)


def is_valid_date(year: object, month: object, day: object) -> bool:
    """Whether integers year, month, day make a calendar date (as `datetime.date` would accept,
    without importing datetime at start-up)."""
    if not all(type(x) is int for x in (year, month, day)):
        return False
    return 1 <= year <= 9999 and _is_valid(year, month, day)  # type: ignore[arg-type]


def _days_in_month(year: int, month: int) -> int:
    """As `calendar.monthrange(year, month)[1]` (proleptic Gregorian), without importing calendar
    (and locale) at start-up."""
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _from_match(m: re.Match[str], text: str) -> DateMatch:
    g = m.groupdict()
    if g["iy"] is not None:
        year, month, day = int(g["iy"]), int(g["im"]), int(g["id"])
    elif g["m2"] is not None:
        year, month, day = None, _small(g["m2"]), _small(g["d2"])
    else:
        year = int(g["ya"]) if g["ya"] is not None else _cn_year(g["yc"])
        month = _small(g["m"]) if g["m"] is not None else None
        day = _small(g["d"]) if g["d"] is not None else None
    return DateMatch(year, month, day, m.start(), m.end(), text[m.start() : m.end()],
                     _is_valid(year, month, day))


def _date_matches(folded: str) -> list[re.Match[str]]:
    """`_DATE_RE.finditer(folded)`, tried only where `_DATE_FIRST` finds that a date can start:
    every branch of `_DATE_RE` starts with a lookbehind, which `finditer` would run at every
    character."""
    out = []
    pos = 0
    for c in _DATE_FIRST.finditer(folded):
        p = c.start()
        if p < pos:
            continue
        m = _DATE_RE.match(folded, p)
        if m is not None:
            out.append(m)
            pos = m.end()
    return out


def find_dates(text: str, folded: bool = False) -> list[DateMatch]:
    """Every date in `text`, left to right, non-overlapping. `folded=True` says that `text` is
    folded already (`normalize.fold`), which saves folding it again."""
    return [_from_match(m, text) for m in _date_matches(text if folded else fold(text))]


def find_date_ranges(text: str) -> list[DateRange]:
    """Every `date 至 date` in `text` (connectors 至 到 起至 起到 - — ~), left to right.

    The end date inherits the year from the start date when it has none ("2023年1月1日至12月31日"),
    and may be a month or day alone ("2023年1月至12月", "2023年1月1日至31日"). 自/从 before the first
    date and 止/为止 after the second are included in `start_pos`/`end_pos`.
    """
    folded = fold(text)
    dates = [_from_match(m, text) for m in _date_matches(folded)]
    by_start = {d.start: d for d in dates}
    ranges: list[DateRange] = []
    taken = -1
    for first in dates:
        if first.start < taken:
            continue
        conn = _CONNECTOR_RE.match(folded, first.end)
        if conn is None:
            continue
        second = by_start.get(conn.end())
        if second is None:
            part = _PARTIAL_END_RE.match(folded, conn.end())
            if part is None:
                continue
            month = _small(part["m"]) if part["m"] is not None else None
            day = part["d"] or part["d2"]
            day = _small(day) if day is not None else None
            if month is None:
                if first.month is None:
                    continue
                month = first.month
            second = DateMatch(None, month, day, part.start(), part.end(), text[part.start() : part.end()])
        if second.year is None:
            second = replace(second, year=first.year, valid=_is_valid(first.year, second.month, second.day))
        start_pos = first.start
        before = _BEFORE_RE.search(folded, max(0, first.start - 4), first.start)
        if before is not None:
            start_pos = before.start()
        end_pos = second.end
        after = _AFTER_RE.match(folded, second.end)
        if after is not None:
            end_pos = after.end()
        ranges.append(DateRange(first, second, start_pos, end_pos))
        taken = end_pos
    return ranges
