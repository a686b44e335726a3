"""Checks a .docx package before the reader opens it, and refuses hostile or broken files.

Everything here reads the zip central directory and at most the first bytes of each XML part:
nothing is inflated in full, and nothing is ever written. A refusal is an `InputError` with a
one-line reason:

- not a zip, or a truncated/corrupt one (no end-of-central-directory record, bad local header,
  a deflate stream that does not decode);
- no `word/document.xml`, no `[Content_Types].xml`, no `_rels/.rels`;
- more than MAX_ENTRIES members, or more than MAX_TOTAL_BYTES declared uncompressed in total;
- a member larger than BOMB_MIN_BYTES whose compression ratio exceeds MAX_RATIO (zip bomb);
- encrypted members or compression methods other than stored/deflate;
- an XML part whose prolog declares a DOCTYPE or an ENTITY (billion laughs, external entities).

The sizes checked are the ones the central directory declares. That is enough: `zipfile` never
returns more than the declared size of a member (it stops inflating there and reports a CRC
error), so a member that lies about its size cannot inflate past the limits either.

Second line of defence: every part is parsed with `docx_numbering.safe_parser()`, an
`etree.XMLParser` with `resolve_entities=False`, `load_dtd=False`, `no_network=True` and
`huge_tree=False`. So even a DOCTYPE that slipped past the prolog check would not have its
entities expanded, no external DTD or entity would be fetched, and libxml2's size limits (depth,
text node length) stay on.
"""

from __future__ import annotations

import zipfile
import zlib

from govlint import recache
from govlint.errors import InputError

MAX_ENTRIES = 2000
MAX_TOTAL_BYTES = 200 * 1024 * 1024
MAX_RATIO = 100
BOMB_MIN_BYTES = 10 * 1024 * 1024
PROLOG_BYTES = 64 * 1024  # how much of each XML part is read to find its root element

REQUIRED = ("[Content_Types].xml", "_rels/.rels", "word/document.xml")
_ROOT_START = recache.compile(r"<[A-Za-z_]")
_DTD_MARKERS = ("<!DOCTYPE", "<!ENTITY")


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB"


def is_xml_member(name: str) -> bool:
    low = name.lower()
    return low.endswith(".xml") or low.endswith(".rels")


def _decode_head(head: bytes) -> str:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head.decode("utf-16", errors="replace")
    if head[:2] == b"<\x00":
        return head.decode("utf-16-le", errors="replace")
    if head[:2] == b"\x00<":
        return head.decode("utf-16-be", errors="replace")
    return head.decode("utf-8", errors="replace")


def _prolog_declares_dtd(head: bytes) -> bool:
    """True if the part declares a DOCTYPE or ENTITY before its root element.

    A DTD can only stand before the root element; if the root does not start within the bytes
    read (a prolog padded with comments), the part is treated as hostile too.
    """
    text = _decode_head(head)
    pos = 0
    while True:
        m = _ROOT_START.search(text, pos)
        if m is None:
            return True if len(head) >= PROLOG_BYTES else any(k in text for k in _DTD_MARKERS)
        prolog = text[: m.start()]
        if any(k in prolog for k in _DTD_MARKERS):
            return True
        # A "<x" inside a comment does not start the root: skip past comments and retry.
        open_comment = prolog.rfind("<!--")
        if open_comment != -1 and prolog.find("-->", open_comment) == -1:
            end = text.find("-->", m.start())
            if end == -1:
                return len(head) >= PROLOG_BYTES
            pos = end + 3
            continue
        return False


def check(path: str, contents: dict[str, bytes] | None = None) -> list[str]:
    """Refuse a hostile or broken package with InputError; return its member names.

    `contents`, if given, receives the data of the XML members the check read whole (those
    smaller than PROLOG_BYTES, their CRC checked), so that the reader need not inflate them again.
    """
    try:
        zf = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise InputError(
            path, "not a valid .docx: not a zip archive, or a truncated or corrupt one"
        ) from None
    except (OSError, ValueError, EOFError, NotImplementedError) as e:
        raise InputError(path, f"not a valid .docx: unreadable zip archive ({_short(e)})") from None
    with zf:
        infos = zf.infolist()
        if len(infos) > MAX_ENTRIES:
            raise InputError(path, f"refused: the .docx has {len(infos)} zip entries (limit {MAX_ENTRIES})")
        names = {i.filename for i in infos}
        for required in REQUIRED:
            if required not in names:
                what = {
                    "word/document.xml": "no word/document.xml (not a Word document)",
                    "[Content_Types].xml": "corrupt .docx: no [Content_Types].xml",
                    "_rels/.rels": "corrupt .docx: no package relationships (_rels/.rels)",
                }[required]
                raise InputError(path, what)
        total = 0
        for info in infos:
            total += info.file_size
            if info.flag_bits & 0x1:
                raise InputError(path, f"refused: encrypted zip member {info.filename}")
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise InputError(
                    path,
                    f"corrupt .docx: unsupported compression method {info.compress_type} in {info.filename}",
                )
            if info.file_size > BOMB_MIN_BYTES and (
                info.compress_size == 0 or info.file_size / info.compress_size > MAX_RATIO
            ):
                raise InputError(
                    path,
                    f"refused: zip bomb suspected ({info.filename} inflates to {_mb(info.file_size)}, "
                    f"ratio over {MAX_RATIO}:1)",
                )
        if total > MAX_TOTAL_BYTES:
            raise InputError(
                path, f"refused: the .docx inflates to {_mb(total)} (limit {_mb(MAX_TOTAL_BYTES)})"
            )
        for info in infos:
            if info.is_dir() or not is_xml_member(info.filename):
                continue
            try:
                with zf.open(info) as fh:
                    head = fh.read(PROLOG_BYTES)
            except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as e:
                raise InputError(path, f"corrupt .docx: {info.filename}: {_short(e)}") from None
            if _prolog_declares_dtd(head):
                raise InputError(
                    path,
                    f"refused: {info.filename} declares a DOCTYPE or entities (possible XML entity attack)",
                )
            if contents is not None and len(head) == info.file_size < PROLOG_BYTES:
                contents[info.filename] = head
        return [i.filename for i in infos]


def _short(e: BaseException) -> str:
    text = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
    return text[:160]
