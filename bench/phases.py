"""Where does one govlint run spend its time? Phase timings in one process, plus per-rule time.

    .venv/bin/python bench/phases.py FILE [--repeat 5] [--rules] [--profile N]
    .venv/bin/python bench/phases.py --packs X     # cold cost of loading the built-in packs

Cold column: the first pass in a fresh interpreter, lazy imports included (what the CLI pays).
Warm column: the median of --repeat further passes over the same file (imports done, caches
hot), i.e. the pure per-file cost a --jobs worker pays after its first file. Phases follow
cli.cmd_check: import the CLI, load the packs, import the reader module, read the file, analyze
(reflow, meta, outline), lint (facts + every rule), render (concise, into a buffer). `--rules` adds the time
per rule; `--profile N` prints the top N functions of a cProfile of one warm pass.
Not part of the test suite; diagnostic help for bench/README.md.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time

T0 = time.perf_counter()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--rules", action="store_true")
    ap.add_argument("--profile", type=int, default=0)
    ap.add_argument("--packs", action="store_true",
                    help="only break down the cold cost of loading the built-in packs, then exit")
    a = ap.parse_args()
    if a.packs:
        return packs_breakdown()
    t_args = time.perf_counter()

    def phase_pass(ps, timings: dict) -> None:
        from govlint import engine, outline, readers, reflow
        from govlint.facts import meta

        t = time.perf_counter()
        doc = readers.read(a.file)
        timings["read"] = time.perf_counter() - t
        t = time.perf_counter()
        reflow.reflow(doc)
        meta.apply(doc)
        outline.build(doc)
        doc.kind = meta.document_kind(doc)
        timings["analyze"] = time.perf_counter() - t
        t = time.perf_counter()
        diags = engine.lint(doc, ps, engine.Settings())
        timings["lint"] = time.perf_counter() - t
        t = time.perf_counter()
        from govlint import report
        from govlint.report.base import ReportOptions, RunResult

        buf = io.StringIO()
        report.get("concise").render(RunResult(diagnostics=diags, files=[a.file], errors=[], rules={},
                                               tool_version="bench"), buf, ReportOptions())
        timings["render"] = time.perf_counter() - t
        timings["diagnostics"] = len(diags)

    import gc

    gc.disable()  # as the govlint command does (cli.run, cli.lint_file)
    cold: dict = {}
    t = time.perf_counter()
    import govlint.cli  # noqa: F401

    cold["import cli"] = time.perf_counter() - t
    t = time.perf_counter()
    from govlint import packs

    ps = packs.load([])
    cold["load packs"] = time.perf_counter() - t
    t = time.perf_counter()
    if a.file.lower().endswith((".docx", ".docm")):
        import govlint.readers.docx  # noqa: F401  (python-docx, lxml)
    elif a.file.lower().endswith((".md", ".markdown")):
        import govlint.readers.markdown  # noqa: F401  (markdown-it-py)
    else:
        import govlint.readers.text  # noqa: F401
    cold["import reader"] = time.perf_counter() - t
    phase_pass(ps, cold)
    warm: dict[str, list] = {}
    for _ in range(a.repeat):
        w: dict = {}
        phase_pass(ps, w)
        for k, v in w.items():
            warm.setdefault(k, []).append(v)
    print(f"{a.file}: interpreter start → main() {(t_args - T0) * 1000:.0f} ms after this module started "
          f"(+ interpreter start-up before it)")
    print(f"{'phase':<12} {'cold ms':>9} {'warm ms':>9}")
    for k in ("import cli", "load packs", "import reader", "read", "analyze", "lint", "render"):
        wv = f"{statistics.median(warm[k]) * 1000:9.1f}" if k in warm else f"{'':>9}"
        print(f"{k:<12} {cold[k] * 1000:9.1f} {wv}")
    total = sum(v for k, v in cold.items() if k != "diagnostics")
    print(f"{'total':<12} {total * 1000:9.1f}   diagnostics: {cold['diagnostics']}")
    mods = [m for m in ("docx", "lxml", "markdown_it", "yaml", "regex", "rich", "jsonschema") if m in sys.modules]
    print("heavy modules loaded:", ", ".join(mods) or "none")

    if a.rules:
        from govlint import analyze, engine
        from govlint.facts import Facts

        doc = analyze.analyze(a.file)
        facts = Facts(doc, {"issuer_kind": None, "previous": None})
        per: dict[str, float] = {}
        t = time.perf_counter()
        for pack in engine.select_packs(doc, ps, engine.Settings()):
            for rule in pack.effective:
                t1 = time.perf_counter()
                engine.run_rule(rule, facts)
                per[f"{rule.id} {rule.kind} ({rule.pack})"] = time.perf_counter() - t1
        print(f"\nrules on a fresh Facts (first use pays the facts it computes), total {(time.perf_counter() - t) * 1000:.1f} ms:")
        for k, v in sorted(per.items(), key=lambda kv: -kv[1])[:15]:
            print(f"  {v * 1000:8.1f} ms  {k}")
    if a.profile:
        import cProfile
        import pstats

        pr = cProfile.Profile()
        pr.enable()
        phase_pass(ps, {})
        pr.disable()
        out = io.StringIO()
        pstats.Stats(pr, stream=out).sort_stats("tottime").print_stats(a.profile)
        print(out.getvalue())
    return 0


def packs_breakdown() -> int:
    """Cold cost of packs.load([]) step by step, in this fresh process (each module is charged to
    the first step that imports it)."""
    import importlib

    rows: list[tuple[str, float]] = []

    def step(name, fn):
        t = time.perf_counter()
        r = fn()
        rows.append((name, time.perf_counter() - t))
        return r

    step("import govlint.cli", lambda: importlib.import_module("govlint.cli"))
    packs = step("import govlint.packs", lambda: importlib.import_module("govlint.packs"))
    from govlint.kinds import KINDS
    from govlint.resources import rules_dir

    files = sorted(rules_dir().glob("*.yaml"))
    loaded = []
    for f in files:
        data, text = step(f"read+parse+validate {f.name}", lambda f=f: packs.load_file(f))
        loaded.append((f, data, text))
    kinds = sorted({r["kind"] for _, d, _ in loaded for r in d.get("rules") or []})
    for k in kinds:
        step(f"import kind {k}", lambda k=k: importlib.import_module(KINDS[k]))
    for f, data, text in loaded:  # built-in rules as a run prepares them (re, cached programs)
        step(f"prepare rules {f.name} ({len(data.get('rules') or [])} rules)",
             lambda f=f, data=data, text=text: [packs.ensure_prepared(r)
                                                for r in packs._make_rules(data, text, str(f), eager=False)])
    step("packs.load([]) once more (modules warm)", lambda: packs.load([]))
    total = sum(v for k, v in rows if not k.startswith("packs.load"))
    for k, v in sorted(rows, key=lambda kv: -kv[1]):
        print(f"{v * 1000:8.1f} ms  {k}")
    print(f"{total * 1000:8.1f} ms  total cold (without the last line)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
