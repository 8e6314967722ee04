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
    """查找只有借助四舍五入才说得通的百分比：
    ``年度计划投资5.6亿元，完成投资6.12亿元，完成109.30%``，而 6.12 ÷ 5.6 =
    109.2857…%，四舍五入应为109.29%。

    为什么要查：这是定稿时讲究的写法问题：百分比应等于按印出的数字相除的结果。它
    不算错误（6.12可能代表6.1235），所以只是提示，且默认不启用。

    忽略方法：写成四舍五入后的商即可；用``extend-select = ["NUM006"]``启用此规则。
    """

    code = "NUM006"
    name = "percentage-rounding"
    severity = Severity.INFO
    summary = "百分比与按所写数字相除的结果不同（在四舍五入范围内）"
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
