"""PDF drafts with a text layer (exported from Word or WPS): the text of every page, line by line, with the
page each line is on, read with pdfminer.six (the ``pdf`` extra, imported only when a PDF is read).

Numbering: line N is the Nth line of text of the whole file, in pdfminer's reading order (page by page; on a
page, text box by text box), and ``Document.pages`` says which page it is on, so that findings can be shown
as 第N页第M行. A block is a paragraph: the lines of one text box, joined (a Chinese line wraps without a
space), up to a line that ends short or before a line that is indented (首行缩进). Column is the 1-based
character in the line.

A PDF without text (a scan) or whose fonts map to no characters cannot be linted: it is reported (RL001).
So is an encrypted PDF, or one pdfminer cannot parse.
"""

from __future__ import annotations

import io
import logging
import re
import unicodedata
from typing import Any

from reportlint.document import Block, BlockBuilder, Document
from reportlint.readers import ReadError

#: pdfminer writes ``(cid:123)`` for a glyph its font maps to no character.
_UNMAPPED = re.compile(r"\(cid:\d+\)")
_NO_TEXT = "无法读取：这个 PDF 没有可读取的文字（可能是扫描件或图片）；请使用 Word/WPS 原稿（.docx），或先做文字识别"


def read_pdf(data: bytes, display_path: str) -> Document:
    try:
        from pdfminer.high_level import extract_pages
        from pdfminer.layout import LAParams
    except ModuleNotFoundError:
        raise ReadError(
            "无法读取 PDF：需要安装 pdfminer.six（pip install 'reportlint[pdf]'）；或改为检查 Word/WPS 原稿（.docx）"
        ) from None
    logging.getLogger("pdfminer").addHandler(logging.NullHandler())  # its warnings are not the user's business
    logging.getLogger("pdfminer").propagate = False
    lines: list[str] = []
    pages: list[int] = []
    blocks: list[Block] = []
    try:
        for page_number, page in enumerate(extract_pages(io.BytesIO(data), laparams=LAParams()), 1):
            for box in _text_boxes(page):
                blocks.extend(_paragraphs(box, page_number, lines, pages))
    except ReadError:
        raise
    except Exception as error:  # pdfminer raises its own errors, and KeyError, ValueError, struct.error …
        name = type(error).__name__
        if "Password" in name or "Encrypt" in name:
            raise ReadError("无法读取：PDF 设有密码或已加密；请使用未加密的 PDF 或 Word/WPS 原稿（.docx）") from None
        raise ReadError(f"无法读取：不是有效的 PDF 文件（{name}）") from None
    text = "".join(lines)
    visible = len(re.sub(r"\s", "", text))
    if visible == 0 or len("".join(_UNMAPPED.findall(text))) * 2 > visible:
        raise ReadError(_NO_TEXT)
    return Document(display_path, "pdf", blocks, lines, None, None, pages=pages)


def _text_boxes(container: Any) -> list[Any]:
    """The text boxes of a page, figures' included, in pdfminer's reading order."""
    from pdfminer.layout import LTFigure, LTTextBox

    boxes = []
    for element in container:
        if isinstance(element, LTTextBox):
            boxes.append(element)
        elif isinstance(element, LTFigure):
            boxes.extend(_text_boxes(element))
    return boxes


def _paragraphs(box: Any, page: int, lines: list[str], pages: list[int]) -> list[Block]:
    """The box's lines appended to ``lines`` (and their page to ``pages``), as paragraph blocks."""
    from pdfminer.layout import LTTextLine

    text_lines = [line for line in box if isinstance(line, LTTextLine)]
    blocks: list[Block] = []
    builder = BlockBuilder()
    previous: Any = None
    for line in text_lines:
        text = _line_text(line)
        lines.append(text)
        pages.append(page)
        number = len(lines)
        size = max(line.height, 1.0)  # about one character's width in CJK text
        if previous is not None and (previous.x1 < box.x1 - 1.5 * size or line.x0 > box.x0 + 1.5 * size):
            if builder:
                blocks.append(builder.build())
            builder = BlockBuilder()
        elif builder and _needs_space(lines[-2], text):
            builder.add(" ", number - 1, len(lines[-2]) + 1, synthetic=True)
        builder.add(text, number, 1)
        previous = line
    if builder:
        blocks.append(builder.build())
    return [block for block in blocks if block.text.strip()]


def _line_text(line: Any) -> str:
    """The characters of a text line. pdfminer adds a space (an ``LTAnno``, no glyph) wherever characters
    stand apart; beside a Chinese character that is the gap Word and WPS leave between Chinese and Latin
    text or figures (``投资 xx 亿元``), not a space of the draft, and it is left out."""
    from pdfminer.layout import LTAnno

    items = [(isinstance(item, LTAnno), item.get_text()) for item in line]
    pieces = []
    for index, (virtual, text) in enumerate(items):
        if virtual:
            if text in ("\n", "\r"):
                continue
            before = items[index - 1][1] if index else ""
            after = items[index + 1][1] if index + 1 < len(items) else ""
            if _wide(before[-1:]) or _wide(after[:1]):
                continue
        pieces.append(text)
    return "".join(pieces)


def _wide(char: str) -> bool:
    return bool(char) and unicodedata.east_asian_width(char) in ("W", "F")


def _needs_space(before: str, after: str) -> bool:
    """Whether two lines of one paragraph join with a space (Latin words), not directly (Chinese)."""
    return bool(before) and bool(after) and before[-1].isascii() and before[-1].isalnum() and after[0].isascii()
