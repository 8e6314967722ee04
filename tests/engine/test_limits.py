"""Findings are capped per rule and per file: past the limits they are counted, not kept, and one note
where the first left-out one is says how many there were."""

from __future__ import annotations

from collections import Counter

from helpers import lint_text

import reportlint.engine.lint as lint
from reportlint.engine.lint import MAX_FINDINGS_PER_RULE


def test_a_rule_reports_at_most_its_limit_and_a_note_on_a_large_input() -> None:
    count = 200_000  # 600 kB of unmatched opening quotes: 200,000 hits of one rule
    findings = lint_text("“" * count)
    by_code = Counter(finding.code for finding in findings)
    assert by_code == {"PUN004": MAX_FINDINGS_PER_RULE + 1}
    note = findings[-1]
    assert note.message == f"另有 {count - MAX_FINDINGS_PER_RULE} 处同类问题未列出（每条规则每个文件最多列出 1000 处）"
    assert note.start.column == MAX_FINDINGS_PER_RULE + 1  # where the first left-out one is
    assert all("未列出" not in finding.message for finding in findings[:-1])


def test_below_the_limit_nothing_is_left_out() -> None:
    findings = lint_text("“" * MAX_FINDINGS_PER_RULE)
    assert len(findings) == MAX_FINDINGS_PER_RULE and not any("未列出" in f.message for f in findings)


def test_a_file_reports_at_most_its_limit(monkeypatch) -> None:
    monkeypatch.setattr(lint, "MAX_FINDINGS_PER_FILE", 30)
    text = "“" * 25 + "\n" + "完成xx亿元，" * 25 + "\n"  # PUN004 and PH001 hits: 50 in all
    findings = lint_text(text)
    notes = [finding for finding in findings if "未列出" in finding.message]
    assert len(findings) - len(notes) == 30
    assert sum(int(note.message.split()[1]) for note in notes) == 20
    assert all("每个文件最多列出 30 处" in note.message for note in notes)


def test_suppressed_findings_do_not_count_towards_the_limit() -> None:
    text = "<!-- reportlint-disable PUN004 -->\n" + "“" * 1500 + "\n\n<!-- reportlint-enable -->\n" + "“" * 10 + "\n"
    findings = lint_text(text, fmt="md")
    assert [f.code for f in findings] == ["PUN004"] * 10
