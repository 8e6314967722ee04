"""The document's prose as one string, for rules that scan a whole document in one pass instead of block by
block (a search per block costs more than the search itself in documents of many short paragraphs).

Blocks are joined with a newline, a character no word form contains, so a literal match never spans two
blocks; offsets map back to ``(block, offset in block)``.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

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


def full_text(document: Document) -> FullText:
    """Use through ``document.analysis(full_text)``."""
    starts = []
    offset = 0
    for block in document.blocks:
        starts.append(offset)
        offset += len(block.text) + 1
    return FullText("\n".join(block.text for block in document.blocks), document.blocks, starts)
