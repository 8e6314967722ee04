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
    """Finds a count announced before a list that disagrees with the items that follow: ``抓好以下三个方面：
    一是……二是……三是……四是……``; ``今年重点做好五项工作：`` followed by ``（一）`` to ``（六）``.

    Why: the count is written first and the list grows or shrinks while the draft is revised; the reader is
    told three and counts four.

    Only a single count in the clause that ends with the colon right before the list is compared, and a list
    whose numbering is broken is compared with both its length and its last number. More items than announced
    is a warning; fewer is only a style point (info), since the remaining ones are sometimes listed in other
    words (``四种类型：一是……二是……。另有两类：一类是……另一类是……``).

    Silence it: correct the count or the list; ``ignore = ["SEC006"]`` turns the rule off.
    """

    code = "SEC006"
    name = "announced-count-mismatch"
    severity = Severity.WARNING
    summary = "A count announced before a list that disagrees with its items (以下三个方面：一是…四是)"
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
