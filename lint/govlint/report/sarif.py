"""sarif: SARIF 2.1.0 (OASIS), for GitHub code scanning and other SARIF viewers.

One run. `tool.driver` lists every rule that ran (plus any rule only a diagnostic names), with
the message template as shortDescription, the rule's doc as fullDescription/help, its basis and
pack in properties, and defaultConfiguration.level (error → error, warning → warning,
info → note). Each result has ruleId/ruleIndex, level, message, and one location:

- text formats: physicalLocation with a region (startLine, startColumn when known, end* when
  known); columns count Unicode code points (run.columnKind).
- DOCX: physicalLocation without a region (a .docx has no lines) plus a logicalLocation of kind
  "element" whose name is the human location (表2 第5行 第3列 / 第14段) and whose
  fullyQualifiedName is "section / location".

partialFingerprints carries {"govlint/v1": base.fingerprint(d)}; relatedLocations carry the
places named in `d.related`. URIs are the paths as given, made POSIX and percent-encoded (SARIF
requires RFC 3986 URI references, so 报告.docx becomes %E6%8A%A5….docx; viewers decode it).
Absolute paths become file:// URIs. `artifacts` lists every file linted; read errors become
toolExecutionNotifications and make executionSuccessful false.
"""

from __future__ import annotations

import json
from urllib.parse import quote

from govlint.diagnostics import Diagnostic
from govlint.report.base import (
    FINGERPRINT_VERSION,
    ReportOptions,
    RuleInfo,
    RunResult,
    fingerprint,
    json_default,
    local_location,
)

TYPE_CHECKING = False  # typing is for type checkers only
if TYPE_CHECKING:
    from typing import Any, TextIO

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/govlint/"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def to_uri(path: str) -> str:
    posix = path.replace("\\", "/")
    if len(posix) >= 2 and posix[1] == ":" and posix[0].isalpha():  # C:/… (Windows absolute)
        return "file:///" + posix[:2] + quote(posix[2:], safe="/")
    if posix.startswith("/"):
        return "file://" + quote(posix, safe="/")
    return quote(posix, safe="/")


def _rule_descriptor(info: RuleInfo) -> dict[str, Any]:
    descriptor: dict[str, Any] = {
        "id": info.id,
        "name": info.name,
        "shortDescription": {"text": info.message_template or info.name},
    }
    if info.doc:
        descriptor["fullDescription"] = {"text": info.doc}
        descriptor["help"] = {"text": info.doc}
    if info.help_uri:
        descriptor["helpUri"] = info.help_uri
    descriptor["defaultConfiguration"] = {"level": LEVELS.get(info.severity, "warning")}
    properties: dict[str, Any] = {"pack": info.pack, "tags": [info.pack]}
    if info.basis:
        properties["basis"] = info.basis
    descriptor["properties"] = properties
    return descriptor


def _rules(result: RunResult) -> list[RuleInfo]:
    rules = dict(result.rules)
    for d in result.diagnostics:
        if d.rule not in rules:  # a rule the CLI did not describe: describe it from the finding
            rules[d.rule] = RuleInfo(d.rule, d.name, d.severity, d.pack, d.basis, d.message)
    return [rules[rule_id] for rule_id in sorted(rules)]


def _region(d: Diagnostic) -> dict[str, int] | None:
    if d.line is None:
        return None
    region = {"startLine": d.line}
    if d.column is not None:
        region["startColumn"] = d.column
    if d.end_line is not None and d.end_line >= d.line:
        region["endLine"] = d.end_line
        if d.end_column is not None:
            region["endColumn"] = d.end_column
    return region


def _location(d: Diagnostic, artifact_index: int) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": to_uri(d.path), "index": artifact_index}}
    region = _region(d)
    if region is not None:
        physical["region"] = region
    location: dict[str, Any] = {"physicalLocation": physical}
    if d.line is None and d.location:
        name = local_location(d) or d.location
        fqn = f"{d.section} / {name}" if d.section else d.location
        location["logicalLocations"] = [{"name": name, "fullyQualifiedName": fqn, "kind": "element"}]
    return location


def _result(d: Diagnostic, rule_index: int, artifact_index: int) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": d.rule,
        "ruleIndex": rule_index,
        "level": LEVELS.get(d.severity, "warning"),
        "message": {"text": d.message},
        "locations": [_location(d, artifact_index)],
        "partialFingerprints": {FINGERPRINT_VERSION: fingerprint(d)},
    }
    if d.related:
        result["relatedLocations"] = [
            {
                "id": i,
                "physicalLocation": {"artifactLocation": {"uri": to_uri(d.path), "index": artifact_index}},
                "message": {"text": place},
            }
            for i, place in enumerate(d.related, start=1)
        ]
    properties: dict[str, Any] = {"location": d.location, "excerpt": d.excerpt, "pack": d.pack}
    if d.section:
        properties["section"] = d.section
    if d.values:
        properties["values"] = d.values
    result["properties"] = properties
    return result


def build(result: RunResult) -> dict[str, Any]:
    """The SARIF log as a dict (render() writes it)."""
    rules = _rules(result)
    rule_index = {info.id: i for i, info in enumerate(rules)}
    paths = list(dict.fromkeys([*result.all_paths(), *(path for path, _ in result.errors)]))
    artifact_index = {path: i for i, path in enumerate(paths)}
    notifications = [
        {
            "level": "error",
            "message": {"text": reason},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": to_uri(path), "index": artifact_index[path]}
                    }
                }
            ],
        }
        for path, reason in result.errors
    ]
    invocation: dict[str, Any] = {"executionSuccessful": not result.errors}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    run = {
        "tool": {
            "driver": {
                "name": "govlint",
                "version": result.tool_version,
                "informationUri": INFORMATION_URI,
                "rules": [_rule_descriptor(info) for info in rules],
            }
        },
        "invocations": [invocation],
        "artifacts": [{"location": {"uri": to_uri(path)}} for path in paths],
        "columnKind": "unicodeCodePoints",
        "results": [_result(d, rule_index[d.rule], artifact_index[d.path]) for d in result.diagnostics],
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(result: RunResult, stream: TextIO, options: ReportOptions) -> None:
    stream.write(json.dumps(build(result), ensure_ascii=False, indent=2, default=json_default) + "\n")
