"""NUM004 part-exceeds-whole: A part (after 其中) larger than its whole."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.analysis.figures.breakdowns import breakdowns
from reportlint.document import Document
from reportlint.findings import Severity
from reportlint.rule import Case, Hit, Rule
from reportlint.rules.figures.common import anchor_at


class PartExceedsWhole(Rule):
    """Finds a part larger than its whole: ``总面积约402亩，其中2个批次约452亩``.

    Why: a part can never exceed the whole it is part of; one of the two figures is mistyped or stale.

    Approximations of one passage keep their order (``约452亩`` is not within ``约402亩``); rounding is
    allowed for. Parts are read as for NUM003.

    Silence it: correct the figures. ``ignore = ["NUM004"]`` turns the rule off.
    """

    code = "NUM004"
    name = "part-exceeds-whole"
    severity = Severity.ERROR
    summary = "A part (after 其中) larger than its whole"
    flags = (Case("已报审3个批次，总面积约402亩，其中2个批次⟦约452亩⟧已获批复。"),)
    passes = ("已报审3个批次，总面积约402亩，其中2个批次约252亩已获批复。",)

    def check(self, document: Document) -> Iterator[Hit]:
        for item in document.analysis(breakdowns):
            _, whole_high = item.whole.bounds(loose=False)
            if whole_high is None:
                continue
            for part in item.parts:
                low, _ = part.bounds(loose=False)
                if low is not None and low > whole_high:
                    yield Hit(
                        part.block,
                        part.start,
                        part.end,
                        f"部分“{part.text}”大于整体“{item.whole.text}”：请核实",
                        related=(anchor_at(document.path, item.whole, f"整体“{item.whole.text}”"),),
                    )
