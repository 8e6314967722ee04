"""The linted document: prose blocks plus a map from every block offset back to the file the user opened.

Readers build a :class:`Document`; rules read ``document.blocks`` and never see the file itself. A block is
one paragraph of prose (a line of a .txt file, a paragraph of Markdown or Word). Its ``text`` may leave out
parts of the source (Markdown markup, code) or hold synthetic characters (the line break that joins the lines
of a wrapped Markdown paragraph), so every offset is mapped back through the block's runs.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from reportlint.findings import Position

T = TypeVar("T")

#: Stands in for a piece of the source that is not prose (inline code): one opaque character.
OPAQUE = "\ufffc"


@dataclass(slots=True)
class Block:
    """One paragraph of prose.

    ``kind`` is ``paragraph``, ``heading``, ``list-item`` or ``table-cell``. ``runs`` are
    ``(offset, line, column, synthetic)`` tuples sorted by offset: the text from ``offset`` up to the next
    run's offset comes from ``line`` starting at ``column``; a synthetic run has no source characters of its
    own and maps every offset to its anchor.
    """

    text: str
    kind: str
    runs: list[tuple[int, int, int, bool]]
    index: int = 0
    _starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._starts = [run[0] for run in self.runs]

    @property
    def line(self) -> int:
        return self.runs[0][1]

    def position(self, offset: int) -> Position:
        """Position in the source of the character at ``offset``."""
        offset_, line, column, synthetic = self.runs[max(bisect_right(self._starts, offset) - 1, 0)]
        return Position(line, column if synthetic else column + offset - offset_)

    def end_position(self, offset: int) -> Position:
        """Exclusive end position of a span that ends before ``offset``."""
        if offset <= 0:
            return self.position(0)
        last = self.position(offset - 1)
        return Position(last.line, last.column + 1)


class BlockBuilder:
    """Accumulates source fragments into one block, recording where each came from."""

    def __init__(self, kind: str = "paragraph") -> None:
        self.kind = kind
        self._parts: list[str] = []
        self._runs: list[tuple[int, int, int, bool]] = []
        self._length = 0

    def __bool__(self) -> bool:
        return self._length > 0

    def add(self, text: str, line: int, column: int, synthetic: bool = False) -> None:
        if not text:
            return
        self._runs.append((self._length, line, column, synthetic))
        self._parts.append(text)
        self._length += len(text)

    def build(self) -> Block:
        return Block("".join(self._parts), self.kind, self._runs)


@dataclass(frozen=True, slots=True)
class Comment:
    """A comment of the source (a Markdown HTML comment): not prose, but it may carry directives for
    reportlint. ``line`` and ``column`` are where ``<!--`` starts; ``text`` is what lies between the marks."""

    line: int
    column: int
    text: str


@dataclass(slots=True)
class Document:
    """A read file: its display path, its prose blocks and the source lines used to show findings."""

    path: str
    format: str
    blocks: list[Block]
    lines: list[str]
    encoding: str | None = None
    newline: str | None = None
    comments: list[Comment] = field(default_factory=list)
    #: The page of each line (line N is on page ``pages[N - 1]``), for formats with pages (PDF); else None.
    pages: list[int] | None = None
    _analyses: dict[Callable[..., Any], Any] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for index, block in enumerate(self.blocks):
            block.index = index

    def analysis(self, compute: Callable[[Document], T]) -> T:
        """Run a shared analysis once per document and cache it (``compute`` is the cache key)."""
        try:
            return self._analyses[compute]
        except KeyError:
            result = self._analyses[compute] = compute(self)
            return result


def blocks_from_lines(lines: list[str]) -> list[Block]:
    """One block per non-blank line: the shape of plain-text drafts, where a line is a paragraph."""
    return [Block(text, "paragraph", [(0, number, 1, False)]) for number, text in enumerate(lines, 1) if text.strip()]
