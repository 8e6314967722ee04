"""The .docx reader: reading order, line numbering, block kinds, errors and the zip-bomb guard.

Every test document is built here with python-docx; the expected lines and positions are counted by hand
from the construction code.
"""

from __future__ import annotations

import io
import json
import random
import shutil
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from reportlint.analysis.placeholders import FIGURE, placeholders
from reportlint.findings import Position
from reportlint.readers import ReadError, read_bytes, read_path
from reportlint.readers.docx import LINE_SEPARATOR, read_docx

LS = LINE_SEPARATOR


def _bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _report():
    """The main fixture. Paragraph numbers (= line numbers) are in the comments."""
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "页眉XX公司"  # headers are not read
    document.add_heading("2023年工作总结", level=0)  # 1 (style Title)
    document.add_heading("一、主要工作", level=1)  # 2 (style Heading 1)
    document.add_paragraph("今年完成各项任务。")  # 3
    document.add_paragraph("")  # 4 (empty, still counted)
    document.add_paragraph("第一行\n第二行\t结束")  # 5 (python-docx writes w:br and w:tab)

    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "项目"  # 6 (horizontal merge: one w:tc, two grid cells)
    table.cell(0, 2).merge(table.cell(1, 2)).text = "备注"  # 7 (vertical merge, read once in row 0)
    table.cell(1, 0).text = "投资"  # 8
    table.cell(1, 1).text = "完成投资xx亿元"  # 9
    # python-docx repeats both merged cells in row.cells; the reader must not.
    assert table.rows[0].cells[0]._tc is table.rows[0].cells[1]._tc
    assert table.rows[1].cells[2]._tc is table.rows[0].cells[2]._tc

    outer = document.add_table(rows=1, cols=2)
    left = outer.cell(0, 0)
    left.text = "外层"  # 10
    inner = left.add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "内层甲"  # 11
    inner.cell(0, 1).text = "内层乙"  # 12
    # 13: the empty paragraph python-docx adds after a nested table (a cell must end with a paragraph)
    outer.cell(0, 1).text = "外层右"  # 14
    document.add_paragraph("以上。")  # 15
    return document


REPORT_LINES = [
    "2023年工作总结",
    "一、主要工作",
    "今年完成各项任务。",
    "",
    f"第一行{LS}第二行\t结束",
    "项目",
    "备注",
    "投资",
    "完成投资xx亿元",
    "外层",
    "内层甲",
    "内层乙",
    "",
    "外层右",
    "以上。",
]

REPORT_BLOCKS = [
    (1, "heading", "2023年工作总结"),
    (2, "heading", "一、主要工作"),
    (3, "paragraph", "今年完成各项任务。"),
    (5, "paragraph", f"第一行{LS}第二行\t结束"),
    (6, "table-cell", "项目"),
    (7, "table-cell", "备注"),
    (8, "table-cell", "投资"),
    (9, "table-cell", "完成投资xx亿元"),
    (10, "table-cell", "外层"),
    (11, "table-cell", "内层甲"),
    (12, "table-cell", "内层乙"),
    (14, "table-cell", "外层右"),
    (15, "paragraph", "以上。"),
]


@pytest.fixture
def report_path(tmp_path: Path) -> Path:
    path = tmp_path / "report.docx"
    _report().save(path)
    return path


def test_lines_are_every_paragraph_in_reading_order(report_path: Path) -> None:
    document = read_path(report_path)
    assert document.lines == REPORT_LINES


def test_blocks_are_the_non_empty_paragraphs_with_kinds(report_path: Path) -> None:
    document = read_path(report_path)
    assert [(block.line, block.kind, block.text) for block in document.blocks] == REPORT_BLOCKS
    assert [block.index for block in document.blocks] == list(range(len(REPORT_BLOCKS)))
    for block in document.blocks:
        assert block.runs == [(0, block.line, 1, False)]
        assert document.lines[block.line - 1] == block.text


def test_document_metadata(report_path: Path) -> None:
    document = read_bytes(report_path.read_bytes(), "drafts/report.docx", "docx")
    assert (document.path, document.format, document.encoding, document.newline) == (
        "drafts/report.docx",
        "docx",
        None,
        None,
    )


def test_header_is_not_read(report_path: Path) -> None:
    document = read_path(report_path)
    assert not any("页眉" in line for line in document.lines)


def test_placeholder_in_a_table_cell_is_found_at_its_paragraph_and_column(report_path: Path) -> None:
    document = read_path(report_path)
    found = document.analysis(placeholders)
    assert len(found) == 1  # the header's XX公司 is not read
    (placeholder,) = found
    assert placeholder.block.kind == "table-cell"
    assert placeholder.block.text[placeholder.start : placeholder.end] == "xx"
    assert placeholder.kind == FIGURE
    # 完成投资xx亿元: 完1 成2 投3 资4 x5 x6, in paragraph 9
    assert placeholder.block.position(placeholder.start) == Position(9, 5)
    assert placeholder.block.end_position(placeholder.end) == Position(9, 7)


def test_line_break_is_one_character_so_columns_stay_aligned() -> None:
    document = docx.Document()
    document.add_paragraph("总体情况")
    paragraph = document.add_paragraph("第一行")
    paragraph.add_run().add_break()  # a soft line break (Shift+Enter)
    paragraph.add_run("增长xx%")
    result = read_docx(_bytes(document), "a.docx")
    assert result.lines == ["总体情况", f"第一行{LS}增长xx%"]
    (placeholder,) = result.analysis(placeholders)
    # 第1 一2 行3 <break>4 增5 长6 x7
    assert placeholder.block.position(placeholder.start) == Position(2, 7)


def test_page_break_adds_no_character() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("前")
    paragraph.add_run().add_break(WD_BREAK.PAGE)
    paragraph.add_run("后")
    assert read_docx(_bytes(document), "a.docx").lines == ["前后"]


def test_heading_styles_by_name() -> None:
    document = docx.Document()
    document.styles.add_style("标题 1", WD_STYLE_TYPE.PARAGRAPH)  # as a Chinese WPS names its headings
    document.add_paragraph("一、总体情况", style="标题 1")  # 1 heading
    document.add_paragraph("副标题", style="Subtitle")  # 2 paragraph: Subtitle does not start with Title
    document.add_paragraph("正文", style="Normal")  # 3 paragraph
    table = document.add_table(rows=1, cols=1)
    table.cell(0, 0).paragraphs[0].text = "表内标题"
    table.cell(0, 0).paragraphs[0].style = "Heading 2"  # 4 table-cell: inside a table wins
    result = read_docx(_bytes(document), "a.docx")
    assert [(block.line, block.kind) for block in result.blocks] == [
        (1, "heading"),
        (2, "paragraph"),
        (3, "paragraph"),
        (4, "table-cell"),
    ]


def test_tracked_changes_content_controls_and_text_boxes() -> None:
    document = docx.Document()
    tracked = (
        f'<w:p {nsdecls("w")} xmlns:v="urn:schemas-microsoft-com:vml">'
        "<w:r><w:t>完成投资</w:t></w:r>"
        '<w:ins w:id="1" w:author="审核" w:date="2024-01-02T00:00:00Z"><w:r><w:t>xx</w:t></w:r></w:ins>'
        '<w:del w:id="2" w:author="审核" w:date="2024-01-02T00:00:00Z"><w:r><w:delText>12</w:delText></w:r></w:del>'
        "<w:r><w:t>亿元</w:t></w:r>"
        "<w:r><w:pict><v:shape><v:textbox><w:txbxContent>"
        "<w:p><w:r><w:t>文本框</w:t></w:r></w:p>"
        "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
        '<w:hyperlink w:anchor="top"><w:r><w:t>，见附件</w:t></w:r></w:hyperlink>'
        "</w:p>"
    )
    control = (
        f"<w:sdt {nsdecls('w')}><w:sdtPr/><w:sdtContent>"
        "<w:p><w:r><w:t>控件中的段落</w:t></w:r></w:p>"
        "</w:sdtContent></w:sdt>"
    )
    body = document.element.body
    body.sectPr.addprevious(parse_xml(tracked))  # 1
    body.sectPr.addprevious(parse_xml(control))  # 2
    document.add_paragraph("结尾")  # 3
    result = read_docx(_bytes(document), "a.docx")
    # Accepted-changes text: the insertion is in, the deletion and the text box are out.
    assert result.lines == ["完成投资xx亿元，见附件", "控件中的段落", "结尾"]
    (placeholder,) = result.analysis(placeholders)
    assert placeholder.block.position(placeholder.start) == Position(1, 5)


def _rewrite(data: bytes, rename: dict[str, str] | None = None, replace: dict[str, bytes] | None = None) -> bytes:
    """Copy a zip, renaming members and replacing their contents."""
    rename, replace = rename or {}, replace or {}
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = replace.get(info.filename, source.read(info))
            target.writestr(rename.get(info.filename, info.filename), content)
    return buffer.getvalue()


def _member(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name)


def test_main_part_named_by_the_package_relationship() -> None:
    """Word Online saves the body as word/document2.xml; the package relationship says so."""
    document = docx.Document()
    document.add_paragraph("在线编辑的文稿")
    data = _bytes(document)
    renamed = _rewrite(
        data,
        rename={
            "word/document.xml": "word/document2.xml",
            "word/_rels/document.xml.rels": "word/_rels/document2.xml.rels",
        },
        replace={
            "_rels/.rels": _member(data, "_rels/.rels").replace(b"word/document.xml", b"word/document2.xml"),
            "[Content_Types].xml": _member(data, "[Content_Types].xml").replace(
                b"/word/document.xml", b"/word/document2.xml"
            ),
        },
    )
    with zipfile.ZipFile(io.BytesIO(renamed)) as archive:
        assert "word/document.xml" not in archive.namelist()
    assert read_docx(renamed, "online.docx").lines == ["在线编辑的文稿"]


def _patch_central_directory(data: bytes, name: str, *, size: int | None = None, flags: int | None = None) -> bytes:
    """Change the uncompressed size or the flags that the zip's central directory declares for ``name``
    (the archive must have no comment)."""
    patched = bytearray(data)
    entries, _, directory = struct.unpack_from("<HII", data, len(data) - 22 + 10)
    offset = directory
    for _ in range(entries):
        name_length, extra_length, comment_length = struct.unpack_from("<HHH", data, offset + 28)
        if data[offset + 46 : offset + 46 + name_length].decode() == name:
            if size is not None:
                struct.pack_into("<I", patched, offset + 24, size)
            if flags is not None:
                struct.pack_into("<H", patched, offset + 8, flags)
            return bytes(patched)
        offset += 46 + name_length + extra_length + comment_length
    raise AssertionError(f"{name} not in the archive")


def _small_docx() -> bytes:
    document = docx.Document()
    document.add_paragraph("正文")
    return _bytes(document)


MB = 1024 * 1024


def test_refuses_a_document_xml_declared_larger_than_100_mb() -> None:
    data = _patch_central_directory(_small_docx(), "word/document.xml", size=150 * MB)
    with pytest.raises(ReadError) as error:
        read_docx(data, "bomb.docx")
    assert str(error.value) == "拒绝读取：word/document.xml 解压后为 150 MB（上限 100 MB；疑为压缩炸弹）"


def test_refuses_an_archive_declared_larger_than_500_mb_in_total() -> None:
    data = _small_docx()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        others = sum(info.file_size for info in archive.infolist() if info.filename != "word/styles.xml")
    assert others < MB  # so the total rounds to 600 MB
    data = _patch_central_directory(data, "word/styles.xml", size=600 * MB)
    with pytest.raises(ReadError) as error:
        read_docx(data, "bomb.docx")
    assert str(error.value) == "拒绝读取：压缩包解压后为 600 MB（上限 500 MB；疑为压缩炸弹）"


def test_refuses_a_real_highly_compressed_document_xml() -> None:
    """120 MB of spaces deflate to about 120 KB: refused from the zip directory, never decompressed."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        with archive.open("word/document.xml", "w") as member:
            chunk = b" " * MB
            for _ in range(120):
                member.write(chunk)
    assert len(buffer.getvalue()) < 2 * MB
    with pytest.raises(ReadError, match=r"^拒绝读取：word/document.xml 解压后为 120 MB"):
        read_docx(buffer.getvalue(), "bomb.docx")


def test_limits_are_module_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    import reportlint.readers.docx as reader

    monkeypatch.setattr(reader, "MAX_DOCUMENT_XML_SIZE", 10)
    with pytest.raises(ReadError, match=r"^拒绝读取：word/document.xml 解压后"):
        read_docx(_small_docx(), "small.docx")


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


INVALID = "无法读取：不是有效的 .docx 文件"
NOT_ZIP, SAVE_AS = "无法读取：不是有效的 .docx 文件（不是 zip 压缩包", "请在 Word/WPS 中另存为 .docx"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (random.Random(0).randbytes(4096), f"{NOT_ZIP}；{SAVE_AS}）"),
        (b"", f"{NOT_ZIP}；{SAVE_AS}）"),
        (_zip({"hello.txt": b"hi"}), f"{INVALID}（缺少 word/document.xml；{SAVE_AS}）"),
        (_zip({"word/document.xml": b"<w:document/>"}), f"{INVALID}（缺少 [Content_Types].xml；{SAVE_AS}）"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096),
            "无法读取：不是 .docx 文件，而是 OLE2 文件（设了密码的文档，或改了扩展名的旧 .doc 文件）："
            f"请去掉密码，或{SAVE_AS[1:]}",
        ),
    ],
    ids=["random-bytes", "empty", "zip-without-document", "no-content-types", "ole2"],
)
def test_unreadable_files_raise_read_error_with_a_reason(data: bytes, message: str) -> None:
    with pytest.raises(ReadError) as error:
        read_docx(data, "bad.docx")
    assert str(error.value) == message


def test_truncated_file() -> None:
    data = _small_docx()
    with pytest.raises(ReadError, match=r"^无法读取：不是有效的 \.docx 文件"):
        read_docx(data[: len(data) // 2], "cut.docx")


def test_malformed_document_xml() -> None:
    data = _rewrite(_small_docx(), replace={"word/document.xml": b"<w:document xmlns:w='x'><w:body>"})
    with pytest.raises(ReadError, match=r"^无法读取：不是有效的 \.docx 文件（XMLSyntaxError"):
        read_docx(data, "broken.docx")


def test_corrupt_member_data() -> None:
    """A flipped byte in a stored member fails its CRC check inside python-docx."""
    original = _small_docx()
    xml = _member(original, "word/document.xml")
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(original)) as source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as target:
        for info in source.infolist():
            target.writestr(info.filename, source.read(info))
    data = bytearray(buffer.getvalue())
    start = data.index(xml)
    position = start + xml.index("正文".encode())
    data[position] ^= 0xFF
    with pytest.raises(ReadError, match=r"^无法读取：不是有效的 \.docx 文件（BadZipFile"):
        read_docx(bytes(data), "crc.docx")


def test_encrypted_member() -> None:
    data = _patch_central_directory(_small_docx(), "word/document.xml", flags=0x1)
    with pytest.raises(ReadError) as error:
        read_docx(data, "locked.docx")
    assert str(error.value) == "无法读取：不是有效的 .docx 文件（压缩包已加密；请去掉密码后另存为 .docx）"


def test_macro_enabled_main_part_is_not_a_word_document() -> None:
    data = _small_docx()
    types = _member(data, "[Content_Types].xml").replace(
        b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        b"application/vnd.ms-word.document.macroEnabled.main+xml",
    )
    with pytest.raises(ReadError) as error:
        read_docx(_rewrite(data, replace={"[Content_Types].xml": types}), "macro.docx")
    assert (
        str(error.value)
        == "无法读取：不是 Word 文档（主体部分是 application/vnd.ms-word.document.macroEnabled.main+xml；"
        "请在 Word/WPS 中另存为 .docx）"
    )


def test_python_docx_is_imported_only_for_docx_files(tmp_path: Path) -> None:
    draft = tmp_path / "a.txt"
    draft.write_text("完成投资xx亿元\n", encoding="utf-8")
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "import reportlint.readers.docx\n"
        "from reportlint.readers import read_path\n"
        f"read_path(Path({str(draft)!r}))\n"
        "assert 'docx' not in sys.modules, 'python-docx imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_command_line_reads_docx_and_reports_bad_files(tmp_path: Path) -> None:
    script = shutil.which("reportlint", path=str(Path(sys.executable).parent))
    if script is None:
        pytest.skip("the reportlint console script is not installed next to this Python")
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    document = docx.Document()
    document.add_paragraph("工作总结")  # 1
    document.add_table(rows=1, cols=1).cell(0, 0).text = "完成投资xx亿元"  # 2
    document.save(drafts / "good.docx")
    (drafts / "bad.docx").write_bytes(random.Random(1).randbytes(2048))
    (drafts / "fake.docx").write_bytes(_zip({"readme.txt": b"not a document"}))

    completed = subprocess.run(
        [script, "check", "--output-format", "json", "--exit-zero", str(drafts)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=tmp_path,
    )

    assert completed.returncode == 2, completed.stderr
    findings = json.loads(completed.stdout)
    good = [finding for finding in findings if Path(finding["filename"]).name == "good.docx"]
    assert [(f["code"], f["location"], f["end_location"], f["text"]) for f in good] == [
        ("PH001", {"row": 2, "column": 5}, {"row": 2, "column": 7}, "xx")
    ]
    assert "bad.docx: RL001 无法读取：不是有效的 .docx 文件（不是 zip 压缩包" in completed.stderr
    assert "fake.docx: RL001 无法读取：不是有效的 .docx 文件（缺少 word/document.xml" in completed.stderr
