"""Run a rule's `examples` (fail/pass snippets in Markdown) through the real pipeline: every fail
snippet must give at least one finding of that rule, every pass snippet none. Used by
`govlint rules check` and by the test suite's meta-test on the built-in packs.

An example is a Markdown string, or a mapping `{draft: …, previous: …}` for rules that compare a
report with last year's (carry-over): `previous` is last year's report, in Markdown too."""

from __future__ import annotations

from govlint import engine
from govlint.analyze import analyze_document
from govlint.kinds.base import Rule
from govlint.packs import Pack, PackSet


def _doc_for(snippet: str, pack: Pack):
    from govlint.readers import markdown

    doc = analyze_document(markdown.read_text("<example>", snippet))
    kinds = (pack.applies or {}).get("kind")
    if kinds:
        doc.kind = kinds if isinstance(kinds, str) else kinds[0]
    years = (pack.applies or {}).get("years")
    if doc.report_year is None:
        if years and years[0]:
            doc.report_year = years[0] if (len(years) < 2 or years[1] is None) else years[-1]
            if len(years) > 1 and years[1] is None:
                doc.report_year = max(years[0], 2023)
        else:
            doc.report_year = 2023
    return doc


def findings(rule: Rule, snippet: str | dict, pack: Pack) -> list:
    previous = None
    if isinstance(snippet, dict):
        from govlint.readers import markdown

        if snippet.get("previous"):
            previous = analyze_document(markdown.read_text("<previous>", snippet["previous"]))
        snippet = snippet.get("draft", "")
    doc = _doc_for(snippet, pack)
    single = PackSet()
    single.packs[pack.id] = Pack(pack.id, pack.title, pack.path, {}, [], [rule], [rule])
    settings = engine.Settings(packs=[pack.id], previous=previous)
    return [d for d in engine.lint(doc, single, settings) if d.rule == rule.id]


def run_examples(pack: Pack, packset: PackSet | None = None) -> list[str]:
    """Problems found: a rule without examples, a fail example that passes, a pass that fails."""
    problems = []
    for rule in pack.rules:
        fails, passes = rule.examples.get("fail") or [], rule.examples.get("pass") or []
        if not fails or not passes:
            problems.append(f"{rule.id}: needs both fail and pass examples")
        for i, ex in enumerate(fails, 1):
            if not findings(rule, ex, pack):
                problems.append(f"{rule.id}: fail example {i} gives no {rule.id} finding")
        for i, ex in enumerate(passes, 1):
            got = findings(rule, ex, pack)
            if got:
                problems.append(f"{rule.id}: pass example {i} gives {rule.id}: {got[0].message}")
    return problems
