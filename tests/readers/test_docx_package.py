"""The DOCX reader's own package layer (zip, content types, relationships) and style names."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the repo root: tests.fixtures

from govlint.document import Paragraph  # noqa: E402
from govlint.errors import InputError  # noqa: E402
from govlint.readers import docx as reader  # noqa: E402
from tests.fixtures.docxbuild import build, read_member, replace_members  # noqa: E402


def texts(doc) -> list[str]:
    return [b.text for b in doc.blocks if isinstance(b, Paragraph)]


@pytest.fixture()
def good(tmp_path) -> Path:
    return build(tmp_path / "good.docx", [("h1", "一、总体情况"), ("p", "正文")], headers=["页眉"])


def test_reading_a_docx_does_not_import_python_docx(good):
    code = (
        "import sys; from govlint import readers; doc = readers.read(sys.argv[1]); "
        "assert doc.blocks, doc; "
        "assert not [m for m in sys.modules if m == 'docx' or m.startswith('docx.')], 'python-docx imported'"
    )
    proc = subprocess.run([sys.executable, "-c", code, str(good)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


def test_style_names_are_shown_as_word_shows_them(tmp_path):
    p = build(
        tmp_path / "s.docx",
        [("h1", "一、总体情况"), ("title", "标题"), ("p", "正文"), ("p", "图1", {"style": "Caption"})],
    )
    doc = reader.read(str(p))
    # styles.xml names "heading 1" and "caption" show as "Heading 1" and "Caption"; others as written
    assert [(b.text, b.style) for b in doc.blocks] == [
        ("一、总体情况", "Heading 1"),
        ("标题", "Title"),
        ("正文", "Normal"),
        ("图1", "Caption"),
    ]


def test_relationship_targets_relative_absolute_and_dotted(good):
    rels = read_member(good, "word/_rels/document.xml.rels").decode()
    assert 'Target="styles.xml"' in rels and 'Target="header1.xml"' in rels
    rels = rels.replace('Target="styles.xml"', 'Target="/word/styles.xml"')
    rels = rels.replace('Target="header1.xml"', 'Target="./sub/../header1.xml"')
    replace_members(good, {"word/_rels/document.xml.rels": rels})
    doc = reader.read(str(good))
    assert [(b.text, b.heading_level) for b in doc.blocks] == [("一、总体情况", 1), ("正文", None)]
    assert [e.text for e in doc.extras] == ["页眉"]


def test_content_types_match_part_names_and_extensions_ignoring_case(good):
    ct = read_member(good, "[Content_Types].xml").decode()
    ct = ct.replace('PartName="/word/document.xml"', 'PartName="/WORD/Document.XML"')
    replace_members(good, {"[Content_Types].xml": ct})
    assert texts(reader.read(str(good))) == ["一、总体情况", "正文"]


def test_an_external_relationship_is_not_a_part(good):
    rels = read_member(good, "word/_rels/document.xml.rels").decode()
    link = (
        '<Relationship Id="rId99" TargetMode="External" Target="http://example.org/missing.xml" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"/>'
    )
    replace_members(
        good, {"word/_rels/document.xml.rels": rels.replace("</Relationships>", link + "</Relationships>")}
    )
    assert texts(reader.read(str(good))) == ["一、总体情况", "正文"]


def test_a_part_without_a_content_type_is_refused(good):
    ct = read_member(good, "[Content_Types].xml").decode()
    start = ct.index('<Override PartName="/word/styles.xml"')
    ct = ct[:start] + ct[ct.index("/>", start) + 2 :]
    ct = ct.replace('<Default Extension="xml" ContentType="application/xml"/>', "")
    replace_members(good, {"[Content_Types].xml": ct})
    with pytest.raises(InputError, match=r"corrupt \.docx: no content type for partname '/word/styles.xml'"):
        reader.read(str(good))


def test_two_main_document_relationships_are_refused(good):
    rels = read_member(good, "_rels/.rels").decode()
    twin = (
        '<Relationship Id="rIdTwin" Target="word/document.xml" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
    )
    replace_members(good, {"_rels/.rels": rels.replace("</Relationships>", twin + "</Relationships>")})
    with pytest.raises(InputError, match="corrupt .docx: multiple relationships of type"):
        reader.read(str(good))


@pytest.mark.parametrize(
    ("member", "old", "new", "reason"),
    [
        (
            "[Content_Types].xml",
            "package/2006/content-types",
            "package/2006/other",
            "[Content_Types].xml has no Types element",
        ),
        (
            "word/_rels/document.xml.rels",
            "package/2006/relationships",
            "package/2006/other",
            "word/_rels/document.xml.rels has no Relationships element",
        ),
    ],
)
def test_package_parts_with_a_foreign_root_are_refused(good, member, old, new, reason):
    replace_members(good, {member: read_member(good, member).decode().replace(old, new)})
    with pytest.raises(InputError, match="corrupt .docx: " + reason.replace("[", r"\[").replace("]", r"\]")):
        reader.read(str(good))


def test_a_part_reached_twice_is_read_once(good):
    rels = read_member(good, "word/_rels/document.xml.rels").decode()
    again = (
        '<Relationship Id="rIdAgain" Target="../word/header1.xml" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"/>'
    )
    replace_members(
        good, {"word/_rels/document.xml.rels": rels.replace("</Relationships>", again + "</Relationships>")}
    )
    doc = reader.read(str(good))
    assert [e.text for e in doc.extras] == ["页眉"]
