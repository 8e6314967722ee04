"""PUN009 trailing-whitespace: Whitespace at the end of a line (incl. U+00A0, U+3000)."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from reportlint.document import Document
from reportlint.findings import Severity
from reportlint.rule import Case, Hit, Rule


class TrailingWhitespace(Rule):
    """Finds whitespace at the end of a line: spaces, tabs, no-break spaces (U+00A0) and ideographic spaces
    (U+3000).

    Why: invisible in print but not harmless: it travels into the next document and breaks searches and
    comparisons of versions; a no-break space often marks text pasted from a web page.

    Ideographic spaces that indent a paragraph (``　　``) are at its start and are fine. In Markdown, two or
    more spaces before a line break make a hard line break and are left alone. In Word documents a line
    ends where a paragraph or a manual line break ends.

    Silence it: delete the whitespace (most editors can do it on save); ``ignore = ["PUN009"]``.
    """

    code = "PUN009"
    name = "trailing-whitespace"
    severity = Severity.INFO
    summary = "Whitespace at the end of a line (incl. U+00A0, U+3000)"
    flags = (Case("扎实推进园区各项重点工作。⟦  ⟧\n下一行。", fix=""),)
    passes = ("\u3000\u3000扎实推进园区各项重点工作。\n下一行。",)

    #: Starts only where a run of whitespace starts and never backtracks into it: linear in the text.
    _TRAILING = regex.compile(r"(?<![ \t\u00a0\u3000])[ \t\u00a0\u3000]++(?=[\n\u2028]|$)")

    def check(self, document: Document) -> Iterator[Hit]:
        markdown = document.format == "md"
        for block in document.blocks:
            text = block.text
            if not text[-1].isspace() and "\n" not in text and "\u2028" not in text:
                continue
            indent = len(text) - len(text.lstrip())  # once per block, not a slice of the text per match
            for match in self._TRAILING.finditer(text):
                start, end = match.span()
                if markdown and end < len(text) and match.group().startswith("  ") and match.group().isascii():
                    continue  # a Markdown hard line break
                if start <= indent:
                    continue  # nothing on the line before it
                yield Hit(block, start, end, "行末多余的空白：请删除", replacement="")
