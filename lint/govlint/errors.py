"""Errors that end in a one-line message and exit code 2 (never a traceback)."""

from __future__ import annotations


class GovlintError(Exception):
    """Base: str(err) is the one line shown to the user."""


class InputError(GovlintError):
    """A file govlint cannot read: corrupt, encrypted, wrong type, missing."""

    def __init__(self, path: str, reason: str):
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class PackError(GovlintError):
    """A rule pack or config file that is broken: names file, line and key."""

    def __init__(self, path: str, reason: str, line: int | None = None, key: str | None = None):
        self.path, self.reason, self.line, self.key = path, reason, line, key
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {key + ': ' if key else ''}{reason}")
