"""NUM001 figure-differs: The same figure stated twice in one draft with different values."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.analysis.figures.subjects import (
    counterparts,
    subjects,
)
from reportlint.document import Document
from reportlint.findings import Severity
from reportlint.rule import Case, Hit, Rule
from reportlint.rules.figures.common import anchor_at

#: How alike the contexts of two figures must be to take them for one statement (see subjects.similarity).
WITHIN_DOCUMENT_SIMILARITY = 0.5


class FigureDiffers(Rule):
    """Finds a statement made twice in one draft with different figures: the same words up to the figure,
    the same unit, in the same year, but another number.

    Why: a draft is assembled from pieces written at different times; a figure corrected in one place keeps
    its old value in another, and the reader cannot tell which is right.

    Both places are reported, each naming the other. The words before the figure in its sentence must be
    the same (``共``, ``累计``, ``今年以来`` and the like aside) and hold a clause before the figure's own
    (``2024年，``), and the subject must be stated exactly twice; parallel statements about different things
    (``由江苏省……对111名责任人``, ``由河北省……对27名责任人``, or ``共检查项目12个`` under two headings),
    targets (``左右``, ``以上``), durations, figures of different years and figures that agree within
    rounding (``186.4亿元`` and ``186亿元``) are left alone.

    Silence it: make the figures agree. ``ignore = ["NUM001"]`` turns the rule off.
    """

    code = "NUM001"
    name = "figure-differs"
    severity = Severity.WARNING
    summary = "The same figure stated twice in one draft with different values"
    flags = (
        Case(
            "一、主要指标\n2024年，全区实现地区生产总值⟦186.4亿元⟧，增长6.2%。\n二、经济运行\n2024年，全区实现地区生产总值⟦186.9亿元⟧，增长6.2%。\n"
        ),
    )
    passes = (
        "2024年，全区实现地区生产总值186.4亿元。\n……\n2024年，全区实现地区生产总值186亿元。\n",
        "由江苏省根据有关规定，对111名责任人进行问责。\n由河北省根据有关规定，对27名责任人进行问责。\n",
    )

    def check(self, document: Document) -> Iterator[Hit]:
        found = document.analysis(subjects)
        for pair in counterparts(found, found, WITHIN_DOCUMENT_SIMILARITY, within=True):
            mine, other = pair.subject.quantity, pair.other.quantity
            if mine.agrees_with(other):
                continue
            line = other.block.line
            yield Hit(
                mine.block,
                mine.start,
                mine.end,
                f"“{mine.text}”与第{line}行同一数字“{other.text}”不一致：请核实统一",
                related=(anchor_at(document.path, other, f"此处写作“{other.text}”"),),
            )
