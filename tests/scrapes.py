"""The published texts under ``../shared/data/`` as a draft would hold them: the forms of the scrapes undone, one
paragraph per line. Plain functions without test machinery, so that ``bench/quality.py`` measures the text the
tests measure.

* The Wikisource scrapes (State Council and CPC congress reports) separate paragraphs with blank lines and break
  lines inside a paragraph where a wiki link, a bold quotation or a subscript was (``《`` / title / ``》``,
  ``（PM`` / ``2.5`` / ``）``), or where an element was dropped (a line holding only U+200B): the lines
  of one block are joined.
* The central documents are one paragraph per line already.
* The 2020 speeches lost their line breaks; where the paragraph starts survive as ``\\u3000\\u3000`` they are
  split there. The newspaper's page furniture is taken out: photo credits run into the text (``……。 新华社记者
  NAME/摄第一，……``) and the source line (``《 人民日报 》（ 2020年01月01日 01 版）``), padded with spaces.
"""

from __future__ import annotations

import re

_BLANK_LINE = re.compile(r"\n[ \t\u3000]*\n")
_SPACE = "[ \u3000]*"
#: A photo credit or the source line of a newspaper page.
_FURNITURE = re.compile(
    f"{_SPACE}新华社(?:记者|发){_SPACE}[^\\s/。]{{1,12}}/摄"
    f"|{_SPACE}《{_SPACE}人民日报{_SPACE}》（{_SPACE}\\d{{4}}年\\d{{1,2}}月\\d{{1,2}}日{_SPACE}\\d{{1,2}}{_SPACE}版{_SPACE}）"
)


def wikisource_paragraphs(text: str) -> str:
    """A Wikisource scrape with the lines of each blank-line separated block joined."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks = ("".join(line.strip() for line in block.split("\n")) for block in _BLANK_LINE.split(text))
    return "\n".join(block for block in blocks if block) + "\n"


def speech_paragraphs(text: str) -> str:
    """A 2020 speech split where its paragraphs started, without the newspaper's page furniture."""
    paragraphs = [paragraph.strip() for paragraph in _FURNITURE.sub("", text).split("\u3000\u3000")]
    return "\n".join(paragraph for paragraph in paragraphs if paragraph) + "\n"


def document_lines(text: str) -> str:
    """A central document with its line ends made LF."""
    return text.replace("\r\n", "\n")
