"""Baseline: record today's findings so that only new ones fail a run (gradual adoption).

    govlint baseline write [--file .govlint-baseline.json] PATHS…   record the current findings
    govlint check --baseline .govlint-baseline.json PATHS…          hide the recorded ones
    govlint baseline prune [--file …] [PATHS…]                      drop entries no longer found

A finding is identified by `report.base.fingerprint()`: rule id + section path + the paragraph's
(or cell's) text and the flagged text, whitespace removed. Never by line, paragraph or table
number, so inserting a paragraph above does not bring old findings back; editing the flagged
paragraph itself does (on purpose: it was touched, look at it again). Identical findings in one
file share a fingerprint and are counted: with `count: 2`, a third identical finding is new.

The file (JSON, UTF-8, keys sorted so that diffs are reviewable)::

    {
      "version": 1,                      # this format; another number is refused
      "fingerprint": "govlint/v1",       # report.base.FINGERPRINT_VERSION used for the keys
      "tool": "govlint 0.1.0",           # informative
      "files": {
        "drafts/2023.md": {              # path relative to the baseline file's folder, POSIX '/'
          "<sha256 hex>": {
            "rule": "GL502",             # informative: what the entry stands for
            "section": "第1节「总体情况」",  # informative
            "excerpt": "围绕优化营商环境……",  # informative, first 60 characters
            "count": 1                   # how many identical findings are accepted
          }
        }
      }
    }

Only `files`, the fingerprints and `count` are used for matching. `write` replaces the entries of
the files it linted and keeps the others; `prune` lowers each count to what is still found (for
files it linted; files that no longer exist are dropped) and removes entries that reach 0.
"""

from __future__ import annotations

import json
import os
from pathlib import Path, PurePath

from govlint import __version__
from govlint.diagnostics import Diagnostic
from govlint.errors import GovlintError
from govlint.record import Record

VERSION = 1
DEFAULT_FILE = ".govlint-baseline.json"


class BaselineError(GovlintError):
    """A baseline file that cannot be read or is not a govlint baseline."""

    def __init__(self, path: str, reason: str):
        self.path, self.reason = path, reason
        super().__init__(f"{path}: {reason}")


class Baseline(Record):
    __slots__ = ("path", "files")
    __hash__ = None  # type: ignore[assignment]  # mutable: compared by value, unhashable (as before)

    def __init__(self, path: str, files: dict[str, dict[str, dict]] | None = None):
        self.path = path  # the baseline file
        self.files = {} if files is None else files  # rel path → fingerprint → entry

    @property
    def root(self) -> Path:
        return Path(os.path.abspath(self.path)).parent

    def key(self, file: str) -> str:
        """The path of a linted file as the baseline records it."""
        absolute = Path(os.path.abspath(file))
        try:
            return PurePath(os.path.relpath(absolute, self.root)).as_posix()
        except ValueError:  # another drive (Windows)
            return absolute.as_posix()

    # --- reading and writing ------------------------------------------------------------------
    @classmethod
    def load(cls, path: str, missing_ok: bool = False) -> Baseline:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except FileNotFoundError:
            if missing_ok:
                return cls(path)
            raise BaselineError(path, "no such baseline file (create it with 'govlint baseline write')") from None
        except (OSError, UnicodeDecodeError) as e:
            raise BaselineError(path, f"cannot read baseline: {getattr(e, 'strerror', None) or e}") from None
        try:
            data = json.loads(text)
        except json.JSONDecodeError as e:
            raise BaselineError(f"{path}:{e.lineno}", f"invalid JSON: {e.msg}") from None
        if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("files"), dict):
            raise BaselineError(path, f"not a govlint baseline of version {VERSION} (write it again with 'govlint baseline write')")
        from govlint.report.base import FINGERPRINT_VERSION

        if data.get("fingerprint", FINGERPRINT_VERSION) != FINGERPRINT_VERSION:
            raise BaselineError(path, f"made with fingerprints {data.get('fingerprint')}, this govlint uses "
                                      f"{FINGERPRINT_VERSION}: write it again")
        files: dict[str, dict[str, dict]] = {}
        for f, entries in data["files"].items():
            if not isinstance(entries, dict):
                raise BaselineError(path, f"files.{f}: expected a mapping of fingerprints")
            for fp, e in entries.items():
                if not isinstance(e, dict) or not isinstance(e.get("count"), int) or e["count"] < 0:
                    raise BaselineError(path, f"files.{f}.{fp}: needs an integer count")
            files[f] = {fp: dict(e) for fp, e in entries.items() if e["count"] > 0}
        return cls(path, files)

    def to_json(self) -> dict:
        from govlint.report.base import FINGERPRINT_VERSION

        files = {}
        for f in sorted(self.files):
            entries = self.files[f]
            if entries:
                files[f] = dict(sorted(entries.items(), key=lambda kv: (kv[1].get("rule", ""), kv[1].get("section") or "", kv[0])))
        return {"version": VERSION, "fingerprint": FINGERPRINT_VERSION, "tool": f"govlint {__version__}", "files": files}

    def save(self) -> None:
        text = json.dumps(self.to_json(), ensure_ascii=False, indent=2) + "\n"
        tmp = Path(str(self.path) + ".tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, self.path)

    # --- the three operations ------------------------------------------------------------------
    def record(self, linted: list[str], diagnostics: list[Diagnostic]) -> None:
        """`write`: the entries of the linted files become exactly their current findings."""
        for f in linted:
            self.files[self.key(f)] = {}
        for d, fp in _with_fingerprints(diagnostics):
            entries = self.files.setdefault(self.key(d.path), {})
            e = entries.get(fp)
            if e is None:
                entries[fp] = {"rule": d.rule, "section": d.section, "excerpt": d.excerpt[:60], "count": 1}
            else:
                e["count"] += 1

    def filter(self, diagnostics: list[Diagnostic]) -> tuple[list[Diagnostic], int]:
        """`check --baseline`: (the findings not covered by the baseline, how many were hidden).
        Each entry hides at most `count` findings, the first ones in reading order."""
        left = {(f, fp): e["count"] for f, entries in self.files.items() for fp, e in entries.items()}
        kept, hidden = [], 0
        keys: dict[str, str] = {}
        for d, fp in _with_fingerprints(diagnostics):
            k = (keys.setdefault(d.path, self.key(d.path)), fp)
            if left.get(k, 0) > 0:
                left[k] -= 1
                hidden += 1
            else:
                kept.append(d)
        return kept, hidden

    def prune(self, linted: list[str], diagnostics: list[Diagnostic]) -> int:
        """`prune`: lower counts to what the linted files still produce, drop entries of files
        that no longer exist; returns how many findings' worth of entries were removed."""
        found: dict[tuple[str, str], int] = {}
        for d, fp in _with_fingerprints(diagnostics):
            k = (self.key(d.path), fp)
            found[k] = found.get(k, 0) + 1
        linted_keys = {self.key(f) for f in linted}
        removed = 0
        for f in list(self.files):
            entries = self.files[f]
            if f not in linted_keys:
                if not (self.root / f).exists():
                    removed += sum(e["count"] for e in entries.values())
                    del self.files[f]
                continue
            for fp in list(entries):
                now = min(entries[fp]["count"], found.get((f, fp), 0))
                removed += entries[fp]["count"] - now
                if now:
                    entries[fp]["count"] = now
                else:
                    del entries[fp]
            if not entries:
                del self.files[f]
        return removed

    def recorded_paths(self) -> list[str]:
        """The recorded files that still exist, as paths usable from the current directory."""
        out = []
        for f in sorted(self.files):
            p = self.root / f
            if p.exists():
                out.append(os.path.relpath(p))
        return out


def _with_fingerprints(diagnostics: list[Diagnostic]):
    from govlint.report.base import fingerprint

    for d in diagnostics:
        yield d, fingerprint(d)
