"""Figure rules (NUM): figures that disagree with each other, in one draft or across the drafts linted
together; parts that cannot add up to their whole; percentages that do not follow from their figures; count
words that do not match their lists; dates that do not exist; shares above 100%.

The parsing lives in the shared analyses: :mod:`~reportlint.analysis.figures.quantities` (quantities),
:mod:`~reportlint.analysis.figures.subjects` (what a figure counts, which figures are one statement),
:mod:`~reportlint.analysis.figures.breakdowns`, :mod:`~reportlint.analysis.figures.ratios`, :mod:`~reportlint.analysis.figures.lists`
and :mod:`~reportlint.analysis.figures.dates`.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import PurePath

import regex

from reportlint.analysis.figures.breakdowns import breakdowns
from reportlint.analysis.figures.dates import dates
from reportlint.analysis.figures.lists import counted_lists
from reportlint.analysis.figures.quantities import PERCENT, Quantity, figures, written
from reportlint.analysis.figures.ratios import Ratio, ratios
from reportlint.analysis.figures.subjects import (
    Counterpart,
    Keyed,
    companion_candidates,
    counterparts,
    disagreements,
    keyed,
    subjects,
)
from reportlint.document import Document
from reportlint.findings import Severity
from reportlint.rule import Anchor, CorpusRule, Hit, Rule, Summary

#: How alike the contexts of two figures must be to take them for one statement (see subjects.similarity).
WITHIN_DOCUMENT_SIMILARITY = 0.5
ACROSS_DOCUMENTS_SIMILARITY = 0.6
#: From this similarity on, two differing statements are near copies of each other: the slip is plain.
NEAR_COPY = 0.9


def _related(path: str, quantity: Quantity, message: str) -> Anchor:
    return Anchor(path, quantity.block, quantity.start, quantity.end, message)


class FigureDiffers(Rule):
    """Finds a statement made twice in one draft with different figures: the same words up to the figure,
    the same unit, in the same year, but another number.

    Why: a draft is assembled from pieces written at different times; a figure corrected in one place keeps
    its old value in another, and the reader cannot tell which is right.

    Example::

        2024年，全区实现地区生产总值186.4亿元，增长6.2%。……2024年，全区实现地区生产总值186.9亿元……
                                    ^^^^^^^^^                                      ^^^^^^^^^

    Both places are reported, each naming the other. The words before the figure in its sentence must be
    the same (``共``, ``累计``, ``今年以来`` and the like aside) and hold a clause before the figure's own
    (``2024年，``), and the subject must be stated exactly twice; parallel statements about different things
    (``由江苏省……对111名责任人``, ``由河北省……对27名责任人``, or ``共检查项目12个`` under two headings),
    targets (``左右``, ``以上``), durations, figures of different years and figures that agree within
    rounding (``186.4亿元`` and ``186亿元``) are left alone.

    Silence it: make the figures agree. ``ignore = ["NUM001"]`` turns the rule off.
    """

    code = "NUM001"
    name = "figure-differs"
    severity = Severity.WARNING
    summary = "The same figure stated twice in one draft with different values"

    def check(self, document: Document) -> Iterator[Hit]:
        found = document.analysis(subjects)
        for pair in counterparts(found, found, WITHIN_DOCUMENT_SIMILARITY, within=True):
            mine, other = pair.subject.quantity, pair.other.quantity
            if mine.agrees_with(other):
                continue
            line = other.block.line
            yield Hit(
                mine.block,
                mine.start,
                mine.end,
                f"“{mine.text}”与第{line}行同一数字“{other.text}”不一致：请核实统一",
                related=(_related(document.path, other, f"此处写作“{other.text}”"),),
            )


class FigureDiffersAcrossDocuments(CorpusRule):
    """Finds a figure that the drafts linted together state differently: a report and its speech
    (``reportlint check 报告.docx 讲话稿.docx``) saying ``学习“第一议题”44次`` and ``38次``.

    Why: the speech is cut from the report, and each is then edited on its own; a figure corrected in one
    keeps its old value in the other, and both are read out or printed for the same meeting.

    Example::

        报告.txt    今年来共学习“第一议题”44次。
                                          ^^^
        讲话稿.txt  今年来共学习“第一议题”38次。
                                          ^^^

    Each file gets the finding, with the other place as a related location. Two figures are taken for one
    statement when their words say the same (``共``, ``累计``, ``今年以来``, ``已`` aside) and their sentences
    are alike (``xx生产基地项目，计划投资1亿元`` and ``其中xx生产基地项目，计划投资2亿元``); the finding is an
    error for near copies and a warning otherwise. Rounding is allowed for: ``3812万元`` equals ``0.3812亿元``,
    ``0.38亿元`` agrees with it, and ``约400亩`` with ``402亩``; ``1亿元`` does not agree with ``0.8亿元``
    (a tenth apart or more). Drafts are only compared when they agree on most of the figures they share (at
    least three exactly, and twice as many as differ): two years' reports repeat the same sentences with
    each year's figures, and those differences are no slips.

    Silence it: make the figures agree. ``ignore = ["NUM002"]``, or a per-file ignore, turns it off.
    """

    code = "NUM002"
    name = "figure-differs-across-documents"
    severity = Severity.ERROR
    summary = "A figure the drafts linted together (report and speech) state differently"

    def summarize(self, document: Document) -> Keyed:
        return document.analysis(keyed)

    def check_corpus(self, summaries: list[Summary]) -> Iterator[tuple[Summary, Hit]]:
        for i, j in companion_candidates([summary.data for summary in summaries]):
            first, second = summaries[i], summaries[j]
            for pair in disagreements(first.data, second.data, ACROSS_DOCUMENTS_SIMILARITY):
                yield first, self._hit(pair, second.path, pair.subject.quantity, pair.other.quantity)
                yield second, self._hit(pair, first.path, pair.other.quantity, pair.subject.quantity)

    def _hit(self, pair: Counterpart, other_path: str, mine: Quantity, other: Quantity) -> Hit:
        name = PurePath(other_path).name
        return Hit(
            mine.block,
            mine.start,
            mine.end,
            f"“{mine.text}”与{name}第{other.block.line}行“{other.text}”不一致：请核实统一",
            severity=None if pair.score >= NEAR_COPY else Severity.WARNING,
            related=(_related(other_path, other, f"{name}写作“{other.text}”"),),
        )


class PartsExceedTotal(Rule):
    """Finds parts that cannot add up to their total: ``共N…，其中A…、B…`` where A + B exceeds N, and
    exhaustive splits (``已完成A项，剩余B项``; ``其余``; ``另有`` after ``其中``) where the parts do not make
    exactly N.

    Why: a total and its breakdown are usually typed from different tables, or one of them is last year's.

    Example::

        全年共实施市级重点项目20个，其中工业项目12个、服务业项目11个。
                                    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^   12 + 11 = 23 > 20

    Rounding is allowed for (``1.97万公里`` may be 19,650 km). Parts are only taken from the list right after
    ``其中``, in the unit of its first figure; rates, per-head values (``人均``), changes (``比上年增加``),
    totals within the list (``总里程``) and amounts that describe a noun (``超10亿元项目``) are not parts.
    Categories may overlap, but ``其中`` lists in reports name disjoint ones; if yours do not, say so in the
    text or ignore the finding.

    Silence it: correct the figures. ``ignore = ["NUM003"]`` turns the rule off.
    """

    code = "NUM003"
    name = "parts-exceed-total"
    severity = Severity.ERROR
    summary = "Parts listed after 其中 add up to more than their total, or an exhaustive split does not add up"

    def check(self, document: Document) -> Iterator[Hit]:
        for item in document.analysis(breakdowns):
            whole_low, whole_high = item.whole.bounds(loose=False)
            bounds = [part.bounds(loose=False) for part in item.parts]
            if any(low is not None and whole_high is not None and low > whole_high for low, _ in bounds):
                continue  # one part alone is larger: NUM004
            low = sum((b[0] for b in bounds if b[0] is not None), Decimal(0))
            highs = [b[1] for b in bounds if b[1] is not None]
            high = sum(highs, Decimal(0)) if len(highs) == len(bounds) else None
            total = sum((part.value for part in item.parts if part.value is not None), Decimal(0))
            terms = "+".join(part.text for part in item.parts)
            first, last = item.parts[0], item.parts[-1]
            related = (_related(document.path, item.whole, f"总数“{item.whole.text}”"),)
            sum_text = written(total, item.whole)
            if whole_high is not None and low > whole_high and len(item.parts) > 1:
                message = f"其中各项合计{terms}={sum_text}，超过总数“{item.whole.text}”：请核实"
            elif item.exhaustive and (
                (whole_high is not None and low > whole_high)
                or (high is not None and whole_low is not None and high < whole_low)
            ):
                message = f"各部分合计{terms}={sum_text}，与总数“{item.whole.text}”不符：请核实"
            else:
                continue
            yield Hit(first.block, first.start, last.end, message, related=related)


class PartExceedsWhole(Rule):
    """Finds a part larger than its whole: ``总面积约402亩，其中2个批次约452亩``.

    Why: a part can never exceed the whole it is part of; one of the two figures is mistyped or stale.

    Example::

        已报审3个批次，总面积约402亩，其中2个批次约452亩已获批复。
                                               ^^^^^^^^

    Approximations of one passage keep their order (``约452亩`` is not within ``约402亩``); rounding is
    allowed for. Parts are read as for NUM003.

    Silence it: correct the figures. ``ignore = ["NUM004"]`` turns the rule off.
    """

    code = "NUM004"
    name = "part-exceeds-whole"
    severity = Severity.ERROR
    summary = "A part (after 其中) larger than its whole"

    def check(self, document: Document) -> Iterator[Hit]:
        for item in document.analysis(breakdowns):
            _, whole_high = item.whole.bounds(loose=False)
            if whole_high is None:
                continue
            for part in item.parts:
                low, _ = part.bounds(loose=False)
                if low is not None and low > whole_high:
                    yield Hit(
                        part.block,
                        part.start,
                        part.end,
                        f"部分“{part.text}”大于整体“{item.whole.text}”：请核实",
                        related=(_related(document.path, item.whole, f"整体“{item.whole.text}”"),),
                    )


class PercentageMismatch(Rule):
    """Finds a percentage that does not follow from the figures stated with it: completion of a plan
    (``完成投资6.3亿元，为年度计划5.6亿元的118%``), a share (``其中税收收入12.6亿元，占一般公共预算收入的
    82.4%``) or growth from last year's figure (``比上年增加1637亿元，增长37.9%``).

    Why: percentages are computed once and then survive edits of the figures they came from.

    Example::

        标准化厂房二期完成投资6.3亿元，为年度计划5.6亿元的118%。
                                                      ^^^^   6.3 ÷ 5.6 = 112.5%

    Rounding-aware: the figures as written may stand for a range (6.12 for 6.115…6.125), and the finding is
    made only when the stated percentage lies outside every value that range allows. A percentage inside the
    range that still differs from the plain quotient is NUM006 (off by default). Vague figures (``约``,
    ``超``, ``多``), average yearly and real growth (``年均``, ``实际``) are not checked.

    Silence it: correct the percentage or the figures. ``ignore = ["NUM005"]`` turns the rule off.
    """

    code = "NUM005"
    name = "percentage-mismatch"
    severity = Severity.ERROR
    summary = "A percentage outside what its figures allow (completion, share, growth), rounding allowed for"

    def check(self, document: Document) -> Iterator[Hit]:
        for ratio in document.analysis(ratios):
            if ratio.impossible:
                percent = ratio.percent
                yield Hit(
                    percent.block,
                    percent.start,
                    percent.end,
                    f"按{ratio.formula}计算约为{ratio.quotient}%，与“{percent.text}”不符"
                    f"（各数舍入后在{_percent(ratio.low)}%～{_percent(ratio.high)}%之间）：请核实",
                    replacement=f"{ratio.expected}%" if percent.text.endswith("%") else None,
                    safe_fix=False,
                    related=_operands(document, ratio),
                )


class PercentageRounding(Rule):
    """Finds a percentage that its figures allow only through rounding: ``年度计划投资5.6亿元，完成投资
    6.12亿元，完成109.30%``, where 6.12 ÷ 5.6 = 109.2857…% rounds to 109.29%.

    Why: a style point for a careful final draft: the percentage should be the quotient of the figures as
    printed. It is not a mistake (6.12 may stand for 6.1235), hence an info finding, off by default.

    Example::

        年度计划投资5.6亿元，完成投资6.12亿元，完成109.30%。
                                                ^^^^^^^   109.29%

    Turn it on with ``extend-select = ["NUM006"]``; silence it by writing the rounded quotient.
    """

    code = "NUM006"
    name = "percentage-rounding"
    severity = Severity.INFO
    summary = "A percentage that differs from the quotient of its figures as written (within rounding)"
    enabled_by_default = False

    def check(self, document: Document) -> Iterator[Hit]:
        for ratio in document.analysis(ratios):
            if ratio.rounded_differently:
                percent = ratio.percent
                yield Hit(
                    percent.block,
                    percent.start,
                    percent.end,
                    f"按{ratio.formula}计算为{ratio.quotient}%，宜写作{ratio.expected}%",
                    replacement=f"{ratio.expected}%" if percent.text.endswith("%") else None,
                    safe_fix=False,
                    related=_operands(document, ratio),
                )


def _percent(value: Decimal) -> str:
    return format(value.quantize(Decimal("0.1")), "f")


def _operands(document: Document, ratio: Ratio) -> tuple[Anchor, ...]:
    return tuple(_related(document.path, operand, f"依据“{operand.text}”") for operand in ratio.operands)


class CountMismatch(Rule):
    """Finds a count word that does not match the items listed with it: five items and then ``四大产业``,
    or four items and then ``“五大工程”``.

    Why: lists grow and shrink between drafts while the count word stays; readers count.

    Example::

        扎实推进产业强链、企业育苗、园区筑巢、人才聚智“五大工程”
                                                    ^^^^   four items listed

    More items than the count is an error. One item fewer is a warning, unless ``等`` says that not all are
    named (``xx等5家企业`` is fine). Items are separated by ``、``; ``和``/``及``/``与`` may join two. Counts
    that are names (``“四个意识”``, ``三会一课``), that a ``的``-phrase or a verb governs (``扩大内需、促进
    增长的十项措施``, ``延续、变更或审批14宗矿权``), and lists of figures are left alone, as is a count far
    above its list, which names examples rather than the whole set.

    Silence it: correct the count or complete the list (or add ``等``). ``ignore = ["NUM007"]`` turns it off.
    """

    code = "NUM007"
    name = "count-mismatch"
    severity = Severity.ERROR
    summary = "A count word (五大工程, 四大产业) that disagrees with the items listed"

    def check(self, document: Document) -> Iterator[Hit]:
        for listed in document.analysis(counted_lists):
            count = listed.count
            assert count.value is not None
            number = int(count.value)
            noun = _COUNTED_NOUN.match(count.block.text, count.end)
            called = count.text + (noun.group(0) if noun else "")  # 五大工程
            if listed.minimum > number:
                message, severity = f"列举了{listed.minimum}项，却称“{called}”：请核实数目", None
            elif not listed.partial and number == listed.maximum + 1:
                message = f"只列举了{listed.maximum}项，却称“{called}”：请补全或改正数目（有意只举部分请加“等”）"
                severity = Severity.WARNING
            else:
                continue
            yield Hit(count.block, count.start, count.end, message, severity=severity)


_COUNTED_NOUN = regex.compile(r"\p{Han}{1,2}")


class ImpossibleDate(Rule):
    """Finds a date that does not exist: ``2月30日``, ``4月31日``, ``13月``, ``2023年2月29日``.

    Why: a typo in a date is easy to miss and embarrassing in a signed report.

    Example::

        于2021年2月30日召开动员大会
          ^^^^^^^^^^^^

    A month alone is a date only with a year before it or a day, ``份``, ``底``, ``初`` or ``旬`` after it
    (``13个月`` is a span). ``2月29日`` is accepted unless the year is named and is not a leap year.

    Silence it: correct the date. ``ignore = ["NUM008"]`` turns the rule off.
    """

    code = "NUM008"
    name = "impossible-date"
    severity = Severity.ERROR
    summary = "A date that does not exist (2月30日, 13月)"

    def check(self, document: Document) -> Iterator[Hit]:
        for date in document.analysis(dates):
            if not date.exists:
                text = date.block.text[date.start : date.end]
                reason = "月份应在1—12之间" if not 1 <= date.month <= 12 else f"{date.month}月没有{date.day}日"
                yield Hit(date.block, date.start, date.end, f"日期“{text}”不存在（{reason}）：请核实")


#: Words before a percentage that make it a share of a whole, which cannot exceed 100%. Rates that can
#: (完成率, 增长率, 毛入学率, 执行率) are not among them.
_SHARE_WORDS = regex.compile(
    r"(?:占比|比重|份额|占有率|覆盖率|合格率|达标率|满意率|满意度|知晓率|参保率|普及率|出勤率|完好率|办结率|利用率"
    r"|处理率|优良率|到位率|入网率|接种率|就业率|通过率|准确率|及格率|占[^，。；、]{0,20}的|占)"
    r"(?:为|达|达到|是|保持在|稳定在|提高到|提升到|升至|增至|上升到|超过|突破|均为|分别为)?$"
)
_NOT_A_SHARE = regex.compile(r"毛入学率|完成率|增长率|执行率")
_HUNDRED = Decimal(100)


class ShareAboveHundred(Rule):
    """Finds a share above 100%: ``占全区生产总值的比重为112%``, ``覆盖率达到105%``, ``合格率101%``.

    Why: a part cannot be more than the whole; such a figure is a typo or a confusion with a growth or
    completion rate (which may exceed 100%).

    Example::

        规上工业产值占全区工业总产值的118%
                                    ^^^^

    Only shares and rates that are shares (``占…的``, ``占比``, ``比重``, ``覆盖率``, ``合格率``,
    ``满意率`` …) are checked; ``完成率``, ``增长率`` and ``毛入学率`` may exceed 100% and are left alone.

    Silence it: correct the figure. ``ignore = ["NUM009"]`` turns the rule off.
    """

    code = "NUM009"
    name = "share-above-hundred"
    severity = Severity.ERROR
    summary = "A share or share-like rate (占比, 比重, 覆盖率, 合格率) above 100%"

    def check(self, document: Document) -> Iterator[Hit]:
        for quantity in document.analysis(figures):
            if quantity.unit != PERCENT or quantity.value is None or quantity.named:
                continue
            low, _ = quantity.bounds(loose=False)
            if low is None or low <= _HUNDRED:
                continue
            text = quantity.block.text
            lead = text[max(0, quantity.start - 30) : quantity.start]
            if _SHARE_WORDS.search(lead) and not _NOT_A_SHARE.search(lead[-8:]):
                yield Hit(quantity.block, quantity.start, quantity.end, f"占比“{quantity.text}”超过100%：请核实")


RULES = (
    FigureDiffers,
    FigureDiffersAcrossDocuments,
    PartsExceedTotal,
    PartExceedsWhole,
    PercentageMismatch,
    PercentageRounding,
    CountMismatch,
    ImpossibleDate,
    ShareAboveHundred,
)
