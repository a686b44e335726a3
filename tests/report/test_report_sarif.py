"""SARIF 2.1.0: valid against the OASIS schema (draft-04, vendored) for several runs."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from jsonschema import Draft4Validator
from report_data import BROKEN, CLEAN, DOCX, MD, check_golden, clean_result, diagnostics, render, run_result

from govlint import record
from govlint.report.base import RunResult, fingerprint
from govlint.report.sarif import to_uri

SCHEMA = json.loads(
    (Path(__file__).parents[1] / "vendor" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")
)
# RFC 3986 URI-reference characters only (the draft-04 "uri" format is not checked by jsonschema
# without optional packages, so check it here).
URI = re.compile(r"^[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+$")


def _docx_only() -> RunResult:
    return RunResult([d for d in diagnostics() if d.path == DOCX], [DOCX], tool_version="0.1.0")


def _no_rule_info() -> RunResult:
    result = run_result()
    result.rules = {}
    return result


def _odd_paths() -> RunResult:
    moved = [record.replace(d, path="/tmp/年报 草稿/报告 #1.md") for d in diagnostics() if d.path == MD]
    return RunResult(moved, ["/tmp/年报 草稿/报告 #1.md", "sub\\dir\\x.md"], tool_version="")


RUNS = {
    "full": run_result,
    "clean": clean_result,
    "docx-only": _docx_only,
    "no-rule-info": _no_rule_info,
    "odd-paths": _odd_paths,
    "errors-only": lambda: RunResult([], [], errors=[(BROKEN, "无法读取")]),
}


def _sarif(result: RunResult | None = None) -> dict:
    return json.loads(render("sarif", result))


def test_golden():
    check_golden("sarif.json", render("sarif"))


@pytest.mark.parametrize("name", sorted(RUNS))
def test_valid_against_the_oasis_schema(name):
    log = _sarif(RUNS[name]())
    errors = sorted(Draft4Validator(SCHEMA).iter_errors(log), key=str)
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)
    run = log["runs"][0]
    uris = [a["location"]["uri"] for a in run["artifacts"]]
    uris += [
        loc["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"] for loc in r["locations"]
    ]
    assert all(URI.match(uri) for uri in uris), uris


def test_schema_is_draft_04():
    assert SCHEMA["$schema"] == "http://json-schema.org/draft-04/schema#"


def test_driver_and_rules():
    driver = _sarif()["runs"][0]["tool"]["driver"]
    assert (driver["name"], driver["version"], driver["informationUri"]) == (
        "govlint",
        "0.1.0",
        "https://pypi.org/project/govlint/",
    )
    rules = {r["id"]: r for r in driver["rules"]}
    assert rules["GL301"]["shortDescription"]["text"] == "各项之和（{sum}）与总计（{total}）不一致"
    assert rules["GL301"]["fullDescription"]["text"] == "A stated total must equal the sum of its parts."
    assert rules["GL301"]["properties"]["basis"] == "《条例》(2019) 第五十条"
    levels = {rid: r["defaultConfiguration"]["level"] for rid, r in rules.items()}
    assert levels == {
        "GL101": "error",
        "GL201": "warning",
        "GL301": "error",
        "GL402": "note",
        "GL502": "error",
    }
    assert rules["GL101"]["helpUri"] == "https://example.invalid/rules/GL101"


def test_results_point_at_their_rules_and_carry_fingerprints():
    run = _sarif()["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    for result, d in zip(run["results"], diagnostics(), strict=True):
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == d.rule
        assert result["message"]["text"] == d.message
        assert result["partialFingerprints"] == {"govlint/v1": fingerprint(d)}
        assert result["level"] == {"error": "error", "warning": "warning", "info": "note"}[d.severity]


def test_text_locations_have_regions_docx_locations_are_logical():
    results = _sarif()["runs"][0]["results"]
    md = next(
        r for r in results if r["ruleId"] == "GL301" and "region" in r["locations"][0]["physicalLocation"]
    )
    assert md["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 12,
        "startColumn": 6,
        "endLine": 12,
        "endColumn": 10,
    }
    assert "logicalLocations" not in md["locations"][0]
    info = next(r for r in results if r["ruleId"] == "GL402")
    assert info["locations"][0]["physicalLocation"]["region"] == {"startLine": 3}

    cell = results[-1]
    assert cell["ruleId"] == "GL301"
    assert "region" not in cell["locations"][0]["physicalLocation"]
    assert cell["locations"][0]["logicalLocations"] == [
        {
            "name": "表2 第5行 第3列",
            "fullyQualifiedName": "第3节「收到和处理政府信息公开申请情况」 / 表2 第5行 第3列",
            "kind": "element",
        }
    ]
    assert [r["message"]["text"] for r in cell["relatedLocations"]] == ["表2 第3行 第3列", "表2 第4行 第3列"]
    assert cell["properties"]["values"] == {"total": 183, "parts": [120, 40, 25], "sum": 185}
    document_level = next(r for r in results if r["ruleId"] == "GL101")
    assert "logicalLocations" not in document_level["locations"][0]


def test_artifacts_and_invocation():
    run = _sarif()["runs"][0]
    uris = [a["location"]["uri"] for a in run["artifacts"]]
    assert uris == [MD, to_uri(DOCX), CLEAN, BROKEN]
    for result in run["results"]:
        loc = result["locations"][0]["physicalLocation"]["artifactLocation"]
        assert uris[loc["index"]] == loc["uri"]
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    [note] = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and "zip" in note["message"]["text"]
    assert _sarif(clean_result())["runs"][0]["invocations"] == [{"executionSuccessful": True}]


def test_uris():
    assert to_uri("docs/report.md") == "docs/report.md"
    assert to_uri("docs\\report.md") == "docs/report.md"
    assert to_uri("报告.docx") == "%E6%8A%A5%E5%91%8A.docx"
    assert to_uri("/tmp/a b.md") == "file:///tmp/a%20b.md"
    assert to_uri("C:\\Users\\x.md") == "file:///C:/Users/x.md"
