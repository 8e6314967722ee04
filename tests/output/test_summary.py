"""The text summary: never "未发现问题" over a run that errors left incomplete."""

from __future__ import annotations

from reportlint.output import Report
from reportlint.output.text import summary


def test_clean_run():
    assert summary(Report([], files_checked=2)) == "未发现问题，共检查 2 个文件。"


def test_rule_crash_makes_the_result_incomplete():
    text = summary(Report([], files_checked=2, errors=1))
    assert text == "已检查的 2 个文件中未发现问题；但有 1 个错误（见错误信息），结果可能不完整。"


def test_unread_files_and_other_errors():
    text = summary(Report([], files_checked=1, unread=2, errors=3))
    assert text == (
        "已检查的 1 个文件中未发现问题；另有 2 个文件因错误未能检查，另有 1 个错误（见错误信息），结果不完整。"
    )
