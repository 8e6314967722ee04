"""Helpers shared by several rules of this family."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.analysis.placeholders import placeholders
from reportlint.document import Document
from reportlint.rule import Hit, Rule


class PlaceholderRule(Rule):
    kind: str
    template: str

    def check(self, document: Document) -> Iterator[Hit]:
        for found in document.analysis(placeholders):
            if found.kind == self.kind:
                text = found.block.text[found.start : found.end]
                yield Hit(found.block, found.start, found.end, self.template.format(text=text))
