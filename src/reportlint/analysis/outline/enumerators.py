"""One enumerator as written, heading marker or inline: its place, kind, number and the parts of its form."""

from __future__ import annotations

from dataclasses import dataclass

from reportlint.analysis.outline.numerals import WORD, render
from reportlint.document import Block

#: Inline kinds of words, numbered by position: ordinal adverbs, and the two sides of a question.
ADVERB, ASPECT = "首先", "一方面"


@dataclass(frozen=True, slots=True)
class Enumerator:
    """One enumerator as written: ``head`` + ``numeral`` + ``tail`` + ``punct`` is ``block.text[start:end]``.

    ``kind`` names the style by its first member: headings ``一、`` ``（一）`` ``1.`` ``（1）`` ``1）`` ``①``
    ``第一章`` ``第一节`` ``第一条`` ``第一部分`` ``第一编`` (brackets and point as written may differ: ``(一)``,
    ``1．``, ``⑴``); inline ``一是`` ``其一`` ``第一，`` and the word kinds :data:`ADVERB` and :data:`ASPECT`.

    ``punct`` is the point written after the form (``、`` in ``一、``, ``.`` in ``1.``, the surplus ``、`` of
    ``（一）、``, ``，`` of ``第一，``); ``heading`` tells a block-opening outline marker from an inline one.
    """

    block: Block
    start: int
    end: int
    kind: str
    number: int
    heading: bool
    head: str
    numeral: str
    tail: str
    punct: str
    system: str

    @property
    def text(self) -> str:
        return self.block.text[self.start : self.end]

    def renumbered(self, number: int) -> str:
        """This enumerator written with another number, in the same style and punctuation."""
        if self.system == WORD:
            return self.text
        return self.head + render(number, self.system) + self.tail + self.punct
