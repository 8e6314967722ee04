"""Terminal control characters and bidirectional overrides from drafts and file names are shown escaped in the
text output and on stderr: a draft cannot clear the screen or make a line read differently."""

from __future__ import annotations

import regex
from helpers import run_cli

from reportlint.output.escape import escape_controls

UNSAFE = regex.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def visible_lines(data: bytes) -> list[str]:
    return data.decode("utf-8").split("\n")


def test_escape_controls():
    assert escape_controls("a\x1b[2Jb\tc\x7f\x85\u202e\u2066") == "a<U+001B>[2Jb\tc<U+007F><U+0085><U+202E><U+2066>"
    assert escape_controls("里程牌，“正文”。") == "里程牌，“正文”。"


def test_a_draft_cannot_send_terminal_escapes(tmp_path):
    (tmp_path / "a.txt").write_text("里程牌\x1b[2J\x1b[1A\u202e伪造。\n", encoding="utf-8")
    for output in ("text", "concise"):
        result = run_cli("check", "--no-color", "-f", output, "a.txt", cwd=tmp_path)
        assert result.returncode == 1 and b"TYP001" in result.stdout
        assert not any(UNSAFE.search(line) for line in visible_lines(result.stdout)), result.stdout
    full = run_cli("check", "--no-color", "a.txt", cwd=tmp_path).stdout.decode()
    assert "<U+001B>[2J" in full and "<U+202E>" in full


def test_the_caret_stays_under_the_escaped_text(tmp_path):
    (tmp_path / "a.txt").write_text("\x1b[2J里程牌。\n", encoding="utf-8")
    lines = run_cli("check", "--no-color", "a.txt", cwd=tmp_path).stdout.decode().split("\n")
    source = next(line for line in lines if line.startswith("1 | "))
    caret = lines[lines.index(source) + 1]
    assert source.index("里") == caret.index("^")  # the escape is ASCII: one column a character
    assert caret.count("^") == 6


def test_file_names_are_escaped_in_findings_and_errors(tmp_path):
    name = "a\x1b[31m\u202e.txt"
    (tmp_path / name).write_text("里程牌。\n", encoding="utf-8")
    (tmp_path / "b\x1b]0;title\x07.docx").write_bytes(b"not a zip")
    result = run_cli("check", "--no-color", ".", cwd=tmp_path)
    assert result.returncode == 2
    assert not any(UNSAFE.search(line) for line in visible_lines(result.stdout))
    assert not any(UNSAFE.search(line) for line in visible_lines(result.stderr))
    assert "a<U+001B>[31m<U+202E>.txt:1:1: TYP001" in result.stdout.decode()
    assert "b<U+001B>]0;title<U+0007>.docx: RL001" in result.stderr.decode()
