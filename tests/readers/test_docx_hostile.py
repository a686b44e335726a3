"""Hostile and broken .docx files: refused with a one-line InputError, input never written."""

from __future__ import annotations

import hashlib
import sys
import zipfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the repo root: tests.fixtures

from govlint.errors import InputError  # noqa: E402
from govlint.readers import docx as reader  # noqa: E402
from govlint.readers import docx_safety  # noqa: E402
from tests.fixtures.docxbuild import (  # noqa: E402
    add_zip_bomb,
    build,
    forge_declared_size,
    gov_numbering,
    para,
    read_member,
    replace_members,
    write_zip,
)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def refuse(path: Path, *substrings: str) -> InputError:
    """Read `path`, expect InputError with each substring, and the file bytes unchanged."""
    before = digest(path)
    with pytest.raises(InputError) as info:
        reader.read(str(path))
    err = info.value
    message = str(err)
    assert "\n" not in message
    assert message.startswith(f"{path}: ")
    for s in substrings:
        assert s in message
    assert digest(path) == before
    return err


@pytest.fixture()
def good(tmp_path) -> Path:
    return build(tmp_path / "good.docx", [("h1", "一、总体情况"), ("p", "正文")])


def test_not_a_zip(tmp_path):
    p = tmp_path / "fake.docx"
    p.write_bytes("这不是一个 Word 文件\n".encode() * 10)
    refuse(p, "not a valid .docx", "not a zip archive")


def test_truncated_zip(good):
    data = good.read_bytes()
    good.write_bytes(data[: len(data) // 2])
    refuse(good, "truncated or corrupt")


def test_zip_without_word_document(tmp_path):
    p = write_zip(
        tmp_path / "sheet.docx",
        {
            "[Content_Types].xml": "<Types/>",
            "_rels/.rels": "<Relationships/>",
            "xl/workbook.xml": "<workbook/>",
        },
    )
    refuse(p, "no word/document.xml")


def test_zip_without_content_types(good):
    replace_members(good, {"[Content_Types].xml": None})
    refuse(good, "no [Content_Types].xml")


def test_crc_error_in_a_member(tmp_path):
    p = build(tmp_path / "crc.docx", [("p", "正文" * 50)])
    members = {}
    with zipfile.ZipFile(p) as zf:
        for name in zf.namelist():
            members[name] = zf.read(name)
    write_zip(p, members, compression=zipfile.ZIP_STORED)
    data = bytearray(p.read_bytes())
    at = data.find("正文正文".encode())  # inside the stored word/document.xml
    data[at] ^= 0x01
    p.write_bytes(bytes(data))
    refuse(p, "corrupt .docx", "CRC")


def test_zip_bomb_is_refused_without_inflating(good, monkeypatch):
    add_zip_bomb(good, size=210 * 1024 * 1024)
    assert good.stat().st_size < 2 * 1024 * 1024
    count = inflated(monkeypatch)
    refuse(good, "zip bomb", "word/media/image1.bin", "210 MB")
    assert count[0] < 1024 * 1024  # the bomb is refused from the zip directory, not by inflating it


def inflated(monkeypatch) -> list[int]:
    """Counts the bytes govlint inflates from any zip member (one-element list, updated live)."""
    total = [0]
    for name in ("read", "read1"):
        orig = getattr(zipfile.ZipExtFile, name)

        def counting(self, *args, _orig=orig, **kwargs):
            data = _orig(self, *args, **kwargs)
            total[0] += len(data)
            return data

        monkeypatch.setattr(zipfile.ZipExtFile, name, counting)
    return total


def test_small_high_ratio_member_over_10_mb_is_a_bomb(good):
    add_zip_bomb(good, size=11 * 1024 * 1024, name="word/media/image2.png")
    refuse(good, "zip bomb", "image2.png")


def test_declared_total_over_200_mb_is_refused(good):
    names = [f"customXml/item{i}.bin" for i in range(25)]
    replace_members(good, {n: b"x" * 64 for n in names})
    for n in names:
        forge_declared_size(good, n, 9 * 1024 * 1024)  # 9 MB each: under the per-member bomb size
    refuse(good, "refused: the .docx inflates to 22", "MB (limit 200 MB)")


def test_member_lying_about_its_size_cannot_inflate_past_it(good):
    # A member that declares 10 bytes but holds more is cut at 10 bytes and fails its CRC.
    forge_declared_size(good, "word/document.xml", 10)
    refuse(good, "corrupt .docx")


def test_too_many_entries(good):
    replace_members(good, {f"customXml/x{i}.bin": b"" for i in range(docx_safety.MAX_ENTRIES)})
    refuse(good, "zip entries", "limit 2000")


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>"""

EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!-- a comment first, with a <w:fake> tag in it -->
<!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"""


@pytest.mark.parametrize("xml", [BILLION_LAUGHS, EXTERNAL_ENTITY], ids=["billion-laughs", "external-entity"])
def test_doctype_with_entities_in_document_xml(good, xml):
    replace_members(good, {"word/document.xml": xml})
    refuse(good, "word/document.xml declares a DOCTYPE")


def test_doctype_in_utf16_part(good):
    replace_members(
        good,
        {"word/styles.xml": BILLION_LAUGHS.replace('"1.0"?', '"1.0" encoding="UTF-16"?').encode("utf-16")},
    )
    refuse(good, "word/styles.xml declares a DOCTYPE")


def test_broken_document_xml(good):
    replace_members(good, {"word/document.xml": b"<w:document><w:body><w:p>"})
    refuse(good, "corrupt .docx", "word/document.xml is not well-formed XML")


def test_broken_relationships_part(good):
    replace_members(good, {"word/_rels/document.xml.rels": b"<Relationships"})
    refuse(good, "broken relationships part word/_rels/document.xml.rels")


def test_relationship_to_a_missing_part(good):
    replace_members(good, {"word/styles.xml": None})
    refuse(good, "relationship points to the missing part word/styles.xml")


def test_no_main_document_relationship(good):
    rels = read_member(good, "_rels/.rels").decode()
    replace_members(good, {"_rels/.rels": rels.replace('/officeDocument"', '/notTheDocument"')})
    refuse(good, "corrupt .docx")


def test_broken_numbering_xml_reads_the_document_with_a_notice(tmp_path):
    p = build(
        tmp_path / "num.docx",
        [("xml", para("总体情况", style="Heading1", num=(1, 0))), ("p", "正文")],
        numbering=gov_numbering().replace("</w:numbering>", "<w:num"),
    )
    before = digest(p)
    doc = reader.read(str(p))
    assert [(b.text, b.heading_level, b.auto_label) for b in doc.blocks] == [
        ("总体情况", 1, None),
        ("正文", None, None),
    ]
    assert doc.notices == ["numbering.xml is broken: auto-numbering labels not read"]
    assert digest(p) == before


def test_broken_styles_xml_reads_the_document_with_a_notice(good):
    replace_members(good, {"word/styles.xml": b"<w:styles xmlns:w='x'><w:style>"})
    doc = reader.read(str(good))
    assert [(b.text, b.heading_level, b.style) for b in doc.blocks] == [
        ("一、总体情况", None, None),
        ("正文", None, None),
    ]
    assert doc.notices == ["styles.xml is broken: heading styles and style names not read"]


def test_broken_footnotes_and_header_are_notices(tmp_path):
    p = build(tmp_path / "f.docx", [("p", "正文")], headers=["页眉"], footnotes=["注"])
    replace_members(p, {"word/footnotes.xml": b"<w:footnotes", "word/header1.xml": b"<w:hdr"})
    doc = reader.read(str(p))
    assert [b.text for b in doc.blocks] == ["正文"]
    assert doc.extras == []
    assert sorted(doc.notices) == [
        "footnotes.xml is broken: footnotes not read",
        "header1.xml is broken: header text not read",
    ]


def test_the_reader_parsers_do_not_resolve_entities():
    """The second line of defence behind the DOCTYPE check (see docx_safety's docstring)."""
    from lxml import etree

    from govlint.readers.docx_numbering import safe_parser

    for p in (safe_parser(), safe_parser(remove_blank_text=True)):
        root = etree.fromstring(b'<!DOCTYPE d [<!ENTITY e "expanded">]><d>&e;</d>', p)
        assert "expanded" not in etree.tostring(root).decode().split("]>")[-1]
