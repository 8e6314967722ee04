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
    """查找连续用了两次的序号：一段中有两个``五是``，一个标题下有两个``（二）``。

    为什么要查：合并两段文字，或复制上一项来添加新的一项时，序号也被复制了，读者
    就没法再说“第二项”了。

    修正建议改为下一个序号；其后的序号可能也要顺延。从一重新开始的列举（每段都有
    ``一是``，一个标题下有几组``1.``）不算重复。

    忽略方法：重新编号；``ignore = ["SEC002"]``关闭此规则。
    """

    code = "SEC002"
    name = "duplicated-number"
    severity = Severity.ERROR
    summary = "同一序号连续出现两次（两个“五是”、两个“（二）”）"
    flags = (Case("四是深化作风建设。五是抓好干部培训。⟦五是⟧推进基层党组织标准化建设。", fix="六是"),)
    passes = ("一是深化作风建设。二是抓好干部培训。\n一是推进基层党组织标准化建设。二是加强学习。",)
    fault_kind = DUPLICATED
    related_message = "此序号第一次出现处"

    def message(self, fault: Fault) -> str:
        return f"序号“{shown(fault.item)}”重复：此处应为“{fault.replacement}”"
