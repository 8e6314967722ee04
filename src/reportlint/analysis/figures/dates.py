"""Calendar dates written with a month: ``2021年11月5日``, ``11月5日``, ``二〇二四年十二月二十六日``,
``13月``, and whether such a day exists (``2月30日``, ``4月31日``, ``13月``; ``2月29日`` in a year named as
not a leap year).

A month alone counts as a date only when a year comes before it or a day, ``份``, ``底``, ``初``, ``中旬``,
``下旬`` or ``上旬`` after it: ``13个月`` is a span of time, and ``1—13月`` never a date but not worth a guess.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass

from reportlint.analysis.figures.numerals import ARABIC, CHINESE, is_arabic, parse_arabic, parse_chinese, spelled_digits
from reportlint.analysis.lazy import lazy_regex
from reportlint.document import Block, Document

_NUMBER = rf"(?:{ARABIC}|{CHINESE})"
_DATE = lazy_regex(
    rf"(?:(?P<year>[0-9０-９]{{4}}|[〇○零一二三四五六七八九]{{4}})年)?"
    rf"(?<![0-9０-９〇○零一二三四五六七八九十个第])(?P<month>{_NUMBER})月"
    rf"(?:(?P<day>{_NUMBER})[日号]|(?P<part>份|底|初|上旬|中旬|下旬))?"
)


@dataclass(frozen=True, slots=True)
class Date:
    block: Block
    start: int
    end: int
    year: int | None
    month: int
    day: int | None

    @property
    def exists(self) -> bool:
        if not 1 <= self.month <= 12:
            return False
        if self.day is None:
            return True
        days = calendar.monthrange(self.year if self.year else 2000, self.month)[1]  # 2000: 2月29日 allowed
        return 1 <= self.day <= days


def dates(document: Document) -> list[Date]:
    """Every date with a month in the document (use through ``document.analysis(dates)``)."""
    return [date for block in document.blocks for date in find_dates(block)]


def find_dates(block: Block) -> list[Date]:
    found: list[Date] = []
    if "月" not in block.text:
        return found
    for match in _DATE.finditer(block.text):
        if match.group("year") is None and match.group("day") is None and match.group("part") is None:
            continue
        month = _integer(match.group("month"))
        day = _integer(match.group("day")) if match.group("day") else None
        year = _year(match.group("year")) if match.group("year") else None
        if month is None or (match.group("day") and day is None):
            continue
        found.append(Date(block, match.start(), match.end(), year, month, day))
    return found


def _integer(text: str) -> int | None:
    parsed = parse_arabic(text) if is_arabic(text) else parse_chinese(text)
    if parsed is None or parsed[1]:
        return None
    return int(parsed[0])


def _year(text: str) -> int | None:
    if text[0].isdigit():
        return int(parse_arabic(text)[0])
    return spelled_digits(text)
