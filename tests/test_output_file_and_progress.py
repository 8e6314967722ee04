"""``check --output-file`` (UTF-8 whatever the console) and the progress bar of long runs on a terminal."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import pytest
from helpers import reportlint_command, run_cli

from reportlint.catalog import base_registry
from reportlint.config.settings import Overrides, SettingsResolver
from reportlint.output.progress import MIN_FILES, ProgressBar
from reportlint.run.runner import run

BAD = "全年完成投资xx亿元。\n"


def test_output_file_is_utf8_whatever_the_console_encoding(tmp_path):
    (tmp_path / "报告.txt").write_text(BAD, encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": "utf-16"}  # what PowerShell 5's redirect would make of it
    result = run_cli("check", "-o", "结果.txt", "报告.txt", cwd=tmp_path, env=env)
    assert result.returncode == 1 and result.stdout == b"" and result.stderr == b""
    text = (tmp_path / "结果.txt").read_bytes().decode("utf-8")
    assert text.startswith("报告.txt:1:7: PH001 未填写的数字占位符“xx”") and "共检查 1 个文件" in text
    as_json = run_cli("check", "-f", "json", "--output-file", "out.json", "报告.txt", cwd=tmp_path, env=env)
    assert as_json.returncode == 1
    assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))[0]["code"] == "PH001"


def test_the_output_file_is_not_linted_itself(tmp_path):
    (tmp_path / "report.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "findings.txt").write_text("全年xx亿元（上一次的报告）。\n", encoding="utf-8")
    run_cli("check", "-o", "findings.txt", ".", cwd=tmp_path)
    text = (tmp_path / "findings.txt").read_text(encoding="utf-8")
    assert "report.txt:1:7" in text and "findings.txt:" not in text and "共检查 1 个文件" in text


def test_an_output_file_that_cannot_be_written_stops_the_run(tmp_path):
    (tmp_path / "report.txt").write_text(BAD, encoding="utf-8")
    result = run_cli("check", "-o", str(tmp_path / "no" / "such" / "folder.txt"), "report.txt", cwd=tmp_path)
    assert result.returncode == 2 and "RL007 无法写入报告文件" in result.stderr.decode("utf-8")


def test_the_bar_is_drawn_past_the_threshold_and_erased():
    stream = io.StringIO()
    bar = ProgressBar(stream)
    for done in range(1, MIN_FILES + 1):
        bar(done, MIN_FILES)  # a short run: no bar
    assert stream.getvalue() == ""
    total = MIN_FILES * 5
    for done in range(1, total + 1):
        bar(done, total)
    shown = stream.getvalue()
    assert shown.startswith("\r检查中 [") and f"{total}/{total} 个文件" in shown and "#" * 30 in shown
    bar.close()
    assert stream.getvalue().endswith("\r") and stream.getvalue().rstrip("\r ").endswith("个文件")


def test_the_run_reports_progress_for_every_file(tmp_path):
    for number in range(25):
        (tmp_path / f"draft{number:02}.txt").write_text(BAD, encoding="utf-8")
    calls = []
    resolver = SettingsResolver(base_registry(), Overrides(), isolated=True)
    result = run([str(tmp_path)], resolver, progress=lambda done, total: calls.append((done, total)))
    assert result.files_checked == 25
    assert calls == [(done, 25) for done in range(1, 26)]


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_the_command_line_draws_the_bar_on_a_terminal_only(tmp_path):
    import pty

    for number in range(MIN_FILES + 5):
        (tmp_path / f"draft{number:02}.txt").write_text(BAD, encoding="utf-8")
    leader, follower = pty.openpty()
    try:
        result = subprocess.run(
            [*reportlint_command(), "check", "-q", "."],
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=follower,
            timeout=120,
        )
        os.close(follower)
        drawn = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal is closed once everything is read
                break
            if not chunk:
                break
            drawn += chunk
    finally:
        os.close(leader)
    assert result.returncode == 1
    assert "检查中 [" in drawn.decode("utf-8") and f"{MIN_FILES + 5}/{MIN_FILES + 5}" in drawn.decode("utf-8")
    assert "检查中" not in result.stdout.decode("utf-8")
    piped = run_cli("check", "-q", ".", cwd=tmp_path)  # stderr a pipe: no bar
    assert piped.stderr == b""
