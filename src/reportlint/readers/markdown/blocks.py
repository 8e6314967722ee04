"""Block structure: containers (block quotes, list items) parsed recursively into leaves (paragraphs,
headings, list items' first paragraphs, table cells); code, HTML, definitions and breaks skipped."""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportlint.document import Comment
from reportlint.readers.markdown.patterns import (
    ATX,
    ATX_CLOSE,
    BLOCK_TAGS,
    COMMENT,
    DEFINITION,
    DELIMITER_ROW,
    FENCE,
    FENCE_CLOSE,
    HTML_LINE,
    LIST_ITEM,
    MAX_DEPTH,
    ONLY_TAGS,
    OUTLINE_LINE,
    QUOTE,
    RAW_TAGS,
    SETEXT,
    THEMATIC,
)


@dataclass(frozen=True, slots=True)
class Line:
    """What a container hands its content of source line ``number``: ``text`` starts at (0-based) character
    ``start`` of the line and runs to its end, or to the end of a heading's text or a table cell."""

    number: int
    start: int
    text: str

    def skip(self, count: int) -> Line:
        return Line(self.number, self.start + count, self.text[count:])

    def lstrip(self) -> Line:
        return self.skip(len(self.text) - len(self.text.lstrip(" \t")))

    def cut(self, length: int) -> Line:
        return Line(self.number, self.start, self.text[:length])


@dataclass(slots=True)
class Leaf:
    """A block before inline parsing: its source fragments, and for each whether a synthetic line break
    separates it from the one before."""

    kind: str
    parts: list[Line]
    joined: list[bool]


def _leaf(kind: str, parts: list[Line]) -> Leaf:
    return Leaf(kind, parts, [index > 0 for index in range(len(parts))])


class BlockParser:
    def __init__(self, comments: list[Comment]) -> None:
        #: Normalised labels of the link reference definitions (``[label]: url``) seen anywhere.
        self.definitions: set[str] = set()
        self.comments = comments

    def parse(self, lines: list[Line], depth: int = 0) -> list[Leaf]:
        leaves: list[Leaf] = []
        index = 0
        while index < len(lines):
            index = self._block(lines, index, depth, leaves)
        return leaves

    def _block(self, lines: list[Line], index: int, depth: int, leaves: list[Leaf]) -> int:
        """Read the block that starts at ``lines[index]`` into ``leaves``; return the index after it."""
        line = lines[index]
        text = line.text
        if _is_blank(text):
            return index + 1
        if _indent(text)[0] >= 4:
            return _skip_indented_code(lines, index)
        if fence := _fence(text):
            return _skip_fence(lines, index, fence)
        if COMMENT.match(text):
            end = _skip_comment(lines, index)
            body = "\n".join(part.text for part in lines[index:end])
            opening = text.index("<!--")
            self.comments.append(Comment(line.number, line.start + opening + 1, body[opening + 4 :].split("-->")[0]))
            return end
        if tag := _html_line(text):
            kind, name = tag
            return _skip_raw_html(lines, index, name) if kind == "raw" else index + 1
        if match := ATX.match(text):
            content = line.skip(match.end())
            if close := ATX_CLOSE.search(content.text):
                content = content.cut(close.start())
            leaves.append(_leaf("heading", [content]))
            return index + 1
        if THEMATIC.match(text):
            return index + 1
        if depth < MAX_DEPTH:
            if QUOTE.match(text):
                return self._quote(lines, index, depth, leaves)
            if match := LIST_ITEM.match(text):
                return self._list_item(lines, index, match, depth, leaves)
        if match := DEFINITION.match(text):
            if label := normalize_label(match.group(1)):
                self.definitions.add(label)
            return index + 1
        if _table_starts(lines, index):
            return _table(lines, index, leaves)
        return _paragraph(lines, index, leaves)

    def _quote(self, lines: list[Line], index: int, depth: int, leaves: list[Leaf]) -> int:
        inner: list[Line] = []
        fence = None
        while index < len(lines):
            line = lines[index]
            if match := QUOTE.match(line.text):
                inner.append(line.skip(match.end()))
            elif inner and fence is None and _is_lazy(inner[-1].text, line.text, any_list_item=False):
                inner.append(line.lstrip())
            else:
                break
            fence = _fence_after(fence, inner[-1].text)
            index += 1
        leaves.extend(self.parse(inner, depth + 1))
        return index

    def _list_item(self, lines: list[Line], index: int, match: re.Match[str], depth: int, leaves: list[Leaf]) -> int:
        line = lines[index]
        text = line.text
        marker_start, marker_end = match.span(2)
        rest = text[marker_end:]
        width, chars = _indent(rest, marker_end)
        if _is_blank(rest):  # the item starts with a blank line: its content is on the lines below
            content, columns = len(text), marker_end + 1
        elif width > 4:  # one space belongs to the marker, the rest makes indented code
            content, columns = marker_end + 1, marker_end + 1
        else:
            content, columns = marker_end + chars, marker_end + width
        item = [line.skip(content)]
        fence = _fence(item[0].text)
        pending: list[Line] = []  # blank lines that belong to the item only if an indented line follows
        index += 1
        while index < len(lines):
            following = lines[index]
            if _is_blank(following.text):
                pending.append(following)
            elif (dedent := _dedent(following.text, columns)) is not None:
                item.extend(pending)
                pending = []
                item.append(following.skip(dedent))
            elif not pending and fence is None and _is_lazy(item[-1].text, following.text, any_list_item=True):
                item.append(following.lstrip())
            else:
                break
            fence = _fence_after(fence, item[-1].text)
            index += 1
        inner = self.parse(item, depth + 1)

        first_line = next((part.number for part in item if not _is_blank(part.text)), None)
        lead = inner[0] if inner and inner[0].kind == "paragraph" and inner[0].parts[0].number == first_line else None
        if lead is not None:
            lead.kind = "list-item"
        if match.group(2)[0].isdigit():  # keep the enumerator, the text from the marker on
            same_line = lead is not None and lead.parts[0].number == line.number
            marker = Line(
                line.number, line.start + marker_start, text[marker_start : content if same_line else marker_end]
            )
            if lead is not None:
                lead.parts.insert(0, marker)
                lead.joined[0] = not same_line
                lead.joined.insert(0, False)
            else:
                inner.insert(0, _leaf("list-item", [marker]))
        leaves.extend(inner)
        return index - len(pending)


def _paragraph(lines: list[Line], index: int, leaves: list[Leaf]) -> int:
    parts = [lines[index]]
    index += 1
    while index < len(lines):
        text = lines[index].text
        if _is_blank(text):
            break
        if SETEXT.match(text):
            leaves.append(_leaf("heading", [parts[0].lstrip(), *parts[1:]]))
            return index + 1
        if _interrupts(text) or _table_starts(lines, index) or OUTLINE_LINE.match(text):
            break
        parts.append(lines[index].lstrip())
        index += 1
    leaves.append(_leaf("paragraph", parts))
    return index


def _table_starts(lines: list[Line], index: int) -> bool:
    """A header row (with a pipe) followed by a delimiter row (``|---|:--:|``) with as many cells."""
    if index + 1 >= len(lines):
        return False
    header, delimiter = lines[index], lines[index + 1]
    if "|" not in header.text or "|" not in delimiter.text or not DELIMITER_ROW.match(delimiter.text):
        return False
    return len(_cells(header)) == len(_cells(delimiter))


def _table(lines: list[Line], index: int, leaves: list[Leaf]) -> int:
    rows = [lines[index]]
    index += 2  # the delimiter row is skipped
    while (
        index < len(lines)
        and not _is_blank(lines[index].text)
        and not _interrupts(lines[index].text, any_list_item=True)
    ):
        rows.append(lines[index])
        index += 1
    leaves.extend(_leaf("table-cell", [cell]) for row in rows for cell in _cells(row) if cell.text)
    return index


def _cells(row: Line) -> list[Line]:
    """The cells of a table row, each trimmed of the spaces around it (empty cells included)."""
    text = row.text
    first, last = len(text) - len(text.lstrip(" \t")), len(text.rstrip(" \t"))
    pipes = []
    position = first
    while position < last:
        if text[position] == "\\":
            position += 2
            continue
        if text[position] == "|":
            pipes.append(position)
        position += 1
    bounds = [first - 1, *pipes, last]
    cells = []
    for start, end in zip(bounds, bounds[1:], strict=False):
        start += 1
        while start < end and text[start] in " \t":
            start += 1
        while end > start and text[end - 1] in " \t":
            end -= 1
        cells.append(Line(row.number, row.start + start, text[start:end]))
    if pipes and pipes[0] == first:  # a leading pipe is an edge, not a separator
        cells.pop(0)
    if pipes and pipes[-1] == last - 1 and cells:  # so is a trailing one
        cells.pop()
    return cells


def _skip_indented_code(lines: list[Line], index: int) -> int:
    while index < len(lines) and (_is_blank(lines[index].text) or _indent(lines[index].text)[0] >= 4):
        index += 1
    return index


def _skip_fence(lines: list[Line], index: int, fence: str) -> int:
    for following in range(index + 1, len(lines)):
        if _fence_after(fence, lines[following].text) is None:
            return following + 1
    return len(lines)


def _skip_comment(lines: list[Line], index: int) -> int:
    text = lines[index].text
    if "-->" in text[text.index("<!--") + 4 :]:
        return index + 1
    for following in range(index + 1, len(lines)):
        if "-->" in lines[following].text:
            return following + 1
    return len(lines)


def _skip_raw_html(lines: list[Line], index: int, name: str) -> int:
    closing = f"</{name}>"
    for following in range(index, len(lines)):
        if closing in lines[following].text.lower():
            return following + 1
    return len(lines)


def _fence(text: str) -> str | None:
    """The opening fence (``` ``` ``` or ``~~~``…) the line starts with, if any."""
    match = FENCE.match(text)
    if match is None or (match.group(1)[0] == "`" and "`" in match.group(2)):
        return None
    return match.group(1)


def _fence_after(fence: str | None, text: str) -> str | None:
    """The fence still open after a line: ``fence`` unless the line closes it, or one the line opens."""
    if fence is None:
        return _fence(text)
    match = FENCE_CLOSE.match(text)
    closes = match is not None and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence)
    return None if closes else fence


def _html_line(text: str) -> tuple[str, str] | None:
    """("raw", tag) for a line opening <script>/<style>/<pre>/<textarea>, ("block", tag) for a block-level
    tag, ("tags", tag) for a line of nothing but tags, None for anything else."""
    match = HTML_LINE.match(text)
    if match is None:
        return None
    name = match.group(2).lower()
    if name in RAW_TAGS and not match.group(1):
        return "raw", name
    if name in BLOCK_TAGS:
        return "block", name
    if ONLY_TAGS.match(text):
        return "tags", name
    return None


def _interrupts(text: str, any_list_item: bool = False) -> bool:
    """Whether a line starts a block that ends the paragraph before it (so it cannot continue it).

    A list item interrupts a paragraph only if it is not empty and is a bullet or starts at 1, as in
    CommonMark; with ``any_list_item`` (inside a list, where it is a sibling) every list item does."""
    if _indent(text)[0] >= 4:
        return False
    if ATX.match(text) or THEMATIC.match(text) or QUOTE.match(text) or COMMENT.match(text) or _fence(text):
        return True
    tag = _html_line(text)
    if tag is not None and tag[0] != "tags":
        return True
    match = LIST_ITEM.match(text)
    if match is None:
        return False
    if any_list_item:
        return True
    marker = match.group(2)
    return not _is_blank(text[match.end() :]) and (not marker[0].isdigit() or int(marker[:-1]) == 1)


def _is_lazy(previous: str, text: str, any_list_item: bool) -> bool:
    """Whether ``text``, not marked or indented for the container, still continues the paragraph that the
    container's line ``previous`` belongs to (a lazy continuation line)."""
    return not _is_blank(text) and _is_paragraph_text(previous) and not _interrupts(text, any_list_item)


def _is_paragraph_text(text: str) -> bool:
    """A guess from one line alone: is it text of a paragraph (after any quote and list markers)?"""
    for _ in range(MAX_DEPTH):
        match = QUOTE.match(text) or (None if THEMATIC.match(text) else LIST_ITEM.match(text))
        if match is None:
            break
        text = text[match.end() :]
    if _is_blank(text) or _indent(text)[0] >= 4 or _fence(text) or _html_line(text):
        return False
    return not (ATX.match(text) or THEMATIC.match(text) or COMMENT.match(text) or DEFINITION.match(text))


def _is_blank(text: str) -> bool:
    return not text.strip()


def _indent(text: str, column: int = 0) -> tuple[int, int]:
    """(columns, characters) of the spaces and tabs that start ``text``, which starts at ``column``."""
    width = 0
    for chars, char in enumerate(text):
        if char == " ":
            width += 1
        elif char == "\t":
            width += 4 - (column + width) % 4
        else:
            return width, chars
    return width, len(text)


def _dedent(text: str, columns: int) -> int | None:
    """How many characters make up ``columns`` of indentation (a tab may overshoot), or None if fewer."""
    width = chars = 0
    while width < columns:
        if chars < len(text) and text[chars] == " ":
            width += 1
        elif chars < len(text) and text[chars] == "\t":
            width += 4 - width % 4
        else:
            return None
        chars += 1
    return chars


def normalize_label(label: str) -> str:
    return " ".join(label.split()).casefold()
