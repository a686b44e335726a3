"""Date format (公文, GB/T 9704): the 成文日期 must be written as the edition in force on that
date requires: Chinese numerals with 〇 under GB/T 9704-1999, Arabic numerals from 2012-07-01
(GB/T 9704-2012). The 成文日期 is a line that holds only a date, near the issuer's name.

    - id: GL602
      kind: date-format
      severity: warning
      message: 成文日期“{date}”应使用{expected}（{edition}）
      numerals: {arabic: 阿拉伯数字, chinese: 汉字数字}
      editions:
        - {from: '1999-12-01', numerals: chinese, name: GB/T 9704-1999}
        - {from: '2012-07-01', numerals: arabic, name: GB/T 9704-2012}
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from govlint import recache
from govlint.document import Paragraph
from govlint.facts import Facts
from govlint.kinds._util import bad
from govlint.kinds.base import Finding, Rule
from govlint.text.dates import find_dates, is_valid_date

_ONLY_DATE = recache.compile(r"^[\s(（]*(.{6,20}?)[\s)）]*$")


def _iso_date(s: str) -> tuple[int, int, int]:
    """'2012-07-01' → (2012, 7, 1); ValueError if it is no date (no datetime import: ~2 ms)."""
    y, m, d = (int(x) for x in s.split("-"))
    if len(s) != 10 or not is_valid_date(y, m, d):
        raise ValueError(s)
    return y, m, d


def prepare(params: dict):
    eds = params.get("editions")
    try:
        return sorted(((_iso_date(str(e["from"])), e["numerals"], e["name"]) for e in eds), key=lambda t: t[0])
    except (TypeError, KeyError, ValueError):
        raise bad("editions", "a list of {from: YYYY-MM-DD, numerals: chinese|arabic, name} is required") from None


def check(rule: Rule, facts: Facts) -> Iterator[Finding]:
    for b in facts.doc.blocks:
        if not isinstance(b, Paragraph):
            continue
        m = _ONLY_DATE.match(b.text)
        if not m:
            continue
        ds = find_dates(m.group(1))
        if len(ds) != 1 or not (ds[0].year and ds[0].month and ds[0].day and ds[0].valid):
            continue
        d = ds[0]
        when = (d.year, d.month, d.day)
        edition = None
        for start, numerals, name in rule.compiled:
            if when >= start:
                edition = (numerals, name)
        if edition is None:
            continue
        arabic = bool(re.search(r"\d", d.raw))
        if (edition[0] == "arabic") != arabic:
            expected = (rule.params.get("numerals") or {}).get(edition[0], edition[0])
            s = b.text.find(d.raw)
            yield Finding(block=b, span=(s, s + len(d.raw)) if s >= 0 else None,
                          values={"date": d.raw, "expected": expected, "edition": edition[1]})
        return  # only the first date line is the 成文日期
