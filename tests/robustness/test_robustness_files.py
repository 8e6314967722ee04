"""Adversarial files through the installed console script: each one is linted, or refused with a read error
(RL001, exit 2) that says why, while the good draft beside it is still linted; never a traceback, never a
hang (every run has a time limit: ``helpers.run_cli`` kills it after 120 s and the test fails).
"""

from __future__ import annotations

import io
import os
import random
import zipfile
from pathlib import Path

import docx
import pytest
from helpers import run_cli, run_cli_unprivileged

from reportlint.catalog import base_registry
from reportlint.config.settings import Overrides, SettingsResolver
from reportlint.readers import ReadError, read_path
from reportlint.run.runner import run

GOOD = "全年完成投资xx亿元。\n"
MB = 1024 * 1024


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    return tmp_path


def check(folder: Path, *args: str, env: dict | None = None):
    """``reportlint check -f concise`` in ``folder``: (exit code, stdout, stderr), with no traceback."""
    result = run_cli("check", "-f", "concise", "--no-color", *args, cwd=folder, env=env)
    stdout = result.stdout.decode("utf-8", "replace")
    stderr = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in stderr, stderr
    return result.returncode, stdout, stderr


def assert_good_linted(stdout: str, prefix: str = "") -> None:
    assert f"{prefix}good.txt:1:7: PH001" in stdout


def _docx_bytes(text: str = "正文") -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _replace_member(data: bytes, name: str, content: bytes, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(buffer, "w", compression) as target:
        for info in source.infolist():
            target.writestr(info.filename, content if info.filename == name else source.read(info))
    return buffer.getvalue()


def _understate_size(data: bytes, name: str, size: int) -> bytes:
    """Write ``size`` as the member's uncompressed size in its local header and central directory entry:
    a zip bomb that lies about what it inflates to."""
    data = bytearray(data)
    encoded = name.encode()
    local = data.index(b"PK\x03\x04")
    while data[local + 30 : local + 30 + len(encoded)] != encoded:
        local = data.index(b"PK\x03\x04", local + 4)
    data[local + 22 : local + 26] = size.to_bytes(4, "little")
    central = data.index(b"PK\x01\x02")
    while data[central + 46 : central + 46 + len(encoded)] != encoded:
        central = data.index(b"PK\x01\x02", central + 4)
    data[central + 24 : central + 28] = size.to_bytes(4, "little")
    return bytes(data)


# --- one bad file beside a good one --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("binary.txt", random.Random(7).randbytes(4096), "无法读取：二进制文件（含 NUL 字节）"),
        (
            "latin1.txt",
            "Café, déjà vu — ça va?".encode("cp1252") + b"\x81\x8d",
            "无法读取：既不是 UTF-8 也不是 GB18030 编码",
        ),
        ("binary.md", b"\x89PNG\r\n\x1a\n" + bytes(64), "无法读取：二进制文件（含 NUL 字节）"),
        ("notzip.docx", "全年完成投资xx亿元。".encode(), "无法读取：不是有效的 .docx 文件（不是 zip 压缩包"),
        ("empty.docx", b"", "无法读取：不是有效的 .docx 文件（不是 zip 压缩包"),
        ("cut.docx", _docx_bytes()[:2000], "无法读取：不是有效的 .docx 文件"),
        (
            "text-in-zip.docx",
            _replace_member(_docx_bytes(), "word/document.xml", b"\x00\x01"),
            "无法读取：不是有效的 .docx",
        ),
    ],
    ids=["binary-txt", "undecodable-txt", "png-named-md", "text-named-docx", "empty-docx", "truncated-docx", "garbage"],
)
def test_a_bad_file_is_refused_and_the_others_are_linted(folder: Path, name: str, content: bytes, reason: str) -> None:
    (folder / name).write_bytes(content)
    code, stdout, stderr = check(folder, ".")
    assert code == 2
    assert f"{name}: RL001 {reason}" in stderr
    assert_good_linted(stdout)


@pytest.mark.parametrize("name", ["empty.txt", "empty.md", "only-newlines.txt", "bom-only.txt", "spaces.md"])
def test_an_empty_file_is_linted_clean(folder: Path, name: str) -> None:
    content = {"only-newlines.txt": b"\n\r\n\r\n", "bom-only.txt": b"\xef\xbb\xbf", "spaces.md": b"   \n\t\n"}
    (folder / name).write_bytes(content.get(name, b""))
    code, stdout, stderr = check(folder, ".", name)
    assert code == 1 and stderr == ""  # the findings of good.txt
    assert_good_linted(stdout)
    assert name not in stdout
    code, stdout, stderr = check(folder, name)
    assert (code, stdout, stderr) == (0, "未发现问题，共检查 1 个文件。\n", "")


def test_random_bytes_with_no_nul_are_refused_or_linted(folder: Path) -> None:
    """GB18030 decodes most byte strings: whatever it makes of random bytes is linted, or refused."""
    generator = random.Random(11)
    for index in range(20):
        data = bytes(byte or 1 for byte in generator.randbytes(generator.randrange(1, 3000)))
        (folder / f"noise{index:02}.txt").write_bytes(data)
    code, stdout, stderr = check(folder, "--exit-zero", ".")
    assert code in (0, 2)
    assert all(
        line.endswith("无法读取：既不是 UTF-8 也不是 GB18030 编码；请用 --encoding 指定文件的编码")
        for line in stderr.splitlines()
    )
    assert_good_linted(stdout)


# --- zip bombs -----------------------------------------------------------------------------------------------


@pytest.mark.slow
def test_a_zip_bomb_is_refused_without_inflating_it(folder: Path) -> None:
    """120 MB of spaces deflate to about 120 kB; the reader refuses it from the zip directory."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        with archive.open("word/document.xml", "w") as member:
            for _ in range(120):
                member.write(b" " * MB)
    (folder / "bomb.docx").write_bytes(buffer.getvalue())
    code, stdout, stderr = check(folder, ".")
    assert code == 2
    assert "bomb.docx: RL001 拒绝读取：word/document.xml 解压后为 120 MB（上限 100 MB；疑为压缩炸弹）" in stderr
    assert_good_linted(stdout)


@pytest.mark.slow
def test_a_zip_bomb_that_understates_its_size_is_read_no_further_than_it_says(folder: Path) -> None:
    """A member that declares 4 kB but inflates to 40 MB: the zip reader stops at 4 kB, the checksum fails and
    the file is refused (the run does not inflate 40 MB, let alone hang)."""
    xml = _docx_bytes()
    with zipfile.ZipFile(io.BytesIO(xml)) as archive:
        body = archive.read("word/document.xml")
    bomb = body.replace(b"</w:body>", b"<w:p/>" * (40 * MB // 6) + b"</w:body>")
    data = _understate_size(_replace_member(xml, "word/document.xml", bomb), "word/document.xml", 4096)
    (folder / "liar.docx").write_bytes(data)
    code, stdout, stderr = check(folder, ".")
    assert code == 2
    assert "liar.docx: RL001 无法读取：不是有效的 .docx 文件" in stderr
    assert_good_linted(stdout)


def test_xml_entity_expansion_is_not_performed(folder: Path) -> None:
    """A billion-laughs document part: entities are not expanded (the document reads as having no text)."""
    laughs = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10 if i else "哈" * 10}">' for i in range(10))
    part = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [{laughs}]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&l9;xx</w:t></w:r></w:p></w:body></w:document>"
    ).encode()
    (folder / "laughs.docx").write_bytes(_replace_member(_docx_bytes(), "word/document.xml", part))
    code, stdout, stderr = check(folder, ".")
    assert "哈哈哈" not in stdout
    assert code == 2 and "laughs.docx: RL001" in stderr or code == 1 and stderr == ""
    assert_good_linted(stdout)


# --- the file system -----------------------------------------------------------------------------------------


def test_a_directory_symlink_loop_is_not_followed(folder: Path) -> None:
    nested = folder / "a" / "b"
    nested.mkdir(parents=True)
    (nested / "up").symlink_to(folder, target_is_directory=True)
    (nested / "draft.txt").write_text(GOOD, encoding="utf-8")
    code, stdout, stderr = check(folder, ".")
    assert code == 1 and stderr == ""
    assert_good_linted(stdout)
    assert stdout.count("draft.txt:1:7: PH001") == 1  # a/b/draft.txt once, not again through a/b/up/a/b/…


def test_a_file_symlink_loop_and_a_broken_link_get_read_errors(folder: Path) -> None:
    (folder / "loop1.txt").symlink_to(folder / "loop2.txt")
    (folder / "loop2.txt").symlink_to(folder / "loop1.txt")
    (folder / "broken.txt").symlink_to(folder / "missing.txt")
    code, stdout, stderr = check(folder, ".")
    assert code == 2
    assert "loop1.txt: RL001 无法读取：符号链接层数过多（或为循环链接）" in stderr
    assert "loop2.txt: RL001 无法读取：符号链接层数过多（或为循环链接）" in stderr
    assert "broken.txt: RL001 无法读取：文件或目录不存在" in stderr
    assert_good_linted(stdout)
    code, stdout, stderr = check(folder, "loop1.txt", "good.txt")
    assert code == 2 and "loop1.txt: RL001 无法读取：符号链接层数过多（或为循环链接）" in stderr
    assert_good_linted(stdout)


@pytest.mark.skipif(not hasattr(os, "mkfifo") or not os.path.exists("/dev/zero"), reason="POSIX pipes and devices")
def test_pipes_and_devices_are_not_read(folder: Path) -> None:
    """A named pipe would block the run for ever and /dev/zero would fill the memory: only regular files are
    read."""
    os.mkfifo(folder / "pipe.txt")
    (folder / "zeros.txt").symlink_to("/dev/zero")
    code, stdout, stderr = check(folder, ".")
    assert code == 2
    assert "pipe.txt: RL001 无法读取：不是普通文件（是管道、套接字或设备）" in stderr
    assert "zeros.txt: RL001 无法读取：不是普通文件（是管道、套接字或设备）" in stderr
    assert_good_linted(stdout)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX named pipes")
def test_a_named_pipe_given_explicitly_is_not_read(folder: Path) -> None:
    """Given by name (no discovery in between), inside a folder too, and with --fix: refused, never opened for a
    blocking read (a pipe with no writer would hang the run until the time limit)."""
    os.mkfifo(folder / "pipe.txt")
    (folder / "sub").mkdir()
    os.mkfifo(folder / "sub" / "pipe.md")
    for args in (("pipe.txt", "sub/pipe.md", "good.txt"), ("--fix", "pipe.txt", "sub", "good.txt")):
        code, stdout, stderr = check(folder, *args)
        assert code == 2
        assert "pipe.txt: RL001 无法读取：不是普通文件（是管道、套接字或设备）" in stderr
        assert "pipe.md: RL001 无法读取：不是普通文件（是管道、套接字或设备）" in stderr
        assert_good_linted(stdout)


def test_reading_a_pipe_with_no_writer_does_not_block(folder: Path) -> None:
    """In process, on a thread: opening a named pipe for reading blocks until a writer comes, unless opened
    without blocking; the type is then checked on the file opened (``fstat``), not on its name beforehand."""
    import threading

    pipe = folder / "pipe.txt"
    os.mkfifo(pipe)
    outcome: list[BaseException] = []
    reader = threading.Thread(target=lambda: _record(outcome, read_path, pipe), daemon=True)
    reader.start()
    reader.join(30)
    if reader.is_alive():  # unblock the reader so that the test run can end
        with open(pipe, "wb"):
            pass
        pytest.fail("reading a named pipe blocked")
    assert len(outcome) == 1 and isinstance(outcome[0], ReadError) and "不是普通文件" in str(outcome[0])


def _record(outcome: list[BaseException], function, *args) -> None:
    try:
        function(*args)
    except BaseException as error:  # noqa: BLE001 - handed to the test
        outcome.append(error)


def check_unprivileged(folder: Path, *args: str):
    """``check`` as an unprivileged user (as root, permissions stop nobody): run through setpriv/runuser."""
    result = run_cli_unprivileged("check", "-f", "concise", "--no-color", "--no-cache", *args, cwd=folder)
    stdout = result.stdout.decode("utf-8", "replace")
    stderr = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in stderr, stderr
    return result.returncode, stdout, stderr


def test_an_unreadable_file(open_folder: Path) -> None:
    (open_folder / "good.txt").write_text(GOOD, encoding="utf-8")
    locked = open_folder / "locked.txt"
    locked.write_text(GOOD, encoding="utf-8")
    locked.chmod(0)
    for args in ((".",), ("locked.txt", "good.txt")):
        code, stdout, stderr = check_unprivileged(open_folder, *args)
        assert code == 2 and "locked.txt: RL001 无法读取：没有权限" in stderr, stderr
        assert_good_linted(stdout)


def test_an_unreadable_directory(open_folder: Path) -> None:
    (open_folder / "good.txt").write_text(GOOD, encoding="utf-8")
    locked = open_folder / "locked"
    locked.mkdir()
    (locked / "draft.txt").write_text(GOOD, encoding="utf-8")
    locked.chmod(0)
    code, stdout, stderr = check_unprivileged(open_folder, ".")
    assert code == 2 and "locked: RL001 无法读取目录：没有权限" in stderr, stderr
    assert_good_linted(stdout)
    assert "draft.txt" not in stdout


def test_a_directory_without_search_permission(open_folder: Path) -> None:
    """Listable (r) but not searchable (no x): its names are known, its files cannot be opened."""
    (open_folder / "good.txt").write_text(GOOD, encoding="utf-8")
    folder = open_folder / "nosearch"
    folder.mkdir()
    (folder / "draft.txt").write_text(GOOD, encoding="utf-8")
    folder.chmod(0o644)
    code, stdout, stderr = check_unprivileged(open_folder, ".")
    assert code == 2 and "draft.txt: RL001 无法读取：没有权限" in stderr, stderr
    assert_good_linted(stdout)


@pytest.mark.parametrize("mode", [0o644, 0])
def test_a_file_inside_a_directory_that_cannot_be_searched(open_folder: Path, mode: int) -> None:
    (open_folder / "good.txt").write_text(GOOD, encoding="utf-8")
    folder = open_folder / "locked"
    folder.mkdir()
    (folder / "draft.txt").write_text(GOOD, encoding="utf-8")
    folder.chmod(mode)
    code, stdout, stderr = check_unprivileged(open_folder, "locked/draft.txt", "good.txt")
    assert code == 2 and "locked/draft.txt: RL001 无法读取：没有权限" in stderr, stderr
    assert_good_linted(stdout)


def test_a_file_name_over_255_bytes(folder: Path) -> None:
    long_name = "报" * 90 + ".txt"  # 274 bytes in UTF-8: no file system takes it
    code, stdout, stderr = check(folder, long_name, "good.txt")
    assert code == 2 and f"{long_name}: RL001 无法读取：文件名过长" in stderr, stderr
    assert_good_linted(stdout)


def _run(paths: list[str]):
    return run(paths, SettingsResolver(base_registry(), Overrides(), isolated=True))


def test_an_unlistable_directory_is_reported_not_skipped(folder: Path, monkeypatch) -> None:
    """In process, so that it runs as root too: listing one directory fails as it would without permission."""
    locked = folder / "locked"
    locked.mkdir()
    (locked / "draft.txt").write_text(GOOD, encoding="utf-8")
    scandir = os.scandir

    def refusing(path=None):
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refusing)
    result = _run([str(folder)])
    assert [str(error) for error in result.errors] == [f"{locked}: RL001 无法读取目录：没有权限"]
    assert [Path(finding.path).name for finding in result.findings] == ["good.txt"]


def test_a_file_that_disappears_between_discovery_and_reading(folder: Path, monkeypatch) -> None:
    """Discovery yields a path; the file is deleted before it is read (another program cleaning up)."""
    import reportlint.run.runner as runner

    (folder / "fleeting.txt").write_text(GOOD, encoding="utf-8")
    walk = runner.walk

    def walk_then_delete(*args, **kwargs):
        for path in walk(*args, **kwargs):
            if path.name == "fleeting.txt":
                path.unlink()
            yield path

    monkeypatch.setattr(runner, "walk", walk_then_delete)
    result = _run([str(folder)])
    assert [str(error) for error in result.errors] == [f"{folder / 'fleeting.txt'}: RL001 无法读取：文件或目录不存在"]
    assert [Path(finding.path).name for finding in result.findings] == ["good.txt"]


def test_a_directory_named_like_a_draft(folder: Path) -> None:
    (folder / "folder.txt").mkdir()
    (folder / "folder.txt" / "inner.md").write_text(GOOD, encoding="utf-8")
    code, stdout, stderr = check(folder, ".")
    assert code == 1 and stderr == ""
    assert "folder.txt/inner.md:1:7: PH001" in stdout
    assert_good_linted(stdout)
    with pytest.raises(ReadError, match="无法读取：这是一个目录"):
        read_path(folder / "folder.txt")


# --- names and encodings -------------------------------------------------------------------------------------


@pytest.mark.parametrize("output_format", ["concise", "text", "json", "sarif", "github"])
def test_a_file_name_that_is_not_utf8(folder: Path, output_format: str) -> None:
    """The name reaches reportlint as lone surrogates; the output escapes them even where stdout is strict
    UTF-8 (a Linux desktop locale), instead of failing mid-report."""
    name = os.fsencode(folder) + b"/\xff\xfe\xb5draft.txt"
    with open(name, "wb") as handle:
        handle.write(GOOD.encode("utf-8"))
    env = {**os.environ, "PYTHONIOENCODING": "utf-8:strict"}
    result = run_cli("check", "-f", output_format, ".", cwd=folder, env=env)
    assert result.returncode == 1 and b"Traceback" not in result.stderr, result.stderr.decode(errors="replace")
    stdout = result.stdout.decode("utf-8")  # valid UTF-8 throughout
    assert "good.txt" in stdout and "draft.txt" in stdout
    if output_format == "sarif":  # a URI: the name's own bytes, percent-encoded
        assert "%FF%FE%B5draft.txt" in stdout
    else:
        assert "\\udcff\\udcfe\\udcb5draft.txt" in stdout or "\\\\udcff\\\\udcfe\\\\udcb5draft.txt" in stdout


def test_a_forced_encoding_that_yields_lone_surrogates(folder: Path) -> None:
    """UTF-7 decodes ``+2AA-`` to a lone surrogate: the finding beside it is still printed."""
    (folder / "seven.txt").write_bytes(b"+2AA-" + "完成投资xx亿元".encode("utf-7"))
    env = {**os.environ, "PYTHONIOENCODING": "utf-8:strict"}
    result = run_cli("check", "--encoding", "utf-7", "seven.txt", cwd=folder, env=env)
    assert result.returncode == 1 and result.stderr == b"", result.stderr.decode(errors="replace")
    stdout = result.stdout.decode("utf-8")
    assert "seven.txt:1:6: PH001" in stdout and "1 | \\ud800完成投资xx亿元" in stdout  # the source line, escaped


@pytest.mark.parametrize("encoding", ["rot13", "hex", "base64", "no-such-codec"])
def test_an_encoding_that_is_not_a_text_encoding(folder: Path, encoding: str) -> None:
    code, stdout, stderr = check(folder, "--encoding", encoding, ".")
    assert code == 2
    reason = "无法读取：未知的编码" if encoding == "no-such-codec" else "”不是文本编码"
    assert "good.txt: RL001 " in stderr and reason in stderr


def test_output_into_a_closed_pipe(folder: Path) -> None:
    """``reportlint check | head -1``: the reader goes away mid-report; no traceback."""
    import subprocess

    from helpers import reportlint_command

    (folder / "many.txt").write_text(GOOD * 20_000, encoding="utf-8")
    process = subprocess.Popen(
        [*reportlint_command(), "check", "many.txt"], cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    process.stdout.readline()
    process.stdout.close()
    stderr = process.stderr.read().decode("utf-8", "replace")
    assert process.wait(timeout=120) != 0
    assert "Traceback" not in stderr, stderr


@pytest.mark.parametrize(
    ("data", "filename", "reason"),
    [
        (bytes(range(256)), "draft.txt", "无法读取：二进制文件（含 NUL 字节）"),
        (b"PK\x03\x04 not a zip", "draft.docx", "无法读取：不是有效的 .docx 文件（不是 zip 压缩包"),
    ],
    ids=["binary", "docx"],
)
def test_bad_bytes_on_stdin(folder: Path, data: bytes, filename: str, reason: str) -> None:
    result = run_cli("check", "-", "good.txt", "--stdin-filename", filename, cwd=folder, stdin=data)
    stderr = result.stderr.decode("utf-8")
    assert result.returncode == 2 and f"{filename}: RL001 {reason}" in stderr and "Traceback" not in stderr
    assert_good_linted(result.stdout.decode("utf-8"))
