"""One file → a fully understood Document: read, title and year, section tree, kind."""

from __future__ import annotations

import os

from govlint import outline, readers, reflow
from govlint.document import Document
from govlint.facts import meta


def analyze(path: str | os.PathLike) -> Document:
    doc = readers.read(path)
    return analyze_document(doc)


def analyze_document(doc: Document) -> Document:
    reflow.reflow(doc)
    meta.apply(doc)
    outline.build(doc)
    doc.kind = meta.document_kind(doc)
    return doc
