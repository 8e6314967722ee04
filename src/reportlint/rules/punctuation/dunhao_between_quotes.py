"""PUN011 dunhao-between-quotes: 、 between items in quotation or book-title marks (“A”“B”, 《A》《B》)."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from reportlint.document import Document
from reportlint.findings import Severity
from reportlint.rule import Case, Hit, Rule


class DunhaoBetweenQuotes(Rule):
    """Finds an enumeration comma ``、`` between items that each carry quotation marks or book-title marks:
    ``“四下基层”、“大走访”``, ``《条例》、《办法》``.

    Why: GB/T 15834-2011 (4.5.3.5) says that between quoted or titled items the ``、`` is usually left out:
    ``“四下基层”“大走访”``, ``《条例》《办法》``. It is a style point: published reports often write the
    comma, so the rule is off by default; turn it on to follow the standard strictly.

    Left alone: a ``、`` after a note in brackets (``“四下基层”（试行）、“大走访”``), where the standard keeps
    it, and between items without marks.

    Silence it: delete the ``、``; enable it with ``extend-select = ["PUN011"]``.
    """

    code = "PUN011"
    name = "dunhao-between-quotes"
    severity = Severity.INFO
    summary = "、 between items in quotation or book-title marks (“A”“B”, 《A》《B》)"
    flags = (Case("认真开展“四下基层”⟦、⟧“大走访”活动", fix=""),)
    passes = ("认真开展“四下基层”（试行）、“大走访”活动",)
    enabled_by_default = False

    _COMMA = regex.compile(r"(?<=[”》])、(?=[“《])")

    def check(self, document: Document) -> Iterator[Hit]:
        for block in document.blocks:
            if "”、" not in block.text and "》、" not in block.text:
                continue
            for match in self._COMMA.finditer(block.text):
                yield Hit(
                    block,
                    match.start(),
                    match.end(),
                    "引号或书名号标示的并列成分之间通常不用顿号：可删去“、”",
                    replacement="",
                )
