"""``annotate`` adds comments in time linear in their number (python-docx looks the next comment id up by
scanning every comment: 2k/4k/8k comments took 14/50/132 s). Measured as a ratio, never against a clock."""

from __future__ import annotations

import io
import time

import docx
from helpers import REPO

import reportlint.engine.lint as lint
from reportlint.catalog import base_registry
from reportlint.config.settings import ConfigSpec, Settings
from reportlint.engine.lint import lint_document
from reportlint.integrations.word import add_comments
from reportlint.readers import read_bytes


def _draft(paragraphs: int) -> bytes:
    word = docx.Document()
    for _ in range(paragraphs):
        word.add_paragraph("全年完成投资xx亿元。")
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _time_to_comment(paragraphs: int, repetitions: int = 3) -> float:
    data = _draft(paragraphs)
    document = read_bytes(data, "draft.docx", "docx")
    findings, _ = lint_document(document, Settings(ConfigSpec(select=["PH001"]), REPO, None, base_registry()))
    assert len(findings) == paragraphs
    best = float("inf")
    for _ in range(repetitions):
        word = docx.Document(io.BytesIO(data))
        start = time.perf_counter()
        add_comments(word, findings, document.lines)
        best = min(best, time.perf_counter() - start)
    assert len(word.comments) == paragraphs
    ids = [comment.comment_id for comment in word.comments]
    assert len(set(ids)) == paragraphs
    return best


def test_adding_comments_is_linear_in_their_number(monkeypatch) -> None:
    monkeypatch.setattr(lint, "MAX_FINDINGS_PER_RULE", 10_000)
    n = 1500
    ratio = _time_to_comment(2 * n) / _time_to_comment(n)
    assert ratio <= 2.5, f"2n comments took {ratio:.2f} times as long as n"
