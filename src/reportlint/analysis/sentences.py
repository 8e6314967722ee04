"""Sentences and clauses of each block, as spans, for rules that reason within one sentence or clause.

A sentence ends after ``。！？`` (and ``!?`` between Chinese), taking along closing quotes and brackets
(``……。”`` ends after the ``”``). A clause additionally ends after ``，；：`` (full- or half-width).
The enumeration comma ``、`` separates list items, not clauses.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from reportlint.document import Block, Document

_CLOSERS = "”’」』）)》〉】"
_SENTENCE_END = regex.compile(rf"[。！？!?…]+[{_CLOSERS}]*")
_CLAUSE_END = regex.compile(rf"(?:[。！？!?…]+|[，,；;：:])[{_CLOSERS}]*")


@dataclass(frozen=True, slots=True)
class Span:
    block: Block
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.block.text[self.start : self.end]


def split_block(block: Block, boundary: regex.Pattern[str]) -> list[Span]:
    """Spans of ``block`` cut after each ``boundary`` match; leading/trailing whitespace is excluded."""
    spans = []
    start = 0
    text = block.text
    for match in boundary.finditer(text):
        spans.append(_trimmed(block, start, match.end()))
        start = match.end()
    if start < len(text):
        spans.append(_trimmed(block, start, len(text)))
    return [span for span in spans if span.start < span.end]


def _trimmed(block: Block, start: int, end: int) -> Span:
    text = block.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(block, start, end)


def sentences(document: Document) -> list[Span]:
    """Every sentence of the document (use through ``document.analysis(sentences)``)."""
    return [span for block in document.blocks for span in split_block(block, _SENTENCE_END)]


def clauses(document: Document) -> list[Span]:
    """Every clause of the document (use through ``document.analysis(clauses)``)."""
    return [span for block in document.blocks for span in split_block(block, _CLAUSE_END)]
