"""Text PDFs: lines with their pages, findings shown as 第N页第M行; scanned PDFs get a clear RL001."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from helpers import run_cli

from reportlint.readers import ReadError, read_bytes

pytest.importorskip("pdfminer")
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

#: A one-page PDF with no text at all: what a scanner makes, less the image.
SCANNED = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


@pytest.fixture(scope="module")
def paged(tmp_path_factory) -> Path:
    """A two-page PDF exported by LibreOffice from a Word draft."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    folder = tmp_path_factory.mktemp("pdf")
    document = docx.Document()
    document.add_heading("关于2024年工作的报告", 0)
    document.add_heading("一、主要工作", 1)
    document.add_paragraph("今年以来，我们认真贯彻落实各项部署，全年完成投资xx亿元，同比增长12%。")
    document.add_page_break()
    document.add_heading("二、存在问题", 1)
    document.add_paragraph("一是项目推进不够快，二是资金保障不足，xx公司进度滞后。")
    document.save(folder / "draft.docx")
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(folder / "draft.docx"),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return folder


@pytest.mark.slow
def test_lines_know_their_pages_and_the_layout_gaps_are_not_spaces(paged: Path) -> None:
    document = read_bytes((paged / "draft.pdf").read_bytes(), "draft.pdf", "pdf")
    assert document.format == "pdf" and document.pages is not None
    assert document.pages[0] == 1 and document.pages[-1] == 2
    assert "今年以来，我们认真贯彻落实各项部署，全年完成投资xx亿元，同比增长12%。" in [b.text for b in document.blocks]
    assert document.lines[-1] == "一是项目推进不够快，二是资金保障不足，xx公司进度滞后。"


@pytest.mark.slow
def test_findings_are_shown_by_page_and_line(paged: Path) -> None:
    result = run_cli("check", "draft.pdf", cwd=paged)
    text = result.stdout.decode("utf-8")
    assert result.returncode == 1, result.stderr.decode("utf-8")
    headlines = [line for line in text.splitlines() if line.startswith("draft.pdf:")]
    assert headlines == [
        "draft.pdf:第1页第3行: PH001 未填写的数字占位符“xx”：请填入实际数字",
        "draft.pdf:第2页第2行: PH002 未填写的名称占位符“xx”：请填入实际名称",
    ]
    assert "\n2 | 一是项目推进不够快" in text  # the gutter counts the lines of the page
    findings = json.loads(run_cli("check", "-f", "json", "draft.pdf", cwd=paged).stdout)
    last = findings[-1]
    assert last["place"] == {"page": 2, "page_line": 2}
    assert last["location"]["column"] == 20 and last["location"]["row"] > 2  # the row counts from the file's start


@pytest.mark.slow
def test_fix_never_writes_a_pdf(paged: Path, tmp_path: Path) -> None:
    shutil.copy(paged / "draft.pdf", tmp_path / "draft.pdf")
    before = (tmp_path / "draft.pdf").read_bytes()
    run_cli("check", "--fix", "--unsafe-fixes", ".", cwd=tmp_path)
    assert (tmp_path / "draft.pdf").read_bytes() == before


def test_a_scanned_pdf_is_a_read_error_in_chinese(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="没有可读取的文字（可能是扫描件或图片）"):
        read_bytes(SCANNED, "scan.pdf", "pdf")
    (tmp_path / "扫描件.pdf").write_bytes(SCANNED)
    result = run_cli("check", "扫描件.pdf", cwd=tmp_path)
    assert result.returncode == 2
    assert "扫描件.pdf: RL001 无法读取：这个 PDF 没有可读取的文字" in result.stderr.decode("utf-8")


def test_not_a_pdf_is_a_read_error() -> None:
    with pytest.raises(ReadError, match="不是有效的 PDF 文件"):
        read_bytes(b"%PDF-1.4\nnot really", "broken.pdf", "pdf")


def test_without_pdfminer_the_error_says_what_to_install(monkeypatch) -> None:
    monkeypatch.setitem(__import__("sys").modules, "pdfminer.high_level", None)
    with pytest.raises(ReadError, match=r"需要安装 pdfminer\.six（pip install 'reportlint\[pdf\]'）"):
        read_bytes(SCANNED, "draft.pdf", "pdf")
