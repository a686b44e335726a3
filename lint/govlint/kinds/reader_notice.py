"""Reader notice: something in the file the reader could not read, so part of the draft was not
checked — a broken numbering.xml or styles.xml in a .docx (read without auto-numbering labels or
heading styles), a broken header, footer, footnote or comments part, invalid front matter, an HTML
comment '<!--' that is never closed, a Markdown file nested too deeply or too large to parse (read
as plain lines). One finding per notice, at the document level; fix the file (re-save it in Word,
close the comment) to have it checked in full.

    - id: GL903
      kind: reader-notice
      severity: info
      message: 文件部分内容未能读取：{notice}

Placeholder: {notice} (the reader's one-line notice, in English). The notice also goes to the JSON
`values` as {"notice": …}.
"""

from __future__ import annotations

from collections.abc import Iterator

from govlint.facts import Facts
from govlint.kinds.base import Finding, Rule


def check(rule: Rule, facts: Facts) -> Iterator[Finding]:
    for notice in facts.doc.notices:
        yield Finding(values={"notice": notice}, excerpt="", json_values={"notice": notice})
