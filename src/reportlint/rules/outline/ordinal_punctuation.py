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
    """Finds the wrong point after an ordinal (GB/T 15834-2011): ``一.`` for ``一、``; a point after a
    bracketed or circled number (``（一）、``, ``（1）.``, ``①、``) or after ``第一章``; ``第一、`` for
    ``第一，``; and, as a style point (info), ``1、`` for ``1.``.

    Why: the standard puts ``、`` after a bare Chinese numeral, ``.`` after a bare Arabic numeral, ``，`` after
    ``第一``/``其一``, and nothing after a bracketed or circled one. ``1、`` is widespread in drafts, though the
    published reports write ``1.``/``1．``, so it is only a style point.

    Silence it: apply the fix; ``[severity] SEC005 = "warning"`` gives every finding of the rule that severity,
    ``1、`` included; ``ignore = ["SEC005"]`` turns the rule off.
    """

    code = "SEC005"
    name = "ordinal-punctuation"
    severity = Severity.WARNING
    summary = "The wrong point after an ordinal (一. （一）、 （1）. 第一、; 1、 as info)"
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
