"""Inline structure: a leaf's source text rendered as the prose of a Block (emphasis dropped, code and
addresses as one OPAQUE character, links as their text, references resolved), every character mapped back."""

from __future__ import annotations

import html
import re
from bisect import bisect_left
from dataclasses import dataclass

from reportlint.document import OPAQUE, Block, BlockBuilder
from reportlint.readers.markdown.blocks import Leaf, normalize_label
from reportlint.readers.markdown.patterns import (
    ASCII_PUNCTUATION,
    AUTOLINK,
    CLAUSE_PUNCTUATION,
    EMAIL,
    EMAIL_CHARS,
    ENTITY,
    INLINE_LINK,
    MAX_LABEL,
    REFERENCE,
    TAG,
    URL,
    URL_TRAILING,
)


def render(leaf: Leaf, definitions: set[str]) -> Block:
    """Parse the inlines of a leaf and build its block, mapping every character back to the source."""
    chars: list[str] = []
    where: list[tuple[int, int, bool]] = []  # (line, column, synthetic) of every character of ``source``
    previous = None
    for part, joined in zip(leaf.parts, leaf.joined, strict=True):
        if joined and previous is not None:
            chars.append("\n")
            # on the last character of the line it ends, so that a span ending with it ends at the line's end
            where.append((previous.number, max(previous.start + len(previous.text), 1), True))
        chars.append(part.text)
        where.extend((part.number, part.start + column, False) for column in range(1, len(part.text) + 1))
        previous = part
    source = "".join(chars)

    builder = BlockBuilder(leaf.kind)
    kept: list[int] = []  # a stretch of source kept verbatim, not yet added: [start, end]
    for start, end, replacement in _Inlines(source, definitions).parse():
        if replacement is None:
            if kept and kept[1] == start:
                kept[1] = end
            elif start < end:
                if kept:
                    _add_source(builder, source, where, *kept)
                kept = [start, end]
            continue
        if kept:
            _add_source(builder, source, where, *kept)
            kept = []
        line, column, _ = where[start]
        builder.add(replacement, line, column, synthetic=replacement != OPAQUE)
    if kept:
        _add_source(builder, source, where, *kept)
    return builder.build()


def _add_source(builder: BlockBuilder, source: str, where: list[tuple[int, int, bool]], start: int, end: int) -> None:
    """Add ``source[start:end]`` as runs of consecutive columns of one line (and synthetic line breaks)."""
    while start < end:
        line, column, synthetic = where[start]
        stop = start + 1
        if not synthetic:
            while stop < end and where[stop] == (line, column + stop - start, False):
                stop += 1
        builder.add(source[start:stop], line, column, synthetic)
        start = stop


@dataclass(slots=True, eq=False)
class _Delimiter:
    """A run of ``*``, ``_`` or ``~~`` that may open or close emphasis. Its node shrinks as it is used:
    an opener gives up characters from its end, a closer from its start."""

    node: list
    char: str
    length: int  # of the run as written (the rule of 3 looks at it)
    can_open: bool
    can_close: bool
    order: int

    @property
    def count(self) -> int:
        return self.node[1] - self.node[0]


@dataclass(slots=True)
class _Bracket:
    node: list
    inner: int  # where the link text starts
    image: bool
    delimiters: int  # delimiters before the bracket: emphasis inside a link is resolved when it closes
    active: bool = True


class _Inlines:
    """One block's inline structure, CommonMark's algorithm in brief: scan left to right, turning code
    spans, autolinks, URLs, tags, references and escapes into nodes; collect delimiter runs and brackets; pair
    brackets into links as they close and delimiters into emphasis at the end.

    The result is a list of nodes ``[start, end, replacement]``: ``source[start:end]`` is kept when
    ``replacement`` is None, otherwise ``replacement`` stands for it, anchored at ``start``.
    """

    def __init__(self, source: str, definitions: set[str]) -> None:
        self.source = source
        self.definitions = definitions
        self.nodes: list[list] = []
        self.delimiters: list[_Delimiter] = []
        self.brackets: list[_Bracket] = []
        self.mark = 0  # start of the plain text not yet made a node
        self.backtick_runs: dict[int, list[int]] | None = None  # run length -> starts, found at the first "`"
        self.no_comment_end = False

    def parse(self) -> list[list]:
        source, position = self.source, 0
        while position < len(source):
            char = source[position]
            if char == "\\":
                position = self._backslash(position)
            elif char == "`":
                position = self._code(position)
            elif char == "<":
                position = self._angle(position)
            elif char == "&":
                position = self._entity(position)
            elif char == "[" or (char == "!" and source.startswith("[", position + 1)):
                position = self._open_bracket(position)
            elif char == "]":
                position = self._close_bracket(position)
            elif char in "*_~":
                position = self._delimiter_run(position)
            elif char.isascii() and char.isalnum():
                position = self._url_or_email(position)
            else:
                position += 1
        self._cut(len(source), len(source))
        self._emphasis(0)
        return self.nodes

    def _cut(self, start: int, end: int) -> None:
        """End the plain text at ``start``; it resumes at ``end`` (the caller handles what lies between)."""
        if self.mark < start:
            self.nodes.append([self.mark, start, None])
        self.mark = end

    def _add(self, start: int, end: int, replacement: str | None = None) -> list:
        node = [start, end, replacement]
        self.nodes.append(node)
        return node

    def _backslash(self, position: int) -> int:
        following = self.source[position + 1 : position + 2]
        if following and following in ASCII_PUNCTUATION:  # an escape: keep the character only
            self._cut(position, position + 2)
            self._add(position + 1, position + 2)
            return position + 2
        if following == "\n":  # a hard line break: drop the backslash
            self._cut(position, position + 1)
        return position + 1

    def _code(self, position: int) -> int:
        source = self.source
        end = position
        while end < len(source) and source[end] == "`":
            end += 1
        length = end - position
        closer = self._code_closer(length, end)
        if closer is None:  # no closing run: the backticks are text
            return end
        self._cut(position, closer + length)
        self._add(position, position + 1, OPAQUE)
        return closer + length

    def _code_closer(self, length: int, end: int) -> int | None:
        """Where the first run of exactly ``length`` backticks after ``end`` starts. The runs are found once,
        by length: looking for a closer in the rest of the text for each length of opener took the square
        root of the text's length times the text (runs of 1, 2, 3 … backticks)."""
        if self.backtick_runs is None:
            self.backtick_runs = {}
            for run in _BACKTICKS.finditer(self.source):
                self.backtick_runs.setdefault(run.end() - run.start(), []).append(run.start())
        starts = self.backtick_runs.get(length, [])
        index = bisect_left(starts, end)
        return starts[index] if index < len(starts) else None

    def _angle(self, position: int) -> int:
        source = self.source
        if source.startswith("<!--", position):
            close = -1 if self.no_comment_end else source.find("-->", position + 4)
            if close < 0:
                self.no_comment_end = True
                return position + 1
            self._cut(position, close + 3)
            return close + 3
        if match := AUTOLINK.match(source, position):
            self._cut(position, match.end())
            self._add(position, position + 1, OPAQUE)
            return match.end()
        if match := TAG.match(source, position):
            self._cut(position, match.end())
            return match.end()
        return position + 1

    def _entity(self, position: int) -> int:
        match = ENTITY.match(self.source, position)
        if match is not None and (decoded := html.unescape(match.group())) != match.group():
            self._cut(position, match.end())
            self._add(position, match.end(), decoded)
            return match.end()
        return position + 1

    def _url_or_email(self, position: int) -> int:
        source = self.source
        before = source[position - 1] if position else ""
        if before.isascii() and before.isalnum():
            return position + 1
        end = None
        if match := URL.match(source, position):
            end = match.end()
            unbalanced = source.count(")", position, end) - source.count("(", position, end)
            while end > position and (source[end - 1] in URL_TRAILING or (source[end - 1] == ")" and unbalanced > 0)):
                unbalanced -= source[end - 1] == ")"
                end -= 1
            if end <= match.end(1):  # nothing left after "www." or "https://"
                end = None
        if end is None and before not in EMAIL_CHARS and (match := EMAIL.match(source, position)):
            end = match.end()
        if end is None:
            return position + 1
        self._cut(position, end)
        self._add(position, position + 1, OPAQUE)
        return end

    def _delimiter_run(self, position: int) -> int:
        source = self.source
        char, end = source[position], position
        while end < len(source) and source[end] == char:
            end += 1
        before = source[position - 1] if position else ""
        after = source[end] if end < len(source) else ""
        can_open = bool(after) and not after.isspace()
        can_close = bool(before) and not before.isspace()
        if char == "~":
            if end - position != 2:
                can_open = can_close = False
        elif char == "*":
            if _is_ascii_alnum(before) and _is_ascii_alnum(after):  # 5*3
                can_open = can_close = False
        else:  # "_" is not emphasis inside a word (snake_case)
            can_open = can_open and not before.isalnum()
            can_close = can_close and not after.isalnum()
        if can_open or can_close:
            self._cut(position, end)
            node = self._add(position, end)
            order = len(self.nodes)  # increases along the text
            self.delimiters.append(_Delimiter(node, char, end - position, can_open, can_close, order))
        return end

    def _open_bracket(self, position: int) -> int:
        end = position + (2 if self.source[position] == "!" else 1)
        self._cut(position, end)
        node = self._add(position, end)
        self.brackets.append(_Bracket(node, end, end - position == 2, len(self.delimiters)))
        return end

    def _close_bracket(self, position: int) -> int:
        if not self.brackets:
            return position + 1
        opener = self.brackets.pop()
        end = self._link_end(opener, position) if opener.active else None
        if end is None:  # not a link: both brackets stay text
            return position + 1
        self._cut(position, end)  # drop "]" and the destination or reference
        opener.node[1] = opener.node[0]  # and "[" or "!["
        self._emphasis(opener.delimiters)
        if not opener.image:  # no links inside links
            for bracket in reversed(self.brackets):
                if not bracket.active:
                    break  # and none below it: every bracket open at a link was made inactive then
                bracket.active = False
        return end

    def _link_end(self, opener: _Bracket, position: int) -> int | None:
        """Where the link whose text ends at ``position`` ends, or None if ``[…]`` is not a link."""
        source, after = self.source, position + 1
        if match := INLINE_LINK.match(source, after):
            return match.end()
        reference = REFERENCE.match(source, after)
        if reference is not None and reference.group(1).strip():  # [text][ref]
            return reference.end() if normalize_label(reference.group(1)) in self.definitions else None
        label = source[opener.inner : position] if position - opener.inner <= MAX_LABEL else ""
        if label and normalize_label(label) in self.definitions:  # [text][] or [text]
            return reference.end() if reference is not None else after
        return None

    def _emphasis(self, bottom: int) -> None:
        """Pair the delimiters from index ``bottom`` on (CommonMark's "process emphasis"), then forget them.
        The delimiters stand in a linked list (``before``/``after``: indexes, ``-1`` and ``len(stack)`` at the
        ends), so that those paired or left as text leave it at once, not by shifting a list each time."""
        stack = self.delimiters[bottom:]
        del self.delimiters[bottom:]
        size = len(stack)
        before = list(range(-1, size - 1))
        after = list(range(1, size + 1))

        def unlink(index: int) -> int:
            """Take ``stack[index]`` out of the list; the index of the delimiter after it."""
            previous, following = before[index], after[index]
            if previous >= 0:
                after[previous] = following
            if following < size:
                before[following] = previous
            return following

        floors: dict[tuple[str, bool, int], int] = {}  # no opener for such a closer at or below this order
        current = 0
        while current < size:
            closer = stack[current]
            if not closer.can_close:
                current = after[current]
                continue
            key = (closer.char, closer.can_open, closer.length % 3)
            floor = floors.get(key, -1)
            candidate = before[current]
            while candidate >= 0 and stack[candidate].order > floor and not self._pairs(stack[candidate], closer):
                candidate = before[candidate]
            if candidate < 0 or stack[candidate].order <= floor:
                floors[key] = stack[before[current]].order if before[current] >= 0 else -1
                current = after[current] if closer.can_open else unlink(current)
                continue
            opener = stack[candidate]
            used = 2 if opener.count >= 2 and closer.count >= 2 else 1
            opener.node[1] -= used
            closer.node[0] += used
            after[candidate], before[current] = current, candidate  # delimiters in between stay text
            if opener.count == 0:
                unlink(candidate)
            if closer.count == 0:
                current = unlink(current)

    def _pairs(self, opener: _Delimiter, closer: _Delimiter) -> bool:
        if not _pairs(opener, closer):
            return False
        if opener.char == "*" and min(opener.count, closer.count) == 1:  # italics, not two placeholders
            return CLAUSE_PUNCTUATION.search(self.source, opener.node[1], closer.node[0]) is None
        return True


def _pairs(opener: _Delimiter, closer: _Delimiter) -> bool:
    if opener.char != closer.char or not opener.can_open:
        return False
    if opener.char != "~" and (opener.can_close or closer.can_open) and (opener.length + closer.length) % 3 == 0:
        return opener.length % 3 == 0 and closer.length % 3 == 0  # the rule of 3
    return True


_BACKTICKS = re.compile(r"`+")


def _is_ascii_alnum(char: str) -> bool:
    return char.isascii() and char.isalnum()
