"""Zip bombs whose headers understate their size: refused from the bytes actually inflated (or, for a
compression Word never uses, before inflating anything), with RL001 — by `check` and by `annotate`."""

from __future__ import annotations

import io
import struct
import zipfile

import pytest
from helpers import REPO, run_cli

from reportlint.readers import ReadError
from reportlint.readers import docx as reader


def understated(method: int, size: int, declared: int = 4096) -> bytes:
    """The example .docx with a ``word/document.xml`` of ``size`` bytes compressed with ``method``, whose
    central directory declares ``declared`` bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(REPO / "examples" / "述职报告.docx") as source, zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            if info.filename == "word/document.xml":
                target.writestr(info.filename, b"<" + b"a" * size, compress_type=method)
            else:
                target.writestr(info.filename, source.read(info), compress_type=zipfile.ZIP_DEFLATED)
    data = bytearray(buffer.getvalue())
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        length = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46 : at + 46 + length] == b"word/document.xml":
            struct.pack_into("<I", data, at + 24, declared)
        at = data.find(b"PK\x01\x02", at + 4)
    return bytes(data)


@pytest.fixture(scope="module")
def bzip2_bomb() -> bytes:
    """40 MB of text in some kilobytes: zipfile inflates a bzip2 chunk whole, whatever the declared size."""
    return understated(zipfile.ZIP_BZIP2, 40 * 1024 * 1024)


def test_a_compression_word_never_uses_is_refused_before_inflating(bzip2_bomb):
    assert len(bzip2_bomb) < 100_000
    with pytest.raises(ReadError, match="压缩炸弹"):
        reader.read_docx(bzip2_bomb, "bomb.docx")


def test_the_bytes_actually_inflated_are_capped(monkeypatch):
    """Headers that understate a member: the cap counts what comes out of the stream, not what they say."""
    data = understated(zipfile.ZIP_DEFLATED, 50_000, declared=50_001)
    monkeypatch.setattr(reader, "_check_declared_sizes", lambda infos, main: None)  # as if the headers lied
    monkeypatch.setattr(reader, "MAX_DOCUMENT_XML_SIZE", 10_000)
    monkeypatch.setattr(reader, "_CHUNK", 4096)
    with pytest.raises(ReadError, match="解压后超过"):
        reader.read_docx(data, "bomb.docx")


def test_an_understated_deflated_member_is_refused(tmp_path):
    (tmp_path / "bomb.docx").write_bytes(understated(zipfile.ZIP_DEFLATED, 2 * 1024 * 1024))
    (tmp_path / "a.txt").write_text("里程牌。\n", encoding="utf-8")
    result = run_cli("check", "bomb.docx", "a.txt", cwd=tmp_path)
    assert result.returncode == 2 and b"bomb.docx: RL001" in result.stderr and b"Traceback" not in result.stderr
    assert b"TYP001" in result.stdout


def test_check_and_annotate_refuse_the_bomb(tmp_path, bzip2_bomb):
    (tmp_path / "bomb.docx").write_bytes(bzip2_bomb)
    (tmp_path / "a.txt").write_text("里程牌。\n", encoding="utf-8")
    checked = run_cli("check", "bomb.docx", "a.txt", cwd=tmp_path)
    assert checked.returncode == 2 and b"TYP001" in checked.stdout  # the other file is still linted
    assert "bomb.docx: RL001 拒绝读取" in checked.stderr.decode() and b"Traceback" not in checked.stderr
    annotated = run_cli("annotate", "bomb.docx", "-o", "out.docx", cwd=tmp_path)
    assert annotated.returncode == 2 and "RL001 拒绝读取" in annotated.stderr.decode()
    assert not (tmp_path / "out.docx").exists()
