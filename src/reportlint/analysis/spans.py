"""Verbatim spans of each block: URLs, e-mail addresses and HTML character references written out in the
text. Their characters follow the rules of the web, not of Chinese prose (``http://a.cn/?x=1,2``,
``~user``, ``2021-2023``), so punctuation rules skip them. Markdown code and URLs never get here: the .md
reader has already replaced each by one ``OPAQUE`` character.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from reportlint.analysis.fulltext import full_text
from reportlint.analysis.lazy import lazy_regex
from reportlint.document import Block, Document

#: An address starts where its run of address characters starts, and its runs are never retried shorter:
#: linear in the text (a long run of letters before a lone ``@`` would otherwise cost its length squared).
_VERBATIM = lazy_regex(
    r"(?i:https?://|ftp://|www\.)[A-Za-z0-9\-._~:/?#@!$&'()*+,;=%]+"
    r"|(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]++@[A-Za-z0-9-]++(?:\.[A-Za-z0-9-]++)+"
    r"|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
)


@dataclass(frozen=True, slots=True)
class Verbatim:
    """The verbatim spans of one block, sorted and disjoint."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def covers(self, offset: int) -> bool:
        """Whether the character at ``offset`` lies in a verbatim span."""
        index = bisect_right(self.starts, offset) - 1
        return index >= 0 and offset < self.ends[index]

    def __bool__(self) -> bool:
        return bool(self.starts)


_NONE = Verbatim((), ())


def find_verbatim(text: str) -> Verbatim:
    if ":" not in text and "@" not in text and "&" not in text and "www" not in text and "WWW" not in text:
        return _NONE  # the regex is skipped on most blocks
    spans = [match.span() for match in _VERBATIM.finditer(text)]
    return Verbatim(tuple(start for start, _ in spans), tuple(end for _, end in spans)) if spans else _NONE


def verbatim(document: Document) -> list[Verbatim]:
    """The verbatim spans of every block, indexed by ``Block.index`` (use through ``document.analysis``)."""
    found = [_NONE] * len(document.blocks)
    for block in document.analysis(full_text).holding(":@&wW"):  # the few blocks that may hold an address
        found[block.index] = find_verbatim(block.text)
    return found


def prose_matches(
    document: Document, pattern: regex.Pattern[str], triggers: str
) -> Iterator[tuple[Block, regex.Match[str]]]:
    """The matches of ``pattern`` in the blocks holding one of the characters ``triggers``, except those that
    start inside a verbatim span: what the punctuation rules look at."""
    shields = document.analysis(verbatim)
    for block in document.analysis(full_text).holding(triggers):
        shield = shields[block.index]
        for match in pattern.finditer(block.text):
            if not (shield and shield.covers(match.start())):
                yield block, match
