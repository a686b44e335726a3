"""Rule packs: every built-in pack validates, every rule has fail and pass examples that behave
as declared (the meta-test), and broken packs fail with file:line: key: reason."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from govlint import packs
from govlint.errors import PackError
from govlint.examples import run_examples

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def packset():
    return packs.load(use_cache=False)


def test_builtin_packs(packset):
    assert {"core", "annual-common", "annual-2008", "annual-2019", "annual-2021", "gongwen"} <= set(packset.packs)
    assert {r.id for r in packset.packs["annual-2021"].effective} >= {"GL101", "GL102", "GL201", "GL203", "GL502"}


@pytest.mark.parametrize("pack_id", ["core", "annual-common", "annual-2008", "annual-2019", "annual-2021", "gongwen"])
def test_examples_behave_as_declared(packset, pack_id):
    assert run_examples(packset.packs[pack_id], packset) == []


def _write(tmp_path, text):
    p = tmp_path / "pack.yaml"
    p.write_text(text, encoding="utf-8")
    return p


GOOD_RULE = """  - id: XX101
    kind: required-statement
    severity: warning
    message: m
    basis: b
    patterns: ['a']
"""


@pytest.mark.parametrize("text,line,key,reason", [
    ("id: p\ntitle: t\nrules:\n  - id: XX101\n    kind: nope\n    severity: warning\n    message: m\n    basis: b\n",
     5, "rules[0].kind", "is not one of"),
    ("id: p\ntitle: t\nrules:\n  - id: XX101\n    kind: required-statement\n    severity: fatal\n    message: m\n    basis: b\n",
     6, "rules[0].severity", "is not one of"),
    ("id: p\ntitle: t\nrules:\n  - id: XX101\n    kind: required-statement\n    severity: info\n    basis: b\n",
     4, "rules[0]", "'message' is a required property"),
    ("id: p\ntitle: t\ncolour: red\nrules: []\n", 3, "colour", "unknown key 'colour'"),
    ("id: p\ntitle: t\nrules:\n" + GOOD_RULE.replace("['a']", "['(a']"), 9, "rules[0].patterns", "bad regular expression"),
    ("id: p\ntitle: [t\n", 3, None, "invalid YAML"),
])
def test_broken_pack_names_file_line_and_key(tmp_path, text, line, key, reason):
    p = _write(tmp_path, text)
    with pytest.raises(PackError) as e:
        packs.load([str(p)], use_cache=False, builtin=False)
    msg = str(e.value)
    assert msg.startswith(f"{p}:{line}:"), msg
    if key:
        assert f" {key}: " in msg
    assert reason in msg


def test_python_tags_are_refused_not_executed(tmp_path):
    p = _write(tmp_path, "id: p\ntitle: !!python/object/apply:os.system ['echo hacked']\nrules: []\n")
    with pytest.raises(PackError, match="invalid YAML"):
        packs.load([str(p)], use_cache=False, builtin=False)


def test_extends_cycle(tmp_path):
    a = tmp_path / "a.yaml"
    b = tmp_path / "b.yaml"
    a.write_text("id: a\ntitle: a\nextends: [b]\nrules: []\n", encoding="utf-8")
    b.write_text("id: b\ntitle: b\nextends: [a]\nrules: []\n", encoding="utf-8")
    with pytest.raises(PackError, match="extends cycle"):
        packs.load([str(a), str(b)], use_cache=False, builtin=False)


def test_cli_reports_broken_pack_with_exit_2(tmp_path):
    p = _write(tmp_path, "id: p\ntitle: t\nrules:\n  - id: XX1\n    kind: nope\n")
    md = tmp_path / "d.md"
    md.write_text("# 2023年某区人民政府政府信息公开工作年度报告\n", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "govlint", "--pack", str(p), str(md)], capture_output=True, text=True)
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1 and str(p) in r.stderr and "Traceback" not in r.stderr


def test_rules_check_runs_a_users_pack(tmp_path):
    p = _write(tmp_path, "id: mine\ntitle: t\nrules:\n" + GOOD_RULE + "    examples:\n      fail: ['b']\n      pass: ['a']\n")
    r = subprocess.run([sys.executable, "-m", "govlint", "rules", "check", str(p)], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "ok (1 rules" in r.stdout


# --- the cache of parsed packs ------------------------------------------------------------------

LOAD_AND_LIST_MODULES = """
import sys
from govlint import packs
ps = packs.load()
print(len(ps.packs), 'yaml' in sys.modules)
"""


def _run(code: str, cache: Path) -> str:
    import os

    env = dict(os.environ, XDG_CACHE_HOME=str(cache))
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert r.returncode == 0, r.stderr
    return r.stdout.split()


def test_a_second_load_does_not_import_yaml(tmp_path):
    assert _run(LOAD_AND_LIST_MODULES, tmp_path / "cache") == ["6", "True"]  # a cold cache: parsed
    assert list((tmp_path / "cache" / "govlint" / "parsed").iterdir())
    assert _run(LOAD_AND_LIST_MODULES, tmp_path / "cache") == ["6", "False"]


def _data(ps):
    return {pid: [(r.id, r.params, r.examples, r.message) for r in p.rules] for pid, p in ps.packs.items()}


def test_cached_packs_are_the_parsed_packs(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    fresh = packs.load(use_cache=False)
    first = packs.load()  # parses and writes the cache
    second = packs.load()  # reads it
    assert _data(first) == _data(fresh) == _data(second)
    assert all(a.applies == b.applies and a.extends == b.extends
               for a, b in zip(fresh.packs.values(), second.packs.values(), strict=True))


@pytest.mark.parametrize("damage", [b"", b"GLPK1", b"garbage" * 20, "truncate", "flip"])
def test_a_corrupt_cache_file_is_a_miss(tmp_path, monkeypatch, damage):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    fresh = packs.load(use_cache=False)
    packs.load()
    files = list((tmp_path / "govlint" / "parsed").iterdir())
    assert len(files) == 6
    for f in files:
        blob = f.read_bytes()
        if damage == "truncate":
            f.write_bytes(blob[:len(blob) // 2])
        elif damage == "flip":  # a changed byte inside the payload
            f.write_bytes(blob[:-10] + bytes([blob[-10] ^ 1]) + blob[-9:])
        else:
            f.write_bytes(damage)
    assert _data(packs.load()) == _data(fresh)
    assert all(f.read_bytes()[:5] == b"GLPK1" and f.stat().st_size > 100 for f in files)  # rewritten


def test_a_changed_pack_is_parsed_again(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    p = _write(tmp_path, "id: p\ntitle: t\nrules:\n" + GOOD_RULE)
    assert packs.load([str(p)], builtin=False).packs["p"].rules[0].params["patterns"] == ["a"]
    p.write_text("id: p\ntitle: t\nrules:\n" + GOOD_RULE.replace("['a']", "['b']"), encoding="utf-8")
    assert packs.load([str(p)], builtin=False).packs["p"].rules[0].params["patterns"] == ["b"]


def test_packs_load_without_a_writable_cache(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # mkdir under a file fails
    assert _data(packs.load()) == _data(packs.load(use_cache=False))


def test_a_broken_pack_is_reported_from_a_warm_cache(tmp_path, monkeypatch):
    """The cache holds parsed data only: validation still runs (and names the line) on every miss."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    p = _write(tmp_path, "id: p\ntitle: t\ncolour: red\nrules: []\n")
    for _ in range(2):
        with pytest.raises(PackError, match="unknown key 'colour'") as e:
            packs.load([str(p)], builtin=False)
        assert str(e.value).startswith(f"{p}:3:")


# --- built-in patterns run with `re` -------------------------------------------------------------

def _patterns(obj, seen=None):
    """Every compiled pattern inside what a kind's prepare() returned."""
    from govlint.kinds._util import Guarded

    seen = set() if seen is None else seen
    if id(obj) in seen:
        return
    seen.add(id(obj))
    if isinstance(obj, Guarded):
        obj = obj.rx
    if hasattr(obj, "finditer") and hasattr(obj, "pattern"):
        yield obj
    elif isinstance(obj, dict):
        for v in obj.values():
            yield from _patterns(v, seen)
    elif isinstance(obj, (list, tuple, set, frozenset)):
        for v in obj:
            yield from _patterns(v, seen)
    elif hasattr(obj, "__slots__") or hasattr(obj, "__dict__"):
        names = getattr(type(obj), "__slots__", ()) or list(getattr(obj, "__dict__", {}))
        for n in names:
            yield from _patterns(getattr(obj, n, None), seen)


def _texts():
    """Texts to compare `re` and `regex` on: the examples, the rules' own examples, odd characters."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.md"))]
    for pack in packs.load(use_cache=False).packs.values():
        for r in pack.rules:
            texts += [t for ts in r.examples.values() for t in ts if isinstance(t, str)]
    texts.append("ＸＸ件 xx人 Ⅻ ﬁ ſ K µ İı ß \x1c\x1d\x1e\x1f\x85\xa0\u2028\u3000 a\u0301 ١٢٣ 〇 ⅷ _ é")
    return texts


def test_builtin_patterns_compile_with_re_and_mean_the_same_as_with_regex():
    """Built-in rules are prepared with `re` (no timeouts, no `regex` import); the patterns must not
    use regex-only syntax and must find the same matches as they did with `regex` (V0)."""
    import regex

    ps = packs.load(use_cache=False)
    found = []
    for pack in ps.packs.values():
        for rule in pack.rules:
            found += [(rule.id, p) for p in _patterns(packs.ensure_prepared(rule).compiled)]
    assert len({p.pattern for _, p in found}) > 40
    texts = _texts()
    for rule_id, p in found:
        assert isinstance(p, re.Pattern), (rule_id, p)
        assert p == re.compile(p.pattern, p.flags)  # also when its program came from the cache
        alt = regex.compile(p.pattern, p.flags & ~re.UNICODE | regex.V0)
        for t in texts:
            assert [m.span() for m in p.finditer(t)] == [m.span() for m in alt.finditer(t)], (rule_id, p.pattern)


def test_user_packs_compile_with_regex(tmp_path):
    import regex

    p = _write(tmp_path, "id: p\ntitle: t\nrules:\n" + GOOD_RULE.replace("['a']", "['\\p{Han}+']"))
    rule = packs.load([str(p)], use_cache=False, builtin=False).packs["p"].rules[0]
    assert all(isinstance(x, regex.Pattern) for x in rule.compiled)


def test_compiled_programs_are_cached_across_runs(tmp_path, monkeypatch):
    """Built-in patterns: re's compiled program is cached and reused; a damaged program falls back
    to re.compile."""
    from govlint import recache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    pattern = r"[\u4e00-\u9fff]{2,}(?P<end>局|委员会)"
    first = recache._Programs()
    rx = first.compile(pattern, 0)
    assert rx == re.compile(pattern) and first.pending
    first.save()
    assert not first.pending and not first.unwritable
    second = recache._Programs()
    assert second._load().get((pattern, 0)) is not None
    again = second.compile(pattern, 0)
    assert again == rx and again.groupindex == {"end": 1} and again.search("某市统计局").group("end") == "局"
    assert not second.pending
    flags, code, *rest = second.known[(pattern, 0)]
    second.known[(pattern, 0)] = (flags, [99999, *code], *rest)  # a program _sre refuses
    assert second.compile(pattern, 0) == rx


def test_programs_without_a_writable_cache(tmp_path, monkeypatch):
    from govlint import recache

    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    progs = recache._Programs()
    assert progs.compile("a+b", 0) == re.compile("a+b")
    progs.save()
    assert progs.unwritable  # no further programs are built in this process
    progs.compile("c+d", 0)
    progs.save()
    assert "c+d" not in {k[0] for k in progs.known}


def test_builtin_rules_prepare_the_same_from_a_warm_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    from govlint import recache

    def prepared():
        monkeypatch.setattr(recache, "programs", recache._Programs())  # a new process
        ps = packs.load()
        return [(r.id, [(p.pattern, p.flags, p.groupindex) for p in _patterns(packs.ensure_prepared(r).compiled)])
                for pk in ps.packs.values() for r in pk.rules]

    cold = prepared()
    assert list((tmp_path / "govlint" / "re").iterdir())
    assert prepared() == cold
