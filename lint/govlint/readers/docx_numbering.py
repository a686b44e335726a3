"""Word auto-numbering: the label Word displays in front of a numbered paragraph.

Word keeps list labels out of the text: a paragraph carries `w:numPr` (a num id and a level), and
`word/numbering.xml` says how that level is counted and drawn. This module resolves

    w:num (numId) → w:abstractNum (abstractNumId, or via w:numStyleLink) → w:lvl (ilvl)

with `w:lvlOverride` (a `w:startOverride`, or a whole replacement `w:lvl`) applied, and keeps the
counters as Word does while the caller feeds it the numbered paragraphs in reading order:

- counters belong to a num id (`w:num`) and a level; each paragraph of that num and level advances
  its counter, starting from the level's `w:start` (or the num's `w:startOverride`);
- using a level restarts the deeper levels of the same num, unless a deeper level's `w:lvlRestart`
  names a shallower level only (`w:val="0"`: never restart);
- `w:lvlText` ("%1、", "（%1）", "%1.%2") is filled with each referenced level's counter drawn in
  that level's `w:numFmt` (all decimal when the current level is `w:isLgl`); a referenced level
  that has not been used yet shows its start value;
- `w:suff` (tab, space, nothing) is what Word puts between label and text: it is not part of
  the label;
- bullets (`w:numFmt w:val="bullet"`) are not numbering: their label is None.

Counters are not shared between two `w:num` that point to the same abstract definition (Word may
continue such lists; a draft that relies on it is rare, and the brief asks for per-num counters).

Number formats (ECMA-376 ST_NumberFormat) drawn here, anything else falls back to decimal:
decimal, decimalZero, decimalHalfWidth, decimalFullWidth(2) (１２), upper/lowerRoman,
upper/lowerLetter (A…Z, AA…), ordinal (1st), chineseCounting (一…十, 十一…九十九, then digit by
digit: 一〇一), chineseCountingThousand / japaneseCounting / taiwaneseCountingThousand (一百零一,
一千零一十), chineseLegalSimplified (壹贰叁…壹拾), ideographLegalTraditional (壹貳參…壹拾),
ideographDigital / taiwaneseDigital / japaneseDigitalTenThousand (digit by digit, 〇 for zero),
ideographTraditional (甲乙丙…癸, cyclic), ideographZodiac (子丑寅…亥, cyclic),
decimalEnclosedCircle / decimalEnclosedCircleChinese (①…⑳, then decimal), decimalEnclosedParen
(the Unicode parenthesized digits ⑴…⒇, then "(21)"), decimalEnclosedFullstop (⒈…⒛, then "21."),
ideographEnclosedCircle (㊀…㊉, then decimal), none (empty), bullet (no label).

Use without a .docx: `Numbering.from_xml(numbering_xml_bytes)`, then `label(num_id, ilvl)` once
per numbered paragraph in order.
"""

from __future__ import annotations

import re

from lxml import etree

from govlint import recache
from govlint.record import Record, replace

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


W_VAL = _w("val")
W_ABSTRACT_NUM = _w("abstractNum")
W_ABSTRACT_NUM_ID = _w("abstractNumId")
W_NUM = _w("num")
W_NUM_ID = _w("numId")
W_LVL = _w("lvl")
W_ILVL = _w("ilvl")
W_START = _w("start")
W_NUM_FMT = _w("numFmt")
W_LVL_TEXT = _w("lvlText")
W_LVL_RESTART = _w("lvlRestart")
W_IS_LGL = _w("isLgl")
W_PSTYLE = _w("pStyle")
W_LVL_OVERRIDE = _w("lvlOverride")
W_START_OVERRIDE = _w("startOverride")
W_NUM_STYLE_LINK = _w("numStyleLink")

MAX_LEVELS = 9


class NumberingError(ValueError):
    """numbering.xml cannot be parsed at all."""


def safe_parser(remove_blank_text: bool = False) -> etree.XMLParser:
    """An lxml parser that never resolves entities, loads a DTD or touches the network, and keeps
    libxml2's size limits (depth, text node length). `remove_blank_text` drops whitespace-only
    text between elements (not xml:space="preserve" text, nor an element's only text)."""
    return etree.XMLParser(
        remove_blank_text=remove_blank_text,
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        huge_tree=False,
    )


# ---------------------------------------------------------------------------------------------
# number formats

_CN_DIGITS = "〇一二三四五六七八九"
_LEGAL_SIMPLIFIED = "零壹贰叁肆伍陆柒捌玖"
_LEGAL_TRADITIONAL = "零壹貳參肆伍陸柒捌玖"
_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
_ZODIAC = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PAREN = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
_FULLSTOP = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"
_IDEOGRAPH_CIRCLED = "㊀㊁㊂㊃㊄㊅㊆㊇㊈㊉"
_FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
_ROMAN = [
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
]


def _roman(n: int) -> str:
    if n <= 0 or n >= 4000:
        return str(n)
    out = []
    for value, sym in _ROMAN:
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def _letter(n: int) -> str:
    """A…Z, then AA…ZZ, AAA… (Word repeats the letter)."""
    if n <= 0:
        return str(n)
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _digits(n: int, digits: str) -> str:
    return "".join(digits[int(d)] for d in str(n))


def _cn_under_10000(n: int, digits: str, ten: str, hundred: str, thousand: str, short_ten: bool) -> str:
    """1…9999 read out: 十一, 一百零一, 一千零一十. `short_ten`: 10-19 as 十… not 一十…."""
    units = [(1000, thousand), (100, hundred), (10, ten)]
    out = []
    zero_pending = False
    started = False
    for value, unit in units:
        d = n // value % 10
        if d:
            if zero_pending:
                out.append(digits[0])
                zero_pending = False
            if not (value == 10 and d == 1 and short_ten and not started):
                out.append(digits[d])
            out.append(unit)
            started = True
        elif started:
            zero_pending = True
    d = n % 10
    if d:
        if zero_pending:
            out.append(digits[0])
        out.append(digits[d])
    return "".join(out)


def _cn_counting_thousand(
    n: int,
    digits: str = "零一二三四五六七八九",
    ten: str = "十",
    hundred: str = "百",
    thousand: str = "千",
    short_ten: bool = True,
) -> str:
    if n <= 0:
        return digits[0] if n == 0 else str(n)
    if n < 10000:
        return _cn_under_10000(n, digits, ten, hundred, thousand, short_ten)
    high, low = divmod(n, 10000)
    head = _cn_counting_thousand(high, digits, ten, hundred, thousand, short_ten) + "万"
    if low == 0:
        return head
    tail = _cn_under_10000(low, digits, ten, hundred, thousand, False)
    return head + (digits[0] if low < 1000 else "") + tail


def _cn_counting(n: int) -> str:
    """Word's chineseCounting: 一…九十九 read out, larger numbers digit by digit (一〇一)."""
    if n <= 0:
        return _CN_DIGITS[0] if n == 0 else str(n)
    if n < 100:
        return _cn_under_10000(n, "零一二三四五六七八九", "十", "百", "千", True)
    return _digits(n, _CN_DIGITS)


def _table(n: int, chars: str, fallback) -> str:
    return chars[n - 1] if 1 <= n <= len(chars) else fallback(n)


def format_number(n: int, fmt: str) -> str | None:
    """Draw counter `n` in Word number format `fmt`; None for a bullet."""
    if fmt == "bullet":
        return None
    if fmt == "none":
        return ""
    if fmt in ("decimal", "decimalHalfWidth"):
        return str(n)
    if fmt == "decimalZero":
        return f"{n:02d}" if 0 <= n < 10 else str(n)
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return str(n).translate(_FULLWIDTH)
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperLetter":
        return _letter(n)
    if fmt == "lowerLetter":
        return _letter(n).lower()
    if fmt == "ordinal":
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}"
    if fmt == "chineseCounting":
        return _cn_counting(n)
    if fmt in (
        "chineseCountingThousand",
        "japaneseCounting",
        "taiwaneseCounting",
        "taiwaneseCountingThousand",
    ):
        return _cn_counting_thousand(n)
    if fmt == "chineseLegalSimplified":
        return _cn_counting_thousand(n, _LEGAL_SIMPLIFIED, "拾", "佰", "仟", short_ten=False)
    if fmt in ("ideographLegalTraditional", "japaneseLegal"):
        return _cn_counting_thousand(n, _LEGAL_TRADITIONAL, "拾", "佰", "仟", short_ten=False)
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return _digits(n, _CN_DIGITS) if n >= 0 else str(n)
    if fmt == "ideographTraditional":
        return _HEAVENLY_STEMS[(n - 1) % 10] if n >= 1 else str(n)
    if fmt == "ideographZodiac":
        return _ZODIAC[(n - 1) % 12] if n >= 1 else str(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return _table(n, _CIRCLED, str)
    if fmt == "decimalEnclosedParen":
        return _table(n, _PAREN, lambda k: f"({k})")
    if fmt == "decimalEnclosedFullstop":
        return _table(n, _FULLSTOP, lambda k: f"{k}.")
    if fmt == "ideographEnclosedCircle":
        return _table(n, _IDEOGRAPH_CIRCLED, str)
    return str(n)


# ---------------------------------------------------------------------------------------------
# numbering definitions


class Level(Record):
    __slots__ = ("ilvl", "start", "num_fmt", "lvl_text", "restart", "is_lgl", "pstyle")

    def __init__(
        self,
        ilvl: int,
        start: int = 1,
        num_fmt: str = "decimal",
        lvl_text: str | None = None,
        restart: int | None = None,  # w:lvlRestart: None = default (any shallower level); 0 = never
        is_lgl: bool = False,
        pstyle: str | None = None,
    ):
        self.ilvl = ilvl
        self.start = start
        self.num_fmt = num_fmt
        self.lvl_text = lvl_text
        self.restart = restart
        self.is_lgl = is_lgl
        self.pstyle = pstyle


class _Num(Record):
    __slots__ = ("abstract_id", "start_overrides", "level_overrides")

    def __init__(self, abstract_id: int, start_overrides: dict[int, int], level_overrides: dict[int, Level]):
        self.abstract_id = abstract_id
        self.start_overrides = start_overrides
        self.level_overrides = level_overrides


def _int(el, attr: str = W_VAL) -> int | None:
    if el is None:
        return None
    v = el.get(attr)
    if v is None:
        return None
    try:
        return int(v.strip())
    except ValueError:
        return None


def _val(el) -> str | None:
    return None if el is None else el.get(W_VAL)


def _parse_level(lvl) -> Level | None:
    ilvl = _int(lvl, W_ILVL)
    if ilvl is None or not 0 <= ilvl < MAX_LEVELS:
        return None
    start = _int(lvl.find(W_START))
    fmt = _val(lvl.find(W_NUM_FMT))
    lvl_text_el = lvl.find(W_LVL_TEXT)
    is_lgl_el = lvl.find(W_IS_LGL)
    return Level(
        ilvl=ilvl,
        start=start if start is not None else 1,
        num_fmt=fmt or "decimal",
        lvl_text=None if lvl_text_el is None else (lvl_text_el.get(W_VAL) or ""),
        restart=_int(lvl.find(W_LVL_RESTART)),
        is_lgl=is_lgl_el is not None and (is_lgl_el.get(W_VAL) or "true") not in ("0", "false", "off"),
        pstyle=_val(lvl.find(W_PSTYLE)),
    )


_PLACEHOLDER = recache.compile(r"%([1-9])")


class Numbering:
    """numbering.xml definitions plus the running counters of one document body.

    `style_num_ids` maps a paragraph style id to the num id in that style's `w:numPr`; it is used
    for `w:numStyleLink` (an abstract definition that borrows another list through a style).
    """

    def __init__(self, root=None, style_num_ids: dict[str, int] | None = None):
        self._abstract: dict[int, dict[int, Level]] = {}
        self._abstract_link: dict[int, str] = {}
        self._nums: dict[int, _Num] = {}
        self._counters: dict[int, list[int | None]] = {}
        self._style_num_ids = dict(style_num_ids or {})
        if root is not None:
            self._load(root)

    @classmethod
    def from_xml(cls, data: bytes, style_num_ids: dict[str, int] | None = None) -> Numbering:
        """Parse numbering.xml bytes; NumberingError if they are not well-formed XML."""
        try:
            root = etree.fromstring(data, safe_parser())
        except etree.XMLSyntaxError as e:
            raise NumberingError(str(e)) from None
        return cls(root, style_num_ids)

    def _load(self, root) -> None:
        for an in root.findall(W_ABSTRACT_NUM):
            aid = _int(an, W_ABSTRACT_NUM_ID)
            if aid is None:
                continue
            levels: dict[int, Level] = {}
            for lvl in an.findall(W_LVL):
                level = _parse_level(lvl)
                if level is not None and level.ilvl not in levels:
                    levels[level.ilvl] = level
            self._abstract[aid] = levels
            link = _val(an.find(W_NUM_STYLE_LINK))
            if link:
                self._abstract_link[aid] = link
        for num in root.findall(W_NUM):
            nid = _int(num, W_NUM_ID)
            aid = _int(num.find(W_ABSTRACT_NUM_ID))
            if nid is None or aid is None:
                continue
            starts: dict[int, int] = {}
            levels: dict[int, Level] = {}
            for ov in num.findall(W_LVL_OVERRIDE):
                ilvl = _int(ov, W_ILVL)
                if ilvl is None or not 0 <= ilvl < MAX_LEVELS:
                    continue
                so = _int(ov.find(W_START_OVERRIDE))
                if so is not None:
                    starts[ilvl] = so
                lvl = ov.find(W_LVL)
                if lvl is not None:
                    level = _parse_level(lvl)
                    if level is not None:
                        levels[ilvl] = replace(level, ilvl=ilvl)
            self._nums[nid] = _Num(aid, starts, levels)

    def __contains__(self, num_id: int) -> bool:
        return num_id in self._nums

    def _abstract_levels(self, aid: int, depth: int = 0) -> dict[int, Level]:
        link = self._abstract_link.get(aid)
        if link and depth < 5:
            nid = self._style_num_ids.get(link)
            num = self._nums.get(nid) if nid is not None else None
            if num is not None and num.abstract_id != aid:
                return self._abstract_levels(num.abstract_id, depth + 1)
        return self._abstract.get(aid, {})

    def level(self, num_id: int, ilvl: int) -> Level | None:
        """The effective level definition of `num_id` at `ilvl` (overrides applied)."""
        num = self._nums.get(num_id)
        if num is None:
            return None
        if ilvl in num.level_overrides:
            level = num.level_overrides[ilvl]
        else:
            level = self._abstract_levels(num.abstract_id).get(ilvl)
            if level is None:
                return None
        if ilvl in num.start_overrides:
            level = replace(level, start=num.start_overrides[ilvl])
        return level

    def level_for_style(self, num_id: int, style_id: str | None) -> int | None:
        """The ilvl whose `w:pStyle` links it to paragraph style `style_id`, if any."""
        if style_id is None or num_id not in self._nums:
            return None
        for ilvl in range(MAX_LEVELS):
            level = self.level(num_id, ilvl)
            if level is not None and level.pstyle == style_id:
                return ilvl
        return None

    def label(self, num_id: int, ilvl: int) -> str | None:
        """Advance the counter of (num_id, ilvl) and return the label Word displays.

        None for num id 0 ("no numbering"), an unknown num or level, a bullet, or an empty label.
        """
        if num_id == 0 or not 0 <= ilvl < MAX_LEVELS:
            return None
        level = self.level(num_id, ilvl)
        if level is None:
            return None
        counters = self._counters.setdefault(num_id, [None] * MAX_LEVELS)
        current = counters[ilvl]
        counters[ilvl] = level.start if current is None else current + 1
        for deeper in range(ilvl + 1, MAX_LEVELS):
            d = self.level(num_id, deeper)
            threshold = deeper if d is None or d.restart is None else d.restart
            if ilvl < threshold:
                counters[deeper] = None
        if level.num_fmt == "bullet" or not level.lvl_text:
            return None

        def fill(m: re.Match) -> str:
            k = int(m.group(1)) - 1
            ref = level if k == ilvl else self.level(num_id, k)
            if ref is None:
                return ""
            value = counters[k] if counters[k] is not None else ref.start
            fmt = "decimal" if level.is_lgl and ref.num_fmt != "none" else ref.num_fmt
            return format_number(value, fmt) or ""

        text = _PLACEHOLDER.sub(fill, level.lvl_text)
        return text or None
