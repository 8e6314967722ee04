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
    """Finds numbers out of order: a run that goes back (``（三）`` then ``（二）``), two numbers swapped, or a
    run that starts above one (the first sub-heading under a heading is ``（二）``; a paragraph's first
    enumerator is ``二是``).

    Why: an item moved during editing keeps its old number; a first item deleted leaves the run starting at
    two. Either way the reader is left looking for the missing or misplaced item.

    Numbering that runs on from the previous section (``第N条`` across chapters, ``1.…5.`` continued as
    ``6.`` under the next heading) and a run begun in words (``首先……第二，……``) are not flagged.

    Silence it: renumber; ``ignore = ["SEC003"]`` turns the rule off.
    """

    code = "SEC003"
    name = "number-out-of-order"
    severity = Severity.WARNING
    summary = "Numbers out of order, or a run that does not start at one"
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
