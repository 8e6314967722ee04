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
    """Finds ``一方面`` with no ``另一方面`` (or a second ``一方面``, ``又一方面``) in the same or the next few
    paragraphs.

    Why: ``一方面`` promises a second side; when the draft is cut, the second side often goes and the sentence
    is left lopsided.

    ``这一方面``, ``积极的一方面``, ``只是一方面`` are not the connective and are left alone. Info only: the other
    side is sometimes introduced by ``同时`` on purpose.

    Silence it: add the other side or drop ``一方面``; ``ignore = ["SEC007"]`` turns the rule off.
    """

    code = "SEC007"
    name = "unpaired-aspect"
    severity = Severity.INFO
    summary = "一方面 without 另一方面"
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
