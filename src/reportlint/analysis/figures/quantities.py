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
from functools import cache
from operator import itemgetter
from typing import NamedTuple

import regex

from reportlint.analysis.chars import char_at
from reportlint.analysis.figures.numerals import ARABIC, CHINESE, parse_arabic, parse_chinese, spelled_digits
from reportlint.analysis.placeholders import FIGURE, find_placeholders, placeholders
from reportlint.document import Block, Document

PERCENT = "%"
POINTS = "百分点"

#: Units of measure: their values are rounded, so they carry a rounding interval. (canonical unit, factor)
_MEASURES: dict[str, tuple[str, Decimal | int]] = {
    "%": (PERCENT, 1), "％": (PERCENT, 1), "‰": (PERCENT, Decimal("0.1")), "个百分点": (POINTS, 1),
    "百分点": (POINTS, 1), "元": ("元", 1), "美元": ("美元", 1), "欧元": ("欧元", 1), "港元": ("港元", 1),
    "亩": ("亩", 1), "公顷": ("公顷", 1), "平方公里": ("平方公里", 1), "平方千米": ("平方公里", 1),
    "平方米": ("平方米", 1), "平米": ("平方米", 1), "立方米": ("立方米", 1), "公里": ("公里", 1),
    "千米": ("公里", 1), "米": ("米", 1), "吨": ("吨", 1), "公斤": ("公斤", 1), "千克": ("公斤", 1),
    "斤": ("斤", 1), "千瓦时": ("千瓦时", 1), "度电": ("千瓦时", 1), "千瓦": ("千瓦", 1), "兆瓦": ("千瓦", 1000),
    "吉瓦": ("千瓦", 10**6), "倍": ("倍", 1), "岁": ("岁", 1), "周岁": ("岁", 1), "小时": ("小时", 1),
}  # fmt: skip
#: Counting units (measure words): their plain values are exact.
_COUNTS = (
    "人次 户次 场次 批次 架次 车次 项次 家次 个月 周年 个 项 次 家 人 名 位 件 篇 条 场 批 宗 户 套 座 所 台 辆 艘 架"
    " 支 处 起 期 部 块 只 头 株 棵 张 本 册 份 种 类 门 节 课 轮 栋 间 段 幅 首 笔 颗 枚 盏 根 组 队 班 年 天"
    " 周 大类 大"
).split()
#: Measure words a Chinese numeral takes as a count; others after a Chinese numeral (二期, 三级, 一类, 二产)
#: are ordinals or parts of words.
_CHINESE_COUNTS = frozenset(
    "人次 户次 场次 批次 个月 个 项 次 家 人 名 位 件 篇 条 场 批 宗 户 套 座 所 台 辆 支 处 起 部 块 只 头 张"
    " 本 份 种 轮 栋 间 年 天 周 周年 大 倍 亩 岁 周岁".split()
)
_MAGNITUDES = {"万亿": 10**12, "千万": 10**7, "百万": 10**6, "十万": 10**5, "万": 10**4, "亿": 10**8}


def _alternation(words) -> str:
    return "|".join(sorted(map(regex.escape, words), key=len, reverse=True))


_RANGE_MARK = r"(?:[～~〜—–\-－]{1,2}|至|到)"
#: What follows a numeral in a quantity: 多/余 of its own, a magnitude (万, 亿), and a unit.
_TAIL = (
    rf"(?P<fuzzy>多|余|来|几)?(?P<magnitude>{_alternation(_MAGNITUDES)})?(?P<late>多|余)?"
    rf"(?P<unit>{_alternation([*_MEASURES, *_COUNTS])})"
)
#: A quantity with an Arabic numeral (not of a year: 2021年, 2021—2023年), or a range of two, and its tail.
#: The numerals are atomic: a numeral without a unit fails at once instead of being retried shorter.
_ARABIC_QUANTITY = regex.compile(
    rf"(?<![0-9０-９.．])(?![12][0-9]{{3}}(?:年|[—–\-－～~至到]))"
    rf"(?P<number>(?>{ARABIC}))(?:{_RANGE_MARK}(?P<number2>(?>{ARABIC})))?{_TAIL}"
)
#: A Chinese numeral that starts a quantity: never a lone 一, nor a run from 百/千/万/亿/零 (统一, 百姓,
#: 万人空巷), so that the frequent 一 costs nothing. Its integer part is at most ``_CHINESE_DIGITS_MAX``
#: characters after the first (九千九百九十九万九千九百九十九 is 15): the pattern is tried again at every
#: numeral of a run, and a run read to its end each time would cost the square of its length (一一一…).
_CHINESE_DIGITS_MAX = 30
#: The characters a Chinese numeral starts with, besides 一 before another numeral character.
_CHINESE_FIRST = "二两三四五六七八九十壹贰叁肆伍陆柒捌玖拾"
_CHINESE_NUMERAL = (
    rf"(?>(?:[{_CHINESE_FIRST}]|一(?=[零〇○一二两三四五六七八九十百千万亿点]))"
    rf"[零〇○一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]{{0,{_CHINESE_DIGITS_MAX}}}+"
    r"(?:点[零〇○一二三四五六七八九]++)?+)"
)
#: A quantity with a Chinese numeral: after 百分之, or a numeral or a range of two with 多/余, a magnitude
#: after them (二十余万人), and a unit. The stdlib's re (atomic groups and possessive quantifiers since Python
#: 3.11), behind a lookahead on the characters a match starts with: re scans for those several times faster
#: than regex does.
_CHINESE_QUANTITY = re.compile(
    rf"(?=[百一{_CHINESE_FIRST}])(?:百分之(?P<percent>(?>{CHINESE}))"
    rf"|(?P<number>{_CHINESE_NUMERAL})(?:{_RANGE_MARK}(?P<number2>{_CHINESE_NUMERAL}))?"
    rf"(?P<fuzzy>多|余|来|几)?(?:(?<=[多余来几])(?P<magnitude>万|亿)(?P<late>多|余)?)?"
    rf"(?P<unit>{_alternation({*_CHINESE_COUNTS, *_MEASURES})}))"
)
#: The tail of a figure placeholder (xx亿元), with empty number groups to share the group layout.
_PLACEHOLDER_TAIL = regex.compile(rf"(?P<number>)(?P<number2>)?{_TAIL}")


def _group_numbers(pattern: regex.Pattern[str] | re.Pattern[str]) -> tuple[int, ...]:
    """The numbers of the groups number, number2, fuzzy, magnitude, late and unit in ``pattern`` (looked up per
    pattern by name, not in a dict keyed by the pattern: hashing a pattern hashes all of its compiled code)."""
    return tuple(pattern.groupindex[name] for name in ("number", "number2", "fuzzy", "magnitude", "late", "unit"))


_ARABIC_GROUPS = _group_numbers(_ARABIC_QUANTITY)
_CHINESE_GROUPS = _group_numbers(_CHINESE_QUANTITY)
_PLACEHOLDER_GROUPS = _group_numbers(_PLACEHOLDER_TAIL)
#: A range with the unit on both ends (3%～5%): only dashes and tildes, as 到/至 after a unit is a change.
_RANGE_DASHES = "～~〜—–-－"
_UNIT_RANGE = regex.compile(f"[{regex.escape(_RANGE_DASHES)}]{{1,2}}")
_AFTER_WORDS = "以上 以下 以内 左右 上下 之多 多 余".split()
_AFTER = regex.compile("|".join(_AFTER_WORDS))
_BEFORE_WORDS = (
    "大约 约为 约 将近 接近 近 超过 超出 超 逾 突破 不足 不到 不少于 不低于 不超过 不高于 至少 最多 高于 低于".split()
)
_BEFORE = regex.compile(f"(?:{'|'.join(_BEFORE_WORDS)})$")
#: The characters those words start or end with, checked before the patterns are tried. ``$`` also matches
#: before a final line break, so a line break may end the text before a figure as well.
_AFTER_FIRST = frozenset(word[0] for word in _AFTER_WORDS)
_BEFORE_LAST = frozenset([*(word[-1] for word in _BEFORE_WORDS), "\n"])
#: Words after a count that make it an ordinal or a name: 七届二次全会, 十九届, 九十年代; 十九大精神 (a
#: party congress, where a count 大 is followed by what it counts: 三大攻坚战).
_ORDINAL_AFTER = regex.compile(
    r"次(?:全会|全体会议|党代会|代表大会|全委会|常委会会议)|届|中全会|年代"
    r"|大(?:$|[^\p{Han}]|精神|以来|报告|召开|胜利|闭幕|期间|和|及|以后|之后|前|后|上|代表|提出|作出|强调|指出"
    r"|通过|确定|明确|的)"
)
#: The first characters of the words of _ORDINAL_AFTER.
_ORDINAL_FIRST = frozenset("次届中年大")
#: Numerals that are parts of codes, formulas and names: 5G, PM2.5, 1+1+9, 2×60, 3/4, 4:3.
_CODE_NEIGHBOUR = regex.compile(r"[\p{Latin}+＋×*＊/／:：.．@#_\-]")
_CODE_AFTER = regex.compile(r"[\p{Latin}+＋×*＊/／@#_]")

#: Named formulations written with a count (not figures), when they appear without quotes.
FORMULATIONS = frozenset(
    "四个意识 四个自信 两个维护 两个确立 两个大局 两个一百年 四个全面 五位一体 三个代表 三会一课 四风 三严三实"
    " 两学一做 五个带头 六个坚守 三重一大 一岗双责 四种形态 八项规定 三去一降一补 六稳 六保 三农 两新 三公"
    " 三大攻坚战 五大发展理念 四个伟大 四个服务 两个毫不动摇 三个务必 五个必由之路 三个有利于 四项基本原则"
    " 两个务必 四个不摘 五个一 三个一 两个结合 三个区分开来 四下基层 五项机制 一台账四清单 四人帮 两个基本点"
    " 三个世界 两种制度 两个文明 三步走".split()
)
#: Plain patterns, which the stdlib's re finds faster than regex does.
_FORMULATION = re.compile("|".join(sorted(FORMULATIONS, key=len, reverse=True)))
_QUOTED = re.compile(r"“[^“”]{1,12}”|「[^「」]{1,12}」|‘[^‘’]{1,12}’")


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
    unit = _QUALIFIER_WORDS.sub("", like.block.text[like.number_end : like.end])
    return number + unit


_QUALIFIER_WORDS = regex.compile(r"^(?:多|余|来|几)|(?:以上|以下|以内|左右|上下|之多|多|余)$")


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
        (match.start(), match) for match in _ARABIC_QUANTITY.finditer(text)
    ]
    candidates += [(match.start(), match) for match in _CHINESE_QUANTITY.finditer(text)]
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
            quoted = [m.span() for m in _QUOTED.finditer(text)] if "“" in text or "「" in text or "‘" in text else []
            named = sorted(quoted + [m.span() for m in _FORMULATION.finditer(text)])
            # the starts, and the furthest end of the spans starting at or before each
            starts, reach = [start for start, _ in named], list(itertools.accumulate((e for _, e in named), max))
        if starts:
            index = bisect_right(starts, quantity.number_start) - 1
            quantity.named = index >= 0 and quantity.end <= reach[index]
    return found


def _placeholder_quantity(place: _Place, start: int, end: int) -> Quantity | None:
    match = _PLACEHOLDER_TAIL.match(place.text, end)
    if match is None:
        return None
    tail = _tail(match, match.groups(), _PLACEHOLDER_GROUPS, rounded=False)
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


#: How many figures after a first one are read to see whether it opens a range with the unit on both ends
#: (3%～5%: one; two read 1%～2%～3% as 1% and 2%～3%, as an unbounded reading does). A longer chain is not a
#: range; reading all of it would recurse once per link, and again from each of its figures.
_RANGE_LINKS = 2


def _numeral_quantity(
    place: _Place, match: regex.Match[str] | re.Match[str], links: int = _RANGE_LINKS
) -> Quantity | None:
    text = place.text
    start = match.start()
    chinese = match.re is _CHINESE_QUANTITY
    if chinese and match.group("percent") is not None:  # 百分之四十二点三七
        parsed = parse_chinese(match.group("percent"))
        number_start, end = match.span("percent")
        tail = _Tail(end, Decimal(1), PERCENT, True, "")
        return None if parsed is None else _build(place, start, number_start, end, end, parsed, tail)
    groups = match.groups()
    number_group, second_group, *_ = indexes = _CHINESE_GROUPS if chinese else _ARABIC_GROUPS
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
        and char_at(text, tail.stop) in _RANGE_DASHES
        and (mark := _UNIT_RANGE.match(text, tail.stop))
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
    if before == "第" or (after in _ORDINAL_FIRST and _ORDINAL_AFTER.match(text, end)):
        return False
    if chinese:
        # 二〇二一: a year; 党的十九大: a congress; 二元结构: not money
        return spelled_digits(number) is None and not (text.endswith("党的", 0, start) or after == "元")
    return not (_is_code_char(before, _CODE_NEIGHBOUR) or _is_code_char(after, _CODE_AFTER))


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
    factor, canonical, measure = _unit(groups[magnitude - 1], groups[unit - 1])
    fuzz = groups[fuzzy - 1] or groups[late - 1] or ""
    return _Tail(match.end(unit), factor, canonical, measure or rounded, fuzz)


@cache  # a few hundred magnitude and unit words
def _unit(magnitude: str | None, word: str) -> tuple[Decimal, str, bool]:
    """The factor from a figure written with ``magnitude`` (万, 亿, or None) and unit ``word`` to the base unit,
    the canonical unit, and whether the figure is rounded (a measure, or written with 万/亿)."""
    factor = Decimal(_MAGNITUDES[magnitude]) if magnitude else _ONE
    if word in _MEASURES:
        canonical, unit_factor = _MEASURES[word]
        return factor * unit_factor, canonical, True
    return factor, word, factor != 1


_ONE = Decimal(1)


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
    elif char_at(text, stop) in _AFTER_FIRST and (after := _AFTER.match(text, stop)):
        stop = after.end()
        claims.append(_qualified(base, after.group(0)))
        qualifiers.append(after.group(0))
    if char_at(text, start - 1) in _BEFORE_LAST and (
        before := _BEFORE.search(text, max(place.offset, start - 4), start)
    ):
        start = before.start()
        claims.append(_qualified(base, before.group(0)))
        qualifiers.insert(0, before.group(0))
    low: Decimal | None = base
    high: Decimal | None = base
    if claims:
        low = max((claim[0] for claim in claims if claim[0] is not None), default=None)
        high = min((claim[1] for claim in claims if claim[1] is not None), default=None)
    approximate = any(word in _APPROXIMATE for word in qualifiers)
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


_APPROXIMATE = frozenset(("约", "大约", "约为", "左右", "上下"))


def _qualified(base: Decimal, word: str) -> tuple[Decimal | None, Decimal | None]:
    if word in _APPROXIMATE:
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
