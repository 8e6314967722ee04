"""Heading markers: the outline marker that opens a block (``一、`` ``（一）`` ``1.`` ``（1）`` ``1）`` ``①``
``第一章``…), the part breaks that open an annex, and the labels a list may stand after (``附件：1.``)."""

from __future__ import annotations

from collections import defaultdict

import regex

from reportlint.analysis.lazy import lazy_regex
from reportlint.analysis.outline.enumerators import Enumerator
from reportlint.analysis.outline.numerals import (
    ARABIC,
    CIRCLED,
    CIRCLED_DIGITS,
    FULLWIDTH,
    HAN,
    PAREN_DIGIT,
    PAREN_DIGITS,
    STOP_DIGIT,
    STOP_DIGITS,
    system_of,
    value,
)
from reportlint.document import Block

_HAN_NUM = "[一二三四五六七八九十]{1,3}"
_ARABIC_NUM = "[1-9][0-9]{0,2}|[１-９][０-９]{0,2}"
#: Numbers listed together at a block start are not a heading: 一、二季度, 二、三产业, 一、二月份, 一、二、三级.
_NUMBER_LIST = lazy_regex(r"[一二三四五六七八九十](?:[、，]|季度|产业|等奖|年级|级|类|线城市|批|期|月|号)")
_DIGITS = "0123456789０１２３４５６７８９"
#: (kind, first characters, pattern) tried in order at the start of a block; groups: head, numeral, tail,
#: punct. The kind of ``第…章/节/条/部分/编`` is ``第一`` + its unit.
_HEADING_FORMS = (
    (None, "第", r"(第)([一二三四五六七八九十百零〇]{1,6})(章|节|条|部分|编)(?:([、.．])|(?=[\s\u3000，,：:]|$))"),
    # 一.1 / 一.1.2 is a hierarchical number, not 一. before its text; 三.2026年工作打算 is 三. (a year follows)
    ("一、", "一二三四五六七八九十", rf"()({_HAN_NUM})()(、|[.．](?![0-9０-９]{{1,2}}(?:[.．\s]|$)))"),
    ("（一）", "（(", rf"([（(])({_HAN_NUM})([）)])([、.．，,]?)"),
    ("（1）", "（(", r"([（(])([1-9][0-9]?|[１-９][０-９]?)([）)])([、.．，,]?)"),
    ("1.", _DIGITS, rf"()({_ARABIC_NUM})()([.．、])(?![0-9０-９%％])"),
    ("1）", _DIGITS, r"()([1-9][0-9]?)([）)])()(?![0-9])"),
    ("①", CIRCLED_DIGITS, rf"()([{CIRCLED_DIGITS}])()([、.．，,]?)"),
    ("（1）", PAREN_DIGITS, rf"()([{PAREN_DIGITS}])()([、.．，,]?)"),
    ("1.", STOP_DIGITS, rf"()([{STOP_DIGITS}])()()"),
)
#: After a label, and in a list already running, titles may start with a figure: 附件：1.2023年度…
_FIGURE_LED = ("1.", _DIGITS, r"()([1-9][0-9]?)()([.．、])")


def _by_first_char(forms: tuple[tuple[str | None, str, str], ...]) -> dict[str, list[tuple[str | None, regex.Pattern]]]:
    table: dict[str, list[tuple[str | None, regex.Pattern]]] = defaultdict(list)
    for kind, firsts, pattern in forms:
        compiled = lazy_regex(pattern)
        for char in firsts:
            table[char].append((kind, compiled))
    return dict(table)


_FORMS = _by_first_char(_HEADING_FORMS)
_FIGURE_LED_FORMS = _by_first_char((_FIGURE_LED, *_HEADING_FORMS))
#: Indentation (every text starts with a match, possibly empty).
_INDENT = lazy_regex(r"[ \t\u3000\u00a0]*")
#: Indentation and a label that may stand before the first item of a list: 附件：1.…, 注：1.…
_LEAD = lazy_regex(r"[ \t\u3000\u00a0]*(?P<label>(?:附件|附表|附|注|说明|备注)[:：][ \t\u3000\u00a0]*)?")
#: The characters that _LEAD starts with.
_LEAD_FIRST = frozenset(" \t\u3000\u00a0附注说备")
#: A line that opens an annex: the annex has an outline of its own.
_PART_BREAK = lazy_regex(r"[ \t\u3000\u00a0]*附[件表][ \t\u3000]*[0-9０-９一二三四五六七八九十]{0,3}[ \t\u3000\u00a0]*")
#: A numbered reference or footnote: a work in 《》 with its pages, publisher or edition (a heading may name a
#: volume: 1.学习《……》第四卷).
_REFERENCE = lazy_regex(
    r"[^。；]{0,30}《[^》]{1,60}》[^。]{0,40}?(?:第\s*[0-9一二三四五六七八九十]+(?:[—–~-][0-9]+)?\s*页|出版社|年版|\bp\.)"
)


def indent_end(text: str) -> int:
    """Where the indentation at the start of ``text`` ends."""
    match = _INDENT.match(text)
    return match.end() if match else 0


def heading_marker(block: Block, figure_led: bool = False) -> Enumerator | None:
    """The outline marker opening ``block``, if any. ``figure_led``: also take ``2.`` before a figure
    (``2.1个工作日内…``), which is only a heading where it continues a list (``1.`` just before)."""
    text = block.text
    if text[:1] not in _LEAD_FIRST and text[:1] not in (_FIGURE_LED_FORMS if figure_led else _FORMS):
        return None  # most blocks: no indentation, label or marker to look at
    lead = _LEAD.match(text)
    if lead is None:  # the pattern matches every text (all of it is optional)
        return None
    start = lead.end()
    if start >= len(text):
        return None
    forms = _FIGURE_LED_FORMS if figure_led or lead.group("label") else _FORMS
    for kind, pattern in forms.get(text[start], ()):
        match = pattern.match(text, start)
        if match is None:
            continue
        head, numeral, tail, punct = (group or "" for group in match.groups())
        kind = kind or head + "一" + tail
        system = system_of(numeral)
        number = value(numeral, system)
        if number is None or not _is_heading(kind, text, match.end(), system):
            return None
        return Enumerator(block, start, match.end(), kind, number, True, head, numeral, tail, punct, system)
    return None


def _is_heading(kind: str, text: str, end: int, system: str) -> bool:
    if kind == "一、" and _NUMBER_LIST.match(text, end):
        return False
    if system in (CIRCLED, ARABIC, FULLWIDTH, PAREN_DIGIT, STOP_DIGIT) and "《" in text:
        return _REFERENCE.match(text, end) is None
    return True


def is_part_break(block: Block) -> bool:
    """Whether ``block`` opens an annex (``附件2``), which has an outline of its own."""
    return "附" in block.text[:8] and _PART_BREAK.fullmatch(block.text) is not None


def labelled(marker: Enumerator) -> bool:
    """Whether a label stands before ``marker`` (``附件：1.``): it opens a list of its own."""
    return marker.start > 0 and marker.start > indent_end(marker.block.text)


#: A short title and then the first subheading on the same line: ``一、主要成效（一）抓党建……``.
_GLUED = regex.compile(r"[^。；，！？：:;,\n（(]{2,30}(?=[（(]一[）)])")


def glued_subheading(marker: Enumerator) -> Enumerator | None:
    """The ``（一）`` glued to the title of a ``一、`` heading on its line, as the first of its own group."""
    if marker.kind != "一、":
        return None
    text = marker.block.text
    title = _GLUED.match(text, marker.end)
    if title is None:
        return None
    match = _FORMS["（"][0][1].match(text, title.end())
    if match is None:
        return None
    head, numeral, tail, punct = (group or "" for group in match.groups())
    return Enumerator(marker.block, title.end(), match.end(), "（一）", 1, True, head, numeral, tail, punct, HAN)
