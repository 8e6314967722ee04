"""Word drafts (.docx): the body's paragraphs in reading order, tables included.

What is read: every paragraph of the document body, in the order of the XML. A table is read row by row,
cell by cell, each cell's paragraphs in order and nested tables recursively. A merged cell is read once:
a horizontal merge is a single ``w:tc``, and the cells below the first one of a vertical merge
(``w:vMerge`` continue) are the cell python-docx repeats in ``row.cells``, so they are skipped. Paragraphs
inside content controls (``w:sdt``) and custom-XML wrappers are read where they stand.

What is not read: headers, footers, footnotes, endnotes, comments, text boxes and shapes, and imported
chunks (``w:altChunk``).

Numbering: line N is the Nth paragraph in that order, empty paragraphs included, so the numbers are
stable; column is the 1-based character offset in the paragraph's text. ``Document.lines`` holds every
paragraph's text and ``Document.blocks`` one block per non-blank paragraph (``table-cell`` inside a table,
``heading`` for the Heading/标题/Title styles, otherwise ``paragraph``).

Paragraph text is what python-docx's ``paragraph.text`` gives (``w:t``, tabs as ``\\t``, ``w:noBreakHyphen``
as ``-``, page and column breaks as nothing), with two differences: text inside tracked insertions, content
controls, smart tags and simple fields is included, and tracked deletions are not (the text as it reads
with all changes accepted); and a line break (``w:br``, ``w:cr``) becomes U+2028 LINE SEPARATOR instead of
``\\n``, one character that keeps the columns aligned and line N = paragraph N (``split_lines`` never
splits on it).

Import cost: this module imports only the standard library; python-docx is imported inside
:func:`read_docx`, and ``reportlint.readers`` imports this module only for .docx files.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from collections.abc import Iterator
from typing import Any
from xml.etree import ElementTree

from reportlint.document import Block, Document
from reportlint.readers import ReadError

#: Refuse a main document part larger than this, uncompressed (a zip bomb, or not a report).
MAX_DOCUMENT_XML_SIZE = 100 * 1024 * 1024
#: Refuse an archive whose members add up to more than this, uncompressed.
MAX_TOTAL_SIZE = 500 * 1024 * 1024
#: The line separator that stands in for a line break inside a paragraph.
LINE_SEPARATOR = "\u2028"

#: How Word compresses the parts of a .docx. Others are refused unread: zipfile inflates a bzip2 or LZMA chunk
#: in one call, whatever the declared size (a 36 kB file took 600 MB before its CRC failed).
_COMPRESSIONS = frozenset({zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED})
#: Bytes inflated at a time while measuring the members.
_CHUNK = 1024 * 1024
_DEFAULT_MAIN_PART = "word/document.xml"
_MAX_RELS_SIZE = 1024 * 1024
#: Password-protected Office files and old binary .doc files are OLE2 compound files, not zip archives.
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_WORD_DOCUMENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_STRICT_RELATIONSHIP = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_BODY, _P, _TBL, _TR, _TC, _R = (f"{_W}{name}" for name in ("body", "p", "tbl", "tr", "tc", "r"))
_T, _TAB, _PTAB, _BR, _CR, _NO_BREAK_HYPHEN = (
    f"{_W}{name}" for name in ("t", "tab", "ptab", "br", "cr", "noBreakHyphen")
)
_VAL, _TYPE = f"{_W}val", f"{_W}type"
_STYLE_PATH, _VMERGE_PATH = f"{_W}pPr/{_W}pStyle", f"{_W}tcPr/{_W}vMerge"
#: Block-level and row-level wrappers whose content stands in place of the wrapper.
_BLOCK_WRAPPERS = frozenset(f"{_W}{name}" for name in ("sdt", "sdtContent", "customXml"))
#: Inline wrappers whose runs are part of the paragraph text (``w:del`` and ``w:moveFrom`` are not).
_INLINE_WRAPPERS = frozenset(
    f"{_W}{name}"
    for name in ("hyperlink", "ins", "moveTo", "smartTag", "customXml", "fldSimple", "sdt", "sdtContent", "dir", "bdo")
)
#: Literal line feeds in a ``w:t`` (rare) are line breaks too.
_BREAKS = {ord("\n"): LINE_SEPARATOR, ord("\r"): LINE_SEPARATOR}
_HEADING_PREFIXES = ("heading", "title", "标题")


#: The start of RL001's reasons for a file that is not a readable .docx, and what to do about it.
_INVALID = "无法读取：不是有效的 .docx 文件"
_SAVE_AS = "请在 Word/WPS 中另存为 .docx"


def read_docx(data: bytes, display_path: str) -> Document:
    """Read a .docx file's bytes; raise :class:`ReadError` for anything that is not a readable .docx."""
    main_part = _check_archive(data)
    body, styles = _open(data)
    try:
        paragraphs = list(_paragraphs(body, styles)) if body is not None else []
    except Exception as error:  # malformed content: the reader must only ever raise ReadError
        raise ReadError(f"{_INVALID}（{main_part} 读不出：{error}；{_SAVE_AS}）") from error
    lines: list[str] = []
    blocks: list[Block] = []
    for number, (text, kind) in enumerate(paragraphs, 1):
        lines.append(text)
        if text.strip():
            blocks.append(Block(text, kind, [(0, number, 1, False)]))
    return Document(display_path, "docx", blocks, lines, None, None)


def _check_archive(data: bytes) -> str:
    """Check the zip container before python-docx sees it; return the main document part's name."""
    if data.startswith(_OLE2_MAGIC):
        raise ReadError(
            "无法读取：不是 .docx 文件，而是 OLE2 文件（设了密码的文档，或改了扩展名的旧 .doc 文件）："
            "请去掉密码，或在 Word/WPS 中另存为 .docx"
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            if any(info.compress_type not in _COMPRESSIONS for info in infos):
                raise ReadError("拒绝读取：压缩包使用了 Word 不用的压缩方式（疑为压缩炸弹）")
            main_part = _main_part_name(archive)
            _check_declared_sizes(infos, main_part)
            try:
                _check_inflated_sizes(archive, infos, main_part)
            except (zipfile.BadZipFile, EOFError, ValueError, OSError, zlib.error, NotImplementedError) as error:
                raise ReadError(f"{_INVALID}（{type(error).__name__}：{error}；{_SAVE_AS}）") from None
    except (zipfile.BadZipFile, EOFError, ValueError, OSError):
        raise ReadError(f"{_INVALID}（不是 zip 压缩包；{_SAVE_AS}）") from None
    return main_part


def _check_declared_sizes(infos: list[zipfile.ZipInfo], main_part: str) -> None:
    sizes = {info.filename: info.file_size for info in infos}
    if main_part not in sizes:
        raise ReadError(f"{_INVALID}（缺少 {main_part}；{_SAVE_AS}）")
    if "[Content_Types].xml" not in sizes:
        raise ReadError(f"{_INVALID}（缺少 [Content_Types].xml；{_SAVE_AS}）")
    if any(info.flag_bits & 0x1 for info in infos):
        raise ReadError(f"{_INVALID}（压缩包已加密；请去掉密码后另存为 .docx）")
    if sizes[main_part] > MAX_DOCUMENT_XML_SIZE:
        size, limit = _mb(sizes[main_part]), _mb(MAX_DOCUMENT_XML_SIZE)
        raise ReadError(f"拒绝读取：{main_part} 解压后为 {size}（上限 {limit}；疑为压缩炸弹）")
    total = sum(info.file_size for info in infos)
    if total > MAX_TOTAL_SIZE:
        raise ReadError(f"拒绝读取：压缩包解压后为 {_mb(total)}（上限 {_mb(MAX_TOTAL_SIZE)}；疑为压缩炸弹）")


def _check_inflated_sizes(archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo], main_part: str) -> None:
    """Inflate every member in chunks, counting the bytes actually produced (the headers may understate
    them), and stop past the limits: the main part at :data:`MAX_DOCUMENT_XML_SIZE`, all together at
    :data:`MAX_TOTAL_SIZE`. A member longer than its header says fails its CRC check (BadZipFile)."""
    total = 0
    for info in infos:
        limit = MAX_DOCUMENT_XML_SIZE if info.filename == main_part else MAX_TOTAL_SIZE
        size = 0
        with archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                size += len(chunk)
                total += len(chunk)
                if size > limit or total > MAX_TOTAL_SIZE:
                    raise ReadError(
                        f"拒绝读取：{info.filename} 解压后超过 {_mb(min(limit, MAX_TOTAL_SIZE))}（疑为压缩炸弹）"
                    )


def _main_part_name(archive: zipfile.ZipFile) -> str:
    """The target of the package's officeDocument relationship: ``word/document.xml`` as Word writes it,
    ``word/document2.xml`` from Word Online. Falls back to ``word/document.xml`` (python-docx reports a
    broken ``_rels/.rels``)."""
    try:
        info = archive.getinfo("_rels/.rels")
        if info.file_size > _MAX_RELS_SIZE or info.flag_bits & 0x1:
            return _DEFAULT_MAIN_PART
        root = ElementTree.fromstring(archive.read(info))
    except (KeyError, ElementTree.ParseError, zipfile.BadZipFile, zlib.error, NotImplementedError, EOFError):
        return _DEFAULT_MAIN_PART
    for relationship in root:
        kind = relationship.get("Type", "")
        if kind.endswith("/officeDocument") and relationship.get("TargetMode") != "External":
            if kind == _STRICT_RELATIONSHIP:
                raise ReadError(f"无法读取：不支持 Strict Open XML 格式的文档（{_SAVE_AS}）")
            target = posixpath.normpath("/" + relationship.get("Target", "")).lstrip("/")
            return target or _DEFAULT_MAIN_PART
    return _DEFAULT_MAIN_PART


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB"


def _open(data: bytes) -> tuple[Any, dict[str, str]]:
    """Parse the package with python-docx; return the ``w:body`` element (or None) and style names by id."""
    try:
        from docx.package import Package  # python-docx: imported only when a .docx is read

        part = Package.open(io.BytesIO(data)).main_document_part
        if part.content_type != _WORD_DOCUMENT:
            raise ReadError(f"无法读取：不是 Word 文档（主体部分是 {part.content_type}；{_SAVE_AS}）")
        root = part.element
        if root.tag != f"{_W}document":
            raise ReadError(f"{_INVALID}（主体部分不是 Word 文档；{_SAVE_AS}）")
        styles = {
            style.get(f"{_W}styleId", ""): name.get(_VAL, "")
            for style in part.styles.element.iterfind(f"{_W}style")
            if (name := style.find(f"{_W}name")) is not None
        }
        return root.find(_BODY), styles
    except ReadError:
        raise
    except Exception as error:  # python-docx raises KeyError, ValueError, lxml errors, zip errors...
        raise ReadError(f"{_INVALID}（{type(error).__name__}：{error}；{_SAVE_AS}）") from error


def _unwrapped(element: Any) -> Iterator[Any]:
    """The children of ``element``, with content controls and custom-XML wrappers replaced by their content."""
    for child in element:
        if child.tag in _BLOCK_WRAPPERS:
            yield from _unwrapped(child)
        else:
            yield child


def _paragraphs(body: Any, styles: dict[str, str]) -> Iterator[tuple[str, str]]:
    """(text, kind) of every paragraph of the body, in reading order."""
    for paragraph, in_table in paragraph_elements(body):
        yield paragraph_text(paragraph), "table-cell" if in_table else _paragraph_kind(paragraph, styles)


def paragraph_elements(container: Any, in_table: bool = False) -> Iterator[tuple[Any, bool]]:
    """Every paragraph (``w:p``) of ``container`` (the body or a table cell) in reading order, with whether it
    lies in a table: paragraph N of this order is line N (``reportlint annotate`` walks the same order)."""
    for child in _unwrapped(container):
        if child.tag == _P:
            yield child, in_table
        elif child.tag == _TBL:
            for row in _unwrapped(child):
                if row.tag != _TR:
                    continue
                for cell in _unwrapped(row):
                    if cell.tag == _TC and not _continues_vertical_merge(cell):
                        yield from paragraph_elements(cell, in_table=True)


def _continues_vertical_merge(cell: Any) -> bool:
    """A cell below the first one of a vertical merge: its content is the first cell's, already read."""
    merge = cell.find(_VMERGE_PATH)
    return merge is not None and merge.get(_VAL, "continue") == "continue"


def _paragraph_kind(paragraph: Any, styles: dict[str, str]) -> str:
    style = paragraph.find(_STYLE_PATH)
    name = styles.get(style.get(_VAL, ""), "") if style is not None else ""
    return "heading" if name.casefold().startswith(_HEADING_PREFIXES) else "paragraph"


def paragraph_text(paragraph: Any) -> str:
    """The text of a ``w:p`` element, as described in the module doc string."""
    return "".join(text for run in text_runs(paragraph) for _, text in run_pieces(run))


def text_runs(element: Any) -> Iterator[Any]:
    """The runs (``w:r``) whose text makes up the paragraph's text, in order (tracked deletions left out)."""
    for child in element:
        if child.tag == _R:
            yield child
        elif child.tag in _INLINE_WRAPPERS:
            yield from text_runs(child)


def run_pieces(run: Any) -> Iterator[tuple[Any, str]]:
    """Every child of a run with the text it adds to the paragraph ("" for properties, page breaks, drawings)."""
    for child in run:
        tag = child.tag
        if tag == _T:
            yield child, (child.text or "").translate(_BREAKS)
        elif tag == _TAB or tag == _PTAB:
            yield child, "\t"
        elif tag == _BR:
            yield child, LINE_SEPARATOR if child.get(_TYPE, "textWrapping") == "textWrapping" else ""
        elif tag == _CR:
            yield child, LINE_SEPARATOR
        elif tag == _NO_BREAK_HYPHEN:
            yield child, "-"
        else:
            yield child, ""
