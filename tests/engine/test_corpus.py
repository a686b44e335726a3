"""The corpus expectations (seeds and real reports), every rule of the built-in packs at once:
every `must` finding is reported (its `where` text in the message, excerpt, location or values),
no `must_not` rule fires."""

from pathlib import Path

import pytest
import yaml

from govlint import engine, packs
from govlint.analyze import analyze

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
OWN = ("GL1", "GL2", "GL3", "GL4", "GL5", "GL9")


def _cases():
    for sub in ("seeds", "real"):
        data = yaml.safe_load((CORPUS / sub / "expected.yaml").read_text(encoding="utf-8"))
        for name, exp in data.items():
            yield pytest.param(sub, name, exp, id=f"{sub}/{name}")


@pytest.fixture(scope="module")
def packset():
    return packs.load()


def _text(d):
    return " ".join(str(x) for x in (d.message, d.excerpt, d.location, d.values or ""))


@pytest.mark.parametrize("sub,name,exp", list(_cases()))
def test_corpus_expectations(sub, name, exp, packset):
    doc = analyze(CORPUS / sub / name)
    diags = engine.lint(doc, packset)
    for m in exp.get("must") or []:
        hits = [d for d in diags if d.rule == m["rule"] and (not m.get("where") or m["where"] in _text(d))]
        assert hits, f"{name}: expected {m['rule']} ({m.get('where')})"
    fired = {d.rule for d in diags}
    assert not set(exp.get("must_not") or []) & fired


def test_exact_findings_on_tianhe(packset):
    diags = engine.lint(analyze(CORPUS / "seeds" / "tianhe-2012-report.txt"), packset)
    got = [(d.rule, d.line) for d in diags if d.rule.startswith(OWN)]
    assert got == [("GL101", None), ("GL201", 1), ("GL103", 92)]
    gl103 = next(d for d in diags if d.rule == "GL103")
    assert gl103.message == "“附表”下没有内容"
    assert gl103.location == "第7节「说明与附表」 › （二）附表 / line 92"
