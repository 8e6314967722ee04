"""Readers turn a file (or stdin) into a :class:`~reportlint.document.Document`; one module per format.

Readers never judge the text. A file that cannot be read raises :class:`ReadError`, which the command line
reports as ``RL001`` on stderr before going on with the other files.
"""

from __future__ import annotations

from pathlib import Path

from reportlint.codes import READ_ERROR
from reportlint.document import Comment, Document, blocks_from_lines
from reportlint.storage.files import read_regular
from reportlint.storage.oserrors import reason

#: Formats by file suffix; anything else given explicitly is read as plain text.
FORMATS = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".docx": "docx",
    ".doc": "doc",
    ".wps": "wps",
    ".odt": "odt",
    ".rtf": "rtf",
    ".pdf": "pdf",
}
#: Formats that LibreOffice converts to .docx before they are read (:mod:`reportlint.readers.office`).
CONVERTED = frozenset({"doc", "wps", "odt", "rtf"})
#: Formats whose bytes are the text: the only ones ``--fix`` rewrites.
TEXT_FORMATS = frozenset({"txt", "md"})


class ReadError(Exception):
    """A file that cannot be read or decoded. ``str()`` is the user-facing reason."""

    code = READ_ERROR


def format_of(path: str | Path) -> str:
    return FORMATS.get(Path(path).suffix.lower(), "txt")


def read_bytes(data: bytes, display_path: str, fmt: str, encoding: str | None = None) -> Document:
    """Build a Document from raw bytes in format ``fmt`` (a value of :data:`FORMATS`)."""
    if fmt == "docx":
        from reportlint.readers.docx import read_docx  # python-docx is slow to import: only when needed

        return read_docx(data, display_path)
    if fmt in CONVERTED:
        from reportlint.readers.docx import read_docx
        from reportlint.readers.office import convert_to_docx

        document = read_docx(convert_to_docx(data, fmt), display_path)
        document.format = fmt
        return document
    if fmt == "pdf":
        from reportlint.readers.pdf import read_pdf

        return read_pdf(data, display_path)
    from reportlint.readers.text import decode

    text, encoding_used, newline, lines = decode(data, encoding)
    comments: list[Comment] = []
    if fmt == "md":
        from reportlint.readers.markdown import markdown_blocks

        blocks = markdown_blocks(lines, comments)
    else:
        blocks = blocks_from_lines(lines)
    return Document(display_path, fmt, blocks, lines, encoding_used, newline, comments)


def read_file(path: Path) -> bytes:
    """The bytes of a regular file: a pipe or a device such as /dev/zero, which would block or never end, is
    refused before anything is read (:func:`~reportlint.storage.files.read_regular`)."""
    try:
        return read_regular(path, None)
    except IsADirectoryError:
        raise ReadError("无法读取：这是一个目录") from None
    except OSError as error:
        raise ReadError(f"无法读取：{reason(error)}") from None


def read_path(path: Path, display_path: str | None = None, encoding: str | None = None) -> Document:
    return read_bytes(read_file(path), display_path or str(path), format_of(path), encoding)
