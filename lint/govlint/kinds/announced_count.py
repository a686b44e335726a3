"""Announced count: "本报告由……等六部分组成" must name as many parts as it announces.

`patterns` find the announcement; each must capture the list of parts in the group `items` and
the stated count in the group `count` (Chinese numerals or digits). Items are split at 、，,；
and 以及, and at 及/和/并 only before words that stand alone as a part (`standalone`, e.g. 附件,
附表), so "行政复议和诉讼情况" stays one part. Reported when the parts named differ from the count.

    - id: GL107
      kind: announced-count
      severity: warning
      message: 报告称由{count}部分组成，但列出了{named}部分
      patterns: ['(?:由|包括)(?P<items>.{4,300}?)等?(?P<count>[一二三四五六七八九十\\d]{1,3})(?:个)?(?:大)?部分']
      standalone: [附件, 附表, 附图, 相关指标统计表, 说明与附表]
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from govlint import recache
from govlint.facts import Facts
from govlint.kinds._util import bad, compile_patterns, finditer
from govlint.kinds.base import Finding, Rule
from govlint.outline import cn_to_int


def prepare(params: dict):
    pats = compile_patterns(params, "patterns")
    for p in pats:
        if "items" not in p.groupindex or "count" not in p.groupindex:
            raise bad("patterns", "each pattern needs the named groups 'items' and 'count'")
    standalone = params.get("standalone", [])
    alt = "|".join(re.escape(w) for w in standalone)
    splitter = recache.compile(r"[、，,；;]|以及" + (rf"|(?:及|和|并附|并|与)(?=(?:相关的?)?(?:{alt}))" if alt else ""))
    return pats, splitter


def check(rule: Rule, facts: Facts) -> Iterator[Finding]:
    pats, splitter = rule.compiled
    for para, _sec in facts.paragraphs():
        clean = facts.clean(para.text)
        for p in pats:
            for m in finditer(p, clean.text):
                stated = cn_to_int(m.group("count"))
                items = [i for i in splitter.split(re.sub(r"\s+", "", m.group("items"))) if i]
                if stated is None or len(items) < 2:
                    continue
                if len(items) != stated:
                    s, e = clean.orig_span(m.start(), m.end())
                    yield Finding(block=para, span=(s, e),
                                  values={"count": m.group("count"), "named": len(items),
                                          "items": "、".join(items)},
                                  json_values={"stated": stated, "named": len(items), "items": items})
