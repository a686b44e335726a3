"""govlint speed benchmark: one command, one table.

    python bench/run.py                   # full run: corpus, floors, peers, govlint, table
    python bench/run.py --no-peers        # skip gongwen-skill and textlint
    python bench/run.py --runs 3 --runs-large 1 --batch-runs 1   # a quick look
    python bench/run.py --update-readme   # also write the table into bench/README.md

Stdlib only. The project interpreter (default .venv/bin/python, which has python-docx and
markdown-it-py) generates the corpus (bench/make_corpus.py → bench/corpus/) and runs the floors
(bench/floor_docx.py, bench/floor_md.py). Every measured command is a fresh subprocess; wall
clock is taken around spawn + wait, peak RSS comes from os.wait4() for that very child (Linux
ru_maxrss, KiB; it covers the child and the descendants it waited for). Commands run once as a
warm-up (byte-code caches, page cache), then round-robin N times; the table shows medians.

Python subprocesses run with PYTHONDONTWRITEBYTECODE unset and PYTHONPYCACHEPREFIX=bench/out/
pycache, so every Python side (floors, govlint, gongwen) runs from cached byte code, as an
installed tool does, without writing into the source tree. See bench/README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
OUT = BENCH / "out"
CORPUS = BENCH / "corpus"
GONGWEN_VENV = BENCH / ".venv-gongwen"
GONGWEN_VERSION = "2.15.0"
TEXTLINT = BENCH / "node_modules" / ".bin" / "textlint"
README = BENCH / "README.md"
SIZES = ("5p", "30p", "300p")
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"


# ------------------------------------------------------------------------------------------
# running one command


@dataclass
class Sample:
    wall: float  # seconds, spawn to reap
    cpu: float   # seconds, user + system of the command and the children it reaped
    rss_kb: int  # peak resident set size of the command (KiB)
    rc: int
    others: float = 0.0  # CPU seconds other processes of the machine used meanwhile (/proc/stat)


@dataclass
class Case:
    key: str                     # unique id, e.g. "30p.docx/govlint"
    label: str                   # row label in the table
    cmd: list[str]
    runs: int
    ok: tuple[int, ...] = (0,)   # acceptable exit codes
    cwd: Path = ROOT
    env: dict | None = None
    timeout: float = 300.0
    samples: list[Sample] = field(default_factory=list)
    error: str | None = None
    discarded: int = 0  # samples re-measured because other processes were busy

    @property
    def median(self) -> float | None:
        return statistics.median(s.wall for s in self.samples) if self.samples and not self.error else None

    @property
    def cpu(self) -> float | None:
        return statistics.median(s.cpu for s in self.samples) if self.samples and not self.error else None

    @property
    def others(self) -> float | None:
        """Median CPU cores used by other processes during the runs (0 = quiet machine)."""
        if not self.samples or self.error:
            return None
        return statistics.median(s.others / s.wall for s in self.samples if s.wall > 0)

    @property
    def rss_mb(self) -> float | None:
        return max(s.rss_kb for s in self.samples) / 1024 if self.samples and not self.error else None


def _gnu_time() -> str | None:
    """/usr/bin/time if it is GNU time (-f/-o), else None."""
    exe = shutil.which("time", path="/usr/bin:/bin")
    if not exe:
        return None
    try:
        with tempfile.NamedTemporaryFile("r") as f:
            r = subprocess.run([exe, "-f", "%M", "-o", f.name, "true"], capture_output=True, timeout=30)
            return exe if r.returncode == 0 and f.read().strip().splitlines()[-1].isdigit() else None
    except (OSError, subprocess.TimeoutExpired, IndexError):
        return None


GNU_TIME = _gnu_time()
HZ = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def busy_cpu() -> float | None:
    """CPU seconds the whole machine has been busy (all cores), from /proc/stat; None if unknown."""
    try:
        with open("/proc/stat") as f:
            v = [int(x) for x in f.readline().split()[1:]]
    except (OSError, ValueError):
        return None
    # user nice system idle iowait irq softirq steal …: busy = all but idle and iowait
    return (sum(v[:8]) - v[3] - v[4]) / HZ


def run_once(cmd: list[str], cwd: Path, env: dict, timeout: float) -> tuple[Sample, str]:
    """Spawn, reap with os.wait4, kill the whole process group on timeout.

    Peak RSS: the child's ru_maxrss from wait4 starts at the RSS of the process that spawned it
    (Linux records the pre-exec hiwater mark at exec, and Python spawns with vfork), i.e. at this
    runner's ~20 MB. So when GNU time exists, the command runs under `/usr/bin/time -f %M`, a
    small C process whose fork gives an exact figure; it adds about 1 ms to every command alike.
    CPU time comes from wait4 (it includes the reaped grandchildren: --jobs workers, node)."""
    with tempfile.TemporaryFile() as err, tempfile.NamedTemporaryFile("r", suffix=".rss") as rssf:
        argv = [GNU_TIME, "-f", "%M", "-o", rssf.name, *cmd] if GNU_TIME else cmd
        b0 = busy_cpu()
        t0 = time.perf_counter()
        p = subprocess.Popen(argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                             stderr=err, start_new_session=True)
        timed_out = threading.Event()

        def kill() -> None:
            timed_out.set()
            try:
                os.killpg(p.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, status, usage = os.wait4(p.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - t0
        b1 = busy_cpu()
        p.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        tail = err.read()[-600:].decode("utf-8", "replace").strip()
        rss = usage.ru_maxrss
        if GNU_TIME:
            last = (rssf.read().strip().splitlines() or [""])[-1]
            rss = int(last) if last.isdigit() else rss
    cpu = usage.ru_utime + usage.ru_stime
    others = max(0.0, (b1 - b0) - cpu) if b0 is not None and b1 is not None else 0.0
    if timed_out.is_set():
        return Sample(wall, cpu, rss, -9, others), f"timed out after {timeout:.0f} s"
    return Sample(wall, cpu, rss, p.returncode, others), tail


def disturbed(s: Sample, limit: float) -> bool:
    """Other processes took more than `limit` cores on average during this sample (with 2 jiffies
    of slack: /proc/stat counts in 10 ms ticks)."""
    return limit > 0 and s.others > limit * s.wall + 2 / HZ


def measure(cases: list[Case], env: dict, log, max_other: float = 0.0, retries: int = 3) -> None:
    for c in cases:  # warm-up: byte-code caches, page cache, node's compile cache
        if c.error:
            continue
        s, tail = run_once(c.cmd, c.cwd, c.env or env, c.timeout)
        if s.rc not in c.ok:
            c.error = f"exit {s.rc}: {tail.splitlines()[-1] if tail else ''}"[:200]
            log(f"  {c.key}: FAILED ({c.error})")
    rounds = max((c.runs for c in cases), default=0)
    for r in range(rounds):
        t0 = time.perf_counter()
        for c in cases:
            if c.error or len(c.samples) >= c.runs:
                continue
            for _ in range(retries + 1):
                s, tail = run_once(c.cmd, c.cwd, c.env or env, c.timeout)
                if s.rc not in c.ok or not disturbed(s, max_other):
                    break
                c.discarded += 1  # another process took a core meanwhile: measure again
            if s.rc not in c.ok:
                c.error = f"exit {s.rc}: {tail.splitlines()[-1] if tail else ''}"[:200]
                continue
            c.samples.append(s)
        log(f"  round {r + 1}/{rounds} done in {time.perf_counter() - t0:.1f} s")


# ------------------------------------------------------------------------------------------
# setup: interpreter, corpus, peers


def sh(cmd: list[str], timeout: float, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, **kw)


def child_env(keep_env: bool) -> dict:
    env = dict(os.environ)
    for k in ("GITHUB_ACTIONS", "FORCE_COLOR", "CLICOLOR_FORCE", "PYTHONSTARTUP", "PYTHONPROFILEIMPORTTIME"):
        env.pop(k, None)
    if not keep_env:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(OUT / "pycache")
    return env


def ensure_corpus(python: str, seeds: Path, regen: bool, log) -> dict:
    gen = BENCH / "make_corpus.py"
    digest = hashlib.sha256(gen.read_bytes()).hexdigest()[:16]
    manifest = CORPUS / "manifest.json"
    if not regen and manifest.exists():
        m = json.loads(manifest.read_text(encoding="utf-8"))
        if m.get("generator") == digest and m.get("seeds_dir") == str(seeds):
            log(f"corpus: reusing {CORPUS.relative_to(ROOT)} (generator unchanged; --regen to rebuild)")
            return m
    log(f"corpus: generating {CORPUS.relative_to(ROOT)} …")
    t0 = time.perf_counter()
    r = sh([python, str(gen), "--out", str(CORPUS), "--seeds", str(seeds)], timeout=1800)
    if r.returncode:
        sys.exit(f"bench: corpus generation failed:\n{r.stderr[-2000:]}")
    m = json.loads(manifest.read_text(encoding="utf-8"))
    m["generator"], m["seeds_dir"] = digest, str(seeds)
    manifest.write_text(json.dumps(m, ensure_ascii=False, indent=1), encoding="utf-8")
    log(f"corpus: done in {time.perf_counter() - t0:.1f} s")
    return m


def setup_gongwen(install: bool, log) -> tuple[str | None, str]:
    """(path to the gongwen script, version) or (None, reason)."""
    exe = GONGWEN_VENV / "bin" / "gongwen"
    if not exe.exists() and install:
        log(f"peers: installing gongwen-skill=={GONGWEN_VERSION} into {GONGWEN_VENV.relative_to(ROOT)} …")
        try:
            base = shutil.which("python3") or sys.executable
            r = sh([base, "-m", "venv", str(GONGWEN_VENV)], timeout=300)
            if r.returncode == 0:
                r = sh([str(GONGWEN_VENV / "bin" / "pip"), "install", "-q", "--disable-pip-version-check",
                        f"gongwen-skill=={GONGWEN_VERSION}"], timeout=900)
            if r.returncode:
                lines = [ln for ln in (r.stderr or r.stdout).splitlines() if ln.strip() and "WARNING" not in ln]
                return None, "pip install gongwen-skill failed: " + (lines[-1] if lines else f"exit {r.returncode}")
        except (OSError, subprocess.TimeoutExpired) as e:
            return None, f"pip install gongwen-skill failed: {e}"
    if not exe.exists():
        return None, f"{exe.relative_to(ROOT)} not installed"
    try:
        r = sh([str(GONGWEN_VENV / "bin" / "python"), "-c",
                "import importlib.metadata as m; print(m.version('gongwen-skill'))"], timeout=60)
        return str(exe), r.stdout.strip() or "?"
    except (OSError, subprocess.TimeoutExpired) as e:
        return None, str(e)


def setup_textlint(install: bool, log) -> tuple[str | None, str]:
    if not TEXTLINT.exists() and install:
        npm = shutil.which("npm")
        if not npm:
            return None, "npm not found"
        log("peers: npm install --prefix bench (textlint, textlint-rule-prh, textlint-rule-no-empty-section) …")
        try:
            r = sh([npm, "install", "--prefix", str(BENCH), "--no-audit", "--no-fund", "--no-package-lock"],
                   timeout=900)
        except (OSError, subprocess.TimeoutExpired) as e:
            return None, f"npm install failed: {e}"
        if r.returncode:
            lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
            return None, "npm install failed: " + (lines[-1] if lines else f"exit {r.returncode}")
    if not TEXTLINT.exists():
        return None, f"{TEXTLINT.relative_to(ROOT)} not installed"
    versions = []
    for pkg in ("textlint", "textlint-rule-prh", "textlint-rule-no-empty-section"):
        try:
            pj = json.loads((BENCH / "node_modules" / pkg / "package.json").read_text(encoding="utf-8"))
            versions.append(f"{pkg} {pj['version']}")
        except (OSError, ValueError, KeyError):
            return None, f"{pkg} missing from bench/node_modules"
    return str(TEXTLINT), ", ".join(versions)


def snapshot(rev: str, log) -> tuple[Path, str]:
    """Extract lint/, rules/ and schemas/ of a git revision into bench/out/tree-SHA (no .git changes)."""
    import tarfile

    r = sh(["git", "-C", str(ROOT), "rev-parse", "--short", rev], timeout=60)
    if r.returncode:
        sys.exit(f"bench: --rev {rev}: {r.stderr.strip()}")
    sha = r.stdout.strip()
    dest = OUT / f"tree-{sha}"
    if not (dest / "lint" / "govlint" / "cli.py").exists():
        log(f"tree: extracting {rev} ({sha}) into {dest.relative_to(ROOT)}")
        tmp = OUT / f"tree-{sha}.tar"
        with open(tmp, "wb") as f:
            r2 = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", sha, "lint", "rules", "schemas"],
                                stdout=f, stderr=subprocess.PIPE, timeout=300)
        if r2.returncode:
            sys.exit(f"bench: git archive {sha}: {r2.stderr.decode(errors='replace').strip()}")
        with tarfile.open(tmp) as t:
            t.extractall(dest, filter="data")
        tmp.unlink()
    return dest, sha


def preflight(govlint: str, env: dict) -> None:
    """govlint must lint the small reports (exit 0 or 1) before anything is timed."""
    for f in (CORPUS / "report-5p.md", CORPUS / "report-5p.docx"):
        s, tail = run_once([govlint, str(f)], ROOT, env, 120)
        if s.rc not in (0, 1):
            sys.exit(f"bench: govlint does not work on {f.relative_to(ROOT)} (exit {s.rc}):\n{tail}\n"
                     "fix the tree, or measure a committed revision with --rev HEAD")


def machine(python: str) -> dict:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        mem = next(ln.split()[1] for ln in Path("/proc/meminfo").read_text().splitlines() if ln.startswith("MemTotal"))
        mem = f"{int(mem) / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration):
        mem = "?"
    pyv = sh([python, "-c", "import sys; print(sys.version.split()[0])"], timeout=60).stdout.strip()
    vers = sh([python, "-c", "import importlib.metadata as m\n"
                             "for p in ('govlint','python-docx','lxml','markdown-it-py','PyYAML'):\n"
                             "    print(p, m.version(p))"], timeout=60).stdout.split("\n")
    node = shutil.which("node")
    nodev = sh([node, "--version"], timeout=60).stdout.strip() if node else "absent"
    try:
        head = sh(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], timeout=60).stdout.strip()
        dirty = sh(["git", "-C", str(ROOT), "status", "--porcelain", "--", "lint", "rules"], timeout=60).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        head, dirty = "?", ""
    return {"nproc": os.cpu_count(), "affinity": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
            "cpu": cpu, "mem": mem, "python": pyv, "kernel": platform.release(), "node": nodev,
            "packages": ", ".join(v for v in vers if v), "git": head + (" + uncommitted changes in lint/ or rules/" if dirty else ""),
            "loadavg": " ".join(f"{x:.2f}" for x in os.getloadavg()),
            "date": dt.datetime.now().strftime("%Y-%m-%d %H:%M")}


# ------------------------------------------------------------------------------------------
# the table


def ms(x: float | None) -> str:
    return "–" if x is None else f"{x * 1000:,.0f}"


def mb(x: float | None) -> str:
    return "–" if x is None else f"{x:.0f}"


def ratio(a: float | None, b: float | None) -> str:
    return "–" if a is None or b is None or b == 0 else f"×{a / b:.2f}"


def render(cases: dict[str, Case], peers: dict[str, tuple[str | None, str]], info: dict, manifest: dict,
           args) -> tuple[str, list[dict]]:
    def cell_time(c: Case | None) -> str:
        if c is None:
            return "–"
        return f"failed: {c.error}" if c.error else ms(c.median)

    lines = ["| input | command | wall ms (median) | vs floor | CPU ms | peak RSS MB | others' load | runs |",
             "|---|---|--:|--:|--:|--:|--:|--:|"]

    def tail_cols(c: Case | None) -> str:
        if c is None or c.error:
            return "– | – |"
        runs = f"{len(c.samples)}" + (f" (+{c.discarded})" if c.discarded else "")
        return f"{c.others:.2f} | {runs} |"

    def row(inp: str, what: str, c: Case | None, floor: Case | None, note: str | None = None) -> None:
        if note is not None:
            lines.append(f"| {inp} | {what} | {note} | – | – | – | – | – |")
            return
        vs = ratio(c.median, floor.median) if c and floor and c is not floor else ("×1.00" if c is floor and c and not c.error else "–")
        lines.append(f"| {inp} | {what} | {cell_time(c)} | {vs} | {ms(c.cpu) if c else '–'} | "
                     f"{mb(c.rss_mb) if c else '–'} | {tail_cols(c)}")

    bare, version = cases["bare"], cases["version"]
    row("–", "`python -c pass` (bare interpreter)", bare, None)
    lines.append(f"| – | `govlint --version` | {cell_time(version)} | "
                 f"+{ms((version.median or 0) - (bare.median or 0))} ms over bare | {ms(version.cpu)} | {mb(version.rss_mb)} | "
                 f"{tail_cols(version)}")
    gw_path, gw_info = peers["gongwen"]
    tl_path, tl_info = peers["textlint"]
    for size in SIZES:
        for fmt in ("docx", "md"):
            inp = f"{size} .{fmt}"
            floor = cases[f"{size}.{fmt}/floor"]
            row(inp, "floor: python-docx, every paragraph and cell" if fmt == "docx" else "floor: markdown-it-py parse",
                floor, floor)
            row(inp, "**govlint**", cases[f"{size}.{fmt}/govlint"], floor)
            if fmt == "docx":
                k = f"{size}.docx/gongwen"
                if k in cases:
                    row(inp, "gongwen check -t report --json", cases[k], floor)
                else:
                    row(inp, "gongwen check", None, None, f"not available: {gw_info}")
            else:
                k = f"{size}.md/textlint"
                if k in cases:
                    row(inp, "textlint (prh + no-empty-section)", cases[k], floor)
                else:
                    row(inp, "textlint", None, None, f"not available: {tl_info}")
    # seeds: sums of per-file medians
    seeds = [s["name"] for s in manifest["seeds"]]
    if seeds:
        for fmt, floor_label in (("txt", "floor: markdown-it-py parse"), ("docx", "floor: python-docx, every paragraph and cell")):
            inp = f"{len(seeds)} seeds .{fmt} (sum)"

            def total(tool: str, fmt: str = fmt) -> Case | None:
                parts = [cases.get(f"seed:{n}.{fmt}/{tool}") for n in seeds]
                if any(p is None for p in parts):
                    return None
                agg = Case(f"seeds.{fmt}/{tool}", tool, [], 0)
                bad = [p.error for p in parts if p.error]
                if bad:
                    agg.error = bad[0]
                    return agg
                k = min(len(p.samples) for p in parts)
                wall = sum(p.median for p in parts)
                agg.samples = [Sample(wall, sum(p.cpu for p in parts), max(s.rss_kb for p in parts for s in p.samples), 0,
                                      sum(p.others * p.median for p in parts))] * k
                agg.discarded = sum(p.discarded for p in parts)
                return agg

            f = total("floor")
            row(inp, floor_label, f, f)
            row(inp, "**govlint**", total("govlint"), f)
            peer = total("gongwen" if fmt == "docx" else "textlint")
            if peer is not None:
                row(inp, "gongwen check" if fmt == "docx" else "textlint (prh + no-empty-section)", peer, f)
    j1, j2 = cases.get("batch/j1"), cases.get("batch/j2")
    nb = len(manifest["batch"])
    for c, label in ((j1, "**govlint --jobs 1**"), (j2, "**govlint --jobs 2**")):
        if c is None:
            continue
        tput = f"{nb / c.median:.1f} files/s" if c.median else "–"
        lines.append(f"| {nb} files (10p, ½ .docx ½ .md) | {label} | {cell_time(c)} | {tput} | {ms(c.cpu)} | "
                     f"{mb(c.rss_mb)} | {tail_cols(c)}")

    # targets
    def med(k: str) -> float | None:
        c = cases.get(k)
        return c.median if c else None

    targets: list[dict] = []

    def target(name: str, measured: float | None, limit: float, fmt: str, lower_is_better: bool = True,
               missing: str = "") -> None:
        if measured is None:
            targets.append({"target": name, "measured": missing or "not measured", "limit": fmt.format(limit), "met": None,
                            "lower": lower_is_better})
            return
        met = measured <= limit if lower_is_better else measured >= limit
        targets.append({"target": name, "measured": fmt.format(measured), "limit": fmt.format(limit), "met": met,
                        "value": measured, "bound": limit, "lower": lower_is_better})

    def div(a, b):
        return a / b if a is not None and b else None

    target("30p .docx: govlint / python-docx floor", div(med("30p.docx/govlint"), med("30p.docx/floor")), 1.0, "×{:.2f}")
    target("30p .md: govlint / markdown-it floor", div(med("30p.md/govlint"), med("30p.md/floor")), 1.5, "×{:.2f}")
    target("300p / 30p .docx (govlint)", div(med("300p.docx/govlint"), med("30p.docx/govlint")), 12, "×{:.2f}")
    target("300p / 30p .md (govlint)", div(med("300p.md/govlint"), med("30p.md/govlint")), 12, "×{:.2f}")
    rss = cases["300p.docx/govlint"].rss_mb
    target("peak RSS, 300p .docx (govlint)", rss, 200, "{:.0f} MB")
    dv = (med("version") - med("bare")) * 1000 if med("version") is not None and med("bare") is not None else None
    target("`govlint --version` − `python -c pass`", dv, 90, "{:.0f} ms")
    target("gongwen-skill / govlint, 30p .docx", div(med("30p.docx/gongwen"), med("30p.docx/govlint")), 10, "×{:.2f}",
           False, f"not available: {gw_info}" if not gw_path else "")
    target("textlint+prh / govlint, 30p .md", div(med("30p.md/textlint"), med("30p.md/govlint")), 2, "×{:.2f}",
           False, f"not available: {tl_info}" if not tl_path else "")
    target(f"throughput --jobs 2 / --jobs 1 ({nb} files)", div(med("batch/j1"), med("batch/j2")), 1.6, "×{:.2f}", False)
    tl = ["| target | measured | goal | met |", "|---|--:|--:|---|"]
    for t in targets:
        goal = ("≤ " if t.get("lower", True) else "≥ ") + t["limit"]
        if t["met"] is None:
            verdict = "– (not measured)"
        elif t["met"]:
            verdict = "✅ yes"
        else:
            v, b = t["value"], t["bound"]
            if not t["lower"]:
                verdict = f"❌ **no** ({v / b:.0%} of the goal)"
            elif t["limit"].startswith("×"):
                verdict = f"❌ **no** ({v / b:.1f}× the limit)"
            else:
                verdict = f"❌ **no** (+{v - b:.0f} {t['limit'].split()[-1]} over)"
        tl.append(f"| {t['target']} | {t['measured']} | {goal} | {verdict} |")
    out = []
    out.append(f"Run {info['date']} · `python bench/run.py {' '.join(args.argv)}`".rstrip())
    out.append("")
    out.append(f"Machine: {info['nproc']} CPUs (nproc; {info['affinity']} usable), {info['cpu']}, {info['mem']} RAM, "
               f"Linux {info['kernel']}, Python {info['python']}, node {info['node']}; load average (1, 5, 15 min) {info['loadavg']}.  ")
    out.append(f"Packages: {info['packages']}; gongwen-skill {gw_info if gw_path else '(absent)'}; "
               f"{tl_info if tl_path else 'textlint (absent)'}. Code measured: {info['tree']} (HEAD {info['git']}).  ")
    batch = "" if args.no_batch else f", {args.batch_runs} per batch command"
    out.append(f"Runs: {args.runs} per 5p/30p/seed command, {args.runs_large} per 300p command{batch}, "
               f"after one warm-up run each, round-robin. Wall clock and CPU (user+sys, children included) "
               f"are medians; peak RSS is the max over runs ({'GNU time %M' if GNU_TIME else 'wait4 ru_maxrss, includes the runner'}). "
               f"Seed rows add up the per-file medians; the batch rows' 'vs floor' column is throughput. "
               f"Others' load: median CPU cores used by other processes during a run (/proc/stat); a sample where "
               f"it exceeded {args.max_other_load} was measured again, up to {args.retries} times (+N in the runs column).")
    out.append("")
    out += lines
    out.append("")
    out += tl
    return "\n".join(out) + "\n", targets


# ------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--python", default=str(ROOT / ".venv" / "bin" / "python"),
                    help="the project interpreter (python-docx, markdown-it-py, govlint installed)")
    ap.add_argument("--govlint", help="the govlint script (default: next to --python)")
    ap.add_argument("--runs", type=int, default=7, help="runs per 5p/30p/seed command (default 7)")
    ap.add_argument("--runs-large", type=int, default=3, help="runs per 300p command (default 3)")
    ap.add_argument("--batch-runs", type=int, default=3, help="runs per --jobs command over the batch (default 3)")
    ap.add_argument("--no-peers", action="store_true", help="skip gongwen-skill and textlint")
    ap.add_argument("--no-install", action="store_true", help="do not install missing peers (pip / npm)")
    ap.add_argument("--no-batch", action="store_true", help="skip the --jobs measurements")
    ap.add_argument("--no-seeds", action="store_true", help="skip the seed documents")
    ap.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "corpus" / "seeds")
    ap.add_argument("--regen", action="store_true", help="regenerate bench/corpus even if it is up to date")
    ap.add_argument("--timeout", type=float, default=300, help="seconds before a single command is killed")
    ap.add_argument("--keep-env", action="store_true",
                    help="run children with the environment as is (no PYTHONPYCACHEPREFIX, keep PYTHONDONTWRITEBYTECODE)")
    ap.add_argument("--rev", help="measure this git revision's lint/, rules/, schemas/ (extracted under bench/out, "
                                   "put first on PYTHONPATH) instead of the working tree")
    ap.add_argument("--wait-idle", type=float, default=0, metavar="SECONDS",
                    help="before measuring, wait up to SECONDS for the 1-minute load average to drop below 0.5 "
                         "(other jobs on the box distort wall-clock times, --jobs 2 most of all)")
    ap.add_argument("--max-other-load", type=float, default=0.3, metavar="CORES",
                    help="re-measure a sample when other processes used more than CORES CPU cores on average "
                         "during it (from /proc/stat; default 0.3, 0 = keep every sample)")
    ap.add_argument("--retries", type=int, default=3, help="re-measurements per disturbed sample (default 3)")
    ap.add_argument("--update-readme", action="store_true", help=f"replace the block between {BEGIN} and {END} in bench/README.md")
    args = ap.parse_args(argv)
    args.argv = argv
    log = lambda msg: print(msg, file=sys.stderr, flush=True)  # noqa: E731

    python = args.python
    govlint = args.govlint or str(Path(python).with_name("govlint"))
    for exe, what in ((python, "--python"), (govlint, "--govlint")):
        if not Path(exe).exists():
            sys.exit(f"bench: {what} {exe} not found (create the venv: python3 -m venv .venv && .venv/bin/pip install -e .)")
    OUT.mkdir(exist_ok=True)
    env = child_env(args.keep_env)
    manifest = ensure_corpus(python, args.seeds, args.regen, log)
    tree = f"working tree of {ROOT}"
    if args.rev:
        dest, sha = snapshot(args.rev, log)
        env["PYTHONPATH"] = str(dest / "lint") + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
        tree = f"git {sha} (--rev {args.rev})"
    preflight(govlint, env)
    if args.no_seeds:
        manifest["seeds"] = []

    peers: dict[str, tuple[str | None, str]] = {"gongwen": (None, "--no-peers"), "textlint": (None, "--no-peers")}
    if not args.no_peers:
        peers["gongwen"] = setup_gongwen(not args.no_install, log)
        peers["textlint"] = setup_textlint(not args.no_install, log)
        for k, (p, why) in peers.items():
            log(f"peers: {k}: {'ok, ' + why if p else 'not available: ' + why}")
    gw, tl = peers["gongwen"][0], peers["textlint"][0]
    gw_env = dict(env, HOME=str(OUT / "gongwen-home"))  # gongwen-skill writes ~/.gongwen-skill/logs
    (OUT / "gongwen-home").mkdir(exist_ok=True)

    T = args.timeout
    gl = lambda *a: [govlint, "--no-color", *a]  # noqa: E731
    cases: list[Case] = [
        Case("bare", "python -c pass", [python, "-c", "pass"], args.runs, timeout=T),
        Case("version", "govlint --version", [govlint, "--version"], args.runs, timeout=T),
    ]
    for size in SIZES:
        n = args.runs_large if size == "300p" else args.runs
        d, m = str(CORPUS / f"report-{size}.docx"), str(CORPUS / f"report-{size}.md")
        cases += [
            Case(f"{size}.docx/floor", "floor", [python, str(BENCH / "floor_docx.py"), d], n, timeout=T),
            Case(f"{size}.docx/govlint", "govlint", gl(d), n, ok=(0, 1), timeout=T),
            Case(f"{size}.md/floor", "floor", [python, str(BENCH / "floor_md.py"), m], n, timeout=T),
            Case(f"{size}.md/govlint", "govlint", gl(m), n, ok=(0, 1), timeout=T),
        ]
        if gw:
            cases.append(Case(f"{size}.docx/gongwen", "gongwen", [gw, "check", d, "-t", "report", "--json"], n,
                              ok=(0, 1), env=gw_env, timeout=T))
        if tl:
            cases.append(Case(f"{size}.md/textlint", "textlint", [tl, "--config", str(BENCH / ".textlintrc"), m], n,
                              ok=(0, 1), cwd=BENCH, timeout=T))
    for s in manifest["seeds"]:
        t, d = str(CORPUS / "seeds" / f"{s['name']}.txt"), str(CORPUS / "seeds" / f"{s['name']}.docx")
        k = f"seed:{s['name']}"
        cases += [
            Case(f"{k}.txt/floor", "floor", [python, str(BENCH / "floor_md.py"), t], args.runs, timeout=T),
            Case(f"{k}.txt/govlint", "govlint", gl(t), args.runs, ok=(0, 1), timeout=T),
            Case(f"{k}.docx/floor", "floor", [python, str(BENCH / "floor_docx.py"), d], args.runs, timeout=T),
            Case(f"{k}.docx/govlint", "govlint", gl(d), args.runs, ok=(0, 1), timeout=T),
        ]
        if gw:
            cases.append(Case(f"{k}.docx/gongwen", "gongwen", [gw, "check", d, "-t", "report", "--json"], args.runs,
                              ok=(0, 1), env=gw_env, timeout=T))
        if tl:
            cases.append(Case(f"{k}.txt/textlint", "textlint", [tl, "--config", str(BENCH / ".textlintrc"), t],
                              args.runs, ok=(0, 1), cwd=BENCH, timeout=T))
    if not args.no_batch:
        bt = max(T, 1800)
        cases += [Case("batch/j1", "--jobs 1", gl("--jobs", "1", str(CORPUS / "batch")), args.batch_runs, ok=(0, 1), timeout=bt),
                  Case("batch/j2", "--jobs 2", gl("--jobs", "2", str(CORPUS / "batch")), args.batch_runs, ok=(0, 1), timeout=bt)]

    if args.wait_idle > 0:
        deadline = time.time() + args.wait_idle
        while os.getloadavg()[0] >= 0.5 and time.time() < deadline:
            log(f"waiting for an idle machine: load average {os.getloadavg()[0]:.2f}")
            time.sleep(30)
    load_start = " ".join(f"{x:.2f}" for x in os.getloadavg())
    log(f"measuring {len(cases)} commands (warm-up + up to {max(c.runs for c in cases)} rounds) …")
    t0 = time.perf_counter()
    measure(cases, env, log, args.max_other_load, args.retries)
    log(f"measured in {time.perf_counter() - t0:.0f} s")
    by_key = {c.key: c for c in cases}
    info = machine(python)
    info["tree"] = tree
    info["loadavg"] = f"{load_start} at start, {info['loadavg']} at the end"
    text, targets = render(by_key, peers, info, manifest, args)
    print(text)
    results = {"machine": info, "peers": {k: {"path": p, "info": i} for k, (p, i) in peers.items()},
               "corpus": {k: manifest[k] for k in ("reports", "seeds", "page_chars")},
               "cases": {c.key: {"cmd": c.cmd, "error": c.error, "median_s": c.median, "cpu_s": c.cpu, "rss_mb": c.rss_mb,
                                 "others_cores": c.others, "discarded": c.discarded,
                                 "walls_s": [s.wall for s in c.samples]} for c in cases},
               "targets": targets}
    (OUT / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    (OUT / "table.md").write_text(text, encoding="utf-8")
    log(f"wrote {(OUT / 'results.json').relative_to(ROOT)} and {(OUT / 'table.md').relative_to(ROOT)}")
    if args.update_readme:
        old = README.read_text(encoding="utf-8") if README.exists() else f"{BEGIN}\n{END}\n"
        if BEGIN not in old or END not in old:
            sys.exit(f"bench: {README} has no {BEGIN} … {END} block")
        new = re.sub(re.escape(BEGIN) + r".*?" + re.escape(END), lambda _: f"{BEGIN}\n{text}{END}", old, flags=re.S)
        README.write_text(new, encoding="utf-8")
        log(f"updated {README.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
