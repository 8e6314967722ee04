""".doc, .wps, .odt and .rtf drafts: converted by LibreOffice and linted like the .docx they come from; a
clear RL001 without LibreOffice; never rewritten by --fix, and an .rtf is never read as plain text."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from helpers import run_cli

from reportlint.readers import ReadError, format_of, read_bytes

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
EXPECTED = ["3:25: PH001", "5:20: PH002"]  # paragraph:column of the .docx
#: A minimal RTF draft, as WordPad writes it: the placeholder is in the text, with markup all around.
RTF = (
    rb"{\rtf1\ansi\ansicpg936\deff0{\fonttbl{\f0\fnil\fcharset134 SimSun;}}"
    rb"\pard\f0\fs24 \'c8\'ab\'c4\'ea\'cd\'ea\'b3\'c9xx\'d2\'da\'d4\'aa\par}"
)


def _without_soffice() -> dict[str, str]:
    """The environment with a PATH that holds reportlint but no LibreOffice."""
    return {**os.environ, "PATH": str(Path(sys.executable).parent)}


@pytest.fixture(scope="module")
def converted(tmp_path_factory) -> Path:
    """A .docx draft and its .doc, .odt and .rtf made by LibreOffice (and the .doc named .wps, as WPS saves
    its own files in the Word 97 format)."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    folder = tmp_path_factory.mktemp("office")
    document = docx.Document()
    document.add_heading("关于2024年工作的报告", 0)
    document.add_heading("一、主要工作", 1)
    document.add_paragraph("今年以来，我们认真贯彻落实各项部署，全年完成投资xx亿元，同比增长12%。")
    document.add_heading("二、存在问题", 1)
    document.add_paragraph("一是项目推进不够快，二是资金保障不足，xx公司进度滞后。")
    document.save(folder / "draft.docx")
    profile = f"-env:UserInstallation={(folder / 'profile').as_uri()}"
    for target in ("doc", "odt", "rtf"):
        subprocess.run(
            [
                SOFFICE,
                profile,
                "--headless",
                "--convert-to",
                target,
                "--outdir",
                str(folder),
                str(folder / "draft.docx"),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
    shutil.copy(folder / "draft.doc", folder / "draft.wps")
    return folder


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.parametrize("suffix", ["doc", "wps", "odt", "rtf"])
def test_converted_formats_are_linted_like_the_docx(converted: Path, suffix: str) -> None:
    result = run_cli("check", "-f", "concise", "-q", f"draft.{suffix}", cwd=converted)
    lines = result.stdout.decode("utf-8").splitlines()
    assert result.returncode == 1, result.stderr.decode("utf-8")
    assert [line.split(" ")[0] + " " + line.split(" ")[1] for line in lines] == [
        f"draft.{suffix}:{where}" for where in EXPECTED
    ]
    docx_lines = run_cli("check", "-f", "concise", "-q", "draft.docx", cwd=converted).stdout.decode("utf-8")
    assert docx_lines.replace("draft.docx", f"draft.{suffix}").splitlines() == lines


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_a_folder_includes_the_converted_formats_and_fix_never_writes_them(converted: Path, tmp_path: Path) -> None:
    for suffix in ("doc", "odt", "rtf", "wps"):
        shutil.copy(converted / f"draft.{suffix}", tmp_path / f"draft.{suffix}")
    (tmp_path / "~$draft.doc").write_bytes(b"\x0bzhangsan" + b"\x00" * 153)  # Word's lock file: skipped
    before = {path.name: path.read_bytes() for path in tmp_path.iterdir()}
    result = run_cli("check", "--fix", "--unsafe-fixes", "-f", "concise", ".", cwd=tmp_path)
    output = result.stdout.decode("utf-8")
    assert result.returncode == 1 and result.stderr == b"", result.stderr.decode("utf-8")
    assert "共检查 4 个文件" in output and "~$" not in output
    assert {path.name: path.read_bytes() for path in tmp_path.iterdir()} == before


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_a_damaged_file_is_a_read_error_that_says_what_to_do() -> None:
    with pytest.raises(ReadError, match=r"LibreOffice 无法转换此 \.doc 文件.*请在 Word/WPS 中另存为 \.docx"):
        read_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "broken.doc", "doc")


def test_without_libreoffice_the_error_says_to_save_as_docx(tmp_path: Path) -> None:
    (tmp_path / "草稿.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    (tmp_path / "草稿.rtf").write_bytes(RTF)
    result = run_cli("check", "--fix", "草稿.doc", "草稿.rtf", cwd=tmp_path, env=_without_soffice())
    errors = result.stderr.decode("utf-8").splitlines()
    assert result.returncode == 2
    assert errors == [
        f"reportlint: error: 草稿.{suffix}: RL001 无法读取：未安装 LibreOffice，无法转换 .{suffix} 文件；"
        "请在 Word/WPS 中另存为 .docx"
        for suffix in ("doc", "rtf")
    ]
    assert "没有检查任何文件" in result.stdout.decode("utf-8")
    assert (tmp_path / "草稿.rtf").read_bytes() == RTF  # --fix never wrote into the RTF's markup


def test_rtf_is_never_read_as_plain_text() -> None:
    assert format_of("草稿.RTF") == "rtf" and format_of("a.wps") == "wps" and format_of("a.odt") == "odt"
    assert format_of("notes.csv") == "txt"  # other suffixes named explicitly are still read as text


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_the_rtf_placeholder_is_found_in_the_text_not_in_the_markup(tmp_path: Path) -> None:
    (tmp_path / "draft.rtf").write_bytes(RTF)
    result = run_cli("check", "-f", "concise", "-q", "draft.rtf", cwd=tmp_path)
    assert result.stdout.decode("utf-8").splitlines() == ["draft.rtf:1:5: PH001 未填写的数字占位符“xx”：请填入实际数字"]


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_installing_libreoffice_later_is_not_hidden_by_the_results_cache(converted: Path, tmp_path: Path) -> None:
    shutil.copy(converted / "draft.odt", tmp_path / "draft.odt")
    without = run_cli("check", "draft.odt", cwd=tmp_path, env=_without_soffice())
    assert without.returncode == 2 and "未安装 LibreOffice" in without.stderr.decode("utf-8")
    with_it = run_cli("check", "-f", "concise", "-q", "draft.odt", cwd=tmp_path)
    assert with_it.returncode == 1 and with_it.stdout.decode("utf-8").startswith("draft.odt:3:25: PH001")
