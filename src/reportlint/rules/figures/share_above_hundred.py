"""NUM009 share-above-hundred: A share or share-like rate (占比, 比重, 覆盖率, 合格率) above 100%."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import regex

from reportlint.analysis.figures.quantities import figures
from reportlint.analysis.figures.vocabulary import PERCENT
from reportlint.document import Document
from reportlint.findings import Severity
from reportlint.rule import Case, Hit, Rule

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

    Only shares and rates that are shares (``占…的``, ``占比``, ``比重``, ``覆盖率``, ``合格率``,
    ``满意率`` …) are checked; ``完成率``, ``增长率`` and ``毛入学率`` may exceed 100% and are left alone.

    Silence it: correct the figure. ``ignore = ["NUM009"]`` turns the rule off.
    """

    code = "NUM009"
    name = "share-above-hundred"
    severity = Severity.ERROR
    summary = "A share or share-like rate (占比, 比重, 覆盖率, 合格率) above 100%"
    flags = (Case("规上工业产值占全区工业总产值的⟦118%⟧"),)
    passes = ("全年投资完成率达到118%，高中毛入学率102%。",)

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
