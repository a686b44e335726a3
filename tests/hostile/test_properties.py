"""Hypothesis property tests: the number reader, the three readers and the CLI on arbitrary or
mutated input. The property: a Document or an InputError (one line), never another exception;
through the CLI: exit 0, 1 or 2 and no traceback."""

from __future__ import annotations

import contextlib
import io
import shutil
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from govlint.document import Document, Paragraph
from govlint.errors import InputError
from govlint.readers import markdown, text
from govlint.readers.textdecode import decode
from govlint.text.numbers import find_numbers, parse_cell, parse_number

from .conftest import GOOD_DOCX

FAST = settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
SLOW = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))

NUMERALS = st.sampled_from(list("0123456789一二三四五六七八九十百千万亿零〇两.,，%％年月日件条人次余多约近第点-—/、 ")
                           + ["百分之", "个百分点", "万元", "同比增长", "其中", "XX", "2023年", "十一", "一百零五"])
NUMBER_TEXT = st.lists(st.one_of(NUMERALS, st.text(max_size=3)), max_size=40).map("".join)
MD_ALPHABET = st.sampled_from(list("ab 中文一二|-*#>`<!-:1.)\n\t\r\u3000\\[]_=+\x00\ufeff") + ["<!--", "-->", "---\n", "| "])
MD_TEXT = st.lists(MD_ALPHABET, max_size=120).map("".join)


# --- numbers -----------------------------------------------------------------------------------


@FAST
@given(st.one_of(NUMBER_TEXT, st.text(max_size=60)))
@example("一" * 5000)
@example("1" * 5000 + "件")
@example("百分之2023年")  # found by this test: figures overlapping the year after them
@example("0.2023年")
def test_find_numbers_never_raises_and_spans_are_ordered(s):
    last = 0
    for n in find_numbers(s):
        assert 0 <= n.start < n.end <= len(s)
        assert n.start >= last
        assert isinstance(n.value, Decimal)
        last = n.end
    v = parse_number(s)
    assert v is None or isinstance(v, Decimal)
    assert parse_cell(s).kind in ("number", "blank", "zero-marker", "text")


@FAST
@given(st.integers(min_value=0, max_value=10**7 - 1))  # longer digit runs may be phone numbers
def test_arabic_numbers_read_back(n):
    assert parse_number(str(n)) == n
    assert [x.value for x in find_numbers(f"共{n}件。")] == [n]


# --- text decoding and the text readers ----------------------------------------------------------


@FAST
@given(st.binary(max_size=2000))
@example(b"\xff\xfe" + "中".encode("utf-16-le") + b"\x00")
@example(b"\xef\xbb\xbf\xff")
def test_decode_gives_text_or_input_error(data):
    try:
        s = decode("x.md", data)
    except InputError as e:
        assert "\n" not in str(e) and str(e).startswith("x.md: ")
        return
    assert isinstance(s, str) and "\r" not in s


def _check_positions(doc: Document, src: str) -> None:
    lines = src.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "\ufffd").split("\n")
    for b in doc.blocks:
        if isinstance(b, Paragraph) and b.source.line is not None:
            for k, ch in enumerate(b.text):
                if ch == "\n":
                    continue
                line, col = b.position(k)
                assert 1 <= line <= len(lines) and 1 <= col <= len(lines[line - 1]) + 1


@FAST
@given(MD_TEXT)
def test_markdown_reader_gives_a_document_or_input_error(src):
    try:
        doc = markdown.read_text("x.md", src)
    except InputError:
        return
    assert doc.format == "markdown"
    _check_positions(doc, src)


@FAST
@given(MD_TEXT)
def test_text_reader_gives_a_document_or_input_error(src):
    try:
        doc = text.read_text("x.txt", src)
    except InputError:
        return
    assert doc.format == "text"
    _check_positions(doc, src)


def test_markdown_fallback_reads_headings_like_markdown():
    src = "# 标题\n\n## 一、总体情况 ##\n\n正文\n\n|a|b|\n|1|2|\n"
    full = markdown.read_text("x.md", src)
    old = markdown.MAX_PARSED_CHARS
    markdown.MAX_PARSED_CHARS = 10
    try:
        plain = markdown.read_text("x.md", src)
    finally:
        markdown.MAX_PARSED_CHARS = old
    assert any("too large to parse" in n for n in plain.notices)

    def shape(doc):
        return [(type(b).__name__, getattr(b, "text", None), getattr(b, "heading_level", None),
                 b.source.line, b.source.column) for b in doc.blocks]

    assert shape(plain) == shape(full)


# --- mutated .docx ---------------------------------------------------------------------------------


def _members() -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(GOOD_DOCX) as zf:
        return [(i.filename, zf.read(i)) for i in zf.infolist()]


MEMBERS = _members()
XML_PARTS = [n for n, _ in MEMBERS if n.endswith((".xml", ".rels"))]


def _write(path: Path, members: list[tuple[str, bytes]]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members:
            zf.writestr(name, data)
    return path


def _read_docx(path: Path) -> Document | None:
    from govlint import readers

    try:
        return readers.read(path)
    except InputError as e:
        assert "\n" not in str(e) and str(e).startswith(f"{path}: ")
        return None


@SLOW
@given(st.sampled_from(["word/document.xml", "word/numbering.xml", "word/styles.xml", *XML_PARTS]),
       st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 7)), min_size=1, max_size=8))
def test_bit_flips_in_an_xml_part(tmp_path_factory, part, flips):
    assume(part in dict(MEMBERS))
    members = []
    for name, data in MEMBERS:
        if name == part:
            b = bytearray(data)
            for where, bit in flips:
                b[int(where * len(b))] ^= 1 << bit
            data = bytes(b)
        members.append((name, data))
    _read_docx(_write(tmp_path_factory.mktemp("flip") / "draft.docx", members))


@SLOW
@given(st.sampled_from(XML_PARTS), st.floats(0, 1))
def test_truncated_xml_part(tmp_path_factory, part, keep):
    members = [(n, d[: int(len(d) * keep)] if n == part else d) for n, d in MEMBERS]
    _read_docx(_write(tmp_path_factory.mktemp("cut") / "draft.docx", members))


@SLOW
@given(st.floats(0, 1, exclude_max=True), st.binary(min_size=1, max_size=8))
@example(0.98828125, b"\n")  # found by this test: a newline in a member name made a two-line reason
def test_truncated_or_overwritten_zip(tmp_path_factory, where, junk):
    data = GOOD_DOCX.read_bytes()
    at = int(where * len(data))
    d = tmp_path_factory.mktemp("zip")
    (d / "cut.docx").write_bytes(data[:at])
    (d / "junk.docx").write_bytes(data[:at] + junk + data[at + len(junk):])
    _read_docx(d / "cut.docx")
    _read_docx(d / "junk.docx")


# --- through the CLI (in process; the subprocess cases are in test_inputs) -------------------------


def _main(*args: str) -> tuple[int, str]:
    from govlint import cli

    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = cli.main(list(args))
    return code, err.getvalue()


@SLOW
@given(st.sampled_from(["x.md", "x.txt", "x.docx", "x.markdown"]),
       st.one_of(st.binary(max_size=3000), MD_TEXT.map(lambda s: s.encode("utf-8")),
                 st.just(GOOD_DOCX.read_bytes()[:20000])))
def test_cli_exit_code_and_no_traceback(tmp_path_factory, name, data):
    p = tmp_path_factory.mktemp("cli") / name
    p.write_bytes(data)
    code, err = _main("-f", "json", "--no-config", str(p))
    assert code in (0, 1, 2)
    assert "Traceback" not in err and "internal error" not in err, err
    if code == 2:
        (line,) = err.splitlines()
        assert line.startswith(f"govlint: {p}: ")
    else:
        assert err == ""


@pytest.mark.parametrize("part", ["word/numbering.xml", "word/styles.xml"])
def test_broken_optional_part_is_a_gl903_notice(tmp_path, part):
    members = [(n, d[: len(d) // 2] if n == part else d) for n, d in MEMBERS]
    p = _write(tmp_path / "draft.docx", members)
    shutil.copystat(GOOD_DOCX, p)
    code, err = _main("-f", "json", "--no-config", "--select", "GL903", str(p))
    assert (code, err) == (0, "")
    doc = _read_docx(p)
    assert doc is not None and doc.notices == [f"{part.split('/')[-1]} is broken: "
                                               + ("auto-numbering labels not read" if "numbering" in part
                                                  else "heading styles and style names not read")]
