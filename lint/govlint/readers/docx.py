"""DOCX reader: a .docx file in, a `Document` out.

The package is checked first (`docx_safety.check`: zip bombs, DTDs, missing parts), then opened
by the small OPC layer below (zipfile, `[Content_Types].xml` and the relationship parts), whose
part graph gives the styles, numbering, header, footer, footnote and comment parts. The body is
walked raw with lxml. (python-docx is not used: importing it costs ~70 ms per run, and its
`iter_inner_content()` skips content controls and text boxes and `row.cells` repeats merged
cells.)
Reading order and what becomes a block:

- `w:body` children in order; `w:sdt` (content controls), `w:customXml` and the chosen branch of
  `mc:AlternateContent` are recursed into, so their paragraphs and tables are ordinary blocks.
- A paragraph's text is its runs in their final tracked-changes state: `w:ins` and `w:moveTo` kept,
  `w:del`, `w:delText` and `w:moveFrom` dropped. `w:tab`/`w:ptab` → "\\t", `w:br`/`w:cr` → "\\n",
  `w:noBreakHyphen` → "-", `w:softHyphen` and `w:sym` → nothing. Fields show their displayed
  result (the runs between `fldChar separate` and `end`, or a `w:fldSimple`'s runs); field
  instructions (`w:instrText`) are skipped. A field may span paragraphs (a TOC does).
- A text box (DrawingML `w:txbxContent`, usually inside `mc:AlternateContent`; VML in `w:pict`)
  is read once: `mc:Fallback` is always skipped. The text box's paragraphs (and tables) become
  blocks of their own right after the host paragraph, whose text excludes them.
- A paragraph whose text is empty or only whitespace is not a block.
- **Paragraph numbers** (`Source.paragraph`, shown as 第N段) count the non-empty body paragraphs
  in this reading order, 1-based, text-box paragraphs included and table-cell paragraphs
  excluded. A table's `Source.paragraph` is the number of the last body paragraph before it.
- `Paragraph.text` is the original text without Word's auto-numbering label; the label Word draws
  (resolved by docx_numbering from `w:numPr` on the paragraph or its style) is in `auto_label`.
  `heading_level` (1 = top) comes from the style name ("heading N", "标题 N"), a `w:outlineLvl`
  on the paragraph, or an outline level or heading name along the style's `w:basedOn` chain;
  outline level 9 is body text. "Title" is not a heading: `style` carries the style name
  (the name Word shows, "Heading 1" for "heading 1") so later steps can see it.

Tables: one `Table` per body-level `w:tbl`, numbered 1… in reading order. The grid is built once
from `w:tr`/`w:tc` (`w:gridBefore`/`w:gridAfter`, `w:gridSpan`, `w:vMerge`); tracked-deleted rows
are dropped. A merged cell appears once at its top-left slot with its spans; vMerge continuation
cells are not emitted (text in one, which Word does not write, is added to the merged cell).
Cell text is the cell's non-empty paragraphs joined by "\\n", **with their auto-numbering
labels in front** (a cell has no `auto_label` field, and a row label such as "（一）予以公开"
drawn by Word must not vanish); text boxes in a cell add their lines after the host paragraph;
a nested table is flattened into the cell text (non-empty cells of a row joined by "\\t", rows
by "\\n") and is not a block of its own. `caption` is the text of the nearest paragraph among
the two blocks before the table.

Outside the body: header, footer and footnote paragraphs go to `Document.extras` with
`Source(part=..., paragraph=k)`, k counting the non-empty paragraphs of all headers (resp. all
footers, all footnotes) in order; headers and footers are those referenced by the sections'
`w:sectPr`, each part read once. Endnotes are not read. Word comments go to
`Document.comments`: `first_block`/`last_block` are the blocks the comment's range touches (a
mark inside a table → that table), `source.paragraph` the body paragraph where it starts (for a
range starting in a table: `table`/`row`/`col` of the cell too). A comment whose range is not in
the body (a header, say) keeps None there.

A broken styles, numbering, settings, core-properties, comments or header/footer part does not
stop the reader: it reads without that part and records a one-line notice. Any other failure of
the package or of lxml on a corrupt part becomes an `InputError`.

Opening the package follows the Open Packaging Conventions as python-docx 1.2.0 did, so that
the same files open, fail or recover the same way: every part reachable from `_rels/.rels` is
read (depth first, each part once), needs a content type, and a relationship to a missing member
is an error; the parts python-docx parsed on opening (main document, styles, numbering,
settings, comments, headers, footers, core properties) are parsed there too, with blank text
removed as its parser did, so a broken one is found at once; other XML parts (footnotes) are
parsed when used. Exception: a styles.xml read before is not parsed again. Its paragraph styles
(all the reader takes from it) are kept in govlint's cache directory under the blake2b hash of
the part, and only a part that parsed is ever cached; python-docx writes a 350 KB styles.xml that
takes longer to parse than the rest of a 30-page report.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile

from lxml import etree

from govlint import recache
from govlint.cache import blake2b, read_cache, write_cache
from govlint.document import Anchor, Block, Cell, Comment, Document, Paragraph, Source, Table
from govlint.errors import InputError
from govlint.readers import docx_safety
from govlint.readers.docx_numbering import W_NS, W_VAL, Numbering, _w, safe_parser
from govlint.record import Record

MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


W_ID = _w("id")
W_TYPE = _w("type")
W_BODY = _w("body")
W_P = _w("p")
W_R = _w("r")
W_T = _w("t")
W_TBL = _w("tbl")
W_TR = _w("tr")
W_TC = _w("tc")
W_TR_PR = _w("trPr")
W_TC_PR = _w("tcPr")
W_GRID_BEFORE = _w("gridBefore")
W_GRID_AFTER = _w("gridAfter")
W_GRID_SPAN = _w("gridSpan")
W_VMERGE = _w("vMerge")
W_SDT = _w("sdt")
W_SDT_CONTENT = _w("sdtContent")
W_CUSTOM_XML = _w("customXml")
W_PPR = _w("pPr")
W_RPR = _w("rPr")
W_PSTYLE = _w("pStyle")
W_NUMPR = _w("numPr")
W_NUM_ID = _w("numId")
W_ILVL = _w("ilvl")
W_OUTLINE_LVL = _w("outlineLvl")
W_TAB = _w("tab")
W_PTAB = _w("ptab")
W_BR = _w("br")
W_CR = _w("cr")
W_NO_BREAK_HYPHEN = _w("noBreakHyphen")
W_FLD_CHAR = _w("fldChar")
W_FLD_CHAR_TYPE = _w("fldCharType")
W_TXBX_CONTENT = _w("txbxContent")
W_COMMENT_RANGE_START = _w("commentRangeStart")
W_COMMENT_RANGE_END = _w("commentRangeEnd")
W_COMMENT_REFERENCE = _w("commentReference")
W_COMMENT = _w("comment")
W_AUTHOR = _w("author")
W_FOOTNOTE = _w("footnote")
W_SECT_PR = _w("sectPr")
W_HEADER_REFERENCE = _w("headerReference")
W_FOOTER_REFERENCE = _w("footerReference")
W_ALT_CHUNK = _w("altChunk")
W_STYLE = _w("style")
W_STYLE_ID = _w("styleId")
W_NAME = _w("name")
W_BASED_ON = _w("basedOn")
W_DEFAULT = _w("default")
W_DEL = _w("del")
MC_ALTERNATE = f"{{{MC_NS}}}AlternateContent"
MC_CHOICE = f"{{{MC_NS}}}Choice"
MC_FALLBACK = f"{{{MC_NS}}}Fallback"
M_T = f"{{{M_NS}}}t"
R_ID = f"{{{R_NS}}}id"

# Inline elements with no displayed text of their own (or deleted text): not recursed into.
_SKIP_INLINE = frozenset(
    _w(t)
    for t in (
        "pPr",
        "rPr",
        "del",
        "moveFrom",
        "delText",
        "delInstrText",
        "instrText",
        "bookmarkStart",
        "bookmarkEnd",
        "proofErr",
        "permStart",
        "permEnd",
        "sdtPr",
        "sdtEndPr",
        "customXmlPr",
        "moveFromRangeStart",
        "moveFromRangeEnd",
        "moveToRangeStart",
        "moveToRangeEnd",
        "pPrChange",
        "rPrChange",
        "lastRenderedPageBreak",
        "fldData",
    )
) | {MC_FALLBACK}
# Run children that may hold a text box.
_DRAWING_HOSTS = frozenset({_w("drawing"), _w("pict"), _w("object"), MC_ALTERNATE})
_BLOCK_WRAPPERS = frozenset({W_CUSTOM_XML, _w("ins"), _w("moveTo")})
_FOOTNOTE_SKIP_TYPES = frozenset({"separator", "continuationSeparator", "continuationNotice"})
_HEADING_NAME = recache.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)
_ANCHORS = (Anchor(0, None, None),)

# Content types and relationship types of the parts the reader uses (ECMA-376 part 1, 15.2).
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."
CT_DOCUMENT_MAIN = _WML + "document.main+xml"
CT_NUMBERING = _WML + "numbering+xml"
CT_STYLES = _WML + "styles+xml"
CT_SETTINGS = _WML + "settings+xml"
CT_COMMENTS = _WML + "comments+xml"
CT_HEADER = _WML + "header+xml"
CT_FOOTER = _WML + "footer+xml"
CT_CORE_PROPERTIES = "application/vnd.openxmlformats-package.core-properties+xml"
RT_OFFICE_DOCUMENT = f"{R_NS}/officeDocument"
RT_STYLES = f"{R_NS}/styles"
RT_NUMBERING = f"{R_NS}/numbering"
RT_FOOTNOTES = f"{R_NS}/footnotes"
RT_COMMENTS = f"{R_NS}/comments"
RT_IMAGE = f"{R_NS}/image"
_CT_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}Types"
_CT_OVERRIDE = "{http://schemas.openxmlformats.org/package/2006/content-types}Override"
_CT_DEFAULT = "{http://schemas.openxmlformats.org/package/2006/content-types}Default"
_PR_RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationships"
_PR_RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"

_DOCUMENT_CTS = frozenset(
    {
        CT_DOCUMENT_MAIN,
        "application/vnd.ms-word.document.macroEnabled.main+xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
        "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
    }
)
# Parts parsed when the package is opened (the content types python-docx had XML part classes
# for; a .docm's main part is not one of them), so that a broken one is found before reading.
_PARSED_ON_OPEN = frozenset(
    {
        CT_DOCUMENT_MAIN,
        CT_STYLES,
        CT_NUMBERING,
        CT_SETTINGS,
        CT_COMMENTS,
        CT_HEADER,
        CT_FOOTER,
        CT_CORE_PROPERTIES,
    }
)
# Parts parsed on opening that the reader can do without: content type → (empty root, what is
# lost). A broken one is replaced by the empty root and reported as a notice.
_W_ROOT = f'<w:{{}} xmlns:w="{W_NS}"/>'
_OPTIONAL_PARTS = {
    CT_NUMBERING: (_W_ROOT.format("numbering"), "auto-numbering labels not read"),
    CT_STYLES: (_W_ROOT.format("styles"), "heading styles and style names not read"),
    CT_SETTINGS: (_W_ROOT.format("settings"), "document settings ignored"),
    CT_COMMENTS: (_W_ROOT.format("comments"), "Word comments not read"),
    CT_HEADER: (_W_ROOT.format("hdr"), "header text not read"),
    CT_FOOTER: (_W_ROOT.format("ftr"), "footer text not read"),
    CT_CORE_PROPERTIES: (
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
        'core-properties"/>',
        "document properties not read",
    ),
}
# Word's UI names of the built-in styles whose styles.xml name is spelled differently (the
# aliases python-docx translates): "heading 1" is shown as "Heading 1".
_UI_STYLE_NAMES = {
    "caption": "Caption",
    "footer": "Footer",
    "header": "Header",
    **{f"heading {n}": f"Heading {n}" for n in range(1, 10)},
}


def read(path: str) -> Document:
    """Read the .docx at `path`; InputError (one line) if it is hostile, corrupt or unreadable."""
    contents: dict[str, bytes] = {}  # small XML members, already read by the check
    docx_safety.check(path, contents)
    notices: list[str] = []
    package = _open_package(path, notices, contents)
    try:
        return _Reader(path, package, notices).read()
    except InputError:
        raise
    except Exception as e:  # a corrupt part that opened but that we cannot walk
        raise InputError(path, f"corrupt .docx: {_short(e)}") from None


# ---------------------------------------------------------------------------------------------
# the package: parts and relationships


class _Rel:
    """A relationship: its type and target, a `_Part` (internal) or a URI (external)."""

    __slots__ = ("reltype", "target", "is_external")

    def __init__(self, reltype: str | None, target, is_external: bool):
        self.reltype = reltype
        self.target = target
        self.is_external = is_external

    @property
    def target_part(self) -> _Part:
        if self.is_external:
            raise ValueError("an external relationship has no target part")
        return self.target


class _Part:
    """A part of the package. `opened`: a part checked on opening (see the module doc); its root
    is `element`, or None for a styles part whose styles came from the cache (`styles_data`)."""

    __slots__ = ("partname", "content_type", "blob", "rels", "opened", "element", "styles_key", "styles_data")

    def __init__(self, partname: str, content_type: str | None, blob: bytes):
        self.partname = partname  # "/word/document.xml"
        self.content_type = content_type
        self.blob = blob
        self.rels: dict[str | None, _Rel] = {}  # by relationship id
        self.opened = False
        self.element = None
        self.styles_key: str | None = None  # the cache entry of a styles part's paragraph styles
        self.styles_data: dict | None = None  # that entry, when the cache had it

    def part_related_by(self, reltype: str) -> _Part:
        """The one part this part relates to by `reltype`: KeyError if none, ValueError if several."""
        return _related(self.rels, reltype)


def _related(rels: dict[str | None, _Rel], reltype: str) -> _Part:
    matching = [rel for rel in rels.values() if rel.reltype == reltype]
    if not matching:
        raise KeyError(f"no relationship of type '{reltype}' in collection")
    if len(matching) > 1:
        raise ValueError(f"multiple relationships of type '{reltype}' in collection")
    return matching[0].target_part


class _Package:
    """The parts reachable from the package relationships of a .docx (a path or a file object).

    Raises what zipfile or lxml raise on a corrupt package, KeyError for a part without a content
    type; `_open_package` turns that into an InputError, or recovers from a broken optional part.
    """

    def __init__(self, source, contents: dict[str, bytes] | None = None):
        """`contents`: data of members already read (by docx_safety.check), by member name."""
        self.rels: dict[str | None, _Rel] = {}
        parser = safe_parser(remove_blank_text=True)
        parts: dict[str, _Part] = {}
        first_reltype: dict[str, str | None] = {}
        with zipfile.ZipFile(source) as zf:
            known = contents or {}

            def read(member: str) -> bytes:
                data = known.get(member)
                return zf.read(member) if data is None else data

            overrides, defaults = _read_content_types(read, parser)
            package_srels = _read_rels(read, "/", parser)
            links = [(self.rels, package_srels)]
            # Depth first from the package relationships, each part once: the order in which
            # python-docx read them, which decides the error a package with several faults gives.
            stack = [iter(package_srels)]
            while stack:
                srel = next(stack[-1], None)
                if srel is None:
                    stack.pop()
                    continue
                _rid, reltype, is_external, target = srel
                if is_external:
                    continue
                partname = _partname(target)
                if partname in parts:
                    continue
                srels = _read_rels(read, partname, parser)
                part = parts[partname] = _Part(partname, None, read(partname[1:]))
                part.content_type = _content_type(partname, overrides, defaults)
                first_reltype[partname] = reltype
                links.append((part.rels, srels))
                stack.append(iter(srels))
        for part in parts.values():
            if part.content_type in _PARSED_ON_OPEN and first_reltype[part.partname] != RT_IMAGE:
                part.opened = True
                if part.content_type == CT_STYLES:
                    # Only parts that parsed are cached: a hit is well-formed XML, no need to parse.
                    part.styles_key = _styles_cache_key(part.blob)
                    part.styles_data = read_cache(part.styles_key)
                    if part.styles_data is not None:
                        continue
                part.element = etree.fromstring(part.blob, parser)
        for rels, srels in links:
            for rid, reltype, is_external, target in srels:
                rels[rid] = _Rel(reltype, target if is_external else parts[_partname(target)], is_external)

    @property
    def main_document_part(self) -> _Part:
        return _related(self.rels, RT_OFFICE_DOCUMENT)


def _read_content_types(read, parser) -> tuple[dict[str, str | None], dict[str, str | None]]:
    """(overrides by lower-case part name, defaults by lower-case extension) of [Content_Types].xml."""
    root = etree.fromstring(read("[Content_Types].xml"), parser)
    if root.tag != _CT_TYPES:
        raise ValueError("[Content_Types].xml has no Types element")
    overrides, defaults = {}, {}
    for el in root.iterchildren(_CT_OVERRIDE):
        name = el.get("PartName")
        if name is None:
            raise ValueError("[Content_Types].xml has an Override without PartName")
        overrides[name.lower()] = el.get("ContentType")
    for el in root.iterchildren(_CT_DEFAULT):
        ext = el.get("Extension")
        if ext is None:
            raise ValueError("[Content_Types].xml has a Default without Extension")
        defaults[ext.lower()] = el.get("ContentType")
    return overrides, defaults


def _content_type(partname: str, overrides: dict, defaults: dict) -> str | None:
    key = partname.lower()
    if key in overrides:
        return overrides[key]
    ext = posixpath.splitext(key)[1]
    if ext.startswith("."):
        ext = ext[1:]
    if ext in defaults:
        return defaults[ext]
    raise KeyError(f"no content type for partname '{partname}' in [Content_Types].xml")


def _read_rels(read, partname: str, parser) -> list[tuple]:
    """The relationships of part `partname` ("/" for the package) as (rId, type, is external,
    target): (source folder, reference) for internal ones, the URI for external ones."""
    base, filename = posixpath.split(partname)
    member = posixpath.join(base, "_rels", f"{filename}.rels")[1:]
    try:
        data = read(member)
    except KeyError:
        return []
    root = etree.fromstring(data, parser)
    if root.tag != _PR_RELATIONSHIPS:
        raise ValueError(f"{member} has no Relationships element")
    srels = []
    for el in root.iterchildren(_PR_RELATIONSHIP):
        external = el.get("TargetMode") == "External"
        target = el.get("Target")
        srels.append((el.get("Id"), el.get("Type"), external, target if external else (base, target)))
    return srels


def _partname(target: tuple[str, str]) -> str:
    """The part name an internal relationship points to: its reference (../x, ./x, /x) resolved
    against the source part's folder."""
    base, ref = target
    return posixpath.normpath(posixpath.join(base, ref))


# ---------------------------------------------------------------------------------------------
# opening the package


def _short(e: BaseException) -> str:
    text = str(e).strip().strip("'\"")
    text = text.splitlines()[0] if text else type(e).__name__
    return text[:160]


def _open_package(path: str, notices: list[str], contents: dict[str, bytes]) -> _Package:
    try:
        return _Package(path, contents)
    except Exception as first:  # noqa: BLE001 - every failure is mapped to a one-line reason
        error = first
    # Find out which part broke; replace the ones we can do without and try once more.
    replacements = _broken_part_replacements(path, notices)
    if replacements:
        try:
            return _Package(io.BytesIO(_rebuilt(path, replacements)))
        except Exception as e:  # noqa: BLE001
            error = e
    raise InputError(path, _open_failure(error)) from None


def _open_failure(e: BaseException) -> str:
    text = str(e)
    m = re.search(r"There is no item named '([^']+)' in the archive", text)
    if m:
        return f"corrupt .docx: a relationship points to the missing part {m.group(1)}"
    if "no content type for partname" in text:
        return f"corrupt .docx: {_short(e)}"
    if isinstance(e, etree.XMLSyntaxError):
        return f"corrupt .docx: an XML part is not well-formed ({_short(e)})"
    if isinstance(e, zipfile.BadZipFile):
        return f"corrupt .docx: {_short(e)}"
    return f"corrupt .docx: {_short(e)}"


def _content_types(zf: zipfile.ZipFile, path: str) -> tuple[dict[str, str], dict[str, str]]:
    try:
        root = etree.fromstring(zf.read("[Content_Types].xml"), safe_parser())
    except etree.XMLSyntaxError as e:
        raise InputError(
            path, f"corrupt .docx: [Content_Types].xml is not well-formed XML ({_short(e)})"
        ) from None
    overrides, defaults = {}, {}
    for el in root:
        if not isinstance(el.tag, str):
            continue
        if el.tag.endswith("}Override"):
            overrides[(el.get("PartName") or "").lstrip("/").lower()] = el.get("ContentType") or ""
        elif el.tag.endswith("}Default"):
            defaults[(el.get("Extension") or "").lower()] = el.get("ContentType") or ""
    return overrides, defaults


def _broken_part_replacements(path: str, notices: list[str]) -> dict[str, bytes]:
    """Parse every XML member; for broken ones we can do without, return a stand-in.

    Raises InputError naming the part when a broken part is one the reader needs.
    """
    replacements: dict[str, bytes] = {}
    try:
        with zipfile.ZipFile(path) as zf:
            overrides, defaults = _content_types(zf, path)
            for info in zf.infolist():
                name = info.filename
                if info.is_dir() or not docx_safety.is_xml_member(name):
                    continue
                try:
                    etree.fromstring(zf.read(info), safe_parser())
                    continue
                except etree.XMLSyntaxError as e:
                    reason = _short(e)
                ct = overrides.get(name.lower()) or defaults.get(name.rsplit(".", 1)[-1].lower(), "")
                if ct in _OPTIONAL_PARTS:
                    stub, lost = _OPTIONAL_PARTS[ct]
                    replacements[name] = stub.encode()
                    notices.append(f"{name.rsplit('/', 1)[-1]} is broken: {lost}")
                elif name.endswith(".rels"):
                    raise InputError(path, f"corrupt .docx: broken relationships part {name} ({reason})")
                elif ct in _DOCUMENT_CTS or name == "word/document.xml":
                    raise InputError(path, f"corrupt .docx: {name} is not well-formed XML ({reason})")
                # other broken parts (theme, fonts, footnotes…) are not parsed on opening
    except (zipfile.BadZipFile, OSError, EOFError) as e:
        raise InputError(path, f"corrupt .docx: {_short(e)}") from None
    return replacements


def _rebuilt(path: str, replacements: dict[str, bytes]) -> bytes:
    """An in-memory copy of the package with some members replaced (the input is not touched)."""
    out = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as dst:
        for info in src.infolist():
            data = replacements.get(info.filename)
            dst.writestr(info.filename, data if data is not None else src.read(info))
    return out.getvalue()


# ---------------------------------------------------------------------------------------------
# styles


class _Style(Record):
    __slots__ = ("sid", "name", "based_on", "outline", "num_id", "ilvl")

    def __init__(
        self,
        sid: str,
        name: str | None,
        based_on: str | None,
        outline: int | None,  # w:outlineLvl val, 0-9
        num_id: int | None,
        ilvl: int | None,
    ):
        self.sid = sid
        self.name = name
        self.based_on = based_on
        self.outline = outline
        self.num_id = num_id
        self.ilvl = ilvl


def _int_val(el) -> int | None:
    if el is None:
        return None
    try:
        return int((el.get(W_VAL) or "").strip())
    except ValueError:
        return None


def _first_children(el, *tags: str) -> list:
    """The first child of `el` with each tag, or None: `[el.find(t) for t in tags]` in one pass
    (find() goes through lxml's Python-level path machinery, slower than a few children)."""
    found: list = [None] * len(tags)
    for ch in el:
        tag = ch.tag
        for i, t in enumerate(tags):
            if tag == t and found[i] is None:
                found[i] = ch
    return found


def _styles_cache_key(blob: bytes) -> str:
    """The cache entry (govlint.cache) of the paragraph styles read from a styles.xml: parsing
    the 350 KB styles.xml python-docx writes takes ~8 ms, more than the rest of the reading.
    s1: change it when what `_Styles` keeps changes."""
    return "docx-styles/s1-" + blake2b(blob, digest_size=16).hexdigest()


class _Styles:
    def __init__(self, root):
        self.by_id: dict[str, _Style] = {}
        self.default_id: str | None = None
        self._level_cache: dict[str, int | None] = {}
        if root is None:
            return
        for st in root.iterchildren(W_STYLE):
            if st.get(W_TYPE, "paragraph") != "paragraph":
                continue
            sid = st.get(W_STYLE_ID)
            if sid is None:
                continue
            name_el, based_el, ppr = _first_children(st, W_NAME, W_BASED_ON, W_PPR)
            outline = num_id = ilvl = None
            if ppr is not None:
                outline_el, numpr = _first_children(ppr, W_OUTLINE_LVL, W_NUMPR)
                outline = _int_val(outline_el)
                if numpr is not None:
                    num_id, ilvl = (_int_val(x) for x in _first_children(numpr, W_NUM_ID, W_ILVL))
            self.by_id[sid] = _Style(
                sid,
                None if name_el is None else name_el.get(W_VAL),
                None if based_el is None else based_el.get(W_VAL),
                outline,
                num_id,
                ilvl,
            )
            if st.get(W_DEFAULT) in ("1", "true", "on") and self.default_id is None:
                self.default_id = sid

    def to_cache(self) -> dict:
        return {
            "default": self.default_id,
            "styles": {
                sid: (st.name, st.based_on, st.outline, st.num_id, st.ilvl) for sid, st in self.by_id.items()
            },
        }

    @classmethod
    def from_cache(cls, data: dict) -> _Styles | None:
        """The styles `to_cache()` gave, or None if `data` is not such a dict."""
        styles = cls(None)
        try:
            default, by_id = data["default"], data["styles"]
            for sid, (name, based_on, outline, num_id, ilvl) in by_id.items():
                styles.by_id[sid] = _Style(sid, name, based_on, outline, num_id, ilvl)
        except (KeyError, TypeError, ValueError, AttributeError):
            return None
        styles.default_id = default
        return styles

    def resolve(self, sid: str | None) -> str | None:
        """The style id a paragraph really uses (the default style if none or unknown)."""
        if sid is not None and sid in self.by_id:
            return sid
        return self.default_id

    def chain(self, sid: str | None):
        seen = set()
        while sid is not None and sid in self.by_id and sid not in seen and len(seen) < 32:
            seen.add(sid)
            st = self.by_id[sid]
            yield st
            sid = st.based_on

    def name(self, sid: str | None) -> str | None:
        st = self.by_id.get(sid) if sid is not None else None
        if st is None or st.name is None:
            return None
        return _UI_STYLE_NAMES.get(st.name, st.name)

    def own_heading(self, sid: str | None) -> int | None:
        st = self.by_id.get(sid) if sid is not None else None
        if st is None or st.name is None:
            return None
        m = _HEADING_NAME.match(st.name.strip())
        return int(m.group(1)) if m else None

    def heading_level(self, sid: str | None) -> int | None:
        """Heading level of a paragraph style: its name, else the outline level or heading name
        found first along the basedOn chain."""
        if sid is None:
            return None
        if sid in self._level_cache:
            return self._level_cache[sid]
        level = self.own_heading(sid)
        if level is None:
            for st in self.chain(sid):
                if st.outline is not None:
                    level = st.outline + 1 if 0 <= st.outline < 9 else None
                    break
                inherited = self.own_heading(st.sid)
                if inherited is not None:
                    level = inherited
                    break
        self._level_cache[sid] = level
        return level

    def num_pr(self, sid: str | None) -> tuple[int | None, int | None]:
        """(numId, ilvl) a style gives its paragraphs, following basedOn."""
        num_id = ilvl = None
        for st in self.chain(sid):
            if num_id is None and st.num_id is not None:
                num_id = st.num_id
            if ilvl is None and st.ilvl is not None:
                ilvl = st.ilvl
            if num_id is not None and ilvl is not None:
                break
        return num_id, ilvl

    def num_ids(self) -> dict[str, int]:
        return {sid: st.num_id for sid, st in self.by_id.items() if st.num_id is not None}


# ---------------------------------------------------------------------------------------------
# paragraph text


def _choice(alt):
    """The branch of mc:AlternateContent to read: the first Choice, else the Fallback."""
    for ch in alt:
        if ch.tag == MC_CHOICE:
            return ch
    for ch in alt:
        if ch.tag == MC_FALLBACK:
            return ch
    return None


def _find_boxes(el, boxes: list) -> None:
    """Collect the outermost w:txbxContent under `el`, skipping mc:Fallback branches."""
    for ch in el:
        tag = ch.tag
        if tag == W_TXBX_CONTENT:
            boxes.append(ch)
        elif tag == MC_ALTERNATE:
            branch = _choice(ch)
            if branch is not None:
                _find_boxes(branch, boxes)
        elif tag == MC_FALLBACK or not isinstance(tag, str):
            continue
        else:
            _find_boxes(ch, boxes)


class _Text:
    """Extracts displayed text from paragraphs of one story (body, a header, a footnote…).

    The field stack lives here because a field can begin in one paragraph and end in another.
    """

    def __init__(self):
        self.fields: list[bool] = []  # per open field: True once its result part has begun
        self.hidden = 0  # number of open fields still in their instruction part

    def paragraph(self, p) -> tuple[str, list, list]:
        """(text, text-box contents, comment marks) of a w:p; marks are (kind, id)."""
        out: list[str] = []
        boxes: list = []
        marks: list = []
        self._inline(p, out, boxes, marks)
        return "".join(out), boxes, marks

    def _inline(self, el, out, boxes, marks) -> None:
        for ch in el:
            tag = ch.tag
            if tag == W_R:
                self._run(ch, out, boxes, marks)
            elif tag in _SKIP_INLINE or not isinstance(tag, str):
                continue
            elif tag == W_COMMENT_RANGE_START:
                marks.append(("start", ch.get(W_ID)))
            elif tag == W_COMMENT_RANGE_END:
                marks.append(("end", ch.get(W_ID)))
            elif tag == MC_ALTERNATE:
                branch = _choice(ch)
                if branch is not None:
                    self._inline(branch, out, boxes, marks)
            elif tag == W_SDT:
                content = ch.find(W_SDT_CONTENT)
                if content is not None:
                    self._inline(content, out, boxes, marks)
            elif tag == M_T:
                if not self.hidden:
                    out.append(ch.text or "")
            else:  # w:ins, w:moveTo, w:hyperlink, w:smartTag, w:fldSimple, w:customXml, m:oMath…
                self._inline(ch, out, boxes, marks)

    def _run(self, r, out, boxes, marks) -> None:
        for ch in r:
            tag = ch.tag
            if tag == W_T:
                if not self.hidden:
                    out.append(ch.text or "")
            elif tag == W_RPR:
                continue
            elif tag == W_TAB or tag == W_PTAB:
                if not self.hidden:
                    out.append("\t")
            elif tag == W_BR or tag == W_CR:
                if not self.hidden:
                    out.append("\n")
            elif tag == W_NO_BREAK_HYPHEN:
                if not self.hidden:
                    out.append("-")
            elif tag == W_FLD_CHAR:
                self._field(ch.get(W_FLD_CHAR_TYPE))
            elif tag == MC_ALTERNATE:
                branch = _choice(ch)
                if branch is not None:
                    self._run(branch, out, boxes, marks)
            elif tag in _DRAWING_HOSTS:
                _find_boxes(ch, boxes)
            elif tag == W_COMMENT_REFERENCE:
                marks.append(("ref", ch.get(W_ID)))

    def _field(self, kind: str | None) -> None:
        if kind == "begin":
            self.fields.append(False)
            self.hidden += 1
        elif kind == "separate":
            if self.fields and not self.fields[-1]:
                self.fields[-1] = True
                self.hidden -= 1
        elif kind == "end":
            if self.fields:
                if not self.fields.pop():
                    self.hidden -= 1


# ---------------------------------------------------------------------------------------------
# the reader


class _CellRec(Record):
    __slots__ = ("row", "col", "col_span", "lines", "row_span")

    def __init__(self, row: int, col: int, col_span: int, lines: list[str], row_span: int = 1):
        self.row = row
        self.col = col
        self.col_span = col_span
        self.lines = lines
        self.row_span = row_span


class _CommentPos(Record):
    __slots__ = ("first", "last", "source", "pending")

    def __init__(
        self,
        first: int | None = None,
        last: int | None = None,
        source: Source | None = None,
        pending: bool = False,  # the range started in an empty paragraph: the next block takes it
    ):
        self.first = first
        self.last = last
        self.source = source
        self.pending = pending


class _Reader:
    def __init__(self, path: str, package: _Package, notices: list[str]):
        self.path = path
        self.notices = notices
        try:
            main = package.main_document_part
        except KeyError:
            raise InputError(path, "corrupt .docx: _rels/.rels names no main document part") from None
        if main.content_type not in _DOCUMENT_CTS:
            raise InputError(path, f"not a Word document (main part is {main.content_type})")
        self.main = main
        root = self._element(main, what=None)
        body = root.find(W_BODY) if root is not None else None
        if body is None:
            raise InputError(path, "corrupt .docx: word/document.xml has no w:body")
        self.body = body
        self.styles = self._read_styles()
        numbering_root = self._related_element(RT_NUMBERING)
        self.numbering = (
            Numbering(numbering_root, self.styles.num_ids()) if numbering_root is not None else None
        )
        self._style_cache: dict[str | None, tuple] = {}
        self.text = _Text()
        self.blocks: list[Block] = []
        self.para_no = 0
        self.table_no = 0
        self.comment_pos: dict[str, _CommentPos] = {}
        self.pending_starts: list[str] = []
        self.sect_prs: list = []

    # -- parts --------------------------------------------------------------------------------

    def _element(self, part, what: str | None):
        """The root element of a part: parsed on opening, or now (safely)."""
        if part.element is not None:
            return part.element
        if part.opened:  # a styles part known from the cache: parse it as opening would have
            part.element = etree.fromstring(part.blob, safe_parser(remove_blank_text=True))
            return part.element
        try:
            return etree.fromstring(part.blob, safe_parser())
        except etree.XMLSyntaxError as e:
            if what is None:
                raise InputError(
                    self.path, f"corrupt .docx: {part.partname} is not well-formed XML ({_short(e)})"
                ) from None
            self.notices.append(f"{part.partname.rsplit('/', 1)[-1]} is broken: {what} not read")
            return None

    def _read_styles(self) -> _Styles:
        """The paragraph styles, from the cache when this styles.xml was read before."""
        try:
            part = self.main.part_related_by(RT_STYLES)
        except (KeyError, ValueError):
            return _Styles(None)
        if part.styles_data is not None:
            styles = _Styles.from_cache(part.styles_data)
            if styles is not None:
                return styles
        root = self._element(part, "part")
        styles = _Styles(root)
        if root is not None and part.styles_key is not None:
            write_cache(part.styles_key, styles.to_cache())
        return styles

    def _related_element(self, reltype: str, what: str = "part"):
        try:
            part = self.main.part_related_by(reltype)
        except (KeyError, ValueError):
            return None
        return self._element(part, what)

    # -- body -----------------------------------------------------------------------------------

    def read(self) -> Document:
        self._blocks(self.body)
        if self.pending_starts and self.blocks:
            last = len(self.blocks) - 1
            for cid in self.pending_starts:
                pos = self.comment_pos[cid]
                pos.first = last
                pos.source = Source(paragraph=self.para_no or None, part="comment")
        extras = self._extras()
        comments = self._comments()
        return Document(
            path=self.path,
            format="docx",
            blocks=self.blocks,
            extras=extras,
            comments=comments,
            notices=self.notices,
        )

    def _blocks(self, container) -> None:
        for ch in container:
            tag = ch.tag
            if tag == W_P:
                self._body_paragraph(ch)
            elif tag == W_TBL:
                self._table(ch)
            elif tag == W_SDT:
                content = ch.find(W_SDT_CONTENT)
                if content is not None:
                    self._blocks(content)
            elif tag in _BLOCK_WRAPPERS:
                self._blocks(ch)
            elif tag == MC_ALTERNATE:
                branch = _choice(ch)
                if branch is not None:
                    self._blocks(branch)
            elif tag == W_COMMENT_RANGE_START:
                self._body_marks([("start", ch.get(W_ID))], emitted=False)
            elif tag == W_COMMENT_RANGE_END:
                self._body_marks([("end", ch.get(W_ID))], emitted=False)
            elif tag == W_SECT_PR:
                self.sect_prs.append(ch)
            elif tag == W_ALT_CHUNK:
                note = "embedded content in another format (w:altChunk) not read"
                if note not in self.notices:
                    self.notices.append(note)

    def _style_info(self, sid: str | None) -> tuple:
        """(resolved id, name, own heading level, chain heading level, style numId, style ilvl)."""
        info = self._style_cache.get(sid)
        if info is None:
            styles = self.styles
            rid = styles.resolve(sid)
            info = (
                rid,
                styles.name(rid),
                styles.own_heading(rid),
                styles.heading_level(rid),
                *styles.num_pr(rid),
            )
            self._style_cache[sid] = info
        return info

    def _props(self, p) -> tuple[str | None, int | None, str | None]:
        """(style name, heading level, auto-numbering label) of a paragraph. A numbered paragraph
        advances its list even when its label or its text is empty."""
        sid = outline = num_id = ilvl = None
        if len(p) and p[0].tag == W_PPR:  # pPr, when present, is the first child
            for ch in p[0]:
                tag = ch.tag
                if tag == W_PSTYLE:
                    sid = ch.get(W_VAL)
                elif tag == W_NUMPR:
                    for x in ch:
                        if x.tag == W_NUM_ID:
                            num_id = _int_val(x)
                        elif x.tag == W_ILVL:
                            ilvl = _int_val(x)
                elif tag == W_OUTLINE_LVL:
                    outline = _int_val(ch)
                elif tag == W_SECT_PR:  # a section break: its headers and footers count too
                    self.sect_prs.append(ch)
        info = self._style_cache.get(sid)
        if info is None:
            info = self._style_info(sid)
        rid, name, own_level, chain_level, s_num, s_ilvl = info
        if own_level is not None:
            level = own_level
        elif outline is not None:
            level = outline + 1 if 0 <= outline < 9 else None
        else:
            level = chain_level
        label = None
        numbering = self.numbering
        if numbering is not None:
            if num_id is None:
                num_id = s_num
            if ilvl is None and num_id:
                ilvl = s_ilvl if s_ilvl is not None else numbering.level_for_style(num_id, rid)
            if num_id:
                label = numbering.label(num_id, ilvl or 0)
        return name, level, label

    def _body_paragraph(self, p) -> None:
        style, level, label = self._props(p)
        text, boxes, marks = self.text.paragraph(p)
        emitted = bool(text.strip())
        if emitted:
            self.para_no += 1
            self._emit(
                Paragraph(
                    text=text,
                    source=Source(paragraph=self.para_no),
                    anchors=_ANCHORS,
                    heading_level=level,
                    auto_label=label,
                    style=style,
                )
            )
        if marks:
            self._body_marks(marks, emitted)
        for box in boxes:
            self._blocks(box)

    def _emit(self, block: Block) -> None:
        index = len(self.blocks)
        self.blocks.append(block)
        if self.pending_starts:
            for cid in self.pending_starts:
                pos = self.comment_pos[cid]
                pos.first = index
                pos.source = self._comment_source(block)
                pos.pending = False
            self.pending_starts = []

    def _comment_source(self, block: Block, row: int | None = None, col: int | None = None) -> Source:
        if isinstance(block, Table):
            return Source(
                paragraph=block.source.paragraph, table=block.index, row=row, col=col, part="comment"
            )
        return Source(paragraph=block.source.paragraph, part="comment")

    def _pos(self, cid: str | None) -> _CommentPos:
        key = cid if cid is not None else ""
        pos = self.comment_pos.get(key)
        if pos is None:
            pos = self.comment_pos[key] = _CommentPos()
        return pos

    def _body_marks(self, marks, emitted: bool) -> None:
        """Comment marks of a paragraph (emitted as the last block, or not emitted)."""
        last = len(self.blocks) - 1 if self.blocks else None
        for kind, cid in marks:
            pos = self._pos(cid)
            if kind in ("start", "ref") and pos.first is None and not pos.pending:
                if emitted:
                    pos.first = last
                    pos.source = self._comment_source(self.blocks[last])
                else:
                    pos.pending = True
                    self.pending_starts.append(cid if cid is not None else "")
            if kind in ("end", "ref"):
                if last is not None and (pos.last is None or last > pos.last):
                    pos.last = last

    # -- tables ---------------------------------------------------------------------------------

    def _rows(self, tbl):
        """(w:tr, gridBefore, gridAfter) of the rows still there in the final state."""
        for ch in tbl:
            tag = ch.tag
            if tag == W_TR:
                before = after = 0
                if len(ch) and ch[0].tag == W_TR_PR:  # trPr comes first (after tblPrEx, rare)
                    trpr = ch[0]
                elif len(ch) > 1 and ch[1].tag == W_TR_PR:
                    trpr = ch[1]
                else:
                    trpr = None
                if trpr is not None:
                    deleted = False
                    for x in trpr:
                        t = x.tag
                        if t == W_GRID_BEFORE:
                            before = max(_int_val(x) or 0, 0)
                        elif t == W_GRID_AFTER:
                            after = max(_int_val(x) or 0, 0)
                        elif t == W_DEL:
                            deleted = True  # a tracked row deletion: gone in the final state
                    if deleted:
                        continue
                yield ch, before, after
            elif tag == W_SDT:
                content = ch.find(W_SDT_CONTENT)
                if content is not None:
                    yield from self._rows(content)
            elif tag in _BLOCK_WRAPPERS:
                yield from self._rows(ch)

    def _tcs(self, tr):
        for ch in tr:
            tag = ch.tag
            if tag == W_TC:
                yield ch
            elif tag == W_SDT:
                content = ch.find(W_SDT_CONTENT)
                if content is not None:
                    yield from self._tcs(content)
            elif tag in _BLOCK_WRAPPERS:
                yield from self._tcs(ch)

    def _grid(self, tbl, marks: list | None) -> tuple[int, int, list[_CellRec]]:
        """Rows, cols and unique cells of a w:tbl. `marks` collects (kind, id, row, col)."""
        cells: list[_CellRec] = []
        open_v: dict[int, _CellRec] = {}
        n_rows = n_cols = 0
        for tr, before, after in self._rows(tbl):
            n_rows += 1
            col = before + 1
            touched: set[int] = set()
            for tc in self._tcs(tr):
                span, vmerge = 1, None
                if len(tc) and tc[0].tag == W_TC_PR:  # tcPr, when present, is the first child
                    for x in tc[0]:
                        t = x.tag
                        if t == W_GRID_SPAN:
                            span = max(_int_val(x) or 1, 1)
                        elif t == W_VMERGE:
                            vmerge = x.get(W_VAL) or "continue"
                owner = open_v.get(col) if vmerge == "continue" else None
                if owner is not None:
                    owner.row_span = n_rows - owner.row + 1
                    touched.add(col)
                    # Word leaves continuation cells empty; should one hold text, keep it.
                    owner.lines.extend(self._cell_lines(tc, marks, owner.row, owner.col))
                else:
                    rec = _CellRec(n_rows, col, span, self._cell_lines(tc, marks, n_rows, col))
                    cells.append(rec)
                    if vmerge is not None:
                        open_v[col] = rec
                        touched.add(col)
                col += span
            if len(touched) != len(open_v):
                for c in [c for c in open_v if c not in touched]:
                    del open_v[c]
            n_cols = max(n_cols, col - 1 + after)
        return n_rows, n_cols, cells

    def _cell_lines(self, container, marks: list | None, row: int, col: int) -> list[str]:
        lines: list[str] = []
        for ch in container:
            tag = ch.tag
            if tag == W_TC_PR:
                continue
            if tag == W_P:
                _style, _level, label = self._props(ch)
                text, boxes, pmarks = self.text.paragraph(ch)
                if text.strip():
                    lines.append((label or "") + text)
                if pmarks and marks is not None:
                    marks.extend((kind, cid, row, col) for kind, cid in pmarks)
                for box in boxes:
                    lines.extend(self._cell_lines(box, marks, row, col))
            elif tag == W_TBL:
                _r, _c, nested = self._grid(ch, marks)
                by_row: dict[int, list[str]] = {}
                for rec in nested:
                    if rec.lines:
                        by_row.setdefault(rec.row, []).append("\n".join(rec.lines))
                for r in sorted(by_row):
                    lines.append("\t".join(by_row[r]))
            elif tag == W_SDT:
                content = ch.find(W_SDT_CONTENT)
                if content is not None:
                    lines.extend(self._cell_lines(content, marks, row, col))
            elif tag in _BLOCK_WRAPPERS:
                lines.extend(self._cell_lines(ch, marks, row, col))
            elif tag == MC_ALTERNATE:
                branch = _choice(ch)
                if branch is not None:
                    lines.extend(self._cell_lines(branch, marks, row, col))
            elif tag == W_COMMENT_RANGE_START and marks is not None:
                marks.append(("start", ch.get(W_ID), row, col))
            elif tag == W_COMMENT_RANGE_END and marks is not None:
                marks.append(("end", ch.get(W_ID), row, col))
        return lines

    def _table(self, tbl) -> None:
        marks: list = []
        rows, cols, recs = self._grid(tbl, marks)
        self.table_no += 1
        n = self.table_no
        cells = tuple(
            Cell(
                row=r.row,
                col=r.col,
                text="\n".join(r.lines),
                source=Source(table=n, row=r.row, col=r.col),
                row_span=r.row_span,
                col_span=r.col_span,
            )
            for r in recs
        )
        caption = None
        for prev in self.blocks[-1:-3:-1]:
            if isinstance(prev, Paragraph):
                caption = prev.text.strip()
                break
        table = Table(
            index=n,
            rows=rows,
            cols=cols,
            cells=cells,
            source=Source(table=n, paragraph=self.para_no or None),
            caption=caption,
        )
        self._emit(table)
        index = len(self.blocks) - 1
        for kind, cid, row, col in marks:
            pos = self._pos(cid)
            if kind in ("start", "ref") and pos.first is None and not pos.pending:
                pos.first = index
                pos.source = self._comment_source(table, row, col)
            if kind in ("end", "ref") and (pos.last is None or index > pos.last):
                pos.last = index

    # -- outside the body -----------------------------------------------------------------------

    def _story_paragraphs(self, el, text: _Text, out: list[str]) -> None:
        """Texts of all paragraphs of a story (header, footnote…), cells and text boxes included."""
        for ch in el:
            tag = ch.tag
            if tag == W_P:
                t, boxes, _marks = text.paragraph(ch)
                if t.strip():
                    out.append(t)
                for box in boxes:
                    self._story_paragraphs(box, text, out)
            elif tag == MC_ALTERNATE:
                branch = _choice(ch)
                if branch is not None:
                    self._story_paragraphs(branch, text, out)
            elif tag == MC_FALLBACK or not isinstance(tag, str) or tag in _SKIP_INLINE:
                continue
            else:  # tables, rows, cells, content controls
                self._story_paragraphs(ch, text, out)

    def _extras(self) -> list[Paragraph]:
        extras: list[Paragraph] = []
        seen: set[str] = set()
        headers: list[str] = []
        footers: list[str] = []
        for sect in self.sect_prs:
            for ref in sect:
                if ref.tag not in (W_HEADER_REFERENCE, W_FOOTER_REFERENCE):
                    continue
                rid = ref.get(R_ID)
                rel = self.main.rels.get(rid) if rid else None
                if rel is None or rel.is_external:
                    continue
                part = rel.target_part
                if part.partname in seen:
                    continue
                seen.add(part.partname)
                root = self._element(part, "header/footer text")
                if root is not None:
                    self._story_paragraphs(
                        root, _Text(), headers if ref.tag == W_HEADER_REFERENCE else footers
                    )
        notes: list[str] = []
        root = self._related_element(RT_FOOTNOTES, "footnotes")
        if root is not None:
            for fn in root.findall(W_FOOTNOTE):
                if fn.get(W_TYPE) in _FOOTNOTE_SKIP_TYPES:
                    continue
                self._story_paragraphs(fn, _Text(), notes)
        for part_name, texts in (("header", headers), ("footer", footers), ("footnote", notes)):
            for k, t in enumerate(texts, 1):
                extras.append(Paragraph(text=t, source=Source(paragraph=k, part=part_name), anchors=_ANCHORS))
        return extras

    def _comments(self) -> list[Comment]:
        root = self._related_element(RT_COMMENTS, "comments")
        if root is None:
            return []
        comments: list[Comment] = []
        for c in root.findall(W_COMMENT):
            texts: list[str] = []
            self._story_paragraphs(c, _Text(), texts)
            pos = self.comment_pos.get(c.get(W_ID) or "")
            first = last = None
            source = Source(part="comment")
            if pos is not None:
                first = pos.first
                last = pos.last if pos.last is not None else first
                if first is not None and last is not None and last < first:
                    last = first
                if first is None:
                    last = None
                source = pos.source or source
            comments.append(
                Comment(
                    text="\n".join(texts),
                    source=source,
                    first_block=first,
                    last_block=last,
                    author=c.get(W_AUTHOR),
                )
            )
        return comments
