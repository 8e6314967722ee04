"""Totals and their parts: ``共N…，其中A…、B…`` and exhaustive splits (``已完成A项，剩余B项``, ``其余``,
``另``), within one segment (up to ``；`` or the end of the sentence).

A breakdown after ``其中`` takes the figures that follow it, up to the next ``其中``, the end of the segment
or a clause that opens with a verb of its own (``其中高铁160公里，新改建公路1800公里``), as long as they keep
the unit of the first one (a figure of another unit ends the list: ``其中工业项目12个、服务业项目11个，完成
投资46.5亿元``); its whole is the nearest figure of that unit before ``其中``. Figures that cannot be parts
are left out: rates and percentages, per-head values (``人均``), changes (``比上年增加``, ``比预算少支``),
named counts, placeholders, and amounts that describe a noun (``超10亿元项目``).
A part's own share (``本科学历52名、占60.5%``) is skipped; parts each stated with a share may go on past a
semicolon (``其中，小学36所，占62.1%；初中15所，占25.9%``). 其中 reaches no further than its clause for a
figure larger than the whole (``其中高铁160公里，新改建铁路1800公里``): that is another statement.

A total right before ``，分别为`` and the list of figures of its unit after it are an exhaustive split
(``三个园区共有企业146家，分别为68家、45家、33家``).

A figure of a headless relative clause (``实现统一管理的只有11家``) is a part of the last figure of its unit in
an earlier clause when that one says how many there are (``有8家成员单位``).

A split is *exhaustive* when its last part is the rest (``剩余``, ``其余``, ``余下``, ``尚未``; ``另有`` after a
``其中`` list; the last of a 、-list after ``其中`` that is ``其他……``, or ``一般……`` after ``重大……``): then
the parts must add up to the whole exactly, not only stay below it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from decimal import Decimal

import regex

from reportlint.analysis.figures.quantities import Quantity
from reportlint.analysis.figures.subjects import Subject, segments
from reportlint.analysis.figures.vocabulary import PERCENT, POINTS
from reportlint.analysis.lazy import lazy_regex
from reportlint.document import Block, Document

_OF_WHICH = lazy_regex(r"其中")
#: A whole and its parts share a segment: a semicolon often begins a new total (新增公路60.9万公里).
#: Words that make a figure the rest of a split: 剩余6项, 其余20家, 另有2个 (the last after 其中 only).
_REST = lazy_regex(r"(?:剩余|其余|余下|剩下|尚余|还剩|尚未|仍未)[^，；。]{0,12}$")
_BESIDES = lazy_regex(r"(?:另有|另外|此外|另)[^，；。]{0,12}$")
#: Words before a figure that make it something other than an amount of the whole.
_NOT_AN_AMOUNT = lazy_regex(
    r"人均|平均|均|每|率|比重|占|增长|增加|减少|下降|提高|降低|比上年|同比|相当于|[多少超节][支收]|节约"
)
#: A total inside a list of parts (高速公路总里程达9.56万公里) is not one of the parts; but 总 heading the name of
#: a body or a post (党总支, 消防总队, 总医院, 总工会, 总经理) names a kind of part, not a total.
_TOTAL = lazy_regex(r"总(?!支|队|站|部|院|医院|工会|公司|厂|社|局|行|台|店|校|场|经理|工程师|会计师|书记|监)")
_DESCRIBING = frozenset(("岁", "周岁"))
_NOT_ADDITIVE = frozenset((PERCENT, POINTS, "倍", "岁", "周年", "大"))


@dataclass(frozen=True, slots=True)
class Breakdown:
    """A whole and the parts stated for it; ``exhaustive`` when the last part is the rest (``剩余``)."""

    whole: Quantity
    parts: tuple[Quantity, ...]
    exhaustive: bool
    #: The parts are one list joined by ``、`` right after ``其中`` (``其中工业项目52个、基础设施项目41个``): a
    #: partition of the whole, as drafts write them.
    listed: bool = False


def breakdowns(document: Document) -> list[Breakdown]:
    """Every breakdown of the document (use through ``document.analysis(breakdowns)``)."""
    found: list[Breakdown] = []
    merged: list[tuple[Block, int, int, list[Subject]]] = []
    for segment in document.analysis(segments):
        if merged and _continues(merged[-1], segment.block, segment.start, segment.end):
            # 共有基层党组织31个。其中，党委3个……: a sentence opening with 其中 breaks down the one before
            block, start, _, members = merged[-1]
            merged[-1] = (block, start, segment.end, members + segment.subjects)
        else:
            merged.append((segment.block, segment.start, segment.end, list(segment.subjects)))
    for block, start, end, members in merged:
        if len(members) >= 2:
            found.extend(_segment_breakdowns(block, start, end, members))
    return found


_OPENS_WITH_OF_WHICH = regex.compile(r"\s*其中")


def _continues(previous: tuple[Block, int, int, list[Subject]], block: Block, start: int, end: int) -> bool:
    """Whether the statement at ``start`` opens with ``其中`` right after the statement ``previous`` ended
    with a full stop; or goes on, after a semicolon, with parts stated with their shares like those of the
    ``其中`` before (``其中，小学36所，占62.1%；初中15所，占25.9%``)."""
    previous_block, previous_start, previous_end, _ = previous
    if previous_block is not block or previous_end > start or start - previous_end > 1:
        return False
    text = block.text
    mark = text[previous_end - 1 : previous_end]
    if mark in {"。", "；"} and _OPENS_WITH_OF_WHICH.match(text, start) is not None:
        return True
    return (
        mark == "；"
        and "其中" in text[previous_start:previous_end]
        and "其中" not in text[start:end]
        and _ENDS_WITH_SHARE.search(text, previous_start, previous_end) is not None
        and _PART_WITH_SHARE.match(text, start, end) is not None
    )


#: A segment ending with a part's share (``……，占62.1%；``), and one that is only a part with its share.
_ENDS_WITH_SHARE = lazy_regex(r"[0-9０-９]\p{Han}{0,3}[，,、（(]?(?:约占|占比为|占比|占)[0-9.０-９]+[%％][）)]?[；;]$")
_PART_WITH_SHARE = lazy_regex(
    r"\p{Han}{1,12}[0-9０-９.]+\p{Han}{0,3}[，,、（(]?(?:约占|占比为|占比|占)[0-9.０-９]+[%％][）)]?[；;。]?$"
)


def _segment_breakdowns(block: Block, start: int, end: int, segment: list[Subject]) -> list[Breakdown]:
    text = block.text
    markers = [match.start() for match in _OF_WHICH.finditer(text, start, end)]
    starts = [subject.quantity.start for subject in segment]
    units = _Units(segment)
    found: list[Breakdown] = []
    used: set[int] = set()
    for index, marker in enumerate(markers):
        scope_end = markers[index + 1] if index + 1 < len(markers) else end
        first, last = bisect_right(starts, marker), bisect_left(starts, scope_end)
        for breakdown in _of_which(text, marker, scope_end, segment, first, segment[first:last], units):
            found.append(breakdown)
            used.update(id(part) for part in breakdown.parts)
    for match in _RESPECTIVELY.finditer(text, start, end):
        split = _respectively(text, segment, starts, match)
        if split is not None:
            found.append(split)
            used.update(id(part) for part in split.parts)
    for position, subject in enumerate(segment):
        quantity = subject.quantity
        if id(quantity) in used:
            continue
        if _is_rest(text, segment, position, _REST):
            split = _rest_split(segment, position, units)
        else:
            split = _headless(text, segment, position, units)
        if split is not None:
            found.append(split)
    return found


#: A total handed out to the things named before it: ``三个园区共有企业146家，分别为68家、45家、33家``.
_RESPECTIVELY = lazy_regex(r"[，,]分别(?:为|是|有|达到|达)")
_NEXT_PART = lazy_regex(r"(?:、|和|及|与)\p{Han}{0,6}")
_FIRST_PART = lazy_regex(r"\p{Han}{0,6}")


def _respectively(text: str, segment: list[Subject], starts: list[int], match: regex.Match[str]) -> Breakdown | None:
    """The figure right before ``，分别为`` and the list of figures of its unit right after it: each thing named
    before has one, so they add up to it exactly."""
    after = bisect_left(starts, match.end())
    if after == 0 or after >= len(segment):
        return None
    whole = segment[after - 1]
    if whole.quantity.end != match.start() or not _is_amount(text, whole):
        return None
    parts = [segment[after]]
    if not _FIRST_PART.fullmatch(text, match.end(), parts[0].quantity.start):
        return None
    for subject in segment[after + 1 :]:
        previous = parts[-1].quantity
        if subject.quantity.unit != whole.quantity.unit or not _NEXT_PART.fullmatch(
            text, previous.end, subject.quantity.start
        ):
            break
        parts.append(subject)
    if len(parts) < 2 or any(  # figures under 分别 have no subject of their own: only what they are matters
        part.quantity.value is None or part.quantity.named or part.quantity.unit in _NOT_ADDITIVE for part in parts
    ):
        return None
    return Breakdown(whole.quantity, tuple(part.quantity for part in parts), exhaustive=True, listed=True)


#: A count of a headless relative clause: ``实现统一管理的只有``11家: some of the things counted before.
_OF_THOSE = lazy_regex(r"[^\d年月日]的(?:只有|仅有|有|达到|达|共有|共)?$")
#: A whole that says how many there are: ``有8家成员单位``, ``全县共有行政村126个``, ``辖18个行政村``.
_THERE_ARE = lazy_regex(r"(?:有|辖|共)[^，。；：、]{0,12}$")


def _headless(text: str, segment: list[Subject], position: int, units: _Units) -> Breakdown | None:
    """``县医共体有8家成员单位，但实现人、财、物统一管理的只有11家``: a figure after ``……的`` that names
    nothing after it counts some of what the last figure of its unit, in an earlier clause, counted, when
    that one says how many there are (``有``) and no other such clause counts them too (``开始建设的22个，
    继续建设的103个`` are kinds side by side, not parts of one)."""
    subject = segment[position]
    quantity = subject.quantity
    if subject.noun or not _is_headless(text, quantity):
        return None
    before = units.before(quantity.unit, position)
    if not before or not _can_be_part(text, subject):
        return None
    whole = segment[before[0]]
    if (
        not _is_amount(text, whole)
        or _is_headless(text, whole.quantity)
        or not _THERE_ARE.search(text, max(0, whole.quantity.start - 12), whole.quantity.start)
        or not _CLAUSE_MARKS.search(text, whole.quantity.end, quantity.start)
    ):
        return None
    # the whole is the last figure of the unit before the part: a kind side by side can only come after it
    following = units.after(quantity.unit, position)
    if following is not None and _is_headless(text, segment[following].quantity):
        return None
    return Breakdown(whole.quantity, (quantity,), exhaustive=False)


def _is_headless(text: str, quantity: Quantity) -> bool:
    return _OF_THOSE.search(text, max(0, quantity.start - _LOOK_BACK), quantity.start) is not None


class _Units:
    """The positions of a segment's figures by unit, to find the last figure of a unit before a position
    without going back over the segment (a long segment has thousands of figures, and many ``其中``)."""

    def __init__(self, segment: list[Subject]) -> None:
        self._positions: dict[str, list[int]] = {}
        for position, subject in enumerate(segment):
            self._positions.setdefault(subject.quantity.unit, []).append(position)

    def after(self, unit: str, position: int) -> int | None:
        """The position of the first figure of ``unit`` after ``position``, if any."""
        positions = self._positions.get(unit, [])
        index = bisect_right(positions, position)
        return positions[index] if index < len(positions) else None

    def before(self, unit: str, position: int, count: int = 1) -> list[int]:
        """The positions of the last ``count`` figures of ``unit`` before ``position`` (fewer if there are
        not as many), in order."""
        positions = self._positions.get(unit, [])
        stop = bisect_left(positions, position)
        return positions[max(0, stop - count) : stop]


def _of_which(
    text: str, marker: int, scope_end: int, segment: list[Subject], first: int, after: list[Subject], units: _Units
) -> list[Breakdown]:
    """The breakdowns of the ``其中`` at ``marker``: ``after`` are the figures of its scope, ``segment[:first]``
    those before it."""
    while after and after[0].quantity.unit in _DESCRIBING:
        after = after[1:]  # 其中35岁以下青年党员14名: an age describes the part
    if not after or not _can_be_part(text, after[0]):
        return []
    unit = after[0].quantity.unit
    whole_position = next(iter(units.before(unit, first)), None)
    if whole_position is None or not _is_amount(text, segment[whole_position]):
        return []
    whole = segment[whole_position]
    _, whole_high = whole.quantity.bounds(loose=False)
    parts: list[Subject] = []
    exhaustive = False
    enumerated = False
    listed = True  # every part after the first follows a 、
    previous_end = marker  # the end of the last part, or of the share stated with it
    shared = False  # the last part came with its own share
    for position, subject in enumerate(after):
        quantity = subject.quantity
        if parts and quantity.unit == PERCENT and _OWN_SHARE.fullmatch(text, previous_end, quantity.start):
            previous_end = _after_share(text, quantity.end)  # 其中本科学历52名、占60.5%: the part's own share
            shared = True
            continue
        if quantity.unit != unit:
            break
        rest = _is_rest(text, after, position, _REST) or _is_rest(text, after, position, _BESIDES)
        if parts:
            between = text[previous_end : quantity.start]
            if shared and between[:1] in {"，", ",", "；", ";"}:
                between = "、" + between[1:]  # 煤电板块2.41亿元、占45.0%，新能源板块: parts with shares, listed
            shared = False
            if enumerated and not rest and _CLAUSE_MARKS.search(between):
                # 其中物理类512人、历史类270人，往届生46人: a clause after a list of parts says something else
                break
            if (not rest and _NEW_STATEMENT.search(between)) or (
                _CLAUSE_MARKS.search(between) and _larger(quantity, whole_high)
            ):
                # 其中高铁160公里，新改建公路1800公里: a clause with a verb of its own is a statement of its own; so is
                # a figure larger than the whole after a comma (the 其中 ended with its clause)
                break
            enumerated = enumerated or "、" in between
            listed = listed and "、" in between and not _CLAUSE_MARKS.search(between)
        if not _can_be_part(text, subject):
            return []
        parts.append(subject)
        previous_end = quantity.end
        if rest:
            exhaustive = True
            break
    quantities = [part.quantity for part in parts]
    if exhaustive and len(quantities) >= 3 and _splits(*quantities[-3:]):
        # 隐患120处，其中重大隐患5处，已整改4处，剩余1处: the rest splits the part before, not the whole
        found = [
            Breakdown(whole.quantity, tuple(quantities[:-2]), False),
            Breakdown(quantities[-3], tuple(quantities[-2:]), True),
        ]
    else:
        listed = listed and len(quantities) >= 2 and not regex.match(r"[^，。；、]{0,8}?等", text[quantities[-1].end :])
        exhaustive = exhaustive or (listed and _ends_with_the_rest(parts))
        found = [Breakdown(whole.quantity, tuple(quantities), exhaustive, listed)]
    # 已报审3个批次，总面积约402亩，其中2个批次约252亩: the measures of the parts, against the whole's
    whole_measure = _companion(text, segment, whole_position, marker, stop=first)
    measures = [m for i in range(len(parts)) if (m := _companion(text, after, i, scope_end)) is not None]
    if whole_measure is not None and measures and all(m.quantity.unit == whole_measure.quantity.unit for m in measures):
        found.append(Breakdown(whole_measure.quantity, tuple(m.quantity for m in measures), exhaustive=False))
    return found


#: A part's own share, stated right after it: ``52名、占60.5%``, ``52名（占60.5%）``, ``52名，占比60.5%``.
_OWN_SHARE = lazy_regex(r"[，,、]?[（(]?(?:约占|占比为|占比|占)[^，。；、（）()\d]{0,8}?")


def _after_share(text: str, end: int) -> int:
    """Where a part's share ends: after its closing bracket, if it is in brackets."""
    return end + 1 if text[end : end + 1] in {"）", ")"} else end


def _larger(quantity: Quantity, whole_high: Decimal | None) -> bool:
    """Whether ``quantity`` is surely larger than a whole of at most ``whole_high``."""
    low, _ = quantity.bounds(loose=False)
    return low is not None and whole_high is not None and low > whole_high


def _ends_with_the_rest(parts: list[Subject]) -> bool:
    """Whether the last of a list of parts is the rest: ``其他……``, or ``一般……`` after ``重大……``/``较大……``
    (the grades of hazards, accidents, problems: every one is of a grade)."""
    last = parts[-1].predicate
    return last.startswith(("其他", "其它")) or (
        last.startswith("一般") and any(part.predicate.startswith(("重大", "较大")) for part in parts[:-1])
    )


def _splits(whole: Quantity, done: Quantity, rest: Quantity) -> bool:
    """Whether ``done`` and ``rest`` add up exactly to ``whole`` (plain figures only)."""
    if whole.value is None or done.value is None or rest.value is None:
        return False
    return (
        whole.low == whole.high
        and done.low == done.high
        and rest.low == rest.high
        and (whole.value == done.value + rest.value)
    )


def _companion(text: str, subjects_: list[Subject], index: int, limit: int, stop: int | None = None) -> Subject | None:
    """The measure stated right after the count ``subjects_[index]``, for the counted things (``2个批次约252
    亩``, ``3个批次，总面积约402亩``): the next figure, of another unit, in the same or the next clause, and
    before ``limit`` (and before ``subjects_[stop]``)."""
    if index + 1 >= (len(subjects_) if stop is None else stop):
        return None
    count, measure = subjects_[index], subjects_[index + 1]
    between = text[count.quantity.end : measure.quantity.start]
    if (
        measure.quantity.start >= limit
        or measure.quantity.unit == count.quantity.unit
        or len(_CLAUSE_MARKS.findall(between)) > 1
        or not _is_amount(text, measure)
    ):
        return None
    return measure


_CLAUSE_MARKS = lazy_regex(r"[，,；;：:]")
#: A clause that opens with a verb of doing after the parts: a new statement, not one more part.
_NEW_STATEMENT = lazy_regex(
    r"[，,；;]\s*(?:新增|新建|新改建|改建|改造|新开工|开工|建成|完成|实现|引进|培育|发放|投入|累计|全年|同时|此外)"
)


def _rest_split(segment: list[Subject], position: int, units: _Units) -> Breakdown | None:
    """``已完成7项，剩余6项`` after ``13项``: the figure before the rest (at ``position``), and the whole before
    that."""
    rest = segment[position].quantity
    same_unit = units.before(rest.unit, position, 2)
    if len(same_unit) < 2:
        return None
    whole, done = segment[same_unit[0]], segment[same_unit[1]]
    text = rest.block.text
    if not (_can_be_part(text, done) and _is_amount(text, whole)):
        return None
    return Breakdown(whole.quantity, (done.quantity, rest), exhaustive=True)


def _is_rest(text: str, subjects_: list[Subject], position: int, words: regex.Pattern[str]) -> bool:
    quantity = subjects_[position].quantity
    previous_end = subjects_[position - 1].quantity.end if position else 0
    return words.search(text, max(previous_end, quantity.start - 14), quantity.start) is not None


def _can_be_part(text: str, subject: Subject) -> bool:
    start = subject.quantity.start
    return _is_amount(text, subject) and not _TOTAL.search(text, max(0, start - _LOOK_BACK), start)


def _is_amount(text: str, subject: Subject) -> bool:
    """A plain amount that parts can add up to: not a rate, a per-head value, a change or a name."""
    quantity = subject.quantity
    if quantity.value is None or quantity.named or quantity.unit in _NOT_ADDITIVE or subject.distributive:
        return False
    if quantity.unit not in _COUNTABLE and subject.noun:
        return False  # 超10亿元项目, 5000万元以上的企业: an amount describing a noun
    if "/" in subject.predicate:
        return False  # 比上年增加1500亿元: a change, whose subject is another figure's
    return not _NOT_AN_AMOUNT.search(text, max(0, quantity.start - _LOOK_BACK), quantity.start)


_LOOK_BACK = 6


#: Counting units: a noun after them is what they count (9个项目), not something they describe.
_COUNTABLE = frozenset(
    "人次 户次 场次 批次 架次 车次 项次 家次 个 项 次 家 人 名 位 件 篇 条 场 批 宗 户 套 座 所 台 辆 艘 架 支 处"
    " 起 期 部 块 只 头 株 棵 张 本 册 份 种 类 门 节 课 轮 栋 间 段 幅 首 笔 颗 枚 盏 根 组 队 班 大类".split()
)
