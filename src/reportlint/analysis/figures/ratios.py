"""Percentages stated with the figures they come from, in one sentence, and the range those figures allow.

Three forms are read:

- *completion* against a plan: ``年度计划投资5.6亿元，完成投资6.12亿元，完成109.30%`` and
  ``完成投资46.5亿元，为年度计划43.8亿元的106.2%`` — actual ÷ plan;
- *share* of a whole: ``一般公共预算收入15.3亿元……其中税收收入12.6亿元，占一般公共预算收入的82.4%``,
  or ``占比``/``占`` after a ``其中`` part — part ÷ whole;
- *growth* from last year's figure: ``5955亿元，比上年增加1637亿元，增长37.9%`` — increase ÷ (figure −
  increase); ``由2090元增加到2476元，增长18.5%`` — (new − old) ÷ old.

The range is computed on the precision the figures are written with (6.12 may be 6.115…6.125), so a
percentage is wrong only when it lies outside it. Figures that are themselves vague (``约``, ``超``, ``多``)
give no range; average yearly growth (``年均``) and real growth (``实际``, ``按可比价格``) are not a plain
quotient of the figures and are left alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from reportlint.analysis.figures.breakdowns import breakdowns
from reportlint.analysis.figures.quantities import Quantity
from reportlint.analysis.figures.subjects import Subject, normalize, segments
from reportlint.analysis.figures.vocabulary import PERCENT
from reportlint.analysis.lazy import lazy_regex
from reportlint.document import Document

#: A percentage and its figures share a segment: ``；`` starts another statement.
_HUNDRED = Decimal(100)
#: Words right before a percentage that say what it is the ratio of.
_COMPLETION_WORDS = lazy_regex(r"完成|完成率|完成年度计划的|完成计划的|完成全年计划的|为年度计划的|达到计划的")
_OF_PLAN = lazy_regex(r"(?:为|占|达到|完成)(?:年度|全年)?(?:计划|目标|任务)(?:投资)?$")
_SHARE_OF = lazy_regex(r"占(?P<whole>[^，。；、%]{1,20})的|占比|占|占比为|占比达|比重为")
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
    for statement in document.analysis(segments):
        segment, text = statement.subjects, statement.block.text
        for index, subject in enumerate(segment):
            quantity = subject.quantity
            if index and quantity.unit == PERCENT and _plain(quantity):
                before = segment[max(0, index - _REACH) : index]
                amounts = [s for s in before if s.quantity.unit != PERCENT]
                if not amounts:
                    continue  # no figure it can be the ratio of
                words = _without_marks(_words_before(text, quantity, before))
                ratio = _completion(text, quantity, before, amounts, words)
                ratio = (
                    ratio or _share(quantity, before, amounts, words, wholes) or _growth(text, quantity, amounts, words)
                )
                if ratio is not None:
                    found.append(ratio)
    return found


def _words_before(text: str, quantity: Quantity, before: list[Subject]) -> str:
    """The text between the previous figure of the sentence (or the clause start) and this one."""
    start = before[-1].quantity.end if before else 0
    clause = max(text.rfind(mark, start, quantity.start) for mark in "，,；;：:")
    return text[max(start, clause + 1) : quantity.start]


def _completion(
    text: str, percent: Quantity, before: list[Subject], amounts: list[Subject], words: str
) -> Ratio | None:
    """``amounts``: the figures before that are not percentages; ``words``: the words right before the percentage
    (without punctuation)."""
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
    else:
        return None
    if actual is None or plan is None:
        return None
    formula = f"{actual.quantity.text}÷{plan.quantity.text}"
    return _ratio(percent, formula, actual.quantity, plan.quantity)


def _share(
    percent: Quantity, before: list[Subject], amounts: list[Subject], words: str, wholes: dict[int, Quantity]
) -> Ratio | None:
    match = _SHARE_OF.fullmatch(words)
    if match is None or before[-1] is not amounts[-1]:
        return None
    part = amounts[-1]
    named = match.group("whole")
    if named:
        key = normalize(named)
        candidates = [s for s in amounts[:-1] if s.quantity.unit == part.quantity.unit and key and key in s.predicate]
        whole = candidates[-1].quantity if len(candidates) >= 1 else None
    else:
        whole = wholes.get(id(part.quantity))
    if whole is None or whole.unit != part.quantity.unit:
        return None
    return _ratio(percent, f"{part.quantity.text}÷{whole.text}", part.quantity, whole)


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
) -> Ratio | None:
    """The range of numerator ÷ denominator in per cent. With ``base_offset`` the denominator is last year's
    figure, the current one less (or plus, when ``falling``) the change; with ``difference`` the numerator
    is the change from the denominator to the numerator."""
    operands = (numerator, denominator)
    if not all(_plain(operand) for operand in operands):
        return None
    num_low, num_high = numerator.bounds(loose=False)
    den_low, den_high = denominator.bounds(loose=False)
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
