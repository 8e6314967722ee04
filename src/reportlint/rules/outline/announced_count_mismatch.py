"""SEC006 announced-count-mismatch: A count announced before a list that disagrees with its items
(以下三个方面：一是…四是)."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.analysis.outline import (
    outline,
)
from reportlint.document import Document
from reportlint.findings import Severity
from reportlint.rule import Case, Hit, Rule
from reportlint.rules.outline.common import anchor, shown


class AnnouncedCountMismatch(Rule):
    """查找列举之前预告的数目与后面的项数不符：
    ``抓好以下三个方面：一是……二是……三是……四是……``；``今年重点做好五项工作：``后
    面却是``（一）``到``（六）``。

    为什么要查：数目先写好，修改中列举增增减减；读者被告知三项，数出来却是四项。

    只比较紧挨列举、以冒号结尾的那个分句中的唯一一个数目；序号有误的列举，同时与
    项数和最后一个序号比较。项数多于预告的报警告；少于预告的只是提示，因为其余各
    项有时换了说法列出（``四种类型：一是……二是……。另有两类：一类是……另一类是……``）。

    忽略方法：改正数目或列举；``ignore = ["SEC006"]``关闭此规则。
    """

    code = "SEC006"
    name = "announced-count-mismatch"
    severity = Severity.WARNING
    summary = "列举前预告的数目与实际项数不符（以下三个方面：一是…四是）"
    flags = (Case("重点抓好以下⟦三个方面⟧：一是……；二是……；三是……；四是……。"),)
    passes = ("重点抓好以下三个方面：一是……；二是……；三是……。",)

    def check(self, document: Document) -> Iterator[Hit]:
        for announcement in document.analysis(outline).announcements:
            items = announcement.group.items
            if announcement.count in (len(items), items[-1].number):
                continue
            words = announcement.block.text[announcement.start : announcement.end]
            first, last = shown(items[0]), shown(items[-1])
            yield Hit(
                announcement.block,
                announcement.start,
                announcement.end,
                f"“{words}”与其后列出的{len(items)}项（“{first}”至“{last}”）不符：请核对",
                related=anchor(document, items[-1], "列出的最后一项"),
                severity=Severity.INFO if len(items) < announcement.count else None,
            )
