"""Character classes of Chinese report text, shared by the analyses and rules."""

from __future__ import annotations

import regex

from reportlint.analysis.lazy import lazy_regex

HAN = lazy_regex(r"\p{Han}")
LATIN_LETTER = lazy_regex(r"\p{Latin}")
DIGIT = lazy_regex(r"[0-9０-９]")
LATIN_OR_DIGIT = lazy_regex(r"[\p{Latin}0-9０-９]")
#: Chinese numerals, including ○ written for zero in dates (二○二三年).
CHINESE_NUMERAL = lazy_regex(r"[〇○零一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟]")
#: Characters that make a neighbour "Chinese context": Han, CJK and full-width punctuation, quotes.
CJK_CONTEXT = lazy_regex(r"[\p{Han}\p{InCJK_Symbols_and_Punctuation}\p{InHalfwidth_and_Fullwidth_Forms}“”‘’…—·%+]")
#: Chinese text proper: Han characters and Chinese (full-width) punctuation marks, without the ideographic
#: space, full-width letters and digits, or signs such as ``%`` that Latin text uses too.
CHINESE_TEXT = lazy_regex(r"[\p{Han}\u3001-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65“”‘’…—·]")

#: Where a statement ends: after a sentence, or a part of one set off by a semicolon.
STATEMENT_MARKS = "。！？!?；;"
STATEMENT_END = lazy_regex(f"[{STATEMENT_MARKS}]")


def char_at(text: str, index: int) -> str:
    """The character at ``index``, or "" outside the text (so class checks on block edges are false)."""
    return text[index] if 0 <= index < len(text) else ""


def is_(pattern: regex.Pattern[str], char: str) -> bool:
    return bool(char) and pattern.match(char) is not None
