"""What the outline analysis finds: the headings' tree, the groups of items numbered as one run, the numbering
faults, the counts announced before a group, and the :class:`Outline` that holds them."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from reportlint.analysis.outline.enumerators import ADVERB, ASPECT, Enumerator
from reportlint.document import Block

#: Kinds of numbering fault.
SKIPPED, DUPLICATED, ORDER, STYLE = "skipped", "duplicated", "order", "style"

#: An inline sequence carries on over at most this many blocks without one of its items.
CARRY_BLOCKS = 3
#: How many earlier runs of one kind may still be taken up again (keeps the analysis linear in the text).
RESUMABLE = 8


@dataclass(eq=False, slots=True)
class Heading:
    """A node of the outline tree. ``kind`` is the level it stands at: its marker's kind, or the kind of its
    siblings when it was written in another style (``（3）`` between ``（二）`` and ``（四）``)."""

    marker: Enumerator
    parent: Heading | None
    kind: str
    part: int = 0
    depth: int = 1
    children: list[Heading] = field(default_factory=list)


@dataclass(eq=False, slots=True)
class Group:
    """Items numbered as one run: the children of one heading of one kind (a new ``1`` restarts the run), or
    one inline sequence. ``continues`` is the earlier group it carries on from (articles across chapters);
    ``should_continue`` the one it should have carried on from, where the document's numbering of its kind
    runs on and this group jumps ahead."""

    kind: str
    items: list[Enumerator] = field(default_factory=list)
    parent: Heading | None = None
    continues: Group | None = None
    headings: list[Heading] = field(default_factory=list)
    should_continue: Group | None = None

    @property
    def numbered(self) -> bool:
        return self.kind not in (ADVERB, ASPECT)


@dataclass(frozen=True, slots=True)
class Fault:
    """A numbering fault of ``item``: ``replacement`` is the suggested enumerator, ``previous`` the item it
    clashes with (the first of a duplicated pair, the last before a gap), ``missing`` the skipped numbers."""

    item: Enumerator
    kind: str
    replacement: str
    previous: Enumerator | None = None
    missing: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Announcement:
    """A count announced before a group (``抓好以下三个方面：``), at ``start:end`` of ``block``."""

    block: Block
    start: int
    end: int
    count: int
    group: Group


@dataclass(slots=True)
class Outline:
    headings: list[Heading]
    groups: list[Group]
    faults: list[Fault]
    announcements: list[Announcement]
    _by_block: dict[int, list[Enumerator]]

    def enumerators(self, block: Block) -> list[Enumerator]:
        """The enumerators of ``block`` (heading marker first, then inline ones), in text order."""
        return self._by_block.get(block.index, [])

    def at(self, block: Block, offset: int) -> Enumerator | None:
        """The enumerator covering ``offset`` of ``block``, if any (``一是`` is an enumerator, not a figure)."""
        items = self._by_block.get(block.index, [])
        index = bisect_right([item.start for item in items], offset) - 1
        if index >= 0 and offset < items[index].end:
            return items[index]
        return None
