"""Publication date: a report dated after its legal deadline, or before the period it reports on
has ended.

The date is a line that holds only a date (possibly in brackets), near the title or at the end
of the report. The deadline is `deadline` (month, day) of the year after the report year;
departments (`issuer-kind: department` in config, or an issuer whose title matches
`department_pattern` and not `government_pattern`) have `department_deadline` from
`department_from` on (条例 2019 第四十九条).

    - id: GL206
      kind: publication-date
      severity: warning
      message: 报告日期{date}{problem}
      problems:
        late: 晚于法定公布期限（{deadline}）
        early: 早于统计期结束（{period_end}）
      deadline: [3, 31]
      department_deadline: [1, 31]
      department_from: 2019
      department_pattern: '(局|委员会|委|办公室|办|厅|署|中心)$'
      government_pattern: '人民政府$|政府$'
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from govlint import recache
from govlint.document import Paragraph
from govlint.facts import Facts
from govlint.kinds._util import bad, compile_one, search
from govlint.kinds.base import Finding, Rule
from govlint.text.dates import find_dates, is_valid_date

_ONLY_DATE = recache.compile(r"^[\s(（]*(.{6,20}?)[\s)）]*$")


def prepare(params: dict):
    try:
        m, d = params["deadline"]
        ok = is_valid_date(2001, m, d)
    except (KeyError, TypeError, ValueError):
        ok = False
    if not ok:
        raise bad("deadline", "deadline must be [month, day]") from None
    return {
        "dept": compile_one(params.get("department_pattern", "$^"), "department_pattern"),
        "gov": compile_one(params.get("government_pattern", "$^"), "government_pattern"),
    }


def _iso(d: tuple[int, int, int]) -> str:
    return f"{d[0]:04d}-{d[1]:02d}-{d[2]:02d}"


def _issuer(title: str) -> str:
    """The issuer part of a title: what stands before the year or 政府信息公开."""
    t = re.split(r"(19|20)\d\d\s*年|政府信息公开", title)[0].strip()
    return t or re.split(r"(19|20)\d\d\s*年", title)[-1]


def find_publication_date(facts: Facts):
    doc = facts.doc
    paras = [b for b in doc.blocks[:12] if isinstance(b, Paragraph)]
    body = [b for b, _ in facts.ordered if isinstance(b, Paragraph)]
    for para in paras + body[-5:]:
        m = _ONLY_DATE.match(facts.clean(para.text).text)
        if not m:
            continue
        dates = find_dates(m.group(1))
        if len(dates) == 1 and dates[0].year and dates[0].month and dates[0].valid:
            if m.group(1).strip() == dates[0].raw.strip():
                return para, dates[0]
    return None, None


def check(rule: Rule, facts: Facts) -> Iterator[Finding]:
    year = facts.year
    if year is None or facts.doc.kind != "annual-report":
        return
    para, date = find_publication_date(facts)
    if date is None:
        return
    kind = facts.options.get("issuer_kind")
    if kind is None and facts.doc.title:
        issuer = _issuer(facts.clean(facts.doc.title).text)
        if search(rule.compiled["gov"], issuer):
            kind = "government"
        elif search(rule.compiled["dept"], issuer):
            kind = "department"
    month, day = rule.params["deadline"]
    if kind == "department" and year >= rule.params.get("department_from", 9999):
        month, day = rule.params.get("department_deadline", [month, day])
    deadline = (year + 1, month, day)  # dates as (year, month, day): they compare like dates
    published = (date.year, date.month, date.day or 1)
    problem = None
    texts = rule.params.get("problems") or {}
    fmt = {"deadline": f"{year + 1}年{month}月{day}日", "period_end": f"{year}年12月31日"}
    if published > deadline:
        problem = texts.get("late", "> {deadline}").format(**fmt)
    elif published <= (year, 12, 31) and date.day is not None:
        problem = texts.get("early", "< {period_end}").format(**fmt)
    if problem:
        yield Finding(block=para, values={"date": date.raw.strip(), "problem": problem},
                      json_values={"date": _iso(published), "deadline": _iso(deadline)})
