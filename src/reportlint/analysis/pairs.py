"""Paired marks of each block — quotation marks, book-title marks, parentheses, square brackets — matched
as nested pairs, with the marks left without a partner.

Full- and half-width parentheses pair with each other (``（1)`` is one pair written with two widths), so the
rule on half-width parentheses and the rule on unbalanced pairs see the same pairing. Marks inside verbatim
spans (URLs) are skipped. Two look-alikes are not marks: ``’`` between letters or before the two digits of
a year is an apostrophe (``China’s``, ``’26年会``), and a closing parenthesis with no opener after a short
number at the start of an item is an enumerator (``1）``, ``a)``, ``二）``).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from reportlint.analysis.chars import LATIN_LETTER, char_at, is_
from reportlint.analysis.fulltext import full_text
from reportlint.analysis.lazy import lazy_regex
from reportlint.analysis.spans import Verbatim, verbatim
from reportlint.document import Document

#: Opening mark -> kind; closing mark -> kind.
OPENERS = {
    "“": "quote",
    "‘": "single-quote",
    "《": "title",
    "〈": "inner-title",
    "（": "paren",
    "(": "paren",
    "【": "bracket",
}
CLOSERS = {
    "”": "quote",
    "’": "single-quote",
    "》": "title",
    "〉": "inner-title",
    "）": "paren",
    ")": "paren",
    "】": "bracket",
}
_MARK_CHARS = "".join(OPENERS) + "".join(CLOSERS)
#: stdlib re: a plain class of characters, which it finds faster than regex does.
_MARKS = re.compile(f"[{re.escape(_MARK_CHARS)}]")
#: An enumerator closed by a parenthesis alone, at the start of the block or of an item: ``1）``, ``a)``.
#: An apostrophe that shortens a year: ’26.
_YEAR = lazy_regex(r"’[0-9０-９]{2}(?![0-9０-９])")
_ENUMERATOR_BEFORE = lazy_regex(r"(?<![^\s，。；：、！？,;:])[0-9０-９a-zA-Z一二三四五六七八九十]{1,3}$")


class Mark(NamedTuple):
    offset: int
    char: str
    kind: str


class BlockPairs(NamedTuple):
    """The matched pairs ``(opener, closer)`` of one block and its unmatched marks, in text order."""

    pairs: tuple[tuple[Mark, Mark], ...]
    unmatched: tuple[Mark, ...]


def match_marks(text: str, skip: Verbatim | None = None) -> BlockPairs:
    """Pair the marks of ``text``; the marks in ``skip`` (URLs and the like) are left out."""
    stack: list[Mark] = []
    open_kinds: dict[str, int] = {}  # marks of each kind on the stack: a closer of none skips the search
    pairs: list[tuple[Mark, Mark]] = []
    unmatched: list[Mark] = []
    for match in _MARKS.finditer(text):
        offset = match.start()
        if skip and skip.covers(offset):
            continue
        char = match.group()
        kind = OPENERS.get(char)
        if kind is not None:
            stack.append(Mark(offset, char, kind))
            open_kinds[kind] = open_kinds.get(kind, 0) + 1
            continue
        kind = CLOSERS[char]
        if char == "’" and (_between_letters(text, offset) or (not open_kinds.get(kind) and _YEAR.match(text, offset))):
            continue  # an apostrophe: China’s, ’26 (a year) where no ‘ is open
        if stack and stack[-1].kind == kind:
            pairs.append((stack.pop(), Mark(offset, char, kind)))
            open_kinds[kind] -= 1
            continue
        depth = _find(stack, kind) if open_kinds.get(kind) else None  # the search ends where the stack is cut
        if depth is None:
            if kind != "paren" or not _ENUMERATOR_BEFORE.search(text, max(0, offset - 4), offset):
                unmatched.append(Mark(offset, char, kind))
            continue
        unmatched.extend(stack[depth + 1 :])
        pairs.append((stack[depth], Mark(offset, char, kind)))
        for mark in stack[depth:]:
            open_kinds[mark.kind] -= 1
        del stack[depth:]
    unmatched.extend(stack)
    unmatched.sort()
    return BlockPairs(tuple(pairs), tuple(unmatched))


_NO_MARKS = BlockPairs((), ())


def _find(stack: list[Mark], kind: str) -> int | None:
    for depth in range(len(stack) - 1, -1, -1):
        if stack[depth].kind == kind:
            return depth
    return None


def _between_letters(text: str, offset: int) -> bool:
    return is_(LATIN_LETTER, char_at(text, offset - 1)) and is_(LATIN_LETTER, char_at(text, offset + 1))


def pairs(document: Document) -> list[BlockPairs]:
    """The paired marks of every block, indexed by ``Block.index`` (use through ``document.analysis``)."""
    shields = document.analysis(verbatim)
    found = [_NO_MARKS] * len(document.blocks)
    for block in document.analysis(full_text).holding(_MARK_CHARS):  # most blocks hold no mark
        found[block.index] = match_marks(block.text, shields[block.index])
    return found
