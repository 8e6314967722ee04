"""Plain-text reader: encodings detected without a flag, forced encodings, line endings, read errors."""

from __future__ import annotations

import codecs

import pytest

from reportlint.analysis.placeholders import placeholders
from reportlint.findings import Position
from reportlint.readers import ReadError, read_bytes, read_path

DRAFT = "标题\n全年完成投资xx亿元。\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (DRAFT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + DRAFT.encode("utf-8"), "utf-8-sig"),
        (DRAFT.encode("gb18030"), "gb18030"),
        (DRAFT.encode("gbk"), "gb18030"),
        (DRAFT.encode("utf-16"), "utf-16"),
    ],
    ids=["utf-8", "utf-8-bom", "gb18030", "gbk", "utf-16-bom"],
)
def test_encodings_are_detected_and_positions_are_in_characters(data, encoding):
    document = read_bytes(data, "a.txt", "txt")
    assert document.encoding == encoding
    assert document.lines == ["标题", "全年完成投资xx亿元。"]
    (found,) = document.analysis(placeholders)
    # The BOM is not a character of line 1; "xx" starts at the 7th character of line 2.
    assert found.block.position(found.start) == Position(2, 7)
    assert found.block.end_position(found.end) == Position(2, 9)


@pytest.mark.parametrize(("newline", "name"), [("\n", "lf"), ("\r\n", "crlf"), ("\r", "cr")])
def test_line_endings(newline, name):
    document = read_bytes(DRAFT.replace("\n", newline).encode("utf-8"), "a.txt", "txt")
    assert document.newline == newline
    assert document.lines == ["标题", "全年完成投资xx亿元。"]
    assert [block.line for block in document.blocks] == [1, 2]


def test_blank_lines_are_not_blocks_but_keep_line_numbers():
    document = read_bytes("一\n\n   \n二\n".encode(), "a.txt", "txt")
    assert [(block.line, block.text) for block in document.blocks] == [(1, "一"), (4, "二")]


def test_forced_encoding():
    data = DRAFT.encode("gb18030")
    assert read_bytes(data, "a.txt", "txt", encoding="gb18030").lines[1] == "全年完成投资xx亿元。"
    with pytest.raises(ReadError, match="无法读取：不是有效的 utf-8 文本"):
        read_bytes(data, "a.txt", "txt", encoding="utf-8")
    with pytest.raises(ReadError, match="无法读取：未知的编码“klingon”"):
        read_bytes(data, "a.txt", "txt", encoding="klingon")


def test_undecodable_and_binary_input_are_read_errors():
    with pytest.raises(ReadError, match="无法读取：既不是 UTF-8 也不是 GB18030 编码"):
        read_bytes(b"abc\x80\xffdef", "a.txt", "txt")
    with pytest.raises(ReadError, match="无法读取：二进制文件"):
        read_bytes(b"PK\x03\x04\x00\x00binary", "a.txt", "txt")


def test_empty_file():
    document = read_bytes(b"", "a.txt", "txt")
    assert document.blocks == [] and document.lines == []


def test_unreadable_paths(tmp_path):
    with pytest.raises(ReadError, match="无法读取：这是一个目录"):
        read_path(tmp_path)
    with pytest.raises(ReadError, match="无法读取"):
        read_path(tmp_path / "missing.txt")
