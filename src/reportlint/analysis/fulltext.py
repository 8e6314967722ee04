"""The document's prose as one string, for rules that scan a whole document in one pass instead of block by
block (a search per block costs more than the search itself in documents of many short paragraphs).

Blocks are joined with a newline, a character no word form contains, so a literal match never spans two
blocks; offsets map back to ``(block, offset in block)``.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from re import Pattern

from reportlint.document import Block, Document


@dataclass(frozen=True, slots=True)
class FullText:
    text: str
    blocks: list[Block]
    starts: list[int]

    def locate(self, offset: int) -> tuple[Block, int]:
        """The block holding ``offset`` of :attr:`text` and the offset within that block."""
        index = bisect_right(self.starts, offset) - 1
        return self.blocks[index], offset - self.starts[index]

    def next_start(self, block: Block) -> int:
        """Offset of the block after ``block`` (past the end of :attr:`text` for the last one)."""
        following = block.index + 1
        return self.starts[following] if following < len(self.starts) else len(self.text) + 1

    def holding(self, chars: str) -> list[Block]:
        """The blocks that contain one of ``chars``, in order: a search for each character through the whole
        text (``str.find`` is fast for one character), not a search per block."""
        found: set[int] = set()
        for char in chars:
            at = self.text.find(char)
            while at >= 0:
                block, _ = self.locate(at)
                found.add(block.index)
                at = self.text.find(char, self.next_start(block))
        return [self.blocks[index] for index in sorted(found)]

    def matching(self, pattern: Pattern[str]) -> list[Block]:
        """The blocks that hold a match of ``pattern``, in order. The pattern must find in the text whatever
        it finds in a block: no anchors, lookarounds or line breaks."""
        found = []
        match = pattern.search(self.text)
        while match is not None:
            block, _ = self.locate(match.start())
            found.append(block)
            match = pattern.search(self.text, self.next_start(block))
        return found


def full_text(document: Document) -> FullText:
    """Use through ``document.analysis(full_text)``."""
    starts = []
    offset = 0
    for block in document.blocks:
        starts.append(offset)
        offset += len(block.text) + 1
    return FullText("\n".join(block.text for block in document.blocks), document.blocks, starts)
