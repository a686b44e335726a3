"""Behaviour snapshot for speed work: what govlint reads and reports on a fixed set of files.

    .venv/bin/python bench/snapshot.py OUT.json            # write a snapshot
    .venv/bin/python bench/snapshot.py OUT.json --diff OLD.json

For every file (examples/, ../shared/corpus, bench/corpus reports, seeds and 40 batch files) it
records the document model the reader builds (every block's text, anchor and position, every
table cell), the outline (section tree) and the diagnostics of `govlint check --format json`.
A speed change must leave the snapshot unchanged; `--diff` prints the first differences per file.
Run bench/make_corpus.py (or bench/run.py once) first so bench/corpus exists.
Not part of the test suite.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from contextlib import redirect_stdout
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def files() -> list[Path]:
    out: list[Path] = []
    out += sorted((ROOT / "examples").glob("*.md")) + sorted((ROOT / "examples").glob("*.docx"))
    corpus = ROOT.parent / "shared" / "corpus"
    out += sorted(corpus.glob("seeds/*.txt")) + sorted(corpus.glob("real/*.md"))
    bc = ROOT / "bench" / "corpus"
    out += sorted(bc.glob("report-*p.*"))
    out += sorted((bc / "seeds").glob("*"))
    out += sorted((bc / "batch").glob("*"))[:40]
    return [p for p in out if p.is_file()]


def model(doc) -> dict:
    def src(s) -> list:
        return [s.line, s.column, s.paragraph, s.table, s.row, s.col, s.part]

    def para(b) -> dict:
        return {"text": b.text, "src": src(b.source), "level": b.heading_level, "auto": b.auto_label,
                "style": b.style, "anchors": [[a.offset, a.line, a.column] for a in b.anchors]}

    blocks = []
    for b in doc.blocks:
        if b.type == "table":
            blocks.append({"table": b.index, "rows": b.rows, "cols": b.cols, "caption": b.caption,
                           "src": src(b.source),
                           "cells": [[c.row, c.col, c.row_span, c.col_span, c.text, src(c.source)]
                                     for c in b.cells]})
        else:
            blocks.append(para(b))
    return {"format": doc.format, "blocks": blocks, "extras": [para(b) for b in doc.extras],
            "comments": [[c.text, src(c.source), c.first_block, c.last_block, c.author] for c in doc.comments],
            "front_matter": doc.front_matter, "notices": list(doc.notices)}


def snapshot_one(path: Path) -> dict:
    from govlint import cli, readers

    rec: dict = {}
    try:
        rec["model"] = model(readers.read(str(path)))
    except Exception as e:  # noqa: BLE001 - recorded, compared like any other output
        rec["model"] = f"error: {type(e).__name__}: {e}"
    for name, argv in (("outline", ["outline", "--format", "json", str(path)]),
                       ("check", ["check", "--format", "json", "--no-color", str(path)])):
        buf = io.StringIO()
        with redirect_stdout(buf):
            try:
                code = cli.main(argv)
            except SystemExit as e:
                code = e.code
        text = buf.getvalue()
        try:
            data = json.loads(text)
        except ValueError:
            data = text
        rec[name] = {"exit": code, "out": data}
    return rec


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--diff", metavar="OLD")
    a = ap.parse_args()
    snap = {str(p.relative_to(ROOT.parent)): snapshot_one(p) for p in files()}
    Path(a.out).write_text(json.dumps(snap, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    print(f"{len(snap)} files -> {a.out}", file=sys.stderr)
    if not a.diff:
        return 0
    old = json.loads(Path(a.diff).read_text(encoding="utf-8"))
    new = json.loads(json.dumps(snap, ensure_ascii=False, default=str))
    bad = 0
    for f in sorted(set(old) | set(new)):
        if old.get(f) == new.get(f):
            continue
        bad += 1
        o, n = old.get(f) or {}, new.get(f) or {}
        for part in ("model", "outline", "check"):
            if o.get(part) != n.get(part):
                a_, b_ = json.dumps(o.get(part), ensure_ascii=False), json.dumps(n.get(part), ensure_ascii=False)
                i = next((k for k in range(min(len(a_), len(b_))) if a_[k] != b_[k]), min(len(a_), len(b_)))
                print(f"{f} [{part}] differs at {i}:\n  old …{a_[max(0, i - 120):i + 200]}\n  new …{b_[max(0, i - 120):i + 200]}")
    print(f"{bad} of {len(set(old) | set(new))} files differ", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
