"""Helpers shared by several rules of this family."""

from __future__ import annotations

from reportlint.analysis.figures.quantities import Quantity
from reportlint.analysis.figures.ratios import Difference, Ratio
from reportlint.document import Document
from reportlint.rule import Anchor


def anchor_at(path: str, quantity: Quantity, message: str) -> Anchor:
    return Anchor(path, quantity.block, quantity.start, quantity.end, message)


def operands(document: Document, ratio: Ratio | Difference) -> tuple[Anchor, ...]:
    return tuple(anchor_at(document.path, operand, f"依据“{operand.text}”") for operand in ratio.operands)
