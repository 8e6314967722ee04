"""Percentages stated with the figures they come from, in one sentence, and the range those figures allow.

Three forms are read:

- *completion* against a plan: ``年度计划投资5.6亿元，完成投资6.12亿元，完成109.30%`` and
  ``完成投资46.5亿元，为年度计划43.8亿元的106.2%`` — actual ÷ plan;
- *share* of a whole: ``一般公共预算收入15.3亿元……其中税收收入12.6亿元，占一般公共预算收入的82.4%``,
  or ``占比``/``占`` after a ``其中`` part — part ÷ whole;
- *growth* from last year's figure: ``5955亿元，比上年增加1637亿元，增长37.9%`` — increase ÷ (figure −
  increase); ``由2090元增加到2476元，增长18.5%`` and ``41200元，比2020年的32100元增长28.3%`` — (new − old) ÷ old.

The whole a share names and the plan of a completion rate may stand in an earlier sentence of the paragraph.

The range is computed on the precision the figures are written with (6.12 may be 6.115…6.125), so a
percentage is wrong only when it lies outside it. Figures that are themselves vague (``约``, ``超``, ``多``)
give no range; average yearly growth (``年均``) and real growth (``实际``, ``按可比价格``) are not a plain
quotient of the figures and are left alone.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from reportlint.analysis.figures.breakdowns import breakdowns
from reportlint.analysis.figures.quantities import Quantity
from reportlint.analysis.figures.subjects import Subject, normalize, segments
from reportlint.analysis.figures.vocabulary import PERCENT, POINTS
from reportlint.analysis.lazy import lazy_regex
from reportlint.document import Block, Document

#: A percentage and its figures share a segment: ``；`` starts another statement.
_HUNDRED = Decimal(100)
#: Words right before a percentage that say what it is the ratio of.
_COMPLETION_WORDS = lazy_regex(
    r"(?:完成|完成率|完成年度计划的|完成计划的|完成全年计划的|为年度计划的|达到计划的)(?:为|达到|达|是)?"
)
_OF_PLAN = lazy_regex(r"(?:为|占|达到|完成)(?:年度|全年|[市县省区]?下达)?(?:预算)?(?:计划|目标|任务)(?:投资)?$")
_SHARE_OF = lazy_regex(r"占(?P<whole>[^，。；、%]{1,20})的|(?P<part>\p{Han}{0,6}?)(?:占比|比重|占)(?:为|达到|达|是)?")
#: Words that make a name the whole's total: 行政村总数 is the number of 行政村.
_TOTAL_WORDS = lazy_regex(r"(?:总数|总量|总额|总和|总计|数量|总)$")
#: A share of a whole stated with its figure: ``，占耕地总面积``92.3万亩的.
_SHARE_OF_STATED = lazy_regex(r"[，,]?(?:约占|占)[^，。；、%\d]{0,20}")
_GROWTH_WORDS = lazy_regex(r"(?:同比|比上年|比去年)?(?P<sense>增长|增加|提高|上升|下降|减少|降低)")
_PLAN = lazy_regex(r"计划|目标|任务|预算")
_ACTUAL = lazy_regex(r"完成|实际|实现")
_INCREASE = lazy_regex(r"(?:比上年|比去年|同比|较上年|较去年)(?:预算|预计数)?(?P<sense>增加|增长|减少|下降)$")
_FROM = lazy_regex(r"(?:从|由)[^，。；]{0,12}$")
_TO = lazy_regex(r"^[^，。；]{0,12}?(?P<sense>增加|增长|提高|上升|扩大|下降|减少|降低|缩小)(?:到|至)")
_MARKS = lazy_regex(r"[\p{P}\p{S}\s]")
#: Growth that is not a plain quotient of the two figures.
_NOT_PLAIN = lazy_regex(r"年均|平均每年|平均|实际|可比|扣除价格|名义|累计")


@dataclass(frozen=True, slots=True)
class Ratio:
    """A stated percentage and the range [low, high] (in per cent) that its figures allow."""

    percent: Quantity
    operands: tuple[Quantity, ...]
    low: Decimal
    high: Decimal
    #: The quotient of the figures as written, rounded as the percentage is written.
    expected: Decimal
    #: The quotient of the figures as written, to one more decimal place than the percentage.
    quotient: Decimal
    #: How the percentage follows from the figures: ``6.3亿元÷5.6亿元``.
    formula: str

    @property
    def impossible(self) -> bool:
        """The stated percentage lies outside what its figures allow, even with every rounding."""
        low, high = self.percent.bounds(loose=False)
        assert low is not None and high is not None
        return high < self.low or low > self.high

    @property
    def rounded_differently(self) -> bool:
        """Possible within rounding, but the quotient of the figures as written rounds to another value."""
        return not self.impossible and self.expected != self.percent.value


def ratios(document: Document) -> list[Ratio]:
    """Every percentage of the document whose figures are stated with it (``document.analysis(ratios)``)."""
    wholes = {id(part): item.whole for item in document.analysis(breakdowns) for part in item.parts}
    found: list[Ratio] = []
    earlier: list[Subject] = []  # the figures of the paragraph before the statement
    document_so_far: list[Subject] = []  # and of the document before the paragraph
    for statement in document.analysis(segments):
        segment, text = statement.subjects, statement.block.text
        if earlier and earlier[-1].quantity.block is not statement.block:
            document_so_far.extend(earlier)
            earlier = []
        for index, subject in enumerate(segment):
            quantity = subject.quantity
            if index and quantity.unit == PERCENT and _plain(quantity):
                before = segment[max(0, index - _REACH) : index]
                amounts = [s for s in before if s.quantity.unit != PERCENT]
                if not amounts:
                    continue  # no figure it can be the ratio of
                words = _without_marks(_words_before(text, quantity, before))
                ratio = _completion(text, quantity, before, amounts, earlier, words)
                ratio = (
                    ratio
                    or _share(quantity, before, amounts, earlier + segment[:index], document_so_far, words, wholes)
                    or _growth(text, quantity, amounts, words)
                    or _rate(text, quantity, before, earlier + segment[:index], words, wholes)
                    or _yearly(document, statement.block, quantity, amounts, words)
                )
                if ratio is not None:
                    found.append(ratio)
        earlier.extend(segment)
    return found


#: ``整改率为``, ``上线率达到``, ``占比``: the rate of the figure before over a figure it is part of.
_RATE = lazy_regex(r"(?:[^，。；、%\d]{0,6}?(?P<verb>\p{Han}{2})率|占比)(?:为|达到|达|是)?")
_DONE = lazy_regex(r"已|累计")
_NOT_COUNTED = frozenset((PERCENT, "年", "个月", "月", "周", "天", "日", "小时", "岁", "周年", "倍"))


def _rate(
    text: str,
    percent: Quantity,
    before: list[Subject],
    paragraph: list[Subject],
    words: str,
    wholes: dict[int, Quantity],
) -> Ratio | None:
    """``发现问题34个，已整改31个，整改率为93.2%``; ``纳入监测对象1136户，已消除风险826户，占比76.3%``: the
    figure right before (what was done) over the last figure of its unit before it that is not a part of
    another and not smaller (the whole), in the paragraph."""
    match = _RATE.fullmatch(words)
    if match is None or not before or _NOT_PLAIN.search(words):
        return None
    part = before[-1]
    if part.quantity.unit in _NOT_COUNTED or part.quantity.value is None:
        return None
    if text[part.quantity.end : percent.start].count("，") + text[part.quantity.end : percent.start].count(",") != 1:
        return None  # the figure ends the clause before the rate's (九年义务教育巩固率: no figure of its own)
    clause = text[_clause_start(text, part) : part.quantity.start]
    verb = match.group("verb")
    if verb is not None:
        if verb not in clause and verb not in part.predicate:
            return None  # 本科上线631人，本科上线率…: the rate names what the figure counts
    elif not _DONE.search(clause):
        return None
    position = next((i for i in range(len(paragraph) - 1, -1, -1) if paragraph[i] is part), None)
    if position is None:
        return None
    for candidate in reversed(paragraph[:position]):
        quantity = candidate.quantity
        if quantity.unit != part.quantity.unit or id(quantity) in wholes or quantity.value is None:
            continue
        if quantity.value < part.quantity.value or candidate.distributive:
            continue
        return _ratio(percent, f"{part.quantity.text}÷{quantity.text}", part.quantity, quantity)
    return None


def _words_before(text: str, quantity: Quantity, before: list[Subject]) -> str:
    """The text between the previous figure of the sentence (or the clause start) and this one."""
    start = before[-1].quantity.end if before else 0
    clause = max(text.rfind(mark, start, quantity.start) for mark in "，,；;：:")
    return text[max(start, clause + 1) : quantity.start]


def _completion(
    text: str, percent: Quantity, before: list[Subject], amounts: list[Subject], earlier: list[Subject], words: str
) -> Ratio | None:
    """``amounts``: the figures before that are not percentages; ``earlier``: the figures of the paragraph before
    the statement, where the plan may stand (``年初确定固定资产投资计划45亿元。全年完成固定资产投资48.6亿元，
    完成年度计划的108%``) when its words hold the actual figure's; ``words``: the words right before the
    percentage (without punctuation)."""
    if before[-1] is not amounts[-1]:
        return None
    last = amounts[-1]
    plan: Subject | None
    actual: Subject | None
    if _without_marks(text[last.quantity.end : percent.start]) == "的" and _OF_PLAN.search(
        _without_marks(_words_before(text, last.quantity, before[:-1]))
    ):
        # 完成投资46.5亿元，为年度计划43.8亿元的106.2%
        plan = last
        actual = next((s for s in reversed(amounts[:-1]) if s.quantity.unit == plan.quantity.unit), None)
    elif _COMPLETION_WORDS.fullmatch(words):
        # 年度计划投资5.6亿元，完成投资6.12亿元，完成109.30%
        actual = next((s for s in reversed(amounts) if _ACTUAL.search(s.predicate)), None)
        plan = next(
            (
                s
                for s in reversed(amounts)
                if actual is not None
                and s is not actual
                and s.quantity.unit == actual.quantity.unit
                and _PLAN.search(s.predicate)
            ),
            None,
        )
        if actual is not None and plan is None:
            plan = _stated_plan(actual, earlier)
    else:
        return None
    if actual is None or plan is None:
        return None
    formula = f"{actual.quantity.text}÷{plan.quantity.text}"
    return _ratio(percent, formula, actual.quantity, plan.quantity, set_figure=True)


def _stated_plan(actual: Subject, earlier: list[Subject]) -> Subject | None:
    """The last plan of the actual figure's unit among ``earlier`` whose words hold what the actual figure
    counts (``完成固定资产投资`` → ``固定资产投资``, two characters or more)."""
    counted = _ACTUAL.sub("", actual.key[0])
    if len(counted) < 2:
        return None
    return next(
        (
            s
            for s in reversed(earlier)
            if s.quantity.unit == actual.quantity.unit and _PLAN.search(s.predicate) and counted in s.predicate
        ),
        None,
    )


def _share(
    percent: Quantity,
    before: list[Subject],
    amounts: list[Subject],
    paragraph: list[Subject],
    document_before: list[Subject],
    words: str,
    wholes: dict[int, Quantity],
) -> Ratio | None:
    """``占一般公共预算收入的82.4%``: the part before over the whole named, the last figure of its unit before
    it in the paragraph whose words hold the name (``全县共有行政村126个。……的村98个，占行政村总数的77.8%``:
    ``总数`` aside), or else the one such figure of the paragraphs before (``全镇辖18个行政村``, in the
    opening); ``占``/``占比`` alone after a ``其中`` part: over the whole of the breakdown."""
    if words == "的" and len(amounts) >= 2 and before[-1] is amounts[-1]:
        part, whole_ = amounts[-2], amounts[-1]
        text = part.quantity.block.text
        if part.quantity.unit == whole_.quantity.unit and _SHARE_OF_STATED.fullmatch(
            text, part.quantity.end, whole_.quantity.start
        ):  # 土地流转面积31.6万亩，占耕地总面积92.3万亩的34.2%
            return _ratio(percent, f"{part.quantity.text}÷{whole_.quantity.text}", part.quantity, whole_.quantity)
    match = _SHARE_OF.fullmatch(words)
    if match is None or before[-1] is not amounts[-1]:
        return None
    part = amounts[-1]
    named = match.group("whole")
    if match.group("part") and match.group("part") not in part.predicate:
        return None  # 税收占比: the share of what the part counts, named again
    if named:
        key = _TOTAL_WORDS.sub("", normalize(named))
        candidates = [s for s in paragraph[:-1] if s is not part and _names(s, key, part.quantity.unit)]
        if not candidates and len(key) >= 2:
            candidates = [s for s in document_before if _names(s, key, part.quantity.unit)]
            candidates = candidates if len(candidates) == 1 else []
        whole = candidates[-1].quantity if len(candidates) >= 1 else None
    else:
        whole = wholes.get(id(part.quantity))
    if whole is None or whole.unit != part.quantity.unit:
        return None
    return _ratio(percent, f"{part.quantity.text}÷{whole.text}", part.quantity, whole)


def _names(subject: Subject, key: str, unit: str) -> bool:
    """Whether a figure of ``unit`` counts what ``key`` names, in the words before it or the noun after it."""
    return bool(key) and subject.quantity.unit == unit and (key in subject.predicate or key in subject.noun)


def _growth(text: str, percent: Quantity, amounts: list[Subject], words: str) -> Ratio | None:
    match = _GROWTH_WORDS.fullmatch(words)
    if match is None or len(amounts) < 2 or _NOT_PLAIN.search(text, _clause_start(text, amounts[-2]), percent.start):
        return None
    falling = match.group("sense") in ("下降", "减少", "降低")
    latest, previous = amounts[-1], amounts[-2]
    if latest.quantity.unit != previous.quantity.unit:
        return None
    increase = _INCREASE.search(_without_marks(text[previous.quantity.end : latest.quantity.start]))
    if increase:  # 5955亿元，比上年增加1637亿元，增长37.9%
        if (increase.group("sense") in ("减少", "下降")) != falling:
            return None
        now, change = previous.quantity, latest.quantity
        formula = f"{change.text}÷({now.text}{'+' if falling else '−'}{change.text})"
        return _ratio(percent, formula, change, now, base_offset=change, falling=falling)
    between = text[previous.quantity.end : latest.quantity.start]
    if _THAN_LAST.match(_without_marks(between)):  # 41200元，比2020年的32100元增长28.3%
        now, base = previous.quantity, latest.quantity
        formula = f"({base.text}−{now.text})÷{base.text}" if falling else f"({now.text}−{base.text})÷{base.text}"
        return _ratio(percent, formula, now, base, difference=True, falling=falling)
    to = _TO.match(between)
    if to and _FROM.search(text, _clause_start(text, previous), previous.quantity.start):
        if (to.group("sense") in ("下降", "减少", "降低", "缩小")) != falling:
            return None
        old, new = previous.quantity, latest.quantity
        formula = f"({old.text}−{new.text})÷{old.text}" if falling else f"({new.text}−{old.text})÷{old.text}"
        return _ratio(percent, formula, new, old, difference=True, falling=falling)
    return None


def _clause_start(text: str, subject: Subject) -> int:
    """Where the clause of a figure starts (looking back no further than a clause is ever long)."""
    start = subject.quantity.start
    floor = max(0, start - _LONGEST_CLAUSE)
    return max(floor, *(text.rfind(mark, floor, start) + 1 for mark in "，,；;：:。"))


_LONGEST_CLAUSE = 80
#: How many figures before a percentage may be its operands: a share names a whole a few clauses back.
_REACH = 12


def _without_marks(text: str) -> str:
    """Punctuation and spaces dropped, words kept (``占一般公共预算收入的``)."""
    return _MARKS.sub("", text)


def _plain(quantity: Quantity) -> bool:
    """A figure with an exact claim: only its rounding makes it uncertain."""
    return quantity.value is not None and quantity.low == quantity.high and not quantity.approximate


def _ratio(
    percent: Quantity,
    formula: str,
    numerator: Quantity,
    denominator: Quantity,
    base_offset: Quantity | None = None,
    difference: bool = False,
    falling: bool = False,
    set_figure: bool = False,
) -> Ratio | None:
    """The range of numerator ÷ denominator in per cent. With ``base_offset`` the denominator is last year's
    figure, the current one less (or plus, when ``falling``) the change; with ``difference`` the numerator
    is the change from the denominator to the numerator; with ``set_figure`` the denominator is a plan or a
    task, set as written (``下达任务4万亩`` is 4万亩, not 3.5–4.5万亩)."""
    operands = (numerator, denominator)
    if not all(_plain(operand) for operand in operands):
        return None
    num_low, num_high = numerator.bounds(loose=False)
    den_low, den_high = (denominator.value, denominator.value) if set_figure else denominator.bounds(loose=False)
    if num_low is None or num_high is None or den_low is None or den_high is None:
        return None  # a figure open on one side (超过…) gives no percentage to check
    num_value, den_value = numerator.value, denominator.value
    assert num_value is not None and den_value is not None
    if base_offset is not None:  # denominator: now ∓ change
        change_low, change_high = base_offset.bounds(loose=False)
        if change_low is None or change_high is None:
            return None
        if falling:
            den_low, den_high, den_value = den_low + change_low, den_high + change_high, den_value + num_value
        else:
            den_low, den_high, den_value = den_low - change_high, den_high - change_low, den_value - num_value
    if difference:  # numerator: |new − old|
        if falling:
            num_low, num_high, num_value = den_low - num_high, den_high - num_low, den_value - num_value
        else:
            num_low, num_high, num_value = num_low - den_high, num_high - den_low, num_value - den_value
    if den_low <= 0 or num_low < 0:
        return None
    low, high = num_low / den_high * _HUNDRED, num_high / den_low * _HUNDRED
    assert percent.value is not None
    quantum = Decimal(1).scaleb(min(0, int(percent.value.as_tuple().exponent)))
    quotient = num_value / den_value * _HUNDRED
    expected = quotient.quantize(quantum, rounding=ROUND_HALF_UP)
    shown = quotient.quantize(quantum / 10, rounding=ROUND_HALF_UP)
    return Ratio(percent, operands, low, high, expected, shown, formula)


_YEARLY = lazy_regex(r"年均(?:增长|增速)|年均增幅")
_FROM_YEAR = lazy_regex(r"(?:由|从)(?P<year>(?:19|20)\d\d)年(?:的|底)?$")
_RISE_TO = lazy_regex(
    r"^(?:增至|增加到|增长到|提高到|提升到|上升到|达到|扩大到|增加至|提高至|提升至|上升至)"
    r"(?:(?:(?P<year>(?:19|20)\d\d)年|今年|本年|当年)(?:的|底)?)?$"
)
_ANY_YEAR = lazy_regex(r"((?:19|20)\d\d)年")


def _yearly(document: Document, block: Block, percent: Quantity, amounts: list[Subject], words: str) -> Ratio | None:
    """``由2021年的9.6亿元增至13.8亿元，年均增长15.2%``: the compound yearly growth from the year named to the
    year named after the new figure, or else (also after ``增至今年的``) the last later year named before (the
    year the draft is about)."""
    if len(amounts) < 2 or not _YEARLY.fullmatch(words):
        return None
    old, new = amounts[-2].quantity, amounts[-1].quantity
    text = block.text
    start = _FROM_YEAR.search(text, max(0, old.start - 10), old.start)
    rise = _RISE_TO.match(_without_marks(text[old.end : new.start]))
    if start is None or rise is None or old.unit != new.unit or not (_plain(old) and _plain(new)):
        return None
    first = int(start.group("year"))
    last = int(rise.group("year")) if rise.group("year") else _year_before(document, block, start.start(), first)
    if last is None or not 1 <= last - first <= _LONGEST_SPAN:
        return None
    (old_low, old_high), (new_low, new_high) = old.bounds(loose=False), new.bounds(loose=False)
    if old_low is None or old_high is None or new_low is None or new_high is None or old_low <= 0:
        return None
    assert old.value is not None and new.value is not None and percent.value is not None
    years = Decimal(1) / Decimal(last - first)
    low = ((new_low / old_high) ** years - 1) * _HUNDRED
    high = ((new_high / old_low) ** years - 1) * _HUNDRED
    quotient = ((new.value / old.value) ** years - 1) * _HUNDRED
    quantum = Decimal(1).scaleb(min(0, int(percent.value.as_tuple().exponent)))
    expected = quotient.quantize(quantum, rounding=ROUND_HALF_UP)
    shown = quotient.quantize(quantum / 10, rounding=ROUND_HALF_UP)
    formula = f"({new.text}÷{old.text})^(1/{last - first})−1"
    return Ratio(percent, (new, old), low, high, expected, shown, formula)


_LONGEST_SPAN = 10


def _year_before(document: Document, block: Block, position: int, first: int) -> int | None:
    """The last year after ``first`` named before ``position`` of ``block``, in it or the blocks before."""
    for candidate in (block, *reversed(document.blocks[: block.index])):
        end = position if candidate is block else len(candidate.text)
        years = [int(y) for y in _ANY_YEAR.findall(candidate.text, 0, end) if int(y) > first]
        if years:
            return years[-1]
    return None


@dataclass(frozen=True, slots=True)
class Difference:
    """A stated change (``比上年的1392件减少131件``, ``提高23.3个百分点``) and the range its figures allow."""

    stated: Quantity
    operands: tuple[Quantity, ...]
    low: Decimal
    high: Decimal
    expected: Decimal
    formula: str

    @property
    def impossible(self) -> bool:
        low, high = self.stated.bounds(loose=False)
        return low is not None and high is not None and (high < self.low or low > self.high)


#: The base of a change, between the figure and it: 较上年的1392件, 比2020年的32100元; 上年为643件.
_THAN_LAST = lazy_regex(r"^(?:比|较)(?:上年|去年|(?:19|20)\d\d年)(?:同期|底|末)?的?$")
_LAST_WAS = lazy_regex(r"^(?:上年|去年)(?:同期)?(?:为|是)$")
_CHANGE = lazy_regex(r"^(?:(?:比|较)(?:上年|去年)(?:同期)?)?(?:增加|减少|多|少|提高|下降|上升|降低|增长)了?$")
_CHANGE_UNITS = {PERCENT: POINTS}


def differences(document: Document) -> list[Difference]:
    """Changes stated with both figures: ``受理1236件，较上年的1392件减少131件``; ``由71.2%提高到96.5%，提高
    23.3个百分点``; or against last year's figure stated before (``上年全县接待游客286万人次。今年……312万人次，
    比上年增加26万人次``) (use through ``document.analysis(differences)``)."""
    found: list[Difference] = []
    last_year: dict[tuple[str, str], list[Quantity]] = defaultdict(list)  # figures stated as last year's
    for statement in document.analysis(segments):
        segment, text = statement.subjects, statement.block.text
        found.extend(_against_last_year(text, segment, last_year))
        for index in range(2, len(segment)):
            change, latest, earlier_ = segment[index].quantity, segment[index - 1].quantity, segment[index - 2].quantity
            if latest.unit != earlier_.unit or _CHANGE_UNITS.get(latest.unit, latest.unit) != change.unit:
                continue
            if not _CHANGE.match(_without_marks(text[latest.end : change.start])):
                continue
            between = _without_marks(text[earlier_.end : latest.start])
            if _THAN_LAST.match(between) or _LAST_WAS.match(between):
                now, before = earlier_, latest  # 1236件，较上年的1392件减少131件; 512件，上年为643件，比上年少131件
            elif _RISE_TO.match(between) or _FALL_TO.match(between):
                now, before = latest, earlier_  # 由71.2%提高到96.5%，提高23.3个百分点
            else:
                continue
            difference = _difference(now, before, change)
            if difference is not None:
                found.append(difference)
        found.extend(_listed_changes(text, [subject.quantity for subject in segment]))
    return found


#: A figure stated as last year's (``上年全县接待游客286万人次``), and a change against last year with no base of
#: its own (``今年接待游客312万人次，比上年增加36万人次``).
_LAST_YEAR = lazy_regex(r"(?<![比较])(?:上年|去年)(?!同比)")
_AGAINST_LAST = lazy_regex(r"^(?:比|较)(?:上年|去年)(?:同期)?(?:增加|减少|多|少|提高|下降|上升|降低|增长)了?$")
_TIME_WORDS = lazy_regex(r"上年|去年|同期|今年|本年")
_SCOPE = lazy_regex(r"^全[县镇市区省乡]")


def _against_last_year(
    text: str, segment: list[Subject], last_year: dict[tuple[str, str], list[Quantity]]
) -> list[Difference]:
    """``上年全县接待游客286万人次。今年接待游客312万人次，比上年增加36万人次``: a change against last year
    whose base is the one figure stated as last year's of the same indicator before it in the draft; records
    the figures of ``segment`` stated as last year's."""
    found = []
    for index, subject in enumerate(segment):
        quantity = subject.quantity
        indicator = (_SCOPE.sub("", _TIME_WORDS.sub("", subject.key[0])), quantity.unit)
        start = segment[index - 1].quantity.end if index else subject.segment[0]
        if len(indicator[0]) >= 2 and _LAST_YEAR.search(text, start, quantity.start):
            last_year[indicator].append(quantity)
            continue
        if index + 1 >= len(segment) or len(last_year.get(indicator, ())) != 1 or "/" in subject.predicate:
            continue
        change = segment[index + 1].quantity
        if _CHANGE_UNITS.get(quantity.unit, quantity.unit) == change.unit and _AGAINST_LAST.match(
            _without_marks(text[quantity.end : change.start])
        ):
            difference = _difference(quantity, last_year[indicator][0], change)
            if difference is not None:
                found.append(difference)
    return found


def _difference(now: Quantity, before: Quantity, change: Quantity) -> Difference | None:
    """The stated ``change`` from ``before`` to ``now``, if all three are plain figures."""
    if not all(_plain(q) for q in (now, before, change)):
        return None
    (now_low, now_high), (before_low, before_high) = now.bounds(loose=False), before.bounds(loose=False)
    assert now_low is not None and now_high is not None and before_low is not None and before_high is not None
    assert now.value is not None and before.value is not None
    if now.value >= before.value:
        low, high = now_low - before_high, now_high - before_low
    else:
        low, high = before_low - now_high, before_high - now_low
    formula = f"{now.text}−{before.text}" if now.value >= before.value else f"{before.text}−{now.text}"
    return Difference(change, (now, before), max(low, Decimal(0)), high, abs(now.value - before.value), formula)


#: Between the items of a list of figures: 、 and perhaps a noun (发生事故9起、死亡7人).
_LIST_ITEM = lazy_regex(r"^[、和及与]\p{Han}{0,4}$")
_EACH_CHANGE = lazy_regex(r"^分别(?:增加|减少|多|少|提高|下降|上升|降低|增长)了?$")
_LONGEST_LIST = 4


def _listed_changes(text: str, figures: list[Quantity]) -> list[Difference]:
    """Changes of lists of figures under 分别: ``发生事故9起、死亡7人，比上年同期的12起、10人分别减少3起、3人``."""
    found: list[Difference] = []
    for size in range(2, _LONGEST_LIST + 1):
        for start in range(len(figures) - 3 * size + 1):
            nows, befores, changes = (figures[start + size * part : start + size * (part + 1)] for part in range(3))
            if not (
                _THAN_LAST.match(_without_marks(text[nows[-1].end : befores[0].start]))
                and _EACH_CHANGE.match(_without_marks(text[befores[-1].end : changes[0].start]))
                and all(_is_list(text, items) for items in (nows, befores, changes))
                and all(
                    now.unit == before.unit and _CHANGE_UNITS.get(now.unit, now.unit) == change.unit
                    for now, before, change in zip(nows, befores, changes, strict=True)
                )
            ):
                continue
            for now, before, change in zip(nows, befores, changes, strict=True):
                difference = _difference(now, before, change)
                if difference is not None:
                    found.append(difference)
    return found


def _is_list(text: str, items: list[Quantity]) -> bool:
    return all(_LIST_ITEM.match(text[a.end : b.start]) for a, b in itertools.pairwise(items))


_FALL_TO = lazy_regex(
    r"^(?:下降到|下降至|降至|降低到|降低至|减少到|减少至|压减到|压减至|缩小到|缩小至)(?:(?:19|20)\d\d年(?:的|底)?)?$"
)
