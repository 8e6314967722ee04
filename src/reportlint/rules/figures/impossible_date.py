"""NUM008 impossible-date: A date that does not exist (2月30日, 13月)."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.analysis.figures.dates import dates
from reportlint.document import Document
from reportlint.findings import Severity
from reportlint.rule import Case, Hit, Rule


class ImpossibleDate(Rule):
    """查找不存在的日期：``2月30日``、``4月31日``、``13月``、``2023年2月29日``。

    为什么要查：日期打错不易察觉，出现在签发的报告里却很难看。

    单独的月份，只有前面有年份、或后面有日、``份``、``底``、``初``、``旬``时才算
    日期（``13个月``是时长）。``2月29日``不报，除非写明了年份且该年不是闰年。

    忽略方法：改正日期；``ignore = ["NUM008"]``关闭此规则。
    """

    code = "NUM008"
    name = "impossible-date"
    severity = Severity.ERROR
    summary = "不存在的日期（2月30日、13月）"
    flags = (Case("于⟦2021年2月30日⟧召开动员大会"),)
    passes = ("于2024年2月29日召开动员大会，历时13个月。",)

    def check(self, document: Document) -> Iterator[Hit]:
        for date in document.analysis(dates):
            if not date.exists:
                text = date.block.text[date.start : date.end]
                reason = "月份应在1—12之间" if not 1 <= date.month <= 12 else f"{date.month}月没有{date.day}日"
                yield Hit(date.block, date.start, date.end, f"日期“{text}”不存在（{reason}）：请核实")
