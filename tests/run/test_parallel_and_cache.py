"""Many files: ``--jobs`` spreads them over processes with the same output, and the results cache gives the
same findings without linting unchanged files again (``--no-cache``, ``reportlint clean``)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from helpers import REPO, run_cli, run_cli_unprivileged

from reportlint.catalog import base_registry
from reportlint.config.settings import Overrides, SettingsResolver
from reportlint.findings import Finding, Position, Severity
from reportlint.run import codec
from reportlint.run.cache import ResultsCache
from reportlint.run.parallel import MIN_PARALLEL_BYTES, lint_all
from reportlint.run.task import FileReport, FileTask

REPORT = "2024年度工作总结.txt"
SPEECH = "2024年度工作会议讲话稿.txt"


def copy_examples(folder: Path, copies: int = 1) -> Path:
    """The bundled report and speech (they disagree on one figure), and ``copies`` numbered copies of the
    report in a subfolder: enough text to go parallel."""
    folder.mkdir(exist_ok=True)
    for name in (REPORT, SPEECH):
        shutil.copy(REPO / "examples" / name, folder / name)
    if copies:
        more = folder / "more"
        more.mkdir()
        text = (REPO / "examples" / REPORT).read_text(encoding="utf-8")
        for index in range(copies):
            (more / f"{index:03d}.txt").write_text(f"第{index}号\n{text}", encoding="utf-8")
    return folder


def findings_json(*args: str, cwd: Path, env: dict | None = None) -> tuple[int, list[dict]]:
    result = run_cli("check", "-f", "json", *args, ".", cwd=cwd, env=env)
    assert result.returncode in (0, 1), result.stderr.decode()
    return result.returncode, json.loads(result.stdout)


def cache_env(directory: Path) -> dict:
    return {**os.environ, "REPORTLINT_CACHE_DIR": str(directory)}


# --jobs --------------------------------------------------------------------------------------------------------


def report_pid(task: FileTask) -> FileReport:
    return FileReport(f"{task.display}@{os.getpid()}")


def test_work_is_spread_over_processes_and_comes_back_in_order(tmp_path):
    tasks = []
    for index in range(40):
        path = tmp_path / f"{index:02d}.txt"
        path.write_bytes(b"x" * (MIN_PARALLEL_BYTES // 20))
        tasks.append(FileTask(path, path.name))
    reports = lint_all(report_pid, tasks, jobs=2)
    names = [report.display.split("@")[0] for report in reports]
    pids = {report.display.split("@")[1] for report in reports}
    assert names == [task.display for task in tasks]
    assert str(os.getpid()) not in pids and len(pids) == 2


def test_little_text_stays_in_one_process(tmp_path):
    tasks = [FileTask(tmp_path / f"{index}.txt", str(index)) for index in range(5)]
    for task in tasks:
        task.path.write_text("短文。", encoding="utf-8")
    pids = {report.display.split("@")[1] for report in lint_all(report_pid, tasks, jobs=2)}
    assert pids == {str(os.getpid())}


def test_parallel_output_equals_one_process_and_still_compares_documents(tmp_path):
    folder = copy_examples(tmp_path / "drafts", copies=30)
    size = sum(file.stat().st_size for file in folder.rglob("*.txt"))
    assert size > MIN_PARALLEL_BYTES  # so that --jobs 2 really uses two processes
    one = run_cli("check", "--no-cache", "--jobs", "1", ".", cwd=folder)
    two = run_cli("check", "--no-cache", "--jobs", "2", ".", cwd=folder)
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout and one.stderr == two.stderr
    _, findings = findings_json("--no-cache", "--jobs", "2", cwd=folder)
    cross = {Path(f["filename"]).name for f in findings if f["code"] == "NUM002" and f["text"] in ("36个", "38个")}
    assert {REPORT, SPEECH} <= cross


def test_jobs_must_be_positive(tmp_path):
    result = run_cli("check", "--jobs", "0", ".", cwd=tmp_path)
    assert result.returncode == 2 and b"Traceback" not in result.stderr


# the results cache ---------------------------------------------------------------------------------------------


def test_second_run_gives_the_same_findings_from_the_cache(tmp_path):
    folder = copy_examples(tmp_path / "drafts", copies=0)
    cache = tmp_path / "cache"
    first = run_cli("check", ".", cwd=folder, env=cache_env(cache))
    entries = {path.name for path in cache.rglob("*") if path.is_file()}
    second = run_cli("check", ".", cwd=folder, env=cache_env(cache))
    assert first.returncode == second.returncode == 1
    assert first.stdout == second.stdout
    assert b"NUM002" in second.stdout  # the cross-document finding, from the cached corpus outcome
    assert {"CACHEDIR.TAG", ".gitignore"} <= entries
    assert sum(name.startswith("corpus-") for name in entries) == 1
    assert {path.name for path in cache.rglob("*") if path.is_file()} == entries  # nothing new written


def planted_report(cache: Path) -> tuple[Path, FileReport]:
    """The cached report of the one file linted, and its path in the cache."""
    reports = [path for path in cache.glob("*/*") if "." not in path.name and not path.name.startswith("corpus-")]
    [entry] = reports
    return entry, codec.load_report(entry.read_bytes())


def test_an_unchanged_file_is_not_linted_again(tmp_path):
    (tmp_path / "a.txt").write_text("里程牌。\n", encoding="utf-8")
    cache = tmp_path / "cache"
    run_cli("check", "a.txt", cwd=tmp_path, env=cache_env(cache))
    entry, report = planted_report(cache)
    assert [finding.code for finding in report.findings] == ["TYP001"]
    # a report planted under the file's key is what the next run shows: the file was not linted again
    planted = Finding("TYP999", "planted", Severity.ERROR, "来自缓存", "a.txt", Position(1, 1), Position(1, 2), "里")
    entry.write_bytes(codec.dump_report(FileReport("a.txt", [planted], lines=report.lines, cache_key=report.cache_key)))
    assert b"TYP999" in run_cli("check", "a.txt", cwd=tmp_path, env=cache_env(cache)).stdout
    # --no-cache, changed text, and changed options are linted afresh
    assert b"TYP999" not in run_cli("check", "--no-cache", "a.txt", cwd=tmp_path, env=cache_env(cache)).stdout
    assert b"TYP999" not in run_cli("check", "--ignore", "PUN", "a.txt", cwd=tmp_path, env=cache_env(cache)).stdout
    (tmp_path / "a.txt").write_text("里程牌！\n", encoding="utf-8")
    changed = run_cli("check", "a.txt", cwd=tmp_path, env=cache_env(cache))
    assert b"TYP999" not in changed.stdout and b"TYP001" in changed.stdout


def test_editing_a_config_pack_invalidates_the_cache(tmp_path):
    (tmp_path / "a.txt").write_text("甲乙丙。\n", encoding="utf-8")
    pack = tmp_path / "ours.toml"
    entry = '[pack]\nname = "ours"\n[[rules]]\ncode = "ORG001"\nname = "ours"\nsummary = "s"\ndoc = "d"\n'
    pack.write_text(entry + '[[rules.entries]]\nmatch = "甲乙"\nreplace = ["丁"]\n', encoding="utf-8")
    (tmp_path / "reportlint.toml").write_text('packs = ["ours.toml"]\n', encoding="utf-8")
    env = cache_env(tmp_path / "cache")
    assert b"ORG001" in run_cli("check", "a.txt", cwd=tmp_path, env=env).stdout
    pack.write_text(entry + '[[rules.entries]]\nmatch = "戊"\nreplace = ["丁"]\n', encoding="utf-8")
    assert run_cli("check", "a.txt", cwd=tmp_path, env=env).returncode == 0


def test_a_changed_file_is_compared_with_the_cached_summary_of_the_other(tmp_path):
    folder = copy_examples(tmp_path / "drafts", copies=0)
    env = cache_env(tmp_path / "cache")
    run_cli("check", ".", cwd=folder, env=env)
    speech = folder / SPEECH  # GB18030 with CRLF line ends
    speech.write_bytes(speech.read_bytes() + "散会。\r\n".encode("gb18030"))
    _, findings = findings_json(cwd=folder, env=env)
    assert {Path(f["filename"]).name for f in findings if f["code"] == "NUM002"} == {REPORT, SPEECH}
    # and once a figure is corrected, the pair is no longer reported
    speech.write_bytes(speech.read_bytes().replace("签约项目38个".encode("gb18030"), "签约项目36个".encode("gb18030")))
    _, findings = findings_json(cwd=folder, env=env)
    assert not [f for f in findings if f["code"] == "NUM002" and f["text"] in ("36个", "38个")]


def test_a_damaged_cache_entry_is_linted_again(tmp_path):
    (tmp_path / "a.txt").write_text("里程牌。\n", encoding="utf-8")
    cache = tmp_path / "cache"
    run_cli("check", "a.txt", cwd=tmp_path, env=cache_env(cache))
    entry, _ = planted_report(cache)
    entry.write_bytes(b"\x80\x05 not a pickle")
    result = run_cli("check", "a.txt", cwd=tmp_path, env=cache_env(cache))
    assert result.returncode == 1 and b"TYP001" in result.stdout and not result.stderr


def default_env(tmp_path: Path) -> dict:
    """No REPORTLINT_CACHE_DIR, and a user cache folder of the test's own."""
    env = {key: value for key, value in os.environ.items() if key != "REPORTLINT_CACHE_DIR"}
    return {**env, "XDG_CACHE_HOME": str(tmp_path / "user-cache")}


def test_no_cache_writes_nothing_and_the_default_lives_in_the_user_cache(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    (project / "a.txt").write_text("正文。\n", encoding="utf-8")
    env = default_env(tmp_path)
    assert run_cli("check", "--no-cache", "a.txt", cwd=project, env=env).returncode == 0
    assert not (tmp_path / "user-cache" / "reportlint" / "results").exists()  # (parsed TOML may be there)
    assert run_cli("check", "a.txt", cwd=project, env=env).returncode == 0
    [cache] = (tmp_path / "user-cache" / "reportlint" / "results").iterdir()
    assert (cache / "CACHEDIR.TAG").is_file()
    assert (cache / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    assert sorted(path.name for path in project.iterdir()) == ["a.txt"]  # nothing written in the project


def test_cache_dir_from_the_config_and_the_command_line(tmp_path):
    (tmp_path / "a.txt").write_text("正文。\n", encoding="utf-8")
    (tmp_path / "reportlint.toml").write_text('cache-dir = "build/lint-cache"\n', encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if key != "REPORTLINT_CACHE_DIR"}
    run_cli("check", "a.txt", cwd=tmp_path, env=env)
    assert (tmp_path / "build" / "lint-cache" / "CACHEDIR.TAG").is_file()
    run_cli("check", "--cache-dir", "elsewhere", "a.txt", cwd=tmp_path, env=env)
    assert (tmp_path / "elsewhere" / "CACHEDIR.TAG").is_file()


def test_clean_removes_the_cache_and_nothing_else(tmp_path):
    (tmp_path / "a.txt").write_text("正文。\n", encoding="utf-8")
    env = default_env(tmp_path)
    run_cli("check", "a.txt", cwd=tmp_path, env=env)
    results = tmp_path / "user-cache" / "reportlint" / "results"
    assert len(list(results.iterdir())) == 1
    result = run_cli("clean", cwd=tmp_path, env=env)
    assert result.returncode == 0 and not list(results.iterdir())
    assert (tmp_path / "a.txt").exists()
    assert run_cli("clean", cwd=tmp_path, env=env).returncode == 0  # nothing to remove is no error
    (tmp_path / "not-a-cache").mkdir()
    (tmp_path / "not-a-cache" / "keep.txt").write_text("x", encoding="utf-8")
    refused = run_cli("clean", "--cache-dir", "not-a-cache", cwd=tmp_path, env=env)
    assert (
        refused.returncode == 2
        and "RL005" in refused.stderr.decode()
        and "不是 reportlint 缓存" in refused.stderr.decode()
    )
    assert (tmp_path / "not-a-cache" / "keep.txt").exists()


def test_an_unwritable_cache_is_a_warning_not_an_error(open_folder):
    """As an unprivileged user (as root, permissions stop nobody)."""
    (open_folder / "a.txt").write_text("里程牌。\n", encoding="utf-8")
    locked = open_folder / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    env = {"REPORTLINT_CACHE_DIR": str(locked / "cache")}
    result = run_cli_unprivileged("check", "a.txt", cwd=open_folder, env=env)
    assert result.returncode == 1 and b"TYP001" in result.stdout
    assert "警告".encode() in result.stderr and b"Traceback" not in result.stderr
    assert not (locked / "cache").exists()


def test_a_cache_path_that_is_a_file_is_a_warning_not_an_error(tmp_path):
    (tmp_path / "a.txt").write_text("里程牌。\n", encoding="utf-8")
    (tmp_path / "blocker").write_text("", encoding="utf-8")
    result = run_cli("check", "a.txt", cwd=tmp_path, env=cache_env(tmp_path / "blocker" / "cache"))
    assert result.returncode == 1 and b"TYP001" in result.stdout
    assert "警告".encode() in result.stderr and b"Traceback" not in result.stderr


def test_fix_bypasses_the_cache(tmp_path):
    draft = tmp_path / "a.txt"
    draft.write_text("截止目前，完成任务。\n", encoding="utf-8")
    env = cache_env(tmp_path / "cache")
    assert run_cli("check", "a.txt", cwd=tmp_path, env=env).returncode == 1
    run_cli("check", "--fix", "a.txt", cwd=tmp_path, env=env)
    assert draft.read_text(encoding="utf-8") == "截至目前，完成任务。\n"
    assert run_cli("check", "a.txt", cwd=tmp_path, env=env).returncode == 0


def test_cache_key_depends_on_settings_per_file(tmp_path):
    """Two folders with different configs: the same text gets each folder's findings."""
    resolver = SettingsResolver(base_registry(), Overrides())
    cache = ResultsCache(tmp_path / "cache", base_registry())
    keys = set()
    for name, config in (("a", ""), ("b", 'ignore = ["TYP"]\n')):
        (tmp_path / name).mkdir()
        (tmp_path / name / "reportlint.toml").write_text(config, encoding="utf-8")
        path = tmp_path / name / "draft.txt"
        keys.add(cache.key(b"same", FileTask(path, "draft.txt"), resolver.for_path(path)))
    assert len(keys) == 2
