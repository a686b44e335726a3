"""govlint's cache directory: small files of derived data, keyed by what they derive from.

`$XDG_CACHE_HOME/govlint` (default `~/.cache/govlint`) holds parsed rule packs, markers of packs
and configs already validated against their schema (see govlint.packs) and compiled regular
expression programs (see govlint.recache). Everything in it can be deleted at any time; a file
that is missing, unreadable, truncated or corrupt is a miss, and a home that cannot be written
just means working without the cache.
"""

from __future__ import annotations

import marshal
import os
from pathlib import Path

try:  # the small built-in module: hashlib's OpenSSL binding costs ~4 ms to import
    from _blake2 import blake2b
except ImportError:
    from hashlib import blake2b

TYPE_CHECKING = False  # no typing import at run time
if TYPE_CHECKING:
    from typing import Any

_MAGIC = b"GLPK1"  # a cache file: this, the blake2b of the payload (16 bytes), the payload (marshal)


def root() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "govlint"


def read_cache(name: str) -> Any:
    """The dict cached as `name` (a path under the cache directory), or None when it is missing,
    unreadable or corrupt: a miss."""
    try:
        with open(root() / name, "rb") as fh:
            blob = fh.read()
    except OSError:
        return None
    head = len(_MAGIC)
    payload = blob[head + 16:]
    if blob[:head] != _MAGIC or blake2b(payload, digest_size=16).digest() != blob[head:head + 16]:
        return None
    try:
        data = marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return None
    return data if isinstance(data, dict) else None


def write_cache(name: str, data: dict) -> bool:
    """Cache `data` as `name` atomically (a temporary file renamed into place), or not at all
    (False)."""
    try:
        payload = marshal.dumps(data)
    except ValueError:  # a value marshal cannot store (a YAML date, say): no cache
        return False
    import tempfile

    f = root() / name
    tmp = None
    try:
        f.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=f.parent, prefix=f.name[:16], suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(_MAGIC + blake2b(payload, digest_size=16).digest() + payload)
        os.replace(tmp, f)
        return True
    except OSError:  # a read-only home, a full disk: work without the cache
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        return False
