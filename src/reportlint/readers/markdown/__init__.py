"""Markdown drafts (.md): the prose of the file, every character of it mapped back to its line and column.

Rules only ever see prose. What becomes of the Markdown:

* Blocks (``Block.kind``): ATX (``# 一、总体要求``) and setext headings are ``heading``; the first paragraph of
  a list item is ``list-item`` (a bullet ``-``/``*``/``+`` is dropped, an ordered item keeps its enumerator
  ``1.``/``1)`` because outline rules check it; an ordered item whose first block is not a paragraph gets a
  block of its own holding just the enumerator); each cell of a GFM table is a ``table-cell``; every other
  paragraph, in block quotes and list items too, is a ``paragraph``. The lines of a paragraph are joined by a
  synthetic ``"\n"`` anchored on the last character of the line it ends (not after it: a span that ends
  with the line break then ends at the end of that line, inside the source).
  A line that opens with a Chinese outline marker (``一、`` ``（一）`` ``(2)`` ``1.加强`` ``①``) starts a paragraph
  of its own, as in the Word drafts a Markdown file stands for (CommonMark would join it to the line before).
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

from reportlint.document import Block, Comment
from reportlint.readers.markdown.blocks import BlockParser, Line
from reportlint.readers.markdown.inlines import render


def markdown_blocks(lines: list[str], comments: list[Comment] | None = None) -> list[Block]:
    """The prose blocks of a Markdown file, given its lines without line endings (line N is ``lines[N-1]``).

    HTML comments that open a line are not prose; when ``comments`` is given they are appended to it (they
    may carry ``reportlint-disable`` directives)."""
    skipped = _front_matter_length(lines)
    parser = BlockParser(comments if comments is not None else [])
    leaves = parser.parse([Line(number, 0, text) for number, text in enumerate(lines[skipped:], skipped + 1)])
    blocks = (render(leaf, parser.definitions) for leaf in leaves)
    return [block for block in blocks if block.text.strip()]


def _front_matter_length(lines: list[str]) -> int:
    """Number of lines of YAML (``---``) or TOML (``+++``) front matter at the top; 0 if there is none."""
    closers = {"---": ("---", "..."), "+++": ("+++",)}.get(lines[0].rstrip()) if lines else None
    if closers:
        for index in range(1, len(lines)):
            if lines[index].rstrip() in closers:
                return index + 1
    return 0
