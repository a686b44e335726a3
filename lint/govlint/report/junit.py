"""junit: JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure, …).

    <testsuites name="govlint" tests=… failures=… errors=…>
      <testsuite name="report.md" tests=… failures=… errors=0 skipped=0>
        <testcase classname="report.md" name="GL301">
          <failure message="…（共 2 处）" type="error">表2 第5行 第3列: message
    line 14: message</failure>
        </testcase>
        <testcase classname="clean.md" name="govlint"/>          (a file with no findings)

- One <testsuite> per file linted, in the order given; one <testcase> per (file, rule) with
  findings, named by rule id, in order of first finding.
- error and warning findings are a <failure type="error|warning">: a finding the team chose to
  keep at warning still shows in the report. The failure text lists every occurrence as
  "location: message", one per line; its message attribute is the first message, with the
  count when there are more.
- info findings never fail a test: their testcase passes and lists them in <system-out>
  (JUnit has no "note" level and <skipped> would misreport that the check did not run).
- A file that could not be read is a suite with one testcase "govlint" holding an <error>, so
  the CI report does not show an unreadable draft as passing.

XML comes from xml.etree (escaping handled there); characters XML 1.0 forbids (control
characters from broken DOCX text) are dropped.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from govlint.diagnostics import Diagnostic
from govlint.report.base import ReportOptions, RunResult, highest_severity

TYPE_CHECKING = False  # typing is for type checkers only
if TYPE_CHECKING:
    from typing import TextIO

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _XML_INVALID.sub("", text)


def _occurrence(d: Diagnostic) -> str:
    where = d.location or (f"line {d.line}" if d.line is not None else "")
    return _clean(f"{where}: {d.message}" if where else d.message)


def _summary(found: list[Diagnostic], lang: str) -> str:
    first = found[0].message
    if len(found) == 1:
        return _clean(first)
    more = f"（共 {len(found)} 处）" if lang == "zh" else f" ({len(found)} occurrences)"
    return _clean(first + more)


def build(result: RunResult, lang: str = "zh") -> ET.Element:
    by_path: dict[str, dict[str, list[Diagnostic]]] = {}
    for d in result.diagnostics:
        by_path.setdefault(d.path, {}).setdefault(d.rule, []).append(d)
    errors = dict(result.errors)

    root = ET.Element("testsuites", name="govlint")
    total = {"tests": 0, "failures": 0, "errors": 0}
    paths = list(dict.fromkeys([*result.all_paths(), *errors]))
    for path in paths:
        suite = ET.SubElement(root, "testsuite", name=_clean(path))
        counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
        if path in errors:
            case = ET.SubElement(suite, "testcase", classname=_clean(path), name="govlint")
            ET.SubElement(case, "error", message=_clean(errors[path]), type="read-error")
            counts["tests"] += 1
            counts["errors"] += 1
        for rule, found in by_path.get(path, {}).items():
            case = ET.SubElement(suite, "testcase", classname=_clean(path), name=rule)
            counts["tests"] += 1
            text = "\n".join(_occurrence(d) for d in found)
            severity = highest_severity(found)
            if severity == "info":
                ET.SubElement(case, "system-out").text = text
            else:
                failure = ET.SubElement(case, "failure", message=_summary(found, lang), type=severity or "")
                failure.text = text
                counts["failures"] += 1
        if counts["tests"] == 0:
            ET.SubElement(suite, "testcase", classname=_clean(path), name="govlint")
            counts["tests"] = 1
        for key, value in counts.items():
            suite.set(key, str(value))
        for key in total:
            total[key] += counts[key]
    for key, value in total.items():
        root.set(key, str(value))
    return root


def render(result: RunResult, stream: TextIO, options: ReportOptions) -> None:
    root = build(result, options.lang)
    ET.indent(root, space="  ")
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(root, encoding="unicode") + "\n")
