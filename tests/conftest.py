"""Test-session settings shared by every test directory."""

from __future__ import annotations

import os
import tempfile

# govlint caches parsed packs, validation markers and compiled patterns under $XDG_CACHE_HOME
# (default ~/.cache/govlint). The suite uses a cache of its own, shared by every test and every
# govlint subprocess of the session, so running the tests leaves the user's cache alone. Tests
# about the cache itself point XDG_CACHE_HOME at their own tmp_path.
_CACHE = tempfile.TemporaryDirectory(prefix="govlint-test-cache-")
os.environ["XDG_CACHE_HOME"] = _CACHE.name
