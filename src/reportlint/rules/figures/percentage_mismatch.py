"""NUM005 percentage-mismatch: A percentage outside what its figures allow (completion, share, growth), rounding
allowed for."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from reportlint.analysis.figures.ratios import ratios
from reportlint.document import Document
from reportlint.findings import Severity
from reportlint.rule import Case, Hit, Rule
from reportlint.rules.figures.common import operands


class PercentageMismatch(Rule):
    """Finds a percentage that does not follow from the figures stated with it: completion of a plan
    (``完成投资6.3亿元，为年度计划5.6亿元的118%``), a share (``其中税收收入12.6亿元，占一般公共预算收入的
    82.4%``) or growth from last year's figure (``比上年增加1637亿元，增长37.9%``).

    Why: percentages are computed once and then survive edits of the figures they came from.

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
    flags = (Case("标准化厂房二期完成投资6.3亿元，为年度计划5.6亿元的⟦118%⟧。", fix="113%"),)
    passes = ("标准化厂房二期完成投资6.3亿元，为年度计划5.6亿元的112.5%。",)

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
                    related=operands(document, ratio),
                )


def _percent(value: Decimal) -> str:
    return format(value.quantize(Decimal("0.1")), "f")
