"""SEC002 duplicated-number: The same number twice in a row (两个“五是”, 两个“（二）”)."""

from __future__ import annotations

from reportlint.analysis.outline import (
    DUPLICATED,
    Fault,
)
from reportlint.findings import Severity
from reportlint.rule import Case
from reportlint.rules.outline.common import FaultRule, shown


class DuplicatedNumber(FaultRule):
    """Finds a number used twice in a row: two ``五是`` in one paragraph, two ``（二）`` under one heading.

    Why: when a draft merges two texts, or an item is added by copying the one before it, its number is copied
    too. The reader cannot refer to "the second item" any more.

    The fix suggests the next number; the numbers after it may need to move on as well. Lists that restart
    at one (``一是`` in every paragraph, several ``1.`` lists under one heading) are not duplicates.

    Silence it: renumber; ``ignore = ["SEC002"]`` turns the rule off.
    """

    code = "SEC002"
    name = "duplicated-number"
    severity = Severity.ERROR
    summary = "The same number twice in a row (两个“五是”, 两个“（二）”)"
    flags = (Case("四是深化作风建设。五是抓好干部培训。⟦五是⟧推进基层党组织标准化建设。", fix="六是"),)
    passes = ("一是深化作风建设。二是抓好干部培训。\n一是推进基层党组织标准化建设。二是加强学习。",)
    fault_kind = DUPLICATED
    related_message = "此序号第一次出现处"

    def message(self, fault: Fault) -> str:
        return f"序号“{shown(fault.item)}”重复：此处应为“{fault.replacement}”"
