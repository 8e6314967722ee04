"""Numeral systems of enumerators: the Chinese ordinals, Arabic and full-width digits, circled and bracketed
digits; a number written in one of them and read back."""

from __future__ import annotations

_HAN_DIGITS = "一二三四五六七八九"
CIRCLED_DIGITS = "".join(map(chr, range(0x2460, 0x2474))) + "".join(map(chr, range(0x3251, 0x3260)))
CIRCLED_DIGITS += "".join(map(chr, range(0x32B1, 0x32C0)))  # ①…⑳ ㉑…㉟ ㊱…㊿
PAREN_DIGITS = "".join(map(chr, range(0x2474, 0x2488)))  # ⑴…⒇
STOP_DIGITS = "".join(map(chr, range(0x2488, 0x249C)))  # ⒈…⒛
#: The numerals that may be part of an inline enumerator (一是, 第十二，).
INLINE_NUMERALS = frozenset(_HAN_DIGITS + "十")
_FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
_HALFWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")

HAN, ARABIC, FULLWIDTH, CIRCLED, PAREN_DIGIT, STOP_DIGIT, WORD = (
    "han",
    "arabic",
    "fullwidth",
    "circled",
    "paren-digit",
    "stop-digit",
    "word",
)
_TABLES = {CIRCLED: CIRCLED_DIGITS, PAREN_DIGIT: PAREN_DIGITS, STOP_DIGIT: STOP_DIGITS}


def han_numeral(number: int) -> str:
    """The Chinese numeral of 1 to 999, as ordinals are written (``十二``, ``二十``, ``一百零五``)."""
    hundreds, rest = divmod(number, 100)
    tens, ones = divmod(rest, 10)
    text = f"{_HAN_DIGITS[hundreds - 1]}百" if hundreds else ""
    if tens:
        text += ("" if tens == 1 and not hundreds else _HAN_DIGITS[tens - 1]) + "十"
    elif hundreds and ones:
        text += "零"
    return text + (_HAN_DIGITS[ones - 1] if ones else "")


#: Ordinals are written in one canonical way, so parsing is a lookup of what :func:`han_numeral` writes.
_HAN_VALUES = {han_numeral(number): number for number in range(1, 1000)}


def han_number(text: str) -> int | None:
    """The value of a Chinese ordinal numeral from 1 to 999 (``一``, ``十二``, ``二十``, ``一百零五``), else None."""
    return _HAN_VALUES.get(text)


def render(number: int, system: str) -> str:
    """``number`` written in ``system`` (beyond the circled or bracketed digits: in Arabic digits)."""
    if system == HAN:
        return han_numeral(number)
    if system == ARABIC:
        return str(number)
    if system == FULLWIDTH:
        return str(number).translate(_FULLWIDTH)
    table = _TABLES[system]
    return table[number - 1] if 0 < number <= len(table) else str(number)


def value(numeral: str, system: str) -> int | None:
    """The number written as ``numeral`` in ``system``; None for a Chinese numeral that is no ordinal."""
    if system == HAN:
        return han_number(numeral)
    if system in (ARABIC, FULLWIDTH):
        return int(numeral.translate(_HALFWIDTH))
    return _TABLES[system].index(numeral) + 1


def system_of(numeral: str) -> str:
    """The system ``numeral`` is written in, by its first character."""
    first = numeral[0]
    if first in "0123456789":
        return ARABIC
    if first in "０１２３４５６７８９":
        return FULLWIDTH
    if first in CIRCLED_DIGITS:
        return CIRCLED
    if first in PAREN_DIGITS:
        return PAREN_DIGIT
    if first in STOP_DIGITS:
        return STOP_DIGIT
    return HAN
