"""Command line: parse arguments, run the engine over files, print, exit 0/1/2.

    govlint [check] FILE|DIR …    lint drafts (.docx, .md, .markdown, .txt)
    govlint outline FILE          show how govlint understood a draft (sections, tables)
    govlint rules [list]          list every rule;  govlint rules check PACK.yaml  validate a pack
    govlint explain GL201         a rule's documentation, basis and examples
    govlint baseline write|prune [--file .govlint-baseline.json] FILE|DIR …   see govlint.baseline

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage error, an
unreadable file (the others are still linted) or a broken rule pack / config.
"""

from __future__ import annotations

import errno
import os
import sys

from govlint import __version__
from govlint.errors import GovlintError, InputError, PackError

# Start-up counts (a pre-commit hook starts govlint once per commit): argparse, pathlib, json, rich
# and the rule kinds are imported where they are used, not here (`govlint --version` needs none).

SUBCOMMANDS = {"check", "outline", "rules", "explain", "baseline"}
FORMATS = ["full", "concise", "json", "sarif", "github", "gitlab", "junit"]


def _terminal_columns() -> int:
    """`shutil.get_terminal_size().columns`, without importing shutil (and bz2, lzma, zlib)."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


def _parser(**kw):
    """An ArgumentParser whose help formatter measures the terminal without `import shutil`:
    argparse builds a formatter for every add_argument() call."""
    import argparse

    class HelpFormatter(argparse.HelpFormatter):
        def __init__(self, prog, indent_increment=2, max_help_position=24, width=None, **more):
            if width is None:
                width = _terminal_columns() - 2  # what argparse does, through shutil
            super().__init__(prog, indent_increment, max_help_position, width, **more)

    return argparse.ArgumentParser(formatter_class=HelpFormatter, **kw)


def _check_parser():
    p = _parser(
        prog="govlint",
        description="Lint 政府信息公开工作年度报告 drafts (.docx, .md, .txt) against the law and the national template.",
        epilog="Subcommands: outline FILE · rules [list|check PACK] · explain RULE. Exit: 0 clean, 1 findings, 2 error.",
    )
    p.add_argument("paths", nargs="*", metavar="FILE|DIR")
    p.add_argument("--version", action="version", version=f"govlint {__version__}")
    p.add_argument("-f", "--format", choices=FORMATS, help="output format (default: full on a terminal, concise when piped; github under GitHub Actions)")
    p.add_argument("-o", "--output-file", help="write the report to this file")
    p.add_argument("--fail-on", choices=["error", "warning", "info"], help="lowest severity that makes the exit code 1 (default: error)")
    p.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    p.add_argument("--select", action="append", default=[], help="only these rule ids or prefixes (GL3), comma-separated")
    p.add_argument("--ignore", action="append", default=[], help="skip these rule ids or prefixes, comma-separated")
    p.add_argument("--pack", action="append", default=[], help="run this pack (id or YAML file) instead of automatic selection")
    p.add_argument("--config", help="config file (default: .govlint.yaml or pyproject.toml found upward)")
    p.add_argument("--no-config", action="store_true", help="ignore config files")
    p.add_argument("--year", type=int, help="report year (default: from the title or the statistics period)")
    p.add_argument("--issuer-kind", choices=["government", "department"], help="who publishes the report (sets the deadline)")
    p.add_argument("--previous", help="last year's report, for carry-over checks")
    p.add_argument("--lang", choices=["zh", "en"], default="zh")
    p.add_argument("--no-color", action="store_true")
    p.add_argument("--ascii", action="store_true", help="ASCII-only decorations")
    p.add_argument("--statistics", action="store_true", help="print counts per rule")
    p.add_argument("-j", "--jobs", type=int, default=1, help="lint files in N processes")
    p.add_argument("--baseline", metavar="FILE", help="hide findings recorded in this baseline (govlint baseline write)")
    p.add_argument("-q", "--quiet", action="store_true", help="print nothing; only the exit code")
    p.add_argument("--debug", action="store_true", help="show tracebacks")
    return p


_GC_PAUSED_AT_START = False  # run() paused the cyclic collector for start-up


def run() -> None:
    """The `govlint` command: `main()`, then a quick exit. A run leaves tens of thousands of
    objects that the interpreter would free one by one at shutdown (10-40 ms, more than reading
    a 5-page report) only for the process to end; output is flushed and the cache of compiled
    patterns saved first, so nothing is lost. `main()` itself returns normally (tests call it).

    The cyclic collector is paused from the start: imports create many objects and no garbage
    worth a collection (measured ~5% of a one-file run). `lint_paths` turns it back on when
    there is more than one file, so a batch keeps collecting between files."""
    global _GC_PAUSED_AT_START
    import gc
    import os

    if gc.isenabled():
        gc.disable()
        _GC_PAUSED_AT_START = True
    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, ValueError):  # `govlint … | head`, a closed stream
        pass
    try:
        from govlint import recache

        recache.save()
    except Exception:  # noqa: BLE001 - a cache that cannot be written is no reason to fail the run
        pass
    os._exit(code)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv == ["--version"]:  # what argparse prints for it, without building the parser
        print(f"govlint {__version__}")
        return 0
    debug = "--debug" in argv
    try:
        if argv and argv[0] in SUBCOMMANDS:
            cmd = argv.pop(0)
            if cmd == "outline":
                return cmd_outline(argv)
            if cmd == "rules":
                return cmd_rules(argv)
            if cmd == "explain":
                return cmd_explain(argv)
            if cmd == "baseline":
                return cmd_baseline(argv)
        return cmd_check(argv)
    except GovlintError as e:
        print(f"govlint: {one_line(display_path(str(e)))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as e:  # never a traceback for a user, unless asked
        if debug:
            raise
        print(f"govlint: internal error: {type(e).__name__}: {one_line(display_path(str(e)))} "
              "(run with --debug for details)", file=sys.stderr)
        return 2


# --- check ---------------------------------------------------------------------------------
def _split(values: list[str]) -> list[str]:
    return [v.strip() for item in values for v in item.split(",") if v.strip()]


def iter_files(paths: list[str], errors: list[tuple[str, str]], exclude: list[str] | None = None) -> list[str]:
    from pathlib import Path

    from govlint.readers import SUPPORTED

    out: list[str] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir() and p.suffix.lower() in SUPPORTED:
            errors.append((raw, "is a directory, not a file"))
        elif p.is_dir():
            seen: set[str] = set()

            def unreadable(e: OSError, top: str = raw) -> None:
                errors.append((e.filename or top, f"cannot read directory: {e.strerror or e}"))

            for root, dirs, files in os.walk(p, onerror=unreadable, followlinks=False):
                real = os.path.realpath(root)
                if real in seen:
                    dirs[:] = []
                    continue
                seen.add(real)
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in ("node_modules", "__pycache__"))
                for f in sorted(files):
                    if f.startswith(".") or f.startswith("~$"):
                        continue
                    if Path(f).suffix.lower() in SUPPORTED:
                        fp = os.path.join(root, f)
                        if exclude and any(Path(fp).match(g) for g in exclude):
                            continue
                        problem = _stat_problem(fp)
                        if problem:
                            errors.append((fp, problem))
                        else:
                            out.append(fp)
        else:
            problem = _stat_problem(raw)
            if problem:
                errors.append((raw, problem))
            else:
                out.append(raw)
    return out


def _stat_problem(path: str) -> str | None:
    """Why `path` cannot be linted as a file before opening it (broken link, loop…), or None."""
    try:
        os.stat(path)
    except FileNotFoundError:
        return "broken symbolic link" if os.path.islink(path) else "no such file or directory"
    except PermissionError:
        return "permission denied"
    except OSError as e:
        if e.errno == errno.ELOOP:
            return "symbolic link loop"
        return f"cannot open: {e.strerror or e}"
    return None


def display_path(path: str) -> str:
    """A path as text that can be printed and encoded: undecodable bytes of a file name (kept as
    surrogates by the OS layer) become U+FFFD."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def one_line(text: str) -> str:
    """Control characters (a newline in a file or zip member name) escaped: one line stays one."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() or ch == " " else ascii(ch)[1:-1] for ch in text)


def _settings_for(path: str, args, cli_cfg: dict | None):
    from pathlib import Path

    from govlint import config as config_mod
    from govlint.engine import Settings

    cfg = cli_cfg
    if cfg is None:
        cfg = {} if args.no_config else config_mod.discover(str(Path(path).parent or "."))[1]
    s = Settings(
        packs=[p for p in (_split(args.pack) or cfg.get("packs") or [])],
        select=_split(args.select) or list(cfg.get("select") or []),
        ignore=_split(args.ignore) + list(cfg.get("ignore") or []),
        severity=dict(cfg.get("severity") or {}),
        per_file_ignores=dict(cfg.get("per-file-ignores") or {}),
        year=args.year or cfg.get("year"),
        issuer_kind=args.issuer_kind or cfg.get("issuer-kind"),
    )
    return s, cfg


def _packset(args, files: list[str]):
    """The packs of the run: the built-in ones plus `files` (--pack FILE, config extra-packs)."""
    from pathlib import Path

    from govlint import packs as packs_mod

    ps = packs_mod.load(files)
    # --pack FILE means "run the packs in that file": map file paths to their ids
    ids = []
    for p in _split(args.pack):
        if p.endswith((".yaml", ".yml")):
            ids.extend(pk.id for pk in ps.packs.values() if Path(pk.path) == Path(p))
        elif p not in ps.packs:
            raise PackError(p, "no such rule pack (use a built-in id or a .yaml file)")
        else:
            ids.append(p)
    args.pack = ids
    return ps


def lint_file(path: str, args, cli_cfg, ps, previous=None):
    """(diagnostics, error) for one file; never raises for bad input."""
    import gc

    from govlint import engine
    from govlint.analyze import analyze

    # The cyclic collector is paused while one file is read and linted: the run allocates many
    # small objects and frees them by reference counting, and the collector's repeated scans of
    # the growing heap cost 10-20% of the run. It runs again between files (a batch stays flat).
    was = gc.isenabled()
    gc.disable()
    try:
        try:
            doc = analyze(path)
        except InputError as e:
            return [], e.reason
        settings, _ = _settings_for(path, args, cli_cfg)
        settings.previous = previous
        return engine.lint(doc, ps, settings), None
    except (GovlintError, KeyboardInterrupt):
        raise
    except Exception as e:  # a bug on this file must not stop the other files of the run
        if getattr(args, "debug", False):
            raise
        return [], f"internal error: {type(e).__name__}: {e} (run with --debug for details)"
    finally:
        if was:
            gc.enable()


# --jobs: worker processes. Each needs the run's PackSet; a forked worker inherits the parent's
# (loaded once, before the pool starts); a spawned one (no fork on this platform) loads it once
# in its initializer. Files go to the workers in chunks; results come back in file order.
_WORKER_PACKSET = None


def _init_worker(pack_files: list[str]) -> None:
    global _WORKER_PACKSET
    from govlint import packs as packs_mod

    _WORKER_PACKSET = packs_mod.load(pack_files)


def _lint_worker(job):
    path, args, cli_cfg = job
    try:
        return lint_file(path, args, cli_cfg, _WORKER_PACKSET)
    except GovlintError as e:
        return [], str(e)


def _worker_pool(jobs: int, ps, pack_files: list[str]):
    global _WORKER_PACKSET
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    if "fork" in multiprocessing.get_all_start_methods() and sys.platform != "darwin":
        _WORKER_PACKSET = ps  # the workers are forked from here: they share it
        return ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork"))
    return ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(pack_files,))


def cmd_check(argv: list[str]) -> int:
    args = _check_parser().parse_args(argv)
    if not args.paths:
        _check_parser().print_usage(sys.stderr)
        print("govlint: error: give at least one FILE or DIR to lint", file=sys.stderr)
        return 2
    baseline = None
    if args.baseline:
        from govlint.baseline import Baseline

        baseline = Baseline.load(args.baseline)
    files, errors, diagnostics, ps, cli_cfg = lint_paths(args)
    if baseline is not None:
        diagnostics, _hidden = baseline.filter(diagnostics)
    fail_on = args.fail_on or (cli_cfg or {}).get("fail-on") or "error"
    _render(args, files, errors, diagnostics, ps)
    from govlint.diagnostics import SEVERITY_RANK

    if errors:
        return 2
    if args.exit_zero:
        return 0
    worst = max((SEVERITY_RANK[d.severity] for d in diagnostics), default=-1)
    return 1 if worst >= SEVERITY_RANK[fail_on] else 0


def lint_paths(args):
    """Lint args.paths: (files, errors, diagnostics, packset, config); read errors go to stderr."""
    cli_cfg = None
    if args.config:
        from govlint import config as config_mod

        cli_cfg = config_mod.load(args.config)
    extra = list((cli_cfg or {}).get("extra-packs") or [])
    pack_files = [p for p in _split(args.pack) if p.endswith((".yaml", ".yml"))] + extra
    ps = _packset(args, pack_files)
    errors: list[tuple[str, str]] = []
    files = iter_files(args.paths, errors, (cli_cfg or {}).get("exclude"))
    previous = None
    if args.previous:
        from govlint.analyze import analyze

        previous = analyze(args.previous)  # InputError: main() prints it, exit 2
    diagnostics = []
    if _GC_PAUSED_AT_START and len(files) > 1:
        import gc

        gc.enable()  # lint_file pauses it per file; between files it collects
    show = _wants_progress(args, len(files))
    if args.jobs > 1 and len(files) > 1 and previous is None:
        with _worker_pool(args.jobs, ps, pack_files) as pool:
            jobs = pool.map(_lint_worker, [(f, args, cli_cfg) for f in files], chunksize=4)
            results = list(_progress(jobs, len(files), show))
    else:
        results = list(_progress((lint_file(f, args, cli_cfg, ps, previous) for f in files), len(files), show))
    for f, (diags, err) in zip(files, results, strict=True):
        if err:
            errors.append((f, err))
        diagnostics.extend(diags)
    if any(display_path(f) != f for f in files):  # undecodable file names: printable from here on
        from govlint.record import replace

        files = [display_path(f) for f in files]
        diagnostics = [replace(d, path=display_path(d.path)) for d in diagnostics]
    errors[:] = [(display_path(p), r) for p, r in errors]
    for path, reason in errors:
        print(f"govlint: {one_line(path)}: {one_line(reason)}", file=sys.stderr)
    return files, errors, diagnostics, ps, cli_cfg


def _wants_progress(args, n_files: int) -> bool:
    """A progress bar on stderr when many files are linted at a terminal; never when piped."""
    if args.quiet or n_files < 10 or os.environ.get("CI"):
        return False
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def _progress(results, total: int, show: bool):
    if not show:
        yield from results
        return
    from rich.console import Console  # lazy: only at a terminal
    from rich.progress import track

    yield from track(results, total=total, description="govlint", console=Console(stderr=True), transient=True)


# --- baseline ------------------------------------------------------------------------------
def cmd_baseline(argv: list[str]) -> int:
    """govlint baseline write|prune [--file F] [check options] PATHS… (see govlint.baseline)."""
    from govlint.baseline import DEFAULT_FILE, Baseline

    if not argv or argv[0] not in ("write", "prune"):
        print("usage: govlint baseline {write,prune} [--file FILE] [options] [FILE|DIR …]", file=sys.stderr)
        print("govlint: error: say 'write' (record current findings) or 'prune' (drop fixed ones)", file=sys.stderr)
        return 2
    action = argv.pop(0)
    p = _check_parser()
    p.prog = f"govlint baseline {action}"
    p.add_argument("--file", default=DEFAULT_FILE, help=f"the baseline file (default: {DEFAULT_FILE})")
    args = p.parse_args(argv)
    base = Baseline.load(args.file, missing_ok=action == "write")
    if not args.paths:
        if action == "write":
            p.print_usage(sys.stderr)
            print("govlint: error: give at least one FILE or DIR to record", file=sys.stderr)
            return 2
        args.paths = base.recorded_paths()
    files, errors, diagnostics, _ps, _cfg = lint_paths(args) if args.paths else ([], [], [], None, None)
    unread = {path for path, _ in errors}
    linted = [f for f in files if f not in unread]
    if action == "write":
        base.record(linted, diagnostics)
        summary = f"recorded {len(diagnostics)} findings of {len(linted)} files"
    else:
        summary = f"removed {base.prune(linted, diagnostics)} findings no longer found"
    base.save()
    if not args.quiet:
        print(f"govlint: {args.file}: {summary}")
    return 2 if errors else 0


def _render(args, files, errors, diagnostics, ps) -> None:
    if args.quiet:
        return
    from govlint import report
    from govlint.report.base import ReportOptions, RuleInfo, RunResult

    fmt = args.format
    out_stream = open(args.output_file, "w", encoding="utf-8") if args.output_file else sys.stdout
    try:
        tty = out_stream.isatty()
    except (AttributeError, ValueError):
        tty = False
    if fmt is None:
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else ("full" if tty else "concise")
    # A rule's documentation is its kind module's docstring: reading it imports every kind of
    # every pack. Only SARIF prints it (and a plugin format may), so only they pay for it.
    docs = fmt == "sarif" or fmt not in report.FORMATS
    rules = {}
    for pack in ps.packs.values():
        for r in pack.effective:
            if r.id not in rules:
                rules[r.id] = RuleInfo(r.id, r.name, r.severity, r.pack, r.basis, r.message, rule_doc(r) if docs else "")
    result = RunResult(diagnostics=diagnostics, files=files, errors=errors, rules=rules, tool_version=__version__)
    color = tty and not args.no_color and not os.environ.get("NO_COLOR")
    width = None
    if tty:
        import shutil

        width = shutil.get_terminal_size((100, 24)).columns
    opts = ReportOptions(lang=args.lang, color=color, ascii=args.ascii or not color and bool(os.environ.get("NO_COLOR")),
                         width=width, statistics=args.statistics)
    try:
        report.get(fmt).render(result, out_stream, opts)
        if args.statistics and fmt not in ("full",):
            report.get("statistics").render(result, sys.stderr if fmt != "concise" else out_stream, opts)
    finally:
        if args.output_file:
            out_stream.close()


def rule_doc(rule) -> str:
    from govlint.packs import kind_module

    doc = (kind_module(rule.kind).__doc__ or "").strip()
    return (rule.doc + "\n\n" + doc).strip() if rule.doc else doc


# --- outline -------------------------------------------------------------------------------
def outline_json(doc) -> dict:
    from govlint.document import Paragraph, Table

    def loc(src) -> str:
        return src.location()

    def block(b) -> dict:
        if isinstance(b, Table):
            return {"type": "table", "location": loc(b.source), "line": b.source.line, "rows": b.rows,
                    "cols": b.cols, "cells": [{"row": c.row, "col": c.col, "row_span": c.row_span,
                                               "col_span": c.col_span, "text": c.text} for c in b.cells]}
        assert isinstance(b, Paragraph)
        return {"type": "paragraph", "text": b.display_text, "location": loc(b.source), "line": b.source.line}

    def section(s) -> dict:
        h = s.heading
        blocks = [block(b) for b in s.blocks]
        if s.body:
            blocks.insert(0, {"type": "paragraph", "text": s.body, "location": loc(h.source) if h else "",
                              "line": h.source.line if h else None})
        return {"label": s.label, "title": s.title, "level": s.level,
                "location": loc(h.source) if h else "", "line": h.source.line if h else None,
                "blocks": blocks, "children": [section(c) for c in s.children]}

    return {"path": doc.path, "format": doc.format, "title": doc.title, "report_year": doc.report_year,
            "kind": doc.kind, "preamble": [block(b) for b in doc.preamble],
            "sections": [section(s) for s in doc.sections]}


def cmd_outline(argv: list[str]) -> int:
    p = _parser(prog="govlint outline", description="Show the section tree govlint reads from a draft.")
    p.add_argument("file")
    p.add_argument("-f", "--format", choices=["tree", "json"], default="tree")
    p.add_argument("--debug", action="store_true")
    args = p.parse_args(argv)
    from govlint.analyze import analyze

    doc = analyze(args.file)
    data = outline_json(doc)
    if args.format == "json":
        import json

        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    from rich.console import Console  # lazy: only for terminal output
    from rich.tree import Tree

    kind = {"annual-report": "年度报告", "official-document": "公文", "unknown": "未知"}[doc.kind]
    tree = Tree(f"{doc.title or '（无标题）'}  [dim]{doc.format} · {kind} · {doc.report_year or '年度未知'}[/dim]")

    from rich.markup import escape

    from govlint.document import Table

    def add(node, s):
        label = f"{s.label}、" if s.rung == "cn" else (f"（{s.label}）" if s.rung == "paren-cn" else (f"{s.label}." if s.label else ""))
        tables = sum(1 for b in s.blocks if isinstance(b, Table))
        extra = f"  [dim]{s.heading.source.location() if s.heading else ''}"
        extra += f" · {tables} 表[/dim]" if tables else "[/dim]"
        child = node.add(escape(f"{label}{s.title}") + extra)
        for c in s.children:
            add(child, c)

    for s in doc.sections:
        add(tree, s)
    Console(highlight=False).print(tree)
    return 0


# --- rules / explain -------------------------------------------------------------------------
def cmd_rules(argv: list[str]) -> int:
    if argv and argv[0] == "check":
        return cmd_rules_check(argv[1:])
    if argv and argv[0] == "list":
        argv = argv[1:]
    p = _parser(prog="govlint rules", description="List every rule of the built-in packs (and --pack FILE).")
    p.add_argument("--pack", action="append", default=[])
    p.add_argument("-f", "--format", choices=["table", "json"], default="table")
    args = p.parse_args(argv)
    from govlint import packs as packs_mod

    ps = packs_mod.load(args.pack)
    rows = []
    for pack in ps.packs.values():
        for r in pack.rules:
            rows.append({"id": r.id, "name": r.name, "severity": r.severity, "pack": r.pack, "kind": r.kind, "basis": r.basis})
    rows.sort(key=lambda r: (r["id"], r["pack"]))
    if args.format == "json":
        import json

        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for r in rows:
            print(f"{r['id']:<7} {r['name']:<28} {r['severity']:<8} {r['pack']:<14} {r['basis']}")
    return 0


def cmd_rules_check(argv: list[str]) -> int:
    from pathlib import Path

    p = _parser(prog="govlint rules check", description="Validate a rule pack and run its examples.")
    p.add_argument("packs", nargs="+")
    args = p.parse_args(argv)
    from govlint import packs as packs_mod
    from govlint.examples import run_examples

    failures = 0
    for f in args.packs:
        ps = packs_mod.load([f], use_cache=False)
        pack = next(pk for pk in ps.packs.values() if Path(pk.path) == Path(f))
        for problem in run_examples(pack, ps):
            failures += 1
            print(f"{f}: {problem}")
        if not failures:
            print(f"{f}: ok ({len(pack.rules)} rules, examples pass)")
    return 1 if failures else 0


def cmd_explain(argv: list[str]) -> int:
    p = _parser(prog="govlint explain", description="Show a rule's documentation, basis and examples.")
    p.add_argument("rule")
    p.add_argument("--pack", action="append", default=[])
    args = p.parse_args(argv)
    from govlint import packs as packs_mod

    ps = packs_mod.load(args.pack)
    found = [r for pack in ps.packs.values() for r in pack.rules if r.id == args.rule.upper() or r.name == args.rule]
    if not found:
        print(f"govlint: no rule '{args.rule}' (see 'govlint rules')", file=sys.stderr)
        return 2
    for r in found:
        print(f"{r.id} {r.name} [{r.severity}] — pack {r.pack}, kind {r.kind}")
        print(f"消息: {r.message}")
        print(f"依据: {r.basis}")
        print()
        print(rule_doc(r))
        for label, key in (("不合格示例", "fail"), ("合格示例", "pass")):
            for ex in r.examples.get(key, []):
                print(f"\n{label}:\n  " + ex.strip().replace("\n", "\n  "))
        print()
    return 0
