"""Year mismatch: the report year in the title must agree with the statistics period and with
the year the text says it reports on ("特向社会公布2013年度……报告" in a 2014 report).

`patterns` find statements of the reported year; each captures the year in the group `year`.

    - id: GL207
      kind: year-mismatch
      severity: error
      message: 正文所称年度（{found}年）与报告年度（{year}年）不一致
      patterns: ['(公布|发布|编制|形成)了?\\s*(?P<year>(19|20)\\d\\d)\\s*年度?.{0,20}?(年度)?报告']
"""

from __future__ import annotations

from collections.abc import Iterator

from govlint.facts import Facts
from govlint.kinds._util import bad, compile_patterns, finditer
from govlint.kinds.base import Finding, Rule


def prepare(params: dict):
    pats = compile_patterns(params, "patterns")
    for p in pats:
        if "year" not in p.groupindex:
            raise bad("patterns", "each pattern needs the named group 'year'")
    return pats


def check(rule: Rule, facts: Facts) -> Iterator[Finding]:
    year = facts.year
    if year is None:
        return
    for para, _sec in facts.paragraphs():
        clean = facts.clean(para.text)
        for p in rule.compiled:
            for m in finditer(p, clean.text):
                found = int(m.group("year"))
                if found != year:
                    s, e = clean.orig_span(m.start("year"), m.end("year"))
                    yield Finding(block=para, span=(s, e), values={"found": found, "year": year},
                                  json_values={"found": found, "year": year})
