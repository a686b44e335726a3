"""Decode the bytes of a text or Markdown file: UTF-8 (with or without BOM), UTF-16 with BOM,
GB18030 (a superset of GBK and GB2312). No new dependency: try the strict decoders in order.
Binary junk is refused rather than linted as mojibake."""

from __future__ import annotations

from govlint import recache
from govlint.errors import InputError


def decode(path: str, data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        text = _strict(path, data[3:], "utf-8")
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = _strict(path, data, "utf-16")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as e:
            bad = f"byte 0x{data[e.start]:02x} at offset {e.start}"
            try:
                text = data.decode("gb18030")
            except UnicodeDecodeError:
                text = None
            if text is None or _looks_binary(text):
                what = "binary data" if _looks_binary(data[:65536].decode("latin-1")) else "not a text file"
                raise InputError(path, f"{what}: neither UTF-8 (invalid {bad}) nor GB18030/GBK") from None
    if _looks_binary(text):
        raise InputError(path, "binary data, not text")
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")


def _strict(path: str, data: bytes, enc: str) -> str:
    try:
        return data.decode(enc)
    except UnicodeDecodeError:
        raise InputError(path, f"invalid {enc.upper()} text") from None


# Control characters other than tab, newline, carriage return, form feed and NUL (counted apart).
# Counted by the regex engine: a Python loop over the 64K-character sample cost ~10 ms per file.
# (U+FFFD is counted with str.count: a class beyond Latin-1 costs ~0.5 ms to compile.)
_CONTROL = recache.compile("[\x01-\x08\x0b\x0e-\x1f]")


def _looks_binary(text: str) -> bool:
    """Many control characters (other than tab/newline/form feed) mean binary data."""
    sample = text[:65536]
    if not sample:
        return False
    ctrl = len(_CONTROL.findall(sample)) + sample.count("\ufffd")  # U+FFFD: what a failed decode leaves
    nul = sample.count("\x00")
    return ctrl / len(sample) > 0.05 or nul / len(sample) > 0.3
