"""NUM009 share-above-hundred: A share or share-like rate (占比, 比重, 覆盖率, 合格率) above 100%."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from reportlint.analysis.figures.quantities import figures
from reportlint.analysis.figures.vocabulary import PERCENT
from reportlint.analysis.lazy import lazy_regex
from reportlint.document import Document
from reportlint.findings import Severity
from reportlint.rule import Case, Hit, Rule

#: Words before a percentage that make it a share of a whole, which cannot exceed 100%. Rates that can
#: (完成率, 增长率, 毛入学率, 执行率) are not among them.
_SHARE_WORDS = lazy_regex(
    r"(?:占比|比重|份额|占有率|覆盖率|合格率|达标率|满意率|满意度|知晓率|参保率|普及率|出勤率|完好率|办结率|利用率"
    r"|处理率|优良率|到位率|入网率|接种率|就业率|通过率|准确率|及格率|占[^，。；、]{0,20}的|占)"
    r"(?:为|达|达到|是|保持在|稳定在|提高到|提升到|升至|增至|上升到|超过|突破|均为|分别为)?$"
)


#: Rates that may exceed 100%, and shares of a plan, a budget or a target (``占预算数的102.7%``,
#: ``占年度目标任务的112%``): a completion rate, not a part of a whole.
_NOT_A_SHARE = lazy_regex(r"毛入学率|完成率|增长率|执行率|(?:计划|预算|目标|任务)数?的")


_HUNDRED = Decimal(100)


class ShareAboveHundred(Rule):
    """查找超过100%的占比：``占全区生产总值的比重为112%``、``覆盖率达到105%``、
    ``合格率101%``。

    为什么要查：部分不可能多于整体；这样的数字要么打错了，要么与增长率、完成率
    （可以超过100%）混淆了。

    只检查占比和本质上是占比的比率（``占…的``、``占比``、``比重``、``覆盖率``、
    ``合格率``、``满意率``……）；``完成率``、``增长率``、``毛入学率``可以超过100%，
    不报；占计划、预算或目标的百分比（``占预算数的102.7%``、``占年度目标任务的
    112%``）是完成率，也不报。

    忽略方法：改正数字；``ignore = ["NUM009"]``关闭此规则。
    """

    code = "NUM009"
    name = "share-above-hundred"
    severity = Severity.ERROR
    summary = "占比或类似占比的比率（占比、比重、覆盖率、合格率）超过100%"
    flags = (Case("规上工业产值占全区工业总产值的⟦118%⟧"),)
    passes = ("全年投资完成率达到118%，高中毛入学率102%。地方财政收入占预算数的102.7%，占年度目标任务的112%。",)

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
