"""Where a person finds a finding: the page and the line on it in a PDF; in a Word document (and in the
formats converted to one) the heading the paragraph sits under and the first words of the paragraph, since
Word shows neither paragraph numbers nor line numbers."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable

from reportlint.analysis.outline import outline
from reportlint.document import Document
from reportlint.findings import Finding, Place
from reportlint.readers import TEXT_FORMATS

#: Characters of a paragraph's start, and of a heading, shown before an ellipsis.
LEAD = 14
HEADING = 20


def attach_places(document: Document, findings: list[Finding]) -> None:
    """Set ``place`` on the findings of ``document`` that lie in it (not on their related places)."""
    place = place_finder(document)
    if place is None:
        return
    for finding in findings:
        if finding.path == document.path:
            finding.place = place(finding.start.line)


def place_finder(document: Document) -> Callable[[int], Place | None] | None:
    """A function from a line of ``document`` to its :class:`Place`; None for text files (line is enough)."""
    if document.pages is not None:
        return _pdf_places(document.pages)
    if document.format in TEXT_FORMATS:
        return None
    return _paragraph_places(document)


def _pdf_places(pages: list[int]) -> Callable[[int], Place | None]:
    first_line: dict[int, int] = {}
    for number, page in enumerate(pages, 1):
        first_line.setdefault(page, number)

    def place(line: int) -> Place | None:
        if not 0 < line <= len(pages):
            return None
        page = pages[line - 1]
        return Place(page=page, page_line=line - first_line[page] + 1)

    return place


def _paragraph_places(document: Document) -> Callable[[int], Place | None]:
    headed = {block.line: block.text for block in document.blocks if block.kind == "heading"}
    for heading in document.analysis(outline).headings:
        block = heading.marker.block
        headed.setdefault(block.line, block.text)
    lines = sorted(headed)
    lines_text = document.lines

    def place(line: int) -> Place | None:
        if not 0 < line <= len(lines_text):
            return None
        index = bisect_left(lines, line) - 1  # the nearest heading above the paragraph
        heading = _shortened(headed[lines[index]], HEADING) if index >= 0 else None
        return Place(heading=heading, lead=_shortened(lines_text[line - 1], LEAD) or None)

    return place


def _shortened(text: str, length: int) -> str:
    text = " ".join(text.split())  # line breaks and tabs inside a paragraph shown as spaces
    return text if len(text) <= length else text[:length] + "…"
