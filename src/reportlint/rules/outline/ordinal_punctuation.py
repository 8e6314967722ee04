"""SEC005 ordinal-punctuation: The wrong point after an ordinal (一. （一）、 （1）. 第一、; 1、 as info)."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.analysis.outline import (
    Enumerator,
    outline,
)
from reportlint.document import Document
from reportlint.findings import Severity
from reportlint.rule import Case, Hit, Rule


class OrdinalPunctuation(Rule):
    """查找序号后用错的点号（GB/T 15834-2011）：``一.``应为``一、``；带括号或带圈的
    序号后（``（一）、``、``（1）.``、``①、``）或``第一章``后加了点号；
    ``第一、``应为``第一，``；以及作为写法提示（提示级别）的``1、``应为``1.``。

    为什么要查：标准规定，单独的汉字数字后用``、``，单独的阿拉伯数字后用``.``，
    ``第一``、``其一``后用``，``，带括号或带圈的序号后不加点号。``1、``在草稿中
    很常见，而正式发布的报告写作``1.``/``1．``，所以只作提示。

    忽略方法：采用修正建议；``[severity] SEC005 = "warning"``把此规则的所有问题
    （包括``1、``）都设为该级别；``ignore = ["SEC005"]``关闭此规则。
    """

    code = "SEC005"
    name = "ordinal-punctuation"
    severity = Severity.WARNING
    summary = "序号后的点号用错（一. （一）、 （1）. 第一、；1、为提示）"
    flags = (Case("（一）⟦、⟧强化理论学习，提高政治站位。", fix=""),)
    passes = ("（一）强化理论学习，提高政治站位。",)

    def check(self, document: Document) -> Iterator[Hit]:
        analysis = document.analysis(outline)
        for block in document.blocks:
            for item in analysis.enumerators(block):
                if item.punct:
                    hit = self._judge(item)
                    if hit is not None:
                        yield hit

    def _judge(self, item: Enumerator) -> Hit | None:
        punct, kind = item.punct, item.kind
        start = item.end - len(punct)
        if kind == "一、" and punct != "、":
            return Hit(item.block, start, item.end, f"“{item.text}”应作“{item.numeral}、”", replacement="、")
        if kind in ("（一）", "（1）", "①") or (item.heading and kind.startswith("第一")):
            return Hit(item.block, start, item.end, f"序号“{item.text[:-1]}”后不加点号：删去“{punct}”", replacement="")
        if kind == "第一，" and punct == "、":
            ordinal = item.text[:-1]
            return Hit(item.block, start, item.end, f"“{ordinal}”后应用逗号：“{ordinal}，”", replacement="，")
        if kind == "1." and punct == "、":
            return Hit(
                item.block,
                start,
                item.end,
                f"阿拉伯数字序号后宜用下脚点：“{item.numeral}.”",
                replacement=".",
                severity=Severity.INFO,
            )
        return None
