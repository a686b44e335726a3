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


# -- the cache of paragraph styles -------------------------------------------------------------------


def styles_part(path) -> reader._Part:
    return reader._Package(str(path)).main_document_part.part_related_by(reader.RT_STYLES)


def shape(doc) -> list:
    return [(b.text, b.heading_level, b.style, b.auto_label) for b in doc.blocks if isinstance(b, Paragraph)]


@pytest.fixture()
def headings(tmp_path) -> Path:
    return build(
        tmp_path / "h.docx",
        [("title", "标题"), ("h1", "一、总体情况"), ("h2", "（一）主动公开"), ("p", "正文")],
    )


def test_styles_are_cached_by_content_and_read_back_the_same(headings, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert styles_part(headings).styles_data is None  # a cold cache
    first = reader.read(str(headings))
    assert list((tmp_path / "cache" / "govlint" / "docx-styles").iterdir())
    part = styles_part(headings)
    assert part.styles_data is not None and part.element is None  # not even parsed
    second = reader.read(str(headings))
    assert (
        shape(second)
        == shape(first)
        == [
            ("标题", None, "Title", None),
            ("一、总体情况", 1, "Heading 1", None),
            ("（一）主动公开", 2, "Heading 2", None),
            ("正文", None, "Normal", None),
        ]
    )


def test_a_cache_entry_of_the_wrong_shape_is_a_miss(headings, tmp_path, monkeypatch):
    from govlint.cache import write_cache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    expected = shape(reader.read(str(headings)))
    assert write_cache(styles_part(headings).styles_key, {"styles": {"Heading1": "not a tuple"}})
    assert shape(reader.read(str(headings))) == expected


def test_an_unwritable_cache_only_means_parsing_again(headings, tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # mkdir under a file fails
    first, second = reader.read(str(headings)), reader.read(str(headings))
    assert shape(first) == shape(second) and shape(first)[1] == ("一、总体情况", 1, "Heading 1", None)


def test_a_broken_styles_part_is_not_cached(good, tmp_path, monkeypatch):
    from govlint.cache import read_cache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    broken = b"<w:styles xmlns:w='x'><w:style>"
    replace_members(good, {"word/styles.xml": broken})
    for _ in range(2):
        doc = reader.read(str(good))
        assert doc.notices == ["styles.xml is broken: heading styles and style names not read"]
    assert read_cache(reader._styles_cache_key(broken)) is None  # (its empty stand-in may be)
