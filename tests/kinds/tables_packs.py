"""The built-in packs restricted to the table and arithmetic rules (GL105, GL106, GL3xx), for the
tests of those kinds: the other rules of the packs are tested elsewhere."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from govlint import packs

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
TABLE_RULES = ("GL105", "GL106", "GL3")


@lru_cache(maxsize=1)
def packset() -> packs.PackSet:
    ps = packs.load()
    for pack in ps.packs.values():
        pack.rules = [r for r in pack.rules if r.id.startswith(TABLE_RULES)]
    ps.compose()
    return ps
