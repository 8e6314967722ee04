"""Inline sequences: the inline enumerators of each block placed in the sequence they continue, or starting
one. A sequence runs inside one paragraph and on into the next paragraphs of its section (a heading at the
section's level or above ends it, a deeper list does not): ``一是`` starts a new sequence, a higher number
continues the latest one nearby, or an earlier one that it follows on exactly.

An item that opens its paragraph (``第一、关于项目建设``) heads the paragraphs after it: a list of headings that
begins after it is its list, whatever style it is numbered in (``一、`` ``二、`` under ``第一、``, as older
reports write), and ends no sequence; a heading that carries on a list begun before the item does.

Items inside a quotation closed in the same paragraph (``他强调：“一是……，二是……”``) number the quotation's own
points: they form sequences of their own, apart from the draft's."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from reportlint.analysis.outline.enumerators import ADVERB, ASPECT, Enumerator
from reportlint.analysis.outline.inline import inline_enumerators
from reportlint.analysis.outline.markers import indent_end, is_part_break
from reportlint.analysis.outline.model import CARRY_BLOCKS, RESUMABLE, Group
from reportlint.document import Block

#: Live inline sequences by kind, each with the depth of the section it started in.
_Live = dict[str, list[tuple[int, Group]]]


class Sequences:
    """Inline sequences, block by block. A sequence lives in the section where it starts: a heading at its
    level or above ends it, a deeper one does not (``第一，……`` / ``1.`` ``2.`` / ``第二，……``)."""

    def __init__(self) -> None:
        self.groups: list[Group] = []
        self.live: _Live = defaultdict(list)
        self.depth = 0

    def add(
        self,
        block: Block,
        marker: Enumerator | None,
        depth: int | None,
        starts: list[int],
        opened: int | None = None,
        quotes: list[tuple[int, int]] | None = None,
    ) -> list[Enumerator]:
        """The inline enumerators of ``block`` (which may start at ``starts``), placed in their sequences;
        ``depth``: that of its heading, ``opened``: the index of the block where the heading's list began,
        ``quotes``: the offsets of the quotation marks of the quotations closed in the block."""
        if block.kind == "table-cell":
            return self._place_all(block, 0, defaultdict(list), 0, starts, quotes)  # a cell's sequences stay in it
        if depth is None and (block.kind == "heading" or is_part_break(block)):
            depth = 0  # an unnumbered heading, an annex: every sequence ends
        if depth is not None:
            self.depth = depth
            for groups in self.live.values():
                groups[:] = [(start, group) for start, group in groups if start < depth or _heads(group, opened)]
        return self._place_all(block, marker.end if marker else 0, self.live, self.depth, starts, quotes)

    def _place_all(
        self, block: Block, floor: int, live: _Live, depth: int, starts: list[int], quotes: list[tuple[int, int]] | None
    ) -> list[Enumerator]:
        if not starts:
            return []
        quoted: dict[int, _Live] = {}  # the sequences of each quotation, by its opening mark
        placed = []
        for item in inline_enumerators(block, floor, starts):
            opening = next((start for start, end in quotes or () if start < item.start < end), None)
            scope = live if opening is None else quoted.setdefault(opening, defaultdict(list))
            if (found := self._place(item, scope, depth if opening is None else 0)) is not None:
                placed.append(found)
        return placed

    def _place(self, item: Enumerator, live: _Live, depth: int) -> Enumerator | None:
        """Add ``item`` to the sequence it continues or start one; None when it is no enumerator after all."""
        groups = live[item.kind]
        latest = groups[-1][1] if groups else None
        last = latest.items[-1] if latest else None
        near = last is not None and item.block.index - last.block.index <= CARRY_BLOCKS
        if item.kind == ADVERB:
            joins = last is not None and near and _continues_adverbs(item.numeral, last.numeral)
            if not joins and item.numeral in ("再次", "最后"):
                return None  # 再次 (again) and 最后 (at last) are ordinals only inside a 首先 … sequence
            if last is not None and joins:
                item = replace(item, number=last.number + 1)
        elif item.kind == ASPECT:
            one = latest is not None and last is not None and len(latest.items) == 1
            same_block_pair = one and last is not None and last.block is item.block
            joins = near and one and last is not None and last.number == 1 and (item.number == 2 or same_block_pair)
            if joins and item.number == 1:
                item = replace(item, number=2)  # 一方面……，一方面……
        else:
            joins = item.number != 1 and (near or any(g.items[-1].number == item.number - 1 for _, g in groups))
            if joins and not near:
                latest = next(g for _, g in reversed(groups) if g.items[-1].number == item.number - 1)
        if joins and latest is not None:
            latest.items.append(item)
            return item
        group = Group(item.kind, [item])
        adverbs = live[ADVERB]
        if group.numbered and adverbs and adverbs[-1][1].items[-1].number == item.number - 1:
            group.continues = adverbs[-1][1]  # 首先……其次……第三，……: a run begun in words
        groups.append((depth, group))
        del groups[:-RESUMABLE]
        self.groups.append(group)
        return item


def _heads(group: Group, opened: int | None) -> bool:
    """Whether the last item of ``group`` opens its paragraph and a list of headings began after it."""
    last = group.items[-1]
    return opened is not None and opened > last.block.index and last.start == indent_end(last.block.text)


def _continues_adverbs(numeral: str, last: str) -> bool:
    """Whether an ordinal adverb carries on a sequence of them whose last item is ``last``."""
    return numeral in ("其次", "最后") or (numeral == "再次" and last == "其次")
