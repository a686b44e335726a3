from __future__ import annotations

import json

from report_data import check_golden, clean_result, diagnostics, render, run_result

from govlint import record


def test_golden():
    check_golden("gitlab.json", render("gitlab"))


def test_code_quality_fields():
    issues = json.loads(render("gitlab"))
    assert len(issues) == len(diagnostics())
    for issue, d in zip(issues, diagnostics(), strict=True):
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["check_name"] == d.rule and issue["description"].startswith(d.rule + " ")
        assert issue["severity"] == {"error": "major", "warning": "minor", "info": "info"}[d.severity]
        assert issue["location"] == {"path": d.path, "lines": {"begin": d.line or 1}}
        assert len(issue["fingerprint"]) == 64


def test_fingerprints_are_unique_even_for_identical_findings():
    result = run_result()
    cell = result.diagnostics[-1]
    result.diagnostics = [*result.diagnostics, record.replace(cell, row=6, order=32)]
    fingerprints = [i["fingerprint"] for i in json.loads(render("gitlab", result))]
    assert len(set(fingerprints)) == len(fingerprints)


def test_fingerprints_survive_moves():
    result = run_result()
    before = json.loads(render("gitlab", result))
    result.diagnostics = [
        record.replace(d, line=d.line + 5 if d.line else None, order=d.order + 1)
        for d in result.diagnostics
    ]
    after = json.loads(render("gitlab", result))
    assert [i["fingerprint"] for i in before] == [i["fingerprint"] for i in after]


def test_clean_run_is_an_empty_array():
    assert json.loads(render("gitlab", clean_result())) == []
