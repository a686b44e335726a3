"""Figures in running text and in table cells: Arabic and Chinese numerals, units, percentages.

`find_numbers` reads what a report states as a figure and leaves alone what only looks like one:

- Arabic numbers are always read: 1,234 / 1，234 (a comma groups only when exactly three digits
  follow, so "85件，其中26件" stays two figures), full-width digits, decimals, a sign written
  directly before the digit (-8, －8, but not the dash of a range such as 1-3).
- A multiplier after the number is applied and the unit kept: 3.1万条 → 31000 条,
  24.9万元 → 249000 元.
- Chinese numerals (〇 ○ 零, O between Chinese digits, 两, 十百千万亿, capitals 壹…玖 拾佰仟) are read
  only when a unit follows (两千零三十件 → 2030 件), after 第 (ordinal), after 百分之 (percent) or as
  a numbering label at the start of a line (一、 / （一） / 一是). Bare Chinese numerals are words, not
  figures: 三安全一稳定, 一站式, 统一, 进一步, “十四五”, 万一 yield nothing; a short list of fixed
  expressions that do have a unit after the numeral (一次性, 一件事, 最多跑一次, 一部分, 四个意识, …)
  is skipped too.
- 12% / １２％ / 百分之十二 / 百分之12.5 are percentages (`value` is the number as written: 12);
  12.5个百分点 is a difference in points, not a share.
- 近 约 超过 逾 before the number, 余 多 after it (100余人次, 2万余份) and 左右 以上 after the unit set
  `approx`; 上万件 is 10000, approximate. The span covers the number, 余/多, the multiplier and the
  unit, not the approximation words around them.
- Dates are read by `dates.py`: a year alone (2023年, 2023年度, 二〇二三年) is a figure of kind
  "year"; a date with a month yields nothing. Also skipped: URLs, e-mail addresses, phone and fax
  numbers, postal codes, document numbers (〔2021〕30号), 索引号-style codes, times of day (9:00),
  section numbers and versions (3.1.2), tokens mixing letters and digits (5G, COVID-19) and
  integers with a leading zero (0517).

Kinds: "count" (default), "amount" (unit 元), "percent", "points" (个百分点), "ordinal" (第N…, N号,
N季度, numbering labels) and "year".

Callers may pass original or folded text: matching runs on a folded copy of the same length, and
spans and `raw` refer to the text passed in. Everything is a handful of regular expressions and one
left-to-right scan, linear in the length of the text.
"""

from __future__ import annotations

import bisect
import re
from decimal import Decimal, InvalidOperation

from govlint import recache
from govlint.record import Record
from govlint.text.dates import find_dates
from govlint.text.normalize import fold

KINDS = ("count", "amount", "percent", "points", "ordinal", "year")

# Units kept after a figure, longest first so that 人次 wins over 人 and 个工作日 over 个.
# 万/亿 are multipliers, not units: 24.9万元 is 249000 with unit 元.
UNITS: tuple[str, ...] = tuple(
    sorted(
        {
            "个工作日", "工作日", "个百分点", "百分点", "人次", "件次", "条次", "户次", "家次",
            "个月", "小时", "分钟", "周年", "部门", "部分", "方面", "平方米", "公里",
            "个", "件", "条", "人", "次", "元", "家", "项", "份", "期", "场", "篇", "批", "起", "户",
            "名", "天", "日", "年", "类", "部", "本", "册", "张", "页", "封", "宗", "例", "位", "所",
            "处", "栏", "套", "台", "届", "轮", "周", "字", "笔", "倍", "座", "辆", "节", "章", "款",
        },
        key=lambda u: (-len(u), u),
    )
)
_UNITS_BY_FIRST: dict[str, tuple[str, ...]] = {}
for _u in UNITS:
    _UNITS_BY_FIRST[_u[0]] = (*_UNITS_BY_FIRST.get(_u[0], ()), _u)
del _u
# Units that make the figure a label rather than a quantity: 30号, 一季度, 2025版.
ORDINAL_UNITS = ("季度", "号", "版")
POINT_UNITS = ("个百分点", "百分点")
AMOUNT_UNITS = ("元",)

ZERO_MARKERS = frozenset({"—", "——", "－", "-", "--", "–", "―", "/", "／", "\\", "无"})


class Number(Record):
    __slots__ = ("value", "start", "end", "raw", "unit", "approx", "percent", "kind")

    def __init__(self, value: Decimal, start: int, end: int, raw: str, unit: str | None, approx: bool,
                 percent: bool, kind: str):
        self.value = value
        self.start = start
        self.end = end  # exclusive; covers the number, 余/多, a multiplier and the unit
        self.raw = raw
        self.unit = unit
        self.approx = approx
        self.percent = percent
        self.kind = kind  # one of KINDS


class CellValue(Record):
    __slots__ = ("kind", "value", "unit", "raw")

    def __init__(self, kind: str, value: Decimal | None, unit: str | None, raw: str):
        self.kind = kind  # "number" | "blank" | "zero-marker" | "text"
        self.value = value
        self.unit = unit
        self.raw = raw


# --- Chinese numerals -------------------------------------------------------------------------

_CN_DIGIT = {
    "零": 0, "〇": 0, "○": 0, "一": 1, "壹": 1, "二": 2, "两": 2, "贰": 2, "三": 3, "叁": 3,
    "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}
_CN_SMALL = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_CN_BIG = {"万": 10**4, "亿": 10**8}
_CN_ZERO = "零〇○"
_LATIN_ZERO = "OΟО"  # Latin O, Greek Omicron, Cyrillic O: a zero only between Chinese digits
_DIGITS_CLASS = "零〇○一二两三四五六七八九壹贰叁肆伍陆柒捌玖"
_PLAIN_DIGITS = "零〇○一二三四五六七八九"

# A run of Chinese numeral characters. 百 does not start 百分之/百分点; O and 点 only count between
# digits.
_CN_RUN = (
    rf"(?:[{_DIGITS_CLASS}十千万亿拾佰仟]|百(?!分[之点])"
    rf"|(?<=[{_PLAIN_DIGITS}{_LATIN_ZERO}])[{_LATIN_ZERO}](?=[{_LATIN_ZERO}]{{0,3}}[{_PLAIN_DIGITS}])"
    rf"|(?<=[{_DIGITS_CLASS}十拾])点(?=[{_DIGITS_CLASS}]))+"
)
_CN_RUN_RE = recache.compile(_CN_RUN)
_MAX_RUN = 24  # longer runs are read from their last characters only (keeps the scan linear)


def _parse_cn_integer(s: str) -> int | None:
    """A counted Chinese numeral (一百零五, 两千零三十, 十一, 三万五) or a digit string (二〇一一)."""
    if not s:
        return None
    if all(ch in _CN_DIGIT for ch in s):
        if len(s) == 1:
            return _CN_DIGIT[s]
        n = 0
        for ch in s:
            n = n * 10 + _CN_DIGIT[ch]
        return n
    total = 0  # ≥ 亿
    wan = 0  # 万 part below 亿
    sec = 0  # below 万
    num: int | None = None  # last digit not yet multiplied
    last_small = 10**5  # multipliers inside a section must decrease
    last_mult = 0
    zero_since_mult = False
    prev_digit = False
    for ch in s:
        if ch in _CN_DIGIT:
            d = _CN_DIGIT[ch]
            if d == 0:
                zero_since_mult = True
                prev_digit = False
                continue
            if prev_digit:
                return None  # 十四五: two digits in a row
            num = d
            prev_digit = True
        elif ch in _CN_SMALL:
            m = _CN_SMALL[ch]
            if m >= last_small:
                return None
            if num is None and (m != 10 or sec or wan or total):
                if m != 10:
                    return None
            sec += (num if num is not None else 1) * m
            num, last_small, last_mult = None, m, m
            zero_since_mult = prev_digit = False
        else:
            m = _CN_BIG[ch]
            if m == 10**4:
                if num is None and not sec:
                    return None
                wan = (wan + sec + (num or 0)) * m
            else:
                if num is None and not sec and not wan:
                    return None
                total = (total + wan + sec + (num or 0)) * m
                wan = 0
            sec, num, last_small, last_mult = 0, None, 10**5, m
            zero_since_mult = prev_digit = False
    if num is not None:
        if last_mult >= 100 and not zero_since_mult:
            num *= last_mult // 10  # 三万五 = 35000, 一百一 = 110
        sec += num
    return total + wan + sec


def _parse_cn(s: str) -> Decimal | None:
    """A Chinese numeral with an optional 点 fraction (十二点五 = 12.5)."""
    whole, dot, frac = s.partition("点")
    n = _parse_cn_integer(whole)
    if n is None:
        return None
    if not dot:
        return Decimal(n)
    if not frac or any(ch not in _CN_DIGIT for ch in frac):
        return None
    return Decimal(f"{n}." + "".join(str(_CN_DIGIT[ch]) for ch in frac))


def _normalise_latin_zero(run: str) -> str:
    if "O" not in run and "Ο" not in run and "О" not in run:  # _LATIN_ZERO; the usual case
        return run
    return "".join("〇" if ch in _LATIN_ZERO else ch for ch in run)


# --- Arabic numbers ---------------------------------------------------------------------------

_ARABIC = r"(?:[0-9]{1,3}(?:[,，][0-9]{3})+(?![0-9])|[0-9]+)(?:\.[0-9]+)?"
_ARABIC_RE = recache.compile(_ARABIC)
_SIGNS = "+-−"
_SIGN_CLASS = r"[+\-−]"
_MULTIPLIERS = {"百": 100, "千": 1000, "万": 10**4, "亿": 10**8}


def _arabic_value(s: str) -> Decimal:
    if "," in s or "，" in s:
        s = s.replace(",", "").replace("，", "")
    return Decimal(s)


def _scaled(value: Decimal, mult: int) -> Decimal:
    """value × multiplier, written without a spurious fraction: 3.1万 → 31000, not 31000.0."""
    if mult == 1:
        return value
    value *= mult
    if value != value.to_integral_value():
        return value.normalize()
    try:
        return value.quantize(Decimal(1))
    except InvalidOperation:  # more digits than Decimal's precision (fuzzed "9999…9亿"): as it is
        return value


# --- what is not a figure ---------------------------------------------------------------------

# The patterns of this module run on folded text (`normalize.fold`): full-width ASCII such as
# － ． ［ ］ has become - . [ ], so they are not listed (fewer ranges in a character class make it
# much cheaper to compile).

# Spans that hold no figures. URLs come first: `_excluded_spans` reads them (and the path after a
# domain) in Python, because the character class of a URL's tail (anything but spaces, CJK
# punctuation, ideographs and full-width forms) costs milliseconds to compile.
_URL_HEADS = ("https://", "http://", "ftp://", "www.")
_URL_STOP = frozenset("\"'<>（）《》“”")
_PHONE_LABELS = ("电话", "传真", "热线", "手机", "号码", "拨打", "联系方式", "邮编", "邮政编码")
_CODE_LABELS = ("索引号", "文号", "编号", "登记号", "信用代码", "身份证号", "身份证", "备案号")
_EXCLUDE_RE = recache.compile(
    "|".join(
        [
            # e-mail addresses; domains, with a path read by _url_end
            r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+",
            r"(?P<domain>(?<![A-Za-z0-9@.\-])[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.(?:gov|com|org|net|edu|cn)"
            r"(?![A-Za-z0-9\-]))",
            # document numbers: 〔2021〕30号, [2019]60号, （2023）京0101行初123号; bracketed years alone
            r"[〔\[【(（]\s*[0-9]{4}\s*[〕\]】)）][^\s，。；、,;]{0,12}?[0-9]+\s*号",
            r"[〔\[【(（]\s*(?:19|20)[0-9]{2}\s*[〕\]】)）]",
            # phone numbers by shape: 0517-87222589, (0551)62637000, 139-1234-5678, 13912345678, 400-800-8888
            r"(?<![0-9])[(（]?0[0-9]{2,3}[)）]?\s?[-—]?\s?[0-9]{7,8}(?:\s?(?:转|-)\s?[0-9]{1,5})?(?![0-9])",
            r"(?<![0-9])1[3-9][0-9](?:-?[0-9]{4}){2}(?![0-9])",
            r"(?<![0-9])[48]00-?[0-9]{3}-?[0-9]{4}(?![0-9])",
            # phone, fax, hotline, postal code after their label
            rf"(?:{'|'.join(_PHONE_LABELS)})(?:号码)?[：:为是\s]{{0,3}}"
            r"[(（]?[0-9][0-9()（）\-—\s]{3,}[0-9](?:\s?转\s?[0-9]{1,5})?(?![0-9件条个人次元家项份])",
            r"(?<![0-9])(?:12[0-9]{3}|9[56][0-9]{3,4})(?![0-9])"
            r"(?=(?:政务服务|便民服务|服务|政务|便民|市民|投诉|举报|咨询)?(?:热线|平台|专线))",
            # 索引号, 文号 and other codes after their label
            rf"(?:{'|'.join(_CODE_LABELS)})[：:\s]{{0,3}}[A-Za-z0-9\-/_.〔〕\[\]()（）]+",
            # standards: GB/T 9704-2012, DB32/T 1234-2019, ISO 9001
            r"(?<![A-Za-z])(?:GB|ISO|IEC|DB[0-9]{0,2}|JGJ|JJG|HJ|QB|YY|WS|JR)(?:/[TZ])?\s?[0-9]+(?:[.\-—:][0-9]+)*",
            # page numbers: "— 1 —" on a line of its own, "-1-" inline
            r"(?m:^[ \t]*[-—–]{1,2}[ \t]*[0-9]{1,4}[ \t]*[-—–]{1,2}[ \t]*$)",
            r"(?<![0-9A-Za-z])[-—–](?:[0-9]{1,3}| [0-9]{1,3} )[-—–](?![0-9A-Za-z])",
            # times of day, section numbers and versions, IP addresses
            r"(?<![0-9])[0-9]{1,2}[:：][0-9]{2}(?:[:：][0-9]{2})?(?![0-9])",
            r"(?<![0-9.])[0-9]+(?:\.[0-9]+){2,}(?![0-9])",
            # tokens that mix ASCII letters and digits (5G, COVID-19, H5); integers with a leading zero
            r"(?<![A-Za-z0-9_\-/.])(?=[A-Za-z0-9_\-/.]*[A-Za-z])(?=[A-Za-z0-9_\-/.]*[0-9])[A-Za-z0-9][A-Za-z0-9_\-/.]*",
            r"(?<![0-9.,，])0[0-9]{2,}(?![0-9.])",
        ]
    )
)
# Where a match of _EXCLUDE_RE (or a URL) can start: one of these characters, or a label word.
# Most branches start with a lookbehind, so `finditer` would try all of them at every character;
# `_excluded_spans` tries them only at these places (about one character in forty of a report's
# prose). Inside a run of digits only the first one is a place: every branch that starts with a
# digit refuses a digit before it.
_EXCLUDE_FIRST = recache.compile(r"[0-9A-Za-z._%+\-〔\[【(（—– \t](?:(?<=[0-9])[0-9]*)?")
_LABEL_WORDS = _PHONE_LABELS + _CODE_LABELS
# The label words under a part they share, looked for only when the text holds that part (a
# `find` costs about as much as the whole figure scan of a short paragraph; most text has no 号).
_LABEL_GROUPS = (
    ("号", tuple(w for w in _LABEL_WORDS if "号" in w)),
    ("邮", tuple(w for w in _LABEL_WORDS if "邮" in w)),
    *((w, (w,)) for w in _LABEL_WORDS if "号" not in w and "邮" not in w),
)


def _url_end(f: str, i: int) -> int:
    """The end of a URL's tail starting at `i` (no space, CJK punctuation, ideograph, full-width
    form, quote or bracket)."""
    n = len(f)
    while i < n:
        ch = f[i]
        if (ch.isspace() or "\u3000" <= ch <= "\u303f" or "\u4e00" <= ch <= "\u9fff"
                or "\uff00" <= ch <= "\uffef" or ch in _URL_STOP):
            break
        i += 1
    return i


_AFTER_DIGITS = frozenset("@.:：-_/%+abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _may_exclude(f: str, p: int, q: int) -> bool:
    """Whether `_EXCLUDE_RE` can match at place `p` (a place of `_EXCLUDE_FIRST` ending at `q`).

    A necessary condition, checked in Python because most places are the figures of the text
    (3119件) and brackets of prose, where the full alternation would be tried in vain:
    - a run of digits can start a match only if it starts with 0 (phone numbers, leading zeros),
      is five digits or more (hotlines, mobile numbers), or goes on with one of `_AFTER_DIGITS`
      (e-mail, domain, time, version, dashed phone numbers, tokens with letters);
    - a bracket starts only document numbers, bracketed years and area codes: a digit follows,
      after optional spaces."""
    ch = f[p]
    if "0" <= ch <= "9":
        return ch == "0" or q - p >= 5 or (q < len(f) and f[q] in _AFTER_DIGITS)
    if ch in "〔[【(（":
        nxt = f[p + 1 : p + 2]
        return bool(nxt) and ("0" <= nxt <= "9" or nxt.isspace())
    return True


def _excluded_spans(f: str) -> list[tuple[int, int]]:
    """Left-to-right, non-overlapping spans of URLs and of `_EXCLUDE_RE` in folded text `f`.

    The same spans as one alternation (URL, e-mail, domain with its path, the rest of
    `_EXCLUDE_RE`) run with `finditer`: tried in that order at each position, the first that
    matches wins and the scan resumes after it."""
    places = [m.start() for m in _EXCLUDE_FIRST.finditer(f) if _may_exclude(f, m.start(), m.end())]
    for part, words in _LABEL_GROUPS:
        if part not in f:
            continue
        for word in words:  # overlapping ones too: 编号码 holds 编号 and 号码
            i = f.find(word)
            while i >= 0:
                places.append(i)
                i = f.find(word, i + 1)
    spans: list[tuple[int, int]] = []
    pos = 0
    for p in sorted(set(places)):
        if p < pos:
            continue
        end = None
        if f[p] in "hfw":
            for head in _URL_HEADS:
                if f.startswith(head, p):
                    tail = _url_end(f, p + len(head))
                    if tail > p + len(head):  # a URL needs at least one character after its head
                        end = tail
                    break
        if end is None:
            m = _EXCLUDE_RE.match(f, p)
            if m is None:
                continue
            end = m.end()
            if m.group("domain") is not None and end < len(f) and f[end] in ":/":
                end = _url_end(f, end + 1)  # the path after a domain: gov.cn/xxgk
        spans.append((p, end))
        pos = end
    return spans

# Fixed expressions in which a numeral is followed by a unit but is not a figure.
_FIXED_RE = recache.compile(
    r"一次性|一次办|一件事|一条龙|一张网|一本账|一部分|一方面|一把手|一站式|一门式|一号通"
    r"|两个维护|两个确立|四个意识|四个自信|四个全面|三个代表|两个责任|三个一|三位一体|三方(?!面)"
    r"|一起(?!(?:行政|复议|诉讼|案|事|纠纷|投诉|举报|信访|事故|申请))"
)
# Characters that make a following 一 part of a word: 统一, 唯一, 进一步, 逐一, 上一年度, 每一件 …
_WORD_BEFORE_ONE = frozenset("统唯进专单同逐划均齐之万跑上下每任另这那其某")
# A unit followed by one of these characters is the start of a word: 处理, 名单, 期间, 条例 …
_NOT_A_UNIT = {"处": "理置分罚", "名": "称单义", "部": "署", "期": "间限", "条": "件例", "场": "所景",
               "所": "有在属以", "人": "民"}

# 上万件, 逾千人, 近百家: a multiplier without a digit, read as 1×, approximate.
_BEFORE_BARE_MULTIPLIER = frozenset("上逾近约超过")
_APPROX_PREFIXES = ("将近", "接近", "大约", "超过", "近", "约", "逾", "超")
_APPROX_LAST = frozenset(p[-1] for p in _APPROX_PREFIXES)
_APPROX_AFTER_RE = recache.compile(r"\s*(?:左右|以上|之多|有余)")
# Between a number and its unit: spaces, and one line break (PDF text wraps "2\n件").
_SPACE_RE = recache.compile(r"[ \t\u00a0]*(?:\r?\n[ \t\u00a0]*)?")
_MULT_RE = recache.compile(r"(?:[千万亿]|百(?!分[之点]))+")
_CONNECTOR_RE = recache.compile(r"\s*(?:至|到|~|-|−|—{1,2}|–)\s*")
_MONTH_AFTER_RE = recache.compile(r"[ \t]*月")
_LABEL_AFTER_RE = recache.compile(r"\s*[、.](?![0-9])")
_CN_LABEL_AFTER_RE = recache.compile(r"\s*(?:[、.]|是)")
_PAREN_LABEL_RE = recache.compile(rf"[(（]\s*(?:[0-9]{{1,3}}|[{_DIGITS_CLASS}十]{{1,4}})\s*[)）]")
_BEFORE_LABEL = frozenset("：:；;。，,|")  # | : a label in a Markdown table cell
_UNIT_FINAL = frozenset("".join(u[-1] for u in UNITS) + "年月日号度%")

# Where a figure can start: 百分之, a sign before a digit, a digit, a bracket before a numbering
# label, a Chinese numeral (百 not in 百分点). Written as one character class followed by what that
# character needs (checked behind it), so that `search` skips other characters in the regex
# engine's fast class scan instead of trying six branches at every character.
_START_RE = recache.compile(
    rf"[百+\-−0-9(（{_DIGITS_CLASS}十千万亿拾佰仟]"
    rf"(?:(?<=百)(?:分之|(?!分[之点]))|(?<={_SIGN_CLASS})(?=[0-9])"
    rf"|(?<=[(（])(?=\s*(?:[0-9]|[{_DIGITS_CLASS}十]))|(?<=[0-9{_DIGITS_CLASS}十千万亿拾佰仟]))"
)


def _unit_at(f: str, pos: int) -> str | None:
    for u in _UNITS_BY_FIRST.get(f[pos : pos + 1], ()):
        if f.startswith(u, pos):
            nxt = f[pos + len(u) : pos + len(u) + 1]
            if nxt and nxt in _NOT_A_UNIT.get(u, ""):
                return None
            return u
    return None


def _line_start(f: str, pos: int) -> bool:
    """Only spaces between the last line break (or the start of the text) and `pos`."""
    i = pos - 1
    while i >= 0 and f[i] in " \t\u00a0\u3000":
        i -= 1
    return i < 0 or f[i] in "\n\r"


def _prev_char(f: str, pos: int) -> str:
    i = pos - 1
    while i >= 0 and f[i] in " \t\u00a0":
        i -= 1
    return f[i] if i >= 0 else ""


class _Excluded:
    """Sorted, merged spans of text that holds no figures."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans.sort()
        merged: list[tuple[int, int]] = []
        for s, e in spans:
            if merged and s <= merged[-1][1]:
                if e > merged[-1][1]:
                    merged[-1] = (merged[-1][0], e)
            else:
                merged.append((s, e))
        self.starts = [s for s, _ in merged]
        self.spans = merged

    def overlaps(self, start: int, end: int) -> bool:
        """True if an excluded span shares a character with [start, end)."""
        i = bisect.bisect_left(self.starts, end) - 1
        return i >= 0 and self.spans[i][1] > start

    def end_of(self, pos: int) -> int | None:
        """The end of the excluded span holding `pos`, or None."""
        i = bisect.bisect_right(self.starts, pos) - 1
        if i >= 0 and self.spans[i][0] <= pos < self.spans[i][1]:
            return self.spans[i][1]
        return None


def _approx_before(f: str, pos: int) -> bool:
    """近/约/超过/逾 … just before `pos` (spaces between allowed)."""
    while pos > 0 and f[pos - 1] in " \t\u00a0":
        pos -= 1
    if pos == 0 or f[pos - 1] not in _APPROX_LAST:
        return False
    return any(f.startswith(p, pos - len(p)) for p in _APPROX_PREFIXES if pos >= len(p))


def _approx_after(f: str, end: int) -> bool:
    """左右/以上/之多/有余 after the figure. The first character is checked before the regex:
    after most figures comes a character that cannot start a match (a call costs more)."""
    ch = f[end : end + 1]
    return bool(ch) and (ch in "左以之有" or ch.isspace()) and _APPROX_AFTER_RE.match(f, end) is not None


def _read_tail(f: str, pos: int, allow_mult: bool) -> tuple[int, int, str | None, bool, bool]:
    """After a number at `pos`: (multiplier, end, unit, approx 余/多, percent)."""
    mult = 1
    end = pos
    approx = False
    ch = f[pos : pos + 1]
    if ch and ch in " \t\u00a0\r\n":  # what _SPACE_RE can start with
        p = _SPACE_RE.match(f, pos).end()
        ch = f[p : p + 1]
    else:
        p = pos
    if ch == "%":
        return 1, p + 1, "%", False, True
    if allow_mult and ch and ch in "千万亿百":
        m = _MULT_RE.match(f, p)
        if m:
            for c in m.group():
                mult *= _MULTIPLIERS[c]
            end = p = m.end()
    if p < len(f) and f[p] in "余多":
        approx = True
        end = p = p + 1
        if allow_mult and mult == 1 and (m := _MULT_RE.match(f, p)):  # 20余万元
            for c in m.group():
                mult *= _MULTIPLIERS[c]
            end = p = m.end()
    unit = _unit_at(f, p)
    if unit is not None:
        end = p + len(unit)
        if f.startswith("余", end):  # 100人余 (rare, but written)
            approx = True
            end += 1
        return mult, end, unit, approx, False
    for u in ORDINAL_UNITS:
        if f.startswith(u, p):
            return mult, p + len(u), u, approx, False
    return mult, end, None, approx, False


def _classify(unit: str | None, percent: bool) -> str:
    if percent:
        return "percent"
    if unit in POINT_UNITS:
        return "points"
    if unit in ORDINAL_UNITS:
        return "ordinal"
    if unit in AMOUNT_UNITS:
        return "amount"
    return "count"


def find_numbers(text: str, folded: bool = False) -> list[Number]:
    """Every figure in `text`, left to right, non-overlapping. `folded=True` says that `text` is
    folded already (`normalize.fold`, as `Clean.text` is), which saves folding it again."""
    f = text if folded else fold(text)
    out: list[Number] = []
    spans = _excluded_spans(f)
    for d in find_dates(f, folded=True):
        spans.append((d.start, d.end))
        if d.month is None and d.year is not None:
            unit = "年度" if f[d.end - 1] == "度" else "年"
            out.append(Number(Decimal(d.year), d.start, d.end, text[d.start : d.end], unit,
                              False, False, "year"))
    excluded = _Excluded(spans)

    def emit(value: Decimal, start: int, end: int, unit: str | None, approx: bool, percent: bool,
             kind: str) -> None:
        if excluded.overlaps(start, end):  # 百分之2023年, 0.2023年: the year (a date) wins
            return
        out.append(Number(value, start, end, text[start:end], unit, approx, percent, kind))

    n = len(f)
    pos = 0
    while pos < n:
        m = _START_RE.search(f, pos)
        if m is None:
            break
        i = m.start()
        skip_to = excluded.end_of(i)
        if skip_to is not None:
            pos = skip_to
            continue
        tok = m.group()

        if tok == "百分之":
            j = i + 3
            a = _ARABIC_RE.match(f, j)
            if a:
                value, end = _arabic_value(a.group()), a.end()
            else:
                r = _CN_RUN_RE.match(f, j)
                if r is not None and r.group() == "百":  # 百分之百
                    value, end = Decimal(100), j + 1
                else:
                    value = _parse_cn(_normalise_latin_zero(r.group())) if r else None
                    end = r.end() if r else j
            if value is None:
                pos = j
                continue
            approx = _approx_before(f, i) or _approx_after(f, end)
            emit(value, i, end, "%", approx, True, "percent")
            pos = end
            continue

        if tok in "(（":
            lab = _PAREN_LABEL_RE.match(f, i)
            if lab is None:
                pos = i + 1
                continue
            inner = lab.group()[1:-1].strip()
            value = Decimal(inner) if inner.isdigit() else _parse_cn(inner)
            if value is not None:
                emit(value, i, lab.end(), None, False, False, "ordinal")
            pos = lab.end()
            continue

        if tok in _SIGNS or tok.isdigit():
            sign = 1
            j = i
            if tok in _SIGNS:
                before = _prev_char(f, i)
                if before and (before.isalnum() and before.isascii() or before in _UNIT_FINAL
                               or before in _CN_DIGIT or before in "十百千万亿)）]〕"):
                    pos = i + 1  # a range dash (1-3, 2023年-2024年), not a sign
                    continue
                sign = -1 if tok in "-−" else 1
                j = i + 1
            a = _ARABIC_RE.match(f, j)
            digits_end = a.end()
            if j != i:  # (offset i is known to be outside the excluded spans)
                skip_to = excluded.end_of(j)
                if skip_to is not None:
                    pos = skip_to
                    continue
            raw = a.group()
            value = _arabic_value(raw) * sign
            # What follows the digits decides the next two tests; looking at that character first
            # spares two regex calls after most figures.
            nxt = f[digits_end : digits_end + 1]
            # A numbering label: "1、" or "1." at the start of a line or after ：；。
            if (sign == 1 and nxt and (nxt in "、." or nxt.isspace()) and "." not in raw
                    and _LABEL_AFTER_RE.match(f, digits_end)
                    and (_line_start(f, i) or _prev_char(f, i) in _BEFORE_LABEL)):
                emit(value, i, digits_end, None, False, False, "ordinal")
                pos = digits_end
                continue
            # 3月 is a month, not a figure.
            if sign == 1 and nxt and nxt in " \t月":
                month = _MONTH_AFTER_RE.match(f, digits_end)
                if month and raw.isdigit() and 1 <= int(raw) <= 12:
                    pos = month.end()
                    continue
            # Most figures are digits and a unit (3119件): that case skips `_read_tail`.
            unit = _unit_at(f, digits_end) if nxt in _UNITS_BY_FIRST else None
            if unit is not None and not f.startswith("余", digits_end + len(unit)):
                end, approx, percent = digits_end + len(unit), False, False
            else:
                mult, end, unit, approx, percent = _read_tail(f, digits_end, True)
                value = _scaled(value, mult)
            approx = approx or _approx_before(f, i) or _approx_after(f, end)
            kind = "ordinal" if _prev_char(f, i) == "第" else _classify(unit, percent)
            if not excluded.overlaps(i, end):  # 百分之2023年, 0.2023年: the year (a date) wins
                out.append(Number(value, i, end, text[i:end], unit, approx and kind != "ordinal", percent, kind))
            pos = end
            continue

        # A run of Chinese numerals.
        r = _CN_RUN_RE.match(f, i)
        if r is None:  # cannot happen: _START_RE only stops on run characters
            pos = i + 1
            continue
        run_end = r.end()
        start = i
        # Leading O/点 cannot start a numeral.
        while start < run_end and (f[start] in _LATIN_ZERO or f[start] == "点"):
            start += 1
        if run_end - start > _MAX_RUN:
            start = run_end - _MAX_RUN
        pos = run_end
        if start >= run_end:
            continue
        prev = _prev_char(f, start)
        if prev in _WORD_BEFORE_ONE and run_end - start == 1 and f[start] == "一":
            continue  # 统一, 进一步 (the test below, made before reading: the commonest case)
        # 百姓, 千家万户, 万一: a run that starts with a multiplier is a word, unless 上万/上千/上百.
        upper = False
        if f[start] in "百千万亿佰仟":
            if not prev or prev not in _BEFORE_BARE_MULTIPLIER:
                continue
            upper = True
        if prev and prev in "数几":
            continue  # 数十件, 几百人: no value
        if _FIXED_RE.match(f, start):
            continue
        # Read the run, or else its longest readable tail (唯一一个 → 一个).
        value = None
        for s in range(start, run_end):
            piece = _normalise_latin_zero(f[s:run_end])
            digit_string = len(piece) > 1 and all(ch in _CN_DIGIT for ch in piece)
            if piece[0] in "百千万亿佰仟" and not upper:
                continue
            if digit_string:
                continue  # 二〇二三 without 年 is not a count
            value = _parse_cn(piece) if not upper else _parse_cn("一" + piece)
            if value is not None:
                start = s
                prev = _prev_char(f, start)
                break
        if value is None:
            continue
        if prev == "第":
            _, end, unit, _, _ = _read_tail(f, run_end, False)
            emit(value, start, end, unit, False, False, "ordinal")
            pos = end
            continue
        if (_line_start(f, start) or prev in _BEFORE_LABEL) and _CN_LABEL_AFTER_RE.match(f, run_end):
            emit(value, start, run_end, None, False, False, "ordinal")
            pos = run_end
            continue
        if f[run_end - 1] == "一" and run_end - start == 1 and prev in _WORD_BEFORE_ONE:
            continue
        mult, end, unit, approx, percent = _read_tail(f, run_end, True)  # 二十余万元
        value = _scaled(value, mult)
        if unit is None:
            continue  # a bare Chinese numeral is a word, not a figure
        approx = approx or upper or _approx_before(f, start) or _approx_after(f, end)
        emit(value, start, end, unit, approx, percent, _classify(unit, percent))
        pos = end

    out.sort(key=lambda x: x.start)
    _years_in_ranges(f, out)
    return out


def _years_in_ranges(f: str, out: list[Number]) -> None:
    """2021-2023年: the first number of a year range is a year too."""
    for k in range(len(out) - 1):
        a, b = out[k], out[k + 1]
        if (b.kind == "year" and a.kind == "count" and a.unit is None and not a.approx
                and a.value == a.value.to_integral_value() and 1000 <= a.value <= 2999
                and _CONNECTOR_RE.fullmatch(f, a.end, b.start)):
            out[k] = Number(a.value, a.start, a.end, a.raw, None, False, False, "year")


def parse_number(s: str) -> Decimal | None:
    """`s` as one number (Arabic or Chinese numerals, optional sign and 万/亿 multiplier), else None.

    Percentages and units are not numbers here: use `find_numbers` or `parse_cell`.
    """
    f = fold(s).strip()
    if not f:
        return None
    sign = 1
    if f[0] in _SIGNS:
        sign = -1 if f[0] in "-−" else 1
        f = f[1:].lstrip()
    a = _ARABIC_RE.match(f)
    if a:
        rest = f[a.end():]
        mult = 1
        if rest:
            m = _MULT_RE.fullmatch(rest)
            if m is None:
                return None
            for ch in rest:
                mult *= _MULTIPLIERS[ch]
        try:
            return _scaled(_arabic_value(a.group()), mult) * sign
        except InvalidOperation:
            return None
    r = _CN_RUN_RE.fullmatch(f)
    if r is None:
        return None
    value = _parse_cn(_normalise_latin_zero(f))
    return None if value is None else value * sign


_CELL_RE = recache.compile(
    rf"(?P<sign>{_SIGN_CLASS})?\s*(?P<num>{_ARABIC})\s*(?P<mult>(?:[千万亿]|百(?!分))*)\s*(?P<rest>.*)"
)


def parse_cell(s: str) -> CellValue:
    """A table cell: a number (with an optional unit or %), blank, a zero marker (— / 无), or text."""
    f = fold(s).strip()
    if not f:
        return CellValue("blank", None, None, s)
    if f in ZERO_MARKERS or re.fullmatch(r"[—\-–―]+", f):
        return CellValue("zero-marker", None, None, s)
    m = _CELL_RE.fullmatch(f)
    if m:
        rest = m["rest"]
        unit: str | None = None
        if rest:
            if rest == "%":
                unit = "%"
            elif rest in UNITS or rest in ORDINAL_UNITS:
                unit = rest
            else:
                return CellValue("text", None, None, s)
        mult = 1
        for ch in m["mult"]:
            mult *= _MULTIPLIERS[ch]
        value = _scaled(_arabic_value(m["num"]), mult)
        if m["sign"] in ("-", "−"):
            value = -value
        return CellValue("number", value, unit, s)
    value = parse_number(f)
    if value is not None:
        return CellValue("number", value, None, s)
    r = _CN_RUN_RE.match(f)
    if r and r.end() < len(f) and f[r.end():] in UNITS:
        value = parse_number(r.group())
        if value is not None:
            return CellValue("number", value, f[r.end():], s)
    return CellValue("text", None, None, s)
