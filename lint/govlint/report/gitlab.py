"""gitlab: GitLab Code Quality report (a JSON array), shown in merge requests.

    {"description": "GL301 message", "check_name": "GL301", "fingerprint": "<sha256 hex>",
     "severity": "major", "location": {"path": "report.md", "lines": {"begin": 12}}}

Severity: error → major, warning → minor, info → info. GitLab requires `lines.begin`; DOCX has
no lines, so it gets 1 and the human location leads the description. GitLab treats fingerprints
as unique issue ids, so the fingerprint hashes the path, `base.fingerprint()` and the occurrence
index among identical findings in that file: stable across edits, unique within a report.
"""

from __future__ import annotations

import hashlib
import json

from govlint.report.base import ReportOptions, RunResult, occurrence_keys

TYPE_CHECKING = False  # typing is for type checkers only
if TYPE_CHECKING:
    from typing import TextIO

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def render(result: RunResult, stream: TextIO, options: ReportOptions) -> None:
    issues = []
    for d, (fp, n) in zip(result.diagnostics, occurrence_keys(result.diagnostics), strict=True):
        description = f"{d.rule} {d.message}"
        if d.line is None and d.location:
            description = f"{d.rule} {d.location}: {d.message}"
        key = f"{d.path}\x1f{fp}\x1f{n}"
        issues.append(
            {
                "description": description,
                "check_name": d.rule,
                "fingerprint": hashlib.sha256(key.encode("utf-8")).hexdigest(),
                "severity": SEVERITIES.get(d.severity, "minor"),
                "location": {"path": d.path, "lines": {"begin": d.line if d.line is not None else 1}},
            }
        )
    stream.write(json.dumps(issues, ensure_ascii=False, indent=2) + "\n")
