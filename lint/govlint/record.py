"""Plain records: small value classes without `dataclasses`.

A `@dataclass` costs 0.5–2 ms when its module is imported (it generates and compiles `__init__`,
`__eq__`, `__repr__`, `__hash__` … as source code at run time); govlint creates about 70 of them
and a pre-commit hook pays that on every run. Records are written out by hand instead:

    class Anchor(Record):
        __slots__ = ("offset", "line", "column")

        def __init__(self, offset: int, line: int | None = None, column: int | None = None):
            self.offset = offset
            self.line = line
            self.column = column

`Record` supplies what the dataclasses gave: equality and hashing by field values (in `__slots__`
order, base classes first), a readable `repr`, `replace(obj, **changes)` and `asdict(obj)`.
Records are not frozen; treat them as values and copy with `replace` instead of mutating shared
ones. A record that needs identity semantics sets `__eq__ = object.__eq__` and
`__hash__ = object.__hash__`.
"""

from __future__ import annotations

TYPE_CHECKING = False  # not importing typing at run time: every millisecond of start-up counts
if TYPE_CHECKING:
    from typing import Any

_FIELDS: dict[type, tuple[str, ...]] = {}


def fields(cls: type) -> tuple[str, ...]:
    """The field names of a record class: the `__slots__` of its bases, then its own."""
    got = _FIELDS.get(cls)
    if got is None:
        names: list[str] = []
        for klass in reversed(cls.__mro__):
            slots = klass.__dict__.get("__slots__", ())
            names.extend([slots] if isinstance(slots, str) else slots)
        got = _FIELDS[cls] = tuple(n for n in names if not n.startswith("__"))
    return got


class Record:
    __slots__ = ()

    def _values(self) -> tuple:
        return tuple(getattr(self, n) for n in fields(type(self)))

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        inner = ", ".join(f"{n}={getattr(self, n)!r}" for n in fields(type(self)))
        return f"{type(self).__name__}({inner})"


def replace(obj: Any, **changes: Any) -> Any:
    """A copy of `obj` with some fields changed (like `dataclasses.replace`, without `__init__`)."""
    cls = type(obj)
    names = fields(cls)
    unknown = set(changes) - set(names)
    if unknown:
        raise TypeError(f"{cls.__name__} has no field {', '.join(sorted(unknown))}")
    new = cls.__new__(cls)
    for n in names:
        object.__setattr__(new, n, changes[n] if n in changes else getattr(obj, n))
    return new


def asdict(obj: Any) -> Any:
    """Records (and lists, tuples, dicts of them) as plain dicts, recursively."""
    if isinstance(obj, Record):
        return {n: asdict(getattr(obj, n)) for n in fields(type(obj))}
    if isinstance(obj, (list, tuple)):
        return type(obj)(asdict(x) for x in obj)
    if isinstance(obj, dict):
        return {k: asdict(v) for k, v in obj.items()}
    return obj
