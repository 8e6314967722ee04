"""Files named on the command line (as a pre-commit hook names every staged file): Word/WPS lock files are
never linted, and ``force-exclude`` applies the config's ``exclude`` to them as well."""

from __future__ import annotations

from helpers import run_cli

BAD = "全年完成投资xx亿元。\n"


def _project(tmp_path, config: str = 'exclude = ["archive/", "old-*.txt"]\n'):
    (tmp_path / ".reportlint.toml").write_text(config, encoding="utf-8")
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "2019.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "old-draft.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "report.txt").write_text(BAD, encoding="utf-8")
    return tmp_path


def test_explicit_files_are_linted_without_force_exclude(tmp_path):
    project = _project(tmp_path)
    result = run_cli("check", "-f", "concise", "archive/2019.txt", "old-draft.txt", "report.txt", cwd=project)
    output = result.stdout.decode("utf-8")
    assert "archive/2019.txt:1:7" in output and "old-draft.txt:1:7" in output and "report.txt:1:7" in output


def test_force_exclude_flag_honours_exclude_for_explicit_files(tmp_path):
    project = _project(tmp_path)
    result = run_cli(
        "check", "--force-exclude", "-f", "concise", "archive/2019.txt", "old-draft.txt", "report.txt", cwd=project
    )
    output = result.stdout.decode("utf-8")
    assert result.returncode == 1
    assert "archive/" not in output and "old-draft" not in output
    assert "report.txt:1:7" in output and "共检查 1 个文件" in output
    # --no-force-exclude wins over the config key
    (project / ".reportlint.toml").write_text('exclude = ["archive/"]\nforce-exclude = true\n', encoding="utf-8")
    keyed = run_cli("check", "archive/2019.txt", cwd=project)
    assert keyed.returncode == 0 and "共检查 0 个文件" in keyed.stdout.decode("utf-8")
    forced = run_cli("check", "--no-force-exclude", "archive/2019.txt", cwd=project)
    assert forced.returncode == 1


def test_word_lock_files_named_explicitly_are_skipped(tmp_path):
    lock = tmp_path / "~$report.docx"  # what Word/WPS leaves beside an open draft: 162 bytes, not a .docx
    lock.write_bytes(b"\x0bzhangsan" + b"\x00" * 153)
    (tmp_path / "report.txt").write_text(BAD, encoding="utf-8")
    result = run_cli("check", "~$report.docx", "report.txt", cwd=tmp_path)
    assert result.returncode == 1 and result.stderr == b""
    assert "共检查 1 个文件" in result.stdout.decode("utf-8")
