"""Rule packs: load YAML, validate against schemas/rulepack.schema.json, compose `extends`,
prepare each rule with its kind, and pick the packs that apply to a document.

A broken pack is a `PackError` naming file, line and key. Validation (jsonschema, ~80 ms to
import) runs only when a pack's content hash is not in the cache of packs already validated;
packs are loaded and compiled once per run, not per file.

Parsing YAML costs ~35 ms per run (`import yaml` and PyYAML's Python constructor), so the data a
pack parses to is cached too, as `marshal` under the cache directory, keyed by a hash of the
pack's text: a run whose packs have not changed never imports yaml. The cache is only a speed-up:
an unreadable, corrupt or unwritable cache (a read-only home) means parsing the YAML again.
"""

from __future__ import annotations

import importlib
import re
from functools import cache, lru_cache
from pathlib import Path

from govlint.cache import blake2b, read_cache, write_cache
from govlint.cache import root as _cache_root
from govlint.errors import PackError
from govlint.kinds import KINDS
from govlint.kinds.base import Rule
from govlint.record import Record
from govlint.resources import rules_dir, schemas_dir

TYPE_CHECKING = False  # no typing import at run time
if TYPE_CHECKING:
    from typing import Any


MAX_PACK_BYTES = 2 * 1024 * 1024
MAX_RULES = 2000
MAX_YAML_NODES = 200_000
MAX_YAML_DEPTH = 200


class Pack(Record):
    __slots__ = ("id", "title", "path", "applies", "extends", "rules", "effective")
    __hash__ = None  # mutable (compose() fills `effective`)

    def __init__(self, id: str, title: str, path: str, applies: dict[str, Any], extends: list[str],
                 rules: list[Rule], effective: list[Rule] | None = None):
        self.id = id
        self.title = title
        self.path = path
        self.applies = applies
        self.extends = extends
        self.rules = rules
        # all rules after composing extends (own rules override inherited ones with the same id)
        self.effective = [] if effective is None else effective

    def applies_to(self, kind: str, year: int | None) -> bool:
        a = self.applies or {}
        kinds = a.get("kind")
        if kinds and kind not in (kinds if isinstance(kinds, list) else [kinds]):
            return False
        years = a.get("years")
        if years:
            lo, hi = years[0], years[1] if len(years) > 1 else None
            if year is None:
                return False
            if lo is not None and year < lo or hi is not None and year > hi:
                return False
        return True


def _yaml_load(text: str, path: str) -> Any:
    """yaml.safe_load (a !!python tag is an error, never an execution), then a check that aliases
    do not expand the data past MAX_YAML_NODES (a "billion laughs" of anchors) or into a cycle."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        # libyaml's parser is iterative but PyYAML's C composer recurses: '[' * 20000 crashes the
        # interpreter (SIGSEGV). Count the nesting on the event stream first (~1 ms per pack).
        depth = 0
        for ev in yaml.parse(text, Loader=loader):
            if isinstance(ev, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_YAML_DEPTH:
                    line = ev.start_mark.line + 1 if ev.start_mark else None
                    raise PackError(path, f"invalid YAML: nested more than {MAX_YAML_DEPTH} levels deep", line)
            elif isinstance(ev, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
        data = yaml.load(text, Loader=loader)  # noqa: S506 - a SafeLoader: no tags run code
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        raise PackError(path, f"invalid YAML: {problem}", line) from None
    except RecursionError:
        raise PackError(path, "invalid YAML: nested too deeply") from None
    problem = yaml_expansion_problem(data)
    if problem:
        raise PackError(path, f"invalid YAML: {problem}")
    return data


def yaml_expansion_problem(data: Any, limit: int | None = None) -> str | None:
    """Why loaded YAML data is unsafe to walk (aliases expanding past `limit` nodes, a recursive
    alias), or None. Linear in the number of distinct nodes: shared nodes are sized once."""
    limit = MAX_YAML_NODES if limit is None else limit
    size: dict[int, int] = {}
    on_path: set[int] = set()
    stack: list[tuple[Any, bool]] = [(data, False)]
    while stack:
        node, done = stack.pop()
        if not isinstance(node, (dict, list)):
            continue
        k = id(node)
        children = list(node.keys()) + list(node.values()) if isinstance(node, dict) else node
        if done:
            on_path.discard(k)
            total = 1 + sum(size.get(id(c), 1) for c in children)
            if total > limit:
                return f"aliases expand to more than {limit} nodes"
            size[k] = total
            continue
        if k in size:
            continue
        if k in on_path:
            return "a recursive alias (a node that contains itself)"
        on_path.add(k)
        stack.append((node, True))
        for c in children:
            if isinstance(c, (dict, list)):
                if id(c) in on_path:
                    return "a recursive alias (a node that contains itself)"
                stack.append((c, False))
    return None


def _line_of(text: str, path_parts: list) -> int | None:
    """Line of the node at a JSON path (list of keys/indexes) in YAML text, by composing it."""
    import yaml

    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    line = node.start_mark.line + 1 if node else None
    for part in path_parts:
        if isinstance(node, yaml.MappingNode):
            nxt = next((v for k, v in node.value if k.value == part), None)
            if nxt is None:
                key_node = next((k for k, v in node.value if k.value == part), None)
                return key_node.start_mark.line + 1 if key_node else line
            node = nxt
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
        else:
            break
        line = node.start_mark.line + 1
    return line


def _cache_dir() -> Path:
    """Where the markers of validated packs and configs live (empty files named by hash)."""
    return _cache_root() / "validated"


@lru_cache(maxsize=64)
def _digest(text: str) -> str:
    """The content hash that names a pack's (or config's) cache entries: blake2b, as strong as
    sha256 for this and faster to compute here; computed once per text (parse, then validate)."""
    return blake2b(text.encode("utf-8"), digest_size=32).hexdigest()


def parse(text: str, path: str, use_cache: bool = True) -> Any:
    """`_yaml_load(text)` through the cache of parsed packs (see the module doc)."""
    if not use_cache:
        return _yaml_load(text, path)
    name = "parsed/p1-" + _digest(text)  # p1: change it when what is cached changes
    data = read_cache(name)
    if data is None:
        data = _yaml_load(text, path)
        if isinstance(data, dict):  # anything else is refused by the caller
            write_cache(name, data)
    return data


@cache
def _schema(name: str) -> dict:
    import json

    return json.loads((schemas_dir() / name).read_text(encoding="utf-8"))


def validate(data: Any, text: str, path: str, schema_name: str = "rulepack.schema.json",
             use_cache: bool = True) -> None:
    """Validate against a JSON Schema; raise PackError(file, line, key) on the first error."""
    marker = _cache_dir() / f"{schema_name}-{_digest(text)}"
    if use_cache and marker.exists():
        return
    import jsonschema  # lazy: ~80 ms to import, paid only on a cache miss

    validator = jsonschema.Draft202012Validator(_schema(schema_name))
    errors = sorted(validator.iter_errors(data), key=lambda e: (len(e.absolute_path), list(map(str, e.absolute_path))))
    if errors:
        err = jsonschema.exceptions.best_match(errors) or errors[0]
        parts = list(err.absolute_path)
        if err.validator == "additionalProperties" and isinstance(err.instance, dict):
            allowed = set(err.schema.get("properties", {}))
            extra = [k for k in err.instance if k not in allowed]
            if extra:
                parts.append(extra[0])
                raise PackError(path, f"unknown key '{extra[0]}'", _line_of(text, parts), _dotted(parts))
        raise PackError(path, _short(err.message), _line_of(text, parts), _dotted(parts))
    if use_cache:
        try:
            marker.parent.mkdir(parents=True, exist_ok=True)
            marker.touch()
        except OSError:
            pass  # a read-only home is fine: we validate again next time


def _dotted(parts: list) -> str:
    out = ""
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out or "(top)"


def _short(msg: str) -> str:
    msg = msg.splitlines()[0]
    return msg if len(msg) < 200 else msg[:197] + "..."


def load_file(path: str | Path, use_cache: bool = True) -> tuple[dict, str]:
    p = Path(path)
    try:
        if p.stat().st_size > MAX_PACK_BYTES:
            raise PackError(str(p), f"rule pack too large (over {MAX_PACK_BYTES // 1024 // 1024} MB)")
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PackError(str(p), "no such rule pack") from None
    except UnicodeDecodeError:
        raise PackError(str(p), "rule pack is not UTF-8 text") from None
    except OSError as e:
        raise PackError(str(p), f"cannot read: {e.strerror or e}") from None
    data = parse(text, str(p), use_cache)
    if not isinstance(data, dict):
        raise PackError(str(p), "a rule pack is a mapping with id, title and rules", 1)
    rules = data.get("rules")
    if isinstance(rules, list) and len(rules) > MAX_RULES:  # before validating them all
        raise PackError(str(p), f"too many rules (more than {MAX_RULES})")
    validate(data, text, str(p), use_cache=use_cache)
    return data, text


LAZY = object()  # Rule.compiled of a built-in rule not prepared yet (see ensure_prepared)


def _make_rules(data: dict, text: str, path: str, eager: bool = True) -> list[Rule]:
    """Rules of a pack. `eager` prepares every rule now, so a user's broken parameter is a
    PackError naming file, line and key; built-in packs (checked by the test suite, every rule's
    examples run) are prepared on first use instead, so a run pays only for the packs it runs."""
    rules = []
    base_keys = {"id", "name", "kind", "severity", "message", "basis", "examples", "doc"}
    for i, r in enumerate(data.get("rules") or []):
        kind_name = r["kind"]
        params = {k: v for k, v in r.items() if k not in base_keys}
        if not eager:
            rules.append(Rule(
                id=r["id"], name=r.get("name", kind_name), kind=kind_name, severity=r["severity"],
                message=r["message"], basis=r.get("basis", ""), pack=data["id"], params=params,
                compiled=LAZY, doc=r.get("doc", ""), examples=r.get("examples") or {}, source=path,
            ))
            continue
        mod = kind_module(kind_name)
        try:
            compiled = mod.prepare(params) if hasattr(mod, "prepare") else None
        except (ValueError, re.error) as e:
            key = getattr(e, "key", None)
            parts = ["rules", i] + ([key] if key else [])
            raise PackError(path, f"{e}", _line_of(text, parts), _dotted(parts)) from None
        except Exception as e:  # a parameter of the wrong shape the kind did not foresee
            parts = ["rules", i]
            raise PackError(path, f"invalid parameters for kind '{kind_name}' ({type(e).__name__}: {e})",
                            _line_of(text, parts), _dotted(parts)) from None
        rules.append(Rule(
            id=r["id"], name=r.get("name", kind_name), kind=kind_name, severity=r["severity"],
            message=r["message"], basis=r.get("basis", ""), pack=data["id"], params=params,
            compiled=compiled, doc=r.get("doc", ""), examples=r.get("examples") or {},
            source=path,
        ))
    return rules


def ensure_prepared(rule: Rule) -> Rule:
    """Prepare a lazily loaded built-in rule (import its kind, compile its parameters) once.
    Only built-in rules are lazy, and their patterns are trusted: compiled with `re`."""
    if rule.compiled is LAZY:
        mod = kind_module(rule.kind)
        compiled = None
        if hasattr(mod, "prepare"):
            from govlint.kinds._util import prepare_builtin

            compiled = prepare_builtin(mod.prepare, rule.params)
        object.__setattr__(rule, "compiled", compiled)  # filled in once (Rule may be frozen)
    return rule


def kind_module(name: str):
    try:
        return importlib.import_module(KINDS[name])
    except KeyError:
        raise ValueError(f"unknown rule kind '{name}'") from None


class PackSet:
    """All packs known to a run: the built-in ones plus the user's, composed."""

    def __init__(self) -> None:
        self.packs: dict[str, Pack] = {}

    def add_file(self, path: str | Path, use_cache: bool = True, eager: bool = True) -> Pack:
        data, text = load_file(path, use_cache)
        pack = Pack(
            id=data["id"], title=data.get("title", data["id"]), path=str(path),
            applies=data.get("applies") or {}, extends=list(data.get("extends") or []),
            rules=_make_rules(data, text, str(path), eager),
        )
        self.packs[pack.id] = pack
        return pack

    def compose(self) -> None:
        """Resolve `extends` (refusing cycles and unknown packs) into Pack.effective."""
        done: dict[str, list[Rule]] = {}

        def resolve(pid: str, chain: tuple[str, ...]) -> list[Rule]:
            if pid in chain:
                raise PackError(self.packs[chain[-1]].path, f"extends cycle: {' -> '.join(chain + (pid,))}",
                                key="extends")
            if pid in done:
                return done[pid]
            pack = self.packs.get(pid)
            if pack is None:
                raise PackError(self.packs[chain[-1]].path if chain else pid, f"extends unknown pack '{pid}'",
                                key="extends")
            merged: dict[str, Rule] = {}
            for parent in pack.extends:
                for r in resolve(parent, chain + (pid,)):
                    merged[r.id] = r
            for r in pack.rules:
                merged[r.id] = r
            done[pid] = list(merged.values())
            return done[pid]

        for pid, pack in self.packs.items():
            pack.effective = resolve(pid, ())

    def select(self, kind: str, year: int | None, names: list[str] | None = None) -> list[Pack]:
        """The packs to run on a document: the named ones, or every pack that applies and is
        not extended by another applying pack (so annual-2021 runs once, with annual-common)."""
        if names:
            return [self.packs[n] for n in names if n in self.packs]
        applying = [p for p in self.packs.values() if p.applies_to(kind, year)]
        extended = {e for p in applying for e in p.extends}
        return [p for p in applying if p.id not in extended]


def load(extra: list[str] | None = None, use_cache: bool = True, builtin: bool = True) -> PackSet:
    """The built-in packs (rules/*.yaml) plus the user's pack files, composed."""
    ps = PackSet()
    if builtin:
        for f in sorted(rules_dir().glob("*.yaml")):
            ps.add_file(f, use_cache, eager=False)
    for f in extra or []:
        ps.add_file(f, use_cache)
    ps.compose()
    return ps
