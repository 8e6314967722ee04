"""The results cache in a folder someone else wrote: it never removes or overwrites what it did not create,
never follows a symlink out of its directory, and never runs code found in an entry."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest
from helpers import run_cli

from reportlint.findings import Edit, Finding, Fix, Position, Related, Severity
from reportlint.run import codec
from reportlint.run.cache import MARKER
from reportlint.run.task import FileReport, RunError


def default_env(tmp_path: Path) -> dict:
    env = {key: value for key, value in os.environ.items() if key != "REPORTLINT_CACHE_DIR"}
    return {**env, "XDG_CACHE_HOME": str(tmp_path / "user-cache")}


def precious(folder: Path) -> Path:
    """A folder with a subfolder and a file that must survive."""
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "keep.txt").write_text("保留", encoding="utf-8")
    return folder


def project(tmp_path: Path, config: str | None = None) -> Path:
    folder = tmp_path / "repo" / "drafts"
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text("里程牌。\n", encoding="utf-8")
    if config is not None:
        (folder / "reportlint.toml").write_text(config, encoding="utf-8")
    return folder


@pytest.mark.parametrize("where", ["../../文档", "ABSOLUTE", "."])
def test_a_config_cannot_point_the_cache_out_of_its_project(tmp_path, where):
    documents = precious(tmp_path / "文档")
    value = str(documents) if where == "ABSOLUTE" else where
    drafts = project(tmp_path, f"cache-dir = {value!r}\n")
    precious(drafts / "年度")
    result = run_cli("check", "a.txt", cwd=drafts, env=default_env(tmp_path))
    stderr = result.stderr.decode()
    assert result.returncode == 1 and b"TYP001" in result.stdout  # linted, without the cache
    assert "RL005" in stderr and "cache-dir" in stderr and "Traceback" not in stderr
    assert (documents / "sub" / "keep.txt").exists() and (drafts / "年度" / "sub" / "keep.txt").exists()
    assert not (documents / "CACHEDIR.TAG").exists() and not (drafts / "CACHEDIR.TAG").exists()
    refused = run_cli("clean", cwd=drafts, env=default_env(tmp_path))
    assert refused.returncode == 2 and "RL005" in refused.stderr.decode()
    assert (documents / "sub" / "keep.txt").exists()


def test_a_committed_symlink_cache_is_not_followed(tmp_path):
    drafts = project(tmp_path, 'cache-dir = ".reportlint_cache"\n')
    precious(tmp_path / "repo")
    (drafts / ".reportlint_cache").symlink_to("../..")
    for args in (["check", "a.txt"], ["check", "--cache-dir", ".reportlint_cache", "a.txt"]):
        result = run_cli(*args, cwd=drafts, env=default_env(tmp_path))
        assert result.returncode == 1 and b"TYP001" in result.stdout and b"RL005" in result.stderr
    assert run_cli("clean", "--cache-dir", ".reportlint_cache", cwd=drafts, env=default_env(tmp_path)).returncode == 2
    assert (tmp_path / "repo" / "sub" / "keep.txt").exists() and (drafts / "a.txt").exists()
    assert not (tmp_path / "CACHEDIR.TAG").exists() and not (tmp_path / ".gitignore").exists()


def test_cache_dir_dot_deletes_nothing_of_the_project(tmp_path):
    drafts = project(tmp_path)
    precious(drafts)
    (drafts / ".gitignore").write_text("*.bak\n", encoding="utf-8")
    env = default_env(tmp_path)
    for _ in range(2):
        assert b"TYP001" in run_cli("check", "--cache-dir", ".", "a.txt", cwd=drafts, env=env).stdout
    assert (drafts / "sub" / "keep.txt").exists() and (drafts / ".gitignore").read_text(encoding="utf-8") == "*.bak\n"
    assert run_cli("clean", "--cache-dir", ".", cwd=drafts, env=env).returncode == 0
    assert (drafts / "sub" / "keep.txt").exists() and (drafts / "a.txt").exists()
    assert (drafts / ".gitignore").read_text(encoding="utf-8") == "*.bak\n"
    assert not [path for path in drafts.iterdir() if (path / MARKER).exists()]  # its own entries are gone


def test_clean_of_a_parent_folder_removes_only_the_cache_entries(tmp_path):
    parent = precious(tmp_path / "parent")
    (parent / "CACHEDIR.TAG").write_text("Signature: 8a477f597d28d172789f06886806bc55\n", encoding="utf-8")
    drafts = project(parent)
    env = default_env(tmp_path)
    run_cli("check", "--cache-dir", str(parent), "a.txt", cwd=drafts, env=env)
    assert [path for path in parent.iterdir() if (path / MARKER).is_file()]
    assert run_cli("clean", "--cache-dir", str(parent), cwd=drafts, env=env).returncode == 0
    assert (parent / "sub" / "keep.txt").exists() and (drafts / "a.txt").exists()
    assert not [path for path in parent.iterdir() if (path / MARKER).is_file()]


def test_only_marked_folders_of_another_version_are_removed(tmp_path):
    cache = tmp_path / "cache"
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / MARKER).write_text("", encoding="utf-8")
    (outside / "keep.txt").write_text("x", encoding="utf-8")
    (cache / "old").mkdir(parents=True)
    (cache / "old" / MARKER).write_text("", encoding="utf-8")
    precious(cache / "unmarked")
    (cache / "linked").symlink_to(outside)
    (tmp_path / "a.txt").write_text("正文。\n", encoding="utf-8")
    env = {**os.environ, "REPORTLINT_CACHE_DIR": str(cache)}
    assert run_cli("check", "a.txt", cwd=tmp_path, env=env).returncode == 0
    assert not (cache / "old").exists()  # a stale folder of reportlint's own
    assert (cache / "unmarked" / "sub" / "keep.txt").exists() and (outside / "keep.txt").exists()


@pytest.mark.parametrize("name", ["CACHEDIR.TAG", ".gitignore"])
def test_a_symlinked_tag_or_gitignore_is_not_written_through(tmp_path, name):
    target = tmp_path / "victim.txt"
    target.write_text("原文\n", encoding="utf-8")
    cache = tmp_path / "drafts" / ".reportlint_cache"
    cache.mkdir(parents=True)
    (cache / name).symlink_to(target)
    (tmp_path / "drafts" / "a.txt").write_text("里程牌。\n", encoding="utf-8")
    result = run_cli("check", "--cache-dir", str(cache), "a.txt", cwd=tmp_path / "drafts", env=default_env(tmp_path))
    assert result.returncode == 1 and b"TYP001" in result.stdout and b"RL005" in result.stderr
    assert target.read_text(encoding="utf-8") == "原文\n"


class _Payload:
    def __init__(self, path: Path) -> None:
        self.path = str(path)

    def __reduce__(self):
        return (os.mkdir, (self.path,))


def test_a_planted_pickle_is_never_run(tmp_path):
    drafts = project(tmp_path)
    (drafts / "b.txt").write_text("另一份。\n", encoding="utf-8")
    cache = drafts / ".reportlint_cache"
    env = {**os.environ, "REPORTLINT_CACHE_DIR": str(cache)}
    first = run_cli("check", ".", cwd=drafts, env=env)
    entries = [path for path in cache.glob("*/*") if path.name != MARKER]
    assert len(entries) >= 3  # two reports and the corpus outcome
    pwned = tmp_path / "pwned"
    for entry in entries:
        entry.write_bytes(pickle.dumps(_Payload(pwned)))
    pickle.loads(pickle.dumps(_Payload(tmp_path / "proof")))  # the payload works when unpickled
    assert (tmp_path / "proof").is_dir()
    second = run_cli("check", ".", cwd=drafts, env=env)
    assert not pwned.exists()
    assert second.returncode == first.returncode == 1 and second.stdout == first.stdout


def test_reports_round_trip_through_json():
    start, end = Position(2, 3), Position(2, 6)
    finding = Finding(
        "NUM002",
        "figure-differs-across-documents",
        Severity.ERROR,
        "“38个”不一致\x1b",
        "a.txt",
        start,
        end,
        "38个",
        context="前\x00后",
        fix=Fix("改为“36个”", (Edit(start, end, "36个"),), safe=False),
        related=(Related("b.txt", Position(1, 1), Position(1, 4), "写作“36个”"),),
        url="https://example.org",
    )
    report = FileReport("a.txt", [finding], [RunError("a.txt", "RL002", "崩溃")], ["第一行", "\udcff"], cache_key="k")
    loaded = codec.load_report(codec.dump_report(report))
    assert loaded.findings == [finding] and loaded.findings[0].fingerprint == finding.fingerprint
    assert loaded.errors == report.errors and loaded.lines == report.lines and loaded.cache_key == "k"
    assert codec.load_outcome(codec.dump_outcome(([finding], []))) == ([finding], [])
    for damaged in (b"", b"[]", b'{"format": 1, "kind": "report", "body": {"display": 3}}', b"\x80\x05."):
        with pytest.raises((ValueError, KeyError, TypeError)):
            codec.load_report(damaged)


def test_a_cache_entry_that_is_a_named_pipe_does_not_hang_the_run(tmp_path):
    """An entry replaced by a FIFO (committed, or planted by a colleague) is skipped: the file is linted again."""
    drafts = project(tmp_path)
    cache = drafts / ".reportlint_cache"
    env = {**os.environ, "REPORTLINT_CACHE_DIR": str(cache)}
    first = run_cli("check", ".", cwd=drafts, env=env)
    entries = [path for path in cache.glob("*/*") if path.name != MARKER]
    assert entries
    for entry in entries:
        entry.unlink()
        os.mkfifo(entry)
    second = run_cli("check", ".", cwd=drafts, env=env)  # run_cli gives up (fails) after 120 s
    assert second.returncode == first.returncode == 1 and second.stdout == first.stdout
