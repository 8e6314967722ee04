"""Markdown drafts (.md): the prose of the file, every character of it mapped back to its line and column.

Rules only ever see prose. What becomes of the Markdown:

* Blocks (``Block.kind``): ATX (``# 一、总体要求``) and setext headings are ``heading``; the first paragraph of
  a list item is ``list-item`` (a bullet ``-``/``*``/``+`` is dropped, an ordered item keeps its enumerator
  ``1.``/``1)`` because outline rules check it; an ordered item whose first block is not a paragraph gets a
  block of its own holding just the enumerator); each cell of a GFM table is a ``table-cell``; every other
  paragraph, in block quotes and list items too, is a ``paragraph``. The lines of a paragraph are joined by a
  synthetic ``"\\n"`` anchored on the last character of the line it ends (not after it: a span that ends
  with the line break then ends at the end of that line, inside the source).
* Skipped: front matter (``---``/``+++`` on line 1 up to its closing line), fenced code (``` ``` ``` and
  ``~~~``; an unclosed fence runs to the end of its container) and indented code, HTML comments, raw HTML
  lines, link reference definitions, thematic breaks and table delimiter rows.
* Inline: emphasis and strikethrough markers are dropped. A code span, an autolink (``<http://…>``,
  ``<a@b.cn>``), a bare URL (``http://``, ``https://``, ``www.``) and an e-mail address each become one
  ``OPAQUE`` character mapped to its first source character (autolinks are replaced, not dropped, so that a
  rule still sees that something stands there). A link or image keeps its text or alt text and drops the
  brackets and the destination. A backslash escape keeps the escaped character, a backslash before a line
  end (hard break) is dropped. Inline HTML tags and comments are dropped. A character reference
  (``&emsp;``, ``&#12288;``) becomes its character, a synthetic run anchored at the ``&``.
* Whitespace: a paragraph keeps the indentation of its first line (at most three spaces in Markdown; an
  indentation with U+3000 is text anyway); continuation lines lose their leading spaces and tabs; trailing
  spaces are kept. Lines holding only whitespace (U+3000 included) count as blank.

Approximations (clarity over CommonMark completeness):

* Emphasis: a ``*``/``_``/``~~`` run can open if the next character is not whitespace and close if the one
  before is not; CommonMark's conditions on punctuation are left out, since they fail on Chinese punctuation
  (``**“重点”**的``). Runs are paired as in CommonMark (nearest opener first, the rule of 3), and a run left
  without a partner stays text (``**党工委``, ``增长*%``). A ``*`` run between two ASCII letters or digits
  (``5*3``) is never a delimiter; a ``_`` run cannot open right after a letter or digit nor close right before
  one (``snake_case``; as in CommonMark, also ``中文_强调_``). Strikethrough needs exactly two tildes
  (``3~5年`` is a range). A single ``*`` pair whose span crosses clause punctuation (``，。；：！？``) is not
  italics: italic phrases do not span clauses, while lone ``*`` placeholders do (``投资*亿元，增长*%``).
* Containers: block quotes and list items are parsed recursively from their lines. Whether a line that is
  not indented enough is a lazy continuation is guessed from it and the container's line before it. Tabs
  count to the next multiple of 4 from the start of the container. Quotes and lists nested deeper than
  ``MAX_DEPTH`` are read as paragraphs.
* Raw HTML: a line starting with a block-level tag (``<div>``, ``<p>``, ``<table>``…) or holding only tags
  is skipped on its own, not up to the next blank line as in CommonMark, so prose between ``<div>`` and
  ``</div>`` is linted; ``<script>``, ``<style>``, ``<pre>`` and ``<textarea>`` are skipped up to their
  closing tag. An HTML comment opening a line is skipped up to the line that closes it.
* Links: an inline destination may hold one level of parentheses. ``[text][ref]``, ``[text][]`` and
  ``[text]`` are links only when ``ref`` is defined in the file, as in CommonMark (so citations like ``[1]``
  stay text); a definition must fit on one line and have an ASCII destination. Footnotes are not special.
* Tables: any line with a pipe followed by a delimiter row with as many cells starts a table; rows run to a
  blank line or another block. Pipes split cells unless escaped (``\\|``), also inside code spans (as GFM).
"""

from __future__ import annotations

import html
import re
import string
from dataclasses import dataclass

from reportlint.document import OPAQUE, Block, BlockBuilder, Comment

#: Block quotes and list items nested deeper than this are read as paragraphs (no unbounded recursion).
MAX_DEPTH = 32

# --- block structure, matched against a container's view of a line -------------------------------------

_ATX = re.compile(r" {0,3}(#{1,6})(?:[ \t]+|$)")
_ATX_CLOSE = re.compile(r"(?:^|(?<![ \t])[ \t]++)#+[ \t]*+$")
_SETEXT = re.compile(r" {0,3}(?:=+|-+)[ \t]*$")
_THEMATIC = re.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})(.*)")
_FENCE_CLOSE = re.compile(r" {0,3}(`{3,}|~{3,})[ \t]*$")
_QUOTE = re.compile(r" {0,3}>[ \t]?")
_LIST_ITEM = re.compile(r"( {0,3})([-+*]|[0-9]{1,9}[.)])(?=[ \t]|$)")
_COMMENT = re.compile(r" {0,3}<!--")
_HTML_LINE = re.compile(r" {0,3}<(/?)([A-Za-z][A-Za-z0-9-]*)(?=[ \t/>]|$)")
_DEFINITION = re.compile(
    r" {0,3}\[(?!\^)((?:[^\[\]\\]|\\.)+)\]:[ \t]*(?:<[^<>]*>|[!-~]+)"
    r"(?:[ \t]+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?[ \t]*$"
)
_DELIMITER_ROW = re.compile(r" {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")

#: Tags whose content is never prose: skipped up to the closing tag (CommonMark HTML block type 1).
_RAW_TAGS = frozenset({"script", "pre", "style", "textarea"})
#: Block-level tags: a line starting with one of them is skipped (CommonMark HTML block type 6).
_BLOCK_TAGS = frozenset(
    "address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div"
    " dl dt fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe"
    " legend li link main menu menuitem nav noframes ol optgroup option p param search section summary table"
    " tbody td tfoot th thead title tr track ul".split()
)

# --- inline structure, matched against a block's source text --------------------------------------------

_ATTRIBUTE = r"""\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?"""
_TAG_PATTERN = rf"<[A-Za-z][A-Za-z0-9-]*(?:{_ATTRIBUTE})*\s*/?>|</[A-Za-z][A-Za-z0-9-]*\s*>"
_TAG = re.compile(_TAG_PATTERN)
_ONLY_TAGS = re.compile(rf"[ \t]*(?:(?:{_TAG_PATTERN})[ \t]*)+$")
_AUTOLINK = re.compile(
    r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*"
    r"|[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*)>"
)
_URL = re.compile(r"((?i:https?://|www\.))[A-Za-z0-9\-._~:/?#@!$&'()*+,;=%]+")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_EMAIL_CHARS = frozenset(string.ascii_letters + string.digits + "._%+-")
#: Characters a bare URL does not end with (GFM's extended autolinks trim them too).
_URL_TRAILING = frozenset("?!.,:;*_~'")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_INLINE_LINK = re.compile(
    r"""\(\s*+(?:<[^<>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:\s++(?:"[^"]*"|'[^']*'|\([^()]*\)))?\s*+\)"""
)
_REFERENCE = re.compile(r"\[((?:[^\[\]\\]|\\.)*)\]")
#: A link label is at most 999 characters (CommonMark): longer bracketed text is never a reference.
_MAX_LABEL = 999
_ASCII_PUNCTUATION = frozenset(string.punctuation)


def markdown_blocks(lines: list[str], comments: list[Comment] | None = None) -> list[Block]:
    """The prose blocks of a Markdown file, given its lines without line endings (line N is ``lines[N-1]``).

    HTML comments that open a line are not prose; when ``comments`` is given they are appended to it (they
    may carry ``reportlint-disable`` directives)."""
    skipped = _front_matter_length(lines)
    parser = _BlockParser(comments if comments is not None else [])
    leaves = parser.parse([_Line(number, 0, text) for number, text in enumerate(lines[skipped:], skipped + 1)])
    blocks = (_render(leaf, parser.definitions) for leaf in leaves)
    return [block for block in blocks if block.text.strip()]


def _front_matter_length(lines: list[str]) -> int:
    """Number of lines of YAML (``---``) or TOML (``+++``) front matter at the top; 0 if there is none."""
    closers = {"---": ("---", "..."), "+++": ("+++",)}.get(lines[0].rstrip()) if lines else None
    if closers:
        for index in range(1, len(lines)):
            if lines[index].rstrip() in closers:
                return index + 1
    return 0


# --- blocks ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Line:
    """What a container hands its content of source line ``number``: ``text`` starts at (0-based) character
    ``start`` of the line and runs to its end, or to the end of a heading's text or a table cell."""

    number: int
    start: int
    text: str

    def skip(self, count: int) -> _Line:
        return _Line(self.number, self.start + count, self.text[count:])

    def lstrip(self) -> _Line:
        return self.skip(len(self.text) - len(self.text.lstrip(" \t")))

    def cut(self, length: int) -> _Line:
        return _Line(self.number, self.start, self.text[:length])


@dataclass(slots=True)
class _Leaf:
    """A block before inline parsing: its source fragments, and for each whether a synthetic line break
    separates it from the one before."""

    kind: str
    parts: list[_Line]
    joined: list[bool]


def _leaf(kind: str, parts: list[_Line]) -> _Leaf:
    return _Leaf(kind, parts, [index > 0 for index in range(len(parts))])


class _BlockParser:
    def __init__(self, comments: list[Comment]) -> None:
        #: Normalised labels of the link reference definitions (``[label]: url``) seen anywhere.
        self.definitions: set[str] = set()
        self.comments = comments

    def parse(self, lines: list[_Line], depth: int = 0) -> list[_Leaf]:
        leaves: list[_Leaf] = []
        index = 0
        while index < len(lines):
            index = self._block(lines, index, depth, leaves)
        return leaves

    def _block(self, lines: list[_Line], index: int, depth: int, leaves: list[_Leaf]) -> int:
        """Read the block that starts at ``lines[index]`` into ``leaves``; return the index after it."""
        line = lines[index]
        text = line.text
        if _is_blank(text):
            return index + 1
        if _indent(text)[0] >= 4:
            return _skip_indented_code(lines, index)
        if fence := _fence(text):
            return _skip_fence(lines, index, fence)
        if _COMMENT.match(text):
            end = _skip_comment(lines, index)
            body = "\n".join(part.text for part in lines[index:end])
            opening = text.index("<!--")
            self.comments.append(Comment(line.number, line.start + opening + 1, body[opening + 4 :].split("-->")[0]))
            return end
        if tag := _html_line(text):
            kind, name = tag
            return _skip_raw_html(lines, index, name) if kind == "raw" else index + 1
        if match := _ATX.match(text):
            content = line.skip(match.end())
            if close := _ATX_CLOSE.search(content.text):
                content = content.cut(close.start())
            leaves.append(_leaf("heading", [content]))
            return index + 1
        if _THEMATIC.match(text):
            return index + 1
        if depth < MAX_DEPTH:
            if _QUOTE.match(text):
                return self._quote(lines, index, depth, leaves)
            if match := _LIST_ITEM.match(text):
                return self._list_item(lines, index, match, depth, leaves)
        if match := _DEFINITION.match(text):
            if label := _normalize_label(match.group(1)):
                self.definitions.add(label)
            return index + 1
        if _table_starts(lines, index):
            return _table(lines, index, leaves)
        return _paragraph(lines, index, leaves)

    def _quote(self, lines: list[_Line], index: int, depth: int, leaves: list[_Leaf]) -> int:
        inner: list[_Line] = []
        fence = None
        while index < len(lines):
            line = lines[index]
            if match := _QUOTE.match(line.text):
                inner.append(line.skip(match.end()))
            elif inner and fence is None and _is_lazy(inner[-1].text, line.text, any_list_item=False):
                inner.append(line.lstrip())
            else:
                break
            fence = _fence_after(fence, inner[-1].text)
            index += 1
        leaves.extend(self.parse(inner, depth + 1))
        return index

    def _list_item(self, lines: list[_Line], index: int, match: re.Match[str], depth: int, leaves: list[_Leaf]) -> int:
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
        pending: list[_Line] = []  # blank lines that belong to the item only if an indented line follows
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
            marker = _Line(
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


def _paragraph(lines: list[_Line], index: int, leaves: list[_Leaf]) -> int:
    parts = [lines[index]]
    index += 1
    while index < len(lines):
        text = lines[index].text
        if _is_blank(text):
            break
        if _SETEXT.match(text):
            leaves.append(_leaf("heading", [parts[0].lstrip(), *parts[1:]]))
            return index + 1
        if _interrupts(text) or _table_starts(lines, index):
            break
        parts.append(lines[index].lstrip())
        index += 1
    leaves.append(_leaf("paragraph", parts))
    return index


def _table_starts(lines: list[_Line], index: int) -> bool:
    """A header row (with a pipe) followed by a delimiter row (``|---|:--:|``) with as many cells."""
    if index + 1 >= len(lines):
        return False
    header, delimiter = lines[index], lines[index + 1]
    if "|" not in header.text or "|" not in delimiter.text or not _DELIMITER_ROW.match(delimiter.text):
        return False
    return len(_cells(header)) == len(_cells(delimiter))


def _table(lines: list[_Line], index: int, leaves: list[_Leaf]) -> int:
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


def _cells(row: _Line) -> list[_Line]:
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
        cells.append(_Line(row.number, row.start + start, text[start:end]))
    if pipes and pipes[0] == first:  # a leading pipe is an edge, not a separator
        cells.pop(0)
    if pipes and pipes[-1] == last - 1 and cells:  # so is a trailing one
        cells.pop()
    return cells


def _skip_indented_code(lines: list[_Line], index: int) -> int:
    while index < len(lines) and (_is_blank(lines[index].text) or _indent(lines[index].text)[0] >= 4):
        index += 1
    return index


def _skip_fence(lines: list[_Line], index: int, fence: str) -> int:
    for following in range(index + 1, len(lines)):
        if _fence_after(fence, lines[following].text) is None:
            return following + 1
    return len(lines)


def _skip_comment(lines: list[_Line], index: int) -> int:
    text = lines[index].text
    if "-->" in text[text.index("<!--") + 4 :]:
        return index + 1
    for following in range(index + 1, len(lines)):
        if "-->" in lines[following].text:
            return following + 1
    return len(lines)


def _skip_raw_html(lines: list[_Line], index: int, name: str) -> int:
    closing = f"</{name}>"
    for following in range(index, len(lines)):
        if closing in lines[following].text.lower():
            return following + 1
    return len(lines)


def _fence(text: str) -> str | None:
    """The opening fence (``` ``` ``` or ``~~~``…) the line starts with, if any."""
    match = _FENCE.match(text)
    if match is None or (match.group(1)[0] == "`" and "`" in match.group(2)):
        return None
    return match.group(1)


def _fence_after(fence: str | None, text: str) -> str | None:
    """The fence still open after a line: ``fence`` unless the line closes it, or one the line opens."""
    if fence is None:
        return _fence(text)
    match = _FENCE_CLOSE.match(text)
    closes = match is not None and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence)
    return None if closes else fence


def _html_line(text: str) -> tuple[str, str] | None:
    """("raw", tag) for a line opening <script>/<style>/<pre>/<textarea>, ("block", tag) for a block-level
    tag, ("tags", tag) for a line of nothing but tags, None for anything else."""
    match = _HTML_LINE.match(text)
    if match is None:
        return None
    name = match.group(2).lower()
    if name in _RAW_TAGS and not match.group(1):
        return "raw", name
    if name in _BLOCK_TAGS:
        return "block", name
    if _ONLY_TAGS.match(text):
        return "tags", name
    return None


def _interrupts(text: str, any_list_item: bool = False) -> bool:
    """Whether a line starts a block that ends the paragraph before it (so it cannot continue it).

    A list item interrupts a paragraph only if it is not empty and is a bullet or starts at 1, as in
    CommonMark; with ``any_list_item`` (inside a list, where it is a sibling) every list item does."""
    if _indent(text)[0] >= 4:
        return False
    if _ATX.match(text) or _THEMATIC.match(text) or _QUOTE.match(text) or _COMMENT.match(text) or _fence(text):
        return True
    tag = _html_line(text)
    if tag is not None and tag[0] != "tags":
        return True
    match = _LIST_ITEM.match(text)
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
        match = _QUOTE.match(text) or (None if _THEMATIC.match(text) else _LIST_ITEM.match(text))
        if match is None:
            break
        text = text[match.end() :]
    if _is_blank(text) or _indent(text)[0] >= 4 or _fence(text) or _html_line(text):
        return False
    return not (_ATX.match(text) or _THEMATIC.match(text) or _COMMENT.match(text) or _DEFINITION.match(text))


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


def _normalize_label(label: str) -> str:
    return " ".join(label.split()).casefold()


# --- inlines --------------------------------------------------------------------------------------------


def _render(leaf: _Leaf, definitions: set[str]) -> Block:
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
        self.no_code_closer: dict[int, int] = {}  # run length -> from where no closing run exists
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
        if following and following in _ASCII_PUNCTUATION:  # an escape: keep the character only
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
        if end >= self.no_code_closer.get(length, len(source) + 1):
            return end
        closer = re.compile(rf"(?<!`)`{{{length}}}(?!`)").search(source, end)
        if closer is None:  # no closing run: the backticks are text
            self.no_code_closer[length] = end
            return end
        self._cut(position, closer.end())
        self._add(position, position + 1, OPAQUE)
        return closer.end()

    def _angle(self, position: int) -> int:
        source = self.source
        if source.startswith("<!--", position):
            close = -1 if self.no_comment_end else source.find("-->", position + 4)
            if close < 0:
                self.no_comment_end = True
                return position + 1
            self._cut(position, close + 3)
            return close + 3
        if match := _AUTOLINK.match(source, position):
            self._cut(position, match.end())
            self._add(position, position + 1, OPAQUE)
            return match.end()
        if match := _TAG.match(source, position):
            self._cut(position, match.end())
            return match.end()
        return position + 1

    def _entity(self, position: int) -> int:
        match = _ENTITY.match(self.source, position)
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
        if match := _URL.match(source, position):
            end = match.end()
            unbalanced = source.count(")", position, end) - source.count("(", position, end)
            while end > position and (source[end - 1] in _URL_TRAILING or (source[end - 1] == ")" and unbalanced > 0)):
                unbalanced -= source[end - 1] == ")"
                end -= 1
            if end <= match.end(1):  # nothing left after "www." or "https://"
                end = None
        if end is None and before not in _EMAIL_CHARS and (match := _EMAIL.match(source, position)):
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
        if match := _INLINE_LINK.match(source, after):
            return match.end()
        reference = _REFERENCE.match(source, after)
        if reference is not None and reference.group(1).strip():  # [text][ref]
            return reference.end() if _normalize_label(reference.group(1)) in self.definitions else None
        label = source[opener.inner : position] if position - opener.inner <= _MAX_LABEL else ""
        if label and _normalize_label(label) in self.definitions:  # [text][] or [text]
            return reference.end() if reference is not None else after
        return None

    def _emphasis(self, bottom: int) -> None:
        """Pair the delimiters from index ``bottom`` on (CommonMark's "process emphasis"), then forget them."""
        stack = self.delimiters[bottom:]
        del self.delimiters[bottom:]
        floors: dict[tuple[str, bool, int], int] = {}  # no opener for such a closer at or below this order
        current = 0
        while current < len(stack):
            closer = stack[current]
            if not closer.can_close:
                current += 1
                continue
            key = (closer.char, closer.can_open, closer.length % 3)
            floor = floors.get(key, -1)
            candidate = current - 1
            while candidate >= 0 and stack[candidate].order > floor and not self._pairs(stack[candidate], closer):
                candidate -= 1
            if candidate < 0 or stack[candidate].order <= floor:
                floors[key] = stack[current - 1].order if current else -1
                if closer.can_open:
                    current += 1
                else:
                    del stack[current]
                continue
            opener = stack[candidate]
            used = 2 if opener.count >= 2 and closer.count >= 2 else 1
            opener.node[1] -= used
            closer.node[0] += used
            del stack[candidate + 1 : current]  # delimiters in between stay text
            current = candidate + 1
            if opener.count == 0:
                del stack[candidate]
                current = candidate
            if closer.count == 0:
                del stack[current]

    def _pairs(self, opener: _Delimiter, closer: _Delimiter) -> bool:
        if not _pairs(opener, closer):
            return False
        if opener.char == "*" and min(opener.count, closer.count) == 1:  # italics, not two placeholders
            return _CLAUSE_PUNCTUATION.search(self.source, opener.node[1], closer.node[0]) is None
        return True


_CLAUSE_PUNCTUATION = re.compile(r"[，。；：！？]")


def _pairs(opener: _Delimiter, closer: _Delimiter) -> bool:
    if opener.char != closer.char or not opener.can_open:
        return False
    if opener.char != "~" and (opener.can_close or closer.can_open) and (opener.length + closer.length) % 3 == 0:
        return opener.length % 3 == 0 and closer.length % 3 == 0  # the rule of 3
    return True


def _is_ascii_alnum(char: str) -> bool:
    return char.isascii() and char.isalnum()
