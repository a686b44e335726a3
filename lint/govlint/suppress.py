"""Suppressions written in the document itself (placeholder until the suppression issue lands:
for now nothing is suppressed and every diagnostic is kept)."""

from __future__ import annotations

from govlint.diagnostics import Diagnostic
from govlint.document import Document


def apply(doc: Document, diagnostics: list[Diagnostic], facts) -> list[Diagnostic]:
    return diagnostics
