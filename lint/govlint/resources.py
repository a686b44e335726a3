"""Locate data shipped with govlint: rule packs, schemas, character tables.

In a wheel, `rules/` and `schemas/` are installed inside the package as `_rules/` and
`_schemas/`; in a source checkout or editable install they are the repository's top-level folders.
"""

from __future__ import annotations

from pathlib import Path

_PKG = Path(__file__).resolve().parent


def _find(name: str) -> Path:
    inside = _PKG / f"_{name}"
    if inside.is_dir():
        return inside
    return _PKG.parent.parent / name


def rules_dir() -> Path:
    return _find("rules")


def schemas_dir() -> Path:
    return _find("schemas")


def data_file(name: str) -> Path:
    return _PKG / "data" / name
