"""Readers: a file in, a `Document` out. A reader knows nothing of rules.

`read(path)` picks the reader by the file's bytes first (a zip is DOCX, an OLE file is a legacy
.doc or an encrypted .docx) and by its extension second, and refuses what it cannot read with an
`InputError` whose message is one line.
"""

from __future__ import annotations

import gc
import os
from contextlib import contextmanager
from pathlib import Path

from govlint.document import Document
from govlint.errors import InputError

TEXT_SUFFIXES = {".txt", ".text"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
DOCX_SUFFIXES = {".docx", ".docm"}
SUPPORTED = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | DOCX_SUFFIXES

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
MAX_TEXT_BYTES = 64 * 1024 * 1024


@contextmanager
def _gc_paused():
    """Reading a large file allocates millions of small objects and no reference cycles worth
    collecting: Python's cyclic GC would rescan the growing heap again and again (measured: a
    20 MB Markdown file reads in 11 s instead of 27 s with the collector paused)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def read(path: str | os.PathLike) -> Document:
    try:
        with _gc_paused():
            doc = _read(path)
    except InputError as e:
        if e.reason.isprintable():
            raise
        # a zip member named 'a\nb.xml' (found by the property tests): the reason stays one line
        reason = "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in e.reason)
        raise InputError(e.path, reason) from None
    _bound_tables(doc)
    return doc


MAX_GRID_SLOTS = 1_000_000  # rows x cols of one table, unless it has that many cells


def _bound_tables(doc: Document) -> None:
    """Keep every table's grid (rows x cols, what `Table.grid()` allocates) in proportion to its
    cells: a pipe row of 20,000 cells above 20,000 one-cell rows, or a Word cell with
    gridSpan=1000000000, would otherwise make a grid of billions of slots from a small file.
    Such a table keeps its first columns only, with a notice."""
    from govlint.document import Table
    from govlint.record import replace

    for i, b in enumerate(doc.blocks):
        if not isinstance(b, Table) or b.rows * b.cols <= max(MAX_GRID_SLOTS, 4 * len(b.cells)):
            continue
        keep = max(1, max(MAX_GRID_SLOTS, 4 * len(b.cells)) // max(b.rows, 1))
        cells = tuple(
            replace(c, col_span=min(c.col_span, keep - c.col + 1)) for c in b.cells if c.col <= keep
        )
        doc.blocks[i] = replace(b, cols=keep, cells=cells)
        doc.notices.append(
            f"table {b.index} has a grid of {b.rows} rows x {b.cols} columns, too large: "
            f"only its first {keep} columns were read"
        )


def _read(path: str | os.PathLike) -> Document:
    p = Path(path)
    name = str(path)
    if p.is_dir():
        raise InputError(name, "is a directory, not a file")
    suffix = p.suffix.lower()
    try:
        with open(p, "rb") as fh:
            head = fh.read(8)
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except PermissionError:
        raise InputError(name, "permission denied") from None
    except OSError as e:
        raise InputError(name, f"cannot open: {e.strerror or e}") from None
    if not head:
        raise InputError(name, "empty file")
    if head.startswith(OLE_MAGIC):
        if suffix == ".doc":
            raise InputError(name, "legacy Word .doc is not supported: open it in Word and save as .docx")
        raise InputError(
            name,
            "an OLE compound file: a legacy .doc or a password-protected .docx "
            "(remove the password, or save as .docx)",
        )
    if suffix in DOCX_SUFFIXES or head.startswith(ZIP_MAGIC):
        if not head.startswith(ZIP_MAGIC):
            raise InputError(name, "not a .docx file (not a zip archive)")
        from govlint.readers import docx  # lazy: lxml and zipfile cost ~30-45 ms to import

        return docx.read(name)
    if suffix == ".doc":
        raise InputError(name, "legacy Word .doc is not supported: open it in Word and save as .docx")
    if suffix not in TEXT_SUFFIXES | MARKDOWN_SUFFIXES:
        raise InputError(name, f"unsupported file type '{suffix or p.name}' (expected .docx, .md or .txt)")
    data = p.read_bytes()
    if len(data) > MAX_TEXT_BYTES:
        raise InputError(name, f"file too large ({len(data) // (1024 * 1024)} MB; the limit is 64 MB)")
    from govlint.readers.textdecode import decode

    text = decode(name, data)
    if suffix in MARKDOWN_SUFFIXES:
        from govlint.readers import markdown  # lazy: markdown-it costs ~45 ms to import

        return markdown.read_text(name, text)
    from govlint.readers import text as text_reader

    return text_reader.read_text(name, text)
