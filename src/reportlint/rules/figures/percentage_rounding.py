"""NUM006 percentage-rounding: A percentage that differs from the quotient of its figures as written (within
rounding)."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.analysis.figures.ratios import ratios
from reportlint.document import Document
from reportlint.findings import Severity
from reportlint.rule import Case, Hit, Rule
from reportlint.rules.figures.common import operands


class PercentageRounding(Rule):
    """Finds a percentage that its figures allow only through rounding: ``年度计划投资5.6亿元，完成投资
    6.12亿元，完成109.30%``, where 6.12 ÷ 5.6 = 109.2857…% rounds to 109.29%.

    Why: a style point for a careful final draft: the percentage should be the quotient of the figures as
    printed. It is not a mistake (6.12 may stand for 6.1235), hence an info finding, off by default.

    Turn it on with ``extend-select = ["NUM006"]``; silence it by writing the rounded quotient.
    """

    code = "NUM006"
    name = "percentage-rounding"
    severity = Severity.INFO
    summary = "A percentage that differs from the quotient of its figures as written (within rounding)"
    flags = (Case("年度计划投资5.6亿元，完成投资6.12亿元，完成⟦109.30%⟧。", fix="109.29%"),)
    passes = ("年度计划投资5.6亿元，完成投资6.12亿元，完成109.29%。",)
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
                    related=operands(document, ratio),
                )
