"""Plain-text drafts: encoding detection (UTF-8, UTF-8 with BOM, UTF-16 with BOM, GB18030/GBK) and
line splitting (LF, CRLF, CR). One line of the file is one paragraph.
"""

from __future__ import annotations

import codecs

from reportlint.readers import ReadError

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
#: Tried in order when no encoding is forced and the file has no byte-order mark. GB18030 is a superset of
#: GBK and GB2312, the encodings of drafts saved by Chinese Windows and older WPS.
_DETECTED = ("utf-8", "gb18030")


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str, str | None, list[str]]:
    """Return (text, encoding used, newline style or None, lines without their line endings)."""
    text, used = _decode(data, encoding)
    return text, used, _newline_style(text), split_lines(text)


def _decode(data: bytes, encoding: str | None) -> tuple[str, str]:
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise ReadError(f"无法读取：未知的编码“{encoding}”") from None
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError as error:
            raise ReadError(
                f"无法读取：不是有效的 {encoding} 文本（偏移 {error.start} 处有无法解码的字节）；请检查 --encoding"
            ) from None
        except LookupError:  # a codec that is not a text encoding: rot13, hex, base64 …
            raise ReadError(f"无法读取：“{encoding}”不是文本编码") from None
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as error:
                raise ReadError(f"无法读取：不是有效的 {name} 文本（偏移 {error.start} 处有无法解码的字节）") from None
    if b"\x00" in data:
        raise ReadError("无法读取：二进制文件（含 NUL 字节），不是文本草稿")
    for name in _DETECTED:
        try:
            return data.decode(name), name
        except UnicodeDecodeError:
            continue
    raise ReadError("无法读取：既不是 UTF-8 也不是 GB18030 编码；请用 --encoding 指定文件的编码")


def _newline_style(text: str) -> str | None:
    for newline in ("\r\n", "\n", "\r"):
        if newline in text:
            return newline
    return None


def split_lines(text: str) -> list[str]:
    """Split on LF, CRLF and CR only (not on the other breaks str.splitlines knows, such as U+2028,
    which editors do not count as new lines)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines
