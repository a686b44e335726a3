"""Malformed and hostile inputs, one by one through the CLI in a subprocess.

Each case builds one input and states what must happen: refused (exit 2, one stderr line
`govlint: <path>: <reason>`) or linted (exit 0/1, nothing on stderr, sensible findings). Always:
no traceback, a few seconds at most, the input's bytes unchanged.
"""

from __future__ import annotations

import os
import shutil
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.fixtures.docxbuild import (
    build,
    forge_declared_size,
    gov_numbering,
    para,
    read_member,
    replace_members,
    write_zip,
)

from .conftest import GOOD_DOCX, GOOD_MD, assert_linted, assert_refused, digest, run_cli

MAX_SECONDS = 10  # per case; they take 0.3-2 s on a quiet machine
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
BAD_MD = GOOD_MD.parent / "bad-2023.md"

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>"""

EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"""


@dataclass
class Case:
    make: Callable[[Path], Path]
    refuse: tuple[str, ...] | None = None  # reason substrings; None = linted
    codes: tuple[int, ...] = (0, 1)
    notice: str | None = None  # a GL903 finding whose notice contains this
    check: Callable[[list[dict]], None] | None = None
    args: tuple[str, ...] = field(default_factory=tuple)


def _copy_docx(tmp: Path, name: str = "draft.docx") -> Path:
    p = tmp / name
    shutil.copyfile(GOOD_DOCX, p)
    return p


def _md(tmp: Path, name: str, data: bytes) -> Path:
    p = tmp / name
    p.write_bytes(data)
    return p


# --- DOCX ------------------------------------------------------------------------------------


def not_a_zip(tmp):
    return _md(tmp, "fake.docx", "这不是一个 Word 文件\n".encode() * 20)


def truncated_zip(tmp):
    p = _copy_docx(tmp)
    p.write_bytes(p.read_bytes()[: p.stat().st_size // 2])
    return p


def zip_without_document(tmp):
    return write_zip(tmp / "sheet.docx", {"[Content_Types].xml": "<Types/>", "_rels/.rels": "<Relationships/>",
                                         "xl/workbook.xml": "<workbook/>"})


def broken_package_rels(tmp):
    return replace_members(_copy_docx(tmp), {"_rels/.rels": b"<Relationships"})


def broken_document_rels(tmp):
    return replace_members(_copy_docx(tmp), {"word/_rels/document.xml.rels": b"\x00\x01garbage"})


def relationship_to_missing_part(tmp):
    return replace_members(_copy_docx(tmp), {"word/styles.xml": None})


class _RepeatDeflate:
    """A stand-in for zipfile's deflate compressor, for 1 MB chunks of zeros: the chunk is
    deflated once with a full flush (so its bytes stand alone and are the same every time) and
    repeated, then a final empty block closes the stream. zipfile computes CRC and sizes over the
    data written, so the member is a valid one that really inflates to its size."""

    chunk: bytes | None = None

    def __init__(self):
        if _RepeatDeflate.chunk is None:
            co = zlib.compressobj(9, zlib.DEFLATED, -15)
            _RepeatDeflate.chunk = co.compress(_ZEROS) + co.flush(zlib.Z_FULL_FLUSH)

    def compress(self, data: bytes) -> bytes:
        assert data == _ZEROS
        return self.chunk

    def flush(self, mode: int = zlib.Z_FINISH) -> bytes:
        return b"\x03\x00"  # a final, empty fixed-Huffman block


_ZEROS = b"\0" * (1 << 20)


def add_gigabyte_bomb(path: Path, name: str = "word/media/image1.bin") -> Path:
    """Append a member of 1 GB of zeros that deflates to ~1 MB, in well under a second
    (tests.fixtures.docxbuild.add_zip_bomb deflates for real: 1 GB takes ~6 s at level 9)."""
    original = zipfile._get_compressor
    zipfile._get_compressor = lambda *a, **k: _RepeatDeflate()
    try:
        with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as zf, zf.open(name, "w", force_zip64=True) as fh:
            for _ in range(1024):
                fh.write(_ZEROS)
    finally:
        zipfile._get_compressor = original
    return path


def zip_bomb(tmp):
    p = add_gigabyte_bomb(_copy_docx(tmp))
    assert p.stat().st_size < 1.5 * 1024 * 1024  # a ~1 MB file that inflates to 1 GB
    with zipfile.ZipFile(p) as zf:
        assert zf.getinfo("word/media/image1.bin").file_size == 1 << 30
    return p


def declared_total_too_large(tmp):
    p = _copy_docx(tmp)
    names = [f"customXml/item{i}.bin" for i in range(25)]
    replace_members(p, {n: b"x" * 64 for n in names})
    for n in names:
        forge_declared_size(p, n, 9 * 1024 * 1024)
    return p


def too_many_entries(tmp):
    return replace_members(_copy_docx(tmp), {f"customXml/x{i}.bin": b"" for i in range(2001)})


def billion_laughs(tmp):
    return replace_members(_copy_docx(tmp), {"word/document.xml": BILLION_LAUGHS})


def external_entity(tmp):
    return replace_members(_copy_docx(tmp), {"word/document.xml": EXTERNAL_ENTITY})


def entity_in_styles(tmp):
    return replace_members(_copy_docx(tmp), {"word/styles.xml": BILLION_LAUGHS})


def broken_document_xml(tmp):
    xml = read_member(_copy_docx(tmp), "word/document.xml")
    return replace_members(tmp / "draft.docx", {"word/document.xml": xml[: len(xml) // 2]})


def crc_error(tmp):
    p = build(tmp / "crc.docx", [("p", "正文" * 50)])
    members = {}
    with zipfile.ZipFile(p) as zf:
        for name in zf.namelist():
            members[name] = zf.read(name)
    write_zip(p, members, compression=zipfile.ZIP_STORED)
    data = bytearray(p.read_bytes())
    data[data.find("正文正文".encode())] ^= 0x01
    p.write_bytes(bytes(data))
    return p


def xml_too_deep(tmp):
    p = build(tmp / "deep.docx", [("p", "标题")])
    xml = read_member(p, "word/document.xml").decode()
    n = 5000
    deep = "<w:sdt><w:sdtContent>" * n + "<w:p><w:r><w:t>深</w:t></w:r></w:p>" + "</w:sdtContent></w:sdt>" * n
    return replace_members(p, {"word/document.xml": xml.replace("<w:body>", "<w:body>" + deep, 1)})


def broken_numbering(tmp):
    return build(tmp / "num.docx",
                 [("xml", para("总体情况", style="Heading1", num=(1, 0))), ("p", "正文")],
                 numbering=gov_numbering().replace("</w:numbering>", "<w:num"))


def broken_styles(tmp):
    return replace_members(_copy_docx(tmp), {"word/styles.xml": b"<w:styles xmlns:w='x'><w:style>"})


def huge_grid_span(tmp):
    p = build(tmp / "span.docx", [("p", "标题"), ("table", [["a", "b"], ["c", "d"]], [(1, 1, 1, 2)])])
    xml = read_member(p, "word/document.xml").decode()
    assert '<w:gridSpan w:val="2"/>' in xml
    return replace_members(p, {"word/document.xml": xml.replace('<w:gridSpan w:val="2"/>',
                                                                '<w:gridSpan w:val="2000000000"/>')})


def ole_docx(tmp):
    return _md(tmp, "encrypted.docx", OLE + os.urandom(4096))


def ole_doc(tmp):
    return _md(tmp, "legacy.doc", OLE + os.urandom(4096))


def directory_named_docx(tmp):
    d = tmp / "x.docx"
    d.mkdir()
    (d / "word").mkdir()
    return d


# --- text ------------------------------------------------------------------------------------


def invalid_utf8(tmp):
    data = GOOD_MD.read_bytes()
    return _md(tmp, "broken.md", data[:300] + b"\xff\xfe\xfd" + data[300:])


def binary_junk(tmp):
    return _md(tmp, "junk.md", bytes(range(256)) * 64 + os.urandom(4096))


def empty_file(tmp):
    return _md(tmp, "empty.md", b"")


def whitespace_only(tmp):
    return _md(tmp, "blank.md", b"  \n\t\n\r\n\xe3\x80\x80\n")


def unsupported_type(tmp):
    return _md(tmp, "report.pdf", b"%PDF-1.4\n")


def nul_bytes(tmp):
    return _md(tmp, "nul.md", BAD_MD.read_bytes().replace("。".encode(), "。\x00".encode()))


def wide_table(tmp):
    n = 3000  # facts/tables.py is quadratic in the columns: 5000 take ~5 s
    src = "|" + "|".join(f"列{i}" for i in range(n)) + "|\n|" + "-|" * n + "\n|" + "|".join("1" * n) + "|\n"
    return _md(tmp, "wide.md", GOOD_MD.read_bytes() + b"\n" + src.encode())


def deep_list(tmp):
    return _md(tmp, "deep-list.md", GOOD_MD.read_bytes() + b"\n" + b"- " * 5000 + "深\n".encode())


def deep_quote(tmp):
    return _md(tmp, "deep-quote.md", GOOD_MD.read_bytes() + b"\n" + b"> " * 5000 + "深\n".encode())


def nested_list_lines(tmp):
    lines = "".join("  " * i + "- 项\n" for i in range(3000))
    return _md(tmp, "nested.md", GOOD_MD.read_bytes() + b"\n" + lines.encode())


def grid_bomb_md(tmp):
    n = 20000
    return _md(tmp, "grid.md", ("|" + "|".join(["信息内容"] * n) + "|\n" + "|b|\n" * n).encode())


def unclosed_comment(tmp):
    return _md(tmp, "comment.md", GOOD_MD.read_bytes() + "\n<!-- 未闭合的注释\n\n尾段。\n".encode())


def bad_front_matter(tmp):
    return _md(tmp, "front.md", b"---\ntitle: [unclosed\n---\n" + GOOD_MD.read_bytes())


def yaml_bomb_front_matter(tmp):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    return _md(tmp, "laughs.md", ("---\n" + "\n".join(lines) + "\n---\n").encode() + GOOD_MD.read_bytes())


def huge_line(tmp):
    return _md(tmp, "long-line.md", GOOD_MD.read_bytes() + b"\n" + "文字内容，".encode() * 70_000 + b"\n")


# --- paths -----------------------------------------------------------------------------------


def broken_symlink(tmp):
    p = tmp / "gone.md"
    p.symlink_to(tmp / "nowhere.md")
    return p


def symlink_loop(tmp):
    a, b = tmp / "a.md", tmp / "b.md"
    a.symlink_to(b)
    b.symlink_to(a)
    return a


def missing_file(tmp):
    return tmp / "missing.md"


def dir_with_loop(tmp):
    d = tmp / "drafts"
    (d / "sub").mkdir(parents=True)
    shutil.copyfile(GOOD_MD, d / "sub" / "good.md")
    (d / "sub" / "up").symlink_to("..")  # a directory loop: drafts/sub/up/sub/up/...
    (d / "self").symlink_to(".")
    return d


def _codes(*c):
    return c


def _has_no_findings(diags):
    assert diags == []


CASES: dict[str, Case] = {
    # DOCX
    "docx-not-a-zip": Case(not_a_zip, ("not a .docx file", "not a zip archive")),
    "docx-truncated": Case(truncated_zip, ("truncated or corrupt",)),
    "docx-no-document-xml": Case(zip_without_document, ("no word/document.xml",)),
    "docx-broken-package-rels": Case(broken_package_rels, ("broken relationships part _rels/.rels",)),
    "docx-broken-document-rels": Case(broken_document_rels, ("word/_rels/document.xml.rels",)),
    "docx-missing-part": Case(relationship_to_missing_part, ("missing part word/styles.xml",)),
    "docx-zip-bomb-1gb": Case(zip_bomb, ("zip bomb", "1024 MB")),
    "docx-declared-total": Case(declared_total_too_large, ("inflates to", "limit 200 MB")),
    "docx-too-many-entries": Case(too_many_entries, ("zip entries", "limit 2000")),
    "docx-billion-laughs": Case(billion_laughs, ("word/document.xml declares a DOCTYPE",)),
    "docx-external-entity": Case(external_entity, ("word/document.xml declares a DOCTYPE",)),
    "docx-entity-in-styles": Case(entity_in_styles, ("word/styles.xml declares a DOCTYPE",)),
    "docx-document-xml-cut": Case(broken_document_xml, ("word/document.xml is not well-formed",)),
    "docx-crc-error": Case(crc_error, ("corrupt .docx", "CRC")),
    "docx-xml-too-deep": Case(xml_too_deep, ("word/document.xml is not well-formed", "depth")),
    "docx-broken-numbering": Case(broken_numbering, notice="numbering.xml is broken"),
    "docx-broken-styles": Case(broken_styles, notice="styles.xml is broken"),
    "docx-huge-grid-span": Case(huge_grid_span, notice="too large: only its first"),
    "docx-ole-encrypted": Case(ole_docx, ("OLE compound file", "password")),
    "doc-ole-legacy": Case(ole_doc, ("legacy Word .doc",)),
    "docx-directory": Case(directory_named_docx, ("is a directory",)),
    # text
    "text-invalid-utf8": Case(invalid_utf8, ("neither UTF-8", "offset 300")),
    "text-binary-junk": Case(binary_junk, ("binary data",)),
    "text-empty": Case(empty_file, ("empty file",)),
    "text-whitespace-only": Case(whitespace_only, codes=(0,)),
    "text-unsupported-type": Case(unsupported_type, ("unsupported file type '.pdf'",)),
    "text-nul-bytes": Case(nul_bytes, codes=(1,)),
    "md-table-3000-columns": Case(wide_table, codes=(0, 1)),
    "md-list-5000-deep": Case(deep_list, notice="nested too deeply"),
    "md-quote-5000-deep": Case(deep_quote, notice="nested too deeply"),
    "md-list-3000-levels": Case(nested_list_lines, codes=(0, 1)),
    "md-grid-bomb": Case(grid_bomb_md, notice="too large: only its first"),
    "md-unclosed-comment": Case(unclosed_comment, notice="never closed"),
    "md-bad-front-matter": Case(bad_front_matter, notice="front matter is not valid YAML"),
    "md-yaml-bomb-front-matter": Case(yaml_bomb_front_matter, codes=(0, 1)),
    "md-one-1mb-line": Case(huge_line, codes=(0, 1)),
    # paths
    "path-broken-symlink": Case(broken_symlink, ("broken symbolic link",)),
    "path-symlink-loop": Case(symlink_loop, ("symbolic link loop",)),
    "path-missing": Case(missing_file, ("no such file or directory",)),
    "path-dir-with-loops": Case(dir_with_loop, codes=(0,), check=_has_no_findings),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_input(tmp_path, name):
    case = CASES[name]
    path = case.make(tmp_path)
    before = digest(path)
    listing = sorted(os.listdir(tmp_path))
    proc = run_cli("-f", "json", "--no-config", *case.args, str(path))
    assert "Traceback" not in proc.stderr
    assert proc.elapsed < MAX_SECONDS, f"{name} took {proc.elapsed:.1f} s"
    if case.refuse is not None:
        assert_refused(proc, path, *case.refuse)
        assert proc.stdout.strip() in ("", "[]")
    else:
        diags = assert_linted(proc, case.codes)
        if case.notice:
            notices = [d["values"]["notice"] for d in diags if d["rule"] == "GL903"]
            assert any(case.notice in n for n in notices), notices
        if case.check:
            case.check(diags)
    assert digest(path) == before, "the input was modified"
    assert sorted(os.listdir(tmp_path)) == listing, "a file was created next to the input"


def test_there_are_at_least_25_hostile_inputs():
    assert len(CASES) >= 25


def test_zip_bomb_is_refused_without_inflating_it(tmp_path, monkeypatch):
    import zipfile

    from govlint import readers
    from govlint.errors import InputError

    p = zip_bomb(tmp_path)
    inflated = [0]
    orig = zipfile.ZipExtFile.read

    def counting(self, *args, **kwargs):
        data = orig(self, *args, **kwargs)
        inflated[0] += len(data)
        return data

    monkeypatch.setattr(zipfile.ZipExtFile, "read", counting)
    with pytest.raises(InputError, match="zip bomb"):
        readers.read(p)
    assert inflated[0] < 1024 * 1024  # refused from the zip directory, not by inflating it


@pytest.fixture(scope="module")
def utf8_findings():
    return assert_linted(run_cli("-f", "json", "--no-config", str(BAD_MD)))


@pytest.mark.parametrize("encode", [
    pytest.param(lambda t: t.encode("gb18030"), id="gbk"),
    pytest.param(lambda t: t.encode("utf-16"), id="utf16-bom"),
    pytest.param(lambda t: b"\xef\xbb\xbf" + t.encode(), id="utf8-bom"),
    pytest.param(lambda t: t.replace("\n", "\r\n").encode(), id="crlf"),
    pytest.param(lambda t: t.replace("\n", "\r").encode(), id="cr"),
])
def test_encodings_give_the_same_findings_as_utf8(tmp_path, encode, utf8_findings):
    text = BAD_MD.read_text(encoding="utf-8")
    other = _md(tmp_path, "other.md", encode(text))
    want = utf8_findings
    got = assert_linted(run_cli("-f", "json", "--no-config", str(other)))
    assert want, "bad-2023.md has findings"

    def key(d):
        return d["rule"], d["message"], d["line"], d["column"], d["location"]

    assert [key(d) for d in got] == [key(d) for d in want]


def test_nul_bytes_give_the_same_findings_as_without(tmp_path, utf8_findings):
    clean = utf8_findings
    dirty = assert_linted(run_cli("-f", "json", "--no-config", str(nul_bytes(tmp_path))))
    assert [(d["rule"], d["line"]) for d in dirty] == [(d["rule"], d["line"]) for d in clean]


def test_unreadable_file(tmp_path):
    p = shutil.copyfile(GOOD_MD, tmp_path / "secret.md")
    p.chmod(0)
    try:
        proc = run_cli("-f", "json", str(p))
        if os.geteuid() == 0:
            # root reads a mode-000 file anyway: it is simply linted (the refusal can't be tested)
            assert_linted(proc, (0,))
        else:
            assert_refused(proc, p, "permission denied")
    finally:
        p.chmod(0o644)


def test_unreadable_directory_in_a_walk(tmp_path):
    d = tmp_path / "drafts"
    (d / "locked").mkdir(parents=True)
    shutil.copyfile(GOOD_MD, d / "ok.md")
    shutil.copyfile(GOOD_MD, d / "locked" / "hidden.md")
    (d / "locked").chmod(0)
    try:
        proc = run_cli("-f", "json", str(d))
        if os.geteuid() == 0:
            assert_linted(proc, (0,))  # root can list it: both files are linted
        else:
            assert_refused(proc, d / "locked", "cannot read directory")
    finally:
        (d / "locked").chmod(0o755)


def test_debug_shows_the_traceback_of_an_internal_error(tmp_path, monkeypatch):
    """An internal error is one line without --debug; --debug re-raises it."""
    from govlint import cli, engine

    def boom(*a, **k):
        raise RuntimeError("kaputt")

    monkeypatch.setattr(engine, "lint", boom)
    good = shutil.copyfile(GOOD_MD, tmp_path / "a.md")
    other = shutil.copyfile(GOOD_MD, tmp_path / "b.md")
    assert cli.main(["-q", str(good), str(other)]) == 2
    with pytest.raises(RuntimeError):
        cli.main(["-q", "--debug", str(good)])
