"""Configuration: `.govlint.yaml` (or `[tool.govlint]` in pyproject.toml) found upward from each
linted file, or given with --config. Validated against schemas/config.schema.json; an unknown key
is an error naming the file and line."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from govlint.errors import PackError

TYPE_CHECKING = False  # typing is for type checkers only: importing it costs start-up time
if TYPE_CHECKING:
    from typing import Any

NAMES = (".govlint.yaml", ".govlint.yml", "pyproject.toml")


def load(path: str | Path) -> dict[str, Any]:
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise PackError(str(p), f"cannot read config: {getattr(e, 'strerror', None) or e}") from None
    if p.name == "pyproject.toml":
        if not _may_configure_govlint(text):
            return {}  # no [tool.govlint] table: not worth importing tomllib (~5 ms) for
        try:
            import tomllib
        except ImportError:  # Python 3.10
            return {}
        try:
            data = tomllib.loads(text).get("tool", {}).get("govlint")
        except tomllib.TOMLDecodeError as e:
            raise PackError(str(p), f"invalid TOML: {e}") from None
        if data is None:
            return {}
        from govlint.packs import validate

        validate(data, text, str(p), "config.schema.json", use_cache=False)
        return data
    from govlint.packs import _yaml_load, validate

    data = _yaml_load(text, str(p)) or {}
    if not isinstance(data, dict):
        raise PackError(str(p), "a config file is a mapping of keys", 1)
    validate(data, text, str(p), "config.schema.json")
    return data


# Whether a pyproject.toml can hold the key path tool → govlint, without parsing it: most
# pyproject.toml files (this project's own, where "govlint" names the package) configure other
# tools only, and tomllib costs ~5 ms to import. Conservative: every TOML spelling of the path
# ("[tool.govlint]", "[ tool . 'govlint' ]", "tool.govlint.x = …", "tool = {govlint = …}", or a
# govlint key under a "[tool]" header) puts "tool" and "govlint" on one line, or needs both a
# [tool] table and a line that starts with a govlint key. (Keys spelled with \u escapes are not
# recognised.) The patterns are compiled (and cached by `re`) only when a pyproject.toml exists.
_TOOL_THEN_GOVLINT = r"tool[^\n]*govlint"
_TOOL_TABLE = r"""(?m)^\s*(?:\[+\s*["']?tool["']?\s*\]|["']?tool["']?\s*=\s*\{[^}\n]*$)"""
_GOVLINT_KEY = r"""(?m)^\s*["']?govlint\b"""


def _may_configure_govlint(text: str) -> bool:
    if "govlint" not in text:
        return False
    return bool(re.search(_TOOL_THEN_GOVLINT, text)
                or (re.search(_TOOL_TABLE, text) and re.search(_GOVLINT_KEY, text)))


@lru_cache(maxsize=256)
def discover(directory: str) -> tuple[str | None, dict[str, Any]]:
    """(config file, settings) for files in `directory`: the nearest config upward."""
    d = Path(directory).resolve()
    for parent in [d, *d.parents]:
        for name in NAMES:
            f = parent / name
            if f.is_file():
                data = load(f)
                if name != "pyproject.toml" or data:
                    return str(f), data
        if (parent / ".git").exists():
            break
    return None, {}
