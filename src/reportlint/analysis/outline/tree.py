"""The headings' tree: the heading markers of a document in order, placed by the document's own usage (a kind
already open on the path from the root is a sibling, any other kind a child of the innermost open heading),
and the groups of siblings numbered as one run."""

from __future__ import annotations

from collections import defaultdict

from reportlint.analysis.outline.enumerators import Enumerator
from reportlint.analysis.outline.markers import glued_subheading, heading_marker, is_part_break, labelled
from reportlint.analysis.outline.model import RESUMABLE, STYLE, Fault, Group, Heading
from reportlint.document import Block


def markers(blocks: list[Block]) -> list[Enumerator | None]:
    """The heading markers in document order, with None for a part break (``附件2`` opens an annex)."""
    found: list[Enumerator | None] = []
    for block in blocks:
        if block.kind == "table-cell":
            continue
        marker = heading_marker(block)
        if marker is None and found and (last := found[-1]) and last.kind == "1.":
            marker = heading_marker(block, figure_led=True)
            if marker is not None and (marker.kind, marker.number) != (last.kind, last.number + 1):
                marker = None
        if marker is not None:
            found.append(marker)
            if (sub := glued_subheading(marker)) is not None:
                found.append(sub)
        elif is_part_break(block):
            found.append(None)
    return found


def tree(markers: list[Enumerator | None]) -> tuple[list[Heading], list[Group], list[Fault]]:
    """Headings in a tree by the document's usage; the sibling groups; headings written in a sibling's style.
    ``None`` in ``markers`` is a part break (``附件2``): the outline starts again from the root.

    A ``1`` under the same parent starts a new group and puts the current one aside; a number that fits no
    longer the current group but the one put aside takes that up again: a document that reuses ``一、`` for
    a list inside a part (``二、`` … ``一、`` ``二、`` … ``三、``)."""
    headings: list[Heading] = []
    groups: list[Group] = []
    restyled: list[Fault] = []
    open_groups: dict[tuple[int, str], list[Group]] = defaultdict(list)  # (parent id or -part, kind) -> groups
    last_of_kind: dict[str, Group] = {}
    running: set[str] = set()  # kinds whose numbering has run on across parents in this document
    stack: list[Heading] = []
    part = 0
    for index, marker in enumerate(markers):
        if marker is None:
            part += 1
            stack.clear()
            continue
        if labelled(marker) or (stack and labelled(stack[0].marker) and stack[0].kind != marker.kind):
            stack.clear()  # 附件：1.… 2.…: a list of its own, neither inside the outline above nor around the next
        level = next((i for i in range(len(stack) - 1, -1, -1) if stack[i].kind == marker.kind), None)
        kind = marker.kind
        parent: Heading | None
        if level is not None:
            parent = stack[level].parent
            del stack[level:]
        else:
            parent = stack[-1] if stack else None
            following = markers[index + 1] if index + 1 < len(markers) else None
            if parent is not None and _reads_as_sibling(marker, parent, following, last_of_kind.get(kind)):
                sibling = stack.pop()
                parent, kind = sibling.parent, sibling.kind
                restyled.append(Fault(marker, STYLE, sibling.marker.renumbered(marker.number), sibling.marker))
        node = Heading(marker, parent, kind, part, parent.depth + 1 if parent else 1)
        headings.append(node)
        if parent is not None:
            parent.children.append(node)
        keyed = open_groups[id(parent) if parent else -part, kind]
        group = _group_for(marker.number, keyed)
        if group is None:
            previous = last_of_kind.get(kind)
            # numbering that runs on from the last group of its kind (第N条 across chapters)
            runs_on = previous is not None and marker.number == previous.items[-1].number + 1
            group = Group(kind, [], parent, previous if runs_on else None)
            if runs_on:
                running.add(kind)
            elif previous is not None and kind in running and marker.number > previous.items[-1].number + 1:
                group.should_continue = previous
            keyed.append(group)
            groups.append(group)
        group.items.append(marker)
        group.headings.append(node)
        last_of_kind[kind] = group
        stack.append(node)
    return headings, groups, restyled


def _group_for(number: int, keyed: list[Group]) -> Group | None:
    """The group of siblings a heading numbered ``number`` joins (None: it starts one): the current group, or
    one put aside that it continues."""
    if not keyed or number == 1:
        return None
    current = keyed[-1]
    if number != current.items[-1].number + 1:
        for index in range(len(keyed) - 2, max(len(keyed) - 2 - RESUMABLE, -1), -1):
            if keyed[index].items[-1].number == number - 1:
                keyed.append(keyed.pop(index))
                return keyed[-1]
    return current


def _reads_as_sibling(
    marker: Enumerator, parent: Heading, following: Enumerator | None, previous: Group | None
) -> bool:
    """``（3）`` right after ``（二）`` and before ``（四）``: a sibling written in another style, not a child."""
    number = marker.number
    if number != parent.marker.number + 1 or number == 1:
        return False
    if previous is not None and previous.items[-1].number == number - 1:
        return False  # continues an earlier run of its own kind
    return following is None or following.kind != marker.kind or following.number != number + 1
