"""Counts announced before a group: ``抓好以下三个方面：一是……``, ``主要做好五项工作：`` then ``（一）``."""

from __future__ import annotations

import regex

from reportlint.analysis.chars import STATEMENT_END
from reportlint.analysis.outline.inline import SPACE
from reportlint.analysis.outline.markers import indent_end
from reportlint.analysis.outline.model import Announcement, Group
from reportlint.analysis.outline.numerals import han_number
from reportlint.document import Block

#: A count of items announced before a colon: 以下三个方面 / 四项工作 / 两点.
_COUNT = regex.compile(
    r"(?<![第一二三四五六七八九十百千万0-9“\"‘])"
    r"(?:([两二三四五六七八九十]|十[一二三四五六七八九])(?:个方面|方面|个|项|点|条|件事|件|类|种|句话)|([两二三四五六七八九])大)"
)


def announcement(group: Group, blocks: list[Block]) -> Announcement | None:
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
    start = max((match.end() for match in STATEMENT_END.finditer(text, 0, end)), default=0)
    counts = list(_COUNT.finditer(text, start, end))
    if len(counts) != 1:
        return None
    match = counts[0]
    count = han_number((match.group(1) or match.group(2)).replace("两", "二"))
    if count is None:  # every count the pattern takes is a numeral from two to nineteen
        return None
    return Announcement(block, match.start(), match.end(), count, group)
