"""``annotate`` adds comments in time linear in their number (python-docx looks the next comment id up by
scanning every comment: 2k/4k/8k comments took 14/50/132 s). Measured as a ratio, never against a clock."""

from __future__ import annotations

import io
from collections.abc import Callable

import docx
from helpers import REPO
from timing import assert_linear

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


def _commenting(paragraphs: int) -> Callable[[], None]:
    """Adding one comment per paragraph to a fresh copy of a draft of ``paragraphs`` paragraphs."""
    data = _draft(paragraphs)
    document = read_bytes(data, "draft.docx", "docx")
    findings, _ = lint_document(document, Settings(ConfigSpec(select=["PH001"]), REPO, None, base_registry()))
    assert len(findings) == paragraphs

    def comment() -> None:
        word = docx.Document(io.BytesIO(data))
        add_comments(word, findings, document.lines)
        assert len({comment.comment_id for comment in word.comments}) == paragraphs

    return comment


def test_adding_comments_is_linear_in_their_number(monkeypatch) -> None:
    monkeypatch.setattr(lint, "MAX_FINDINGS_PER_RULE", 10_000)
    n = 1500
    work = {size: _commenting(size) for size in (n, 2 * n)}
    assert_linear(lambda size: work[size](), n)
