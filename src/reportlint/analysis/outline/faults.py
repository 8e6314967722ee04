"""The numbering faults of each group, judged once here so that every rule reads the same verdicts: a
skipped, duplicated or out-of-order number, a group that starts above one without continuing an earlier group,
and headings numbered in another style than the rest of their level."""

from __future__ import annotations

from collections import Counter, defaultdict

from reportlint.analysis.outline.markers import heading_marker
from reportlint.analysis.outline.model import DUPLICATED, ORDER, SKIPPED, STYLE, Fault, Group
from reportlint.document import Block


def numbering_faults(group: Group, blocks: list[Block]) -> list[Fault]:
    """The skipped, duplicated and out-of-order numbers of ``group``."""
    items = group.items
    if len(items) > 1 and all(item.block.kind == "list-item" for item in items) and len({i.number for i in items}) == 1:
        return []  # Markdown's lazy numbering: 1. 1. 1. renders as 1. 2. 3.
    faults = []
    first = items[0]
    if group.should_continue is not None:
        last = group.should_continue.items[-1]
        missing = tuple(first.renumbered(n).rstrip("，,") for n in range(last.number + 1, first.number))
        faults.append(Fault(first, SKIPPED, first.renumbered(last.number + 1), last, missing))
    elif first.number != 1 and group.continues is None:
        faults.append(Fault(first, ORDER, first.renumbered(1)))
    accepted = {first.number + 1}
    skip_next = False
    for index in range(1, len(items)):
        item, previous = items[index], items[index - 1]
        number = item.number
        if skip_next or number in accepted:
            accepted = {number + 1} if not skip_next else {max(number, previous.number) + 1}
            skip_next = False
            continue
        expected = min(accepted)
        following = items[index + 1].number if index + 1 < len(items) else None
        if number == previous.number:
            fault = Fault(item, DUPLICATED, item.renumbered(expected), previous)
        elif number > expected and following == expected:
            fault, skip_next = Fault(item, ORDER, item.renumbered(expected), previous), True
        elif number > expected:
            missing = tuple(item.renumbered(n).rstrip("，,") for n in range(expected, number))
            fault = Fault(item, SKIPPED, item.renumbered(expected), previous, missing)
        else:
            fault = Fault(item, ORDER, item.renumbered(expected), previous)
        faults.append(fault)
        accepted = {number + 1, expected, expected + 1}
    return [fault for fault in faults if not _written_off_boundary(fault, blocks)]


def _written_off_boundary(fault: Fault, blocks: list[Block]) -> bool:
    """Whether an inline item reported missing is written after all, only not at a clause boundary (``……/摄
    三是……``, a caption glued on): the punctuation is at fault there, not the numbering."""
    item, previous = fault.item, fault.previous
    if item.heading:
        return False
    if fault.kind == SKIPPED and previous is not None:
        if previous.block is item.block:
            between = item.block.text[previous.end : item.start]
        else:
            middle = (blocks[index].text for index in range(previous.block.index + 1, item.block.index))
            between = "".join((previous.block.text[previous.end :], *middle, item.block.text[: item.start]))
        return any(item.renumbered(number) in between for number in range(previous.number + 1, item.number))
    return fault.kind == ORDER and previous is None and item.renumbered(1) in item.block.text[: item.start]


def level_style_faults(groups: list[Group], blocks: list[Block]) -> list[Fault]:
    """Children written in a kind that the other headings of their parent's level do not use for theirs: under
    ``一、`` the document writes ``（一）`` twice and ``（1）`` once. A group whose own children are of the usual
    kind is an extra level (``二、`` → ``（一）`` → ``1.`` where the other parts go ``一、`` → ``1.``), not a slip;
    nor is a list that a sentence ending in a colon introduces (``予以通报：`` then ``1.`` ``2.``)."""
    child_kinds: dict[int, set[str]] = defaultdict(set)  # id of a heading -> kinds of its children groups
    usage: dict[tuple[int, str], Counter[str]] = defaultdict(Counter)  # (part, parent kind) -> kind -> parents
    for group in groups:
        if group.parent is not None and group.kind not in child_kinds[id(group.parent)]:
            child_kinds[id(group.parent)].add(group.kind)
            usage[group.parent.part, group.parent.kind][group.kind] += 1
    faults: list[Fault] = []
    for group in groups:
        parent = group.parent
        if parent is None:
            continue
        counts = usage[parent.part, parent.kind]
        dominant, uses = counts.most_common(1)[0]
        if dominant == group.kind or uses < 2 or counts[group.kind] >= uses or dominant in child_kinds[id(parent)]:
            continue
        if any(dominant in child_kinds[id(node)] for node in group.headings):
            continue
        if _introduced_list(group, blocks):
            continue
        model = next(
            g.items[0]
            for g in groups
            if g.kind == dominant and g.parent and (g.parent.part, g.parent.kind) == (parent.part, parent.kind)
        )
        faults.extend(Fault(item, STYLE, model.renumbered(item.number), model) for item in group.items)
    return faults


def _introduced_list(group: Group, blocks: list[Block]) -> bool:
    """Whether the paragraph just before the group's first item is a sentence introducing it with a colon."""
    first = group.items[0].block.index
    if first == 0:
        return False
    lead = blocks[first - 1]
    return lead.kind != "heading" and lead.text.rstrip().endswith(("：", ":")) and heading_marker(lead) is None
