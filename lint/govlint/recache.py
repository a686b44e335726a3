r"""Compiled regular expressions cached across runs.

Compiling with `re` runs its parser and compiler in Python: ~0.5 ms a pattern, 2–6 ms for one
with a CJK range such as [\u4e00-\u9fff] (re fills a 65,536-entry map to optimise it): ~35 ms
for the patterns of the built-in packs and ~30 ms for the module-level patterns of govlint.text
on every run, more than reading a 30-page report. What the compiler produces (the program: a list
of ints, and the group names) depends only on the pattern, the flags and the interpreter, so it
is cached per interpreter version in the cache directory (govlint.cache) and handed to
`_sre.compile`, as `re.compile` does itself after compiling.

Safety: a program is cached only after checking that it gives a pattern equal to the one
`re.compile` gives (patterns compare equal when their programs do); `_sre` validates a program
before using it; anything unexpected (another interpreter's internals, a damaged cache file)
falls back to `re.compile`. New programs are written once, at exit (or when `save()` is called).

    from govlint import recache
    _DATE = recache.compile(r"(\d{4})年(\d{1,2})月")   # instead of re.compile

Only for govlint's own, trusted patterns: patterns from users' packs go through
govlint.kinds._util (the `regex` module, with time limits).
"""

from __future__ import annotations

import re
import sys

try:
    from re import _compiler, _parser
except ImportError:  # Python 3.10
    import sre_compile as _compiler
    import sre_parse as _parser

import _sre


class _Programs:
    """Compiled `re` programs by (pattern, flags), kept in the cache directory (see module doc)."""

    def __init__(self) -> None:
        self.name = f"re/{sys.implementation.cache_tag}-{sys.hexversion:x}-{getattr(_sre, 'MAGIC', 0)}"
        self.known: dict | None = None  # read on first use
        self.pending: list[tuple[tuple[str, int], re.Pattern]] = []  # compiled, not cached yet
        self.new = False  # known has entries the cache file lacks
        self.unwritable = False  # a save failed (a read-only home): stop caching in this process
        self.at_exit = False  # save() is registered to run at exit

    def _load(self) -> dict:
        if self.known is None:
            from govlint.cache import read_cache

            self.known = read_cache(self.name) or {}
            if len(self.known) > 4000:  # programs of many edited packs: start afresh
                self.known = {}
        return self.known

    def compile(self, p: str, flags: int) -> re.Pattern:
        key = (p, int(flags))
        got = self._load().get(key)
        if got is not None:
            try:
                return _sre.compile(p, *got)
            except Exception:  # noqa: BLE001 - a program this interpreter refuses: compile it
                del self.known[key]
        rx = re.compile(p, flags)
        if not self.pending and not self.at_exit and self is programs:
            import atexit

            atexit.register(save)
            self.at_exit = True
        self.pending.append((key, rx))
        return rx

    @staticmethod
    def _program(p: str, flags: int) -> tuple:
        """What re.compile passes to _sre.compile (re/_compiler.py, compile())."""
        tree = _parser.parse(p, flags)
        code = [int(c) for c in _compiler._code(tree, flags)]
        groupindex = {str(k): int(i) for k, i in tree.state.groupdict.items()}
        indexgroup = [None] * tree.state.groups
        for k, i in groupindex.items():
            indexgroup[i] = k
        return int(flags | tree.state.flags), code, tree.state.groups - 1, groupindex, tuple(indexgroup)

    def remember(self, key: tuple, compute):
        known = self._load()
        if key not in known:
            known[key] = compute()
            self.new = True
        return known[key]

    def save(self) -> None:
        """Write the programs of the patterns compiled since the last save (each checked to give
        the pattern re.compile gave) and remembered facts to the cache file."""
        from govlint.cache import write_cache

        pending, self.pending = self.pending, []
        if self.unwritable:
            return
        for key, rx in pending:
            try:
                got = self._program(*key)
                if _sre.compile(key[0], *got) == rx:
                    self.known[key] = got
                    self.new = True
            except Exception:  # noqa: BLE001 - re's internals differ: compile every time
                pass
        if self.new:
            self.unwritable = not write_cache(self.name, self.known)
            self.new = False


programs = _Programs()


def compile(pattern: str, flags: int = 0) -> re.Pattern:  # noqa: A001 - re.compile's twin
    """`re.compile(pattern, flags)`, from the cache of compiled programs when possible."""
    return programs.compile(pattern, flags)


def save() -> None:
    """Write the programs compiled since the last save to the cache (also done at exit)."""
    if programs.pending or programs.new:
        programs.save()


def remember(name: str, rx, compute):
    """`compute(rx)`, for a built-in pattern cached across runs with the compiled programs: for
    facts that depend only on the pattern, its flags and the interpreter (a kind's analysis of the
    pattern, say), computed once, not on every run."""
    if rx.__class__ is not re.Pattern:
        return compute(rx)
    return programs.remember((name, rx.pattern, int(rx.flags)), lambda: compute(rx))
