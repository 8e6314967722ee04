"""SEC007 unpaired-aspect: 一方面 without 另一方面."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.analysis.outline import (
    ASPECT,
    outline,
)
from reportlint.document import Document
from reportlint.findings import Severity
from reportlint.rule import Case, Hit, Rule


class UnpairedAspect(Rule):
    """查找有``一方面``、而在同一段或后面几段中没有``另一方面``（或第二个``一方面``、
    ``又一方面``）的情形。

    为什么要查：``一方面``预示还有另一方面；稿子删节时，另一方面常被删掉，句子就
    失去了平衡。

    ``这一方面``、``积极的一方面``、``只是一方面``不是关联词，不报。只作提示：另
    一方面有时是有意用``同时``引出的。

    忽略方法：补上另一方面，或删去``一方面``；``ignore = ["SEC007"]``关闭此规则。
    """

    code = "SEC007"
    name = "unpaired-aspect"
    severity = Severity.INFO
    summary = "有“一方面”而没有“另一方面”"
    flags = (Case("园区⟦一方面⟧加快存量企业技术改造，推动产业提档升级。"),)
    passes = (
        "园区一方面加快存量企业技术改造，另一方面积极招引新项目。",
        "这只是问题的一方面，还要看到成绩。",
    )

    def check(self, document: Document) -> Iterator[Hit]:
        for group in document.analysis(outline).groups:
            if group.kind == ASPECT and len(group.items) == 1 and group.items[0].number == 1:
                item = group.items[0]
                yield Hit(item.block, item.start, item.end, "有“一方面”而无“另一方面”：请补全另一方面或改写")
