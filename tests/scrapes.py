"""The published texts under ``../shared/data/`` as a draft would hold them: the forms of the scrapes undone, one
paragraph per line. Plain functions without test machinery, so that ``bench/quality.py`` measures the text the
tests measure.

* The Wikisource scrapes (State Council and CPC congress reports) separate paragraphs with blank lines and break
  lines inside a paragraph where a wiki link, a bold quotation or a subscript was (``《`` / title / ``》``,
  ``（PM`` / ``2.5`` / ``）``), or where an element was dropped (a line holding only U+200B): the lines
  of one block are joined.
* The central documents are one paragraph per line already.
* The 2020 speeches lost their line breaks; where the paragraph starts survive as ``\\u3000\\u3000`` they are
  split there.
"""

from __future__ import annotations

import re

_BLANK_LINE = re.compile(r"\n[ \t\u3000]*\n")


def wikisource_paragraphs(text: str) -> str:
    """A Wikisource scrape with the lines of each blank-line separated block joined."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks = ("".join(line.strip() for line in block.split("\n")) for block in _BLANK_LINE.split(text))
    return "\n".join(block for block in blocks if block) + "\n"


def speech_paragraphs(text: str) -> str:
    """A 2020 speech split where its paragraphs started."""
    paragraphs = [paragraph.strip() for paragraph in text.split("\u3000\u3000")]
    return "\n".join(paragraph for paragraph in paragraphs if paragraph) + "\n"


def document_lines(text: str) -> str:
    """A central document with its line ends made LF."""
    return text.replace("\r\n", "\n")
