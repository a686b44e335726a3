"""The rules of rules/_fragments/tables.yaml as a PackSet, for tests of the table and arithmetic
kinds (until the pack owner merges them into rules/annual-*.yaml, and after: the fragment is the
specification these tests hold the packs to)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from govlint import packs

ROOT = Path(__file__).resolve().parents[2]
FRAGMENT = ROOT / "rules" / "_fragments" / "tables.yaml"
CORPUS = ROOT.parent / "shared" / "corpus"
APPLIES = {
    "annual-common": {"kind": "annual-report"},
    "annual-2019": {"kind": "annual-report", "years": [2019, 2020]},
    "annual-2021": {"kind": "annual-report", "years": [2021, None]},
}


@lru_cache(maxsize=1)
def fragment() -> dict:
    return yaml.safe_load(FRAGMENT.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def packset() -> packs.PackSet:
    text = FRAGMENT.read_text(encoding="utf-8")
    ps = packs.PackSet()
    for pid, rules in fragment().items():
        data = {"id": pid, "title": pid, "rules": rules}
        made = packs._make_rules(data, text, str(FRAGMENT))
        ps.packs[pid] = packs.Pack(pid, pid, str(FRAGMENT), APPLIES[pid],
                                   [] if pid == "annual-common" else ["annual-common"], made)
    ps.compose()
    return ps
