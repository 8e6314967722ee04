"""Numerals as written in report text, parsed exactly: Arabic (``1,234.5``, full-width ``１２``) and Chinese
(``十三``, ``两千``, ``一百零五``, ``三亿五千万``, ``四十二点三七``, ``二〇二一``).

A small exact parser rather than cn2an: it is exact on the forms reports use, costs nothing to import, and
says "not a numeral" (None) for runs that only look like one (``五四``, ``十四五``). The tests check it
against cn2an.
"""

from __future__ import annotations

from decimal import Decimal

from reportlint.analysis.lazy import lazy_regex

#: An Arabic numeral: ASCII or full-width digits, ``,`` thousands separators, a decimal point. A full-width
#: ``，`` between groups of three digits is read as a thousands separator too (``1，820亿元``,
#: ``３６，５１７，０００元``: typed with a Chinese input method), unless a further number follows it
#: (``98，100，95``: a list).
ARABIC = (
    r"[0-9０-９]+(?:,[0-9]{3})+(?![0-9])(?:\.[0-9]+)?"
    r"|[0-9０-９]{1,3}(?:，[0-9０-９]{3})+(?![0-9０-９]|，[0-9０-９])(?:[.．][0-9０-９]+)?"
    r"|[0-9０-９]+(?:[.．][0-9０-９]+)?"
)
#: A run of Chinese numeral characters, with an optional decimal part (``四十二点三七``).
CHINESE = r"[零〇○一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]+(?:点[零〇○一二三四五六七八九]+)?"

_FULLWIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.")
_DIGITS = {
    "零": 0, "〇": 0, "○": 0, "一": 1, "壹": 1, "二": 2, "两": 2, "贰": 2, "三": 3, "叁": 3, "四": 4, "肆": 4,
    "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9,
}  # fmt: skip
_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_ARABIC = lazy_regex(ARABIC)


def parse_arabic(text: str) -> tuple[Decimal, int]:
    """Value and number of decimal places of an Arabic numeral (``1,234.50`` → 1234.50, 2)."""
    plain = (text if text.isascii() else text.translate(_FULLWIDTH)).replace(",", "").replace("，", "")
    decimals = len(plain) - plain.index(".") - 1 if "." in plain else 0
    return Decimal(plain), decimals


def is_arabic(text: str) -> bool:
    return _ARABIC.fullmatch(text) is not None


def parse_chinese(text: str) -> tuple[Decimal, int] | None:
    """Value and decimal places of a Chinese numeral, or None when the run is not a well-formed numeral."""
    whole, _, fraction = text.partition("点")
    value = _integer(whole)
    if value is None or (fraction and not all(_DIGITS.get(ch, 10) < 10 and ch != "两" for ch in fraction)):
        return None
    if not fraction:
        return Decimal(value), 0
    return Decimal(f"{value}.{''.join(str(_DIGITS[ch]) for ch in fraction)}"), len(fraction)


def spelled_digits(text: str) -> int | None:
    """A numeral written digit by digit (``二〇二一`` → 2021), as years are; None for any other form."""
    if len(text) < 2 or not all(ch in _DIGITS and ch != "两" for ch in text):
        return None
    return int("".join(str(_DIGITS[ch]) for ch in text))


def _integer(text: str) -> int | None:
    if not text:
        return None
    for big, factor in (("亿", 10**8), ("万", 10**4)):
        if big in text:
            left, _, right = text.rpartition(big)
            rest = right.lstrip("零〇○")
            high = _integer(left) if left else 1
            low = _integer(rest) if rest else 0
            if high is None or low is None or low >= factor:
                return None
            if len(right) == 1:
                low *= factor // 10  # 一万二 = 12000
            return high * factor + low
    return _section(text)


def _section(text: str) -> int | None:
    """A numeral below 10,000 (no 万 or 亿): 十三, 两千零五, 一百二."""
    if len(text) > 1 and all(ch in _DIGITS for ch in text):
        return None  # digit by digit (二〇二一, 五四): a year or a name, not a count
    total, digit, last_unit, previous = 0, None, None, ""
    for index, ch in enumerate(text):
        if ch in _DIGITS:
            if digit not in (None, 0) or (previous in _DIGITS and _DIGITS[previous] != 0):
                return None
            digit = _DIGITS[ch]
        elif ch in _UNITS:
            unit = _UNITS[ch]
            if last_unit is not None and unit >= last_unit:
                return None
            if digit is None:
                if index != 0 or unit != 10:
                    return None
                digit = 1  # 十三
            total += digit * unit
            digit, last_unit = None, unit
        else:
            return None
        previous = ch
    if digit:
        if last_unit and last_unit >= 100 and text[-2] in _UNITS:
            return total + digit * last_unit // 10  # 一百二 = 120
        total += digit
    return total
