"""Counts announced before a group: ``抓好以下三个方面：一是……``, ``主要做好五项工作：`` then ``（一）``."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

import regex

from reportlint.analysis.chars import STATEMENT_END
from reportlint.analysis.lazy import lazy_regex
from reportlint.analysis.outline.inline import SPACE
from reportlint.analysis.outline.markers import indent_end
from reportlint.analysis.outline.model import Announcement, Group
from reportlint.analysis.outline.numerals import han_number
from reportlint.document import Block

#: A count of items announced before a colon: 以下三个方面 / 四项工作 / 两点.
_COUNT = lazy_regex(
    r"(?<![第一二三四五六七八九十百千万0-9“\"‘])"
    r"(?:([两二三四五六七八九十]|十[一二三四五六七八九])(?:个方面|方面|个|项|点|条|件事|件|类|种|句话)|([两二三四五六七八九])大)"
)


def announcements(groups: list[Group], blocks: list[Block]) -> list[Announcement]:
    """The counts announced before ``groups`` (see :func:`announcement`). The counts and statement ends of a
    block are found once, however many groups start in it (a report on one line has thousands)."""
    clauses = _Clauses()
    return [found for group in groups if (found := announcement(group, blocks, clauses)) is not None]


class _Clauses:
    """The statement ends and the counts of each block, found once per block and looked up by offset."""

    def __init__(self) -> None:
        self._ends: dict[int, list[int]] = {}
        self._counts: dict[int, tuple[list[int], list[regex.Match[str]]]] = {}

    def start(self, block: Block, end: int) -> int:
        """Where the statement that goes on to ``end`` starts: after the last ``。！？；`` before ``end``."""
        ends = self._ends.get(block.index)
        if ends is None:
            ends = self._ends[block.index] = [match.end() for match in STATEMENT_END.finditer(block.text)]
        index = bisect_right(ends, end) - 1
        return ends[index] if index >= 0 else 0

    def counts(self, block: Block, start: int, end: int) -> list[regex.Match[str]]:
        """The counts that start in ``start:end`` of ``block`` (none of them reaches past a colon at ``end``)."""
        found = self._counts.get(block.index)
        if found is None:
            matches = list(_COUNT.finditer(block.text))
            found = self._counts[block.index] = ([match.start() for match in matches], matches)
        starts, matches = found
        return matches[bisect_left(starts, start) : bisect_left(starts, end)]


def announcement(group: Group, blocks: list[Block], clauses: _Clauses | None = None) -> Announcement | None:
    """The count announced in the clause that ends with a colon right before the group's first item: in the
    same block (``抓好三个方面：一是``) or closing the block before (``主要做好五项工作：`` then ``（一）``)."""
    first = group.items[0]
    if first.number != 1 or len(group.items) < 2:
        return None
    block, end = first.block, first.start
    text = block.text
    while end > 0 and text[end - 1] in SPACE:
        end -= 1
    if end <= indent_end(text):
        if block.index == 0:
            return None
        block = blocks[block.index - 1]
        text = block.text
        end = len(text.rstrip())
    if end == 0 or text[end - 1] not in "：:":
        return None
    clauses = clauses or _Clauses()
    # The clause holds no statement end, so no count crosses its start; a colon ends it, and no count holds a
    # colon: the counts of the whole block that start in the clause are the counts of the clause alone.
    counts = clauses.counts(block, clauses.start(block, end), end)
    if len(counts) != 1:
        return None
    match = counts[0]
    count = han_number((match.group(1) or match.group(2)).replace("两", "二"))
    if count is None:  # every count the pattern takes is a numeral from two to nineteen
        return None
    return Announcement(block, match.start(), match.end(), count, group)
