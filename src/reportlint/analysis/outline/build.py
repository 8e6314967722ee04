"""The outline analysis of a document: its heading markers in a tree, its inline sequences, and the faults
and announced counts of every group."""

from __future__ import annotations

from collections import defaultdict

from reportlint.analysis.fulltext import full_text
from reportlint.analysis.outline.announcements import announcements
from reportlint.analysis.outline.enumerators import Enumerator
from reportlint.analysis.outline.faults import level_style_faults, numbering_faults
from reportlint.analysis.outline.inline import inline_starts
from reportlint.analysis.outline.markers import is_part_break
from reportlint.analysis.outline.model import Heading, Outline
from reportlint.analysis.outline.sequences import Sequences
from reportlint.analysis.outline.tree import markers, tree
from reportlint.analysis.pairs import pairs
from reportlint.document import Document


def outline(document: Document) -> Outline:
    """The outline of the document (use through ``document.analysis(outline)``)."""
    blocks = document.blocks
    headings, heading_groups, restyled = tree(markers(blocks))
    # where the list of each heading began: a list begun after an item opening its paragraph is that item's
    opened = {id(node): group.items[0].block.index for group in heading_groups for node in group.headings}
    placed: dict[int, Heading] = {}
    glued: dict[int, list[Enumerator]] = defaultdict(list)  # （一） written on the line of its 一、 heading
    for node in headings:
        index = node.marker.block.index
        if index in placed:
            glued[index].append(node.marker)
        else:
            placed[index] = node
    sequences = Sequences()
    # where inline enumerators may start, found in one pass over the document's text
    full = document.analysis(full_text)
    starts: dict[int, list[int]] = defaultdict(list)
    for offset in inline_starts(full.text):
        block, at = full.locate(offset)
        starts[block.index].append(at)
    by_block: dict[int, list[Enumerator]] = {}
    marks = document.analysis(pairs) if starts else []
    for block in blocks:
        heading = placed.get(block.index)
        block_starts = starts.get(block.index)
        if heading is None and block_starts is None and block.kind != "heading" and not is_part_break(block):
            continue  # most blocks: no enumerator, and no section boundary for the sequences
        marker = heading.marker if heading else None
        quotes = [(o.offset, c.offset) for o, c in marks[block.index].pairs if o.kind == "quote"] if marks else []
        items = sequences.add(
            block, marker, heading.depth if heading else None, block_starts or [], opened.get(id(heading)), quotes
        )
        if marker or items:
            by_block[block.index] = [marker, *glued.get(block.index, ()), *items] if marker else items
    groups = heading_groups + sequences.groups
    faults = [fault for group in groups if group.numbered for fault in numbering_faults(group, blocks)]
    faults += restyled + level_style_faults(heading_groups, blocks)
    faults.sort(key=lambda fault: (fault.item.block.index, fault.item.start))
    return Outline(headings, groups, faults, announcements(groups, blocks), by_block)
