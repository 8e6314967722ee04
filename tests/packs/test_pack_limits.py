"""A config's pack from a folder someone else wrote cannot hang or exhaust reportlint: only regular files of
bounded size are read, and a user pack's regex that backtracks without end is stopped (RL004)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from helpers import run_cli

from reportlint.storage.files import MAX_TOML_BYTES, NotRegularFile, read_regular
from reportlint.storage.toml import load_toml

RULE = '[pack]\nname = "ours"\n[[rules]]\ncode = "ORG001"\nname = "ours"\nsummary = "s"\ndoc = "d"\n'


def with_pack(folder: Path, pack: str) -> Path:
    (folder / "a.txt").write_text("里程牌。\n", encoding="utf-8")
    (folder / "reportlint.toml").write_text(f"packs = [{pack!r}]\n", encoding="utf-8")
    return folder


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_pack_is_refused_not_waited_for(tmp_path):
    os.mkfifo(tmp_path / "fifo.toml")
    result = run_cli("check", "a.txt", cwd=with_pack(tmp_path, "fifo.toml"))
    assert result.returncode == 2 and b"fifo.toml" in result.stderr and b"Traceback" not in result.stderr


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
@pytest.mark.parametrize("pack", ["/dev/zero", "zero.toml"])
def test_a_device_pack_is_refused(tmp_path, pack):
    (tmp_path / "zero.toml").symlink_to("/dev/zero")
    result = run_cli("check", "a.txt", cwd=with_pack(tmp_path, pack))
    assert result.returncode == 2 and "无法读取".encode() in result.stderr and b"Traceback" not in result.stderr


def test_a_huge_pack_is_refused(tmp_path):
    (tmp_path / "huge.toml").write_text(RULE + "#" * MAX_TOML_BYTES + "\n", encoding="utf-8")
    result = run_cli("check", "a.txt", cwd=with_pack(tmp_path, "huge.toml"))
    assert result.returncode == 2 and b"huge.toml" in result.stderr and b"Traceback" not in result.stderr


def test_read_regular_refuses_what_it_must(tmp_path):
    (tmp_path / "small").write_bytes(b"12345")
    (tmp_path / "link").symlink_to(tmp_path / "small")
    assert read_regular(tmp_path / "small", 5) == b"12345" and read_regular(tmp_path / "link", 5) == b"12345"
    with pytest.raises(NotRegularFile):
        read_regular(tmp_path / "small", 4)
    with pytest.raises(OSError):
        read_regular(tmp_path / "link", 5, follow=False)
    with pytest.raises(NotRegularFile):
        read_regular(tmp_path, 5)


def test_a_damaged_parsed_toml_entry_means_parsing_again(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    (tmp_path / "a.toml").write_text('key = "值"\n', encoding="utf-8")
    assert load_toml(tmp_path / "a.toml") == {"key": "值"}
    [entry] = (tmp_path / "cache" / "reportlint").iterdir()
    for damage in (b"", b"\xff\xfe garbage", entry.read_bytes()[:-3], b"\xe9" * 1000):
        entry.write_bytes(damage)
        assert load_toml(tmp_path / "a.toml") == {"key": "值"}


@pytest.mark.parametrize("how", ["rules", "extend"])
def test_a_catastrophic_pack_regex_is_stopped_with_rl004(tmp_path, how):
    if how == "rules":
        pack = RULE + '[[rules.entries]]\nregex = "(?:x|xx)+y"\nreplace = ["z"]\n'
    else:  # extending a shipped rule: its own regexes are trusted, the added one is not
        pack = '[pack]\nname = "ours"\n[[extend]]\nextends = "TYP001"\n[[extend.entries]]\nregex = "(?:x|xx)+y"\n'
        pack += 'replace = ["z"]\n'
    (tmp_path / "slow.toml").write_text(pack, encoding="utf-8")
    folder = with_pack(tmp_path, "slow.toml")
    (folder / "b.txt").write_text("x" * 60 + "\n", encoding="utf-8")
    result = run_cli("check", "--no-cache", "a.txt", "b.txt", cwd=folder)
    stderr = result.stderr.decode()
    assert result.returncode == 2 and "Traceback" not in stderr
    assert "b.txt: RL004" in stderr and "正则表达式匹配超过" in stderr
    assert b"a.txt:1:1: TYP001" in result.stdout  # the other file, and the other rules, still linted
