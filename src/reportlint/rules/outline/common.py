"""Helpers shared by several rules of this family."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.analysis.outline import (
    Enumerator,
    Fault,
    outline,
)
from reportlint.document import Document
from reportlint.rule import Anchor, Hit, Rule


def shown(item: Enumerator) -> str:
    """An enumerator as quoted in a message: ``（七）``, ``五是``, ``3.``, ``第二，`` without its comma."""
    return item.text.rstrip("，,")


def anchor(document: Document, item: Enumerator | None, message: str) -> tuple[Anchor, ...]:
    if item is None:
        return ()
    return (Anchor(document.path, item.block, item.start, item.end, message),)


class FaultRule(Rule):
    fault_kind: str

    def check(self, document: Document) -> Iterator[Hit]:
        for fault in document.analysis(outline).faults:
            if fault.kind == self.fault_kind:
                item = fault.item
                yield Hit(
                    item.block,
                    item.start,
                    item.end,
                    self.message(fault),
                    replacement=fault.replacement,
                    safe_fix=False,
                    related=anchor(document, fault.previous, self.related_message),
                )

    def message(self, fault: Fault) -> str:
        raise NotImplementedError

    related_message = "前一个序号"
