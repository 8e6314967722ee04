"""SEC003 number-out-of-order: Numbers out of order, or a run that does not start at one."""

from __future__ import annotations

from reportlint.analysis.outline import (
    ORDER,
    Fault,
)
from reportlint.findings import Severity
from reportlint.rule import Case
from reportlint.rules.outline.common import FaultRule, shown


class NumberOutOfOrder(FaultRule):
    """查找顺序不对的序号：倒退（``（三）``之后是``（二）``）、两个序号对调，或一组
    序号不从一开始（标题下的第一个小标题是``（二）``；一段中的第一个列举词是
    ``二是``）。

    为什么要查：修改时移动了某一项，它却保留了原来的序号；删掉了第一项，序号就从
    二开始。无论哪种，读者都会去找缺失或错位的那一项。

    不报的情形：接续上一节的编号（各章连续编排的``第N条``；``1.…5.``之后在下一个
    标题下接着写``6.``），以及用文字开头的一组（``首先……第二，……``）。

    忽略方法：重新编号；``ignore = ["SEC003"]``关闭此规则。
    """

    code = "SEC003"
    name = "number-out-of-order"
    severity = Severity.WARNING
    summary = "序号顺序颠倒，或一组序号不从一开始"
    flags = (Case("一、存在的不足\n⟦（二）⟧招商后劲不足。\n（三）要素保障偏弱。\n", fix="（一）"),)
    passes = (
        "首先，统一思想。\n第二，压实责任。\n第三，强化督查。\n",
        "（一）甲\n1.子一\n（二）乙\n2.子二\n",
        "一、主要成效（一）抓党建强引领，堡垒更加坚强。\n（二）抓产业促发展，实力稳步提升。\n",
    )
    fault_kind = ORDER

    def message(self, fault: Fault) -> str:
        if fault.previous is None:
            return f"“{shown(fault.item)}”是这一组的第一个序号，应从“{fault.replacement}”开始"
        return f"序号“{shown(fault.item)}”排在“{shown(fault.previous)}”之后，顺序有误：此处应为“{fault.replacement}”"
