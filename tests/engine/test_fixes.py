"""--fix, --unsafe-fixes, --diff, --show-fixes: fixes are applied without losing anything."""

from __future__ import annotations

import codecs
import os
import time
from pathlib import Path

import pytest
from helpers import run_cli

from reportlint.engine.fixes import FixError, write_atomically

PACK = """
[pack]
name = "fix-test"

[[rules]]
code = "FIX001"
name = "fix-test"
severity = "warning"
summary = "Fix test forms"
doc = "Forms with fixes, for the tests."

[[rules.entries]]
match = "里程牌"
replace = ["里程碑"]

[[rules.entries]]
match = "截止目前"
replace = ["截至目前"]

[[rules.entries]]
match = "目前为止"
replace = ["现在为止"]

[[rules.entries]]
match = "其它"
replace = ["其他", "其它的"]
reason = "two choices: an unsafe fix"
"""

TEXT = "标题\n树立新的里程牌，截止目前为止，其它工作。\n完成xx亿元。\n"
FIXED_SAFE = "标题\n树立新的里程碑，截至现在为止，其它工作。\n完成xx亿元。\n"


@pytest.fixture
def workspace(tmp_path):
    (tmp_path / "fix.toml").write_text(PACK, encoding="utf-8")
    (tmp_path / "reportlint.toml").write_text('packs = ["fix.toml"]\nselect = ["FIX001", "PH"]\n', encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("encoding", "newline", "bom"),
    [
        ("utf-8", "\n", b""),
        ("gb18030", "\r\n", b""),
        ("utf-8", "\r", codecs.BOM_UTF8),
        ("utf-16-le", "\r\n", codecs.BOM_UTF16_LE),
    ],
    ids=["utf-8-lf", "gb18030-crlf", "utf-8-bom-cr", "utf-16-le-bom"],
)
def test_fix_keeps_encoding_bom_and_line_endings(workspace, encoding, newline, bom):
    draft = workspace / "draft.txt"
    draft.write_bytes(bom + TEXT.replace("\n", newline).encode(encoding))
    result = run_cli("check", "--fix", "-f", "concise", "draft.txt", cwd=workspace)
    assert draft.read_bytes() == bom + FIXED_SAFE.replace("\n", newline).encode(encoding)
    out = result.stdout.decode()
    # Remaining: the unsafe 其它 (not applied without --unsafe-fixes) and the placeholder.
    assert [line.split()[1] for line in out.splitlines()[:-1]] == ["FIX001", "PH001"]
    assert "已修复 3 处问题" in out.splitlines()[-1]
    assert result.returncode == 1
    assert list(workspace.glob(".draft.txt*")) == []  # no temporary file left behind


def test_overlapping_fixes_are_resolved_by_relinting(workspace):
    draft = workspace / "draft.txt"
    draft.write_text("截止目前为止。\n", encoding="utf-8")
    result = run_cli("check", "--fix", "--show-fixes", "draft.txt", cwd=workspace)
    assert draft.read_text(encoding="utf-8") == "截至现在为止。\n"
    lines = result.stdout.decode().splitlines()
    assert lines[:2] == [
        "已修复 draft.txt:1:1: FIX001 “截止目前” → “截至目前”",
        "已修复 draft.txt:1:3: FIX001 “目前为止” → “现在为止”",
    ]
    assert result.returncode == 0


def test_unsafe_fixes_only_when_asked(workspace):
    draft = workspace / "draft.txt"
    draft.write_text("其它工作。\n", encoding="utf-8")
    assert run_cli("check", "--fix", "draft.txt", cwd=workspace).returncode == 1
    assert draft.read_text(encoding="utf-8") == "其它工作。\n"
    assert run_cli("check", "--fix", "--unsafe-fixes", "draft.txt", cwd=workspace).returncode == 0
    assert draft.read_text(encoding="utf-8") == "其他工作。\n"


def test_diff_writes_nothing(workspace):
    draft = workspace / "draft.txt"
    draft.write_text(TEXT, encoding="utf-8")
    result = run_cli("check", "--diff", "draft.txt", cwd=workspace)
    assert draft.read_text(encoding="utf-8") == TEXT
    assert result.stdout.decode().splitlines() == [
        "--- a/draft.txt",
        "+++ b/draft.txt",
        "@@ -1,3 +1,3 @@",
        " 标题",
        "-树立新的里程牌，截止目前为止，其它工作。",
        "+树立新的里程碑，截至现在为止，其它工作。",
        " 完成xx亿元。",
    ]
    assert result.returncode == 1
    clean = workspace / "clean.txt"
    clean.write_text("正文。\n", encoding="utf-8")
    result = run_cli("check", "--diff", "clean.txt", cwd=workspace)
    assert result.stdout == b"" and result.returncode == 0


def test_markdown_fix_lands_in_the_source_despite_markup(workspace):
    draft = workspace / "draft.md"
    draft.write_text("# 标题\n\n**重点**：树立新的\n里程牌。`里程牌`\n", encoding="utf-8")
    run_cli("check", "--fix", "draft.md", cwd=workspace)
    assert draft.read_text(encoding="utf-8") == "# 标题\n\n**重点**：树立新的\n里程碑。`里程牌`\n"


def test_stdin_fix_prints_the_fixed_text_and_reports_on_stderr(workspace):
    result = run_cli("check", "--fix", "-", "--stdin-filename", "draft.txt", cwd=workspace, stdin=TEXT.encode())
    assert result.stdout.decode() == FIXED_SAFE
    assert "已修复 3 处问题" in result.stderr.decode()


def test_docx_is_never_rewritten(workspace):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("树立新的里程牌。")
    path = workspace / "draft.docx"
    document.save(path)
    before = path.read_bytes()
    result = run_cli("check", "--fix", "-f", "concise", "draft.docx", cwd=workspace)
    assert path.read_bytes() == before
    assert "FIX001" in result.stdout.decode() and result.returncode == 1


def test_a_file_changed_on_disk_is_not_overwritten(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_bytes(b"changed by the user")
    with pytest.raises(FixError, match="文件已被改动|文件被改动"):
        write_atomically(path, b"what was read", b"fixed")
    assert path.read_bytes() == b"changed by the user"


def test_write_keeps_the_file_mode(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_bytes(b"old")
    path.chmod(0o640)
    write_atomically(path, b"old", b"new")
    assert path.read_bytes() == b"new" and path.stat().st_mode & 0o777 == 0o640


# --- --fix keeps every property of the file, or refuses ----------------------------------------------------------


def fix_cli(workspace, *paths: str):
    result = run_cli("check", "--fix", "-f", "concise", "--no-color", *paths, cwd=workspace)
    stderr = result.stderr.decode()
    assert "Traceback" not in stderr, stderr
    return result.returncode, result.stdout.decode(), stderr


def test_fix_writes_the_target_of_a_symbolic_link(workspace):
    (workspace / "real").mkdir()
    target = workspace / "real" / "draft.txt"
    target.write_text(TEXT, encoding="utf-8")
    link = workspace / "draft.txt"
    link.symlink_to(Path("real") / "draft.txt")
    fix_cli(workspace, "draft.txt")
    assert link.is_symlink() and os.readlink(link) == str(Path("real") / "draft.txt")
    assert target.read_text(encoding="utf-8") == FIXED_SAFE
    assert [p.name for p in workspace.iterdir() if p.name.startswith(".")] == []
    assert [p.name for p in (workspace / "real").iterdir()] == ["draft.txt"]


def test_fix_refuses_a_read_only_file(workspace):
    draft = workspace / "draft.txt"
    draft.write_text(TEXT, encoding="utf-8")
    (workspace / "other.txt").write_text(TEXT, encoding="utf-8")
    draft.chmod(0o444)
    code, stdout, stderr = fix_cli(workspace, "draft.txt", "other.txt")
    assert code == 2 and "draft.txt: RL003 无法写入修正：文件是只读的，未写入" in stderr, stderr
    assert draft.read_text(encoding="utf-8") == TEXT and draft.stat().st_mode & 0o777 == 0o444
    assert "draft.txt:2:5: FIX001" in stdout  # linted as it is
    assert (workspace / "other.txt").read_text(encoding="utf-8") == FIXED_SAFE


def test_write_keeps_owner_group_and_mode(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_bytes(b"old")
    owner = (65534, 65534) if os.geteuid() == 0 else (os.geteuid(), os.getegid())
    os.chown(path, *owner)
    path.chmod(0o2640)  # set-group-id too: chown clears it, so the mode must be set after
    write_atomically(path, b"old", b"new")
    status = path.stat()
    assert path.read_bytes() == b"new" and (status.st_uid, status.st_gid) == owner
    assert status.st_mode & 0o7777 == 0o2640


def test_write_keeps_hard_links(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_bytes(b"old")
    other = tmp_path / "elsewhere.txt"
    os.link(path, other)
    inode = path.stat().st_ino
    write_atomically(path, b"old", b"new")
    assert path.stat().st_ino == inode and path.stat().st_nlink == 2
    assert other.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.txt", "elsewhere.txt"]  # the backup is gone


def test_write_in_place_refuses_a_file_changed_since_it_was_read(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_bytes(b"changed")
    os.link(path, tmp_path / "elsewhere.txt")
    with pytest.raises(FixError, match="文件已被改动|文件被改动"):
        write_atomically(path, b"old", b"new")
    assert path.read_bytes() == b"changed"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.txt", "elsewhere.txt"]


def test_write_keeps_extended_attributes(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_bytes(b"old")
    try:
        os.setxattr(path, "user.reportlint-test", b"kept")
    except (AttributeError, OSError):
        pytest.skip("no user extended attributes on this file system")
    write_atomically(path, b"old", b"new")
    assert path.read_bytes() == b"new" and os.getxattr(path, "user.reportlint-test") == b"kept"


def test_an_edit_saved_while_the_fixes_are_written_is_kept(tmp_path, monkeypatch):
    """The user's editor saves the file after it was read and checked, while the temporary file is written:
    the check right before the rename sees it, and the edit stays."""
    import reportlint.storage.atomic as atomic

    path = tmp_path / "draft.txt"
    path.write_bytes(b"old")
    copy_properties = atomic.copy_properties

    def copy_then_user_saves(source, target):
        copy_properties(source, target)
        path.write_bytes(b"saved by the user")

    monkeypatch.setattr(atomic, "copy_properties", copy_then_user_saves)
    with pytest.raises(FixError, match="写入修正期间文件被改动"):
        write_atomically(path, b"old", b"new")
    assert path.read_bytes() == b"saved by the user"
    assert [p.name for p in tmp_path.iterdir()] == ["draft.txt"]


def test_stale_temporaries_of_a_killed_fix_are_removed(workspace):
    draft = workspace / "draft.txt"
    draft.write_text(TEXT, encoding="utf-8")
    hours_ago = time.time() - 2 * 3600
    stale = workspace / ".draft.txt.ab12cd_3.tmp"
    fresh = workspace / ".draft.txt.zz98yx76.tmp"  # perhaps another run's, being written
    orphan = workspace / ".gone.txt.ab12cd34.tmp"  # no such draft: not ours to judge
    link = workspace / ".draft.txt.lnk12345.tmp"
    for path in (stale, fresh, orphan):
        path.write_bytes(b"half")
    link.symlink_to(workspace / "reportlint.toml")
    for path in (stale, orphan, link):
        os.utime(path, (hours_ago, hours_ago), follow_symlinks=False)
    fix_cli(workspace, "draft.txt")
    assert draft.read_text(encoding="utf-8") == FIXED_SAFE
    assert not stale.exists()
    assert fresh.exists() and orphan.exists() and link.is_symlink()
    assert (workspace / "reportlint.toml").exists()
