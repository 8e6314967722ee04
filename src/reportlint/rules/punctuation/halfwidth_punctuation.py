"""PUN001 halfwidth-punctuation: A half-width , ; : ? ! in Chinese text (use ， ； ： ？ ！)."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from reportlint.analysis.chars import CHINESE_TEXT, LATIN_OR_DIGIT, char_at, is_
from reportlint.analysis.spans import prose_matches
from reportlint.document import Document
from reportlint.findings import Severity
from reportlint.rule import Case, Hit, Rule
from reportlint.rules.punctuation.common import TO_FULL_WIDTH


class HalfwidthPunctuation(Rule):
    """Finds a half-width comma, semicolon, colon, question or exclamation mark in Chinese text:
    ``,`` ``;`` ``:`` ``?`` ``!`` written for ``，`` ``；`` ``：`` ``？`` ``！``.

    Why: GB/T 15834-2011 sets Chinese text with full-width marks. A half-width mark, typed with the input
    method in English mode, is narrower than its neighbours and shows at once in the printed report.

    A mark counts as Chinese when a Chinese character or full-width mark stands right beside it, or when
    only spaces separate it from a Chinese character that follows (``增长15%, 全年`` → ``增长15%，全年``; the
    spaces go too). Left alone: numbers (``1,234``, ``10:30``, ``3:2``), Latin text (``Hello, world``),
    URLs and e-mail addresses, and Markdown code.

    Silence it: type the full-width mark; ``ignore = ["PUN001"]`` turns the rule off.
    """

    code = "PUN001"
    name = "halfwidth-punctuation"
    severity = Severity.ERROR
    summary = "A half-width , ; : ? ! in Chinese text (use ， ； ： ？ ！)"
    flags = (Case("园区全年新签约项目36个⟦,⟧总投资52亿元。", fix="，"),)
    passes = ("总投资1,234万元，会议10:30召开，比分3:2，Hello, world。",)

    _MARKS = regex.compile(r"[,;:?!]+")
    _SPACES = regex.compile(r"[ \t\u00a0]*")

    def check(self, document: Document) -> Iterator[Hit]:
        for block, match in prose_matches(document, self._MARKS, ",;:?!"):
            text, (start, end) = block.text, match.span()
            before, after = char_at(text, start - 1), char_at(text, end)
            spaced = self._SPACES.match(text, end).end()  # type: ignore[union-attr]  # matches the empty string
            next_word = char_at(text, spaced)
            if spaced > end and is_(CHINESE_TEXT, next_word) and not is_(LATIN_OR_DIGIT, before):
                end = spaced  # the spaces after the mark go with it
            elif not (is_(CHINESE_TEXT, before) or is_(CHINESE_TEXT, after)):
                continue
            marks = match.group()
            full = marks.translate(TO_FULL_WIDTH)
            yield Hit(block, start, end, f"中文行文中误用半角标点“{marks}”：请改为“{full}”", replacement=full)
