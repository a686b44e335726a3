"""Fuzz govlint's readers (and the whole pipeline behind them) with arbitrary and mutated input.

The property, for every target: reading and linting either works or raises `InputError` (the one
line a user sees, exit 2); any other exception is a bug. The number reader must never raise.

Targets (each a function of one `bytes` argument, shared by both drivers below):

    text       bytes → decode (UTF-8/BOM/UTF-16/GB18030) → text reader → outline → every rule
    markdown   bytes → decode → Markdown reader → outline → every rule
    docx       a real .docx (examples/good-2023.docx) with one of its XML parts mutated by the
               input (bytes flipped, inserted, deleted; document.xml, numbering.xml, styles.xml,
               the relationships, [Content_Types].xml…), or its zip bytes mutated / truncated
    docx-xml   word/document.xml replaced by the input itself
    numbers    find_numbers / parse_number / parse_cell on the input as text

Drivers:

    # coverage-guided, with atheris (pip install atheris; runs until stopped, or -runs=N):
    python fuzz/fuzz_readers.py docx -max_len=4096 -timeout=20 fuzz/corpus/docx
    # no atheris: Hypothesis in a long-running mode (hours, new seed each run):
    python fuzz/fuzz_readers.py docx --hypothesis --hours 2
    python fuzz/fuzz_readers.py all --hypothesis --examples 5000

A failing input is written to fuzz/crashes/TARGET-<sha1>.bin; `--replay FILE` runs one again.
The test suite runs a short Hypothesis pass over every target (tests/hostile/test_fuzz_short.py).
"""

from __future__ import annotations

import hashlib
import io
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "lint"))

from govlint.errors import InputError  # noqa: E402

SEED_DOCX = ROOT / "examples" / "good-2023.docx"
CRASHES = ROOT / "fuzz" / "crashes"
_STATE: dict = {}


def _packs():
    if "packs" not in _STATE:
        from govlint import packs

        _STATE["packs"] = packs.load()
    return _STATE["packs"]


def _lint(doc) -> None:
    """The pipeline behind a reader: outline, facts, every rule of the packs that apply."""
    from govlint import engine
    from govlint.analyze import analyze_document

    engine.lint(analyze_document(doc), _packs())


# --- targets -----------------------------------------------------------------------------------


def target_text(data: bytes) -> None:
    from govlint.readers import text
    from govlint.readers.textdecode import decode

    try:
        doc = text.read_text("fuzz.txt", decode("fuzz.txt", data))
    except InputError:
        return
    _lint(doc)


def target_markdown(data: bytes) -> None:
    from govlint.readers import markdown
    from govlint.readers.textdecode import decode

    try:
        doc = markdown.read_text("fuzz.md", decode("fuzz.md", data))
    except InputError:
        return
    _lint(doc)


def _seed_members() -> list[tuple[str, bytes]]:
    if "members" not in _STATE:
        with zipfile.ZipFile(SEED_DOCX) as zf:
            _STATE["members"] = [(i.filename, zf.read(i)) for i in zf.infolist()]
        _STATE["xml"] = [k for k, (n, _) in enumerate(_STATE["members"]) if n.endswith((".xml", ".rels"))]
    return _STATE["members"]


def _zip(members: list[tuple[str, bytes]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members:
            zf.writestr(name, data)
    return out.getvalue()


def _mutate(blob: bytes, ops: bytes) -> bytes:
    """Apply the edits that `ops` encodes (4 bytes each: op, position, value) to `blob`."""
    b = bytearray(blob)
    for k in range(0, len(ops) - 3, 4):
        op, pos, val = ops[k] % 5, int.from_bytes(ops[k + 1 : k + 3], "big"), ops[k + 3]
        pos = pos * max(len(b), 1) // 65536 if b else 0
        if op == 0 and b:
            b[pos] ^= 1 << (val % 8)  # flip a bit
        elif op == 1:
            b[pos:pos] = bytes([val])  # insert a byte
        elif op == 2 and b:
            del b[pos : pos + 1 + val % 16]  # delete a few bytes
        elif op == 3:
            b[pos:pos] = (b"<", b">", b"&", b"<!--", b"]]>", b'"', b"<w:p>", b"</w:p>", b"\x00", b"\xff")[val % 10]
        elif op == 4:
            del b[pos:]  # truncate
    return bytes(b)


def _read_docx_bytes(blob: bytes) -> None:
    from govlint import readers

    path = _STATE.setdefault("tmp", _tmpdir()) / "fuzz.docx"
    path.write_bytes(blob)
    try:
        doc = readers.read(path)
    except InputError:
        return
    _lint(doc)


def _tmpdir() -> Path:
    import tempfile

    return Path(tempfile.mkdtemp(prefix="govlint-fuzz-"))


def target_docx(data: bytes) -> None:
    members = list(_seed_members())
    if not data:
        return _read_docx_bytes(_zip(members))
    choice, ops = data[0], data[1:]
    if choice % 8 == 7:  # mutate the zip container itself
        return _read_docx_bytes(_mutate(_zip(members), ops))
    xml = _STATE["xml"]
    k = xml[choice % len(xml)]
    name, blob = members[k]
    members[k] = (name, _mutate(blob, ops))
    _read_docx_bytes(_zip(members))


def target_docx_xml(data: bytes) -> None:
    members = [(n, data if n == "word/document.xml" else b) for n, b in _seed_members()]
    _read_docx_bytes(_zip(members))


def target_numbers(data: bytes) -> None:
    from govlint.text.numbers import find_numbers, parse_cell, parse_number

    s = data.decode("utf-8", "replace")
    last = 0
    for n in find_numbers(s):
        assert 0 <= n.start < n.end <= len(s) and n.start >= last, (s, n)
        last = n.end
    parse_number(s)
    parse_cell(s)


# What the text strategies are made of: report vocabulary, numerals, Markdown and table syntax.
REPORT_CHARS = list("一二三四五六七八九十百千万亿零〇两0123456789.,，。、；：（）()%％|-—*#>`<!:\n\r\t \u3000"
                    "年月日件条人次个元项第部分章节表总计合其中本上下度公开申请政府信息报告情况") + ["\x00", "\ufeff"]
REPORT_WORDS = [
    "# ", "## ", "- ", "1. ", "> ", "```\n", "<!-- ", " -->", "<!--", "---\n", "| ", " | ", "|---|---|\n",
    "\n\n", "一、总体情况\n", "（一）主动公开\n", "2023年政府信息公开工作年度报告\n", "全年共收到申请12件，",
    "其中", "同比增长15.5%", "XX件", "2023年1月1日至2023年12月31日", "电话：0571-87654321", "合计",
    "本年新收政府信息公开申请数量 | 12 | 3 | 0\n", "govlint-disable-next-line GL502", "第二部分",
]

TARGETS = {
    "text": target_text,
    "markdown": target_markdown,
    "docx": target_docx,
    "docx-xml": target_docx_xml,
    "numbers": target_numbers,
}


def checked(name: str, data: bytes) -> None:
    """Run one input; on a failure save it to fuzz/crashes and re-raise."""
    try:
        TARGETS[name](data)
    except Exception:
        CRASHES.mkdir(parents=True, exist_ok=True)
        out = CRASHES / f"{name}-{hashlib.sha1(data).hexdigest()}.bin"
        out.write_bytes(data)
        print(f"fuzz: {name}: failing input saved to {out}", file=sys.stderr)
        raise


# --- drivers -------------------------------------------------------------------------------------


def hypothesis_property(name: str, examples: int, max_size: int = 4096, derandomize: bool = False):
    """A Hypothesis test running target `name` on `examples` inputs (no example database).
    `derandomize`: the same inputs on every run (the short run in the test suite must not turn
    red at random; the long runs look for new inputs)."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    strategy = st.binary(max_size=max_size)
    if name in ("text", "markdown", "numbers"):  # mostly text that decodes, some raw bytes
        words = st.sampled_from(REPORT_WORDS)
        chars = st.text(alphabet=REPORT_CHARS, max_size=40)
        text = st.lists(st.one_of(words, chars), max_size=60).map("".join)
        strategy = st.one_of(
            text.map(lambda t: t.encode("utf-8")),
            text.map(lambda t: t.encode("gb18030", "replace")),
            text.map(lambda t: t.encode("utf-16")),
            st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")),
            strategy,
        )

    @settings(max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck),
              print_blob=True, derandomize=derandomize)
    @given(strategy)
    def prop(data: bytes) -> None:
        checked(name, data)

    return prop


def run_hypothesis(names: list[str], examples: int | None, hours: float | None, seed: int | None = None) -> None:
    from hypothesis import seed as hseed

    deadline = time.monotonic() + hours * 3600 if hours else None
    rounds = 0
    while True:
        for name in names:
            prop = hypothesis_property(name, examples or 1000)
            if seed is not None:
                prop = hseed(seed + rounds)(prop)
            prop()
        rounds += 1
        if deadline is None or time.monotonic() > deadline:
            break
    print(f"fuzz: {', '.join(names)}: {rounds} round(s) of {examples or 1000} examples, no failure")


def run_atheris(name: str, argv: list[str]) -> None:
    import atheris

    # Import everything the target reaches (kinds are imported on first use), then instrument all
    # loaded code: coverage then guides through the readers, the outline and the rule kinds.
    _packs()
    for seed in (b"", (ROOT / "examples" / "bad-2023.md").read_bytes()):
        try:
            TARGETS[name](seed)
        except Exception:  # noqa: BLE001 - only warming up
            pass
    atheris.instrument_all()
    atheris.Setup([sys.argv[0], *argv], lambda data: checked(name, data))
    atheris.Fuzz()


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in (*TARGETS, "all"):
        print(__doc__)
        print("targets:", ", ".join(TARGETS), "or all (Hypothesis only)")
        return 2
    name, rest = argv[0], argv[1:]
    if "--replay" in rest:
        data = Path(rest[rest.index("--replay") + 1]).read_bytes()
        checked(name, data)
        print("fuzz: replay passed")
        return 0
    use_hypothesis = "--hypothesis" in rest or name == "all"
    if not use_hypothesis:
        try:
            import atheris  # noqa: F401
        except ImportError:
            print("fuzz: atheris is not installed; using Hypothesis (pip install atheris for coverage-guided fuzzing)",
                  file=sys.stderr)
            use_hypothesis = True
    if use_hypothesis:
        def opt(flag: str, cast):
            return cast(rest[rest.index(flag) + 1]) if flag in rest else None

        names = list(TARGETS) if name == "all" else [name]
        run_hypothesis(names, opt("--examples", int), opt("--hours", float), opt("--seed", int))
        return 0
    run_atheris(name, rest)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
