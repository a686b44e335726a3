"""Contact information: where readers can ask about the report (phone, address or e-mail).

`mode: missing` (GL203) reports a report in which no contact is found: a phone number, address
or e-mail that follows one of the context words (电话, 联系电话, 传真, 热线, 地址, 邮箱 …) — a bare
8-digit number is not taken for a phone number. `mode: invalid` (GL204) reports a phone number
after such a word that cannot be dialled (wrong length for a landline with area code, a mobile
or a hotline) or an e-mail that is malformed.

    - id: GL203
      kind: contact-info
      mode: missing
      severity: warning
      message: 未提供咨询本报告的联系方式（电话、地址或电子邮箱）
      phone_words: [电话, 传真, 热线]
      address_words: [地址, 通讯地址]
      email_words: [邮箱, 电子邮件, e-mail, email]
      address_pattern: '[\u4e00-\u9fff]{2,}.{0,30}?(路|街|道|号|大厦|楼|院|巷|大道|广场|室)'
      labels: {phone: 电话号码, email: 电子邮箱}
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from govlint import recache
from govlint.facts import Facts
from govlint.kinds._util import MAX_PATTERN, bad, compile_one, match
from govlint.kinds.base import Finding, Rule

_PHONE = recache.compile(r"[(（]?\d[\d\-－—–()（） ]{3,22}\d(?:\s*(?:转|-|ext)\s*\d{1,6})?")
_EMAILISH = recache.compile(r"[A-Za-z0-9._%+\-]+\s*@\s*[A-Za-z0-9.\-]*[A-Za-z0-9]")
_EMAIL_OK = recache.compile(r"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}$")


def prepare(params: dict):
    if params.get("mode") not in ("missing", "invalid"):
        raise bad("mode", "mode must be 'missing' or 'invalid'")
    out = {}
    for k in ("phone_words", "address_words", "email_words"):
        words = params.get(k, [])
        if not isinstance(words, list) or not all(isinstance(w, str) and len(w) <= MAX_PATTERN for w in words):
            raise bad(k, "a list of words is required")
        # words are escaped: a plain alternation of literals, linear in the text
        out[k] = recache.compile("(" + "|".join(re.escape(w) for w in words) + r")\s*[:：]?\s*", re.I) if words else None
        out[k + ":needles"] = _needles(words)
    out["address"] = compile_one(params.get("address_pattern") or r"\S{4,}", "address_pattern")
    return out


# ASCII letters that re.I matches only to their own upper/lower case: 'i', 's' and 'k' also match
# 'ı', 'İ', 'ſ' and the Kelvin sign, which str.lower() does not bring to them.
_PLAIN_CASED = frozenset("abcdefghjlmnopqrtuvwxyzABCDEFGHJLMNOPQRTUVWXYZ")


def _needles(words: list[str]) -> tuple[str, ...] | None:
    """The words lower-cased, for a substring test before the case-insensitive regex: a regex
    with re.I has no literal prefix to skip by, and scanning every paragraph with it cost ~3 ms;
    most paragraphs hold none of the words. None (always run the regex) when a word has a
    letter whose case-insensitive matches str.lower() would not find."""
    if not all(c in _PLAIN_CASED or c.lower() == c.upper() == c for w in words for c in w):
        return None
    return tuple(w.lower() for w in words)


def _has_word(needles: tuple[str, ...] | None, lowered: str) -> bool:
    return needles is None or any(n in lowered for n in needles)


def _phone_ok(raw: str) -> bool:
    # Written with str methods: the re module's own cache would compile two patterns per process.
    main = raw
    for sep in ("转", "ext"):
        main = main.split(sep, 1)[0]
    digits = "".join(ch for ch in main if ch.isdecimal())
    if digits.startswith("0"):  # area code + number: 010-12345678 (11), 0517-87222589 (12), 0xxx-1234567 (11)
        return 11 <= len(digits) <= 12
    if digits.startswith("1") and len(digits) == 11:
        return digits[1] in "3456789"  # mobile
    if digits.startswith(("400", "800")):
        return len(digits) == 10
    return len(digits) in (5, 7, 8)  # hotline 12345 / 95xxx, or a local number


def contacts(facts: Facts, compiled) -> list[tuple[str, object, tuple[int, int], str, bool]]:
    """(type, paragraph, span, value, valid) for every contact found in the report. Computed once
    per document for the same words and address pattern (GL203 and GL204 share them)."""
    key = tuple(p.pattern if p is not None else None
                for p in (compiled["phone_words"], compiled["email_words"], compiled["address_words"],
                          compiled["address"]))
    cache = facts.__dict__.setdefault("_contacts", {})
    if key not in cache:
        cache[key] = _contacts(facts, compiled)
    return cache[key]


def _contacts(facts: Facts, compiled) -> list[tuple[str, object, tuple[int, int], str, bool]]:
    out = []
    for para, _ in facts.paragraphs():
        clean = facts.clean(para.text)
        t = clean.text
        lowered = t.lower()
        if compiled["phone_words"] and _has_word(compiled["phone_words:needles"], lowered):
            for m in compiled["phone_words"].finditer(t):
                pm = _PHONE.match(t, m.end())
                if pm:
                    s, e = clean.orig_span(pm.start(), pm.end())
                    out.append(("phone", para, (s, e), pm.group().strip(), _phone_ok(pm.group())))
        has_at = "@" in t  # every e-mail address has one (a quick test before the regexes)
        if compiled["email_words"] and has_at and _has_word(compiled["email_words:needles"], lowered):
            for m in compiled["email_words"].finditer(t):
                em = _EMAILISH.match(t, m.end())
                if em:
                    v = re.sub(r"\s", "", em.group())
                    s, e = clean.orig_span(em.start(), em.end())
                    out.append(("email", para, (s, e), v, bool(_EMAIL_OK.match(v))))
        for em in _EMAILISH.finditer(t) if has_at else ():  # an address anywhere, with or without a context word
            v = re.sub(r"\s", "", em.group())
            if _EMAIL_OK.match(v):
                s, e = clean.orig_span(em.start(), em.end())
                out.append(("email", para, (s, e), v, True))
        if compiled["address_words"] and _has_word(compiled["address_words:needles"], lowered):
            for m in compiled["address_words"].finditer(t):
                rest = t[m.end():m.end() + 40]
                if match(compiled["address"], rest):
                    s, e = clean.orig_span(m.start(), m.end())
                    out.append(("address", para, (s, e), rest, True))
    return out


def check(rule: Rule, facts: Facts) -> Iterator[Finding]:
    found = contacts(facts, rule.compiled)
    if rule.params["mode"] == "missing":
        if not found and facts.doc.kind == "annual-report":
            yield Finding(values={})
        return
    seen = set()
    for typ, para, span, value, valid in found:
        if not valid and (id(para), span) not in seen:
            seen.add((id(para), span))
            label = (rule.params.get("labels") or {}).get(typ, typ)
            yield Finding(block=para, span=span, values={"kind": label, "value": value})
