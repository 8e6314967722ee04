"""Figures: every quantity of the text with its value, unit, interval and span.

A quantity is a numeral (Arabic or Chinese, see :mod:`numerals`) or a figure placeholder (``xx亿元``) with a
unit: ``3812万元``, ``约402亩``, ``130多项``, ``二十余人``, ``42.37%``, ``百分之四十二点三七``, ``3～5个``.
Values are exact :class:`~decimal.Decimal` in the base unit (``3812万元`` and ``0.3812亿元`` are both
38,120,000 元). Each quantity carries two intervals:

- the *claim*: what the wording allows — ``近`` up to the value, ``超``/``以上`` from it upwards,
  ``以内``/``不足`` up to it, ``多``/``余`` up to the next step of the last digit (``130多`` is 130–140), a
  range ``3～5``; ``约``/``左右`` mark the figure as approximate (a tenth either way when compared);
- the *rounding*: half a unit of the last digit written, for measures (money, area, percentages) and for
  anything written with 万/亿 (``6.12亿元`` is 6.115–6.125亿元; ``3800万元`` is rounded to the hundred).
  Plain counts (``44次``) are exact.

Not quantities: years and dates (``2021年``, ``11月5日``, ``2021—2023年``), ordinals (``第二届``,
``十九届六中全会``, ``七届二次全会``, ``二期``), codes and formulas (``5G``, ``PM2.5``, ``1+1+9``, ``2×60``),
enumerators (``一是``, ``（三）``, ``1.``), numerals inside words (``统一``, ``五四``, ``十四五``) and
named formulations (``四个意识``, ``“五个带头”``, ``三会一课``). A lone ``一`` is never a quantity: it is
far more often part of a word (``一批``, ``一体``) than a count anyone would cross-check.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal
from operator import itemgetter
from typing import NamedTuple

import regex

from reportlint.analysis.chars import char_at
from reportlint.analysis.figures.numerals import parse_arabic, parse_chinese, spelled_digits
from reportlint.analysis.figures.vocabulary import (
    AFTER,
    AFTER_FIRST,
    APPROXIMATE,
    ARABIC_GROUPS,
    ARABIC_QUANTITY,
    BEFORE,
    BEFORE_LAST,
    CHINESE_GROUPS,
    CHINESE_QUANTITY,
    CODE_AFTER,
    CODE_NEIGHBOUR,
    FORMULATION,
    ORDINAL_AFTER,
    ORDINAL_FIRST,
    PERCENT,
    PLACEHOLDER_GROUPS,
    PLACEHOLDER_TAIL,
    QUALIFIER_WORDS,
    QUOTED,
    RANGE_DASHES,
    RANGE_LINKS,
    UNIT_RANGE,
    unit_of,
)
from reportlint.analysis.placeholders import FIGURE, find_placeholders, placeholders
from reportlint.document import Block, Document


@dataclass(slots=True, eq=False)
class Quantity:
    """A figure: numeral (or placeholder), qualifiers and unit, ``block.text[start:end]``.

    ``value`` is in the base unit (元, not 亿元) and None for a placeholder; ``low``/``high`` bound what the
    wording claims (None: unbounded); ``half`` is the rounding half-width of the written digits (0 for
    exact counts). ``number_start``/``number_end`` span the numeral alone. ``named`` marks a count inside
    quotes or a known formulation (``“五大工程”``): a name first, a figure second.
    """

    block: Block
    start: int
    end: int
    number_start: int
    number_end: int
    value: Decimal | None
    low: Decimal | None
    high: Decimal | None
    half: Decimal
    unit: str
    qualifier: str = ""
    named: bool = False
    #: ``约``, ``左右``, ``上下``: the value is only roughly right (see :meth:`bounds`).
    approximate: bool = False
    #: What the numeral is multiplied by to give the value in the base unit (亿元: 100,000,000).
    scale: Decimal = Decimal(1)

    @property
    def text(self) -> str:
        return self.block.text[self.start : self.end]

    @property
    def is_exact(self) -> bool:
        return self.value is not None and self.low == self.high == self.value and not self.approximate

    def bounds(self, loose: bool = True) -> tuple[Decimal | None, Decimal | None]:
        """The values this figure allows: its claim widened by rounding (None: unbounded), and by a tenth
        either way when it is approximate (``约``) and ``loose``. Arithmetic between figures of one passage
        (a part and its whole) is done on the figures as written (``loose=False``): two approximations of
        one writer keep their order."""
        low = None if self.low is None else self.low - self.half
        high = None if self.high is None else self.high + self.half
        if self.approximate and loose:
            low = None if low is None else low - abs(low) / 10
            high = None if high is None else high + abs(high) / 10
        return low, high

    def agrees_with(self, other: Quantity) -> bool:
        """Whether the two figures can state the same amount (they must share a unit): their ranges meet,
        and two plain figures are at most a tenth apart. Rounding makes ``3812万元`` and ``0.38亿元`` one
        figure, but a writer who rounds 0.8亿元 writes ``近1亿元``, not ``1亿元``."""
        if self.value is None or other.value is None:
            return True
        (a_low, a_high), (b_low, b_high) = self.bounds(), other.bounds()
        strict = bool(self.half or other.half)
        if not (_below(a_low, b_high, strict) and _below(b_low, a_high, strict)):
            return False
        if self.low == self.high and other.low == other.high:
            return abs(self.value - other.value) * 10 <= max(abs(self.value), abs(other.value))
        return True


def written(value: Decimal, like: Quantity) -> str:
    """``value`` written in the unit and magnitude of ``like`` (23,000,000 like ``1.97万公里`` → ``2300万公里``)."""
    number = format((value / like.scale).normalize(), "f")
    unit = QUALIFIER_WORDS.sub("", like.block.text[like.number_end : like.end])
    return number + unit


def _below(low: Decimal | None, high: Decimal | None, strict: bool) -> bool:
    if low is None or high is None:
        return True
    return low < high if strict else low <= high


def figures(document: Document) -> list[Quantity]:
    """Every quantity of the document in reading order (use through ``document.analysis(figures)``)."""
    marks: dict[int, list[tuple[int, int]]] = {}
    for found in document.analysis(placeholders):
        if found.kind == FIGURE:
            marks.setdefault(found.block.index, []).append((found.start, found.end))
    return _scan(document.blocks, [marks.get(block.index, []) for block in document.blocks])


def find_quantities(block: Block) -> list[Quantity]:
    """The quantities of one block."""
    return _scan([block], [[(start, end) for start, end, kind in find_placeholders(block.text) if kind == FIGURE]])


@dataclass(frozen=True, slots=True)
class _Place:
    """Where a candidate was found: the text of all blocks joined by line breaks (scanned in one pass, as
    no quantity spans a line break), the block, and the offset of the block's text in the joined text."""

    text: str
    block: Block
    offset: int


def _scan(blocks: list[Block], figure_placeholders: list[list[tuple[int, int]]]) -> list[Quantity]:
    if not blocks:
        return []
    text = "\n".join(block.text for block in blocks)
    offsets = list(itertools.accumulate((len(block.text) + 1 for block in blocks[:-1]), initial=0))
    # in order of start; at one start an Arabic numeral before a Chinese one before a placeholder (a stable sort)
    candidates: list[tuple[int, regex.Match[str] | re.Match[str] | tuple[int, int]]] = [
        (match.start(), match) for match in ARABIC_QUANTITY.finditer(text)
    ]
    candidates += [(match.start(), match) for match in CHINESE_QUANTITY.finditer(text)]
    candidates += [
        (offset + start, (offset + start, offset + end))
        for offset, spans in zip(offsets, figure_placeholders, strict=True)
        for start, end in spans
    ]
    candidates.sort(key=itemgetter(0))
    found: list[Quantity] = []
    position = 0
    place = _Place(text, blocks[0], 0) if blocks else None
    for start, candidate in candidates:
        if start < position:
            continue
        index = bisect_right(offsets, start) - 1
        if place is None or place.block is not blocks[index]:
            place = _Place(text, blocks[index], offsets[index])
        if isinstance(candidate, tuple):
            quantity = _placeholder_quantity(place, *candidate)
        else:
            quantity = _numeral_quantity(place, candidate)
        if quantity is not None:
            found.append(quantity)
            position = place.offset + quantity.end
    return _mark_named(found)


def _mark_named(found: list[Quantity]) -> list[Quantity]:
    """Counts inside quotes or known formulations are names (``“五大工程”``, ``四个意识``)."""
    block = None
    starts: list[int] = []
    reach: list[int] = []
    for quantity in found:
        if quantity.block is not block:  # the quantities of a block are together
            block, text = quantity.block, quantity.block.text
            quoted = [m.span() for m in QUOTED.finditer(text)] if "“" in text or "「" in text or "‘" in text else []
            named = sorted(quoted + [m.span() for m in FORMULATION.finditer(text)])
            # the starts, and the furthest end of the spans starting at or before each
            starts, reach = [start for start, _ in named], list(itertools.accumulate((e for _, e in named), max))
        if starts:
            index = bisect_right(starts, quantity.number_start) - 1
            quantity.named = index >= 0 and quantity.end <= reach[index]
    return found


def _placeholder_quantity(place: _Place, start: int, end: int) -> Quantity | None:
    match = PLACEHOLDER_TAIL.match(place.text, end)
    if match is None:
        return None
    tail = _tail(match, match.groups(), PLACEHOLDER_GROUPS, rounded=False)
    local = start - place.offset
    return Quantity(
        place.block,
        local,
        tail.stop - place.offset,
        local,
        end - place.offset,
        None,
        None,
        None,
        Decimal(0),
        tail.unit,
        scale=tail.factor,
    )


def _numeral_quantity(
    place: _Place, match: regex.Match[str] | re.Match[str], links: int = RANGE_LINKS
) -> Quantity | None:
    text = place.text
    start = match.start()
    chinese = match.re is CHINESE_QUANTITY
    if chinese and match.group("percent") is not None:  # 百分之四十二点三七
        parsed = parse_chinese(match.group("percent"))
        number_start, end = match.span("percent")
        tail = _Tail(end, Decimal(1), PERCENT, True, "")
        return None if parsed is None else _build(place, start, number_start, end, end, parsed, tail)
    groups = match.groups()
    number_group, second_group, *_ = indexes = CHINESE_GROUPS if chinese else ARABIC_GROUPS
    number, end = groups[number_group - 1], match.end(number_group)
    if not _may_be_figure(text, start, end, number, chinese):
        return None
    parsed = parse_chinese(number) if chinese else parse_arabic(number)
    if parsed is None:
        return None
    tail = _tail(match, groups, indexes, rounded=chinese and ("万" in number or "亿" in number))
    second = groups[second_group - 1]
    if second is not None:  # 3～5个
        other = parse_chinese(second) if chinese else parse_arabic(second)
        return None if other is None else _build_range(place, start, match.end(second_group), parsed, other, tail)
    if (
        links
        and char_at(text, tail.stop) in RANGE_DASHES
        and (mark := UNIT_RANGE.match(text, tail.stop))
        and (following := match.re.match(text, mark.end()))
    ):
        last = _numeral_quantity(place, following, links - 1)  # 3%～5%
        if last is not None and last.unit == tail.unit and last.scale == tail.factor and last.qualifier == "":
            other = (last.value / last.scale, _decimals(last))  # type: ignore[operator]
            moved = _Tail(place.offset + last.end, tail.factor, tail.unit, tail.measure, tail.fuzzy)
            return _build_range(place, start, place.offset + last.number_end, parsed, other, moved)
    return _build(place, start, start, end, tail.stop, parsed, tail)


def _decimals(quantity: Quantity) -> int:
    written = quantity.block.text[quantity.number_start : quantity.number_end]
    return len(written) - written.index(".") - 1 if "." in written else 0


def _may_be_figure(text: str, start: int, end: int, number: str, chinese: bool) -> bool:
    before, after = char_at(text, start - 1), char_at(text, end)
    if before == "第" or (after in ORDINAL_FIRST and ORDINAL_AFTER.match(text, end)):
        return False
    if chinese:
        # 二〇二一: a year; 党的十九大: a congress; 二元结构: not money
        return spelled_digits(number) is None and not (text.endswith("党的", 0, start) or after == "元")
    return not (_is_code_char(before, CODE_NEIGHBOUR) or _is_code_char(after, CODE_AFTER))


def _is_code_char(char: str, pattern: regex.Pattern[str]) -> bool:
    """Whether ``char`` is one of ``pattern``'s characters (a Han character never is: no pattern call)."""
    return bool(char) and not "\u4e00" <= char <= "\u9fff" and pattern.match(char) is not None


class _Tail(NamedTuple):
    """What follows a numeral: where the figure stops, the magnitude, the unit, and a 多/余 of its own."""

    stop: int
    factor: Decimal
    unit: str
    measure: bool
    fuzzy: str


def _tail(match: regex.Match[str] | re.Match[str], groups: tuple, indexes: tuple[int, ...], rounded: bool) -> _Tail:
    _, _, fuzzy, magnitude, late, unit = indexes
    factor, canonical, measure = unit_of(groups[magnitude - 1], groups[unit - 1])
    fuzz = groups[fuzzy - 1] or groups[late - 1] or ""
    return _Tail(match.end(unit), factor, canonical, measure or rounded, fuzz)


def _build(
    place: _Place, start: int, number_start: int, number_end: int, stop: int, parsed: tuple[Decimal, int], tail: _Tail
) -> Quantity:
    """A quantity from offsets in the joined text (see _Place)."""
    text = place.text
    value, decimals = parsed
    base = value * tail.factor
    step = _last_place(value, decimals) * tail.factor
    half = step / 2 if tail.measure or decimals else Decimal(0)
    claims: list[tuple[Decimal | None, Decimal | None]] = []
    qualifiers = []
    if tail.fuzzy:
        claims.append((base, base + step))
        qualifiers.append(tail.fuzzy)
    elif char_at(text, stop) in AFTER_FIRST and (after := AFTER.match(text, stop)):
        stop = after.end()
        claims.append(_qualified(base, after.group(0)))
        qualifiers.append(after.group(0))
    if char_at(text, start - 1) in BEFORE_LAST and (before := BEFORE.search(text, max(place.offset, start - 4), start)):
        start = before.start()
        claims.append(_qualified(base, before.group(0)))
        qualifiers.insert(0, before.group(0))
    low: Decimal | None = base
    high: Decimal | None = base
    if claims:
        low = max((claim[0] for claim in claims if claim[0] is not None), default=None)
        high = min((claim[1] for claim in claims if claim[1] is not None), default=None)
    approximate = any(word in APPROXIMATE for word in qualifiers)
    offset = place.offset
    return Quantity(
        place.block,
        start - offset,
        stop - offset,
        number_start - offset,
        number_end - offset,
        base,
        low,
        high,
        half,
        tail.unit,
        "".join(qualifiers),
        approximate=approximate,
        scale=tail.factor,
    )


def _build_range(
    place: _Place, start: int, number_end: int, first: tuple[Decimal, int], second: tuple[Decimal, int], tail: _Tail
) -> Quantity:
    """``3～5个``, ``3%～5%``: the claim runs from the first value to the second."""
    low, high = first[0] * tail.factor, second[0] * tail.factor
    places = min(_last_place(*first), _last_place(*second)) * tail.factor
    half = places / 2 if tail.measure or first[1] or second[1] else Decimal(0)
    offset = place.offset
    return Quantity(
        place.block,
        start - offset,
        tail.stop - offset,
        start - offset,
        number_end - offset,
        low,
        low,
        high,
        half,
        tail.unit,
        "～",
        scale=tail.factor,
    )


def _qualified(base: Decimal, word: str) -> tuple[Decimal | None, Decimal | None]:
    if word in APPROXIMATE:
        return base, base
    if word in ("近", "将近", "接近"):
        return base * Decimal("0.8"), base
    if word in ("超过", "超出", "超", "逾", "突破", "以上", "不少于", "不低于", "至少", "高于", "之多", "多", "余"):
        return base, None
    return Decimal(0), base  # 以下, 以内, 不足, 不到, 不超过, 不高于, 最多, 低于


def _last_place(value: Decimal, decimals: int) -> Decimal:
    """The place value of the last written digit: 5.6 → 0.1, 402 → 1, 3800 → 100, 130 → 10. Read off the decimal
    digits (a conversion to int would take the square of the time on a numeral of many thousand digits)."""
    if decimals:
        return Decimal(1).scaleb(-decimals)
    integral = value.to_integral_value(rounding=ROUND_DOWN)
    if not integral:
        return Decimal(1)
    _, digits, exponent = integral.as_tuple()
    assert isinstance(exponent, int)  # a finite value
    written = "".join(map(str, digits))
    return Decimal("1" + "0" * (exponent + len(written) - len(written.rstrip("0"))))
